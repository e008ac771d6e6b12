#include "ui/learn/decision_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QVBoxLayout>
#include <QValueAxis>

#include "ui/chat/attention_heatmap.h"
#include "ui/learn/learn_charts.h"

namespace dari {

namespace {

QChartView* chartView(const QString& name, const QString& accessible, QWidget* parent) {
    auto* view = new QChartView(parent);
    view->setObjectName(name);
    view->setAccessibleName(accessible);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

// One bar per category, on a 0..top value axis; the chart replaces the view's old one.
QBarSet* setBars(QChartView* view, QChart* chart, const QString& name, const QColor& color,
                 const QStringList& categories, const std::vector<double>& values, double top) {
    auto* set = new QBarSet(name);
    set->setColor(color);
    for (double v : values)
        set->append(v);
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(2);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    auto* y = new QValueAxis;
    y->setRange(0.0, top);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.2g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();
    learn::replaceChart(view, chart);
    return set;
}

}  // namespace

DecisionView::DecisionView(QWidget* parent) : QWidget(parent) {
    labels_ = chartView(QStringLiteral("decisionLabels"), tr("Probability of each label"), this);
    steps_ = chartView(QStringLiteral("decisionSteps"),
                       tr("What each time step counts in the decision"), this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(labels_, 2);
    layout->addWidget(steps_, 3);
}

void DecisionView::setInspection(const NetworkInspection& n) {
    probabilities_ = weights_ = nullptr;
    if (n.task != "classify") return;
    QStringList labels, pieces;
    for (size_t c = 0; c < n.labels.size(); ++c)
        labels << (static_cast<int64_t>(c) == n.predicted
                       ? tr("%1 (predicted)").arg(QString::fromStdString(n.labels[c]))
                       : QString::fromStdString(n.labels[c]));
    for (size_t t = 0; t < n.sourcePieces.size(); ++t)
        pieces << QStringLiteral("%1 %2").arg(t + 1).arg(
            AttentionHeatmap::labelText(QString::fromStdString(n.sourcePieces[t])).toHtmlEscaped());
    probabilities_ =
        setBars(labels_, learn::newChart(palette(), tr("p(label | sentence)")), tr("probability"),
                learn::seriesColor(0), labels, n.probabilities, 1.0);
    double most = 0.0;
    for (double w : n.poolingWeights)
        most = std::max(most, w);
    const QString title =
        n.pooling == "attention"
            ? tr("Attention pooling: the weight of each step's state in the decision")
            : tr("Last-state pooling: the decision reads only the final state");
    weights_ = setBars(steps_, learn::newChart(palette(), title), tr("weight"),
                       learn::seriesColor(2), pieces, n.poolingWeights, std::max(0.1, most * 1.15));
}

}  // namespace dari
