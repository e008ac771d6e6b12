#include "ui/training/default_models_run.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <utility>

#include "model/bundle/bundle.h"
#include "model/training/train_events.h"
#include "ui/training/default_model_plan.h"
#include "ui/training/run_folder.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_dashboard.h"

namespace dari {

namespace ev = train_events;

namespace {

bool hasMeta(const QString& dir) {
    return QFileInfo::exists(QDir(dir).filePath(QStringLiteral("meta.json")));
}

bool calibrated(const QString& dir) {
    if (!hasMeta(dir)) return false;
    try {
        return BundleMeta::load(dir.toStdString()).confidence.calibrated();
    } catch (const std::exception&) {
        return false;
    }
}

// A model that is there and not being trained: a finished run, or one installed without a log.
bool modelThere(const QString& dir) {
    const RunFolder::State state = RunFolder::inspect(dir).state;
    return hasMeta(dir) && (state == RunFolder::State::Finished || state == RunFolder::State::None);
}

// A training run on `controller` (not the dashboard's, whose startPlan shows it).
bool startOn(TrainingController* controller, const TrainingPlan& plan, QString* error) {
    QStringList args;
    return plan.arguments(&args, error) && controller->start(args, plan.outDir);
}

}  // namespace

DefaultModelsRun::DefaultModelsRun(TrainingDashboard* dashboard, const QString& modelsFolder,
                                   const QString& corporaFolder, QObject* parent)
    : QObject(parent), dashboard_(dashboard), models_(modelsFolder), corpora_(corporaFolder) {
    lanes_[0].controller = dashboard->controller();
    lanes_[1].controller = new TrainingController(this);
    for (LaneRun& lane : lanes_) {
        LaneRun* l = &lane;
        connect(lane.controller, &TrainingController::eventReceived, this,
                [this, l](const QJsonObject& e) { onTrainingEvent(*l, e); });
        connect(lane.controller, &TrainingController::finished, this, [this, l] {
            if (l->running && l->process == nullptr) onStepFinished(*l);
        });
        connect(lane.controller, &TrainingController::interrupted, this, [this, l] {
            if (!l->running || l->process != nullptr) return;
            // Paused while it was being widened: it stays paused.
            if (std::exchange(l->widening, false) && state_ == State::Running)
                return continueWider(*l);
            onStepStopped(*l, {});
        });
        connect(lane.controller, &TrainingController::failed, this,
                [this, l](const QString& message) {
                    if (l->running && l->process == nullptr) onStepStopped(*l, message);
                });
    }
}

DefaultModelsRun::~DefaultModelsRun() {
    for (LaneRun& lane : lanes_) {
        if (!lane.process) continue;
        lane.process->terminate();
        lane.process->waitForFinished(5000);
    }
    // The chat lane's controller stops its run (with a checkpoint) as it is destroyed; the
    // dashboard's goes on being the dashboard's.
}

bool DefaultModelsRun::hasPartialWork(const QString& modelsFolder) {
    for (const QString& name : {QStringLiteral("chat-ko"), QStringLiteral("ko-en")})
        if (RunFolder::inspect(QDir(modelsFolder).filePath(name)).resumable()) return true;
    return false;
}

QString DefaultModelsRun::modelDir(Lane lane) const {
    return QDir(models_).filePath(laneOf(lane).model);
}

bool DefaultModelsRun::start(QString* error) {
    if (isActive()) return true;
    error_.clear();
    lanes_[1].controller->setExecutable(lanes_[0].controller->executable());
    if (!planLane(Lane::KoEn, false, error) || !planLane(Lane::Chat, false, error)) return false;
    // One core each while both train (run.sh: ~17% more work done than one after the other).
    const bool both = laneOf(Lane::KoEn).trainings > laneOf(Lane::KoEn).trainingsDone &&
                      laneOf(Lane::Chat).trainings > laneOf(Lane::Chat).trainingsDone;
    if (both && (!planLane(Lane::KoEn, true, error) || !planLane(Lane::Chat, true, error)))
        return false;
    setState(State::Running);
    starting_ = true;
    for (LaneRun& lane : lanes_)
        next(lane);
    starting_ = false;
    updateState();
    return true;
}

// Steps of each lane after the last one already done; `oneCore` adds --threads 1.
bool DefaultModelsRun::plan(LaneRun& lane, bool oneCore, QString* error) {
    Q_UNUSED(error);
    int first = 0;
    for (int i = 0; i < lane.steps.size(); ++i)
        if (lane.steps[i].done()) first = i + 1;
    lane.trainings = 0;
    lane.trainingsDone = 0;
    for (int i = 0; i < lane.steps.size(); ++i) {
        Step& step = lane.steps[i];
        if (oneCore)
            (step.counts ? step.plan.extra : step.command)
                << QStringLiteral("--threads") << QStringLiteral("1");
        if (!step.counts) continue;
        ++lane.trainings;
        if (i < first) ++lane.trainingsDone;
    }
    lane.current = first - 1;
    lane.fraction = lane.seconds = 0.0;
    lane.running = lane.failed = lane.widening = false;
    lane.oneCore = oneCore;
    lane.finished = first == lane.steps.size();
    return true;
}

// A lane trains its model with the recipe, then calibrates its confidence on the recipe's dev
// sets.
bool DefaultModelsRun::planLane(Lane which, bool oneCore, QString* error) {
    LaneRun& lane = laneOf(which);
    const DefaultModel model =
        defaultModelFor(which == Lane::KoEn ? QStringLiteral("translate") : QStringLiteral("chat"));
    lane.model = model.name;
    lane.task = model.task;
    lane.steps.clear();
    const QString out = modelDir(which);
    Step train;
    train.label = tr("training");
    train.counts = true;
    train.done = [out] { return modelThere(out); };
    // A missing recipe or corpus is said once, before anything starts.
    if (!modelThere(out) && !defaultModelPlan(model, corpora_, models_, &train.plan, error))
        return false;
    train.plan.outDir = out;
    lane.steps << train;
    Step calibrate;
    calibrate.label = tr("calibrating its confidence on dev");
    calibrate.command = QStringList{QStringLiteral("calibrate"), QStringLiteral("--model"), out} +
                        defaultDevArguments(model, corpora_);
    calibrate.done = [out] { return calibrated(out); };
    lane.steps << calibrate;
    return plan(lane, oneCore, error);
}

void DefaultModelsRun::next(LaneRun& lane) {
    lane.running = false;
    if (lane.finished) {
        updateState();
        return;
    }
    ++lane.current;
    if (lane.current >= lane.steps.size()) {
        lane.finished = true;
        Q_EMIT modelReady(QDir(models_).filePath(lane.model), lane.task);
        updateState();
        return;
    }
    lane.fraction = lane.seconds = 0.0;
    lane.running = runStep(lane, lane.steps[lane.current]);
    if (!lane.running) lane.failed = true;
    Q_EMIT progressChanged();
    updateState();
}

bool DefaultModelsRun::runStep(LaneRun& lane, const Step& step) {
    if (!step.command.isEmpty()) {
        startCommand(lane, step.command);
        return true;
    }
    const QString dir = step.plan.outDir;
    const bool shown = lane.controller == dashboard_->controller();
    if (shown) dashboard_->setRunLabel(QStringLiteral("%1, %2").arg(lane.model, step.label));
    QString error;
    bool ok;
    if (RunFolder::inspect(dir).resumable()) {
        // One core beside the other lane, else all (the recipes fix their shards: the same model).
        const QStringList threads{
            QStringLiteral("--threads"),
            lane.oneCore ? QStringLiteral("1") : QString::number(QThread::idealThreadCount())};
        ok = shown ? dashboard_->resumeRun(dir, threads) : lane.controller->resume(dir, threads);
    } else {
        QDir(dir).removeRecursively();  // a run that never got to a checkpoint starts over
        ok = shown ? dashboard_->startPlan(step.plan) : startOn(lane.controller, step.plan, &error);
    }
    if (!ok) error_ = shown ? dashboard_->statusText() : error;
    return ok;
}

void DefaultModelsRun::startCommand(LaneRun& lane, const QStringList& args) {
    auto* process = new QProcess(this);
    lane.process = process;
    process->setProcessChannelMode(QProcess::MergedChannels);
    LaneRun* l = &lane;
    connect(process, &QProcess::finished, this,
            [this, l, process](int code, QProcess::ExitStatus status) {
                const QString output = QString::fromUtf8(process->readAll()).trimmed();
                l->process = nullptr;
                process->deleteLater();
                if (status == QProcess::NormalExit && code == 0) return onStepFinished(*l);
                if (state_ == State::Stopping) return onStepStopped(*l, {});
                const QString last = output.section(QLatin1Char('\n'), -3);
                onStepStopped(*l, last.isEmpty()
                                      ? tr("dari %1 stopped.").arg(process->arguments().front())
                                      : last);
            });
    connect(process, &QProcess::errorOccurred, this, [this, l, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart) return;
        l->process = nullptr;
        process->deleteLater();
        onStepStopped(*l,
                      tr("Cannot start %1: %2").arg(process->program(), process->errorString()));
    });
    process->start(lane.controller->executable(), args);
}

void DefaultModelsRun::onTrainingEvent(LaneRun& lane, const QJsonObject& e) {
    if (!lane.running || lane.process) return;
    const QString kind = e.value(QLatin1String(ev::kEvent)).toString();
    if (kind != QLatin1String(ev::kTrain) && kind != QLatin1String(ev::kTick) &&
        kind != QLatin1String(ev::kDone))
        return;
    lane.fraction = kind == QLatin1String(ev::kDone)
                        ? 1.0
                        : std::clamp(e.value(QLatin1String(ev::kProgress)).toDouble(), 0.0, 1.0);
    lane.seconds = e.value(QLatin1String(ev::kSeconds)).toDouble();
    Q_EMIT progressChanged();
}

void DefaultModelsRun::onStepFinished(LaneRun& lane) {
    if (lane.steps[lane.current].counts) {
        ++lane.trainingsDone;
        if (lane.seconds > 0) lane.perTraining = lane.seconds;
        if (&lane == &laneOf(Lane::Chat)) widenKoEn();
    }
    lane.fraction = lane.seconds = 0.0;
    // The next step starts once the signal that ended this one has returned: it may start the
    // same controller again. Stopped in between, it waits for start().
    LaneRun* l = &lane;
    QMetaObject::invokeMethod(
        this,
        [this, l] {
            if (state_ == State::Running) return next(*l);
            l->running = false;
            if (++l->current >= l->steps.size()) {  // its last step: the model is ready
                l->finished = true;
                Q_EMIT modelReady(QDir(models_).filePath(l->model), l->task);
            }
            Q_EMIT progressChanged();
            updateState();
        },
        Qt::QueuedConnection);
}

// chat-ko trained: ko-en, training beside it on one core, goes on from a checkpoint on both (its
// recipe's fixed shards, train.shards, keep the model the same), as run.sh does.
void DefaultModelsRun::widenKoEn() {
    LaneRun& koen = laneOf(Lane::KoEn);
    if (state_ != State::Running || !koen.running || koen.process || !koen.oneCore ||
        !koen.steps[koen.current].counts || !koen.controller->isRunning())
        return;
    koen.widening = true;
    koen.controller->stop();
}

void DefaultModelsRun::continueWider(LaneRun& lane) {
    lane.oneCore = false;
    const QString dir = lane.steps[lane.current].plan.outDir;
    const QStringList threads{QStringLiteral("--threads"), QStringLiteral("2")};
    const bool shown = lane.controller == dashboard_->controller();
    const bool ok =
        shown ? dashboard_->resumeRun(dir, threads) : lane.controller->resume(dir, threads);
    if (!ok)
        onStepStopped(lane, shown ? dashboard_->statusText() : tr("cannot continue %1").arg(dir));
}

void DefaultModelsRun::onStepStopped(LaneRun& lane, const QString& error) {
    lane.running = false;
    // Stopped by stop() before its first checkpoint, a run says so as an error: it is a pause.
    if (!error.isEmpty() && state_ != State::Stopping) {
        lane.failed = true;
        error_ = tr("%1 (%2): %3").arg(lane.model, lane.steps[lane.current].label, error);
    }
    // The other lane pauses too: Continue resumes both together.
    if (state_ == State::Running) stop();
    Q_EMIT progressChanged();
    updateState();
}

void DefaultModelsRun::stop() {
    if (!isActive()) return;
    setState(State::Stopping);
    for (LaneRun& lane : lanes_) {
        if (!lane.running) continue;
        if (lane.process)
            lane.process->terminate();
        else if (lane.controller->isRunning())
            lane.controller->stop();  // between two steps: the queued next one sees Stopping
    }
    updateState();
}

void DefaultModelsRun::updateState() {
    if (!isActive() || starting_) return;
    if (std::any_of(std::begin(lanes_), std::end(lanes_),
                    [](const LaneRun& l) { return l.running; }))
        return;
    const bool failed = std::any_of(std::begin(lanes_), std::end(lanes_),
                                    [](const LaneRun& l) { return l.failed; });
    const bool finished = std::all_of(std::begin(lanes_), std::end(lanes_),
                                      [](const LaneRun& l) { return l.finished; });
    setState(finished ? State::Finished : failed ? State::Failed : State::Stopped);
}

void DefaultModelsRun::setState(State state) {
    if (state_ == state) return;
    state_ = state;
    Q_EMIT stateChanged(state);
    Q_EMIT progressChanged();
}

QString DefaultModelsRun::laneText(Lane which) const {
    const LaneRun& lane = laneOf(which);
    if (lane.finished) return tr("ready");
    if (lane.current < 0 || lane.current >= lane.steps.size()) return QString();
    const Step& step = lane.steps[lane.current];
    if (lane.failed) return tr("stopped by an error while %1").arg(step.label);
    if (!lane.running) return tr("paused: %1").arg(step.label);
    if (!step.counts) return step.label;
    return step.label + tr(" · %1%").arg(qRound(lane.fraction * 100));
}

double DefaultModelsRun::laneFraction(Lane which) const {
    const LaneRun& lane = laneOf(which);
    if (lane.finished) return 1.0;
    if (lane.trainings == 0) return 0.0;
    return std::min(1.0, (lane.trainingsDone + lane.fraction) / lane.trainings);
}

double DefaultModelsRun::secondsLeft() const {
    double worst = 0.0;
    for (const LaneRun& lane : lanes_) {
        if (lane.finished) continue;
        const int after = std::max(0, lane.trainings - lane.trainingsDone - 1);
        double per = lane.perTraining;
        if (lane.fraction > 0.02 && lane.seconds > 0) per = lane.seconds / lane.fraction;
        const bool inTraining = lane.trainings > lane.trainingsDone;
        if (!inTraining) continue;  // joining or calibrating: seconds
        if (per <= 0) return -1;
        worst = std::max(worst, per * (1.0 - lane.fraction) + after * per);
    }
    return worst;
}

}  // namespace dari
