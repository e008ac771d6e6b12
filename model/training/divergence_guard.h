#pragma once
// Training that goes wrong (the notes' exploding gradients, or a learning rate far too
// high): a non-finite loss or gradient norm, whose update is skipped, or a loss that
// stays far above a uniform guess over the vocabulary (log V nats a piece). When either
// persists the run has diverged: it stops, keeping its last good checkpoint and bundle.

#include <cstdint>
#include <string>

namespace dari {

class DivergenceGuard {
public:
    // Updates skipped in a row before the run counts as diverged.
    static constexpr int kNonFiniteSteps = 5;
    // Steps in a row with a loss above kHighLoss x log V before it does.
    static constexpr int kHighSteps = 20;
    static constexpr double kHighLoss = 2.0;

    explicit DivergenceGuard(int64_t targetVocabulary);

    // One step's loss and gradient norm (before clipping). False: they are not finite and
    // the update must be skipped.
    bool accept(double loss, double gradNorm);
    // The last step looked like training: its weights may be checkpointed and validated.
    bool healthy() const { return nonFinite_ == 0 && high_ == 0; }
    // Why the run has diverged ("loss nan", "loss 1712.40, far above log V = 8.29"), or "".
    std::string diverged() const;
    int64_t skippedUpdates() const { return skipped_; }

private:
    double logV_;
    double lastLoss_ = 0.0, lastNorm_ = 0.0;
    int nonFinite_ = 0, high_ = 0;
    int64_t skipped_ = 0;
};

}  // namespace dari
