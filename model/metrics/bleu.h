#pragma once
// Corpus-level BLEU as sacreBLEU 2.6.0 computes it by default: one reference per sentence,
// 13a tokenisation, case-sensitive, n-grams up to 4, "exp" smoothing, brevity penalty.

#include <array>
#include <string>
#include <vector>

namespace dari {

constexpr int kBleuMaxOrder = 4;

struct BleuScore {
    double score = 0.0;  // 0-100
    double bp = 0.0;     // brevity penalty
    long hypLen = 0;     // tokens after 13a tokenisation, summed over the corpus
    long refLen = 0;
    std::array<long, kBleuMaxOrder> matches{};  // clipped n-gram matches, by order 1..4
    std::array<long, kBleuMaxOrder> totals{};   // hypothesis n-grams, by order 1..4
};

// sacreBLEU's tokenizer_13a (mteval-v13a): tokens joined by single spaces.
std::string tokenize13a(const std::string& line);

// hyps[i] is scored against refs[i]; throws std::invalid_argument if the counts differ.
BleuScore corpusBleu(const std::vector<std::string>& hyps, const std::vector<std::string>& refs);

}  // namespace dari
