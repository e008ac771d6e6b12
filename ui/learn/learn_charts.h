#pragma once
// What Learn's charts share: a chart themed from the palette, the series colours, a line series
// over the positions 1..N, and an x axis labelled with the source pieces.

#include <QColor>
#include <QPalette>
#include <QStringList>

#include <vector>

class QCategoryAxis;
class QChart;
class QLineSeries;

namespace dari::learn {

QChart* newChart(const QPalette& palette, const QString& title);
// The categorical colours of the training charts, by index.
QColor seriesColor(int i);
// values[t] at x = t + 1 (values below `floor`, when it is > 0, at the floor: a log axis).
QLineSeries* lineSeries(const QString& name, const QColor& color, const std::vector<double>& values,
                        double floor = -1);
// Position t + 1 labelled "t+1 piece".
QCategoryAxis* pieceAxis(const QStringList& pieces);

}  // namespace dari::learn
