// Beam search over a batch: B sources x K beams decoded together as B*K rows.

#include <algorithm>
#include <cmath>
#include <functional>

#include "model/search/beam_search.h"

#include "data/vocabulary.h"
#include "model/search/ensemble.h"
#include "model/search/repetition_guard.h"

namespace dari {
namespace {

constexpr float kBanned = -std::numeric_limits<float>::infinity();

struct Beam {
    std::vector<int64_t> ids;
    std::vector<torch::Tensor> attention;  // one [S] row per piece
    double score = kBanned;                // sum of log-probabilities
};

struct Ended {
    double normalised;
    Beam beam;
    bool stopped = false;  // cut short by DecodeOptions::shouldStop
};

Beam extend(const Beam& parent, int64_t piece, double score, const torch::Tensor& weights) {
    Beam next{parent.ids, parent.attention, score};
    if (piece != kEosId) next.ids.push_back(piece);
    if (weights.defined()) next.attention.push_back(weights);
    return next;
}

// Whether the search for one source is over: K beams have ended and no live beam
// scores better than the K-th best of them (compared at the live beams' current
// lengths: the usual heuristic, exact for alpha 0 without a word reward, where
// scores only fall).
bool searchIsOver(const std::vector<Ended>& ended, const Beam* live, int64_t count, int64_t K,
                  const DecodeOptions& o) {
    if (static_cast<int64_t>(ended.size()) < K) return false;
    std::vector<double> scores;
    for (const auto& e : ended)
        scores.push_back(e.normalised);
    std::nth_element(scores.begin(), scores.begin() + (K - 1), scores.end(),
                     std::greater<double>());
    for (int64_t k = 0; k < count; ++k)
        if (normalisedScore(live[k].score, live[k].ids.size(), o) > scores[K - 1]) return false;
    return true;
}

// Out of length (or stopped): the live beams end where they are (beams not started
// yet score -inf and are skipped).
void endLiveBeams(std::vector<Ended>& ended, const Beam* live, int64_t count,
                  const DecodeOptions& o, bool stopped) {
    for (int64_t k = 0; k < count; ++k)
        if (!std::isinf(live[k].score))
            ended.push_back(
                {normalisedScore(live[k].score, live[k].ids.size(), o), live[k], stopped});
}

}  // namespace

std::vector<std::vector<Hypothesis>> beamDecode(const std::vector<Seq2Seq>& networks,
                                                const Batch& sources,
                                                const DecodeOptions& options) {
    const int64_t batch = sources.src.size(0), K = options.beam;
    const auto lengths = sources.lengths.accessor<int64_t, 1>();
    Ensemble ensemble(networks, sources, K);  // row b*K + k is beam k of source b

    std::vector<Beam> beams(batch * K);
    for (int64_t b = 0; b < batch; ++b)
        beams[b * K].score = 0.0;  // start from one beam
    std::vector<std::vector<Ended>> ended(batch);
    std::vector<bool> done(batch, false);
    std::vector<int64_t> limit(batch);
    int64_t maxSteps = 0;
    for (int64_t b = 0; b < batch; ++b) {
        limit[b] = static_cast<int64_t>(options.maxLengthRatio * lengths[b]) + 10;
        maxSteps = std::max(maxSteps, limit[b]);
    }

    auto input = torch::full({batch * K}, kBosId, torch::kLong);
    for (int64_t t = 0; t < maxSteps; ++t) {
        if (options.stopRequested()) {  // the live beams end here, as at the length limit
            for (int64_t b = 0; b < batch; ++b)
                if (!done[b]) endLiveBeams(ended[b], &beams[b * K], K, options, true);
            break;
        }
        auto out = ensemble.step(input);
        auto& logProbs = out.logProbs;
        std::vector<float> scores(batch * K);
        banSpecialPieces(logProbs);
        {
            auto acc = logProbs.accessor<float, 2>();
            for (int64_t r = 0; r < batch * K; ++r) {
                scores[r] = static_cast<float>(beams[r].score);
                for (int64_t id : bannedPieces(beams[r].ids, options.noRepeatNgram))
                    acc[r][id] = kBanned;
            }
        }
        const int64_t vocab = logProbs.size(1);
        const auto total = logProbs + torch::tensor(scores).unsqueeze(1);
        const auto [topScores, topIds] = total.view({batch, K * vocab}).topk(2 * K, 1);
        const auto scoreAcc = topScores.accessor<float, 2>();
        const auto idAcc = topIds.accessor<int64_t, 2>();

        std::vector<Beam> next(batch * K);
        std::vector<int64_t> parents(batch * K), pieces(batch * K, kEosId);
        for (int64_t b = 0; b < batch; ++b) {
            for (int64_t k = 0; k < K; ++k)
                parents[b * K + k] = b * K;
            if (done[b]) continue;
            int64_t filled = 0;
            for (int64_t c = 0; c < 2 * K && filled < K; ++c) {
                const double score = scoreAcc[b][c];
                if (std::isinf(score)) break;
                const int64_t parent = b * K + idAcc[b][c] / vocab, piece = idAcc[b][c] % vocab;
                const auto weights = out.weights.defined() ? out.weights[parent] : torch::Tensor();
                Beam extended = extend(beams[parent], piece, score, weights);
                if (piece == kEosId) {
                    const double n = normalisedScore(score, extended.ids.size() + 1, options);
                    ended[b].push_back({n, std::move(extended), false});
                    continue;
                }
                const int64_t row = b * K + filled++;
                parents[row] = parent;
                pieces[row] = piece;
                next[row] = std::move(extended);
            }
            if (t + 1 >= limit[b]) endLiveBeams(ended[b], &next[b * K], filled, options, false);
            if (t + 1 >= limit[b] || filled == 0 ||
                searchIsOver(ended[b], &next[b * K], filled, K, options)) {
                done[b] = true;
                for (int64_t k = 0; k < K; ++k)
                    next[b * K + k] = Beam{};
            }
        }
        if (std::all_of(done.begin(), done.end(), [](bool d) { return d; })) break;
        beams = std::move(next);
        const auto rows = torch::tensor(parents, torch::kLong);
        ensemble.reorder(rows);
        input = torch::tensor(pieces, torch::kLong);
    }

    std::vector<std::vector<Hypothesis>> result(batch);
    for (int64_t b = 0; b < batch; ++b) {
        auto& list = ended[b];
        std::stable_sort(list.begin(), list.end(), [](const Ended& x, const Ended& y) {
            return x.normalised > y.normalised;
        });
        for (size_t i = 0; i < list.size() && i < static_cast<size_t>(std::max(1, options.nbest));
             ++i) {
            Hypothesis h;
            h.ids = list[i].beam.ids;
            h.score = list[i].normalised;
            h.stopped = list[i].stopped;
            if (!list[i].beam.attention.empty())
                h.attention = torch::stack(list[i].beam.attention).slice(1, 0, lengths[b]);
            result[b].push_back(std::move(h));
        }
    }
    return result;
}

}  // namespace dari
