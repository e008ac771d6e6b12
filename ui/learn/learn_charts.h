#pragma once
// What Learn's charts share: a chart themed from the palette, the series colours, a line series
// over the positions 1..N, an x axis labelled with the source pieces, axes, decades, and a
// chart replaced in its view.

#include <QColor>
#include <QPalette>
#include <QStringList>

#include <vector>

class QAbstractAxis;
class QCategoryAxis;
class QChart;
class QChartView;
class QLineSeries;
class QLogValueAxis;

namespace dari::learn {

QChart* newChart(const QPalette& palette, const QString& title);
// The categorical colours of the training charts, by index.
QColor seriesColor(int i);
// values[t] at x = t + 1 (values below `floor`, when it is > 0, at the floor: a log axis).
QLineSeries* lineSeries(const QString& name, const QColor& color, const std::vector<double>& values,
                        double floor = -1);
// Position t + 1 labelled "t+1 piece".
QCategoryAxis* pieceAxis(const QStringList& pieces);
// `x` at the bottom and `y` on the left, every series of the chart attached to both.
void setAxes(QChart* chart, QAbstractAxis* x, QAbstractAxis* y);
// From the power of ten below `lo` to the one above `hi`: a log axis labels only those.
void setDecades(QLogValueAxis* axis, double lo, double hi);
// Shows `chart` in `view`, deleting the chart it replaces.
void replaceChart(QChartView* view, QChart* chart);

}  // namespace dari::learn
