#include "model/training/divergence_guard.h"

#include <cmath>
#include <cstdio>

namespace dari {

DivergenceGuard::DivergenceGuard(int64_t targetVocabulary)
    : logV_(std::log(static_cast<double>(targetVocabulary > 1 ? targetVocabulary : 2))) {}

bool DivergenceGuard::accept(double loss, double gradNorm) {
    lastLoss_ = loss;
    lastNorm_ = gradNorm;
    if (!std::isfinite(loss) || !std::isfinite(gradNorm)) {
        ++nonFinite_;
        ++skipped_;
        return false;
    }
    nonFinite_ = 0;
    high_ = loss > kHighLoss * logV_ ? high_ + 1 : 0;
    return true;
}

std::string DivergenceGuard::diverged() const {
    char why[120] = "";
    if (nonFinite_ >= kNonFiniteSteps) {
        if (!std::isfinite(lastLoss_))
            std::snprintf(why, sizeof why, "loss %g", lastLoss_);
        else
            std::snprintf(why, sizeof why, "gradient norm %g", lastNorm_);
    } else if (high_ >= kHighSteps) {
        std::snprintf(why, sizeof why, "loss %.2f, far above log V = %.2f", lastLoss_, logV_);
    }
    return why;
}

}  // namespace dari
