#pragma once
// Runs `dari train --json ...` as a child process and turns its JSON lines into
// signals. Training never runs in the window's process: a crash, an
// out-of-memory kill or a `kill -9` of the child only ends that run, and the
// run can be continued from its last checkpoint. No widgets.

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include "model/training/run_state.h"

namespace dari {

class TrainingController : public QObject {
    Q_OBJECT
public:
    // Diverged: the run stopped itself because its loss blew up (lastError() says why).
    enum class State { Idle, Running, Stopping, Interrupted, Finished, Failed, Diverged };
    Q_ENUM(State)
    enum class Kind { NewModel, FineTune, Continue };  // what the current run is doing
    Q_ENUM(Kind)

    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;  // a running child is stopped (it checkpoints) first

    // `dari` next to this executable (QCoreApplication::applicationDirPath()).
    static QString defaultExecutable();
    void setExecutable(const QString& path) { executable_ = path; }
    QString executable() const { return executable_; }

    // A new run (`dari train --json <trainArgs>`, which must hold --out outDir): a
    // NewModel or a FineTune, as the caller's plan says until the run's start event
    // says it. False if already running.
    bool start(const QStringList& trainArgs, const QString& outDir, Kind kind = Kind::NewModel);
    // `dari train --json --resume outDir [extra]`: same data, counters kept; `extra` may change
    // what a resumed run may change (--threads N, a budget).
    bool resume(const QString& outDir, const QStringList& extra = {});
    // SIGTERM: the child writes a checkpoint at the next step and exits (resumable).
    void stop();

    State state() const { return state_; }
    Kind kind() const { return kind_; }
    bool isRunning() const { return state_ == State::Running || state_ == State::Stopping; }
    QString outDir() const { return outDir_; }
    qint64 processId() const { return process_->processId(); }
    qint64 step() const { return checkpoints_.lastStep(); }  // the last step reported
    qint64 checkpointStep() const {
        return checkpoints_.checkpointStep();
    }  // the last step in checkpoint.pt
    QString lastError() const { return lastError_; }
    QString stderrTail() const { return stderr_.join(QLatin1Char('\n')); }

Q_SIGNALS:
    void stateChanged(dari::TrainingController::State state);
    void runStarted(const QString& outDir, dari::TrainingController::Kind kind);
    void eventReceived(const QJsonObject& event);  // every JSON line: start, train, validation, ...
    void interrupted(qint64 step);                 // stopped with a checkpoint: resumable
    void finished(const QString& outDir);          // "done": the bundle is complete
    void failed(const QString& message);  // could not start, error exit, crash, kill or divergence

private:
    bool launch(const QStringList& args, const QString& outDir, Kind kind);
    void setState(State state);
    void readStdout();
    void readStderr();
    void handleEvent(const QJsonObject& event);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    QString describeExit(int exitCode, QProcess::ExitStatus status) const;
    QString describeDivergence() const;

    QProcess* process_ = nullptr;
    QString executable_;
    QString outDir_;
    State state_ = State::Idle;
    Kind kind_ = Kind::NewModel;
    QByteArray stdoutBuffer_, stderrBuffer_;
    QStringList stderr_;  // the last lines the child wrote on stderr
    CheckpointTracker checkpoints_;
    QJsonObject diverged_;  // the run's diverged event, if it had one
    QString lastError_;
};

}  // namespace dari
