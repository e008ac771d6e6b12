#pragma once
// Corpus-level chrF as sacreBLEU 2.6.0 computes it by default (CHRF()): character n-grams up
// to order 6 over Unicode code points with whitespace removed, no word n-grams, beta 2.

#include <string>
#include <vector>

namespace dari {

// hyps[i] is scored against refs[i] (UTF-8); returns 0-100. Throws std::invalid_argument if the
// counts differ.
double corpusChrf(const std::vector<std::string>& hyps, const std::vector<std::string>& refs);

}  // namespace dari
