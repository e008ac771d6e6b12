#include "model/inspect/inspection_json.h"

#include <cmath>

namespace dari {
namespace {

nlohmann::json rowsJson(const Rows& rows) {
    auto out = nlohmann::json::array();
    for (const auto& row : rows) {
        auto values = nlohmann::json::array();
        for (const float v : row)
            values.push_back(std::round(static_cast<double>(v) * 1e6) / 1e6);
        out.push_back(std::move(values));
    }
    return out;
}

std::vector<double> rowMeans(const Rows& rows) {
    std::vector<double> means;
    for (const auto& row : rows) {
        double sum = 0;
        for (const float v : row)
            sum += v;
        means.push_back(row.empty() ? 0.0 : sum / static_cast<double>(row.size()));
    }
    return means;
}

nlohmann::json recurrenceJson(const RecurrenceTrace& r) {
    auto gates = nlohmann::json::array();
    for (const auto& g : r.gates)
        gates.push_back(
            {{"name", g.name}, {"values", rowsJson(g.values)}, {"mean", rowMeans(g.values)}});
    return {{"layer", r.layer},
            {"direction", r.direction},
            {"h", rowsJson(r.h)},
            {"c", rowsJson(r.c)},
            {"gates", std::move(gates)},
            {"candidate", rowsJson(r.candidate)},
            {"mean_tanh_derivative", r.meanTanhDerivative},
            {"mean_sigmoid_derivative", r.meanSigmoidDerivative}};
}

nlohmann::json recurrencesJson(const std::vector<RecurrenceTrace>& recurrences) {
    auto out = nlohmann::json::array();
    for (const auto& r : recurrences)
        out.push_back(recurrenceJson(r));
    return out;
}

nlohmann::json gradientsJson(const GradientFlow& g, bool classify) {
    return {{"loss", classify ? "label_cross_entropy" : "mean_cross_entropy"},
            {"loss_value", g.loss},
            {"layer", g.layer},
            {"forward", g.forward},
            {"backward", g.backward},
            {"jacobian_spectral_norm", g.jacobianNorm}};
}

}  // namespace

nlohmann::json inspectionToJson(const NetworkInspection& n) {
    const bool classify = n.task == "classify";
    nlohmann::json out = {{"schema", 1},
                          {"task", n.task},
                          {"cell", n.cell},
                          {"attention", n.attention},
                          {"decoder_reads", n.decoderReads},
                          {"return_sequences", n.decoderReads == "all_states"},
                          {"bidirectional", n.bidirectional},
                          {"member", n.member},
                          {"members", n.members},
                          {"source", n.source},
                          {"source_pieces", n.sourcePieces},
                          {"reference", n.reference},
                          {"reference_from", n.referenceFrom},
                          {"target_pieces", n.targetPieces},
                          {"encoder", recurrencesJson(n.encoder)},
                          {"decoder", recurrencesJson(n.decoder)},
                          {"attention_weights", rowsJson(n.attentionWeights)},
                          {"gradients", gradientsJson(n.gradients, classify)},
                          {"notes", n.notes}};
    if (classify) {
        out["pooling"] = n.pooling;
        out["labels"] = n.labels;
        out["probabilities"] = n.probabilities;
        out["predicted"] = n.labels.at(n.predicted);
        out["pooling_weights"] = n.poolingWeights;
    }
    return out;
}

}  // namespace dari
