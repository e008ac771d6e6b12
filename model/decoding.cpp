// What the searches share: options from a model's config, and how hypotheses are scored.

#include "model/decoding.h"

#include <algorithm>
#include <cmath>

#include "model/config.h"

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
    return o;
}

double normalisedScore(double logProb, size_t length, const DecodeOptions& options) {
    const auto n = static_cast<double>(std::max<size_t>(length, 1));
    return logProb / std::pow(n, options.lengthPenalty) + options.wordReward * n;
}

}  // namespace dari
