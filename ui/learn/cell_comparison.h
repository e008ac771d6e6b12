#pragma once
// Learn's side-by-side networks: trains the tiny RNN, GRU and LSTM, with and without attention
// (model/inspect/tiny_cells), on a worker thread, then draws the gradient each of them sends back
// to every position of the same sentence: the vanishing gradient of each cell, and what
// attention changes, as six curves.

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

#include "model/inspect/network_inspection.h"
#include "model/inspect/tiny_cells.h"

class QChartView;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;

namespace dari {

class CellComparison : public QWidget {
    Q_OBJECT
public:
    explicit CellComparison(QWidget* parent = nullptr);
    ~CellComparison() override;

    // Where the tiny networks live, and the corpus they learn from (its train.tsv and dev.tsv;
    // empty with `missing` saying why there is none).
    void setFolder(const QString& dir);
    void setCorpus(const QString& train, const QString& dev, const QString& missing = {});

    // Starts training the networks the folder lacks; false if it cannot start (said in the
    // status line) or is already training. cellsReady() follows.
    bool train();
    void stop();
    bool training() const;
    // Inspects every trained network on `text` off the GUI thread; compared() follows.
    bool compare(const QString& text);

    QStringList trainedDirs() const;  // the folders of the trained networks, in order
    const std::vector<NetworkInspection>& inspections() const { return inspections_; }
    QList<QLineSeries*> series() const;  // one per inspected network
    QString statusText() const;

Q_SIGNALS:
    void cellsReady();
    void compared();

private:
    struct Compared {
        std::vector<NetworkInspection> inspections;
        std::vector<std::string> names;
        QString error;
    };
    void onTrained();
    void onCompared();
    void showComparison();
    void setStatus(const QString& text, bool error = false);

    QString folder_, train_, dev_, missing_, pendingText_;
    std::shared_ptr<std::atomic<bool>> stop_;
    std::shared_ptr<TinyCellsProgress> progress_;  // written by the worker, read by a timer
    std::shared_ptr<std::mutex> progressMutex_;
    QFutureWatcher<QString>* trainer_ = nullptr;  // the error, empty when done
    QFutureWatcher<Compared>* comparer_ = nullptr;
    std::vector<NetworkInspection> inspections_;
    std::vector<std::string> names_;
    QPushButton* trainButton_ = nullptr;
    QProgressBar* bar_ = nullptr;
    QLabel* status_ = nullptr;
    QChartView* chart_ = nullptr;
};

}  // namespace dari
