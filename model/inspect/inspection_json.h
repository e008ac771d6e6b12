#pragma once
// A NetworkInspection as one JSON object (dari inspect --json; Learn mode). The keys are
// stable; per-dimension values are rounded to 6 decimals, norms and means are not.
//
//   schema                 1
//   task                   "translate" | "chat" | "classify"
//   cell                   "rnn" | "gru" | "lstm"
//   attention              "none" | "bahdanau" | "dot" | "general"
//   decoder_reads          "all_states" (return_sequences=True) | "final_state" (False)
//   return_sequences       true | false (the same, as the notes say it)
//   bidirectional          bool
//   member, members        the network inspected (1) and how many the bundle decodes with
//   source                 the text;  source_pieces: [S] strings, "</s>" last
//   reference              the target side whose loss is measured
//   reference_from         "given" | "greedy" (the network's own greedy output)
//   target_pieces          [T] strings: the piece each decoder step predicts, "</s>" last
//   encoder                [layers x directions] recurrences, layer by layer, forward first:
//   decoder                [layers] recurrences over the T steps; each recurrence is
//       { layer, direction: "forward" | "backward",
//         h: [N][H], c: [N][H] (LSTM; else []),
//         gates: [{name: "update" | "reset" | "forget" | "input" | "output",
//                  values: [N][H] in [0, 1], mean: [N]}]   ([] for a plain RNN),
//         candidate: [N][H] (tanh: LSTM g, GRU n; else []),
//         mean_tanh_derivative: [N], mean_sigmoid_derivative: [N] ([] for RNN) }
//   attention_weights      [T][S], each row sums to 1 ([] without attention)
//   gradients              { loss: "mean_cross_entropy", loss_value, layer,
//                            forward: [S] ||dL/dh_t||, backward: [S] ([] if unidirectional),
//                            jacobian_spectral_norm: [S] ||dh_t/dh_{t-1}||_2 (forward) }
//                          (a classifier: loss "label_cross_entropy", -log p(reference))
//   notes                  [strings]
//   a classifier only (task "classify"; decoder, target_pieces and attention_weights empty,
//   reference the label measured, reference_from "given" | "predicted"):
//   pooling                "last" (return_sequences=False) | "attention" (True)
//   labels                 [C] strings;  probabilities: [C];  predicted: the likeliest label
//   pooling_weights        [S]: what each position counts in the decision (sums to 1)

#include <nlohmann/json.hpp>

#include "model/inspect/network_inspection.h"

namespace dari {

nlohmann::json inspectionToJson(const NetworkInspection& inspection);

}  // namespace dari
