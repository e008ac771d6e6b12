#include "model/training/run_state.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "model/training/train_events.h"

namespace dari {

namespace ev = train_events;
using nlohmann::json;

void CheckpointTracker::see(const std::string& event, int64_t step) {
    if (step >= 0) lastStep_ = step;
    if (pending_ >= 0 && event != ev::kValidation) checkpointStep_ = pending_;
    pending_ = event == ev::kValidation ? lastStep_ : -1;
    if (event == ev::kCheckpoint || event == ev::kResume || event == ev::kInterrupted ||
        event == ev::kDone)
        checkpointStep_ = lastStep_;
    if (event == ev::kDone) done_ = true;
    if (event == ev::kResume || event == ev::kStart) done_ = false;
}

namespace {

json readJson(const std::filesystem::path& path) {
    std::ifstream in(path);
    return in ? json::parse(in, nullptr, /*allow_exceptions=*/false) : json();
}

}  // namespace

RunState readRunState(const std::string& dir) {
    namespace fs = std::filesystem;
    RunState run;
    const json spec = readJson(fs::path(dir) / kRunFile);
    if (!spec.is_object()) return run;
    run.fineTune = !spec.value("init_from", std::string()).empty();
    if (spec.contains("train") && spec["train"].is_object())
        run.trainingData = spec["train"].value("path", std::string());
    const json corpora = spec.value("corpora", json::array());  // data.corpora: the first
    if (corpora.is_array() && !corpora.empty() && corpora[0].is_object() &&
        corpora[0].value("spec", json::object()).is_object())
        run.trainingData = corpora[0]["spec"].value("path", std::string());
    run.state = RunState::State::NotStarted;
    CheckpointTracker tracker;
    std::ifstream log(fs::path(dir) / kTrainLogFile);
    for (std::string line; std::getline(log, line);) {
        const json e = json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (!e.is_object() || !e.contains(ev::kEvent) || !e[ev::kEvent].is_string()) continue;
        const auto step =
            e.contains(ev::kStep) && e[ev::kStep].is_number() ? e[ev::kStep].get<int64_t>() : -1;
        tracker.see(e[ev::kEvent].get<std::string>(), step);
        if (e.contains(ev::kProgress) && e[ev::kProgress].is_number() && e.contains(ev::kSeconds) &&
            e[ev::kSeconds].is_number()) {
            run.progress = e[ev::kProgress].get<double>();
            run.seconds = e[ev::kSeconds].get<double>();
        }
    }
    run.checkpointStep = tracker.checkpointStep();
    run.loggedStep = tracker.lastStep();
    if (tracker.done())
        run.state = RunState::State::Finished;
    else if (fs::exists(fs::path(dir) / kCheckpointFile))
        run.state = RunState::State::Interrupted;
    return run;
}

}  // namespace dari
