#pragma once
// What a training run reports: train_log.jsonl (one JSON object per event), a
// progress bar on the terminal, and optionally the same events as JSON lines
// on stdout (for a parent process such as the window's training dashboard).

#include <nlohmann/json.hpp>

#include <fstream>
#include <functional>
#include <string>

namespace dari {

class TrainLog {
public:
    // Appends to `path` (a resumed run continues the same log).
    TrainLog(const std::string& path, bool progressBar, bool jsonOnStdout);
    // Reports nothing anywhere: the log of a distributed run's ranks other than 0.
    TrainLog();

    void event(const nlohmann::json& event);
    // An event for a watching parent process only: on stdout with --json, not in the file.
    void transient(const nlohmann::json& event);
    // Redraws the progress line: fraction done, ETA, loss, tokens/s.
    void progress(double fraction, double elapsedSeconds, const std::string& detail);
    void message(const std::string& text);                // a line above the bar
    std::function<void(const nlohmann::json&)> listener;  // in-process observers (tests)

private:
    std::ofstream file_;
    bool bar_ = false;
    bool json_ = false;
    bool silent_ = false;
    bool barShown_ = false;
};

}  // namespace dari
