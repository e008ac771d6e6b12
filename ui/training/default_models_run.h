#pragma once
// Training both default models from the window, the way `./run.sh models` does: ko-en beside
// chat-ko, one core each, each with its recipe (configs/, its data.corpora in the corpora
// folder); then each one's confidence calibrated on its recipe's dev sets. Every step leaves a
// folder under the models folder, so the whole is resumable: starting again skips what is done
// and continues an interrupted run from its checkpoint, also after Dari was closed.
//
// The ko-en lane trains on the dashboard's controller (its charts show it); chat-ko on one of
// its own. No widgets: DefaultModelsPanel shows it.

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

#include "ui/training/training_plan.h"

class QProcess;

namespace dari {

class TrainingController;
class TrainingDashboard;

class DefaultModelsRun : public QObject {
    Q_OBJECT
public:
    enum class Lane { KoEn = 0, Chat = 1 };
    enum class State { Idle, Running, Stopping, Stopped, Finished, Failed };
    Q_ENUM(State)

    DefaultModelsRun(TrainingDashboard* dashboard, const QString& modelsFolder,
                     const QString& corporaFolder, QObject* parent = nullptr);
    ~DefaultModelsRun() override;  // running steps are stopped (a training run checkpoints)

    // Whether a default model is half-trained under `modelsFolder` (Start continues it).
    static bool hasPartialWork(const QString& modelsFolder);

    // Plans what is left of both models and starts it; false with `error` (a recipe or corpus
    // missing, naming where it was looked for) before anything starts.
    bool start(QString* error);
    void stop();  // every running step stops (training with a checkpoint); start() continues

    State state() const { return state_; }
    bool isActive() const { return state_ == State::Running || state_ == State::Stopping; }
    QString modelDir(Lane lane) const;
    // What a lane is doing ("training · 41%"), its share done (0..1), and the time left
    // projected from its pace so far (negative: not known yet).
    QString laneText(Lane lane) const;
    double laneFraction(Lane lane) const;
    double secondsLeft() const;  // the slower lane's
    QString lastError() const { return error_; }

Q_SIGNALS:
    void progressChanged();
    void stateChanged(dari::DefaultModelsRun::State state);
    void modelReady(const QString& dir, const QString& task);  // trained, joined and calibrated

private:
    struct Step {
        QString label;  // what the lane says while it runs
        TrainingPlan plan;
        QStringList command;  // not a training run: `dari` with these arguments
        std::function<bool()> done;
        bool counts = false;  // a training run: a share of the lane's progress
    };
    struct LaneRun {
        QString model, task;
        QList<Step> steps;
        int current = -1;
        int trainings = 0;        // steps that count
        int trainingsDone = 0;    // ... finished before the current one
        double fraction = 0.0;    // of the current training run
        double seconds = 0.0;     // of the current training run so far
        double perTraining = -1;  // a whole training run's seconds, once one is seen
        bool running = false, finished = false, failed = false;
        bool oneCore = false;   // started beside the other lane on one core ...
        bool widening = false;  // ... and stopped to go on on both, the other lane done
        TrainingController* controller = nullptr;
        QProcess* process = nullptr;
    };

    bool plan(LaneRun& lane, bool oneCore, QString* error);
    bool planLane(Lane which, bool oneCore, QString* error);
    void next(LaneRun& lane);
    bool runStep(LaneRun& lane, const Step& step);
    void startCommand(LaneRun& lane, const QStringList& args);
    void onTrainingEvent(LaneRun& lane, const QJsonObject& event);
    void onStepFinished(LaneRun& lane);
    void onStepStopped(LaneRun& lane, const QString& error);
    void widenKoEn();
    void continueWider(LaneRun& lane);
    void updateState();
    void setState(State state);
    LaneRun& laneOf(Lane lane) { return lanes_[int(lane)]; }
    const LaneRun& laneOf(Lane lane) const { return lanes_[int(lane)]; }

    TrainingDashboard* dashboard_;
    QString models_, corpora_;
    LaneRun lanes_[2];
    State state_ = State::Idle;
    bool starting_ = false;  // start() is starting the lanes: no state until both have
    QString error_;
};

}  // namespace dari
