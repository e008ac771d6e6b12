#pragma once
// The training dashboard: what the run is doing (a new model, a fine-tune, or
// continuing an interrupted run), progress with ETA and tokens/s, live charts,
// sample outputs at each validation, Pause/Stop and Resume. The work happens in
// a `dari train` child process driven by its TrainingController.

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QVBoxLayout;

namespace dari {

class TextTableModel;
class TrainingCharts;
class TrainingController;
struct TrainingPlan;

class TrainingDashboard : public QWidget {
    Q_OBJECT
public:
    explicit TrainingDashboard(QWidget* parent = nullptr);

    TrainingController* controller() const { return controller_; }
    TrainingCharts* charts() const { return charts_; }
    TextTableModel* samples() const { return samples_; }
    QString headline() const;    // the "what is happening" line
    QString statusText() const;  // the last state message (errors included)
    QString task() const { return task_; }
    // A panel above the headline that drives the runs itself (the default models'): the
    // dashboard's own Stop, Resume and Use buttons hide while it shows. nullptr: none.
    void setPanel(QWidget* panel);
    // What the headline calls the next runs ("ko-en, network 2 of 3"); empty: the folder's name.
    void setRunLabel(const QString& label) { runLabel_ = label; }

public Q_SLOTS:
    // Starts the plan's run (new model or fine-tune). False with an error shown.
    bool startPlan(const dari::TrainingPlan& plan);
    // Continues an interrupted run in `dir` (also one left by an earlier session).
    bool resumeRun(const QString& dir, const QStringList& extra = {});
    void stop();
    void resume();  // the run shown, from its last checkpoint

Q_SIGNALS:
    void modelTrained(const QString& dir, const QString& task);  // "done"
    void useModelRequested(const QString& dir, const QString& task);
    void errorShown(const QString& text);

private:
    void buildUi();
    void onEvent(const QJsonObject& event);
    void onStart(const QJsonObject& event);
    void onCleaning(const QJsonObject& event);
    QString processes(const QJsonObject& event) const;
    void onTrain(const QJsonObject& event);
    void showProgress(const QJsonObject& event);  // train and tick events: the bar and the line
    void onDone(const QJsonObject& event);
    void resetProgress();  // a new run starts from an empty bar
    void onValidation(const QJsonObject& event);
    void onStateChanged();
    void onRunStarted();
    void replayLog(const QString& dir);
    void setStatus(const QString& text, bool error = false);

    TrainingController* controller_ = nullptr;
    TrainingCharts* charts_ = nullptr;
    TextTableModel* samples_ = nullptr;
    QLabel* headline_ = nullptr;
    QLabel* kindNote_ = nullptr;
    QLabel* stats_ = nullptr;
    QLabel* dataNote_ = nullptr;  // the corpora's mix and what cleaning did to them
    QLabel* devSets_ = nullptr;   // each dev set's scores at the last validation (several sets)
    QString mixText_, cleaningText_;
    QLabel* status_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QTableView* samplesView_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QPushButton* resumeButton_ = nullptr;
    QPushButton* useButton_ = nullptr;
    QVBoxLayout* layout_ = nullptr;
    QPointer<QWidget> panel_;
    QString runLabel_;
    QString task_;
    double bestBleu_ = 0.0;
    qint64 samplesStep_ = 0;
};

}  // namespace dari
