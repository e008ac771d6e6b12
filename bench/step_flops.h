#pragma once
// The useful floating-point work of a training step, counted from the shapes: every GEMM of the
// encoder, the attention, the decoder and the output layer, forward and backward (the backward
// pass of a GEMM is two GEMMs of the same size: the input's gradient and the weight's). The
// elementwise work (gates, softmax, loss) is left out: it is a few percent of the total.
//
// What "close to the limit" means on this machine: each GEMM's shape is timed alone on one
// thread, and the step's GEMMs at those measured rates give the time a step would take if it did
// nothing but its GEMMs at this machine's own speed.

#include <torch/torch.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "model/bundle/config.h"
#include "model/network/recurrent_cell.h"

namespace bench {

struct Gemm {
    std::string what;
    int64_t m, k, n;  // [m, k] x [k, n]
    int64_t count;    // how many of them a step runs (forward)
    double flops() const { return 2.0 * m * k * n * count; }
};

// The forward GEMMs of one shard of `rows` sentences, sources padded to `srcLength` and targets
// to `tgtLength` pieces (the bench's network: 1 encoder and 1 decoder layer, Bahdanau or none).
inline std::vector<Gemm> shardGemms(const dari::ModelConfig& m, int64_t tgtVocab, int64_t rows,
                                    int64_t srcLength, int64_t tgtLength) {
    const int64_t gates = dari::gateCount(m.cell), e = m.embeddingSize;
    const int64_t dirs = m.bidirectional ? 2 : 1, he = m.encoderHidden, hd = m.decoderHidden;
    const int64_t encoded = dirs * he, a = m.attentionSize;
    const bool attention = m.attention == "bahdanau";
    std::vector<Gemm> g = {
        {"encoder input gates", rows * srcLength, e, gates * he, dirs},
        {"encoder recurrence", rows, he, gates * he, dirs * srcLength},
        {"decoder input gates", rows * tgtLength, e, gates * hd, 1},
        {"decoder recurrence", rows, hd, gates * hd, tgtLength},
        {"combine", rows * tgtLength, hd + (attention ? encoded : 0) + e, e, 1},
        {"output layer", rows * tgtLength, e, tgtVocab, 1},
        {"bridge", rows, encoded, hd, 1},
    };
    if (attention) {
        g.push_back({"attention keys", rows * srcLength, encoded, a, 1});
        g.push_back({"attention query", rows, hd, a, tgtLength});
        g.push_back({"attention scores", rows * srcLength, a, 1, tgtLength});
        g.push_back({"attention context", rows, srcLength, encoded, tgtLength});
        g.push_back({"context gates", rows, encoded, gates * hd, tgtLength});
    }
    return g;
}

// Seconds one [m, k] x [k, n] GEMM takes on this thread (the best of a few runs).
inline double gemmSeconds(const Gemm& g) {
    const auto x = torch::randn({g.m, g.k}), w = torch::randn({g.k, g.n});
    double best = 1e30;
    for (int run = 0; run < 7; ++run) {
        const auto start = std::chrono::steady_clock::now();
        const int repeats = 3;
        for (int r = 0; r < repeats; ++r)
            torch::mm(x, w);
        best = std::min(
            best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() /
                      repeats);
    }
    return best;
}

}  // namespace bench
