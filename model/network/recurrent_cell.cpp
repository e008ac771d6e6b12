#include "model/network/recurrent_cell.h"

#include "model/network/step_linear.h"

namespace dari {

RnnState RnnState::indexSelect(const torch::Tensor& rows) const {
    return {h.index_select(1, rows), c.defined() ? c.index_select(1, rows) : torch::Tensor()};
}

int gateCount(const std::string& cell) {
    return cell == "lstm" ? 4 : cell == "gru" ? 3 : 1;
}

RecurrentCellImpl::RecurrentCellImpl(const std::string& cell, int64_t hidden) : cell_(cell) {
    recurrent_ = register_module(
        "recurrent", torch::nn::Linear(torch::nn::LinearOptions(hidden, gateCount(cell) * hidden)));
    const double bound = 1.0 / std::sqrt(static_cast<double>(hidden));
    torch::NoGradGuard noGrad;
    for (auto& p : recurrent_->parameters())
        p.uniform_(-bound, bound);
}

std::pair<torch::Tensor, torch::Tensor> RecurrentCellImpl::forward(const torch::Tensor& gatesX,
                                                                   const torch::Tensor& h,
                                                                   const torch::Tensor& c) {
    return cellUpdate(cell_, gatesX, stepLinear(*recurrent_, h), h, c);
}

std::pair<torch::Tensor, torch::Tensor> cellUpdate(const std::string& cell,
                                                   const torch::Tensor& gatesX,
                                                   const torch::Tensor& gatesH,
                                                   const torch::Tensor& h, const torch::Tensor& c) {
    if (cell == "rnn") return {torch::tanh(gatesX + gatesH), {}};
    if (cell == "gru") {
        const auto x = gatesX.chunk(3, 1);
        const auto g = gatesH.chunk(3, 1);
        const auto r = torch::sigmoid(x[0] + g[0]);
        const auto z = torch::sigmoid(x[1] + g[1]);
        const auto n = torch::tanh(x[2] + r * g[2]);
        return {n + z * (h - n), {}};  // (1 - z) * n + z * h
    }
    const auto gates = (gatesX + gatesH).chunk(4, 1);
    const auto i = torch::sigmoid(gates[0]);
    const auto f = torch::sigmoid(gates[1]);
    const auto g = torch::tanh(gates[2]);
    const auto o = torch::sigmoid(gates[3]);
    const auto cNext = f * c + i * g;
    return {o * torch::tanh(cNext), cNext};
}

}  // namespace dari
