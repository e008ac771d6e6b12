// dari train: corpora in, model bundle out.

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/arguments.h"
#include "app/commands.h"
#include "app/corpus_options.h"
#include "app/option_table.h"
#include "app/train_launcher.h"
#include "data/atomic_file.h"
#include "data/corpus.h"
#include "data/corpus_sources.h"
#include "data/split.h"
#include "model/bundle/bundle.h"
#include "model/device.h"
#include "model/runtime.h"
#include "model/training/classifier_trainer.h"
#include "model/training/dev_sets.h"
#include "model/training/distributed.h"
#include "model/training/run_state.h"
#include "model/training/train_events.h"
#include "model/training/trainer.h"

namespace dari {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// dari status: the folder holds no run that finished or can be continued.
constexpr int kExitNoRun = 4;

std::atomic<bool> g_stop{false};
void onSignal(int) {
    g_stop = true;
}

// "B.tsv:0.5" -> {"B.tsv", 0.5}; a value without a numeric suffix is all path, weight 1.
std::pair<std::string, double> corpusWeight(const std::string& value) {
    const auto colon = value.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == value.size()) return {value, 1.0};
    const std::string suffix = value.substr(colon + 1);
    char* end = nullptr;
    const double weight = std::strtod(suffix.c_str(), &end);
    if (end != suffix.c_str() + suffix.size()) return {value, 1.0};
    if (!(weight > 0 && weight <= 1000))
        throw std::runtime_error("--train " + value +
                                 ": the weight after ':' must be in (0, 1000]");
    return {value.substr(0, colon), weight};
}

// The run's corpora: --train (several, each PATH[:WEIGHT]) and --dev (several), else the
// config's data.corpora, whose relative paths start at --data-dir. --dev replaces the config's
// dev sets; --train its whole list (then config.yaml records none: run.json has them).
RunCorpora runCorpora(const Arguments& args, Config& config) {
    RunCorpora run;
    if (args.has("train")) {
        config.data.corpora.clear();
        for (const auto& value : args.getAll("train")) {
            const auto [path, weight] = corpusWeight(value);
            const CorpusSpec spec = corpusSpec(args, path);
            run.train.push_back({corpusName(spec.path), spec, weight});
        }
    } else if (config.data.corpora.empty()) {
        throw std::runtime_error(
            "--train is required (or a --config whose data.corpora lists the corpora)");
    } else {
        run = RunCorpora::fromConfig(config.data.corpora, args.get("data-dir"));
        if (run.train.empty())
            throw std::runtime_error("data.corpora lists no train file (only dev sets)");
    }
    if (args.has("dev")) {
        run.dev.clear();
        for (const auto& value : args.getAll("dev")) {
            const CorpusSpec spec = corpusSpec(args, value);
            run.dev.push_back({corpusName(spec.path), spec});
        }
    }
    run.nameUniquely();
    return run;
}

// Each corpus's held-out pairs, as DIR/held_out/NAME.tsv: to score the model on.
void writeHeldOut(const std::string& dir, const std::vector<NamedPairs>& heldOut) {
    if (heldOut.empty()) return;
    fs::create_directories(dir + "/" + kHeldOutFolder);
    for (const auto& set : heldOut) {
        std::string text;
        for (const auto& p : set.pairs)
            text += p.source + "\t" + p.target + "\n";
        writeFileAtomically(dir + "/" + kHeldOutFolder + "/" + set.name + ".tsv", text);
    }
}

// The options of the table that name config settings, in the order given; then --set.
void applyOverrides(Config& config, const Arguments& args) {
    for (const auto& [name, value] : args.ordered()) {
        const Option& option = *findOption(args.command(), name);
        if (name == "set") {
            const auto eq = value.find('=');
            if (eq == std::string::npos)
                throw std::runtime_error("--set takes KEY=VALUE, not '" + value + "'");
            config.set(value.substr(0, eq), value.substr(eq + 1));
        } else if (option.splitValue) {
            const auto [first, second] = splitPair(value, "--" + name);
            config.set(option.configKeys.at(0), first);
            config.set(option.configKeys.at(1), second);
        } else {
            for (const char* key : option.configKeys)
                config.set(key, value);
        }
        if (name == "epochs") config.train.minutes = 0;  // the budget is in epochs now
        if (name == "hidden")
            config.model.decoderHidden =
                config.model.encoderHidden * (config.model.bidirectional ? 2 : 1);
    }
    config.validate();
}

// --resume continues with the run's config.yaml: only a new budget, threads and the
// options that change no setting are accepted; any other option is refused.
void checkResumeOptions(const Arguments& args) {
    std::string allowed;
    for (const auto& option : args.command().options)
        if (option.onResume)
            allowed += std::string(allowed.empty() ? "" : ", ") + "--" + option.name;
    for (const auto& [name, value] : args.ordered()) {
        if (name == "resume" || findOption(args.command(), name)->onResume) continue;
        throw std::runtime_error(
            "--" + name + " cannot change a resumed run (it continues with its config.yaml); " +
            "with --resume only " + allowed + " may be given");
    }
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
    LoadOptions options;
    options.skipInvalid = run.value("skip_invalid", false);
    options.onReport = [](const std::string& path, const std::string& report) {
        std::cerr << path << ": " << report << "\n";
    };
    return loadTrainInputs(RunCorpora::fromJson(run), config, options);
}

}  // namespace

namespace {

// A distributed run's rank that is not 0 and continues a run: the run folder is rank 0's
// (perhaps on another machine), so its settings and corpora come from rank 0.
bool followsLeader(const RankSetup& setup, const Arguments& args) {
    return setup.rank != 0 && args.has("resume");
}

// Every rank trains on the same settings, threads and corpora as rank 0 (each reads its own
// copy of the corpora: the fingerprints must match).
void agreeWithLeader(Distributed& dist, const Config& config, const TrainInputs& inputs) {
    dist.agree("the settings (config)", config.toYaml());
    dist.agree("the number of threads per process", std::to_string(configuredThreads()));
    dist.agree("the training corpus", "fingerprint " + inputs.fingerprint);
    std::vector<SentencePair> dev;
    for (const auto& set : inputs.devs)
        dev.insert(dev.end(), set.pairs.begin(), set.pairs.end());
    dist.agree("the dev corpus", "fingerprint " + fingerprint(dev));
}

int trainHere(const Arguments& args);
int trainClassifierHere(const Arguments& args, Config config);

// --task classify (or a --config whose data.task is classify).
bool classifies(const Arguments& args, Config& config) {
    if (args.has("resume")) return false;
    if (args.has("config")) config = Config::load(args.get("config"));
    applyOverrides(config, args);
    return config.data.task == "classify";
}

}  // namespace

int runTrain(const Arguments& args) {
    Config config;
    if (classifies(args, config)) return trainClassifierHere(args, config);
    if (launchesWorkers(args)) return superviseTraining(args);
    try {
        return trainHere(args);
    } catch (const PeerLost& e) {
        // Under the supervisor, the supervisor says it once, naming the rank that died.
        if (!isSupervisedWorker()) std::cerr << "dari train: " << e.what() << "\n";
        return train_events::kExitPeerLost;
    } catch (const Disagreement& e) {
        if (!isSupervisedWorker()) std::cerr << "dari train: " << e.what() << "\n";
        return 1;
    }
}

namespace {

int trainHere(const Arguments& args) {
    const RankSetup setup = RankSetup::fromEnvironment();
    TrainOptions options;
    json run;
    Config config;
    std::string savedYaml;  // --resume: the run's config.yaml as it was
    if (followsLeader(setup, args)) {
        checkResumeOptions(args);
        options.outDir = args.get("resume");
        options.resume = true;
    } else if (args.has("resume")) {
        checkResumeOptions(args);
        options.outDir = args.get("resume");
        options.resume = true;
        const std::string runPath = options.outDir + "/" + kRunFile;
        std::ifstream in(runPath);
        if (!in)
            throw std::runtime_error(runPath + ": missing: " + options.outDir +
                                     " holds no training run to resume");
        try {
            run = json::parse(in);
        } catch (const json::exception& e) {
            throw std::runtime_error(runPath + ": corrupt (" + e.what() + ")");
        }
        config = Config::load(options.outDir + "/config.yaml");
        savedYaml = config.toYaml();
        applyOverrides(config, args);  // written back once the inputs are read
        options.initFrom = run.value("init_from", "");
    } else {
        options.outDir = args.require("out");
        if (args.has("config")) config = Config::load(args.get("config"));
        applyOverrides(config, args);
        if (setup.rank == 0 && (fs::exists(options.outDir + "/" + kCheckpointFile) ||
                                fs::exists(options.outDir + "/model.pt")))
            throw std::runtime_error(options.outDir +
                                     " already holds a model; continue it with --resume " +
                                     options.outDir + " or choose another --out");
        run = runCorpora(args, config).toJson();
        run["skip_invalid"] = args.has("skip-invalid");
        if (args.has("init-from"))
            run["init_from"] = options.initFrom = fs::absolute(args.get("init-from")).string();
        if (args.has("vocab-from")) {
            if (args.has("init-from"))
                throw std::runtime_error(
                    "--vocab-from and --init-from exclude each other (fine-tuning keeps the "
                    "vocabularies)");
            run["vocab_from"] = options.vocabFrom = fs::absolute(args.get("vocab-from")).string();
        }
    }
    options.stopAfterSteps = args.getInt("stop-after-steps", 0, 0, 1 << 30);
    std::unique_ptr<Distributed> dist;
    if (setup.distributed()) {
        dist = std::make_unique<Distributed>(
            setup,
            std::chrono::milliseconds(static_cast<int64_t>(1e3 * config.train.rankTimeoutSeconds)));
        if (followsLeader(setup, args)) {
            run = json::parse(dist->fromLeader("the run", ""));
            config = Config::fromYaml(dist->fromLeader("the resumed settings", ""),
                                      "rank 0's config.yaml");
            applyOverrides(config, args);
        } else if (dist->leader() && options.resume) {
            dist->fromLeader("the run", run.dump());
            dist->fromLeader("the resumed settings", config.toYaml());
        }
        options.distributed = dist.get();
    }
    configureThreads(config.train.threads);
    resolveDevice(config.train.device, args.has("device") ? "--device" : "train.device",
                  setup.localRank);  // no GPU for it: said before the corpora are read
    warnIfSlowBlas();
    const TrainInputs inputs = loadInputs(run, config);  // before anything is written
    std::vector<std::string> devNames;
    for (const auto& set : inputs.devs)
        devNames.push_back(set.name);
    checkBestBy(config.train.bestBy, devNames);
    if (dist) agreeWithLeader(*dist, config, inputs);
    const bool writes = setup.rank == 0;  // the other ranks of a distributed run write nothing
    for (const auto& base : {options.initFrom, options.vocabFrom})
        if (!base.empty() && !options.resume && writes)
            Bundle::load(base);  // so is a broken base model
    if (writes) {
        fs::create_directories(options.outDir);
        if (options.resume && config.toYaml() != savedYaml)
            writeFileAtomically(options.outDir + "/config.yaml", config.toYaml());
        if (!options.resume)
            writeFileAtomically(options.outDir + "/" + kRunFile, run.dump(2) + "\n");
        writeHeldOut(options.outDir, inputs.heldOut);
    }

    options.stop = &g_stop;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    auto log = writes ? std::make_unique<TrainLog>(options.outDir + "/" + kTrainLogFile,
                                                   /*progressBar=*/true, args.has("json"))
                      : std::make_unique<TrainLog>();
    const TrainResult result = train(config, inputs, options, *log);
    if (result.diverged) {
        if (writes) std::cerr << "dari train: " << result.message << "\n";
        return train_events::kExitDiverged;
    }
    return result.interrupted ? train_events::kExitInterrupted : 0;
}

}  // namespace

namespace {

int trainClassifierHere(const Arguments& args, Config config) {
    for (const char* refused :
         {"nproc", "nnodes", "node-rank", "master", "init-from", "vocab-from", "stop-after-steps"})
        if (args.has(refused))
            throw std::runtime_error(std::string("--") + refused +
                                     " is not supported with --task classify");
    if (RankSetup::fromEnvironment().distributed())
        throw std::runtime_error(
            "a classifier is not trained distributed (unset RANK, "
            "WORLD_SIZE, ...)");
    const std::string outDir = args.require("out");
    if (fs::exists(outDir))
        throw std::runtime_error(outDir + " already exists; choose another --out");
    configureThreads(config.train.threads);
    warnIfSlowBlas();
    const CorpusSpec trainSpec = corpusSpec(args, args.require("train"));
    const bool skip = args.has("skip-invalid");
    auto train = read(trainSpec, config, skip, config.data.deduplicate).pairs;
    ClassifierSources sources;
    sources.train = trainSpec.path;
    sources.trainingData = corpusLabel(trainSpec.path);
    std::vector<SentencePair> dev;
    if (args.has("dev")) {
        const CorpusSpec devSpec = corpusSpec(args, args.get("dev"));
        sources.dev = devSpec.path;
        dev = read(devSpec, config, skip, false).pairs;
    } else {
        const size_t count = std::min<size_t>(
            devCountFromFraction(train.size(), config.data.devFraction), config.data.maxDevPairs);
        auto split = splitDev(train, count, config.train.seed);
        train = std::move(split.train);
        dev = std::move(split.dev);
        sources.dev = trainSpec.path + " (its dev split)";
    }
    classifierLabels(train, dev, sources);  // a bad label file: said before anything is written
    const std::string partial = outDir + ".partial";  // renamed to outDir when complete
    fs::remove_all(partial);
    fs::create_directories(partial);
    TrainLog log(partial + "/" + kTrainLogFile, /*progressBar=*/true, args.has("json"));
    try {
        trainClassifier(config, train, dev, outDir, log, sources);
    } catch (...) {
        fs::remove_all(partial);
        throw;
    }
    return 0;
}

}  // namespace

int runStatus(const Arguments& args) {
    const std::string dir = args.require("run");
    const RunState run = readRunState(dir);
    switch (run.state) {
        case RunState::State::Finished:
            std::cout << "finished at step " << run.loggedStep;
            if (run.progress >= 0)  // run.sh's progress line reads this
                std::cout << " after " << std::fixed << std::setprecision(0) << run.seconds
                          << " s of training";
            std::cout << "\n";
            return 0;
        case RunState::State::Interrupted:
            std::cout << "interrupted; the checkpoint holds step " << run.checkpointStep
                      << " (continue with: dari train --resume " << dir << ")";
            if (run.progress >= 0)  // run.sh's progress line reads this
                std::cout << "; " << std::fixed << std::setprecision(1)
                          << 100.0 * std::min(1.0, run.progress) << "% of its budget after "
                          << std::setprecision(0) << run.seconds << " s of training";
            std::cout << "\n";
            return train_events::kExitInterrupted;
        case RunState::State::NotStarted:
            std::cout
                << "started, no checkpoint yet (train again: the run left nothing to continue)\n";
            return kExitNoRun;
        case RunState::State::None:
            break;
    }
    std::cout << "no training run (" << dir << "/" << kRunFile << " is missing)\n";
    return kExitNoRun;
}

}  // namespace dari
