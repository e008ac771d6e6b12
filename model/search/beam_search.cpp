// Beam search over a batch: B sources x K beams decoded together as B*K rows.

#include <algorithm>
#include <cmath>
#include <functional>

#include "model/search/beam_search.h"

#include "data/vocabulary.h"
#include "model/search/ensemble.h"
#include "model/search/placeholder_constraint.h"
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
    bool stopped = false;      // cut short by DecodeOptions::shouldStop
    bool endsWithEos = false;  // its score counts </s> (else it ran out of length or was stopped)
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

// Every extension's total score [R, V]: the beam's score plus the piece's log-probability,
// -inf for the pieces the guard or the placeholders ban (piecesLeft: per source, this step's
// piece included).
torch::Tensor extensionScores(torch::Tensor& logProbs, const std::vector<Beam>& beams,
                              const DecodeOptions& o, const PlaceholderConstraint& placeholders,
                              const std::vector<int64_t>& piecesLeft) {
    std::vector<float> scores(beams.size());
    banSpecialPieces(logProbs);
    auto acc = logProbs.accessor<float, 2>();
    const size_t K = beams.size() / piecesLeft.size();
    for (size_t r = 0; r < beams.size(); ++r) {
        scores[r] = static_cast<float>(beams[r].score);
        for (int64_t id : bannedPieces(beams[r].ids, o.noRepeatNgram))
            acc[r][id] = kBanned;
        placeholders.apply(acc[r], static_cast<int64_t>(r), beams[r].ids, piecesLeft[r / K]);
    }
    return logProbs + torch::tensor(scores).unsqueeze(1);
}

// The rows of the next step: each row's beam, the row it extends and the piece it feeds.
struct NextRows {
    std::vector<Beam> beams;
    std::vector<int64_t> parents, pieces;
};

// Source b's live beams for the next step, from its 2K best extensions (topScores/topIds:
// [B, 2K] into its K*V, best first); those that end with </s> go to `ended`. Returns how
// many live on (at most K).
int64_t extendSource(int64_t b, int64_t K, int64_t vocab, const std::vector<Beam>& beams,
                     const torch::Tensor& topScores, const torch::Tensor& topIds,
                     const torch::Tensor& weights, const DecodeOptions& o,
                     std::vector<Ended>& ended, NextRows& next) {
    const auto scoreAcc = topScores.accessor<float, 2>();
    const auto idAcc = topIds.accessor<int64_t, 2>();
    int64_t filled = 0;
    for (int64_t c = 0; c < 2 * K && filled < K; ++c) {
        const double score = scoreAcc[b][c];
        if (std::isinf(score)) break;
        const int64_t parent = b * K + idAcc[b][c] / vocab, piece = idAcc[b][c] % vocab;
        Beam extended = extend(beams[parent], piece, score,
                               weights.defined() ? weights[parent] : torch::Tensor());
        if (piece == kEosId) {
            const double n = normalisedScore(score, extended.ids.size() + 1, o);
            ended.push_back({n, std::move(extended), false, true});
            continue;
        }
        const int64_t row = b * K + filled++;
        next.parents[row] = parent;
        next.pieces[row] = piece;
        next.beams[row] = std::move(extended);
    }
    return filled;
}

// The `nbest` best ended beams of one source, as hypotheses (attention cut to its length).
std::vector<Hypothesis> bestEnded(std::vector<Ended>& list, int64_t length, int nbest) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Ended& x, const Ended& y) { return x.normalised > y.normalised; });
    std::vector<Hypothesis> best;
    for (size_t i = 0; i < list.size() && i < static_cast<size_t>(std::max(1, nbest)); ++i) {
        Hypothesis h;
        h.ids = list[i].beam.ids;
        h.score = list[i].normalised;
        h.logProb = list[i].beam.score;
        h.scoredPieces = static_cast<int64_t>(h.ids.size()) + (list[i].endsWithEos ? 1 : 0);
        h.stopped = list[i].stopped;
        if (!list[i].beam.attention.empty())
            h.attention = torch::stack(list[i].beam.attention).slice(1, 0, length);
        best.push_back(std::move(h));
    }
    return best;
}

}  // namespace

std::vector<std::vector<Hypothesis>> beamDecode(const std::vector<Seq2Seq>& networks,
                                                const Batch& sources,
                                                const DecodeOptions& options) {
    const int64_t batch = sources.src.size(0), K = options.beam;
    const auto lengths = sources.lengths.accessor<int64_t, 1>();
    Ensemble ensemble(networks, sources, K);  // row b*K + k is beam k of source b
    const PlaceholderConstraint placeholders(sources, options, K);

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
        std::vector<int64_t> piecesLeft(batch);
        for (int64_t b = 0; b < batch; ++b)
            piecesLeft[b] = limit[b] - t;
        const auto total = extensionScores(out.logProbs, beams, options, placeholders, piecesLeft);
        const int64_t vocab = total.size(1);
        // Pruning: of the K*V extensions of a source's beams, the 2K best (K may end with
        // </s>); the best K that do not end live on.
        const auto [topScores, topIds] = total.view({batch, K * vocab}).topk(2 * K, 1);
        NextRows next{std::vector<Beam>(batch * K), std::vector<int64_t>(batch * K),
                      std::vector<int64_t>(batch * K, kEosId)};
        for (int64_t b = 0; b < batch; ++b) {
            for (int64_t k = 0; k < K; ++k)
                next.parents[b * K + k] = b * K;
            if (done[b]) continue;
            const int64_t filled = extendSource(b, K, vocab, beams, topScores, topIds, out.weights,
                                                options, ended[b], next);
            Beam* live = &next.beams[b * K];
            if (t + 1 >= limit[b]) endLiveBeams(ended[b], live, filled, options, false);
            if (t + 1 >= limit[b] || filled == 0 ||
                searchIsOver(ended[b], live, filled, K, options)) {
                done[b] = true;
                for (int64_t k = 0; k < K; ++k)
                    live[k] = Beam{};
            }
        }
        if (std::all_of(done.begin(), done.end(), [](bool d) { return d; })) break;
        beams = std::move(next.beams);
        ensemble.reorder(torch::tensor(next.parents, torch::kLong));
        input = torch::tensor(next.pieces, torch::kLong);
    }

    std::vector<std::vector<Hypothesis>> result(batch);
    for (int64_t b = 0; b < batch; ++b)
        result[b] = bestEnded(ended[b], lengths[b], options.nbest);
    return result;
}

}  // namespace dari
