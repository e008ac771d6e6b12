#include "model/training/data_parallel.h"

#include <exception>
#include <limits>

#include "model/device.h"
#include "model/network/shard_random.h"
#include "model/runtime.h"
#include "model/training/loss.h"
#include "model/training/worker_pool.h"

namespace dari {

std::vector<std::vector<size_t>> splitIndices(const std::vector<size_t>& indices, int shards) {
    const size_t count = std::max<size_t>(1, std::min<size_t>(indices.size(), std::max(1, shards)));
    std::vector<std::vector<size_t>> groups(count);
    for (size_t i = 0; i < indices.size(); ++i)
        groups[i % count].push_back(indices[i]);
    return groups;
}

namespace {

struct ShardGradients {
    double loss = 0.0;
    std::vector<torch::Tensor> grads;
    std::exception_ptr error;
};

void runShard(const std::vector<torch::Tensor>& parameters, const Batch& shard, double weight,
              const ShardLoss& lossOf, uint64_t seed, ShardGradients& out) {
    try {
        ShardRandom random(seed);
        const auto loss = lossOf(shard) * weight;
        // grad(), not backward(): nothing is accumulated into shared .grad fields
        // concurrently, and the caller sums the shards in a fixed order.
        out.grads = torch::autograd::grad({loss}, parameters, {}, /*retain_graph=*/false,
                                          /*create_graph=*/false, /*allow_unused=*/true);
        out.loss = loss.item<double>();
    } catch (...) {
        out.error = std::current_exception();
    }
}

}  // namespace

double dataParallelGradients(torch::nn::Module& model, const std::vector<Batch>& shards,
                             const ShardLoss& lossOf, uint64_t seed, int firstShard,
                             int64_t batchTokens) {
    const auto parameters = model.parameters();
    int64_t tokens = batchTokens;
    if (tokens <= 0)
        for (const auto& s : shards)
            tokens += s.targetTokens;
    std::vector<ShardGradients> results(shards.size());
    // More shards than threads (train.shards): each thread takes every threads-th shard in
    // turn. A shard's result does not depend on which thread computes it.
    const size_t threads =
        std::min<size_t>(shards.size(), static_cast<size_t>(std::max(1, configuredThreads())));
    std::vector<std::function<void()>> tasks;
    for (size_t t = 0; t < threads; ++t)
        tasks.push_back([&, t] {
            for (size_t k = t; k < shards.size(); k += threads) {
                const double weight =
                    static_cast<double>(shards[k].targetTokens) / std::max<int64_t>(1, tokens);
                runShard(parameters, shards[k], weight, lossOf, seed + firstShard + k, results[k]);
            }
        });
    WorkerPool::shared().run(tasks);
    for (const auto& r : results)
        if (r.error) std::rethrow_exception(r.error);

    torch::NoGradGuard noGrad;
    double loss = 0.0;
    for (const auto& r : results)
        loss += r.loss;
    for (size_t i = 0; i < parameters.size(); ++i) {
        torch::Tensor sum;
        for (const auto& r : results) {
            const auto& g = r.grads[i];
            if (!g.defined()) continue;
            // The shards' gradients are ours to overwrite (contiguous: not an expanded view).
            sum = !sum.defined() ? g.contiguous() : sum.add_(g);
        }
        auto p = parameters[i];
        p.mutable_grad() = sum.defined() ? sum : torch::zeros_like(p);
    }
    return loss;
}

BatchGradients batchGradients(Seq2Seq& model, const std::vector<Example>& examples,
                              const std::vector<size_t>& indices, double teacherForcing,
                              double labelSmoothing, const std::function<void(Batch&)>& prepare,
                              const ShardSlice& slice) {
    BatchGradients out;
    const int total = slice.total > 0 ? slice.total : parallelShards(deviceOf(*model));
    const int first = slice.total > 0 ? slice.first : 0;
    const int count = slice.total > 0 ? slice.count : total;
    std::vector<Batch> shards;
    const auto groups = splitIndices(indices, total);
    for (size_t k = 0; k < groups.size(); ++k) {
        Batch batch = makeBatch(examples, groups[k]);
        if (prepare) prepare(batch);
        out.targetTokens += batch.targetTokens;
        if (static_cast<int>(k) >= first && static_cast<int>(k) < first + count)
            shards.push_back(std::move(batch));
    }
    const uint64_t seed = drawShardSeed();  // by every rank, so that all stay in step
    if (shards.empty()) {                   // a batch smaller than the ranks: this one adds nothing
        for (auto& p : model->parameters())
            p.mutable_grad() = torch::zeros_like(p);
        return out;
    }
    out.loss = dataParallelGradients(
        *model, shards,
        [&, device = deviceOf(*model)](const Batch& cpu) {
            const Batch b = onDevice(cpu, device);
            const auto result = model->forward(b.src, b.tgtIn, teacherForcing, /*logits=*/false);
            return trainingLoss(model, result, b.tgtOut, labelSmoothing);
        },
        seed, first, out.targetTokens);
    return out;
}

uint64_t drawShardSeed() {
    return static_cast<uint64_t>(
        torch::randint(std::numeric_limits<int64_t>::max(), {1}).item<int64_t>());
}

}  // namespace dari
