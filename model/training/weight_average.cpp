#include "model/training/weight_average.h"

#include <algorithm>

namespace dari {

WeightAverage::WeightAverage(torch::nn::Module& module, double decay) : decay_(decay) {
    torch::NoGradGuard noGrad;
    for (const auto& p : module.parameters()) {
        live_.push_back(p);
        average_.push_back(p.detach().clone());
    }
}

void WeightAverage::update() {
    torch::NoGradGuard noGrad;
    ++updates_;
    const double d = std::min(decay_, (1.0 + updates_) / (10.0 + updates_));
    for (size_t i = 0; i < live_.size(); ++i)
        average_[i].mul_(d).add_(live_[i], 1.0 - d);
}

void WeightAverage::swap() {
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < live_.size(); ++i) {
        auto copy = live_[i].detach().clone();
        live_[i].copy_(average_[i]);
        average_[i].copy_(copy);
    }
}

void WeightAverage::to(torch::Device device) {
    for (auto& a : average_)
        a = a.to(device);
}

void WeightAverage::save(torch::serialize::OutputArchive& archive) const {
    for (size_t i = 0; i < average_.size(); ++i)
        archive.write("p" + std::to_string(i), average_[i]);
    archive.write("updates", torch::tensor(updates_, torch::kLong));
}

void WeightAverage::load(torch::serialize::InputArchive& archive) {
    torch::NoGradGuard noGrad;
    for (size_t i = 0; i < average_.size(); ++i) {
        torch::Tensor t;
        archive.read("p" + std::to_string(i), t);
        if (!t.sizes().equals(average_[i].sizes()))
            throw std::runtime_error("averaged weights: shape mismatch");
        average_[i].copy_(t);
    }
    torch::Tensor updates;
    archive.read("updates", updates);
    updates_ = updates.item<int64_t>();
}

}  // namespace dari
