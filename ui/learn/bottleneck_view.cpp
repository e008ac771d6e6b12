#include "ui/learn/bottleneck_view.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent>

#include <algorithm>

#include "model/runtime.h"
#include "ui/learn/learn_charts.h"

namespace dari {

BottleneckView::BottleneckView(QWidget* parent)
    : QWidget(parent),
      networks_(bottleneckContenders()),
      stop_(std::make_shared<std::atomic<bool>>(false)),
      done_(std::make_shared<std::atomic<int>>(0)) {
    watcher_ = new QFutureWatcher<std::vector<StepTiming>>(this);
    connect(watcher_, &QFutureWatcher<std::vector<StepTiming>>::finished, this,
            &BottleneckView::onFinished);
    measure_ = new QPushButton(tr("&Measure on this computer"), this);
    measure_->setObjectName(QStringLiteral("bottleneckMeasure"));
    connect(measure_, &QPushButton::clicked, this, &BottleneckView::measure);
    progress_ = new QProgressBar(this);
    progress_->setVisible(false);
    findings_ = new QLabel(tr("Each network is timed with random weights on made-up sentences of "
                              "each length: one training step (forward and backward) for one "
                              "sentence pair, on one thread and on all of them."),
                           this);
    findings_->setObjectName(QStringLiteral("bottleneckFindings"));
    findings_->setWordWrap(true);
    findings_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    findings_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    chart_ = new QChartView(this);
    chart_->setObjectName(QStringLiteral("bottleneckChart"));
    chart_->setAccessibleName(tr("Training step time against sentence length"));
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumHeight(320);
    auto* row = new QHBoxLayout;
    row->addWidget(measure_);
    row->addWidget(progress_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(findings_);
    layout->addWidget(chart_, 1);
    auto* poll = new QTimer(this);  // the worker counts points; the GUI shows them
    connect(poll, &QTimer::timeout, this, [this] {
        if (running()) progress_->setValue(done_->load());
    });
    poll->start(150);
}

BottleneckView::~BottleneckView() {
    stop_->store(true);
    watcher_->waitForFinished();
}

void BottleneckView::setNetworks(std::vector<TimedNetwork> networks, StepTimingOptions options) {
    networks_ = std::move(networks);
    options_ = std::move(options);
}

bool BottleneckView::running() const {
    return watcher_->isRunning();
}

bool BottleneckView::measure() {
    if (running()) return false;
    stop_->store(false);
    done_->store(0);
    measure_->setEnabled(false);
    progress_->setRange(0, int(networks_.size() * options_.lengths.size() * 2));
    progress_->setValue(0);
    progress_->setVisible(true);
    findings_->setText(tr("Measuring… (%1 networks × %2 lengths, on 1 and on %3 threads)")
                           .arg(networks_.size())
                           .arg(options_.lengths.size())
                           .arg(std::max(1, configuredThreads())));
    auto networks = networks_;
    auto options = options_;
    auto stop = stop_;
    auto done = done_;
    watcher_->setFuture(QtConcurrent::run([networks, options, stop, done] {
        return timeSteps(
            networks, options, [done](int n, int) { done->store(n); }, stop.get());
    }));
    return true;
}

void BottleneckView::onFinished() {
    timings_ = watcher_->result();
    measure_->setEnabled(true);
    measure_->setText(tr("&Measure again"));
    progress_->setVisible(false);
    showTimings();
    Q_EMIT measured();
}

QString BottleneckView::findings() const {
    return findings_->text();
}

void BottleneckView::showTimings() {
    const auto& lengths = options_.lengths;
    const int threads = std::max(1, configuredThreads());
    QStringList lines;
    for (const StepTiming& t : timings_) {
        const size_t last = lengths.size() - 1;
        lines << tr("<b>%1</b> (%2 M parameters): %3 ms at %4 pieces, ×%5 the time at %6; "
                    "%7 positions one after another; %8 threads: ×%9")
                     .arg(QString::fromStdString(t.name))
                     .arg(double(t.parameters) / 1e6, 0, 'f', 2)
                     .arg(t.msOneThread[last], 0, 'f', 1)
                     .arg(lengths[last])
                     .arg(t.msOneThread[last] / t.msOneThread[0], 0, 'f', 1)
                     .arg(lengths[0])
                     .arg(t.sequentialSteps[last])
                     .arg(threads)
                     .arg(t.msOneThread[last] / t.msAllThreads[last], 0, 'f', 2);
    }
    // One line per network, unwrapped: a word-wrapped label in a scrolled page shows one line.
    findings_->setWordWrap(false);
    findings_->setText(lines.join(QStringLiteral("<br>")));

    auto* chart = learn::newChart(
        palette(), tr("One training step (one sentence pair) against its length: solid one "
                      "thread, dashed %1")
                       .arg(threads));
    double hi = 0;
    for (size_t n = 0; n < timings_.size(); ++n) {
        const StepTiming& t = timings_[n];
        for (const bool all : {false, true}) {
            const auto& ms = all ? t.msAllThreads : t.msOneThread;
            auto* s = new QLineSeries;
            s->setName(all ? tr("%1, %2 threads").arg(QString::fromStdString(t.name)).arg(threads)
                           : QString::fromStdString(t.name));
            QPen pen(learn::seriesColor(int(n)));
            pen.setWidthF(2.0);
            if (all) pen.setStyle(Qt::DashLine);
            s->setPen(pen);
            s->setPointsVisible(true);
            for (size_t i = 0; i < ms.size(); ++i) {
                s->append(double(lengths[i]), ms[i]);
                hi = std::max(hi, ms[i]);
            }
            chart->addSeries(s);
        }
    }
    auto* x = new QValueAxis;
    x->setRange(0, double(lengths.back()));
    x->setTickCount(5);
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(tr("sentence length (pieces, source and target)"));
    auto* y = new QValueAxis;  // linear: twice the length, twice the time, is a straight line
    y->setRange(0.0, std::max(hi, 1e-3) * 1.1);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%g"));
    y->setTitleText(tr("milliseconds per step"));
    learn::setAxes(chart, x, y);
    learn::replaceChart(chart_, chart);
}

QList<QLineSeries*> BottleneckView::series() const {
    QList<QLineSeries*> out;
    for (QAbstractSeries* s : chart_->chart()->series())
        out << qobject_cast<QLineSeries*>(s);
    return out;
}

}  // namespace dari
