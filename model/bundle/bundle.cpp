#include "model/bundle/bundle.h"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dari/version.h"
#include "data/atomic_file.h"

namespace dari {

namespace fs = std::filesystem;
using nlohmann::json;

json BundleMeta::toJson() const {
    json j = {{"task", task},
              {"src_lang", srcLang},
              {"tgt_lang", tgtLang},
              {"corpus_fingerprint", corpusFingerprint},
              {"training_data", trainingData},
              {"train_pairs", trainPairs},
              {"dev_pairs", devPairs},
              {"training_seconds", trainingSeconds},
              {"steps", steps},
              {"epochs", epochs},
              {"dev_bleu", devBleu},
              {"dev_chrf", devChrf},
              {"dev_loss", devLoss},
              {"dev_beam", devBeam},
              {"parameters", parameters},
              {"members", members},
              {"confidence", confidence.toJson()},
              {"dari_version", dariVersion},
              {"created", created}};
    if (trainingData.size() == 1) j["training_data"] = trainingData.front();
    if (!devSets.empty()) {
        json sets = json::array();
        for (const auto& d : devSets)
            sets.push_back(
                {{"name", d.name}, {"pairs", d.pairs}, {"bleu", d.bleu}, {"chrf", d.chrf}});
        j["dev_sets"] = sets;
    }
    if (!frequentReplies.empty()) j["frequent_replies"] = frequentReplies;
    if (!labels.empty()) {  // a classifier's (translation models' meta.json stays as it was)
        j["labels"] = labels;
        j["label_counts"] = labelCounts;
        j["dev_accuracy"] = devAccuracy;
        j["dev_macro_f1"] = devMacroF1;
        j["majority_baseline"] = majorityBaseline;
    }
    return j;
}

BundleMeta BundleMeta::fromJson(const json& j) {
    BundleMeta m;
    m.task = j.at("task").get<std::string>();
    m.srcLang = j.at("src_lang").get<std::string>();
    m.tgtLang = j.at("tgt_lang").get<std::string>();
    m.corpusFingerprint = j.value("corpus_fingerprint", "");
    // One corpus as a string (as before several could be trained on), several as a list.
    if (j.contains("training_data") && j["training_data"].is_string()) {
        const auto one = j["training_data"].get<std::string>();
        if (!one.empty()) m.trainingData.push_back(one);
    } else {
        m.trainingData = j.value("training_data", std::vector<std::string>{});
    }
    for (const auto& d : j.value("dev_sets", json::array()))
        m.devSets.push_back({d.at("name").get<std::string>(), d.value("pairs", int64_t{0}),
                             d.value("bleu", 0.0), d.value("chrf", 0.0)});
    m.trainPairs = j.value("train_pairs", int64_t{0});
    m.devPairs = j.value("dev_pairs", int64_t{0});
    m.trainingSeconds = j.value("training_seconds", 0.0);
    m.steps = j.value("steps", int64_t{0});
    m.epochs = j.value("epochs", 0.0);
    m.devBleu = j.value("dev_bleu", 0.0);
    m.devChrf = j.value("dev_chrf", 0.0);
    m.devLoss = j.value("dev_loss", 0.0);
    m.devBeam = j.value("dev_beam", 0);
    m.parameters = j.value("parameters", int64_t{0});
    m.members = j.value("members", int64_t{1});
    if (m.members < 1 || m.members > 64) throw std::runtime_error("members must be 1 to 64");
    m.confidence = ConfidenceCalibration::fromJson(j.value("confidence", json::object()));
    m.frequentReplies = j.value("frequent_replies", std::vector<std::string>{});
    m.labels = j.value("labels", std::vector<std::string>{});
    m.labelCounts = j.value("label_counts", std::vector<int64_t>{});
    m.devAccuracy = j.value("dev_accuracy", 0.0);
    m.devMacroF1 = j.value("dev_macro_f1", 0.0);
    m.majorityBaseline = j.value("majority_baseline", 0.0);
    m.dariVersion = j.value("dari_version", "");
    m.created = j.value("created", "");
    return m;
}

BundleMeta BundleMeta::load(const std::string& dir) {
    const std::string path = dir + "/meta.json";
    std::ifstream file(path);
    if (!file) throw std::runtime_error(path + ": missing");
    try {
        return fromJson(json::parse(file));
    } catch (const std::exception& e) {
        throw std::runtime_error(path + ": corrupt (" + e.what() + ")");
    }
}

std::string memberFileName(int64_t member) {
    return member == 1 ? "model.pt" : "member" + std::to_string(member) + ".pt";
}

std::string memberFile(const std::string& dir, int64_t member) {
    return dir + "/" + memberFileName(member);
}

std::string isoTimeNow() {
    const std::time_t now = std::time(nullptr);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return buffer;
}

void saveModule(const torch::nn::Module& module, const std::string& path) {
    torch::serialize::OutputArchive archive;
    module.save(archive);
    writeFileAtomically(path, [&](std::ostream& out) { archive.save_to(out); });
}

void loadModule(torch::nn::Module& module, const std::string& path) {
    if (!fs::exists(path)) throw std::runtime_error(path + ": missing");
    // Module::load replaces a tensor of another shape without complaint: check the shapes.
    std::vector<std::pair<std::string, torch::Tensor>> tensors;
    for (const auto& p : module.named_parameters())
        tensors.emplace_back(p.key(), p.value());
    for (const auto& b : module.named_buffers())
        tensors.emplace_back(b.key(), b.value());
    std::vector<std::vector<int64_t>> shapes;
    for (const auto& t : tensors)
        shapes.push_back(t.second.sizes().vec());
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path, torch::Device(torch::kCPU));  // saved on a GPU or not
        module.load(archive);
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        throw std::runtime_error(path + ": corrupt or not made for this model (" +
                                 what.substr(0, what.find('\n')) + ")");
    } catch (const std::exception& e) {  // TorchScript's own errors, e.g. a garbled header
        const std::string what = e.what();
        throw std::runtime_error(path + ": corrupt (" + what.substr(0, what.find('\n')) + ")");
    }
    for (size_t i = 0; i < tensors.size(); ++i) {
        if (tensors[i].second.sizes().vec() != shapes[i])
            throw std::runtime_error(path + ": not made for this model (" + tensors[i].first +
                                     " has shape " + c10::str(tensors[i].second.sizes()) +
                                     ", the model needs " + c10::str(c10::IntArrayRef(shapes[i])) +
                                     ")");
    }
}

Bundle Bundle::load(const std::string& dir) {
    if (!fs::is_directory(dir)) throw std::runtime_error(dir + ": not a model folder");
    Bundle bundle;
    bundle.config = Config::load(dir + "/config.yaml");
    if (bundle.config.data.task == "classify")
        throw std::runtime_error(dir + " is a classification model: use dari classify");
    bundle.src = Vocabulary::load(dir + "/src.spm");
    bundle.tgt = Vocabulary::load(dir + "/tgt.spm");
    bundle.meta = BundleMeta::load(dir);
    try {
        bundle.model = Seq2Seq(bundle.config.model, bundle.src.size(), bundle.tgt.size());
    } catch (const std::exception& e) {
        throw std::runtime_error(dir + "/config.yaml: " + e.what());
    }
    loadModule(*bundle.model, memberFile(dir, 1));
    bundle.model->eval();
    for (int64_t m = 2; m <= bundle.meta.members; ++m) {
        Seq2Seq member(bundle.config.model, bundle.src.size(), bundle.tgt.size());
        loadModule(*member, memberFile(dir, m));
        member->eval();
        bundle.moreMembers.push_back(member);
    }
    return bundle;
}

void Bundle::to(torch::Device device) {
    for (auto network : networks())
        network->to(device);
}

std::vector<Seq2Seq> Bundle::networks() const {
    std::vector<Seq2Seq> all{model};
    all.insert(all.end(), moreMembers.begin(), moreMembers.end());
    return all;
}

void Bundle::saveWeights(const std::string& dir) const {
    saveModule(*model, memberFile(dir, 1));
    for (size_t m = 0; m < moreMembers.size(); ++m)
        saveModule(*moreMembers[m], memberFile(dir, m + 2));
}

void BundleMeta::save(const std::string& dir) const {
    writeFileAtomically(dir + "/meta.json", toJson().dump(2) + "\n");
}

void Bundle::saveMeta(const std::string& dir) const {
    meta.save(dir);
}

void Bundle::save(const std::string& dir) const {
    fs::create_directories(dir);
    writeFileAtomically(dir + "/config.yaml", config.toYaml());
    src.save(dir + "/src.spm");
    tgt.save(dir + "/tgt.spm");
    saveWeights(dir);
    saveMeta(dir);
}

std::optional<std::string> bundleFingerprint(const std::string& dir) {
    std::error_code error;
    if (!fs::is_directory(dir, error)) return std::nullopt;
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        const std::string name = entry.path().filename().string();
        const bool weights = name.size() > 3 && name.compare(name.size() - 3, 3, ".pt") == 0 &&
                             name != "checkpoint.pt";
        if (weights || name == "meta.json" || name == "config.yaml" || name == "src.spm" ||
            name == "tgt.spm")
            names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    std::ostringstream out;
    for (const auto& name : names) {
        struct stat st {};
        if (::stat((dir + "/" + name).c_str(), &st) != 0) continue;
        out << name << ':' << st.st_size << ':' << st.st_mtim.tv_sec << '.' << st.st_mtim.tv_nsec
            << ':' << st.st_ino << ';';
    }
    return out.str();
}

}  // namespace dari
