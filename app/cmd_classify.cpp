// dari classify: one label for each line of stdin, from a classification model.

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "app/arguments.h"
#include "app/commands.h"
#include "app/model_options.h"
#include "data/utf8.h"
#include "model/bundle/classifier_bundle.h"
#include "model/runtime.h"

namespace dari {
namespace {

std::vector<std::string> readStdinLines() {
    std::vector<std::string> lines;
    long number = 0;
    for (std::string line; std::getline(std::cin, line);) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!isValidUtf8(line))
            throw std::runtime_error("stdin:" + std::to_string(number) + ": invalid UTF-8");
        lines.push_back(cleanText(line));
    }
    return lines;
}

void printLabels(const ClassifierBundle& bundle, const torch::Tensor& probs, bool withProbs) {
    const auto& labels = bundle.meta.labels;
    if (withProbs) {
        std::string header = "#label";
        for (const auto& name : labels)
            header += "\tp(" + name + ")";
        std::cout << header << "\n";
    }
    const auto best = probs.argmax(1);
    for (int64_t i = 0; i < probs.size(0); ++i) {
        std::cout << labels[best[i].item<int64_t>()];
        if (withProbs)
            for (int64_t c = 0; c < probs.size(1); ++c) {
                char value[32];
                std::snprintf(value, sizeof value, "\t%.4f", probs[i][c].item<double>());
                std::cout << value;
            }
        std::cout << "\n";
    }
}

}  // namespace

int runClassify(const Arguments& args) {
    warnIfSlowBlas();
    const ClassifierBundle bundle = ClassifierBundle::load(modelDir(args));
    const auto lines = readStdinLines();
    printLabels(bundle, bundle.probabilities(lines, args.getInt("batch", 64, 1, 4096)),
                args.has("probs"));
    return 0;
}

}  // namespace dari
