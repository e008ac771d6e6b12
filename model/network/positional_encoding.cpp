#include "model/network/positional_encoding.h"

#include <cmath>

namespace dari {

torch::Tensor sinusoidalPositions(int64_t first, int64_t length, int64_t dim,
                                  const torch::TensorOptions& options) {
    const auto real = torch::TensorOptions().dtype(torch::kDouble);
    const auto position = torch::arange(first, first + length, real).unsqueeze(1);  // [L, 1]
    const auto pairs = torch::arange(0, dim, 2, real);                              // 2i
    const auto angle = position * torch::exp(pairs * (-std::log(10000.0) / dim));  // [L, ceil(d/2)]
    auto out = torch::zeros({length, dim}, real);
    out.slice(1, 0, dim, 2).copy_(torch::sin(angle));
    out.slice(1, 1, dim, 2).copy_(torch::cos(angle).slice(1, 0, dim / 2));
    return out.to(options);
}

}  // namespace dari
