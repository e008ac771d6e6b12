#include "model/training/trainer.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "dari/version.h"
#include "data/atomic_file.h"
#include "data/batch.h"
#include "data/corpus_mix.h"
#include "data/placeholders.h"
#include "model/bundle/bundle.h"
#include "model/bundle/bundle_placeholders.h"
#include "model/device.h"
#include "model/metrics/frequent_replies.h"
#include "model/runtime.h"
#include "model/training/checkpoint.h"
#include "model/training/data_parallel.h"
#include "model/training/dev_sets.h"
#include "model/training/divergence_guard.h"
#include "model/training/evaluator.h"
#include "model/training/fused_adam.h"
#include "model/training/run_state.h"
#include "model/training/train_events.h"
#include "model/training/weight_average.h"

namespace dari {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
namespace ev = train_events;

class Trainer {
public:
    Trainer(const Config& config, const TrainInputs& inputs, const TrainOptions& options,
            TrainLog& log)
        : inputs_(inputs), options_(options), log_(log), cleaning_(inputs.cleaning) {
        bundle_.config = config;
        for (const auto& c : inputs.corpora)
            allTrain_.insert(allTrain_.end(), c.pairs.begin(), c.pairs.end());
    }

    TrainResult run() {
        prepare();
        resegment(progress_.epoch);
        const auto batches0 = epochBatches(progress_.epoch);
        log_.message(summary(batches0.size()));
        TrainResult result;
        started_ = Clock::now();
        secondsBefore_ = progress_.seconds;
        lastValidationSeconds_ = progress_.seconds;  // a resumed run counts from here
        auto batches = batches0;
        while (!budgetSpent()) {
            if (progress_.batchInEpoch >= static_cast<int64_t>(batches.size())) {
                ++progress_.epoch;
                progress_.batchInEpoch = 0;
                resegment(progress_.epoch);
                batches = epochBatches(progress_.epoch);
                continue;
            }
            trainStep(batches[progress_.batchInEpoch]);
            ++progress_.batchInEpoch;
            // A distributed run keeps rank 0's clock, so that all ranks agree on the budget.
            progress_.seconds = dist() ? agreedSeconds_ : secondsNow();
            showProgress(batches.size());
            if (!guard_->diverged().empty()) {
                result.diverged = true;
                break;
            }
            if (guard_->healthy() && checkpointDue()) saveCheckpoint();
            if (validationDue() && guard_->healthy() && validate()) {
                result.stoppedEarly = true;
                break;
            }
            if (stopRequested()) {
                result.interrupted = true;
                break;
            }
        }
        // A run that ends (or is stopped) mid-divergence keeps its last good checkpoint.
        if (!guard_->healthy() && !result.interrupted) result.diverged = true;
        if (result.diverged) {
            finishDiverged(result);
            return result;
        }
        if (!result.interrupted && lastValidationStep_ != progress_.step)
            result.stoppedEarly = validate() || result.stoppedEarly;
        if (guard_->healthy()) saveCheckpoint();
        finish(result);
        return result;
    }

private:
    const Config& config() const { return bundle_.config; }

    void prepare();
    void buildVocabularies();
    void noteSmallerVocabulary(const char* key, int64_t asked, int64_t got);
    std::vector<Example> encode(const std::vector<SentencePair>& pairs, bool filter,
                                std::vector<size_t>* kept = nullptr) const;
    void resegment(int64_t epoch);
    // The epoch's examples: every corpus's share by its weight (data/corpus_mix.h), batched.
    std::vector<std::vector<size_t>> epochBatches(int64_t epoch) const {
        const auto& t = config().train;
        return bucketBatches(examples_, epochExamples(parts_, epoch, t.seed), t.batchSentences,
                             t.batchTokens, t.seed * 1000003 + epoch);
    }
    std::vector<MixPart> rawParts() const;
    void mixCorpora(const std::vector<size_t>& kept);
    void prepareDevSets();
    void logStart();
    double budgetFraction(size_t batchesPerEpoch) const;
    bool budgetSpent() const;
    bool stopSignalled() const { return options_.stop && options_.stop->load(); }
    bool stopRequested() const {
        return (dist() ? agreedStop_ : stopSignalled()) ||
               (options_.stopAfterSteps > 0 && progress_.step >= options_.stopAfterSteps);
    }
    double secondsNow() const {
        return secondsBefore_ + std::chrono::duration<double>(Clock::now() - started_).count();
    }
    Distributed* dist() const { return options_.distributed; }
    bool writes() const { return !dist() || dist()->leader(); }  // rank 0 or a single process
    ShardSlice shardSlice() const;
    void reduceOverRanks();
    void shareStartingState();
    void placeOnDevice();
    void noteAllreduceCost(double milliseconds, double waitMilliseconds) const;
    void trainStep(const std::vector<size_t>& indices);
    torch::Tensor dropWords(const torch::Tensor& ids) const;
    bool validate();      // true: stop early
    bool validateHere();  // rank 0 or a single process: scores, saves, decides
    DecodeOptions validationOptions() const;
    bool placeholdersWanted() const {
        return config().data.placeholders && config().data.task == "translate";
    }
    void protectTrainingPairs();
    void usePlaceholders();
    const std::vector<SentencePair>& trainPairs() const {
        return placeholders_.empty() ? allTrain_ : protectedTrain_;
    }
    void setLearningRate(double lr);
    bool checkpointDue() const {
        const double every = config().train.checkpointSeconds;
        return every > 0 && progress_.seconds - lastCheckpointSeconds_ >= every;
    }
    bool validationDue() const {
        const auto& t = config().train;
        if (progress_.step % t.validateEvery == 0) return true;
        return t.minutes > 0 && t.timedValidations > 0 &&
               progress_.seconds - lastValidationSeconds_ >= 60.0 * t.minutes / t.timedValidations;
    }
    void saveCheckpoint();
    void loadCheckpoint();
    void showProgress(size_t batchesPerEpoch);
    void finish(TrainResult& result);
    void finishDiverged(TrainResult& result);
    std::string summary(size_t batchesPerEpoch) const;

    const TrainInputs& inputs_;
    // With placeholders (data/placeholders.h), when the vocabularies have them: the training
    // pairs with a placeholder where a span stands on both sides.
    std::vector<std::pair<int64_t, int64_t>> placeholders_;
    std::vector<SentencePair> protectedTrain_;
    TrainOptions options_;
    TrainLog& log_;
    std::vector<CleanReport> cleaning_;   // per corpus; the trainer adds data.max_pieces' drops
    std::vector<SentencePair> allTrain_;  // every corpus's pairs, one after another
    Bundle bundle_;
    std::vector<Example> examples_;  // the pairs that fit data.max_pieces, corpus by corpus ...
    std::vector<MixPart> parts_;     // ... where each corpus's are, and its weight
    std::vector<DevSet> devSets_;
    std::vector<std::string> trainSources_,
        trainTargets_;  // the texts of examples_, when they are sampled
    std::unique_ptr<FusedAdam> optimizer_;
    std::unique_ptr<WeightAverage> average_;  // null unless train.ema_decay > 0
    TrainingProgress progress_;
    size_t batchesPerEpoch_ = 1;
    double lastLoss_ = 0.0, lastNorm_ = 0.0, windowLoss_ = 0.0;
    int64_t windowTokens_ = 0;
    Clock::time_point windowStart_ = Clock::now();
    double tokensPerSecond_ = 0.0;
    double lastCheckpointSeconds_ = 0.0;  // progress_.seconds when checkpoint.pt was last written
    double lastValidationSeconds_ = 0.0;  // ... when the last validation began
    int64_t lastValidationStep_ = -1;
    Clock::time_point lastTick_{};  // the last train or tick event (none yet: the first step ticks)
    bool checkpointCostShown_ = false;
    int64_t lastCheckpointStep_ = 0;          // the step checkpoint.pt holds (0: none yet)
    std::unique_ptr<DivergenceGuard> guard_;  // made once the target vocabulary is known
    Clock::time_point started_ = Clock::now();
    double secondsBefore_ = 0.0;  // progress_.seconds when this process's run started
    // Distributed runs: what all ranks agreed on at the last step.
    double agreedSeconds_ = 0.0;
    bool agreedStop_ = false;
    double allreduceWindowMs_ = 0.0;      // all-reduce time since the last train event ...
    double allreduceWindowWaitMs_ = 0.0;  // ... of it waiting for the slowest rank ...
    int64_t allreduceWindowSteps_ = 0;    // ... over this many steps
    bool allreduceCostShown_ = false;
    torch::Device device_ = torch::kCPU;  // train.device, once placeOnDevice has resolved it
};

void Trainer::prepare() {
    if (!writes()) {
        // Rank 0 reads the run folder and builds the vocabularies; they come from it below.
    } else if (options_.resume) {
        bundle_.config = Config::load(options_.outDir + "/config.yaml");
        bundle_.src = Vocabulary::load(options_.outDir + "/src.spm");
        bundle_.tgt = Vocabulary::load(options_.outDir + "/tgt.spm");
    } else if (!options_.initFrom.empty() || !options_.vocabFrom.empty()) {
        // Fine-tuning keeps the base bundle's network and vocabularies; a new ensemble
        // member only its vocabularies. Training settings are ours either way.
        const std::string& base =
            options_.initFrom.empty() ? options_.vocabFrom : options_.initFrom;
        const Config baseConfig = Config::load(base + "/config.yaml");
        if (!options_.initFrom.empty()) bundle_.config.model = baseConfig.model;
        auto& data = bundle_.config.data;
        data.vocabType = baseConfig.data.vocabType;
        data.srcVocabSize = baseConfig.data.srcVocabSize;
        data.tgtVocabSize = baseConfig.data.tgtVocabSize;
        data.sharedVocab = baseConfig.data.sharedVocab;
        bundle_.src = Vocabulary::load(base + "/src.spm");
        bundle_.tgt = Vocabulary::load(base + "/tgt.spm");
    } else {
        buildVocabularies();
    }
    if (dist()) {  // every rank builds the same network on the same vocabularies
        bundle_.config =
            Config::fromYaml(dist()->fromLeader("config", config().toYaml()), "rank 0's config");
        bundle_.src = Vocabulary::fromSerialized(
            dist()->fromLeader("source vocabulary", writes() ? bundle_.src.serialized() : ""));
        bundle_.tgt = Vocabulary::fromSerialized(
            dist()->fromLeader("target vocabulary", writes() ? bundle_.tgt.serialized() : ""));
    }
    const auto& cfg = config();
    torch::manual_seed(cfg.train.seed);
    bundle_.model = Seq2Seq(cfg.model, bundle_.src.size(), bundle_.tgt.size());
    guard_ = std::make_unique<DivergenceGuard>(bundle_.tgt.size());
    if (!options_.initFrom.empty() && !options_.resume && writes())
        loadModule(*bundle_.model, options_.initFrom + "/model.pt");
    usePlaceholders();
    std::vector<size_t> kept;
    examples_ = encode(trainPairs(), true, &kept);
    if (cfg.train.subwordSampling > 0) {
        for (size_t i : kept) {
            trainSources_.push_back(trainPairs()[i].source);
            trainTargets_.push_back(trainPairs()[i].target);
        }
    }
    if (examples_.empty())
        throw std::runtime_error("no training pairs left (all longer than data.max_pieces?)");
    mixCorpora(kept);
    prepareDevSets();
    optimizer_ = std::make_unique<FusedAdam>(bundle_.model->parameters(),
                                             torch::optim::AdamOptions(cfg.train.learningRate));
    progress_.learningRate = cfg.train.learningRate;
    if (cfg.train.emaDecay > 0)
        average_ = std::make_unique<WeightAverage>(*bundle_.model, cfg.train.emaDecay);

    bundle_.meta.task = cfg.data.task;
    bundle_.meta.srcLang = cfg.data.srcLang;
    bundle_.meta.tgtLang = cfg.data.tgtLang;
    bundle_.meta.corpusFingerprint = inputs_.fingerprint;
    bundle_.meta.trainingData = inputs_.trainingData;
    if (cfg.data.task == "chat") bundle_.meta.frequentReplies = mostFrequentReplies(allTrain_);
    bundle_.meta.trainPairs = static_cast<int64_t>(examples_.size());
    bundle_.meta.devPairs = 0;
    for (const auto& set : devSets_)
        bundle_.meta.devPairs += static_cast<int64_t>(set.examples.size());
    bundle_.meta.parameters = bundle_.model->parameterCount();
    bundle_.meta.dariVersion = DARI_VERSION;
    if (!writes()) {
        // The run's state arrives from rank 0 (shareStartingState).
    } else if (options_.resume) {
        loadCheckpoint();
    } else {
        bundle_.meta.created = isoTimeNow();
        bundle_.save(options_.outDir);
        logStart();
    }
    if (dist()) shareStartingState();
    placeOnDevice();
    batchesPerEpoch_ = epochBatches(0).size();
    if (device_.is_cpu() && configuredThreads() > 1) setBlasThreads(1);  // one shard per thread
    bundle_.model->train();
}

// Rank 0's weights, optimizer, counters and random generator (a new run's, a resumed one's
// or a fine-tuned one's) on every rank: from here on all ranks draw and update alike.
void Trainer::shareStartingState() {
    const std::string state =
        writes() ? checkpointBytes(bundle_.model, *optimizer_, average_.get(), progress_) : "";
    const std::string received = dist()->broadcastBytes(state);
    if (writes()) return;
    progress_ = readCheckpointBytes(received, bundle_.model, *optimizer_, average_.get());
    setLearningRate(progress_.learningRate);
}

// Weights, Adam's moments and the moving average on train.device. Everything loads onto the
// CPU (a checkpoint from either device), so a GPU run moves it all once, here.
void Trainer::placeOnDevice() {
    device_ =
        resolveDevice(config().train.device, "train.device", dist() ? dist()->localRank() : 0);
    if (device_.is_cpu()) return;
    bundle_.model->to(device_);
    torch::NoGradGuard noGrad;
    for (auto& [key, state] : optimizer_->state()) {
        auto& adam = static_cast<torch::optim::AdamParamState&>(*state);
        adam.exp_avg(adam.exp_avg().to(device_));
        adam.exp_avg_sq(adam.exp_avg_sq().to(device_));
        if (adam.max_exp_avg_sq().defined()) adam.max_exp_avg_sq(adam.max_exp_avg_sq().to(device_));
    }
    if (average_) average_->to(device_);
}

// Rank r computes the shards of its threads: r*T .. r*T+T-1 of ranks x T (T is 1 on a GPU).
ShardSlice Trainer::shardSlice() const {
    const int perThread = parallelShards(device_);
    // train.shards: a fixed split, the same on any number of threads (on a CPU whose BLAS
    // runs one thread per shard; elsewhere a step is one shard per process anyway).
    const int fixed = config().train.shards;
    if (!dist()) {
        const int shards = fixed > 0 && perThread == configuredThreads() ? fixed : perThread;
        return {0, shards, shards};
    }
    return {dist()->rank() * perThread, perThread, dist()->worldSize() * perThread};
}

// The step's gradients and loss summed over the ranks, and what they agree on: rank 0's
// clock and whether any rank was asked to stop.
void Trainer::reduceOverRanks() {
    dist()->allreduceGradients(bundle_.model->parameters(),
                               static_cast<int64_t>(config().train.allreduceBucketMb * 1e6));
    auto shared = torch::tensor(
        {lastLoss_, stopSignalled() ? 1.0 : 0.0, dist()->leader() ? secondsNow() : 0.0},
        torch::kDouble);
    dist()->allreduce(shared);
    lastLoss_ = shared[0].item<double>();
    agreedStop_ = shared[1].item<double>() > 0;
    agreedSeconds_ = shared[2].item<double>();
    allreduceWindowMs_ += dist()->lastAllreduce().milliseconds;
    allreduceWindowWaitMs_ += dist()->lastAllreduce().waitMilliseconds;
    ++allreduceWindowSteps_;
}

// Said once, at the first train event: what summing the gradients over the ranks costs.
void Trainer::noteAllreduceCost(double milliseconds, double waitMilliseconds) const {
    const auto& cost = dist()->lastAllreduce();
    char line[200];
    std::snprintf(line, sizeof line,
                  "all-reduce: %.2f MB of gradients in %d bucket%s, %.2f ms per step (%.2f of them "
                  "waiting for the slowest rank)",
                  cost.bytes / 1e6, cost.buckets, cost.buckets == 1 ? "" : "s", milliseconds,
                  waitMilliseconds);
    log_.message(line);
}

// The training pairs with placeholders where a span stands on both sides.
void Trainer::protectTrainingPairs() {
    if (!protectedTrain_.empty()) return;
    for (const auto& p : allTrain_) {
        auto pair = protectPair(p.source, p.target);
        protectedTrain_.push_back({std::move(pair.source), std::move(pair.target), p.line});
    }
}

// Placeholders when the config wants them and the vocabularies have their pieces (a base bundle
// of --init-from or --vocab-from may have been trained without).
void Trainer::usePlaceholders() {
    if (!placeholdersWanted()) return;
    placeholders_ = bundlePlaceholders(bundle_);
    if (placeholders_.empty()) {
        log_.message(
            "note: data.placeholders: these vocabularies have no placeholder pieces, so "
            "numbers and Latin-script words are translated as text");
        return;
    }
    protectTrainingPairs();
}

// Each corpus's place in allTrain_ and its weight.
std::vector<MixPart> Trainer::rawParts() const {
    std::vector<MixPart> parts;
    size_t first = 0;
    for (const auto& c : inputs_.corpora) {
        parts.push_back({first, c.pairs.size(), c.weight});
        first += c.pairs.size();
    }
    return parts;
}

// Each corpus's place among the examples that fit data.max_pieces (`kept`: their positions in
// allTrain_); the pairs that did not fit are counted in the corpus's cleaning report.
void Trainer::mixCorpora(const std::vector<size_t>& kept) {
    const auto raw = rawParts();
    size_t k = 0;
    for (size_t c = 0; c < raw.size(); ++c) {
        const size_t first = k, end = raw[c].first + raw[c].count;
        for (size_t i = raw[c].first; i < end; ++i) {
            if (k < kept.size() && kept[k] == i) {
                ++k;
            } else if (c < cleaning_.size()) {
                cleaning_[c].drop(CleanRule::TooManyPieces, allTrain_[i], 3);
            }
        }
        parts_.push_back({first, k - first, raw[c].weight});
    }
}

// The dev sets as validation scores them: an even sample of train.validation_pairs pairs of
// each, with placeholders where the model has them.
void Trainer::prepareDevSets() {
    std::vector<std::string> names;
    for (const auto& dev : inputs_.devs) {
        DevSet set;
        set.name = dev.name;
        for (size_t i : evenIndices(dev.pairs.size(), config().train.validationPairs))
            set.pairs.push_back(dev.pairs[i]);
        for (const auto& p : set.pairs) {
            if (placeholders_.empty()) {
                set.examples.push_back(
                    {bundle_.src.encode(p.source), bundle_.tgt.encode(p.target)});
                continue;
            }
            auto pair = protectPair(p.source, p.target, false);
            set.examples.push_back(
                {bundle_.src.encode(pair.source), bundle_.tgt.encode(pair.target)});
            set.spans.push_back(std::move(pair.spans));
        }
        names.push_back(set.name);
        devSets_.push_back(std::move(set));
    }
    checkBestBy(config().train.bestBy, names);
}

// The start event, what cleaning did (also in cleaning.json), and each corpus's share.
void Trainer::logStart() {
    json corpora = json::array(), devs = json::array();
    const size_t perEpoch = std::max<size_t>(1, epochExampleCount(parts_));
    for (size_t c = 0; c < parts_.size(); ++c)
        corpora.push_back({{ev::kName, inputs_.corpora[c].name},
                           {ev::kPairs, parts_[c].count},
                           {ev::kWeight, parts_[c].weight},
                           {ev::kPerEpoch, partExamplesPerEpoch(parts_[c])},
                           {ev::kShare, static_cast<double>(partExamplesPerEpoch(parts_[c])) /
                                            static_cast<double>(perEpoch)}});
    for (const auto& set : devSets_)
        devs.push_back({{ev::kName, set.name}, {ev::kPairs, set.examples.size()}});
    log_.event({{ev::kEvent, ev::kStart},
                {ev::kTrainPairs, examples_.size()},
                {ev::kTooLong, allTrain_.size() - examples_.size()},
                {ev::kDevPairs, bundle_.meta.devPairs},
                {ev::kParameters, bundle_.meta.parameters},
                {ev::kSrcVocab, bundle_.src.size()},
                {ev::kTgtVocab, bundle_.tgt.size()},
                {ev::kFineTune, !options_.initFrom.empty()},
                {ev::kWorldSize, dist() ? dist()->worldSize() : 1},
                {ev::kCorpora, corpora},
                {ev::kDevSets, devs}});
    if (cleaning_.empty()) return;
    const double share = config().data.cleanWarnShare;
    const json report = cleaningJson(cleaning_, share);
    writeFileAtomically(options_.outDir + "/" + kCleaningFile, report.dump(2) + "\n");
    log_.event({{ev::kEvent, ev::kCleaning},
                {ev::kCorpora, report.at("corpora")},
                {ev::kWarnShare, share}});
    for (const auto& r : cleaning_) {
        log_.message(r.corpus + ": " + r.summary());
        for (const auto& warning : r.warnings(share))
            log_.message("warning: " + warning + " (" + kCleaningFile + " shows examples)");
    }
}

void Trainer::buildVocabularies() {
    const auto& d = config().data;
    if (placeholdersWanted()) protectTrainingPairs();
    // The vocabularies learn from the corpora as each epoch mixes them, so that a large
    // corpus of small weight does not take the pieces.
    const auto& pairs = placeholdersWanted() ? protectedTrain_ : allTrain_;
    std::vector<std::string> sources, targets;
    for (size_t i : epochExamples(rawParts(), 0, config().train.seed)) {
        sources.push_back(pairs[i].source);
        targets.push_back(pairs[i].target);
    }
    VocabularyOptions options;
    if (placeholdersWanted()) options.userSymbols = placeholderSymbols();
    options.modelType = d.vocabType;
    // SentencePiece's scores depend on its thread count: a fixed train.shards promises the same
    // model on any number of threads, so its vocabularies learn on one.
    options.threads = config().train.shards > 0 ? 1 : std::max(1, configuredThreads());
    options.maxSentences = static_cast<size_t>(d.vocabSentences);
    if (d.sharedVocab) {
        sources.insert(sources.end(), targets.begin(), targets.end());
        options.size = d.srcVocabSize;
        bundle_.src = Vocabulary::train(sources, options);
        bundle_.tgt = Vocabulary::fromSerialized(bundle_.src.serialized());
        noteSmallerVocabulary("data.src_vocab_size", d.srcVocabSize, bundle_.src.size());
        return;
    }
    options.size = d.srcVocabSize;
    bundle_.src = Vocabulary::train(sources, options);
    options.size = d.tgtVocabSize;
    bundle_.tgt = Vocabulary::train(targets, options);
    noteSmallerVocabulary("data.src_vocab_size", d.srcVocabSize, bundle_.src.size());
    noteSmallerVocabulary("data.tgt_vocab_size", d.tgtVocabSize, bundle_.tgt.size());
}

// A corpus too small for the size asked for gets the pieces it supports: said once.
void Trainer::noteSmallerVocabulary(const char* key, int64_t asked, int64_t got) {
    if (got >= asked) return;
    log_.message(std::string("note: ") + key + " " + std::to_string(asked) +
                 ": this corpus supports " + std::to_string(got) +
                 " pieces, so the vocabulary has " + std::to_string(got));
}

std::vector<Example> Trainer::encode(const std::vector<SentencePair>& pairs, bool filter,
                                     std::vector<size_t>* kept) const {
    std::vector<Example> examples;
    const size_t limit = config().data.maxPieces;
    for (size_t i = 0; i < pairs.size(); ++i) {
        Example e{bundle_.src.encode(pairs[i].source), bundle_.tgt.encode(pairs[i].target)};
        if (filter && (e.src.size() > limit || e.tgt.size() > limit || e.tgt.empty())) continue;
        examples.push_back(std::move(e));
        if (kept) kept->push_back(i);
    }
    return examples;
}

void Trainer::resegment(int64_t epoch) {
    const double alpha = config().train.subwordSampling;
    if (alpha <= 0) return;
    // Seeded by the epoch, so that --resume draws the same segmentations again.
    const auto seed = static_cast<uint32_t>(config().train.seed * 1000003 + epoch);
    const auto src = bundle_.src.sampleEncode(trainSources_, alpha, seed);
    const auto tgt = bundle_.tgt.sampleEncode(trainTargets_, alpha, seed ^ 0x9e3779b9u);
    const size_t limit = config().data.maxPieces;
    for (size_t i = 0; i < examples_.size(); ++i) {
        const bool fits = src[i].size() <= limit && tgt[i].size() <= limit && !tgt[i].empty();
        // A draw too long for the limit: the best segmentation, which fitted when the pair was
        // kept.
        examples_[i] = fits ? Example{src[i], tgt[i]}
                            : Example{bundle_.src.encode(trainSources_[i]),
                                      bundle_.tgt.encode(trainTargets_[i])};
    }
}

double Trainer::budgetFraction(size_t batchesPerEpoch) const {
    const auto& t = config().train;
    if (t.minutes > 0) return progress_.seconds / (60.0 * t.minutes);
    return static_cast<double>(progress_.step) / (static_cast<double>(batchesPerEpoch) * t.epochs);
}

bool Trainer::budgetSpent() const {
    const auto& t = config().train;
    if (t.minutes > 0) return progress_.seconds >= 60.0 * t.minutes;
    return progress_.epoch >= t.epochs;
}

void Trainer::trainStep(const std::vector<size_t>& indices) {
    const auto& t = config().train;
    const double fraction = std::clamp(budgetFraction(batchesPerEpoch_), 0.0, 1.0);
    const double forcing = t.teacherForcing + (t.teacherForcingEnd - t.teacherForcing) * fraction;
    if (t.lrSchedule == "cosine")
        setLearningRate(t.minLearningRate + (t.learningRate - t.minLearningRate) * 0.5 *
                                                (1.0 + std::cos(M_PI * fraction)));
    if (t.lrSchedule == "tail") {
        const double fall = std::clamp((fraction - (1.0 - t.lrTail)) / t.lrTail, 0.0, 1.0);
        setLearningRate(t.learningRate + (t.minLearningRate - t.learningRate) * fall);
    }
    auto& model = bundle_.model;
    const auto step = batchGradients(
        model, examples_, indices, forcing, t.labelSmoothing,
        [this](Batch& b) {
            b.src = dropWords(b.src);
            b.tgtIn = dropWords(b.tgtIn);
        },
        shardSlice());
    lastLoss_ = step.loss;
    if (dist()) reduceOverRanks();
    const int64_t targetTokens = step.targetTokens;
    // The norm before clipping: its spikes are the exploding gradients of BPTT.
    const double maxNorm = t.clipNorm > 0 ? t.clipNorm : std::numeric_limits<double>::infinity();
    lastNorm_ = torch::nn::utils::clip_grad_norm_(model->parameters(), maxNorm);
    ++progress_.step;
    if (!guard_->accept(lastLoss_, lastNorm_)) {  // a non-finite update would ruin every weight
        log_.message("step " + std::to_string(progress_.step) + ": loss " +
                     std::to_string(lastLoss_) + ", gradient norm " + std::to_string(lastNorm_) +
                     "; update skipped");
        return;
    }
    optimizer_->step();
    if (average_) average_->update();
    progress_.tokens += targetTokens;
    windowLoss_ += lastLoss_ * targetTokens;
    windowTokens_ += targetTokens;
}

// Word dropout: the network learns not to lean on any single input piece.
torch::Tensor Trainer::dropWords(const torch::Tensor& ids) const {
    const double p = config().train.wordDropout;
    if (p <= 0) return ids;
    const auto drop = torch::rand(ids.sizes()).lt(p).logical_and(ids.gt(kEosId));
    return ids.masked_fill(drop, kUnkId);
}

void Trainer::showProgress(size_t batchesPerEpoch) {
    const auto& t = config().train;
    const double windowSeconds = std::chrono::duration<double>(Clock::now() - windowStart_).count();
    if (windowSeconds > 0) tokensPerSecond_ = windowTokens_ / windowSeconds;
    const double epochs =
        progress_.epoch + static_cast<double>(progress_.batchInEpoch) / batchesPerEpoch;
    std::ostringstream detail;
    detail << "step " << progress_.step << " ep " << std::fixed;
    detail.precision(2);
    detail << epochs << " loss " << lastLoss_;
    detail.precision(0);
    detail << " " << tokensPerSecond_ << " tok/s";
    log_.progress(budgetFraction(batchesPerEpoch), progress_.seconds, detail.str());
    if (progress_.step % t.logEvery != 0) {
        if (Clock::now() - lastTick_ < std::chrono::seconds(1)) return;
        lastTick_ = Clock::now();  // a watching window shows progress from the first second
        log_.transient({{ev::kEvent, ev::kTick},
                        {ev::kStep, progress_.step},
                        {ev::kEpoch, epochs},
                        {ev::kTrainLoss, lastLoss_},
                        {ev::kTokensPerSecond, tokensPerSecond_},
                        {ev::kLearningRate, progress_.learningRate},
                        {ev::kSeconds, progress_.seconds},
                        {ev::kProgress, budgetFraction(batchesPerEpoch)}});
        return;
    }
    lastTick_ = Clock::now();
    json event = {{ev::kEvent, ev::kTrain},
                  {ev::kStep, progress_.step},
                  {ev::kEpoch, epochs},
                  {ev::kTrainLoss, windowTokens_ ? windowLoss_ / windowTokens_ : lastLoss_},
                  {ev::kTokensPerSecond, tokensPerSecond_},
                  {ev::kGradNorm, lastNorm_},
                  {ev::kLearningRate, progress_.learningRate},
                  {ev::kSeconds, progress_.seconds},
                  {ev::kProgress, budgetFraction(batchesPerEpoch)},
                  {ev::kSkippedUpdates, guard_->skippedUpdates()}};
    if (dist() && allreduceWindowSteps_ > 0) {
        event[ev::kAllreduceMs] = allreduceWindowMs_ / allreduceWindowSteps_;
        event[ev::kWorldSize] = dist()->worldSize();
        event[ev::kAllreduceWaitMs] = allreduceWindowWaitMs_ / allreduceWindowSteps_;
        if (!allreduceCostShown_)
            noteAllreduceCost(allreduceWindowMs_ / allreduceWindowSteps_,
                              allreduceWindowWaitMs_ / allreduceWindowSteps_);
        allreduceCostShown_ = true;
        allreduceWindowMs_ = 0;
        allreduceWindowWaitMs_ = 0;
        allreduceWindowSteps_ = 0;
    }
    log_.event(event);
    windowLoss_ = 0;
    windowTokens_ = 0;
    windowStart_ = Clock::now();
}

void Trainer::setLearningRate(double lr) {
    progress_.learningRate = lr;
    for (auto& group : optimizer_->param_groups())
        static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
}

DecodeOptions Trainer::validationOptions() const {
    const int beam = config().train.validationBeam;
    // Beam: the decoding users get (the bundle's settings), so the best checkpoint is best at it.
    DecodeOptions o = beam <= 1 ? validationGreedy() : decodeOptions(config().decode);
    o.beam = std::max(1, beam);
    o.placeholders = placeholders_;  // placeholders come out, as in the translator
    return o;
}

bool Trainer::validate() {
    lastValidationSeconds_ = progress_.seconds;
    lastValidationStep_ = progress_.step;
    if (devSets_.empty()) return false;
    bool stop = writes() && validateHere();
    if (!dist()) return stop;
    // The others wait while rank 0 decodes the dev set, then follow its decisions.
    auto decisions = torch::tensor({stop ? 1.0 : 0.0, progress_.learningRate}, torch::kDouble);
    const auto wait = std::chrono::milliseconds(
        static_cast<int64_t>(1e3 * std::max(600.0, 10 * config().train.rankTimeoutSeconds)));
    dist()->broadcast(decisions, wait);
    stop = decisions[0].item<double>() > 0;
    if (!writes()) setLearningRate(decisions[1].item<double>());
    windowStart_ = Clock::now();
    return stop;
}

bool Trainer::validateHere() {
    const auto& t = config().train;
    // Scored and saved with the averaged weights (if any); the live ones go on training.
    AveragedWeights averaged(average_.get());
    const auto scores =
        scoreDevSets(bundle_.model, devSets_, bundle_.tgt, validationOptions(), t.bestBy);
    const double epochs =
        progress_.epoch + static_cast<double>(progress_.batchInEpoch) / batchesPerEpoch_;
    json samples = json::array(), sets = json::array();
    for (const auto& set : scores.sets)
        sets.push_back({{ev::kName, set.name},
                        {ev::kPairs, set.pairs},
                        {ev::kDevBleu, set.bleu},
                        {ev::kDevChrf, set.chrf},
                        {ev::kDevLoss, set.loss}});
    const auto& first = devSets_.front();
    for (size_t i = 0; i < std::min<size_t>(3, first.pairs.size()); ++i)
        samples.push_back({{ev::kSource, first.pairs[i].source},
                           {ev::kReference, first.pairs[i].target},
                           {ev::kOutput, scores.sets.front().hypotheses[i]}});
    const bool improved = scores.score > progress_.bestBleu;
    if (improved) {
        progress_.bestBleu = scores.score;
        progress_.badBleu = 0;
        bundle_.meta.devBleu = scores.bleu;
        bundle_.meta.devChrf = scores.chrf;
        bundle_.meta.devLoss = scores.loss;
        bundle_.meta.devSets.clear();
        for (const auto& set : scores.sets)
            bundle_.meta.devSets.push_back(
                {set.name, static_cast<int64_t>(set.pairs), set.bleu, set.chrf});
        bundle_.meta.devBeam = config().train.validationBeam;
        bundle_.meta.steps = progress_.step;
        bundle_.meta.epochs = epochs;
        bundle_.meta.trainingSeconds = progress_.seconds;
        bundle_.saveWeights(options_.outDir);
        bundle_.saveMeta(options_.outDir);
    } else {
        ++progress_.badBleu;
    }
    averaged.restore();
    if (scores.loss < progress_.bestLoss) {
        progress_.bestLoss = scores.loss;
        progress_.badLoss = 0;
    } else if (++progress_.badLoss >= t.lrPatience && t.lrSchedule == "plateau") {
        setLearningRate(std::max(t.minLearningRate, progress_.learningRate * t.lrDecay));
        progress_.badLoss = 0;
    }
    log_.event({{ev::kEvent, ev::kValidation},
                {ev::kStep, progress_.step},
                {ev::kEpoch, epochs},
                {ev::kDevLoss, scores.loss},
                {ev::kDevPerplexity, std::exp(std::min(scores.loss, 50.0))},
                {ev::kDevBleu, scores.bleu},
                {ev::kDevChrf, scores.chrf},
                {ev::kScore, scores.score},
                {ev::kBestBy, t.bestBy},
                {ev::kDevSets, sets},
                {ev::kBest, improved},
                {ev::kLearningRate, progress_.learningRate},
                {ev::kSeconds, progress_.seconds},
                {ev::kSamples, samples}});
    char line[160];
    std::snprintf(line, sizeof line, "step %ld  dev loss %.3f  ppl %.1f  BLEU %.2f  chrF %.2f%s",
                  static_cast<long>(progress_.step), scores.loss,
                  std::exp(std::min(scores.loss, 50.0)), scores.bleu, scores.chrf,
                  improved ? "  (best, saved)" : "");
    std::string message = line;
    if (scores.sets.size() > 1) {
        message += "\n   ";
        for (const auto& set : scores.sets) {
            std::snprintf(line, sizeof line, "  %s %.2f/%.2f", set.name.c_str(), set.bleu,
                          set.chrf);
            message += line;
        }
        message += "  (BLEU/chrF; " + t.bestBy + " picks the best)";
    }
    log_.message(message);
    saveCheckpoint();
    windowStart_ = Clock::now();  // tokens/s measures training, not validation
    return progress_.badBleu >= t.patience;
}

// Written at every validation, every train.checkpoint_seconds, and when the run stops.
void Trainer::saveCheckpoint() {
    if (!writes()) return;
    const auto start = Clock::now();
    const std::string path = options_.outDir + "/" + kCheckpointFile;
    writeCheckpoint(path, bundle_.model, *optimizer_, average_.get(), progress_);
    const double ms = 1e3 * std::chrono::duration<double>(Clock::now() - start).count();
    lastCheckpointSeconds_ = progress_.seconds;
    lastCheckpointStep_ = progress_.step;
    log_.event(
        {{ev::kEvent, ev::kCheckpoint}, {ev::kStep, progress_.step}, {ev::kCheckpointMs, ms}});
    if (checkpointCostShown_) return;
    checkpointCostShown_ = true;
    char line[200];
    std::snprintf(
        line, sizeof line,
        "checkpoint: %.0f ms for %.1f MB (at every validation and every %g s of training)", ms,
        std::filesystem::file_size(path) / 1e6, config().train.checkpointSeconds);
    log_.message(line);
}

void Trainer::loadCheckpoint() {
    progress_ = readCheckpoint(options_.outDir + "/" + kCheckpointFile, bundle_.model, *optimizer_,
                               average_.get());
    setLearningRate(progress_.learningRate);
    lastCheckpointSeconds_ = progress_.seconds;
    lastCheckpointStep_ = progress_.step;
    // The best scores so far. (Not Bundle::load: building a network would draw from the RNG just
    // restored.)
    const auto meta = BundleMeta::load(options_.outDir);
    bundle_.meta.devSets = meta.devSets;
    bundle_.meta.devBleu = meta.devBleu;
    bundle_.meta.devChrf = meta.devChrf;
    bundle_.meta.devLoss = meta.devLoss;
    bundle_.meta.devBeam = meta.devBeam;
    bundle_.meta.steps = meta.steps;
    bundle_.meta.epochs = meta.epochs;
    bundle_.meta.created = meta.created;
    log_.event(
        {{ev::kEvent, ev::kResume}, {ev::kStep, progress_.step}, {ev::kEpoch, progress_.epoch}});
}

// Stops with the last good checkpoint and bundle as they were: nothing is saved.
void Trainer::finishDiverged(TrainResult& result) {
    result.steps = progress_.step;
    result.bestBleu = std::max(0.0, progress_.bestBleu);
    const std::string why =
        guard_->diverged().empty() ? "loss " + std::to_string(lastLoss_) : guard_->diverged();
    result.message =
        "training diverged at step " + std::to_string(progress_.step) + ": " + why + "; " +
        (lastCheckpointStep_ > 0
             ? "the last good checkpoint is step " + std::to_string(lastCheckpointStep_)
             : std::string("no checkpoint was written before it")) +
        "; lower train.learning_rate (or keep train.clip_norm > 0) and train again";
    log_.event({{ev::kEvent, ev::kDiverged},
                {ev::kStep, progress_.step},
                {ev::kReason, why},
                {ev::kCheckpointStep, lastCheckpointStep_},
                {ev::kSkippedUpdates, guard_->skippedUpdates()}});
}

void Trainer::finish(TrainResult& result) {
    result.steps = progress_.step;
    result.bestBleu = std::max(0.0, progress_.bestBleu);
    if (result.interrupted) {
        log_.event({{ev::kEvent, ev::kInterrupted},
                    {ev::kStep, progress_.step},
                    {ev::kSeconds, progress_.seconds}});
        log_.message("interrupted at step " + std::to_string(progress_.step) +
                     "; continue with: dari train --resume " + options_.outDir);
        return;
    }
    if (!writes()) return;
    if (progress_.bestBleu < 0) {  // no dev set: keep the last (averaged) weights
        AveragedWeights averaged(average_.get());
        bundle_.saveWeights(options_.outDir);
    }
    bundle_.meta.trainingSeconds = progress_.seconds;
    bundle_.saveMeta(options_.outDir);
    json done = {{ev::kEvent, ev::kDone},
                 {ev::kStep, progress_.step},
                 {ev::kEpoch, progress_.epoch},
                 {ev::kSeconds, progress_.seconds},
                 {ev::kTokens, progress_.tokens},
                 {ev::kBestDevBleu, result.bestBleu},
                 {ev::kBestBy, config().train.bestBy},
                 {ev::kEarlyStop, result.stoppedEarly}};
    if (dist()) done[ev::kWorldSize] = dist()->worldSize();
    log_.event(done);
    char line[160];
    std::snprintf(line, sizeof line, "done: %ld steps in %.0f s, best dev %s %.2f -> %s",
                  static_cast<long>(progress_.step), progress_.seconds,
                  config().train.bestBy.c_str(), result.bestBleu, options_.outDir.c_str());
    log_.message(line);
}

std::string Trainer::summary(size_t batchesPerEpoch) const {
    std::ostringstream out;
    const auto& m = config().model;
    out << (options_.resume              ? "resuming"
            : !options_.initFrom.empty() ? "fine-tuning"
                                         : "training")
        << " "
        << (m.architecture == "transformer" ? "transformer (" + std::to_string(m.encoderLayers) +
                                                  "+" + std::to_string(m.decoderLayers) +
                                                  " layers, " + std::to_string(m.heads) + " heads)"
                                            : m.cell + " + " + m.attention + " attention")
        << ", " << bundle_.meta.parameters << " parameters, " << examples_.size() << " pairs ("
        << batchesPerEpoch << " batches/epoch)";
    if (parts_.size() > 1) {
        out << " from " << parts_.size() << " corpora (";
        for (size_t c = 0; c < parts_.size(); ++c)
            out << (c ? ", " : "") << inputs_.corpora[c].name << " "
                << partExamplesPerEpoch(parts_[c]) << "/epoch";
        out << ")";
    }
    out << ", dev " << bundle_.meta.devPairs
        << (devSets_.size() > 1 ? " in " + std::to_string(devSets_.size()) + " sets"
                                : std::string())
        << (dist() ? ", " + std::to_string(dist()->worldSize()) + " processes x " +
                         std::to_string(std::max(1, configuredThreads())) +
                         (configuredThreads() > 1 ? " threads" : " thread")
                   : std::string())
        << (options_.resume ? ", from step " + std::to_string(progress_.step) : std::string());
    return out.str();
}

}  // namespace

TrainResult train(const Config& config, const TrainInputs& inputs, const TrainOptions& options,
                  TrainLog& log) {
    Trainer trainer(config, inputs, options, log);
    return trainer.run();
}

}  // namespace dari
