#include "data/split.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <unordered_set>

namespace dari {

namespace {

// Uniform in [0, bound) without modulo bias: rejects the top partial range.
std::uint64_t uniformBelow(std::mt19937_64& random, std::uint64_t bound) {
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                                std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t value;
    do {
        value = random();
    } while (value >= limit);
    return value % bound;
}

class Fnv1a64 {
public:
    void add(const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            hash_ ^= bytes[i];
            hash_ *= 0x100000001b3ULL;
        }
    }
    // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
    void add(const std::string& text) {
        std::uint64_t size = text.size();
        unsigned char length[8];
        for (unsigned char& byte : length) {
            byte = static_cast<unsigned char>(size & 0xFF);
            size >>= 8;
        }
        add(length, sizeof length);
        add(text.data(), text.size());
    }
    std::uint64_t value() const { return hash_; }

private:
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::size_t defaultDevCount(std::size_t total) {
    const std::size_t count = std::clamp<std::size_t>(total / 100, 50, 1000);
    return std::max<std::size_t>(std::min(count, total / 10), total >= 2 ? 1 : 0);
}

std::size_t devCountFromFraction(std::size_t total, double fraction) {
    const double count = std::round(std::clamp(fraction, 0.0, 1.0) * static_cast<double>(total));
    return std::min(total, static_cast<std::size_t>(count));
}

DevSplit splitDev(const std::vector<SentencePair>& pairs, std::size_t devCount,
                  std::uint64_t seed) {
    const std::size_t total = pairs.size();
    devCount = std::min(devCount, total);
    std::vector<std::size_t> order(total);
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 random(seed);
    // Partial Fisher-Yates: only the first devCount places need drawing.
    for (std::size_t i = 0; i < devCount; ++i)
        std::swap(order[i], order[i + uniformBelow(random, total - i)]);
    std::vector<bool> isDev(total, false);
    for (std::size_t i = 0; i < devCount; ++i)
        isDev[order[i]] = true;
    DevSplit split;
    split.dev.reserve(devCount);
    split.train.reserve(total - devCount);
    for (std::size_t i = 0; i < total; ++i)
        (isDev[i] ? split.dev : split.train).push_back(pairs[i]);
    return split;
}

std::size_t removeDuplicates(std::vector<SentencePair>& pairs) {
    std::unordered_set<std::string> seen;
    std::size_t kept = 0;
    for (auto& pair : pairs) {
        std::string key = std::to_string(pair.source.size()) + ':' + pair.source + pair.target;
        if (!seen.insert(std::move(key)).second) continue;
        if (&pairs[kept] != &pair) pairs[kept] = std::move(pair);
        ++kept;
    }
    const std::size_t removed = pairs.size() - kept;
    pairs.resize(kept);
    return removed;
}

std::string fingerprint(const std::vector<SentencePair>& pairs) {
    Fnv1a64 hash;
    for (const auto& pair : pairs) {
        hash.add(pair.source);
        hash.add(pair.target);
    }
    static const char digits[] = "0123456789abcdef";
    std::string hex(16, '0');
    std::uint64_t value = hash.value();
    for (int i = 15; i >= 0; --i, value >>= 4)
        hex[static_cast<std::size_t>(i)] = digits[value & 0xF];
    return hex;
}

}  // namespace dari
