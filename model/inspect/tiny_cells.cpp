#include "model/inspect/tiny_cells.h"

#include <filesystem>
#include <stdexcept>

#include "model/training/run_state.h"
#include "model/training/train_events.h"
#include "model/training/train_log.h"
#include "model/training/trainer.h"

namespace dari {

namespace fs = std::filesystem;

std::vector<TinyCell> tinyCells() {
    std::vector<TinyCell> out;
    for (const char* cell : {"rnn", "gru", "lstm"})
        for (const char* attention : {"none", "bahdanau"})
            out.push_back({cell, attention});
    return out;
}

Config tinyCellConfig(const TinyCell& cell) {
    Config c;
    c.data.task = "translate";
    c.data.srcVocabSize = c.data.tgtVocabSize = 1000;
    c.data.maxPieces = 40;
    c.model.cell = cell.cell;
    c.model.attention = cell.attention;
    c.model.embeddingSize = 64;
    c.model.encoderHidden = 64;
    c.model.decoderHidden = 128;
    c.model.attentionSize = 64;
    c.model.dropout = 0.1;
    c.train.epochs = 2;  // the same steps for every cell: a fair comparison, and reproducible
    c.train.batchSentences = 32;
    c.train.validateEvery = 125;
    c.train.logEvery = 10;  // the gradient norms Learn draws
    c.train.checkpointSeconds = 0;
    c.train.patience = 100;
    c.decode.beam = 1;
    return c;
}

std::vector<SentencePair> evenSample(const std::vector<SentencePair>& pairs, size_t count) {
    if (pairs.size() <= count) return pairs;
    std::vector<SentencePair> out;
    out.reserve(count);
    for (size_t i = 0; i < count; ++i)
        out.push_back(pairs[i * pairs.size() / count]);
    return out;
}

std::vector<std::string> trainedTinyCells(const std::string& dir) {
    std::vector<std::string> out;
    for (const TinyCell& cell : tinyCells()) {
        const fs::path folder = fs::path(dir) / cell.name();
        if (fs::exists(folder / "model.pt")) out.push_back(folder.string());
    }
    return out;
}

void trainTinyCells(const std::vector<SentencePair>& train, const std::vector<SentencePair>& dev,
                    const std::string& dir,
                    const std::function<void(const TinyCellsProgress&)>& progress,
                    std::atomic<bool>* stop) {
    if (train.empty() || dev.empty())
        throw std::runtime_error("the tiny networks need training and dev pairs");
    const TrainInputs inputs =
        TrainInputs::single(evenSample(train, kTinyPairs), evenSample(dev, kTinyDevPairs),
                            "learn-tiny-cells", "learn: tiny cells");
    const auto cells = tinyCells();
    TinyCellsProgress state;
    state.total = static_cast<int>(cells.size());
    for (const TinyCell& cell : cells) {
        const fs::path folder = fs::path(dir) / cell.name();
        if (fs::exists(folder / "model.pt")) {
            ++state.done;
            continue;
        }
        const fs::path partial = folder.string() + ".partial";
        fs::remove_all(partial);
        fs::create_directories(partial);
        state.training = cell.name();
        state.fraction = 0.0;
        if (progress) progress(state);
        TrainLog log((partial / kTrainLogFile).string(), false, false);
        log.listener = [&](const nlohmann::json& event) {
            namespace ev = train_events;
            if (!progress || !event.contains(ev::kProgress)) return;
            state.fraction = event[ev::kProgress].get<double>();
            progress(state);
        };
        TrainOptions options;
        options.outDir = partial.string();
        options.stop = stop;
        const TrainResult result = dari::train(tinyCellConfig(cell), inputs, options, log);
        if (result.interrupted || (stop && stop->load())) {
            fs::remove_all(partial);
            return;
        }
        if (result.diverged) throw std::runtime_error(cell.name() + ": " + result.message);
        fs::remove_all(folder);
        fs::rename(partial, folder);
        ++state.done;
        state.fraction = 1.0;
        if (progress) progress(state);
    }
}

}  // namespace dari
