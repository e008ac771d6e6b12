#pragma once
// A training run's folder as `dari train` leaves it (run.json, checkpoint.pt,
// train_log.jsonl): whether it finished or can be continued, and from which step,
// also after the process was killed. Read by `dari status`, run.sh and the window.

#include <cstdint>
#include <string>

namespace dari {

// The files a training run adds to its bundle folder (model/bundle/bundle.h).
inline constexpr char kRunFile[] = "run.json";  // the corpora and options it was started with
inline constexpr char kCheckpointFile[] = "checkpoint.pt";  // model/training/checkpoint.h
inline constexpr char kTrainLogFile[] = "train_log.jsonl";  // model/training/train_events.h
// What cleaning did to each training corpus (model/training/training_data.h's cleaningJson).
inline constexpr char kCleaningFile[] = "cleaning.json";
// The pairs data.corpora's holdout set aside, one NAME.tsv per corpus: scored, never trained on.
inline constexpr char kHeldOutFolder[] = "held_out";

// Which step checkpoint.pt holds, followed event by event (from the log, or live from
// `dari train --json`). A checkpoint event says so; in logs written before it existed,
// checkpoint.pt was written right after each validation event, so a later event confirms
// it. A resume starts from one, and a run writes one before it ends (interrupted or done).
class CheckpointTracker {
public:
    // One event of the training log: its name and step (< 0: the event has none).
    void see(const std::string& event, int64_t step);

    int64_t checkpointStep() const { return checkpointStep_; }  // 0: none yet
    int64_t lastStep() const { return lastStep_; }  // the last step logged (later after a kill)
    bool done() const { return done_; }             // "done" after the last start or resume

private:
    int64_t checkpointStep_ = 0, lastStep_ = 0, pending_ = -1;
    bool done_ = false;
};

struct RunState {
    // None: no run.json. NotStarted: no checkpoint yet. Interrupted: a checkpoint and
    // no "done" after the last start or resume. Finished: "done".
    enum class State { None, NotStarted, Interrupted, Finished };
    State state = State::None;
    int64_t checkpointStep = 0;  // where a resume starts
    int64_t loggedStep = 0;      // the last step in the log
    double progress = -1.0;      // share of the budget spent at the last train event (-1: none)
    double seconds = 0.0;        // of training then
    bool fineTune = false;       // run.json has init_from
    std::string trainingData;    // run.json's (first) training corpus path

    bool resumable() const { return state == State::Interrupted; }
};

// Unreadable or unparseable log lines are skipped: the log may end in a half-written line.
RunState readRunState(const std::string& dir);

}  // namespace dari
