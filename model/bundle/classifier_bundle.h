#pragma once
// A classification model's folder (data.task classify):
//
//   config.yaml   every setting, commented      src.spm    the SentencePiece model of the text
//   model.pt      the weights (best dev accuracy)  meta.json  task, labels, dev scores, ...

#include <string>
#include <vector>

#include "data/vocabulary.h"
#include "model/bundle/bundle.h"
#include "model/bundle/config.h"
#include "model/network/classifier.h"

namespace dari {

struct ClassifierBundle {
    Config config;
    Vocabulary src;
    Classifier model{nullptr};
    BundleMeta meta;  // task "classify"; meta.labels: the label names in index order

    // Loads and validates every file; errors name the file. The network is on the CPU, in eval
    // mode.
    static ClassifierBundle load(const std::string& dir);
    // Writes into DIR.partial (created if missing; what it holds already is kept), then renames
    // it to DIR, which must not exist: never half a bundle.
    void save(const std::string& dir) const;

    // Each text's class probabilities: [N, C] (inference, batches of `batch` texts).
    torch::Tensor probabilities(const std::vector<std::string>& texts, int batch = 64) const;
};

// Whether DIR holds a classification model (its config.yaml says data.task classify).
bool isClassifierBundle(const std::string& dir);

}  // namespace dari
