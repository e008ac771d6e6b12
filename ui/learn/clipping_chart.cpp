#include "ui/learn/clipping_chart.h"

#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/learn/learn_charts.h"

namespace dari {

ClippingChart::ClippingChart(QWidget* parent) : QChartView(parent) {
    setObjectName(QStringLiteral("clippingChart"));
    setAccessibleName(tr("Gradient norm per training step, with the clipping threshold"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(240);
}

void ClippingChart::setMessage(const QString& text) {
    norms_ = threshold_ = nullptr;
    clipped_ = nullptr;
    auto* chart = learn::newChart(palette(), text);
    learn::replaceChart(this, chart);
}

void ClippingChart::setHistory(const GradientHistory& h) {
    auto* chart = learn::newChart(
        palette(),
        h.clipNorm > 0
            ? tr("From this model's training: ‖g‖ before clipping, %1 of %2 logged steps clipped")
                  .arg(h.clipped)
                  .arg(h.steps.size())
            : tr("From this model's training: ‖g‖ (it trained without clipping)"));
    norms_ = new QLineSeries;
    norms_->setName(tr("gradient norm"));
    QPen pen(learn::seriesColor(2));
    pen.setWidthF(1.5);
    norms_->setPen(pen);
    clipped_ = new QScatterSeries;
    clipped_->setName(tr("clipped steps"));
    clipped_->setColor(learn::seriesColor(1));
    clipped_->setMarkerSize(7.0);
    double lo = 1e300, hi = 0;
    for (size_t i = 0; i < h.steps.size(); ++i) {
        const double norm = std::max(h.norms[i], 1e-12);
        norms_->append(double(h.steps[i]), norm);
        if (h.clipNorm > 0 && h.norms[i] > h.clipNorm) clipped_->append(double(h.steps[i]), norm);
        lo = std::min(lo, norm);
        hi = std::max(hi, norm);
    }
    chart->addSeries(norms_);
    chart->addSeries(clipped_);
    threshold_ = nullptr;
    if (h.clipNorm > 0 && !h.steps.empty()) {
        threshold_ = new QLineSeries;
        threshold_->setName(tr("clipping threshold %1").arg(h.clipNorm));
        QPen dashed(learn::seriesColor(1));
        dashed.setStyle(Qt::DashLine);
        dashed.setWidthF(1.5);
        threshold_->setPen(dashed);
        threshold_->append(double(h.steps.front()), h.clipNorm);
        threshold_->append(double(h.steps.back()), h.clipNorm);
        chart->addSeries(threshold_);
        lo = std::min(lo, h.clipNorm);
        hi = std::max(hi, h.clipNorm);
    }
    auto* x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(tr("training step"));
    if (!h.steps.empty()) x->setRange(double(h.steps.front()), double(h.steps.back()));
    auto* y = new QLogValueAxis;
    y->setBase(10.0);
    y->setMinorTickCount(8);
    y->setLabelFormat(QStringLiteral("%g"));
    y->setTitleText(tr("‖g‖ (log)"));
    learn::setDecades(y, lo, hi);
    learn::setAxes(chart, x, y);
    learn::replaceChart(this, chart);
}

}  // namespace dari
