#include "ui/learn/learn_charts.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>

#include <algorithm>
#include <cmath>

#include "ui/chat/attention_heatmap.h"
#include "ui/palette_colors.h"

namespace dari::learn {

QChart* newChart(const QPalette& palette, const QString& title) {
    auto* chart = new QChart;
    chart->setTheme(isDarkPalette(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(title);
    return chart;
}

QColor seriesColor(int i) {
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28),
                                    QColor(0x94, 0x67, 0xbd), QColor(0x2c, 0xa0, 0x2c),
                                    QColor(0xff, 0x7f, 0x0e)};
    return colors[i % 5];
}

QLineSeries* lineSeries(const QString& name, const QColor& color, const std::vector<double>& values,
                        double floor) {
    auto* s = new QLineSeries;  // owned by the chart it joins
    s->setName(name);
    QPen pen(color);
    pen.setWidthF(2.0);
    s->setPen(pen);
    s->setPointsVisible(true);
    for (size_t t = 0; t < values.size(); ++t)
        s->append(double(t + 1), floor > 0 ? std::max(values[t], floor) : values[t]);
    return s;
}

QCategoryAxis* pieceAxis(const QStringList& pieces) {
    auto* axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (int t = 0; t < pieces.size(); ++t)
        axis->append(QStringLiteral("%1 %2").arg(t + 1).arg(
                         AttentionHeatmap::labelText(pieces[t]).toHtmlEscaped()),
                     t + 1);
    axis->setRange(0.5, pieces.size() + 0.5);
    return axis;
}

void setAxes(QChart* chart, QAbstractAxis* x, QAbstractAxis* y) {
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

void setDecades(QLogValueAxis* axis, double lo, double hi) {
    if (lo > hi) return;  // nothing drawn
    axis->setRange(std::pow(10.0, std::floor(std::log10(lo))),
                   std::pow(10.0, std::ceil(std::log10(hi * 1.01))));
}

void replaceChart(QChartView* view, QChart* chart) {
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

}  // namespace dari::learn
