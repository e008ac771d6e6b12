#pragma once
// distinct-n (Li et al., 2016): how varied a set of generated replies is, as the
// number of distinct n-grams divided by the number of n-grams, over all replies
// together (whitespace tokens). One canned answer for everything scores near 0.

#include <string>
#include <vector>

namespace dari {

double distinctN(const std::vector<std::string>& texts, int n);

}  // namespace dari
