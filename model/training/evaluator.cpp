#include "model/training/evaluator.h"

#include <cmath>
#include <exception>

#include "data/placeholders.h"
#include "model/device.h"
#include "model/metrics/bleu.h"
#include "model/metrics/chrf.h"
#include "model/runtime.h"
#include "model/training/worker_pool.h"

namespace dari {

DecodeOptions validationGreedy() {
    DecodeOptions greedy;
    greedy.noRepeatNgram = 0;
    return greedy;
}

namespace {

// Teacher-forced next-piece scores [B, T, V] for cross-entropy: one network's logits; for an
// ensemble, the log of its members' mean probability (log-probabilities are their own logits).
torch::Tensor teacherForcedScores(const std::vector<Seq2Seq>& networks, const Batch& batch) {
    std::vector<torch::Tensor> all;
    const Batch onIts = onDevice(batch, deviceOf(*networks.front()));
    for (auto network : networks)
        all.push_back(network->forward(onIts.src, onIts.tgtIn).logits);
    if (all.size() == 1) return all.front();
    for (auto& logits : all)
        logits = logits.log_softmax(-1);
    return torch::stack(all).logsumexp(0) - std::log(static_cast<double>(all.size()));
}

}  // namespace

DevScores evaluate(Seq2Seq& model, const std::vector<Example>& examples,
                   const std::vector<std::string>& references, const Vocabulary& tgt,
                   const DecodeOptions& options, int batchSize,
                   const std::vector<std::vector<std::string>>& spans) {
    return evaluate(std::vector<Seq2Seq>{model}, examples, references, tgt, options, batchSize,
                    spans);
}

DevScores evaluate(const std::vector<Seq2Seq>& networks, const std::vector<Example>& examples,
                   const std::vector<std::string>& references, const Vocabulary& tgt,
                   const DecodeOptions& options, int batchSize,
                   const std::vector<std::vector<std::string>>& spans) {
    std::vector<std::vector<size_t>> batches;
    for (size_t start = 0; start < examples.size(); start += batchSize) {
        batches.emplace_back();
        for (size_t i = start; i < std::min(examples.size(), start + batchSize); ++i)
            batches.back().push_back(i);
    }
    const size_t shards = std::min<size_t>(
        batches.size(), static_cast<size_t>(parallelShards(deviceOf(*networks.front()))));
    DevScores scores;
    scores.hypotheses.resize(examples.size());
    std::vector<double> lossSums(shards, 0.0);
    std::vector<int64_t> tokens(shards, 0);
    std::vector<std::exception_ptr> errors(shards);
    std::vector<std::function<void()>> tasks;
    for (size_t k = 0; k < shards; ++k)
        tasks.push_back([&, k] {
            try {
                torch::InferenceMode inference;
                for (size_t b = k; b < batches.size(); b += shards) {
                    const auto batch = makeBatch(examples, batches[b]);
                    const auto predicted = teacherForcedScores(networks, batch);
                    const auto targets = batch.tgtOut.to(predicted.device());
                    lossSums[k] +=
                        sequenceLoss(predicted, targets, 0.0).item<double>() * batch.targetTokens;
                    tokens[k] += batch.targetTokens;
                    const auto hypotheses = decode(networks, batch, options);
                    for (size_t i = 0; i < batches[b].size(); ++i) {
                        const size_t e = batches[b][i];
                        const auto text = tgt.decode(hypotheses[i].front().ids);
                        scores.hypotheses[e] = spans.empty() ? text : restore(text, spans[e]);
                    }
                }
            } catch (...) {
                errors[k] = std::current_exception();
            }
        });
    std::vector<bool> training;
    for (auto network : networks) {
        training.push_back(network->is_training());
        network->eval();
    }
    WorkerPool::shared().run(tasks);
    for (size_t n = 0; n < networks.size(); ++n) {
        auto network = networks[n];
        network->train(training[n]);
    }
    for (const auto& error : errors)
        if (error) std::rethrow_exception(error);
    double lossSum = 0.0;
    int64_t tokenCount = 0;
    for (size_t k = 0; k < shards; ++k) {
        lossSum += lossSums[k];
        tokenCount += tokens[k];
    }
    scores.loss = tokenCount > 0 ? lossSum / tokenCount : 0.0;
    scores.bleu = corpusBleu(scores.hypotheses, references).score;
    scores.chrf = corpusChrf(scores.hypotheses, references);
    return scores;
}

}  // namespace dari
