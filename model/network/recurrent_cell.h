#pragma once
// The decoder's recurrent cells (RNN, GRU, LSTM), written out so that the
// input projection of a whole target sequence can be computed in one GEMM
// before the step loop; only the recurrent half runs once per step.

#include <torch/torch.h>

#include <string>

namespace dari {

// The state of a stack of cells: h (and c, for LSTM) of shape [layers, batch, hidden].
struct RnnState {
    torch::Tensor h;
    torch::Tensor c;  // undefined unless LSTM

    RnnState indexSelect(const torch::Tensor& rows) const;  // along the batch dimension
};

// Number of gate blocks a cell's projections produce.
int gateCount(const std::string& cell);

// One step's gate activations, each [B, H]; a cell fills only its own. Written once here for
// the networks and for inspection (model/inspect).
struct CellGates {
    torch::Tensor input, forget, output;  // LSTM: i, f, o (sigmoid)
    torch::Tensor reset, update;          // GRU: r, z (sigmoid)
    torch::Tensor candidate;              // tanh: LSTM g, GRU n, RNN the new h itself
};

// The gates from both projections, PyTorch's formulas (GRU: n = tanh(x_n + r * (W_hn h + b_hn))).
// gatesX, gatesH: [B, G*H].
CellGates cellGates(const std::string& cell, const torch::Tensor& gatesX,
                    const torch::Tensor& gatesH);

// The new (h, c) from a step's gates (which of them are set tells the cell); h, c: [B, H],
// c undefined unless LSTM.
std::pair<torch::Tensor, torch::Tensor> cellStep(const CellGates& gates, const torch::Tensor& h,
                                                 const torch::Tensor& c);

// cellStep(cellGates(cell, gatesX, gatesH), h, c). gatesX, gatesH: [B, G*H]; h, c: [B, H].
std::pair<torch::Tensor, torch::Tensor> cellUpdate(const std::string& cell,
                                                   const torch::Tensor& gatesX,
                                                   const torch::Tensor& gatesH,
                                                   const torch::Tensor& h, const torch::Tensor& c);

class RecurrentCellImpl : public torch::nn::Module {
public:
    RecurrentCellImpl(const std::string& cell, int64_t hidden);

    // One step. gates_x: [B, G*H] projection of the input (bias included);
    // h, c: [B, H]. Returns the new (h, c); c is undefined unless LSTM.
    std::pair<torch::Tensor, torch::Tensor> forward(const torch::Tensor& gatesX,
                                                    const torch::Tensor& h, const torch::Tensor& c);
    // The step's gates alone (then cellStep): gates_x [B, G*H], h [B, H].
    CellGates gates(const torch::Tensor& gatesX, const torch::Tensor& h);

private:
    std::string cell_;
    torch::nn::Linear recurrent_{nullptr};  // h -> [G*H]
};
TORCH_MODULE(RecurrentCell);

}  // namespace dari
