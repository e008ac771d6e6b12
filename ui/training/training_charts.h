#pragma once
// Live curves of a training run (Qt Charts): training and dev loss, dev BLEU
// and the gradient norm before clipping, all against the training step.

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
