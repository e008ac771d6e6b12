#include "ui/learn/learn_window.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
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
#include "ui/learn/bottleneck_view.h"
#include "ui/learn/cell_comparison.h"
#include "ui/learn/clipping_chart.h"
#include "ui/learn/decision_view.h"
#include "ui/learn/learn_charts.h"
#include "ui/learn/model_inspector.h"
#include "ui/learn/state_strip.h"
#include "ui/palette_colors.h"

namespace dari {

using learn::newChart;
using learn::pieceAxis;
using learn::seriesColor;

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
    gradientChart_->setMinimumHeight(300);  // the page scrolls rather than squeeze them
    factorChart_->setMinimumHeight(240);
    clipping_ = new ClippingChart(gradients);
    gradientLayout->addWidget(gradientChart_, 3);
    gradientLayout->addWidget(factorChart_, 2);
    gradientLayout->addWidget(clipping_, 2);
    gradientLayout->addWidget(caption(
        tr("<b>Side by side</b>: the same sentence through six tiny networks trained here — RNN, "
           "GRU and LSTM, solid with attention, dashed without.")));
    cells_ = new CellComparison(gradients);
    connect(cells_, &CellComparison::cellsReady, this, [this] {
        inspector_->forget();  // the loaded bundle may be one of them, now trained again
        addTinyCells();
    });
    gradientLayout->addWidget(cells_, 3);
    tabs_->addTab(explained(tr("Backpropagation through time sends the loss's gradient back to "
                               "every input step: ‖∂L/∂h_t‖ is how much of it reaches position t "
                               "(log scale). Each step back multiplies it by the recurrent "
                               "Jacobian, whose factors tanh′ ≤ 1 and σ′ ≤ 0.25 shrink it — the "
                               "vanishing gradient — unless attention gives every position its "
                               "own short path to the loss. The last chart is the other side, "
                               "from the model's own training: steps whose gradient norm rose "
                               "above the clipping threshold (exploding) were scaled down to it."),
                            gradients),
                  tr("Gradients through &time"));

    bottleneck_ = new BottleneckView;
    tabs_->addTab(explained(tr("A recurrent network must finish position t before it can start "
                               "t + 1, so a sentence twice as long takes twice as many steps one "
                               "after another, and extra cores have little to share within a "
                               "step. A Transformer computes every position of a layer in one "
                               "large matrix product, which is why attention-only networks "
                               "replaced recurrence where many cores are at hand."),
                            bottleneck_),
                  tr("Sequential &bottleneck"));

    decision_ = new DecisionView;
    decisionTab_ = tabs_->addTab(
        explained(tr("A classifier reads the whole sentence and gives one answer: many-to-one. "
                     "With attention pooling its decision rests on a weighted mean of every "
                     "step's state, and the bars show which steps count; with last-state pooling "
                     "(return_sequences=False) it rests on the final state alone, which has to "
                     "carry the whole sentence."),
                  decision_),
        tr("&Decision"));
    tabs_->setTabVisible(decisionTab_, false);  // a classifier's view

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

void LearnWindow::chooseModel(const QString& dir) {
    int index = models_->findData(dir);
    if (index < 0) {
        models_->addItem(QDir(dir).dirName(), dir);
        index = models_->count() - 1;
    }
    models_->setCurrentIndex(index);
}

void LearnWindow::setTinyCells(const QString& folder, const QString& train, const QString& dev,
                               const QString& missing) {
    cells_->setFolder(folder);
    cells_->setCorpus(train, dev, missing);
    addTinyCells();
}

// The tiny networks join the model list, so that every view can show them.
void LearnWindow::addTinyCells() {
    for (const QString& dir : cells_->trainedDirs()) {
        if (models_->findData(dir) >= 0) continue;
        const QString name = QDir(dir).dirName();
        const QString cell = name.section(QLatin1Char('-'), 0, 0).toUpper();
        models_->addItem(name.endsWith(QLatin1String("-none"))
                             ? tr("tiny %1, no attention").arg(cell)
                             : tr("tiny %1 + attention").arg(cell),
                         dir);
    }
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
    cells_->compare(text_->text());
    if (outcome.historyError.isEmpty())
        clipping_->setHistory(outcome.history);
    else
        clipping_->setMessage(outcome.historyError);
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

QString LearnWindow::summaryLine() const {
    const NetworkInspection& r = result_;
    const QString cell = QString::fromStdString(r.cell).toUpper();
    const QString direction = r.bidirectional ? tr("bidirectional") : tr("one-directional");
    const QString reference = QString::fromStdString(r.reference).toHtmlEscaped();
    if (r.task == "classify") {
        const QString predicted = QString::fromStdString(r.labels.at(r.predicted)).toHtmlEscaped();
        return tr("<b>%1</b> %2 classifier, %3 pooling · predicts “%4” (p %5) · loss %6 on %7")
            .arg(cell, direction, r.pooling == "attention" ? tr("attention") : tr("last-state"),
                 predicted)
            .arg(r.probabilities.at(r.predicted), 0, 'f', 2)
            .arg(r.gradients.loss, 0, 'f', 3)
            .arg(r.referenceFrom == "given" ? tr("the label “%1”").arg(reference)
                                            : tr("its predicted label"));
    }
    return tr("<b>%1</b> %2 encoder, %3 attention · loss %4 on %5")
        .arg(cell, direction, QString::fromStdString(r.attention))
        .arg(r.gradients.loss, 0, 'f', 3)
        .arg(r.referenceFrom == "greedy" ? tr("its own output “%1”").arg(reference)
                                         : tr("the reference “%1”").arg(reference));
}

void LearnWindow::showResult() {
    QStringList lines{summaryLine()};
    for (const std::string& note : result_.notes)
        lines << QString::fromStdString(note).toHtmlEscaped();
    summary_->setText(lines.join(QStringLiteral("<br>")));
    setTextColor(summary_, palette().color(QPalette::WindowText));
    fillUnrolled();
    fillGates();
    fillGradients();
    const bool classifier = result_.task == "classify";
    decision_->setInspection(result_);
    if (!classifier && tabs_->currentIndex() == decisionTab_) tabs_->setCurrentIndex(0);
    tabs_->setTabVisible(decisionTab_, classifier);
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
        (result_.task == "classify"
             ? (reads ? tr("This classifier's decision reads every state (attention pooling).")
                      : tr("This classifier's decision reads only the final state (last-state "
                           "pooling)."))
         : reads ? tr("This model's decoder reads every state (it has attention).")
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
    chart->addSeries(learn::lineSeries(tr("forward direction"), seriesColor(0), g.forward, 1e-12));
    if (!g.backward.empty())
        chart->addSeries(
            learn::lineSeries(tr("backward direction"), seriesColor(1), g.backward, 1e-12));
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
    learn::setDecades(y, lo, hi);
    y->setTitleText(tr("gradient norm (log)"));
    learn::setAxes(chart, x, y);
    learn::replaceChart(gradientChart_, chart);

    const RecurrenceTrace* top = nullptr;
    for (const RecurrenceTrace& t : result_.encoder)
        if (t.layer == g.layer && t.direction == "forward") top = &t;
    auto* factors = newChart(pal, tr("What each step back multiplies it by (forward direction)"));
    factors->addSeries(learn::lineSeries(tr("‖∂h_t/∂h_t−1‖ (recurrent Jacobian)"), seriesColor(2),
                                         g.jacobianNorm));
    if (top) {
        factors->addSeries(
            learn::lineSeries(tr("mean tanh′ (≤ 1)"), seriesColor(3), top->meanTanhDerivative));
        if (!top->meanSigmoidDerivative.empty())
            factors->addSeries(learn::lineSeries(tr("mean σ′ of the gates (≤ 0.25)"),
                                                 seriesColor(4), top->meanSigmoidDerivative));
    }
    auto* fx = pieceAxis(pieces);
    auto* fy = new QValueAxis;
    double most = 1.0;
    for (double v : g.jacobianNorm)
        most = std::max(most, v);
    fy->setRange(0.0, most * 1.1);
    learn::setAxes(factors, fx, fy);
    learn::replaceChart(factorChart_, factors);
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
