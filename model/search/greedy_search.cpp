// Greedy decoding (or one draw per step): one hypothesis per source, the whole batch at once.

#include <algorithm>
#include <cmath>

#include "data/vocabulary.h"
#include "model/search/greedy_search.h"

#include "model/search/ensemble.h"
#include "model/search/placeholder_constraint.h"
#include "model/search/repetition_guard.h"
#include "model/search/sampling.h"

namespace dari {

namespace {

constexpr float kBanned = -std::numeric_limits<float>::infinity();

// piecesLeft[r]: how many pieces row r may still output, this step's included.
void applyGuard(torch::Tensor& logProbs, const std::vector<std::vector<int64_t>>& histories,
                const std::vector<bool>& finished, int noRepeatNgram,
                const PlaceholderConstraint& placeholders, const std::vector<int64_t>& piecesLeft) {
    banSpecialPieces(logProbs);
    auto acc = logProbs.accessor<float, 2>();
    for (size_t r = 0; r < histories.size(); ++r) {
        if (finished[r]) continue;
        for (int64_t id : bannedPieces(histories[r], noRepeatNgram))
            acc[r][id] = kBanned;
        placeholders.apply(acc[r], static_cast<int64_t>(r), histories[r], piecesLeft[r]);
    }
}

}  // namespace

std::vector<std::vector<Hypothesis>> greedyDecode(const std::vector<Seq2Seq>& networks,
                                                  const Batch& sources,
                                                  const DecodeOptions& options) {
    const int64_t batch = sources.src.size(0);
    Ensemble ensemble(networks, sources);
    const PlaceholderConstraint placeholders(sources, options);
    auto gen = torch::make_generator<torch::CPUGeneratorImpl>(options.seed);

    std::vector<std::vector<int64_t>> histories(batch);
    std::vector<bool> finished(batch, false);
    std::vector<double> scores(batch, 0.0);
    std::vector<int64_t> scored(batch, 0);
    std::vector<std::vector<torch::Tensor>> attention(batch);
    const auto lengths = sources.lengths.accessor<int64_t, 1>();
    int64_t maxSteps = 0;
    std::vector<int64_t> limit(batch);
    for (int64_t b = 0; b < batch; ++b) {
        limit[b] = static_cast<int64_t>(options.maxLengthRatio * lengths[b]) + 10;
        maxSteps = std::max(maxSteps, limit[b]);
    }
    auto input = torch::full({batch}, kBosId, torch::kLong);
    int64_t alive = batch;
    bool stopped = false;
    for (int64_t t = 0; t < maxSteps && alive > 0; ++t) {
        if ((stopped = options.stopRequested())) break;
        auto out = ensemble.step(input);
        auto& logProbs = out.logProbs;
        std::vector<int64_t> piecesLeft(batch);
        for (int64_t b = 0; b < batch; ++b)
            piecesLeft[b] = limit[b] - t;
        applyGuard(logProbs, histories, finished, options.noRepeatNgram, placeholders, piecesLeft);
        const auto next =
            options.sample ? samplePieces(logProbs, options, gen) : logProbs.argmax(1);
        const auto picked = logProbs.gather(1, next.unsqueeze(1)).squeeze(1);
        const auto nextAcc = next.accessor<int64_t, 1>();
        const auto pickedAcc = picked.accessor<float, 1>();
        for (int64_t b = 0; b < batch; ++b) {
            if (finished[b]) continue;
            if (out.weights.defined()) attention[b].push_back(out.weights[b]);
            scores[b] += pickedAcc[b];
            ++scored[b];
            const bool end = nextAcc[b] == kEosId || t + 1 >= limit[b];
            if (nextAcc[b] != kEosId) histories[b].push_back(nextAcc[b]);
            if (end) {
                finished[b] = true;
                --alive;
            }
        }
        input = next;
    }
    std::vector<std::vector<Hypothesis>> result(batch);
    for (int64_t b = 0; b < batch; ++b) {
        Hypothesis h;
        h.ids = std::move(histories[b]);
        h.score = h.logProb = scores[b];
        h.scoredPieces = scored[b];
        h.stopped = stopped && !finished[b];
        if (!attention[b].empty()) h.attention = torch::stack(attention[b]).slice(1, 0, lengths[b]);
        result[b].push_back(std::move(h));
    }
    return result;
}

}  // namespace dari
