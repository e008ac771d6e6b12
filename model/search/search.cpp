// The searches' one entry point, options from a model's config, and how hypotheses are scored.

#include "model/search/search.h"

#include <algorithm>
#include <cmath>

#include "model/bundle/config.h"
#include "model/search/beam_search.h"
#include "model/search/greedy_search.h"
#include "model/search/sampling.h"

namespace dari {

DecodeOptions decodeOptions(const DecodeConfig& d) {
    DecodeOptions o;
    o.beam = d.beam;
    o.lengthPenalty = d.lengthPenalty;
    o.wordReward = d.wordReward;
    o.maxLengthRatio = d.maxLengthRatio;
    o.noRepeatNgram = d.noRepeatNgram;
    o.temperature = d.temperature;
    o.topK = d.topK;
    o.topP = d.topP;
    o.avoidFrequentReplies = d.avoidFrequentReplies;
    return o;
}

double normalisedScore(double logProb, size_t length, const DecodeOptions& options) {
    const auto n = static_cast<double>(std::max<size_t>(length, 1));
    return logProb / std::pow(n, options.lengthPenalty) + options.wordReward * n;
}

std::vector<std::vector<Hypothesis>> decode(const std::vector<Seq2Seq>& networks,
                                            const Batch& sources, const DecodeOptions& options) {
    torch::InferenceMode inference;
    for (auto network : networks)
        network->eval();
    if (options.sample) {
        return options.nbest > 1 ? sampleDecode(networks, sources, options)
                                 : greedyDecode(networks, sources, options);
    }
    if (options.beam > 1) return beamDecode(networks, sources, options);
    return greedyDecode(networks, sources, options);
}

std::vector<std::vector<Hypothesis>> decode(Seq2Seq& model, const Batch& sources,
                                            const DecodeOptions& options) {
    return decode(std::vector<Seq2Seq>{model}, sources, options);
}

std::string searchName(const DecodeOptions& options) {
    if (options.sample) return "sampled";
    return options.beam > 1 ? "beam " + std::to_string(options.beam) : "greedy";
}

}  // namespace dari
