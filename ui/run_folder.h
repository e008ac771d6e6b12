#pragma once
// A training run's folder on disk, as `dari train` leaves it: run.json,
// checkpoint.pt and train_log.jsonl. Tells whether the run finished or can be
// continued (also after the app was closed or the process killed).

#include <QJsonObject>
#include <QList>
#include <QString>

namespace dari {

struct RunFolder {
    enum class State { None, NotStarted, Interrupted, Finished };
    QString dir;
    State state = State::None;
    qint64 checkpointStep = 0;  // the last step a checkpoint holds (a resume starts here)
    qint64 loggedStep = 0;      // the last step in the log (later than the checkpoint after a kill)
    bool fineTune = false;      // run.json has init_from
    QString trainingData;       // run.json's training corpus path

    bool resumable() const { return state == State::Interrupted; }

    // None: no run.json. NotStarted: no checkpoint yet. Interrupted: a checkpoint
    // and no "done" event after the last start/resume. Finished: "done".
    static RunFolder inspect(const QString& dir);
    // Runs under `modelsFolder` that can be continued, by folder name.
    static QList<RunFolder> resumable(const QString& modelsFolder);
    // Every event of train_log.jsonl (unparseable lines are skipped).
    static QList<QJsonObject> events(const QString& dir);
};

}  // namespace dari
