#include "ui/training/training_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>

#include <csignal>

#include "model/training/train_events.h"

namespace dari {

namespace ev = train_events;

namespace {
constexpr int kStderrLines = 30;
}  // namespace

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), process_(new QProcess(this)), executable_(defaultExecutable()) {
    process_->setStandardInputFile(QProcess::nullDevice());
    connect(process_, &QProcess::readyReadStandardOutput, this, &TrainingController::readStdout);
    connect(process_, &QProcess::readyReadStandardError, this, &TrainingController::readStderr);
    connect(process_, &QProcess::finished, this, &TrainingController::onFinished);
    connect(process_, &QProcess::errorOccurred, this, &TrainingController::onError);
}

TrainingController::~TrainingController() {
    if (process_->state() == QProcess::NotRunning) return;
    process_->disconnect(this);
    process_->terminate();  // checkpoint, then exit: the run stays resumable
    if (!process_->waitForFinished(15000)) process_->kill();  // resumable from the last checkpoint
}

QString TrainingController::defaultExecutable() {
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("dari"));
}

bool TrainingController::start(const QStringList& trainArgs, const QString& outDir, Kind kind) {
    return launch(QStringList{QStringLiteral("train"), QStringLiteral("--json")} + trainArgs,
                  outDir, kind);
}

bool TrainingController::resume(const QString& outDir, const QStringList& extra) {
    return launch(QStringList{QStringLiteral("train"), QStringLiteral("--json"),
                              QStringLiteral("--resume"), outDir} +
                      extra,
                  outDir, Kind::Continue);
}

bool TrainingController::launch(const QStringList& args, const QString& outDir, Kind kind) {
    if (isRunning()) return false;
    outDir_ = outDir;
    kind_ = kind;
    stdoutBuffer_.clear();
    stderrBuffer_.clear();
    stderr_.clear();
    lastError_.clear();
    diverged_ = QJsonObject();
    if (kind != Kind::Continue) checkpoints_ = CheckpointTracker();
    setState(State::Running);
    Q_EMIT runStarted(outDir, kind);
    process_->start(executable_, args);
    return true;
}

void TrainingController::stop() {
    if (state_ != State::Running) return;
    setState(State::Stopping);
    process_->terminate();
}

void TrainingController::setState(State state) {
    if (state_ == state) return;
    state_ = state;
    Q_EMIT stateChanged(state);
}

void TrainingController::readStdout() {
    stdoutBuffer_ += process_->readAllStandardOutput();
    int end;
    while ((end = stdoutBuffer_.indexOf('\n')) >= 0) {
        const QByteArray line = stdoutBuffer_.left(end).trimmed();
        stdoutBuffer_.remove(0, end + 1);
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject()) handleEvent(doc.object());
    }
}

void TrainingController::readStderr() {
    stderrBuffer_ += process_->readAllStandardError();
    int end;
    while ((end = stderrBuffer_.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(stderrBuffer_.left(end)).trimmed();
        stderrBuffer_.remove(0, end + 1);
        if (line.isEmpty()) continue;
        stderr_.append(line);
        if (stderr_.size() > kStderrLines) stderr_.removeFirst();
    }
}

void TrainingController::handleEvent(const QJsonObject& event) {
    const QString name = event.value(QLatin1String(ev::kEvent)).toString();
    const QJsonValue step = event.value(QLatin1String(ev::kStep));
    checkpoints_.see(name.toStdString(), step.isDouble() ? step.toVariant().toLongLong() : -1);
    // The run's own record of what it is: the start event says whether it fine-tunes.
    if (name == QLatin1String(ev::kStart) && kind_ != Kind::Continue) {
        const Kind kind =
            event.value(QLatin1String(ev::kFineTune)).toBool() ? Kind::FineTune : Kind::NewModel;
        if (kind != kind_) {
            kind_ = kind;
            Q_EMIT runStarted(outDir_, kind_);
        }
    }
    if (name == QLatin1String(ev::kDiverged)) diverged_ = event;
    Q_EMIT eventReceived(event);
}

QString TrainingController::describeDivergence() const {
    const qint64 kept =
        diverged_.value(QLatin1String(ev::kCheckpointStep)).toVariant().toLongLong();
    return tr("Training diverged at step %1: %2. The model was not changed%3. Lower the learning "
              "rate (Settings: learning rate) and train again.")
        .arg(step())
        .arg(diverged_.value(QLatin1String(ev::kReason)).toString(),
             kept > 0 ? tr("; its last good checkpoint (step %1) is kept").arg(kept) : QString());
}

void TrainingController::onFinished(int exitCode, QProcess::ExitStatus status) {
    readStdout();
    readStderr();
    if (status == QProcess::NormalExit && exitCode == 0 && checkpoints_.done()) {
        setState(State::Finished);
        Q_EMIT finished(outDir_);
    } else if (status == QProcess::NormalExit && exitCode == ev::kExitDiverged) {
        lastError_ = describeDivergence();
        setState(State::Diverged);
        Q_EMIT failed(lastError_);
    } else if (status == QProcess::NormalExit && exitCode == ev::kExitInterrupted) {
        setState(State::Interrupted);
        Q_EMIT interrupted(step());
    } else {
        lastError_ = describeExit(exitCode, status);
        setState(State::Failed);
        Q_EMIT failed(lastError_);
    }
}

void TrainingController::onError(QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart) return;  // crashes arrive through finished()
    lastError_ =
        tr("Cannot start the training program %1: %2").arg(executable_, process_->errorString());
    setState(State::Failed);
    Q_EMIT failed(lastError_);
}

QString TrainingController::describeExit(int exitCode, QProcess::ExitStatus status) const {
    const QString resume =
        checkpointStep() > 0
            ? tr("The last checkpoint (step %1) is kept: Resume continues from there.")
                  .arg(checkpointStep())
            : tr("No checkpoint was written yet, so the run has to start again.");
    if (status == QProcess::CrashExit && exitCode == SIGTERM && state_ == State::Stopping)
        return tr("Stopped before training began (no checkpoint yet): start the run again.");
    if (status == QProcess::CrashExit) {
        const QString how =
            exitCode == 9
                ? tr("was killed (signal 9: by hand, or by the system when memory ran out)")
            : exitCode > 0 ? tr("crashed (signal %1)").arg(exitCode)
                           : tr("crashed");
        return tr("The training process %1 at step %2. The window is not affected. %3")
            .arg(how)
            .arg(step())
            .arg(resume);
    }
    QString reason = stderr_.isEmpty() ? QString() : stderr_.constLast();
    for (const QString& line : stderr_)
        if (line.startsWith(QLatin1String("dari ")))
            reason = line;  // "dari train: what went wrong"
    return tr("Training stopped with an error (exit code %1): %2\n%3")
        .arg(exitCode)
        .arg(reason, resume);
}

}  // namespace dari
