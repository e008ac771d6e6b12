#pragma once
// What no search may output: special pieces, and repetitions small models fall into.

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace dari {

// <pad>, <s> and <unk> are never outputs, even of an untrained model.
void banSpecialPieces(torch::Tensor& logProbs);

// The repetition guard: pieces that would repeat an n-gram already produced, or
// repeat the same piece a third time in a row (small models loop: "Tom Tom Tom").
// noRepeatNgram <= 0 turns both rules off.
std::vector<int64_t> bannedPieces(const std::vector<int64_t>& history, int noRepeatNgram);

}  // namespace dari
