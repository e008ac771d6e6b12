#pragma once
// An exponential moving average of a network's parameters (Polyak averaging).
// On a small corpus the averaged weights translate better than the last ones:
// they smooth out the noise of the final updates, like averaging checkpoints.

#include <torch/torch.h>

#include <vector>

namespace dari {

class WeightAverage {
public:
    // decay in (0, 1): weight of the history at each update.
    WeightAverage(torch::nn::Module& module, double decay);

    // After each optimizer step. Early on the decay is smaller ((1 + n) / (10 + n)),
    // so that the average is not dominated by the random initial weights.
    void update();
    // Exchanges the live parameters with the averaged ones (call twice to undo).
    void swap();

    void save(torch::serialize::OutputArchive& archive) const;
    void load(torch::serialize::InputArchive& archive);
    // Moves the average to the device its network now lives on.
    void to(torch::Device device);

private:
    std::vector<torch::Tensor> live_, average_;
    double decay_;
    int64_t updates_ = 0;
};

// Swaps the averaged weights in for the lifetime of the guard (no-op on nullptr).
class AveragedWeights {
public:
    explicit AveragedWeights(WeightAverage* average) : average_(average) {
        if (average_) average_->swap();
    }
    ~AveragedWeights() { restore(); }
    void restore() {
        if (average_) average_->swap();
        average_ = nullptr;
    }
    AveragedWeights(const AveragedWeights&) = delete;
    AveragedWeights& operator=(const AveragedWeights&) = delete;

private:
    WeightAverage* average_;
};

}  // namespace dari
