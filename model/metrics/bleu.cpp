#include "model/metrics/bleu.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "model/metrics/sacrebleu_text.h"

namespace dari {
namespace {

using NgramCounts = std::unordered_map<std::string, long>;

void replaceAll(std::string& text, std::string_view from, std::string_view to) {
    std::string out;
    size_t start = 0;
    for (size_t hit; (hit = text.find(from, start)) != std::string::npos; start = hit + from.size())
        out.append(text, start, hit - start).append(to);
    text = out.append(text, start, std::string::npos);
}

// Python's str.split(): runs of Unicode whitespace separate words, no empty words.
std::vector<std::string> splitWords(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (size_t pos = 0; pos < text.size();) {
        const size_t start = pos;
        if (utf8::isSpace(utf8::next(text, pos))) {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word.append(text.substr(start, pos - start));
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

// Python's str.rstrip(): drops trailing Unicode whitespace.
std::string rstripped(std::string_view text) {
    size_t end = 0;
    for (size_t pos = 0; pos < text.size();)
        if (!utf8::isSpace(utf8::next(text, pos))) end = pos;
    return std::string(text.substr(0, end));
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isNotDigit(char c) {
    return !isDigit(c);
}
bool isPeriodOrComma(char c) {
    return c == '.' || c == ',';
}
bool isDash(char c) {
    return c == '-';
}

// The class [\{-\~\[-\` -\&\(-\+\:-\@\/]: ASCII punctuation and symbols except ' , - .
bool isSplitSymbol(char c) {
    return (c >= '{' && c <= '~') || (c >= '[' && c <= '`') || (c >= ' ' && c <= '&') ||
           (c >= '(' && c <= '+') || (c >= ':' && c <= '@') || c == '/';
}

std::string padSymbols(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (isSplitSymbol(c))
            out.append({' ', c, ' '});
        else
            out.push_back(c);
    }
    return out;
}

// re.sub() of a pattern matching exactly two characters: matches never overlap, and the
// scan resumes after each match. Bytes stand in for characters: every class is ASCII, and
// a non-ASCII character only ever fills a negated class, where its bytes behave alike.
template <typename First, typename Second>
std::string substitutePairs(const std::string& text, First first, Second second,
                            const char* format) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (i + 1 < text.size() && first(text[i]) && second(text[i + 1])) {
            for (const char* f = format; *f; ++f)
                out.push_back(*f == '1' ? text[i] : *f == '2' ? text[i + 1] : *f);
            i += 2;
        } else {
            out.push_back(text[i++]);
        }
    }
    return out;
}

NgramCounts countNgrams(const std::vector<std::string>& tokens) {
    NgramCounts counts;
    for (size_t n = 1; n <= kBleuMaxOrder; ++n) {
        for (size_t i = 0; i + n <= tokens.size(); ++i) {
            std::string key = tokens[i];
            for (size_t k = i + 1; k < i + n; ++k)
                key.append(" ").append(tokens[k]);
            ++counts[key];
        }
    }
    return counts;
}

void addSentence(const std::string& hyp, const std::string& ref, BleuScore& stats) {
    const auto hypTokens = splitWords(tokenize13a(hyp));
    const auto refTokens = splitWords(tokenize13a(ref));
    stats.hypLen += static_cast<long>(hypTokens.size());
    stats.refLen += static_cast<long>(refTokens.size());
    const NgramCounts refCounts = countNgrams(refTokens);
    for (const auto& [ngram, count] : countNgrams(hypTokens)) {
        const auto order = std::count(ngram.begin(), ngram.end(), ' ');
        stats.totals[order] += count;
        if (auto it = refCounts.find(ngram); it != refCounts.end())
            stats.matches[order] += std::min(count, it->second);
    }
}

double brevityPenalty(long hypLen, long refLen) {
    if (hypLen >= refLen) return 1.0;
    return hypLen > 0 ? std::exp(1.0 - static_cast<double>(refLen) / hypLen) : 0.0;
}

// sacreBLEU's compute_bleu() with smooth_method="exp" and effective_order=False.
double bleuFromStats(const BleuScore& stats) {
    if (std::all_of(stats.matches.begin(), stats.matches.end(), [](long m) { return m == 0; }))
        return 0.0;
    double logSum = 0.0;
    double smooth = 1.0;
    for (int n = 0; n < kBleuMaxOrder; ++n) {
        // sacreBLEU leaves the precision at 0 and takes log(0) as -9999999999: BLEU is 0.
        if (stats.totals[n] == 0) return 0.0;
        double precision;
        if (stats.matches[n] == 0) {
            smooth *= 2;  // NIST/mteval "exp" smoothing: 1 / 2^k for the k-th empty order
            precision = 100.0 / (smooth * stats.totals[n]);
        } else {
            precision = 100.0 * stats.matches[n] / stats.totals[n];
        }
        logSum += std::log(precision);
    }
    return stats.bp * std::exp(logSum / kBleuMaxOrder);
}

}  // namespace

std::string tokenize13a(const std::string& line) {
    std::string text = rstripped(line);  // sacreBLEU's BLEU._preprocess_segment()
    replaceAll(text, "<skipped>", "");
    replaceAll(text, "-\n", "");
    replaceAll(text, "\n", " ");
    replaceAll(text, "&quot;", "\"");
    replaceAll(text, "&amp;", "&");
    replaceAll(text, "&lt;", "<");
    replaceAll(text, "&gt;", ">");
    text = padSymbols(" " + text + " ");
    text = substitutePairs(text, isNotDigit, isPeriodOrComma, "1 2 ");
    text = substitutePairs(text, isPeriodOrComma, isNotDigit, " 1 2");
    text = substitutePairs(text, isDigit, isDash, "1 2 ");
    std::string joined;
    for (const auto& word : splitWords(text))
        joined.append(joined.empty() ? "" : " ").append(word);
    return joined;
}

BleuScore corpusBleu(const std::vector<std::string>& hyps, const std::vector<std::string>& refs) {
    if (hyps.size() != refs.size())
        throw std::invalid_argument("corpusBleu: " + std::to_string(hyps.size()) +
                                    " hypotheses but " + std::to_string(refs.size()) +
                                    " references");
    BleuScore stats;
    for (size_t i = 0; i < hyps.size(); ++i)
        addSentence(hyps[i], refs[i], stats);
    stats.bp = brevityPenalty(stats.hypLen, stats.refLen);
    stats.score = bleuFromStats(stats);
    return stats;
}

}  // namespace dari
