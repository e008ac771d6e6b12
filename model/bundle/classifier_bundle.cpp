#include "model/bundle/classifier_bundle.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "data/atomic_file.h"
#include "data/batch.h"

namespace dari {

namespace fs = std::filesystem;

bool isClassifierBundle(const std::string& dir) {
    if (!fs::exists(dir + "/config.yaml")) return false;
    return Config::load(dir + "/config.yaml").data.task == "classify";
}

ClassifierBundle ClassifierBundle::load(const std::string& dir) {
    if (!fs::is_directory(dir)) throw std::runtime_error(dir + ": not a model folder");
    ClassifierBundle bundle;
    bundle.config = Config::load(dir + "/config.yaml");
    if (bundle.config.data.task != "classify")
        throw std::runtime_error(dir + "/config.yaml: data.task is " + bundle.config.data.task +
                                 ", not classify: use dari translate or dari chat");
    bundle.src = Vocabulary::load(dir + "/src.spm");
    bundle.meta = BundleMeta::load(dir);
    const auto classes = static_cast<int64_t>(bundle.meta.labels.size());
    if (classes < 2)
        throw std::runtime_error(dir + "/meta.json: a classifier needs at least 2 labels, it has " +
                                 std::to_string(classes));
    if (bundle.config.model.classes != 0 && bundle.config.model.classes != classes)
        throw std::runtime_error(dir + "/meta.json: " + std::to_string(classes) +
                                 " labels, but config.yaml's model.classes is " +
                                 std::to_string(bundle.config.model.classes));
    try {
        bundle.model = Classifier(bundle.config.model, bundle.src.size(), classes);
    } catch (const std::exception& e) {
        throw std::runtime_error(dir + "/config.yaml: " + e.what());
    }
    loadModule(*bundle.model, dir + "/model.pt");
    bundle.model->eval();
    return bundle;
}

void ClassifierBundle::save(const std::string& dir) const {
    if (fs::exists(dir)) throw std::runtime_error(dir + ": already exists");
    const std::string partial = dir + ".partial";  // may hold the training log already
    fs::create_directories(partial);
    writeFileAtomically(partial + "/config.yaml", config.toYaml());
    src.save(partial + "/src.spm");
    saveModule(*model, partial + "/model.pt");
    meta.save(partial);
    fs::rename(partial, dir);
}

torch::Tensor ClassifierBundle::probabilities(const std::vector<std::string>& texts,
                                              int batch) const {
    torch::InferenceMode guard;
    std::vector<torch::Tensor> parts;
    const int64_t maxPieces = std::max(1, config.data.maxPieces);
    for (size_t start = 0; start < texts.size(); start += batch) {
        std::vector<std::vector<int64_t>> ids;
        for (size_t i = start; i < std::min(texts.size(), start + batch); ++i) {
            auto pieces = src.encode(texts[i]);
            if (static_cast<int64_t>(pieces.size()) > maxPieces) pieces.resize(maxPieces);
            ids.push_back(std::move(pieces));
        }
        auto network = model;  // a copy of the handle: forward is not const
        parts.push_back(torch::softmax(network->forward(makeSourceBatch(ids).src).logits, 1));
    }
    if (parts.empty()) return torch::zeros({0, static_cast<int64_t>(meta.labels.size())});
    return torch::cat(parts, 0);
}

}  // namespace dari
