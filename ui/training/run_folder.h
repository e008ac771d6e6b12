#pragma once
// A training run's folder on disk in Qt types: the engine's RunState
// (model/training/run_state.h) and the events of its log, for the dashboard.

#include <QJsonObject>
#include <QList>
#include <QString>

#include "model/training/run_state.h"

namespace dari {

struct RunFolder {
    using State = RunState::State;
    QString dir;
    State state = State::None;
    qint64 checkpointStep = 0;  // the last step a checkpoint holds (a resume starts here)
    qint64 loggedStep = 0;      // the last step in the log (later than the checkpoint after a kill)
    bool fineTune = false;      // run.json has init_from
    QString trainingData;       // run.json's training corpus path

    bool resumable() const { return state == State::Interrupted; }

    static RunFolder inspect(const QString& dir);
    // Runs under `modelsFolder` that can be continued, by folder name.
    static QList<RunFolder> resumable(const QString& modelsFolder);
    // Every event of train_log.jsonl (unparseable lines are skipped).
    static QList<QJsonObject> events(const QString& dir);
};

}  // namespace dari
