#pragma once
// Training a many-to-one classifier (data.task classify): each pair's source is the text, its
// target the label. Labels are strings, sorted to indices 0..C-1.
//
// The loop: a SentencePiece vocabulary of the training texts, batches of
// train.batch_sentences, Adam, gradient clipping, an epochs budget; after each epoch the dev
// accuracy, whose best weights are kept and written as a bundle
// (model/bundle/classifier_bundle.h).

#include <string>
#include <vector>

#include "data/corpus.h"
#include "model/bundle/config.h"
#include "model/metrics/classification.h"
#include "model/training/train_log.h"

namespace dari {

struct ClassifierTrainResult {
    std::vector<std::string> labels;  // index order
    ClassificationScores dev;         // of the kept (best) weights
    double majorityBaseline = 0.0;    // dev accuracy of always answering the commonest label
    int bestEpoch = 0;
};

// The files the pairs came from, for messages ("the training data" when not from a file).
struct ClassifierSources {
    std::string train = "the training data";
    std::string dev = "the dev data";
    std::string trainingData;  // meta.json's training_data (data/corpus_sources.h's corpusLabel)
};

// The label names in index order (sorted). Throws, naming the file, when the training data has
// fewer than 2 labels or a dev label is not among the training labels.
std::vector<std::string> classifierLabels(const std::vector<SentencePair>& train,
                                          const std::vector<SentencePair>& dev,
                                          const ClassifierSources& sources = {});

// Trains and writes the bundle to outDir (through outDir.partial, renamed when complete; the
// log may already write into outDir.partial). The config's data.task must be classify and its
// budget in epochs.
ClassifierTrainResult trainClassifier(const Config& config, const std::vector<SentencePair>& train,
                                      const std::vector<SentencePair>& dev,
                                      const std::string& outDir, TrainLog& log,
                                      const ClassifierSources& sources = {});

}  // namespace dari
