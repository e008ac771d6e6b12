#include "model/inspect/network_inspection.h"

#include <algorithm>
#include <stdexcept>

#include "data/batch.h"
#include "data/placeholders.h"
#include "data/utf8.h"
#include "model/bundle/bundle_placeholders.h"
#include "model/device.h"
#include "model/inspect/gradient_flow.h"
#include "model/search/search.h"
#include "model/training/loss.h"

namespace dari {
namespace {

// [N, H] -> N rows of H floats.
Rows rowsOf(const torch::Tensor& matrix) {
    const auto m = matrix.detach().to(torch::kCPU, torch::kFloat).contiguous();
    Rows rows(m.size(0));
    const float* p = m.data_ptr<float>();
    for (auto& row : rows) {
        row.assign(p, p + m.size(1));
        p += m.size(1);
    }
    return rows;
}

// [N, H] -> the mean of each row.
std::vector<double> rowMeans(const torch::Tensor& matrix) {
    const auto means = matrix.detach().mean(1).to(torch::kCPU, torch::kDouble).contiguous();
    return {means.data_ptr<double>(), means.data_ptr<double>() + means.numel()};
}

// N x [1, H] (per position) -> [N, H].
torch::Tensor stacked(const std::vector<torch::Tensor>& steps) {
    return torch::cat(steps, 0).detach();
}

// One gate of every position: N x CellGates -> [N, H].
torch::Tensor gateOf(const std::vector<CellGates>& steps, torch::Tensor CellGates::*gate) {
    std::vector<torch::Tensor> rows;
    for (const auto& s : steps)
        rows.push_back(s.*gate);
    return stacked(rows);
}

// A recurrence's states (N x [1, H]), cells (LSTM) and gates as the reader sees them.
RecurrenceTrace describe(int layer, bool reverse, const std::vector<torch::Tensor>& h,
                         const std::vector<torch::Tensor>& c, const std::vector<CellGates>& gates) {
    RecurrenceTrace out;
    out.layer = layer;
    out.direction = reverse ? "backward" : "forward";
    const auto states = stacked(h);
    out.h = rowsOf(states);
    if (!c.empty()) out.c = rowsOf(stacked(c));
    const bool gru = gates.front().update.defined(), lstm = gates.front().forget.defined();
    std::vector<std::pair<const char*, torch::Tensor CellGates::*>> named;
    if (gru) named = {{"update", &CellGates::update}, {"reset", &CellGates::reset}};
    if (lstm)
        named = {{"forget", &CellGates::forget},
                 {"input", &CellGates::input},
                 {"output", &CellGates::output}};
    std::vector<torch::Tensor> sigmoids;
    for (const auto& [name, member] : named) {
        sigmoids.push_back(gateOf(gates, member));
        out.gates.push_back({name, rowsOf(sigmoids.back())});
    }
    if (!sigmoids.empty()) {
        const auto s = torch::cat(sigmoids, 1);
        out.meanSigmoidDerivative = rowMeans(s * (1 - s));
        out.candidate = rowsOf(gateOf(gates, &CellGates::candidate));
    }
    // The tanh on h's path: RNN h_t = tanh(.), GRU n_t, LSTM h_t = o_t tanh(c_t).
    const auto tanhOnPath = lstm  ? torch::tanh(stacked(c))
                            : gru ? gateOf(gates, &CellGates::candidate)
                                  : states;
    out.meanTanhDerivative = rowMeans(1 - tanhOnPath * tanhOnPath);
    return out;
}

// The decoder run over the reference with teacher forcing, one step at a time (as
// Seq2Seq::forward does), keeping every step's output.
struct DecoderPass {
    std::vector<StepOutput> steps;
    torch::Tensor logits;  // [1, T, V]
};

DecoderPass decodeReference(Seq2Seq& model, const EncoderOutput& encoded,
                            const torch::Tensor& tgtIn) {
    auto& decoder = model->decoder;
    const auto memory = decoder->prepare(encoded);
    auto state = decoder->initialState(encoded);
    const auto [e, pe] = decoder->embed(tgtIn);
    const auto es = e.unbind(1), pes = pe.unbind(1);
    DecoderPass pass;
    std::vector<torch::Tensor> outputs;
    for (size_t t = 0; t < es.size(); ++t) {
        auto step = decoder->step(es[t], pes[t], state, memory);
        outputs.push_back(decoder->output(step, es[t]));
        state = step.state;
        pass.steps.push_back(std::move(step));
    }
    pass.logits = decoder->logits(torch::stack(outputs, 1));
    return pass;
}

// The decoder's layers over the target steps, and the attention of each step.
void describeDecoder(const DecoderPass& pass, NetworkInspection& out) {
    const size_t layers = pass.steps.front().gates.size();
    for (size_t l = 0; l < layers; ++l) {
        std::vector<torch::Tensor> h, c;
        std::vector<CellGates> gates;
        for (const auto& step : pass.steps) {
            h.push_back(step.state.rnn.h[l]);
            if (step.state.rnn.c.defined()) c.push_back(step.state.rnn.c[l]);
            gates.push_back(step.gates[l]);
        }
        out.decoder.push_back(describe(static_cast<int>(l), false, h, c, gates));
    }
    std::vector<torch::Tensor> weights;
    for (const auto& step : pass.steps)
        if (step.weights.defined()) weights.push_back(step.weights);
    if (!weights.empty()) out.attentionWeights = rowsOf(stacked(weights));
}

void describeNetwork(const ModelConfig& config, NetworkInspection& out) {
    out.cell = config.cell;
    out.attention = config.attention;
    out.bidirectional = config.bidirectional;
    out.decoderReads = config.attention == "none" ? "final_state" : "all_states";
    if (config.cell == "rnn") out.notes.push_back("a plain RNN has no gates: its lists are empty");
    if (config.attention == "none")
        out.notes.push_back(
            "no attention: the decoder starts from the encoder's final state only "
            "(return_sequences=False) and never sees the other states");
}

std::vector<std::string> piecesOf(const Vocabulary& vocabulary, const std::vector<int64_t>& ids,
                                  const std::vector<std::string>& spans) {
    std::vector<std::string> pieces;
    for (const auto id : ids)
        pieces.push_back(restore(vocabulary.piece(id), spans));
    pieces.push_back("</s>");
    return pieces;
}

// NFC and trimmed; throws for text that cannot be read.
std::string readable(const std::string& text, const char* what) {
    if (const size_t bad = findInvalidUtf8(text); bad != kValidUtf8)
        throw std::runtime_error(std::string(what) + " is not valid UTF-8 (byte " +
                                 std::to_string(bad + 1) + ")");
    return cleanText(text);
}

}  // namespace

NetworkInspection inspectExample(Seq2Seq& model, const std::vector<int64_t>& src,
                                 const std::vector<int64_t>& target) {
    if (model->isTransformer())
        throw std::runtime_error(
            "inspect shows recurrent networks: this model is a Transformer (model.architecture: "
            "transformer)");
    model->eval();
    // One pass with its graph: the values shown are those whose gradients are measured.
    torch::AutoGradMode gradients(true);
    const auto batch = onDevice(makeBatch({Example{src, target}}, {0}), deviceOf(*model));
    NetworkInspection out;
    describeNetwork(model->config(), out);
    std::vector<DirectionTrace> traces;
    const auto encoded = model->encoder->trace(batch.src, traces);
    const auto pass = decodeReference(model, encoded, batch.tgtIn);
    const auto loss = sequenceLoss(pass.logits, batch.tgtOut, 0.0);
    out.gradients = gradientFlow(model->encoder, traces, loss, out.bidirectional);
    for (const auto& trace : traces)
        out.encoder.push_back(describe(trace.layer, trace.reverse, trace.h, trace.c, trace.gates));
    describeDecoder(pass, out);
    return out;
}

NetworkInspection inspectNetwork(const Bundle& bundle, const std::string& text,
                                 const std::string& reference) {
    if (!bundle.model) throw std::runtime_error("the bundle holds no encoder-decoder network");
    const std::string source = readable(text, "the text"),
                      target = readable(reference, "the reference");
    if (source.empty()) throw std::runtime_error("the text to inspect is empty");
    const auto placeholders = bundlePlaceholders(bundle);
    ProtectedPair pair{source, target, {}};
    if (!placeholders.empty() && !target.empty()) {
        pair = protectPair(source, target, /*onlyShared=*/false);
    } else if (!placeholders.empty()) {
        auto protectedText = protect(source);
        pair = {std::move(protectedText.text), "", std::move(protectedText.spans)};
    }
    auto src = bundle.src.encode(pair.source);
    if (src.empty()) throw std::runtime_error("the text has no pieces the model can read");
    const auto limit = static_cast<size_t>(2 * bundle.config.data.maxPieces);  // as Translator
    const bool truncated = src.size() > limit;
    if (truncated) src.resize(limit);
    auto model = bundle.model;
    std::vector<int64_t> tgt;
    if (!target.empty()) {
        tgt = bundle.tgt.encode(pair.target);
    } else {
        DecodeOptions greedy;
        greedy.placeholders = placeholders;
        tgt = decode(model, makeSourceBatch({src}), greedy).front().front().ids;
    }
    NetworkInspection out = inspectExample(model, src, tgt);
    out.members = static_cast<int64_t>(bundle.networks().size());
    if (out.members > 1)
        out.notes.push_back("an ensemble of " + std::to_string(out.members) +
                            " networks: the first is inspected");
    if (truncated)
        out.notes.push_back("the text was cut to the model's " + std::to_string(limit) + " pieces");
    out.source = source;
    out.sourcePieces = piecesOf(bundle.src, src, pair.spans);
    out.referenceFrom = target.empty() ? "greedy" : "given";
    const std::string output = restore(bundle.tgt.decode(tgt), pair.spans);
    out.reference = target.empty() ? std::string(trimSpaces(output)) : target;
    out.targetPieces = piecesOf(bundle.tgt, tgt, pair.spans);
    return out;
}

NetworkInspection inspectClassifier(const ClassifierBundle& bundle, const std::string& text,
                                    const std::string& label) {
    const std::string source = readable(text, "the text");
    if (source.empty()) throw std::runtime_error("the text to inspect is empty");
    const auto& labels = bundle.meta.labels;
    int64_t given = -1;
    if (!label.empty()) {
        const auto it = std::find(labels.begin(), labels.end(), label);
        if (it == labels.end()) {
            std::string known;
            for (const auto& name : labels)
                known += (known.empty() ? "" : ", ") + name;
            throw std::runtime_error("'" + label + "' is not one of the model's labels (" + known +
                                     ")");
        }
        given = it - labels.begin();
    }
    auto src = bundle.src.encode(source);
    if (src.empty()) throw std::runtime_error("the text has no pieces the model can read");
    const auto limit = static_cast<size_t>(std::max(1, bundle.config.data.maxPieces));
    const bool truncated = src.size() > limit;
    if (truncated) src.resize(limit);

    auto model = bundle.model;
    model->eval();
    torch::AutoGradMode gradients(true);
    const auto batch = makeSourceBatch({src});
    std::vector<DirectionTrace> traces;
    const auto classified = model->classify(model->encoder->trace(batch.src, traces));
    const auto logProbs = classified.logits.log_softmax(1)[0];  // [C]
    NetworkInspection out;
    const ModelConfig& config = bundle.config.model;
    out.task = "classify";
    out.cell = config.cell;
    out.attention = "none";
    out.bidirectional = config.bidirectional;
    out.pooling = model->attentionPooling() ? "attention" : "last";
    out.decoderReads = out.pooling == "attention" ? "all_states" : "final_state";
    out.labels = labels;
    const auto probabilities = logProbs.exp().detach().to(torch::kDouble).contiguous();
    out.probabilities.assign(probabilities.data_ptr<double>(),
                             probabilities.data_ptr<double>() + probabilities.numel());
    out.predicted = logProbs.argmax().item<int64_t>();
    const int64_t measured = given >= 0 ? given : out.predicted;
    const auto weights = classified.weights[0].detach().to(torch::kDouble).contiguous();
    out.poolingWeights.assign(weights.data_ptr<double>(),
                              weights.data_ptr<double>() + weights.numel());
    out.gradients = gradientFlow(model->encoder, traces, -logProbs[measured], out.bidirectional);
    for (const auto& trace : traces)
        out.encoder.push_back(describe(trace.layer, trace.reverse, trace.h, trace.c, trace.gates));
    if (config.cell == "rnn") out.notes.push_back("a plain RNN has no gates: its lists are empty");
    out.notes.push_back(out.pooling == "attention"
                            ? "many-to-one, attention pooling: the decision reads a weighted mean "
                              "of every state (return_sequences=True)"
                            : "many-to-one, last-state pooling: the decision reads only the final "
                              "state (return_sequences=False)");
    if (truncated)
        out.notes.push_back("the text was cut to the model's " + std::to_string(limit) + " pieces");
    out.source = source;
    out.sourcePieces = piecesOf(bundle.src, src, {});
    out.reference = labels.at(measured);
    out.referenceFrom = given >= 0 ? "given" : "predicted";
    return out;
}

}  // namespace dari
