#include "data/batch.h"

#include <algorithm>
#include <random>

#include "data/vocabulary.h"

namespace dari {

namespace {

torch::Tensor padded(const std::vector<std::vector<int64_t>>& rows, int64_t width) {
    auto tensor = torch::full({static_cast<int64_t>(rows.size()), width}, kPadId, torch::kLong);
    auto* data = tensor.data_ptr<int64_t>();
    for (size_t r = 0; r < rows.size(); ++r)
        std::copy(rows[r].begin(), rows[r].end(), data + r * width);
    return tensor;
}

size_t longest(const std::vector<std::vector<int64_t>>& rows) {
    size_t width = 1;
    for (const auto& r : rows)
        width = std::max(width, r.size());
    return width;
}

}  // namespace

Batch makeSourceBatch(const std::vector<std::vector<int64_t>>& sources) {
    std::vector<std::vector<int64_t>> src;
    std::vector<int64_t> lengths;
    for (const auto& s : sources) {
        src.push_back(s);
        src.back().push_back(kEosId);
        lengths.push_back(static_cast<int64_t>(src.back().size()));
    }
    Batch batch;
    batch.src = padded(src, longest(src));
    batch.lengths = torch::tensor(lengths, torch::kLong);
    return batch;
}

Batch makeBatch(const std::vector<Example>& examples, const std::vector<size_t>& indices) {
    std::vector<std::vector<int64_t>> sources, tgtIn, tgtOut;
    for (size_t i : indices) {
        sources.push_back(examples[i].src);
        const auto& y = examples[i].tgt;
        tgtIn.push_back({kBosId});
        tgtIn.back().insert(tgtIn.back().end(), y.begin(), y.end());
        tgtOut.push_back(y);
        tgtOut.back().push_back(kEosId);
    }
    Batch batch = makeSourceBatch(sources);
    const auto width = longest(tgtOut);
    batch.tgtIn = padded(tgtIn, width);
    batch.tgtOut = padded(tgtOut, width);
    for (const auto& row : tgtOut)
        batch.targetTokens += static_cast<int64_t>(row.size());
    batch.indices = indices;
    return batch;
}

std::vector<std::vector<size_t>> bucketBatches(const std::vector<Example>& examples, int sentences,
                                               int tokens, uint64_t seed) {
    std::vector<size_t> all(examples.size());
    for (size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    return bucketBatches(examples, std::move(all), sentences, tokens, seed);
}

std::vector<std::vector<size_t>> bucketBatches(const std::vector<Example>& examples,
                                               std::vector<size_t> order, int sentences, int tokens,
                                               uint64_t seed) {
    std::mt19937_64 rng(seed);
    shuffleInPlace(order, rng);  // random order among equal lengths
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const auto& x = examples[a];
        const auto& y = examples[b];
        return std::make_pair(x.src.size(), x.tgt.size()) <
               std::make_pair(y.src.size(), y.tgt.size());
    });
    std::vector<std::vector<size_t>> batches;
    std::vector<size_t> current;
    size_t srcWidth = 0, tgtWidth = 0;
    for (size_t i : order) {
        const size_t s = std::max(srcWidth, examples[i].src.size() + 1);
        const size_t t = std::max(tgtWidth, examples[i].tgt.size() + 1);
        const bool full = tokens > 0 ? (current.size() + 1) * (s + t) > static_cast<size_t>(tokens)
                                     : current.size() >= static_cast<size_t>(sentences);
        if (full && !current.empty()) {
            batches.push_back(std::move(current));
            current.clear();
            srcWidth = tgtWidth = 0;
        }
        current.push_back(i);
        srcWidth = std::max(srcWidth, examples[i].src.size() + 1);
        tgtWidth = std::max(tgtWidth, examples[i].tgt.size() + 1);
    }
    if (!current.empty()) batches.push_back(std::move(current));
    shuffleInPlace(batches, rng);
    return batches;
}

}  // namespace dari
