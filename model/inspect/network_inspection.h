#pragma once
// Learn mode's engine: one example through a network, with everything the study notes talk
// about measured on it. Per source position the piece read, every encoder layer's and
// direction's state h_t (and c_t for LSTM) and gate activations; per target step the decoder's
// states, gates and attention; and backpropagation through time: how much of the reference's
// loss gradient reaches each encoder state (the vanishing gradient), with the recurrent
// Jacobian's norm and the tanh' and sigma' factors measured at each step.
//
// The values are those of the network's own forward pass (Encoder::trace, the decoder's
// StepOutput::gates), in eval mode: no dropout. The JSON form: inspection_json.h.

#include <cstdint>
#include <string>
#include <vector>

#include "model/bundle/bundle.h"
#include "model/bundle/classifier_bundle.h"
#include "model/network/seq2seq.h"

namespace dari {

// A [positions][dimensions] matrix, one row per source position or target step.
using Rows = std::vector<std::vector<float>>;

// One sigmoid gate at every position.
struct GateActivations {
    std::string name;  // GRU: update, reset; LSTM: forget, input, output
    Rows values;       // in [0, 1]
};

// One recurrence as it ran: an encoder layer in one direction, or a decoder layer (over the
// target steps). Row t is source position t (target step t), whichever way it reads.
struct RecurrenceTrace {
    int layer = 0;
    std::string direction = "forward";   // forward | backward
    Rows h;                              // the states h_t
    Rows c;                              // LSTM: the cells c_t (empty otherwise)
    std::vector<GateActivations> gates;  // empty for a plain RNN: it has none
    Rows candidate;  // tanh, in [-1, 1]: LSTM g_t, GRU n_t (empty for a plain RNN)
    // Per position, the two factors every step multiplies the gradient by: the mean over the
    // dimensions of tanh' = 1 - tanh^2 of the tanh on h's path (RNN: h_t itself; GRU: n_t;
    // LSTM: tanh(c_t)), <= 1; and of sigma' = s (1 - s) over every sigmoid gate, <= 0.25
    // (empty for a plain RNN).
    std::vector<double> meanTanhDerivative;
    std::vector<double> meanSigmoidDerivative;
};

// Backpropagation through time from the reference's loss to the encoder's top layer.
struct GradientFlow {
    double loss = 0.0;  // mean cross-entropy per target piece (</s> included), no smoothing
    int layer = 0;      // the encoder layer measured: the top one
    std::vector<double> forward;   // per position: ||dL/dh_t||, forward direction
    std::vector<double> backward;  // the same for the backward direction (bidirectional only)
    // Per position t: the spectral norm (largest singular value) of the forward direction's
    // recurrent Jacobian dh_t/dh_{t-1} (h_{-1}: the zero initial state; LSTM: c_{t-1} held
    // fixed, the h-to-h path alone).
    std::vector<double> jacobianNorm;
};

struct NetworkInspection {
    std::string cell;       // rnn | gru | lstm
    std::string attention;  // none | bahdanau | dot | general
    // What the decoder receives: "all_states" (every encoder state, through attention:
    // return_sequences=True) or "final_state" (only the last one, through the bridge to its
    // initial state: return_sequences=False).
    std::string decoderReads;
    bool bidirectional = false;
    int64_t member = 1, members = 1;  // an ensemble: the first of its networks is inspected

    std::string source;                     // the text as the encoder read it
    std::vector<std::string> sourcePieces;  // per position, </s> last
    std::string reference;                  // the target side whose loss is measured
    std::string referenceFrom = "given";    // given | greedy (the network's own output)
    std::vector<std::string> targetPieces;  // per target step: the piece it predicts, </s> last

    std::vector<RecurrenceTrace> encoder;  // layer by layer, forward direction first
    std::vector<RecurrenceTrace> decoder;  // per layer, rows: target steps
    Rows attentionWeights;  // [target steps][source positions]; empty without attention
    GradientFlow gradients;
    std::vector<std::string> notes;  // what a reader should know (an ensemble, no gates, ...)

    // Many-to-one (data.task classify): no decoder; `reference` is the label whose loss is
    // measured, `referenceFrom` "given" or "predicted", `targetPieces` and `decoder` empty.
    std::string task = "translate";      // translate | chat | classify
    std::string pooling;                 // classify: last | attention
    std::vector<std::string> labels;     // classify: the label names in index order
    std::vector<double> probabilities;   // classify: per label
    int64_t predicted = -1;              // classify: the most probable label's index
    std::vector<double> poolingWeights;  // classify: per position, what it counts in the decision
};

// The measurements for source ids `src` (without </s>) and target ids `target` (without <s>
// and </s>); pieces and texts are left empty. Puts the model in eval mode.
NetworkInspection inspectExample(Seq2Seq& model, const std::vector<int64_t>& src,
                                 const std::vector<int64_t>& target);

// A bundle's first network on `text`, against `reference` or, when it is empty, the network's
// own greedy output. Texts are read as the translator reads them (placeholders included).
// Throws std::runtime_error for an empty text or one with no pieces.
NetworkInspection inspectNetwork(const Bundle& bundle, const std::string& text,
                                 const std::string& reference = "");

// A classifier on `text`: its encoder as above, the pooling weights of every position and the
// label probabilities; the gradient is that of -log p(label), `label` given or, when empty, the
// predicted one. Throws std::runtime_error for an empty text or an unknown label.
NetworkInspection inspectClassifier(const ClassifierBundle& bundle, const std::string& text,
                                    const std::string& label = "");

}  // namespace dari
