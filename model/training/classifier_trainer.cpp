#include "model/training/classifier_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>

#include "dari/version.h"
#include "data/batch.h"
#include "data/vocabulary.h"
#include "model/bundle/classifier_bundle.h"
#include "model/runtime.h"
#include "model/training/train_events.h"

namespace dari {

namespace ev = train_events;
using nlohmann::json;

std::vector<std::string> classifierLabels(const std::vector<SentencePair>& train,
                                          const std::vector<SentencePair>& dev,
                                          const ClassifierSources& sources) {
    std::set<std::string> names;
    for (const auto& p : train)
        names.insert(p.target);
    if (names.size() < 2)
        throw std::runtime_error(
            sources.train + ": " + std::to_string(names.size()) + " label" +
            (names.size() == 1 ? " ('" + *names.begin() + "')" : std::string("s")) +
            ": a classifier needs at least 2 different labels (the second column)");
    for (const auto& p : dev)
        if (!names.count(p.target))
            throw std::runtime_error(sources.dev + ":" + std::to_string(p.line) + ": label '" +
                                     p.target + "' is not among the training labels of " +
                                     sources.train);
    return {names.begin(), names.end()};
}

namespace {

struct Encoded {
    std::vector<std::vector<int64_t>> ids;
    std::vector<int64_t> labels;
};

Encoded encode(const std::vector<SentencePair>& pairs, const Vocabulary& vocab,
               const std::map<std::string, int64_t>& index, int maxPieces) {
    Encoded out;
    for (const auto& p : pairs) {
        auto ids = vocab.encode(p.source);
        if (static_cast<int>(ids.size()) > maxPieces) ids.resize(maxPieces);  // kept, shortened
        out.ids.push_back(std::move(ids));
        out.labels.push_back(index.at(p.target));
    }
    return out;
}

Vocabulary trainVocabulary(const Config& config, const std::vector<SentencePair>& train,
                           TrainLog& log) {
    std::vector<std::string> texts;
    for (const auto& p : train)
        texts.push_back(p.source);
    VocabularyOptions options;
    options.modelType = config.data.vocabType;
    options.size = config.data.srcVocabSize;
    options.threads = std::max(1, configuredThreads());
    options.maxSentences = static_cast<size_t>(config.data.vocabSentences);
    Vocabulary vocab = Vocabulary::train(texts, options);
    if (vocab.size() < config.data.srcVocabSize)
        log.message("note: data.src_vocab_size " + std::to_string(config.data.srcVocabSize) +
                    ": this corpus supports " + std::to_string(vocab.size()) + " pieces");
    return vocab;
}

// Predicted label indices (and the mean cross-entropy) of `data`, in eval mode.
std::pair<std::vector<int64_t>, double> predict(Classifier& model, const Encoded& data, int batch) {
    torch::NoGradGuard noGrad;
    model->eval();
    std::vector<int64_t> predicted;
    double lossSum = 0.0;
    for (size_t start = 0; start < data.ids.size(); start += batch) {
        const size_t end = std::min(data.ids.size(), start + batch);
        const std::vector<std::vector<int64_t>> ids(data.ids.begin() + start,
                                                    data.ids.begin() + end);
        const auto logits = model->forward(makeSourceBatch(ids).src).logits;
        const auto gold = torch::tensor(
            std::vector<int64_t>(data.labels.begin() + start, data.labels.begin() + end));
        lossSum += torch::nn::functional::cross_entropy(
                       logits, gold,
                       torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                       .item<double>();
        const auto best = logits.argmax(1);
        for (int64_t i = 0; i < best.size(0); ++i)
            predicted.push_back(best[i].item<int64_t>());
    }
    model->train();
    return {predicted, data.ids.empty() ? 0.0 : lossSum / data.ids.size()};
}

std::vector<torch::Tensor> copyWeights(Classifier& model) {
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> copy;
    for (const auto& p : model->parameters())
        copy.push_back(p.detach().clone());
    return copy;
}

void restoreWeights(Classifier& model, const std::vector<torch::Tensor>& weights) {
    torch::NoGradGuard noGrad;
    auto params = model->parameters();
    for (size_t i = 0; i < params.size(); ++i)
        params[i].copy_(weights[i]);
}

void checkConfig(const Config& config) {
    if (config.data.task != "classify")
        throw std::runtime_error("data.task must be classify to train a classifier");
    if (config.train.minutes > 0)
        throw std::runtime_error(
            "train.minutes: a classifier's budget is in epochs (--epochs N), not minutes");
}

// One epoch's training steps; returns the mean training loss.
double trainEpoch(Classifier& model, torch::optim::Adam& optimizer, const Encoded& data,
                  const Config& config, int epoch, int64_t& step,
                  const std::function<void(double)>& onStep) {
    std::vector<Example> examples;
    for (const auto& ids : data.ids)
        examples.push_back({ids, {}});
    const auto batches =
        bucketBatches(examples, config.train.batchSentences, 0, config.train.seed + epoch);
    const auto options = torch::nn::functional::CrossEntropyFuncOptions().label_smoothing(
        config.train.labelSmoothing);
    double lossSum = 0.0, recentLoss = 0.0;
    int recent = 0;
    for (size_t b = 0; b < batches.size(); ++b) {
        std::vector<std::vector<int64_t>> ids;
        std::vector<int64_t> gold;
        for (size_t i : batches[b]) {
            ids.push_back(data.ids[i]);
            gold.push_back(data.labels[i]);
        }
        optimizer.zero_grad();
        const auto logits = model->forward(makeSourceBatch(ids).src).logits;
        const auto loss =
            torch::nn::functional::cross_entropy(logits, torch::tensor(gold), options);
        loss.backward();
        if (config.train.clipNorm > 0)
            torch::nn::utils::clip_grad_norm_(model->parameters(), config.train.clipNorm);
        optimizer.step();
        ++step;
        const double value = loss.item<double>();
        lossSum += value;
        recentLoss += value;
        ++recent;
        if (step % config.train.logEvery == 0) {
            onStep(recentLoss / recent);
            recentLoss = recent = 0;
        }
    }
    return batches.empty() ? 0.0 : lossSum / batches.size();
}

}  // namespace

ClassifierTrainResult trainClassifier(const Config& config, const std::vector<SentencePair>& train,
                                      const std::vector<SentencePair>& dev,
                                      const std::string& outDir, TrainLog& log,
                                      const ClassifierSources& sources) {
    checkConfig(config);
    if (train.empty()) throw std::runtime_error(sources.train + ": no pairs to train on");
    if (dev.empty()) throw std::runtime_error(sources.dev + ": no pairs to validate on");
    ClassifierTrainResult result;
    result.labels = classifierLabels(train, dev, sources);
    const auto classes = static_cast<int64_t>(result.labels.size());
    if (config.model.classes != 0 && config.model.classes != classes)
        throw std::runtime_error("model.classes is " + std::to_string(config.model.classes) +
                                 " but " + sources.train + " has " + std::to_string(classes) +
                                 " labels");
    std::map<std::string, int64_t> index;
    for (int64_t c = 0; c < classes; ++c)
        index[result.labels[c]] = c;

    torch::manual_seed(config.train.seed);
    ClassifierBundle bundle;
    bundle.config = config;
    bundle.src = trainVocabulary(config, train, log);
    const Encoded trainData = encode(train, bundle.src, index, config.data.maxPieces);
    const Encoded devData = encode(dev, bundle.src, index, config.data.maxPieces);
    bundle.model = Classifier(config.model, bundle.src.size(), classes);
    bundle.model->train();
    result.majorityBaseline = majorityBaseline(trainData.labels, devData.labels, classes);

    auto& meta = bundle.meta;
    meta.task = "classify";
    meta.srcLang = config.data.srcLang;
    meta.trainingData = {sources.trainingData};
    meta.trainPairs = static_cast<int64_t>(train.size());
    meta.devPairs = static_cast<int64_t>(dev.size());
    for (const auto& p : bundle.model->parameters())
        meta.parameters += p.numel();
    meta.labels = result.labels;
    meta.labelCounts.assign(classes, 0);
    for (const auto label : trainData.labels)
        ++meta.labelCounts[label];
    meta.majorityBaseline = result.majorityBaseline;
    meta.dariVersion = DARI_VERSION;
    meta.created = isoTimeNow();
    log.event({{ev::kEvent, ev::kStart},
               {ev::kTrainPairs, train.size()},
               {ev::kTooLong, 0},
               {ev::kDevPairs, dev.size()},
               {ev::kParameters, meta.parameters},
               {ev::kSrcVocab, bundle.src.size()},
               {ev::kTgtVocab, classes},
               {ev::kFineTune, false}});

    torch::optim::Adam optimizer(bundle.model->parameters(),
                                 torch::optim::AdamOptions(config.train.learningRate));
    const auto begin = std::chrono::steady_clock::now();
    const auto seconds = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    };
    const int epochs = config.train.epochs;
    const double stepsPerEpoch = std::max<double>(
        1.0, std::ceil(static_cast<double>(train.size()) / config.train.batchSentences));
    int64_t step = 0;
    std::vector<torch::Tensor> best;
    double bestAccuracy = -1.0;
    for (int epoch = 0; epoch < epochs; ++epoch) {
        const auto onStep = [&](double loss) {
            const double progress = std::min(1.0, step / (stepsPerEpoch * epochs));
            log.event({{ev::kEvent, ev::kTrain},
                       {ev::kStep, step},
                       {ev::kEpoch, step / stepsPerEpoch},
                       {ev::kTrainLoss, loss},
                       {ev::kLearningRate, config.train.learningRate},
                       {ev::kSeconds, seconds()},
                       {ev::kProgress, progress}});
            char detail[64];
            std::snprintf(detail, sizeof detail, "epoch %d, loss %.3f", epoch + 1, loss);
            log.progress(progress, seconds(), detail);
        };
        trainEpoch(bundle.model, optimizer, trainData, config, epoch, step, onStep);
        const auto [predicted, devLoss] = predict(bundle.model, devData, 64);
        const auto scores = scoreClassification(devData.labels, predicted, classes);
        const bool better = scores.accuracy > bestAccuracy;
        if (better) {
            bestAccuracy = scores.accuracy;
            best = copyWeights(bundle.model);
            result.dev = scores;
            result.bestEpoch = epoch + 1;
        }
        log.event({{ev::kEvent, ev::kValidation},
                   {ev::kStep, step},
                   {ev::kEpoch, epoch + 1.0},
                   {ev::kSeconds, seconds()},
                   {ev::kDevLoss, devLoss},
                   {ev::kDevAccuracy, scores.accuracy},
                   {ev::kDevMacroF1, scores.macroF1},
                   {ev::kBest, better}});
        char line[128];
        std::snprintf(line, sizeof line, "epoch %d: dev accuracy %.4f, macro-F1 %.4f%s", epoch + 1,
                      scores.accuracy, scores.macroF1, better ? " (best)" : "");
        log.message(line);
    }
    restoreWeights(bundle.model, best);
    bundle.model->eval();
    meta.steps = step;
    meta.epochs = epochs;
    meta.trainingSeconds = seconds();
    meta.devAccuracy = result.dev.accuracy;
    meta.devMacroF1 = result.dev.macroF1;
    bundle.save(outDir);
    log.event({{ev::kEvent, ev::kDone},
               {ev::kStep, step},
               {ev::kEpoch, epochs},
               {ev::kSeconds, meta.trainingSeconds},
               {ev::kDevAccuracy, meta.devAccuracy},
               {ev::kDevMacroF1, meta.devMacroF1},
               {ev::kEarlyStop, false}});
    char line[200];
    std::snprintf(line, sizeof line,
                  "done: %ld steps in %.0f s, best dev accuracy %.4f (epoch %d; majority "
                  "baseline %.4f) -> %s",
                  static_cast<long>(step), meta.trainingSeconds, meta.devAccuracy, result.bestEpoch,
                  result.majorityBaseline, outDir.c_str());
    log.message(line);
    return result;
}

}  // namespace dari
