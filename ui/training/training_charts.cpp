#include "ui/training/training_charts.h"

#include "ui/palette_colors.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dari {

namespace {

QLineSeries* makeSeries(const QString& name, const QColor& color, bool dashed = false) {
    auto* series = new QLineSeries;  // owned by the chart it is added to
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(2.0);
    if (dashed) pen.setStyle(Qt::DashLine);
    series->setPen(pen);
    series->setPointsVisible(true);  // a run's first point is a dot, not nothing
    series->setMarkerSize(5.0);
    return series;
}

void truncate(QLineSeries* series, qint64 step) {
    auto points = series->points();
    const auto end = std::remove_if(points.begin(), points.end(),
                                    [step](const QPointF& p) { return p.x() > step; });
    if (end == points.end()) return;
    points.erase(end, points.end());
    series->replace(points);
}

// [min, max] over the series, with a margin; `fromZero` keeps 0 in the range.
std::pair<double, double> range(const QList<QLineSeries*>& series, bool useX, bool fromZero) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const QLineSeries* s : series)
        for (const QPointF& p : s->points()) {
            const double v = useX ? p.x() : p.y();
            if (!std::isfinite(v)) continue;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (!std::isfinite(lo)) return {0.0, 1.0};
    if (fromZero) lo = std::min(lo, 0.0);
    if (useX) return {lo, std::max(hi, lo + 5.0)};
    // One point (or a flat line) still gets a readable span around it.
    const double pad = std::max((hi - lo) * 0.08, std::max(0.05 * std::abs(hi), 0.05));
    return {fromZero ? lo : lo - pad, hi + pad};
}

// The axis draws one item per tick at once: the interval grows before the range does and
// shrinks after it, or a jump of the loss from 8 to 1e6 (a diverging run) would briefly ask
// for a million ticks and freeze the window.
void setRangeWithNiceTicks(QValueAxis* axis, double lo, double hi, bool whole = false) {
    if (!(hi - lo > 0) || !std::isfinite(hi - lo)) return axis->setRange(lo, hi);
    const TrainingCharts::Ticks ticks = TrainingCharts::niceTicks(lo, hi, whole);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0.0);
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(ticks.decimals));
    if (ticks.step >= axis->tickInterval()) {
        axis->setTickInterval(ticks.step);
        axis->setRange(lo, hi);
    } else {
        axis->setRange(lo, hi);
        axis->setTickInterval(ticks.step);
    }
}

}  // namespace

TrainingCharts::Ticks TrainingCharts::niceTicks(double lo, double hi, bool whole) {
    Ticks t;
    t.lo = lo;
    t.hi = hi;
    if (!(hi - lo > 0) || !std::isfinite(hi - lo)) return t;
    const double raw = (hi - lo) / 5, magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    t.step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * magnitude >= raw) {
            t.step = m * magnitude;
            break;
        }
    if (whole) t.step = std::max(1.0, std::round(t.step));
    t.decimals = 0;
    while (t.decimals < 6) {
        const double scaled = t.step * std::pow(10.0, t.decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) break;
        ++t.decimals;
    }
    return t;
}

QStringList TrainingCharts::Ticks::labels() const {
    QStringList out;
    for (double v = std::ceil(lo / step - 1e-9) * step; v <= hi + 1e-9 * step; v += step)
        out << QString::number(v, 'f', decimals);
    return out;
}

TrainingCharts::TrainingCharts(QWidget* parent) : QWidget(parent) {
    trainLoss_ = makeSeries(tr("train loss"), QColor(0x1f, 0x77, 0xb4));
    devLoss_ = makeSeries(tr("dev loss"), QColor(0xd6, 0x27, 0x28));
    bleu_ = makeSeries(tr("dev BLEU"), QColor(0x2c, 0xa0, 0x2c));
    gradNorm_ = makeSeries(tr("gradient norm"), QColor(0x94, 0x67, 0xbd));
    loss_ = makePlot(tr("Loss"), tr("cross-entropy"), {trainLoss_, devLoss_});
    bleuPlot_ = makePlot(tr("Dev BLEU"), tr("BLEU"), {bleu_});
    normPlot_ = makePlot(tr("Gradient norm (before clipping)"), tr("L2 norm"), {gradNorm_});
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    for (const Plot* plot : {&loss_, &bleuPlot_, &normPlot_}) {
        auto* view = new QChartView(plot->chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(260, 220);
        view->setAccessibleName(plot->chart->title());
        view->setAccessibleDescription(tr("A chart of the training run, updated as it trains"));
        layout->addWidget(view, plot == &loss_ ? 3 : 2);
    }
    setObjectName(QStringLiteral("trainingCharts"));
}

TrainingCharts::Plot TrainingCharts::makePlot(const QString& title, const QString& yTitle,
                                              const QList<QLineSeries*>& series) {
    Plot plot;
    plot.chart = new QChart;  // owned by its QChartView
    // Before the series join: a theme keeps their own pens, and its background follows the
    // desktop's light or dark palette.
    plot.chart->setTheme(isDarkPalette(palette()) ? QChart::ChartThemeDark
                                                  : QChart::ChartThemeLight);
    plot.chart->setTitle(title);
    plot.chart->setMargins(QMargins(4, 4, 4, 4));
    plot.chart->legend()->setVisible(series.size() > 1);
    plot.chart->legend()->setAlignment(Qt::AlignTop);
    plot.x = new QValueAxis;
    plot.x->setTitleText(tr("step"));
    plot.x->setLabelFormat(QStringLiteral("%d"));
    plot.x->setTickCount(5);
    plot.y = new QValueAxis;
    plot.y->setTitleText(yTitle);
    plot.y->setLabelFormat(QStringLiteral("%.1f"));
    plot.y->setTickCount(5);
    plot.chart->addAxis(plot.x, Qt::AlignBottom);
    plot.chart->addAxis(plot.y, Qt::AlignLeft);
    for (QLineSeries* s : series) {
        plot.chart->addSeries(s);
        s->attachAxis(plot.x);
        s->attachAxis(plot.y);
    }
    return plot;
}

void TrainingCharts::addTrain(qint64 step, double loss, double gradNorm) {
    trainLoss_->append(double(step), loss);
    gradNorm_->append(double(step), gradNorm);
    rescale();
}

void TrainingCharts::addValidation(qint64 step, double devLoss, double bleu,
                                   const QList<QPair<QString, double>>& sets) {
    devLoss_->append(double(step), devLoss);
    bleu_->append(double(step), bleu);
    if (sets.size() > 1) {
        bleu_->setName(tr("mean of %n dev sets", nullptr, int(sets.size())));
        for (const auto& [name, score] : sets) {
            QLineSeries* s = devSetSeries(name);
            (s ? s : addDevSet(name))->append(double(step), score);
        }
        bleuPlot_.chart->legend()->setVisible(true);
    }
    rescale();
}

QList<QLineSeries*> TrainingCharts::series() const {
    return QList<QLineSeries*>{trainLoss_, devLoss_, bleu_, gradNorm_} + devSets_;
}

QLineSeries* TrainingCharts::devSetSeries(const QString& name) const {
    for (QLineSeries* s : devSets_)
        if (s->name() == name) return s;
    return nullptr;
}

// A dev set's own line: thin and dashed beside the mean, each set its own colour.
QLineSeries* TrainingCharts::addDevSet(const QString& name) {
    static const QColor colors[] = {QColor(0xff, 0x7f, 0x0e), QColor(0x17, 0xbe, 0xcf),
                                    QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2),
                                    QColor(0x7f, 0x7f, 0x7f), QColor(0xbc, 0xbd, 0x22)};
    QLineSeries* s = makeSeries(name, colors[devSets_.size() % std::size(colors)], true);
    QPen pen = s->pen();
    pen.setWidthF(1.5);
    s->setPen(pen);
    bleuPlot_.chart->addSeries(s);
    s->attachAxis(bleuPlot_.x);
    s->attachAxis(bleuPlot_.y);
    devSets_.append(s);
    return s;
}

void TrainingCharts::truncateAfter(qint64 step) {
    for (QLineSeries* s : series())
        truncate(s, step);
    rescale();
}

void TrainingCharts::clear() {
    for (QLineSeries* s : {trainLoss_, devLoss_, bleu_, gradNorm_})
        s->clear();
    for (QLineSeries* s : devSets_) {
        bleuPlot_.chart->removeSeries(s);
        delete s;
    }
    devSets_.clear();
    bleu_->setName(tr("dev BLEU"));
    bleuPlot_.chart->legend()->setVisible(false);
    rescale();
}

int TrainingCharts::trainPoints() const {
    return int(trainLoss_->count());
}
int TrainingCharts::validationPoints() const {
    return int(devLoss_->count());
}

void TrainingCharts::rescale() {
    const QList<QLineSeries*> all = series();
    const auto [x0, x1] = range(all, true, true);
    for (const Plot* plot : {&loss_, &bleuPlot_, &normPlot_})
        setRangeWithNiceTicks(plot->x, x0, x1, true);
    const auto loss = range({trainLoss_, devLoss_}, false, false);
    setRangeWithNiceTicks(loss_.y, loss.first, loss.second);
    const auto bleu = range(QList<QLineSeries*>{bleu_} + devSets_, false, true);
    // BLEU starts at 0 for a while: keep a scale
    setRangeWithNiceTicks(bleuPlot_.y, 0.0, std::max(bleu.second, 1.0));
    const auto norm = range({gradNorm_}, false, true);
    setRangeWithNiceTicks(normPlot_.y, norm.first, norm.second);
}

}  // namespace dari
