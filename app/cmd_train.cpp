// dari train: corpora in, model bundle out.

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/arguments.h"
#include "app/commands.h"
#include "data/atomic_file.h"
#include "data/corpus.h"
#include "data/split.h"
#include "model/bundle.h"
#include "model/runtime.h"
#include "model/trainer.h"

namespace dari {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::atomic<bool> g_stop{false};
void onSignal(int) { g_stop = true; }

std::pair<std::string, std::string> splitPair(const std::string& text, const std::string& option) {
    const auto comma = text.find(',');
    if (comma == std::string::npos || comma == 0 || comma + 1 == text.size())
        throw std::runtime_error(option + " takes two names separated by a comma, like ko,en");
    return {text.substr(0, comma), text.substr(comma + 1)};
}

json specToJson(const CorpusSpec& s) {
    return {{"path", s.path}, {"src_lang", s.srcLang}, {"tgt_lang", s.tgtLang},
            {"src_column", s.srcColumn}, {"tgt_column", s.tgtColumn}};
}

CorpusSpec specFromJson(const json& j) {
    return {j.at("path"), j.at("src_lang"), j.at("tgt_lang"), j.at("src_column"), j.at("tgt_column")};
}

CorpusSpec corpusSpec(const Arguments& args, const std::string& path) {
    CorpusSpec spec{fs::absolute(path).string()};
    if (args.has("langs")) std::tie(spec.srcLang, spec.tgtLang) = splitPair(args.get("langs"), "--langs");
    if (args.has("columns")) std::tie(spec.srcColumn, spec.tgtColumn) = splitPair(args.get("columns"), "--columns");
    return spec;
}

void applyOverrides(Config& config, const Arguments& args) {
    const std::map<std::string, std::vector<std::string>> direct = {
        {"epochs", {"train.epochs"}},          {"minutes", {"train.minutes"}},
        {"cell", {"model.cell"}},              {"attention", {"model.attention"}},
        {"task", {"data.task"}},               {"vocab-size", {"data.src_vocab_size", "data.tgt_vocab_size"}},
        {"embedding", {"model.embedding_size"}}, {"layers", {"model.encoder_layers", "model.decoder_layers"}},
        {"dropout", {"model.dropout"}},        {"batch-size", {"train.batch_sentences"}},
        {"lr", {"train.learning_rate"}},       {"seed", {"train.seed"}},
        {"threads", {"train.threads"}},        {"validate-every", {"train.validate_every"}}};
    for (const auto& [name, value] : args.ordered()) {
        if (auto it = direct.find(name); it != direct.end()) {
            for (const auto& key : it->second) config.set(key, value);
            if (name == "epochs") config.train.minutes = 0;
        } else if (name == "hidden") {
            config.set("model.encoder_hidden", value);
            config.model.decoderHidden = config.model.encoderHidden * (config.model.bidirectional ? 2 : 1);
        } else if (name == "langs") {
            std::tie(config.data.srcLang, config.data.tgtLang) = splitPair(value, "--langs");
        } else if (name == "set") {
            const auto eq = value.find('=');
            if (eq == std::string::npos) throw std::runtime_error("--set takes KEY=VALUE, not '" + value + "'");
            config.set(value.substr(0, eq), value.substr(eq + 1));
        }
    }
    config.validate();
}

Corpus read(const CorpusSpec& spec, const Config& config, bool skipInvalid, bool deduplicate) {
    ReadOptions options;
    options.skipInvalid = skipInvalid;
    options.maxChars = config.data.maxChars;
    options.deduplicate = deduplicate;
    Corpus corpus = readCorpus(spec, options);
    if (!corpus.report().empty()) std::cerr << spec.path << ": " << corpus.report() << "\n";
    return corpus;
}

TrainInputs loadInputs(const json& run, const Config& config) {
    const bool skip = run.value("skip_invalid", false);
    TrainInputs inputs;
    auto train = read(specFromJson(run.at("train")), config, skip, config.data.deduplicate).pairs;
    if (run.contains("dev")) {
        inputs.dev = read(specFromJson(run.at("dev")), config, skip, false).pairs;
        inputs.train = std::move(train);
    } else {
        const size_t count = std::min<size_t>(devCountFromFraction(train.size(), config.data.devFraction),
                                              config.data.maxDevPairs);
        auto split = splitDev(train, count, config.train.seed);
        inputs.train = std::move(split.train);
        inputs.dev = std::move(split.dev);
    }
    if (inputs.train.empty()) throw std::runtime_error(run.at("train").at("path").get<std::string>() + ": no pairs to train on");
    inputs.fingerprint = fingerprint(inputs.train);
    return inputs;
}

}  // namespace

int runTrain(int argc, char** argv) {
    const Arguments args(argc, argv, 2,
                         {"config", "train", "dev", "out", "epochs", "minutes", "cell", "attention", "task",
                          "langs", "columns", "vocab-size", "embedding", "hidden", "layers", "dropout",
                          "batch-size", "lr", "seed", "threads", "validate-every", "set", "init-from",
                          "vocab-from", "resume", "stop-after-steps"},
                         {"skip-invalid", "json"});
    TrainOptions options;
    json run;
    Config config;
    if (args.has("resume")) {
        options.outDir = args.get("resume");
        options.resume = true;
        const std::string runPath = options.outDir + "/run.json";
        std::ifstream in(runPath);
        if (!in) throw std::runtime_error(runPath + ": missing: " + options.outDir + " holds no training run to resume");
        try {
            run = json::parse(in);
        } catch (const json::exception& e) {
            throw std::runtime_error(runPath + ": corrupt (" + e.what() + ")");
        }
        config = Config::load(options.outDir + "/config.yaml");
        options.initFrom = run.value("init_from", "");
    } else {
        options.outDir = args.require("out");
        if (args.has("config")) config = Config::load(args.get("config"));
        applyOverrides(config, args);
        if (fs::exists(options.outDir + "/checkpoint.pt") || fs::exists(options.outDir + "/model.pt"))
            throw std::runtime_error(options.outDir + " already holds a model; continue it with --resume " +
                                     options.outDir + " or choose another --out");
        run["train"] = specToJson(corpusSpec(args, args.require("train")));
        if (args.has("dev")) run["dev"] = specToJson(corpusSpec(args, args.get("dev")));
        run["skip_invalid"] = args.has("skip-invalid");
        if (args.has("init-from")) run["init_from"] = options.initFrom = fs::absolute(args.get("init-from")).string();
        if (args.has("vocab-from")) {
            if (args.has("init-from")) throw std::runtime_error("--vocab-from and --init-from exclude each other (fine-tuning keeps the vocabularies)");
            run["vocab_from"] = options.vocabFrom = fs::absolute(args.get("vocab-from")).string();
        }
    }
    options.stopAfterSteps = args.getInt("stop-after-steps", 0, 0, 1 << 30);
    configureThreads(config.train.threads);
    warnIfSlowBlas();
    const TrainInputs inputs = loadInputs(run, config);  // before anything is written
    for (const auto& base : {options.initFrom, options.vocabFrom})
        if (!base.empty() && !options.resume) Bundle::load(base);  // so is a broken base model
    fs::create_directories(options.outDir);
    if (!options.resume) writeFileAtomically(options.outDir + "/run.json", run.dump(2) + "\n");

    options.stop = &g_stop;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    TrainLog log(options.outDir + "/train_log.jsonl", /*progressBar=*/true, args.has("json"));
    const TrainResult result = train(config, inputs, options, log);
    return result.interrupted ? 3 : 0;
}

}  // namespace dari
