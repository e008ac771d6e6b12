#pragma once
// Decoding a batch of sources: greedy, beam search, or sampling (chat replies).

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "data/batch.h"
#include "model/seq2seq.h"

namespace dari {

struct DecodeOptions {
    int beam = 1;                // 1: greedy
    int nbest = 1;               // hypotheses returned per source (<= beam; sampling: draws ranked)
    double lengthPenalty = 1.0;  // beam: score / length^alpha ...
    double wordReward = 0.0;     // ... + this for each output piece
    double maxLengthRatio = 2.0; // at most ratio * source length + 10 pieces
    int noRepeatNgram = 3;       // 0: the whole repetition guard off
    bool sample = false;         // draw each piece instead of taking the likeliest
    double temperature = 1.0;
    int topK = 0;
    double topP = 1.0;
    uint64_t seed = 0;
    // Cooperative stop, polled once per decoding step (and between batches by the
    // Translator) on the decoding thread: true ends the search early. What was
    // decoded so far is returned, marked `stopped`. Empty: never stops.
    std::function<bool()> shouldStop;

    bool stopRequested() const { return shouldStop && shouldStop(); }
};

struct DecodeConfig;
// A model's decoding settings (config.yaml's decode section) as options.
DecodeOptions decodeOptions(const DecodeConfig& config);

struct Hypothesis {
    std::vector<int64_t> ids;  // without </s>
    double score = 0.0;        // log-probability (beam, ranked draws: length-normalised)
    torch::Tensor attention;   // [T, S] weights for each output piece (incl. </s>), or undefined
    bool stopped = false;      // shouldStop ended the search before this output was complete
};

// One list of hypotheses (best first) per source in the batch. Runs under
// InferenceMode with the networks in eval mode. Several networks decode as an
// ensemble (see model/ensemble.h); hypotheses' attention is then their mean.
std::vector<std::vector<Hypothesis>> decode(const std::vector<Seq2Seq>& networks, const Batch& sources,
                                            const DecodeOptions& options);
std::vector<std::vector<Hypothesis>> decode(Seq2Seq& model, const Batch& sources, const DecodeOptions& options);

std::vector<std::vector<Hypothesis>> greedyDecode(const std::vector<Seq2Seq>& networks, const Batch& sources,
                                                  const DecodeOptions& options);
// Sample-and-rank: options.nbest draws per source (one batch row each), ranked by
// length-normalised log-probability, identical draws merged.
std::vector<std::vector<Hypothesis>> sampleDecode(const std::vector<Seq2Seq>& networks, const Batch& sources,
                                                  const DecodeOptions& options);
std::vector<std::vector<Hypothesis>> beamDecode(const std::vector<Seq2Seq>& networks, const Batch& sources,
                                                const DecodeOptions& options);

// The score hypotheses are ranked by: logProb / length^lengthPenalty + wordReward * length
// (length counts </s>). The reward counters the models' bias towards short outputs where
// length normalisation does not.
double normalisedScore(double logProb, size_t length, const DecodeOptions& options);

// <pad> and <s> are never outputs, even of an untrained model.
void banSpecialPieces(torch::Tensor& logProbs);

// The repetition guard: pieces that would repeat an n-gram already produced, or
// repeat the same piece a third time in a row (small models loop: "Tom Tom Tom").
// noRepeatNgram <= 0 turns both rules off.
std::vector<int64_t> bannedPieces(const std::vector<int64_t>& history, int noRepeatNgram);

}  // namespace dari
