#include "model/search/placeholder_constraint.h"

#include <algorithm>
#include <limits>

#include "data/vocabulary.h"

namespace dari {

namespace {
constexpr float kBanned = -std::numeric_limits<float>::infinity();
}  // namespace

PlaceholderConstraint::PlaceholderConstraint(const Batch& sources, const DecodeOptions& options,
                                             int64_t rowsPerSource)
    : rowsPerSource_(std::max<int64_t>(1, rowsPerSource)) {
    if (options.placeholders.empty()) return;
    for (const auto& pair : options.placeholders)
        targetIds_.push_back(pair.second);
    const auto src = sources.src.to(torch::kCPU).contiguous();
    const auto acc = src.accessor<int64_t, 2>();
    quota_.assign(src.size(0), std::vector<int>(targetIds_.size(), 0));
    for (int64_t b = 0; b < src.size(0); ++b)
        for (int64_t t = 0; t < src.size(1); ++t)
            for (size_t j = 0; j < options.placeholders.size(); ++j)
                if (acc[b][t] == options.placeholders[j].first) ++quota_[b][j];
}

void PlaceholderConstraint::apply(at::TensorAccessor<float, 1> logProbs, int64_t row,
                                  const std::vector<int64_t>& history, int64_t piecesLeft) const {
    if (targetIds_.empty()) return;
    const auto& quota = quota_[row / rowsPerSource_];
    std::vector<int64_t> missing;
    for (size_t j = 0; j < targetIds_.size(); ++j) {
        const auto used = std::count(history.begin(), history.end(), targetIds_[j]);
        if (used >= quota[j]) logProbs[targetIds_[j]] = kBanned;
        if (quota[j] > 0 && used == 0) missing.push_back(targetIds_[j]);
    }
    if (missing.empty()) return;
    logProbs[kEosId] = kBanned;
    if (piecesLeft > static_cast<int64_t>(missing.size())) return;
    // No room for anything else: only the missing ones (never banned by the repetition guard,
    // which bans pieces already output).
    for (int64_t id = 0; id < logProbs.size(0); ++id)
        if (std::find(missing.begin(), missing.end(), id) == missing.end()) logProbs[id] = kBanned;
}

}  // namespace dari
