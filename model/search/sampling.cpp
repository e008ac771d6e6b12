// Sampling: one piece drawn per step (temperature, top-k, top-p), and sample-and-rank.

#include "model/search/sampling.h"

#include <algorithm>
#include <cmath>

#include "model/search/greedy_search.h"

namespace dari {

namespace {
constexpr float kBanned = -std::numeric_limits<float>::infinity();
}  // namespace

// Temperature, top-k and nucleus (top-p) filtering, then one draw per row.
torch::Tensor samplePieces(const torch::Tensor& logProbs, const DecodeOptions& o,
                           torch::Generator& gen) {
    auto scores = logProbs / o.temperature;
    if (o.topK > 0 && o.topK < scores.size(1)) {
        const auto kth = std::get<0>(scores.topk(o.topK, 1)).select(1, o.topK - 1).unsqueeze(1);
        scores = scores.masked_fill(scores < kth, kBanned);
    }
    if (o.topP < 1.0) {
        const auto [sorted, order] = scores.sort(1, /*descending=*/true);
        const auto cumulative = sorted.softmax(1).cumsum(1);
        // Drop a piece once the mass before it already reaches top_p (the first always stays).
        const auto drop = (cumulative - sorted.softmax(1)) > o.topP;
        scores = scores.scatter(1, order, sorted.masked_fill(drop, kBanned));
    }
    return torch::multinomial(scores.softmax(1), 1, false, gen).squeeze(1);
}

std::vector<std::vector<Hypothesis>> sampleDecode(const std::vector<Seq2Seq>& networks,
                                                  const Batch& sources,
                                                  const DecodeOptions& options) {
    const int64_t batch = sources.src.size(0), draws = std::max(1, options.nbest);
    Batch rows;  // row b*draws + d is draw d of source b
    rows.src = sources.src.repeat_interleave(draws, 0);
    rows.lengths = sources.lengths.repeat_interleave(draws);
    auto drawn = greedyDecode(networks, rows, options);
    std::vector<std::vector<Hypothesis>> result(batch);
    for (int64_t b = 0; b < batch; ++b) {
        auto& list = result[b];
        for (int64_t d = 0; d < draws; ++d) {
            Hypothesis& h = drawn[b * draws + d].front();
            const auto same = [&](const Hypothesis& x) { return x.ids == h.ids; };
            if (std::any_of(list.begin(), list.end(), same)) continue;
            // Like beam search: normalised over the pieces scored, </s> included.
            h.score = normalisedScore(h.score, h.ids.size() + 1, options);
            list.push_back(std::move(h));
        }
        std::stable_sort(list.begin(), list.end(), [](const Hypothesis& x, const Hypothesis& y) {
            return x.score > y.score;
        });
    }
    return result;
}

}  // namespace dari
