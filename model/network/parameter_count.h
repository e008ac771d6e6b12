#pragma once
// The number of trainable parameters a configuration gives, without training anything.

#include <cstdint>

#include "model/bundle/config.h"

namespace dari {

// Builds the network of `config` for vocabularies of these sizes and counts its
// parameters: exact for every cell, attention and layer setting (a few ms for
// the sizes Dari trains). Throws std::runtime_error on an invalid configuration.
int64_t countParameters(const ModelConfig& config, int64_t srcVocab, int64_t tgtVocab);

}  // namespace dari
