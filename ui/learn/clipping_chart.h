#pragma once
// Exploding gradients in Learn: the gradient norm of every logged step of the model's own
// training run (before clipping), the clipping threshold as a line, and the steps above it —
// the ones whose update was scaled down — marked.

#include <QChartView>

#include "model/inspect/gradient_history.h"

class QLineSeries;
class QScatterSeries;

namespace dari {

class ClippingChart : public QChartView {
    Q_OBJECT
public:
    explicit ClippingChart(QWidget* parent = nullptr);

    void setHistory(const GradientHistory& history);
    // No history to show: the chart says why.
    void setMessage(const QString& text);

    QLineSeries* norms() const { return norms_; }
    QScatterSeries* clipped() const { return clipped_; }
    QLineSeries* threshold() const { return threshold_; }

private:
    QLineSeries* norms_ = nullptr;
    QScatterSeries* clipped_ = nullptr;
    QLineSeries* threshold_ = nullptr;
};

}  // namespace dari
