// dari inspect: one sentence through a model's network, measured (model/inspect): the states,
// gates and attention, and how much of the loss's gradient reaches each encoder state.

#include <cstdio>
#include <iostream>
#include <numeric>

#include "app/arguments.h"
#include "app/commands.h"
#include "app/model_options.h"
#include "model/inspect/inspection_json.h"
#include "model/inspect/network_inspection.h"

namespace dari {
namespace {

std::string joined(const std::vector<std::string>& pieces) {
    std::string out;
    for (const auto& p : pieces)
        out += (out.empty() ? "" : " ") + p;
    return out;
}

double mean(const std::vector<double>& values) {
    return values.empty() ? 0.0
                          : std::accumulate(values.begin(), values.end(), 0.0) /
                                static_cast<double>(values.size());
}

double meanOf(const Rows& rows) {
    double sum = 0;
    size_t count = 0;
    for (const auto& row : rows) {
        sum += std::accumulate(row.begin(), row.end(), 0.0);
        count += row.size();
    }
    return count ? sum / static_cast<double>(count) : 0.0;
}

void printNetwork(const std::string& dir, const NetworkInspection& n) {
    std::printf("model      %s: %s%s, %s attention (the decoder reads %s)\n", dir.c_str(),
                n.cell.c_str(), n.bidirectional ? " bidirectional" : "", n.attention.c_str(),
                n.decoderReads == "all_states" ? "every encoder state: return_sequences=True"
                                               : "the final state only: return_sequences=False");
    for (const auto& note : n.notes)
        std::printf("note       %s\n", note.c_str());
    std::printf("source     %s\n", joined(n.sourcePieces).c_str());
    std::printf("target     %s (%s)\n", joined(n.targetPieces).c_str(),
                n.referenceFrom == "given" ? "the reference" : "the network's greedy output");
    std::printf("loss       %.4f (mean cross-entropy per target piece)\n", n.gradients.loss);
}

void printGradients(const NetworkInspection& n) {
    const auto& g = n.gradients;
    const auto& top = n.encoder[n.encoder.size() - (n.bidirectional ? 2 : 1)];
    std::printf(
        "\nBPTT into the encoder's top layer (%d): ||dL/dh_t|| per position, and the forward "
        "direction's\nrecurrent Jacobian ||dh_t/dh_t-1|| with the mean tanh' and sigma' of that "
        "step\n",
        g.layer + 1);
    std::printf("  %-5s%-11s%-11s%-10s%-8s%-8s%s\n", "t", "forward",
                n.bidirectional ? "backward" : "", "jacobian", "tanh'", "sigma'", "piece");
    for (size_t t = 0; t < g.forward.size(); ++t) {
        char backward[32] = "";
        if (!g.backward.empty()) std::snprintf(backward, sizeof backward, "%.3e", g.backward[t]);
        char sigmoid[32] = "-";
        if (!top.meanSigmoidDerivative.empty())
            std::snprintf(sigmoid, sizeof sigmoid, "%.3f", top.meanSigmoidDerivative[t]);
        std::printf("  %-5zu%-11.3e%-11s%-10.3f%-8.3f%-8s%s\n", t, g.forward[t], backward,
                    g.jacobianNorm[t], top.meanTanhDerivative[t], sigmoid,
                    n.sourcePieces[t].c_str());
    }
}

void printGates(const char* side, const std::vector<RecurrenceTrace>& recurrences) {
    for (const auto& r : recurrences) {
        std::printf("  %s layer %d %-9s", side, r.layer + 1, r.direction.c_str());
        if (r.gates.empty()) std::printf(" no gates (plain RNN)");
        for (const auto& gate : r.gates)
            std::printf(" %s %.3f", gate.name.c_str(), meanOf(gate.values));
        std::printf("  | tanh' %.3f", mean(r.meanTanhDerivative));
        if (!r.meanSigmoidDerivative.empty())
            std::printf("  sigma' %.3f", mean(r.meanSigmoidDerivative));
        std::printf("\n");
    }
}

void printClassifier(const std::string& dir, const NetworkInspection& n) {
    std::printf("model      %s: %s%s classifier, %s pooling (the decision reads %s)\n", dir.c_str(),
                n.cell.c_str(), n.bidirectional ? " bidirectional" : "", n.pooling.c_str(),
                n.pooling == "attention" ? "every state: return_sequences=True"
                                         : "the final state only: return_sequences=False");
    for (const auto& note : n.notes)
        std::printf("note       %s\n", note.c_str());
    std::printf("source     %s\n", joined(n.sourcePieces).c_str());
    for (size_t c = 0; c < n.labels.size(); ++c)
        std::printf("label      %-10s p %.3f%s\n", n.labels[c].c_str(), n.probabilities[c],
                    static_cast<int64_t>(c) == n.predicted ? "  (predicted)" : "");
    std::printf("loss       %.4f (-log p('%s'), the %s label)\n", n.gradients.loss,
                n.reference.c_str(), n.referenceFrom == "given" ? "given" : "predicted");
    std::printf("\nwhat each position counts in the decision (pooling weights)\n");
    for (size_t t = 0; t < n.poolingWeights.size(); ++t)
        std::printf("  %-5zu%-8.3f%s\n", t, n.poolingWeights[t], n.sourcePieces[t].c_str());
}

}  // namespace

int runInspect(const Arguments& args) {
    const std::string dir = modelDir(args);
    const bool classifier = isClassifierBundle(dir);
    const auto inspection =
        classifier ? inspectClassifier(ClassifierBundle::load(dir), args.require("text"),
                                       args.get("reference"))
                   : inspectNetwork(Bundle::load(dir), args.require("text"), args.get("reference"));
    if (args.has("json")) {
        std::cout << inspectionToJson(inspection).dump() << '\n';
        return 0;
    }
    if (classifier)
        printClassifier(dir, inspection);
    else
        printNetwork(dir, inspection);
    printGradients(inspection);
    std::printf("\nmean gate activations (over positions and dimensions)\n");
    printGates("encoder", inspection.encoder);
    if (!classifier) printGates("decoder", inspection.decoder);
    return 0;
}

}  // namespace dari
