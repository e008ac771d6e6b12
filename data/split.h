#pragma once
// Corpus-level helpers: a deterministic dev split, de-duplication, a fingerprint.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "data/corpus.h"

namespace dari {

struct DevSplit {
    std::vector<SentencePair> train, dev;  // each in the corpus order
};

// The dev size when none is given: 1% of the pairs, at least 50 and at most
// 1000, but never more than 10% of the corpus (and at least 1 pair of 2 or more).
std::size_t defaultDevCount(std::size_t total);
// round(fraction * total), clamped to [0, total].
std::size_t devCountFromFraction(std::size_t total, double fraction);

// Picks `devCount` pairs (clamped to the corpus size) for dev, the rest for
// train. The same pairs and seed give the same split on every platform: the
// shuffle is our own Fisher-Yates over std::mt19937_64, whose output the
// standard fixes (std::shuffle and the distributions are implementation-defined).
DevSplit splitDev(const std::vector<SentencePair>& pairs, std::size_t devCount, std::uint64_t seed);

// Removes pairs whose source and target both equal an earlier pair's; returns how many.
std::size_t removeDuplicates(std::vector<SentencePair>& pairs);

// FNV-1a 64 over the pairs' text in order (not their line numbers), as 16 hex digits.
std::string fingerprint(const std::vector<SentencePair>& pairs);

}  // namespace dari
