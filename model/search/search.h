#pragma once
// Decoding a batch of sources: the options, the hypotheses, and decode(), which picks
// greedy search, beam search or sampling (model/search/*_search.h, sampling.h).

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "data/batch.h"
#include "model/bundle/config.h"
#include "model/network/seq2seq.h"

namespace dari {

// How to decode. A model decodes by default with its config's decode section
// (model/bundle/config.h), as decodeOptions(config.decode) gives it. A bare DecodeOptions
// takes the length and repetition settings from there too, but is greedy, and samples
// (when asked to) from the plain distribution: temperature 1, no top-k or top-p cut.
struct DecodeOptions {
    int beam = 1;   // 1: greedy
    int nbest = 1;  // hypotheses returned per source (<= beam; sampling: draws ranked)
    double lengthPenalty = DecodeConfig().lengthPenalty;  // beam: score / length^alpha ...
    double wordReward = DecodeConfig().wordReward;        // ... + this for each output piece
    double maxLengthRatio =
        DecodeConfig().maxLengthRatio;                 // at most ratio * source length + 10 pieces
    int noRepeatNgram = DecodeConfig().noRepeatNgram;  // 0: the whole repetition guard off
    bool sample = false;  // draw each piece instead of taking the likeliest
    // beam: prefer a hypothesis that is not one of the model's frequent replies (Translator)
    bool avoidFrequentReplies = DecodeConfig().avoidFrequentReplies;
    double temperature = 1.0;
    int topK = 0;  // 0: all pieces
    double topP = 1.0;
    uint64_t seed = 0;
    // The placeholder pieces ⟦1⟧ … ⟦9⟧ (data/placeholders.h) as (source id, target id): each
    // one a source holds comes out (model/search/placeholder_constraint.h). Empty: no constraint.
    std::vector<std::pair<int64_t, int64_t>> placeholders;
    // Cooperative stop, polled once per decoding step (and between batches by the
    // Translator) on the decoding thread: true ends the search early. What was
    // decoded so far is returned, marked `stopped`. Empty: never stops.
    std::function<bool()> shouldStop;

    bool stopRequested() const { return shouldStop && shouldStop(); }
};

// A model's decoding settings (config.yaml's decode section) as options.
DecodeOptions decodeOptions(const DecodeConfig& config);

struct Hypothesis {
    std::vector<int64_t> ids;  // without </s>
    double score = 0.0;        // log-probability (beam, ranked draws: length-normalised)
    double logProb = 0.0;      // the output's log-probability: the sum over its scored pieces ...
    int64_t scoredPieces = 0;  // ... which are its ids, and </s> when it ended with one
    torch::Tensor attention;   // [T, S] weights for each output piece (incl. </s>), or undefined
    bool stopped = false;      // shouldStop ended the search before this output was complete
};

// One list of hypotheses (best first) per source in the batch. Runs under
// InferenceMode with the networks in eval mode. Several networks decode as an
// ensemble (see model/search/ensemble.h); hypotheses' attention is then their mean.
std::vector<std::vector<Hypothesis>> decode(const std::vector<Seq2Seq>& networks,
                                            const Batch& sources, const DecodeOptions& options);
std::vector<std::vector<Hypothesis>> decode(Seq2Seq& model, const Batch& sources,
                                            const DecodeOptions& options);

// The score hypotheses are ranked by: logProb / length^lengthPenalty + wordReward * length
// (length counts </s>). The reward counters the models' bias towards short outputs where
// length normalisation does not.
double normalisedScore(double logProb, size_t length, const DecodeOptions& options);

// How the options search, in words: "greedy", "beam 5", "sampled".
std::string searchName(const DecodeOptions& options);

}  // namespace dari
