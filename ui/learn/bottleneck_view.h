#pragma once
// Learn's fourth view, the sequential bottleneck: one training step's time against the
// sentence length, measured here and now for the recurrent cells and a Transformer of about
// their size, on one core and on all of them (model/inspect/step_timing). The measurement
// runs on a worker thread and can be stopped.

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

#include "model/inspect/step_timing.h"

class QChartView;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;

namespace dari {

class BottleneckView : public QWidget {
    Q_OBJECT
public:
    explicit BottleneckView(QWidget* parent = nullptr);
    ~BottleneckView() override;

    // Which networks and lengths are timed (the defaults: model/inspect's contenders).
    void setNetworks(std::vector<TimedNetwork> networks, StepTimingOptions options = {});
    // Starts measuring; false if a measurement is already running.
    bool measure();
    bool running() const;
    const std::vector<StepTiming>& timings() const { return timings_; }
    // The chart's series: per network, one thread then all threads.
    QList<QLineSeries*> series() const;
    QString findings() const;

Q_SIGNALS:
    void measured();

private:
    void onFinished();
    void showTimings();

    std::vector<TimedNetwork> networks_;
    StepTimingOptions options_;
    std::shared_ptr<std::atomic<bool>> stop_;
    std::shared_ptr<std::atomic<int>> done_;
    QFutureWatcher<std::vector<StepTiming>>* watcher_ = nullptr;
    std::vector<StepTiming> timings_;
    QPushButton* measure_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* findings_ = nullptr;
    QChartView* chart_ = nullptr;
};

}  // namespace dari
