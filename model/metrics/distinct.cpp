#include "model/metrics/distinct.h"

#include <set>
#include <sstream>

namespace dari {

double distinctN(const std::vector<std::string>& texts, int n) {
    std::set<std::vector<std::string>> distinct;
    size_t total = 0;
    for (const auto& text : texts) {
        std::istringstream in(text);
        std::vector<std::string> words;
        for (std::string w; in >> w;)
            words.push_back(w);
        for (size_t i = 0; i + n <= words.size(); ++i) {
            distinct.emplace(words.begin() + static_cast<std::ptrdiff_t>(i),
                             words.begin() + static_cast<std::ptrdiff_t>(i + n));
            ++total;
        }
    }
    return total ? static_cast<double>(distinct.size()) / static_cast<double>(total) : 0.0;
}

}  // namespace dari
