#pragma once
// Tiny models and a fixed toy task for the model and decoding tests.

#include <torch/torch.h>

#include <string>
#include <vector>

#include "data/batch.h"
#include "model/network/seq2seq.h"
#include "model/search/search.h"
#include "model/training/evaluator.h"

namespace tiny {

using Ids = std::vector<int64_t>;

constexpr int64_t kVocab = 24;  // ids 4..23 are words

inline dari::ModelConfig config(const std::string& cell, const std::string& attention,
                                bool bidirectional, int size = 16) {
    dari::ModelConfig c;
    c.cell = cell;
    c.attention = attention;
    c.bidirectional = bidirectional;
    c.embeddingSize = size;
    c.encoderHidden = size;
    c.decoderHidden = attention == "dot" ? (bidirectional ? 2 * size : size) : size;
    c.attentionSize = size;
    c.dropout = 0.0;
    return c;
}

// Eight fixed pairs: lengths 1..6, targets not a copy of their sources.
inline std::vector<dari::Example> pairs() {
    return {{{4, 5, 6}, {10, 11, 12}},
            {{7, 8}, {13, 14, 15}},
            {{9}, {16}},
            {{5, 4, 6, 7}, {17, 10, 18, 19}},
            {{20, 21, 22, 23}, {22, 4, 5}},
            {{6, 6, 8}, {23, 12, 11, 20}},
            {{23, 9, 4}, {21, 21, 7}},
            {{8, 7, 6, 5, 4, 9}, {5, 6, 7, 8, 9, 4}}};
}

inline std::vector<size_t> allIndices(size_t n) {
    std::vector<size_t> indices(n);
    for (size_t i = 0; i < n; ++i)
        indices[i] = i;
    return indices;
}

inline std::vector<Ids> sources(const std::vector<dari::Example>& examples) {
    std::vector<Ids> out;
    for (const auto& e : examples)
        out.push_back(e.src);
    return out;
}

inline std::vector<Ids> best(const std::vector<std::vector<dari::Hypothesis>>& hypotheses) {
    std::vector<Ids> out;
    for (const auto& list : hypotheses)
        out.push_back(list.front().ids);
    return out;
}

inline std::vector<Ids> greedy(dari::Seq2Seq& model, const std::vector<Ids>& srcs,
                               int noRepeatNgram = 0) {
    dari::DecodeOptions options;
    options.noRepeatNgram = noRepeatNgram;
    return best(dari::decode(model, dari::makeSourceBatch(srcs), options));
}

inline bool reproduces(dari::Seq2Seq& model, const std::vector<dari::Example>& examples) {
    const auto out = greedy(model, sources(examples));
    for (size_t i = 0; i < examples.size(); ++i)
        if (out[i] != examples[i].tgt) return false;
    return true;
}

// Full-batch Adam until greedy decoding reproduces every target; returns the steps taken (or -1).
inline int overfit(dari::Seq2Seq& model, const std::vector<dari::Example>& examples,
                   int maxSteps = 600) {
    const auto batch = dari::makeBatch(examples, allIndices(examples.size()));
    torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(0.01));
    for (int step = 1; step <= maxSteps; ++step) {
        model->train();
        adam.zero_grad();
        const auto result = model->forward(batch.src, batch.tgtIn);
        dari::sequenceLoss(result.logits, batch.tgtOut, 0.0).backward();
        adam.step();
        if (step % 20 == 0 && reproduces(model, examples)) return step;
    }
    return -1;
}

// A trained GRU + Bahdanau model on pairs() (deterministic: fixed seed).
inline dari::Seq2Seq trained(const std::vector<dari::Example>& examples = pairs()) {
    torch::manual_seed(7);
    dari::Seq2Seq model(config("gru", "bahdanau", true, 32), kVocab, kVocab);
    overfit(model, examples);
    return model;
}

}  // namespace tiny
