#include "model/shard_random.h"

#include <ATen/CPUGeneratorImpl.h>

namespace dari {
namespace {
thread_local ShardRandom* t_current = nullptr;
thread_local at::Generator* t_generator = nullptr;
}  // namespace

ShardRandom::ShardRandom(uint64_t seed)
    : generator_(at::make_generator<at::CPUGeneratorImpl>(seed)), previous_(t_current) {
    t_current = this;
    t_generator = &generator_;
}

ShardRandom::~ShardRandom() {
    t_current = previous_;
    t_generator = previous_ ? &previous_->generator_ : nullptr;
}

c10::optional<at::Generator> shardGenerator() {
    if (!t_generator) return c10::nullopt;
    return *t_generator;
}

torch::Tensor shardDropout(const torch::Tensor& x, double p, bool training) {
    if (!training || p <= 0.0) return x;
    const auto keep = torch::empty_like(x).bernoulli_(1.0 - p, shardGenerator());
    return x * keep.div_(1.0 - p);
}

torch::Tensor uniform(at::IntArrayRef sizes) { return torch::rand(sizes, shardGenerator()); }

}  // namespace dari
