#pragma once
// Live curves of a training run (Qt Charts): training and dev loss, dev BLEU
// and the gradient norm before clipping, all against the training step.

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
    void addValidation(qint64 step, double devLoss, double bleu);
    // After a resume: points past the checkpoint were never saved; drop them.
    void truncateAfter(qint64 step);
    void clear();

    int trainPoints() const;
    int validationPoints() const;
    QList<QLineSeries*> series() const { return {trainLoss_, devLoss_, bleu_, gradNorm_}; }

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

    QLineSeries* trainLoss_ = nullptr;
    QLineSeries* devLoss_ = nullptr;
    QLineSeries* bleu_ = nullptr;
    QLineSeries* gradNorm_ = nullptr;
    Plot loss_, bleuPlot_, normPlot_;
};

}  // namespace dari
