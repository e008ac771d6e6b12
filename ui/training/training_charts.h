#pragma once
// Live curves of a training run (Qt Charts): training and dev loss, dev BLEU (with several dev
// sets: each set's and their mean) and the gradient norm before clipping, all against the
// training step.

#include <QList>
#include <QPair>
#include <QStringList>
#include <QWidget>

class QChart;
class QLineSeries;
class QValueAxis;

namespace dari {

class TrainingCharts : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCharts(QWidget* parent = nullptr);

    void addTrain(qint64 step, double loss, double gradNorm);
    // `sets`: each dev set's BLEU when there are several (`bleu` is then their mean).
    void addValidation(qint64 step, double devLoss, double bleu,
                       const QList<QPair<QString, double>>& sets = {});
    // After a resume: points past the checkpoint were never saved; drop them.
    void truncateAfter(qint64 step);
    void clear();

    int trainPoints() const;
    int validationPoints() const;
    QList<QLineSeries*> series() const;
    QLineSeries* devSetSeries(const QString& name) const;  // nullptr: no such dev set

    // An axis's range and ticks at round values, about five of them, each label different.
    struct Ticks {
        double lo = 0, hi = 1, step = 0.2;
        int decimals = 1;            // what the labels need to tell the ticks apart
        QStringList labels() const;  // every tick inside [lo, hi], formatted
    };
    // `whole`: steps on the x axis are whole numbers (no 0 0 0 1).
    static Ticks niceTicks(double lo, double hi, bool whole);

private:
    struct Plot {
        QChart* chart = nullptr;
        QValueAxis* x = nullptr;
        QValueAxis* y = nullptr;
    };
    Plot makePlot(const QString& title, const QString& yTitle, const QList<QLineSeries*>& series);
    void rescale();
    QLineSeries* addDevSet(const QString& name);

    QLineSeries* trainLoss_ = nullptr;
    QLineSeries* devLoss_ = nullptr;
    QLineSeries* bleu_ = nullptr;
    QLineSeries* gradNorm_ = nullptr;
    QList<QLineSeries*> devSets_;  // one per dev set of a run with several, in the bleu plot
    Plot loss_, bleuPlot_, normPlot_;
};

}  // namespace dari
