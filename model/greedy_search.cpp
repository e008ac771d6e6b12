// Greedy decoding and sampling: one hypothesis per source, the whole batch at once.

#include <algorithm>
#include <cmath>

#include "data/vocabulary.h"
#include "model/decoding.h"
#include "model/ensemble.h"

namespace dari {

namespace {

constexpr float kBanned = -std::numeric_limits<float>::infinity();

void applyGuard(torch::Tensor& logProbs, const std::vector<std::vector<int64_t>>& histories,
                const std::vector<bool>& finished, int noRepeatNgram) {
    banSpecialPieces(logProbs);
    auto acc = logProbs.accessor<float, 2>();
    for (size_t r = 0; r < histories.size(); ++r) {
        if (finished[r]) continue;
        for (int64_t id : bannedPieces(histories[r], noRepeatNgram)) acc[r][id] = kBanned;
    }
}

// Temperature, top-k and nucleus (top-p) filtering, then one draw per row.
torch::Tensor samplePieces(const torch::Tensor& logProbs, const DecodeOptions& o, torch::Generator& gen) {
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

}  // namespace

void banSpecialPieces(torch::Tensor& logProbs) {
    logProbs.select(1, kPadId).fill_(kBanned);
    logProbs.select(1, kBosId).fill_(kBanned);
}

std::vector<std::vector<Hypothesis>> greedyDecode(const std::vector<Seq2Seq>& networks, const Batch& sources,
                                                  const DecodeOptions& options) {
    const int64_t batch = sources.src.size(0);
    Ensemble ensemble(networks, sources);
    auto gen = torch::make_generator<torch::CPUGeneratorImpl>(options.seed);

    std::vector<std::vector<int64_t>> histories(batch);
    std::vector<bool> finished(batch, false);
    std::vector<double> scores(batch, 0.0);
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
        applyGuard(logProbs, histories, finished, options.noRepeatNgram);
        const auto next = options.sample ? samplePieces(logProbs, options, gen) : logProbs.argmax(1);
        const auto picked = logProbs.gather(1, next.unsqueeze(1)).squeeze(1);
        const auto nextAcc = next.accessor<int64_t, 1>();
        const auto pickedAcc = picked.accessor<float, 1>();
        for (int64_t b = 0; b < batch; ++b) {
            if (finished[b]) continue;
            if (out.weights.defined()) attention[b].push_back(out.weights[b]);
            scores[b] += pickedAcc[b];
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
        h.score = scores[b];
        h.stopped = stopped && !finished[b];
        if (!attention[b].empty())
            h.attention = torch::stack(attention[b]).slice(1, 0, lengths[b]);
        result[b].push_back(std::move(h));
    }
    return result;
}

std::vector<std::vector<Hypothesis>> sampleDecode(const std::vector<Seq2Seq>& networks, const Batch& sources,
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
        std::stable_sort(list.begin(), list.end(),
                         [](const Hypothesis& x, const Hypothesis& y) { return x.score > y.score; });
    }
    return result;
}

std::vector<std::vector<Hypothesis>> decode(const std::vector<Seq2Seq>& networks, const Batch& sources,
                                            const DecodeOptions& options) {
    torch::InferenceMode inference;
    for (auto network : networks) network->eval();
    if (options.sample) {
        return options.nbest > 1 ? sampleDecode(networks, sources, options)
                                 : greedyDecode(networks, sources, options);
    }
    if (options.beam > 1) return beamDecode(networks, sources, options);
    return greedyDecode(networks, sources, options);
}

std::vector<std::vector<Hypothesis>> decode(Seq2Seq& model, const Batch& sources, const DecodeOptions& options) {
    return decode(std::vector<Seq2Seq>{model}, sources, options);
}

}  // namespace dari
