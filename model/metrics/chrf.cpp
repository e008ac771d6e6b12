#include "model/metrics/chrf.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>

#include "model/metrics/sacrebleu_text.h"

namespace dari {
namespace {

constexpr size_t kCharOrder = 6;
constexpr double kBeta = 2.0;

struct OrderStats {
    long hyp = 0;  // hypothesis n-grams (0 when the reference has none of this order)
    long ref = 0;  // reference n-grams
    long match = 0;
};
using ChrfStats = std::array<OrderStats, kCharOrder>;
using NgramCounts = std::unordered_map<std::u32string, long>;

std::u32string withoutWhitespace(const std::string& text) {
    std::u32string chars = utf8::decode(text);
    chars.erase(std::remove_if(chars.begin(), chars.end(), utf8::isSpace), chars.end());
    return chars;
}

NgramCounts countNgrams(const std::u32string& chars, size_t n) {
    NgramCounts counts;
    for (size_t i = 0; i + n <= chars.size(); ++i)
        ++counts[chars.substr(i, n)];
    return counts;
}

long ngramTotal(const std::u32string& chars, size_t n) {
    return chars.size() >= n ? static_cast<long>(chars.size() - n + 1) : 0;
}

void addSentence(const std::string& hyp, const std::string& ref, ChrfStats& stats) {
    const std::u32string hypChars = withoutWhitespace(hyp);
    const std::u32string refChars = withoutWhitespace(ref);
    for (size_t n = 1; n <= kCharOrder; ++n) {
        OrderStats& order = stats[n - 1];
        const long refTotal = ngramTotal(refChars, n);
        // sacreBLEU's _get_match_statistics(): hypothesis n-grams only count against a
        // reference that has n-grams of this order at all.
        if (refTotal == 0) continue;
        order.hyp += ngramTotal(hypChars, n);
        order.ref += refTotal;
        const NgramCounts refCounts = countNgrams(refChars, n);
        for (const auto& [ngram, count] : countNgrams(hypChars, n)) {
            if (auto it = refCounts.find(ngram); it != refCounts.end())
                order.match += std::min(count, it->second);
        }
    }
}

// sacreBLEU's _compute_f_score() without eps_smoothing: precision and recall are averaged
// over the orders where both sides have n-grams, then combined into one F-beta.
double fScore(const ChrfStats& stats) {
    double precision = 0.0, recall = 0.0;
    int effectiveOrder = 0;
    for (const OrderStats& order : stats) {
        if (order.hyp == 0 || order.ref == 0) continue;
        precision += static_cast<double>(order.match) / order.hyp;
        recall += static_cast<double>(order.match) / order.ref;
        ++effectiveOrder;
    }
    if (effectiveOrder == 0) return 0.0;
    precision /= effectiveOrder;
    recall /= effectiveOrder;
    if (precision + recall == 0.0) return 0.0;
    const double factor = kBeta * kBeta;
    return 100.0 * (1 + factor) * precision * recall / (factor * precision + recall);
}

}  // namespace

double corpusChrf(const std::vector<std::string>& hyps, const std::vector<std::string>& refs) {
    if (hyps.size() != refs.size())
        throw std::invalid_argument("corpusChrf: " + std::to_string(hyps.size()) +
                                    " hypotheses but " + std::to_string(refs.size()) +
                                    " references");
    ChrfStats stats{};
    for (size_t i = 0; i < hyps.size(); ++i)
        addSentence(hyps[i], refs[i], stats);
    return fScore(stats);
}

}  // namespace dari
