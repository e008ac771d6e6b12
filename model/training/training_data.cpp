#include "model/training/training_data.h"

#include <filesystem>
#include <map>

#include "data/corpus_sources.h"
#include "data/split.h"
#include "model/training/train_events.h"

namespace dari {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json specJson(const CorpusSpec& s) {
    return {{"path", s.path},
            {"src_lang", s.srcLang},
            {"tgt_lang", s.tgtLang},
            {"src_column", s.srcColumn},
            {"tgt_column", s.tgtColumn}};
}

CorpusSpec specFromJson(const json& j) {
    return {j.at("path"), j.value("src_lang", ""), j.value("tgt_lang", ""),
            j.value("src_column", ""), j.value("tgt_column", "")};
}

std::string resolved(const std::string& path, const std::string& dataDir) {
    const fs::path p(path);
    return fs::absolute(p.is_absolute() || dataDir.empty() ? p : fs::path(dataDir) / p).string();
}

CleanOptions cleanOptions(const Config& config) {
    CleanOptions o;
    o.enabled = config.data.clean;
    o.deduplicate = config.data.deduplicate;
    o.translation = config.data.task == "translate";
    o.srcLang = config.data.srcLang;
    o.tgtLang = config.data.tgtLang;
    o.maxChars = static_cast<std::size_t>(config.data.maxChars);
    o.maxLengthRatio = config.data.cleanLengthRatio;
    o.warnShare = config.data.cleanWarnShare;
    return o;
}

Corpus readOne(const CorpusSource& source, const Config& config, const LoadOptions& options,
               bool training) {
    ReadOptions read;
    read.skipInvalid = options.skipInvalid;
    // A training pair too long is a cleaning rule when cleaning (counted, not an error).
    read.maxChars = training && config.data.clean ? 0 : config.data.maxChars;
    Corpus corpus = readCorpus(source.spec, read);
    if (options.onReport && !corpus.report().empty())
        options.onReport(source.spec.path, corpus.report());
    return corpus;
}

}  // namespace

TrainInputs TrainInputs::single(std::vector<SentencePair> train, std::vector<SentencePair> dev,
                                std::string fingerprint, std::string trainingData) {
    TrainInputs inputs;
    inputs.corpora.push_back({"train", std::move(train), 1.0});
    if (!dev.empty()) inputs.devs.push_back({"dev", std::move(dev)});
    inputs.fingerprint = std::move(fingerprint);
    inputs.trainingData.push_back(std::move(trainingData));
    return inputs;
}

std::size_t TrainInputs::trainPairs() const {
    std::size_t n = 0;
    for (const auto& c : corpora)
        n += c.pairs.size();
    return n;
}

RunCorpora RunCorpora::fromConfig(const std::vector<CorpusEntry>& corpora,
                                  const std::string& dataDir) {
    RunCorpora run;
    for (const auto& entry : corpora) {
        if (!entry.train.empty()) {
            const std::string path = resolved(entry.train, dataDir);
            run.train.push_back({corpusName(path), {path}, entry.weight, entry.holdout});
        }
        if (!entry.dev.empty()) {
            const std::string path = resolved(entry.dev, dataDir);
            run.dev.push_back({corpusName(path), {path}});
        }
    }
    run.nameUniquely();
    return run;
}

void RunCorpora::nameUniquely() {
    for (auto* list : {&train, &dev}) {
        std::map<std::string, int> seen;
        for (auto& c : *list) {
            const int n = ++seen[c.name];
            if (n > 1) c.name += " (" + std::to_string(n) + ")";
        }
    }
}

json RunCorpora::toJson() const {
    json corpora = json::array(), devs = json::array();
    for (const auto& c : train)
        corpora.push_back({{"name", c.name},
                           {"spec", specJson(c.spec)},
                           {"weight", c.weight},
                           {"holdout", c.holdout}});
    for (const auto& d : dev)
        devs.push_back({{"name", d.name}, {"spec", specJson(d.spec)}});
    return {{"corpora", corpora}, {"dev_sets", devs}};
}

RunCorpora RunCorpora::fromJson(const json& run) {
    RunCorpora out;
    if (run.contains("corpora")) {
        for (const auto& c : run.at("corpora"))
            out.train.push_back({c.at("name"), specFromJson(c.at("spec")), c.value("weight", 1.0),
                                 c.value("holdout", 0)});
        for (const auto& d : run.value("dev_sets", json::array()))
            out.dev.push_back({d.at("name"), specFromJson(d.at("spec"))});
        return out;
    }
    // Runs started before data.corpora: one "train" and perhaps one "dev".
    const CorpusSpec train = specFromJson(run.at("train"));
    out.train.push_back({corpusName(train.path), train});
    if (run.contains("dev")) {
        const CorpusSpec dev = specFromJson(run.at("dev"));
        out.dev.push_back({corpusName(dev.path), dev});
    }
    return out;
}

uint64_t holdoutSeed(const std::string& corpusName) {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a
    for (unsigned char c : corpusName)
        h = (h ^ c) * 1099511628211ULL;
    return h;
}

TrainInputs loadTrainInputs(const RunCorpora& corpora, const Config& config,
                            const LoadOptions& options) {
    if (corpora.train.empty()) throw std::runtime_error("no training corpus given (--train)");
    TrainInputs inputs;
    CorpusCleaner cleaner(cleanOptions(config));
    for (const auto& source : corpora.dev) {
        auto pairs = readOne(source, config, options, false).pairs;
        if (pairs.empty())
            throw std::runtime_error(source.spec.path + ": the dev set " + source.name +
                                     " has no pairs");
        cleaner.addDevSources(pairs);
        inputs.devs.push_back({source.name, std::move(pairs)});
    }
    std::vector<SentencePair> all;
    for (const auto& source : corpora.train) {
        auto read = readOne(source, config, options, true).pairs;
        if (read.empty())
            throw std::runtime_error(source.spec.path + ": the corpus " + source.name +
                                     " has no pairs to train on");
        CleanReport report;
        auto pairs = cleaner.clean(source.name, std::move(read), report);
        if (source.holdout > 0) {
            if (static_cast<std::size_t>(source.holdout) * 2 > pairs.size())
                throw std::runtime_error(source.spec.path + ": holdout " +
                                         std::to_string(source.holdout) +
                                         " is more than half of the corpus's " +
                                         std::to_string(pairs.size()) + " clean pairs");
            auto split = splitDev(pairs, source.holdout, holdoutSeed(source.name));
            pairs = std::move(split.train);
            report.heldOut = split.dev.size();
            inputs.heldOut.push_back({source.name, std::move(split.dev)});
        }
        if (pairs.empty())
            throw std::runtime_error(source.spec.path + ": the corpus " + source.name +
                                     " has no pairs left after cleaning (" + report.summary() +
                                     ")");
        all.insert(all.end(), pairs.begin(), pairs.end());
        inputs.trainingData.push_back(corpusLabel(source.spec.path));
        inputs.corpora.push_back({source.name, std::move(pairs), source.weight});
        inputs.cleaning.push_back(std::move(report));
    }
    if (inputs.devs.empty()) {
        // No dev set: one is split off the first corpus (data.dev_fraction, data.max_dev_pairs).
        auto& first = inputs.corpora.front().pairs;
        const size_t count = std::min<size_t>(
            devCountFromFraction(first.size(), config.data.devFraction), config.data.maxDevPairs);
        auto split = splitDev(first, count, config.train.seed);
        if (split.train.empty())
            throw std::runtime_error(corpora.train.front().spec.path +
                                     ": too few pairs to train on and split a dev set from");
        first = std::move(split.train);
        if (!split.dev.empty()) inputs.devs.push_back({"dev split", std::move(split.dev)});
        all.clear();
        for (const auto& c : inputs.corpora)
            all.insert(all.end(), c.pairs.begin(), c.pairs.end());
    }
    inputs.fingerprint = fingerprint(all);
    return inputs;
}

json cleaningJson(const std::vector<CleanReport>& reports, double warnShare) {
    const auto examples = [](const std::vector<CleanExample>& list) {
        json out = json::array();
        for (const auto& e : list)
            out.push_back({{"line", e.line}, {"source", e.source}, {"target", e.target}});
        return out;
    };
    json corpora = json::array();
    for (const auto& r : reports) {
        json dropped = json::object(), shown = json::object();
        for (CleanRule rule : cleanRules()) {
            const auto it = r.dropped.find(rule);
            if (it == r.dropped.end() || it->second == 0) continue;
            dropped[ruleName(rule)] = it->second;
            shown[ruleName(rule)] = examples(r.examples.at(rule));
        }
        corpora.push_back({{"name", r.corpus},
                           {"read", r.read},
                           {"kept", r.kept()},
                           {"held_out", r.heldOut},
                           {"markup_taken_out", r.stripped},
                           {"dropped", dropped},
                           {"examples", shown},
                           {"markup_examples", examples(r.strippedExamples)},
                           {"warnings", r.warnings(warnShare)}});
    }
    return {{train_events::kWarnShare, warnShare}, {"corpora", corpora}};
}

}  // namespace dari
