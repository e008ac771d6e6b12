#include "ui/learn/learn_window.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

#include "ui/chat/attention_heatmap.h"
#include "ui/learn/model_inspector.h"
#include "ui/learn/state_strip.h"
#include "ui/palette_colors.h"

namespace dari {

namespace {

QStringList toList(const std::vector<std::string>& pieces) {
    QStringList out;
    for (const std::string& p : pieces)
        out << QString::fromStdString(p);
    return out;
}

// Into a view that may already be on screen: a widget added to a visible one is shown by hand.
template <typename W>
W* append(QVBoxLayout* layout, W* widget) {
    layout->addWidget(widget);
    widget->show();
    return widget;
}

QLabel* caption(const QString& text) {
    auto* label = new QLabel(text);
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);  // the strips take the room
    return label;
}

void clearLayout(QVBoxLayout* layout) {
    while (QLayoutItem* item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

QLineSeries* series(const QString& name, const QColor& color, const std::vector<double>& values,
                    double floor = -1) {
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

// The source pieces under the x axis: position t + 1 is labelled with its piece.
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

// The categorical colours of the training charts; the theme follows the palette.
QColor seriesColor(int i) {
    static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28),
                                    QColor(0x94, 0x67, 0xbd), QColor(0x2c, 0xa0, 0x2c),
                                    QColor(0xff, 0x7f, 0x0e)};
    return colors[i % 5];
}

QChart* newChart(const QPalette& palette, const QString& title) {
    auto* chart = new QChart;
    chart->setTheme(isDarkPalette(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(title);
    return chart;
}

QString traceTitle(const RecurrenceTrace& trace, bool decoder) {
    const QString layer = QString::number(trace.layer + 1);
    if (decoder)
        return LearnWindow::tr("Decoder, layer %1 (one column per output piece)").arg(layer);
    return trace.direction == "backward"
               ? LearnWindow::tr("Encoder, layer %1, backward (reads right to left)").arg(layer)
               : LearnWindow::tr("Encoder, layer %1, forward (reads left to right)").arg(layer);
}

QString gateName(const std::string& name) {
    if (name == "update") return LearnWindow::tr("update gate z_t");
    if (name == "reset") return LearnWindow::tr("reset gate r_t");
    if (name == "forget") return LearnWindow::tr("forget gate f_t");
    if (name == "input") return LearnWindow::tr("input gate i_t");
    if (name == "output") return LearnWindow::tr("output gate o_t");
    return QString::fromStdString(name);
}

}  // namespace

LearnWindow::LearnWindow(QWidget* parent)
    : QWidget(parent), inspector_(std::make_shared<ModelInspector>()) {
    setObjectName(QStringLiteral("learnWindow"));
    setWindowTitle(tr("Dari — Learn"));
    watcher_ = new QFutureWatcher<InspectionOutcome>(this);
    connect(watcher_, &QFutureWatcher<InspectionOutcome>::finished, this, &LearnWindow::onFinished);
    buildUi();
    resize(1100, 760);
}

LearnWindow::~LearnWindow() {
    watcher_->waitForFinished();  // the job holds the inspector, not this window
}

void LearnWindow::buildUi() {
    models_ = new QComboBox(this);
    models_->setObjectName(QStringLiteral("learnModel"));
    text_ = new QLineEdit(QStringLiteral("오늘 날씨가 좋네요."), this);
    text_->setObjectName(QStringLiteral("learnText"));
    reference_ = new QLineEdit(this);
    reference_->setObjectName(QStringLiteral("learnReference"));
    reference_->setPlaceholderText(
        tr("optional: without it, the loss is that of the network's "
           "own output"));
    inspect_ = new QPushButton(tr("&Inspect"), this);
    inspect_->setObjectName(QStringLiteral("learnInspect"));
    inspect_->setDefault(true);
    connect(inspect_, &QPushButton::clicked, this, &LearnWindow::inspectNow);
    connect(text_, &QLineEdit::returnPressed, this, &LearnWindow::inspectNow);
    connect(reference_, &QLineEdit::returnPressed, this, &LearnWindow::inspectNow);
    auto* form = new QFormLayout;
    form->addRow(tr("&Model:"), models_);
    auto* textRow = new QHBoxLayout;
    textRow->addWidget(text_, 1);
    textRow->addWidget(inspect_);
    auto* sentence = new QLabel(tr("&Sentence:"), this);
    sentence->setBuddy(text_);
    form->addRow(sentence, textRow);
    form->addRow(tr("&Reference:"), reference_);
    summary_ = new QLabel(tr("Pick a model, type a sentence and press Inspect."), this);
    summary_->setObjectName(QStringLiteral("learnSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("learnViews"));
    auto* unrolledPage = new QWidget;
    unrolled_ = new QVBoxLayout(unrolledPage);
    returnSequences_ = new QCheckBox(tr("return_sequences=True: pass on every step's state"), this);
    returnSequences_->setObjectName(QStringLiteral("returnSequences"));
    returnSequences_->setChecked(true);
    connect(returnSequences_, &QCheckBox::toggled, this, &LearnWindow::setReturnSequences);
    returnNote_ = new QLabel(this);
    returnNote_->setWordWrap(true);
    auto* unrolledView = new QWidget;
    auto* unrolledLayout = new QVBoxLayout(unrolledView);
    unrolledLayout->addWidget(returnSequences_);
    unrolledLayout->addWidget(returnNote_);
    unrolledLayout->addWidget(unrolledPage, 1);
    tabs_->addTab(explained(tr("An RNN reads the sentence one piece at a time; its hidden state "
                               "h_t, a column of numbers (blue −1, red +1), carries what it has "
                               "read to the next step. With return_sequences=True the next layer "
                               "or the decoder's attention gets every column; with False only the "
                               "last one, which then has to hold the whole sentence."),
                            unrolledView),
                  tr("&Unrolled in time"));

    auto* gatesPage = new QWidget;
    gates_ = new QVBoxLayout(gatesPage);
    tabs_->addTab(explained(tr("Gates are sigmoids between 0 (closed, light) and 1 (open, dark), "
                               "computed at every step from the input and the last state. A GRU's "
                               "update gate z decides how much of the old state it keeps and its "
                               "reset gate r how much of it feeds the new candidate; an LSTM's "
                               "forget, input and output gates guard its cell c_t the same way."),
                            gatesPage),
                  tr("&Gates"));

    auto* gradients = new QWidget;
    auto* gradientLayout = new QVBoxLayout(gradients);
    gradientChart_ = new QChartView(gradients);
    gradientChart_->setObjectName(QStringLiteral("gradientChart"));
    gradientChart_->setAccessibleName(tr("Gradient norm per source position"));
    gradientChart_->setRenderHint(QPainter::Antialiasing);
    factorChart_ = new QChartView(gradients);
    factorChart_->setObjectName(QStringLiteral("factorChart"));
    factorChart_->setAccessibleName(tr("Recurrent Jacobian norm and derivative factors"));
    factorChart_->setRenderHint(QPainter::Antialiasing);
    gradientLayout->addWidget(gradientChart_, 3);
    gradientLayout->addWidget(factorChart_, 2);
    tabs_->addTab(explained(tr("Backpropagation through time sends the loss's gradient back to "
                               "every input step: ‖∂L/∂h_t‖ is how much of it reaches position t "
                               "(log scale). Each step back multiplies it by the recurrent "
                               "Jacobian, whose factors tanh′ ≤ 1 and σ′ ≤ 0.25 shrink it — the "
                               "vanishing gradient — unless attention gives every position its "
                               "own short path to the loss."),
                            gradients),
                  tr("Gradients through &time"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(summary_);
    layout->addWidget(tabs_, 1);
}

// A view with its two-sentence explanation above it, scrolling when it is taller.
QWidget* LearnWindow::explained(const QString& text, QWidget* view) {
    auto* page = new QWidget;
    auto* note = new QLabel(text, page);
    note->setWordWrap(true);
    note->setFrameShape(QFrame::StyledPanel);
    note->setBackgroundRole(QPalette::AlternateBase);
    note->setAutoFillBackground(true);
    note->setMargin(6);
    auto* scroll = new QScrollArea(page);
    scroll->setWidget(view);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(note);
    layout->addWidget(scroll, 1);
    return page;
}

void LearnWindow::setModels(const QList<QPair<QString, QString>>& models, const QString& current) {
    models_->clear();
    for (const auto& [dir, name] : models)
        models_->addItem(name, dir);
    const int index = models_->findData(current);
    if (index >= 0) models_->setCurrentIndex(index);
}

void LearnWindow::setText(const QString& text, const QString& reference) {
    text_->setText(text);
    reference_->setText(reference);
}

bool LearnWindow::inspectNow() {
    if (watcher_->isRunning()) return false;  // the result on its way shows first
    const QString dir = models_->currentData().toString();
    if (dir.isEmpty()) {
        showError(tr("No model to inspect: train or import one first."));
        return false;
    }
    if (text_->text().trimmed().isEmpty()) {
        showError(tr("Type a sentence to run through the network."));
        return false;
    }
    error_.clear();
    inspect_->setEnabled(false);
    summary_->setText(tr("Running the sentence through %1…").arg(models_->currentText()));
    setTextColor(summary_, palette().color(QPalette::WindowText));
    const std::shared_ptr<ModelInspector> inspector = inspector_;
    const QString text = text_->text(), reference = reference_->text();
    watcher_->setFuture(QtConcurrent::run(
        [inspector, dir, text, reference] { return inspector->inspect(dir, text, reference); }));
    return true;
}

void LearnWindow::onFinished() {
    inspect_->setEnabled(true);
    InspectionOutcome outcome = watcher_->result();
    if (!outcome.error.isEmpty()) {
        showError(outcome.error);
        Q_EMIT failed(error_);
        return;
    }
    result_ = std::move(outcome.inspection);
    hasResult_ = true;
    showResult();
    Q_EMIT inspected();
}

void LearnWindow::showError(const QString& text) {
    error_ = text;
    summary_->setText(text);
    setTextColor(summary_, errorTextColor(palette()));
}

QString LearnWindow::errorText() const {
    return error_;
}

QStringList LearnWindow::sourcePieces() const {
    return toList(result_.sourcePieces);
}

void LearnWindow::showResult() {
    const NetworkInspection& r = result_;
    QStringList lines;
    const QString reference = QString::fromStdString(r.reference).toHtmlEscaped();
    lines << tr("<b>%1</b> %2 encoder, %3 attention · loss %4 on %5")
                 .arg(QString::fromStdString(r.cell).toUpper(),
                      r.bidirectional ? tr("bidirectional") : tr("one-directional"),
                      QString::fromStdString(r.attention))
                 .arg(r.gradients.loss, 0, 'f', 3)
                 .arg(r.referenceFrom == "greedy" ? tr("its own output “%1”").arg(reference)
                                                  : tr("the reference “%1”").arg(reference));
    for (const std::string& note : r.notes)
        lines << QString::fromStdString(note).toHtmlEscaped();
    summary_->setText(lines.join(QStringLiteral("<br>")));
    setTextColor(summary_, palette().color(QPalette::WindowText));
    fillUnrolled();
    fillGates();
    fillGradients();
}

void LearnWindow::fillUnrolled() {
    clearLayout(unrolled_);
    stateStrips_.clear();
    const QStringList pieces = sourcePieces();
    const QString cell = QString::fromStdString(result_.cell).toUpper();
    for (const RecurrenceTrace& trace : result_.encoder) {
        append(unrolled_,
               new QLabel(QStringLiteral("<b>%1</b> — h_t").arg(traceTitle(trace, false))));
        auto* strip = append(unrolled_, new StateStrip);
        strip->setData(trace.h, pieces, StateStrip::Scale::Signed);
        const bool backward = trace.direction == "backward";
        strip->setCells(true, cell, backward);
        strip->setProperty("backward", backward);
        stateStrips_ << strip;
    }
    unrolled_->addStretch(1);
    returnSequences_->setChecked(result_.decoderReads == "all_states");
    setReturnSequences(returnSequences_->isChecked());
}

// False: every column but each direction's last state fades (backward: the first position's).
void LearnWindow::setReturnSequences(bool all) {
    if (returnSequences_->isChecked() != all) returnSequences_->setChecked(all);
    for (StateStrip* strip : stateStrips_) {
        const int last = strip->property("backward").toBool() ? 0 : strip->steps() - 1;
        strip->setOnlyStep(all ? -1 : last);
    }
    const bool reads = result_.decoderReads == "all_states";
    returnNote_->setText(
        (all ? tr("Every state goes on: a stacked layer reads all of them, and attention picks "
                  "from all of them at every output step.")
             : tr("Only the last state goes on (the faded columns are dropped): the decoder "
                  "starts from it and never sees the others.")) +
        QLatin1Char(' ') +
        (reads ? tr("This model's decoder reads every state (it has attention).")
               : tr("This model's decoder reads only the final state (no attention).")));
}

void LearnWindow::fillGates() {
    clearLayout(gates_);
    gateStrips_.clear();
    const QStringList source = sourcePieces(), target = toList(result_.targetPieces);
    auto add = [this](const QString& title, const std::vector<std::vector<float>>& rows,
                      const QStringList& pieces, StateStrip::Scale scale) {
        append(gates_, caption(title));
        auto* strip = append(gates_, new StateStrip);
        strip->setData(rows, pieces, scale);
        gateStrips_ << strip;
    };
    auto addTrace = [&](const RecurrenceTrace& trace, bool decoder) {
        const QString title = traceTitle(trace, decoder);
        const QStringList& pieces = decoder ? target : source;
        if (trace.gates.empty())
            append(gates_,
                   new QLabel(
                       tr("<b>%1</b>: a plain RNN has no gates — every step overwrites h_t with "
                          "tanh(W x_t + U h_t−1).")
                           .arg(title)));
        for (const GateActivations& gate : trace.gates)
            add(QStringLiteral("<b>%1</b> — %2").arg(title, gateName(gate.name)), gate.values,
                pieces, StateStrip::Scale::Unit);
        if (!trace.c.empty())
            add(tr("<b>%1</b> — cell c_t (the LSTM's memory)").arg(title), trace.c, pieces,
                StateStrip::Scale::Signed);
    };
    for (const RecurrenceTrace& trace : result_.encoder)
        addTrace(trace, false);
    for (const RecurrenceTrace& trace : result_.decoder)
        addTrace(trace, true);
    gates_->addStretch(1);
}

void LearnWindow::fillGradients() {
    const GradientFlow& g = result_.gradients;
    const QStringList pieces = sourcePieces();
    const QPalette& pal = palette();
    auto* chart = newChart(
        pal,
        tr("‖∂L/∂h_t‖: the loss's gradient reaching each position (layer %1)").arg(g.layer + 1));
    chart->addSeries(series(tr("forward direction"), seriesColor(0), g.forward, 1e-12));
    if (!g.backward.empty())
        chart->addSeries(series(tr("backward direction"), seriesColor(1), g.backward, 1e-12));
    auto* x = pieceAxis(pieces);
    auto* y = new QLogValueAxis;
    y->setBase(10.0);
    y->setMinorTickCount(8);
    y->setLabelFormat(QStringLiteral("%.0e"));
    double lo = 1e300, hi = 1e-12;
    for (const std::vector<double>* norms : {&g.forward, &g.backward})
        for (double v : *norms) {
            lo = std::min(lo, std::max(v, 1e-12));
            hi = std::max(hi, v);
        }
    if (lo <= hi) y->setRange(lo / 2, hi * 2);  // a decade's margin is too much for flat curves
    y->setTitleText(tr("gradient norm (log)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    QChart* old = gradientChart_->chart();
    gradientChart_->setChart(chart);
    delete old;

    const RecurrenceTrace* top = nullptr;
    for (const RecurrenceTrace& t : result_.encoder)
        if (t.layer == g.layer && t.direction == "forward") top = &t;
    auto* factors = newChart(pal, tr("What each step back multiplies it by (forward direction)"));
    factors->addSeries(
        series(tr("‖∂h_t/∂h_t−1‖ (recurrent Jacobian)"), seriesColor(2), g.jacobianNorm));
    if (top) {
        factors->addSeries(series(tr("mean tanh′ (≤ 1)"), seriesColor(3), top->meanTanhDerivative));
        if (!top->meanSigmoidDerivative.empty())
            factors->addSeries(series(tr("mean σ′ of the gates (≤ 0.25)"), seriesColor(4),
                                      top->meanSigmoidDerivative));
    }
    auto* fx = pieceAxis(pieces);
    auto* fy = new QValueAxis;
    double most = 1.0;
    for (double v : g.jacobianNorm)
        most = std::max(most, v);
    fy->setRange(0.0, most * 1.1);
    factors->addAxis(fx, Qt::AlignBottom);
    factors->addAxis(fy, Qt::AlignLeft);
    for (QAbstractSeries* s : factors->series()) {
        s->attachAxis(fx);
        s->attachAxis(fy);
    }
    old = factorChart_->chart();
    factorChart_->setChart(factors);
    delete old;
}

QList<StateStrip*> LearnWindow::stateStrips() const {
    return stateStrips_;
}
QList<StateStrip*> LearnWindow::gateStrips() const {
    return gateStrips_;
}

QLineSeries* LearnWindow::gradientSeries(int direction) const {
    const auto all = gradientChart_->chart()->series();
    return direction < all.size() ? qobject_cast<QLineSeries*>(all.at(direction)) : nullptr;
}

}  // namespace dari
