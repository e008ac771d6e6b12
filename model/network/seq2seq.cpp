#include "model/network/seq2seq.h"

#include <stdexcept>

#include "data/vocabulary.h"
#include "model/network/shard_random.h"
#include "model/network/step_linear.h"

namespace dari {

DecodingState DecodingState::indexSelect(const torch::Tensor& rows) const {
    DecodingState out;
    if (transformer.memory.states.defined()) {
        out.transformer = transformer.indexSelect(rows);
    } else {
        out.memory = memory.indexSelect(rows);
        out.recurrent = recurrent.indexSelect(rows);
    }
    return out;
}

Seq2SeqImpl::Seq2SeqImpl(const ModelConfig& config, int64_t srcVocab, int64_t tgtVocab)
    : config_(config) {
    if (config.architecture == "transformer") {
        transformer = register_module("transformer", Transformer(config, srcVocab, tgtVocab));
        return;
    }
    encoder = register_module("encoder", Encoder(config, srcVocab));
    decoder = register_module("decoder", Decoder(config, tgtVocab, encoder->outputSize()));
}

torch::Tensor Seq2SeqImpl::logits(const torch::Tensor& outputs) {
    return isTransformer() ? transformer->logits(outputs) : decoder->logits(outputs);
}

DecodingState Seq2SeqImpl::startDecoding(const torch::Tensor& src) {
    DecodingState state;
    if (isTransformer()) {
        state.transformer = transformer->startDecoding(transformer->encode(src));
        return state;
    }
    const auto encoded = encoder(src);
    state.memory = decoder->prepare(encoded);
    state.recurrent = decoder->initialState(encoded);
    return state;
}

DecodingStep Seq2SeqImpl::step(const torch::Tensor& input, DecodingState& state) {
    DecodingStep out;
    if (isTransformer()) {
        auto next = transformer->step(input, state.transformer);
        out.logits = transformer->logits(next.outputs);
        out.weights = next.weights;
        return out;
    }
    const auto [e, pe] = decoder->embed(input);
    auto next = decoder->step(e, pe, state.recurrent, state.memory);
    out.logits = decoder->logits(decoder->output(next, e));
    out.weights = next.weights;
    state.recurrent = std::move(next.state);
    return out;
}

ForwardResult Seq2SeqImpl::forward(const torch::Tensor& src, const torch::Tensor& tgtIn,
                                   double teacherForcing, bool logits) {
    if (isTransformer()) {
        if (teacherForcing < 1.0)
            throw std::runtime_error(
                "a Transformer trains with teacher forcing only (train.teacher_forcing: 1)");
        ForwardResult result;
        const auto memory = transformer->encode(src);
        result.encoded.outputs = memory.states;
        result.encoded.mask = src.ne(kPadId);
        auto decoded = transformer->decode(tgtIn, memory);
        result.outputs = std::move(decoded.outputs);
        result.attention = std::move(decoded.weights);
        if (logits) result.logits = transformer->logits(result.outputs);
        return result;
    }
    StepLinearScope stepLoop;  // the decoder's per-step weights get one gradient GEMM each
    ForwardResult result;
    result.encoded = encoder(src);
    const auto memory = decoder->prepare(result.encoded);
    auto state = decoder->initialState(result.encoded);
    const int64_t steps = tgtIn.size(1);
    std::vector<torch::Tensor> outputs, weights, stepLogits;
    outputs.reserve(steps);
    if (teacherForcing >= 1.0) {
        // All inputs are known: embed and project them in one GEMM, then only the
        // recurrence runs step by step, and the output layer runs once at the end.
        // unbind, not select(1, t): select's backward would allocate a full-size
        // zero gradient at every step (quadratic in the target length).
        const auto [e, pe] = decoder->embed(tgtIn);
        const auto es = e.unbind(1), pes = pe.unbind(1);
        std::vector<torch::Tensor> hiddens, contexts;
        for (int64_t t = 0; t < steps; ++t) {
            auto out = decoder->step(es[t], pes[t], state, memory);
            if (out.output.defined()) outputs.push_back(out.output);
            hiddens.push_back(out.hidden);
            if (out.context.defined()) contexts.push_back(out.context);
            if (out.weights.defined()) weights.push_back(out.weights);
            state = std::move(out.state);
        }
        result.outputs =
            outputs.empty() ? decoder->combine(
                                  torch::stack(hiddens, 1),
                                  contexts.empty() ? torch::Tensor() : torch::stack(contexts, 1), e)
                            : torch::stack(outputs, 1);
        if (logits) result.logits = decoder->logits(result.outputs);
    } else {
        auto input = tgtIn.select(1, 0);
        for (int64_t t = 0; t < steps; ++t) {
            const auto [e, pe] = decoder->embed(input);
            auto out = decoder->step(e, pe, state, memory);
            stepLogits.push_back(decoder->logits(decoder->output(out, e)));
            if (out.weights.defined()) weights.push_back(out.weights);
            state = std::move(out.state);
            if (t + 1 < steps) {
                const auto gold = tgtIn.select(1, t + 1);
                const auto own = stepLogits.back().argmax(1).detach();
                const auto useGold = uniform({gold.size(0)}).lt(teacherForcing).to(gold.device());
                input = torch::where(useGold, gold, own);
            }
        }
        result.logits = torch::stack(stepLogits, 1);
    }
    if (!weights.empty()) result.attention = torch::stack(weights, 1);
    return result;
}

int64_t Seq2SeqImpl::parameterCount() const {
    int64_t count = 0;
    for (const auto& p : parameters())
        count += p.numel();
    return count;
}

}  // namespace dari
