#include "model/metrics/frequent_replies.h"

#include <algorithm>
#include <unordered_map>

#include "data/utf8.h"

namespace dari {

std::vector<std::string> mostFrequentReplies(const std::vector<SentencePair>& pairs, size_t count) {
    std::unordered_map<std::string, size_t> counts;
    std::vector<std::string> order;  // first appearance
    for (const auto& p : pairs) {
        const std::string reply(trimSpaces(p.target));
        if (reply.empty()) continue;
        if (counts[reply]++ == 0) order.push_back(reply);
    }
    std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
        return counts[a] > counts[b];
    });
    std::vector<std::string> out;
    for (const auto& reply : order) {
        if (out.size() == count || counts[reply] < 2) break;
        out.push_back(reply);
    }
    return out;
}

}  // namespace dari
