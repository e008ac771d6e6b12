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
    return cellStep(gates(gatesX, h), h, c);
}

CellGates RecurrentCellImpl::gates(const torch::Tensor& gatesX, const torch::Tensor& h) {
    return cellGates(cell_, gatesX, stepLinear(*recurrent_, h));
}

CellGates cellGates(const std::string& cell, const torch::Tensor& gatesX,
                    const torch::Tensor& gatesH) {
    CellGates out;
    if (cell == "rnn") {
        out.candidate = torch::tanh(gatesX + gatesH);
    } else if (cell == "gru") {
        const auto x = gatesX.chunk(3, 1);
        const auto g = gatesH.chunk(3, 1);
        out.reset = torch::sigmoid(x[0] + g[0]);
        out.update = torch::sigmoid(x[1] + g[1]);
        out.candidate = torch::tanh(x[2] + out.reset * g[2]);
    } else {
        const auto gates = (gatesX + gatesH).chunk(4, 1);
        out.input = torch::sigmoid(gates[0]);
        out.forget = torch::sigmoid(gates[1]);
        out.candidate = torch::tanh(gates[2]);
        out.output = torch::sigmoid(gates[3]);
    }
    return out;
}

std::pair<torch::Tensor, torch::Tensor> cellStep(const CellGates& gates, const torch::Tensor& h,
                                                 const torch::Tensor& c) {
    const auto& n = gates.candidate;
    if (gates.update.defined()) return {n + gates.update * (h - n), {}};  // (1 - z) * n + z * h
    if (!gates.forget.defined()) return {n, {}};
    const auto cNext = gates.forget * c + gates.input * n;
    return {gates.output * torch::tanh(cNext), cNext};
}

std::pair<torch::Tensor, torch::Tensor> cellUpdate(const std::string& cell,
                                                   const torch::Tensor& gatesX,
                                                   const torch::Tensor& gatesH,
                                                   const torch::Tensor& h, const torch::Tensor& c) {
    return cellStep(cellGates(cell, gatesX, gatesH), h, c);
}

}  // namespace dari
