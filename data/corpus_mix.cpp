#include "data/corpus_mix.h"

#include <cmath>
#include <random>

#include "data/batch.h"

namespace dari {
namespace {

// The k-th shuffle of a part's examples (relative indices).
std::vector<std::size_t> shuffled(std::size_t count, uint64_t seed, std::size_t part, int64_t k) {
    std::vector<std::size_t> order(count);
    for (std::size_t i = 0; i < count; ++i)
        order[i] = i;
    std::mt19937_64 rng(seed * 0x9e3779b97f4a7c15ULL + part * 1000003ULL +
                        static_cast<uint64_t>(k));
    shuffleInPlace(order, rng);
    return order;
}

}  // namespace

std::size_t partExamplesPerEpoch(const MixPart& part) {
    if (part.count == 0 || part.weight <= 0) return 0;
    return std::max<std::size_t>(1, std::llround(part.weight * static_cast<double>(part.count)));
}

std::size_t epochExampleCount(const std::vector<MixPart>& parts) {
    std::size_t n = 0;
    for (const auto& p : parts)
        n += partExamplesPerEpoch(p);
    return n;
}

std::vector<std::size_t> epochExamples(const std::vector<MixPart>& parts, int64_t epoch,
                                       uint64_t seed) {
    std::vector<std::size_t> out;
    out.reserve(epochExampleCount(parts));
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const MixPart& p = parts[i];
        const std::size_t total = partExamplesPerEpoch(p);
        if (total == 0) continue;
        // Whole copies, in order (the batches are shuffled later) ...
        const std::size_t whole = total / p.count;
        for (std::size_t copy = 0; copy < whole; ++copy)
            for (std::size_t j = 0; j < p.count; ++j)
                out.push_back(p.first + j);
        // ... and the rest from the endless sequence of shuffles, where the last epoch stopped.
        const std::size_t rest = total - whole * p.count;
        if (rest == 0) continue;
        const auto start = static_cast<uint64_t>(epoch) * rest;
        int64_t k = static_cast<int64_t>(start / p.count);
        std::size_t at = static_cast<std::size_t>(start % p.count);
        auto order = shuffled(p.count, seed, i, k);
        for (std::size_t taken = 0; taken < rest; ++taken) {
            if (at == p.count) {
                order = shuffled(p.count, seed, i, ++k);
                at = 0;
            }
            out.push_back(p.first + order[at++]);
        }
    }
    return out;
}

}  // namespace dari
