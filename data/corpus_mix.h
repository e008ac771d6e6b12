#pragma once
// Mixing corpora by weight: which examples an epoch trains on when several corpora, each with
// its own weight, are trained on together (as Marian's and OpenNMT-py's weighted corpora).
//
// A corpus of n pairs with weight w gives round(w * n) examples to every epoch: an integer
// weight repeats each of its pairs w times; a fraction takes the next share of an endless
// sequence of shuffles of the corpus, so that over the epochs every pair comes equally often
// (weight 0.5: one half in epoch 0, the other half in epoch 1). The choice depends only on the
// seed and the epoch: the same with any number of threads or processes, and after --resume.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dari {

struct MixPart {
    std::size_t first = 0;  // the corpus's examples are [first, first + count) ...
    std::size_t count = 0;  // ... of the run's example list
    double weight = 1.0;
};

// round(weight * count) for each part, summed: the examples of one epoch.
std::size_t epochExampleCount(const std::vector<MixPart>& parts);
// How many examples part `i` gives each epoch.
std::size_t partExamplesPerEpoch(const MixPart& part);

// The example indices of `epoch`, part by part (an index appears once per time it is trained
// on). A single part of weight 1 gives 0 .. count-1 in order.
std::vector<std::size_t> epochExamples(const std::vector<MixPart>& parts, int64_t epoch,
                                       uint64_t seed);

}  // namespace dari
