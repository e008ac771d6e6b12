#include "ui/learn/cell_comparison.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

#include "model/bundle/bundle.h"
#include "ui/learn/learn_charts.h"
#include "ui/palette_colors.h"

namespace dari {

namespace {

QString cellTitle(const std::string& folderName) {
    const QString name = QString::fromStdString(folderName);
    const QString cell = name.section(QLatin1Char('-'), 0, 0).toUpper();
    return name.endsWith(QLatin1String("-none")) ? CellComparison::tr("%1, no attention").arg(cell)
                                                 : CellComparison::tr("%1 + attention").arg(cell);
}

}  // namespace

CellComparison::CellComparison(QWidget* parent)
    : QWidget(parent),
      stop_(std::make_shared<std::atomic<bool>>(false)),
      progress_(std::make_shared<TinyCellsProgress>()),
      progressMutex_(std::make_shared<std::mutex>()) {
    trainer_ = new QFutureWatcher<QString>(this);
    connect(trainer_, &QFutureWatcher<QString>::finished, this, &CellComparison::onTrained);
    comparer_ = new QFutureWatcher<Compared>(this);
    connect(comparer_, &QFutureWatcher<Compared>::finished, this, &CellComparison::onCompared);
    trainButton_ =
        new QPushButton(tr("&Train a tiny RNN, GRU and LSTM here (about a minute)"), this);
    trainButton_->setObjectName(QStringLiteral("trainTinyCells"));
    connect(trainButton_, &QPushButton::clicked, this, &CellComparison::train);
    bar_ = new QProgressBar(this);
    bar_->setRange(0, 1000);
    bar_->setVisible(false);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("tinyCellsStatus"));
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::RichText);
    status_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    chart_ = new QChartView(this);
    chart_->setObjectName(QStringLiteral("cellComparisonChart"));
    chart_->setAccessibleName(tr("Gradient norm per position for each tiny network"));
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumHeight(320);
    auto* row = new QHBoxLayout;
    row->addWidget(trainButton_);
    row->addWidget(bar_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(status_);
    layout->addWidget(chart_, 1);
    auto* poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this] {
        if (!training()) return;
        TinyCellsProgress p;
        {
            const std::lock_guard<std::mutex> lock(*progressMutex_);
            p = *progress_;
        }
        if (p.total == 0) return;
        bar_->setValue(int(1000.0 * (p.done + p.fraction) / p.total));
        if (!p.training.empty())
            setStatus(tr("Training %1 (network %2 of %3)…")
                          .arg(cellTitle(p.training))
                          .arg(p.done + 1)
                          .arg(p.total));
    });
    poll->start(200);
}

CellComparison::~CellComparison() {
    stop_->store(true);
    trainer_->waitForFinished();
    comparer_->waitForFinished();
}

void CellComparison::setFolder(const QString& dir) {
    folder_ = dir;
    const bool all = trainedDirs().size() == int(tinyCells().size());
    trainButton_->setText(all ? tr("&Train the tiny networks again")
                              : tr("&Train a tiny RNN, GRU and LSTM here (about a minute)"));
    if (!training())
        setStatus(all ? tr("Six tiny networks trained here compare their gradients on your "
                           "sentence below.")
                      : tr("Train six tiny networks — RNN, GRU and LSTM, each with and without "
                           "attention, the same steps on the same sentences — to compare their "
                           "gradients through time on your sentence."));
}

void CellComparison::setCorpus(const QString& train, const QString& dev, const QString& missing) {
    train_ = train;
    dev_ = dev;
    missing_ = missing;
}

QStringList CellComparison::trainedDirs() const {
    QStringList out;
    if (folder_.isEmpty()) return out;
    for (const std::string& dir : trainedTinyCells(folder_.toStdString()))
        out << QString::fromStdString(dir);
    return out;
}

bool CellComparison::training() const {
    return trainer_->isRunning();
}

void CellComparison::setStatus(const QString& text, bool error) {
    status_->setText(text);
    setTextColor(status_,
                 error ? errorTextColor(palette()) : palette().color(QPalette::WindowText));
}

QString CellComparison::statusText() const {
    return status_->text();
}

bool CellComparison::train() {
    if (training()) return false;
    if (train_.isEmpty() || folder_.isEmpty()) {
        setStatus(missing_.isEmpty() ? tr("No corpus to train the tiny networks on.") : missing_,
                  true);
        return false;
    }
    // "Again": the old networks go first.
    if (trainedDirs().size() == int(tinyCells().size()))
        for (const QString& dir : trainedDirs())
            QDir(dir).removeRecursively();
    stop_->store(false);
    {
        const std::lock_guard<std::mutex> lock(*progressMutex_);
        *progress_ = {};
    }
    trainButton_->setEnabled(false);
    bar_->setValue(0);
    bar_->setVisible(true);
    setStatus(tr("Reading %1…").arg(QDir::toNativeSeparators(train_)));
    const std::string trainPath = train_.toStdString(), devPath = dev_.toStdString(),
                      dir = folder_.toStdString();
    auto stop = stop_;
    auto progress = progress_;
    auto mutex = progressMutex_;
    trainer_->setFuture(QtConcurrent::run([=]() -> QString {
        try {
            ReadOptions lenient;
            lenient.skipInvalid = true;
            const Corpus train = readTsv(trainPath, lenient), dev = readTsv(devPath, lenient);
            trainTinyCells(
                train.pairs, dev.pairs, dir,
                [&](const TinyCellsProgress& p) {
                    const std::lock_guard<std::mutex> lock(*mutex);
                    *progress = p;
                },
                stop.get());
            return {};
        } catch (const std::exception& e) {
            return QString::fromUtf8(e.what());
        }
    }));
    return true;
}

void CellComparison::stop() {
    stop_->store(true);
}

void CellComparison::onTrained() {
    const QString error = trainer_->result();
    trainButton_->setEnabled(true);
    bar_->setVisible(false);
    setFolder(folder_);  // the button's text and the status line
    if (!error.isEmpty()) {
        setStatus(tr("The tiny networks could not be trained: %1").arg(error), true);
        return;
    }
    Q_EMIT cellsReady();
    if (!pendingText_.isEmpty()) compare(pendingText_);
}

bool CellComparison::compare(const QString& text) {
    pendingText_ = text;
    if (comparer_->isRunning() || training()) return false;  // done after: onTrained
    const QStringList dirs = trainedDirs();
    if (dirs.isEmpty() || text.trimmed().isEmpty()) return false;
    std::vector<std::string> paths;
    for (const QString& d : dirs)
        paths.push_back(d.toStdString());
    const std::string sentence = text.trimmed().toStdString();
    comparer_->setFuture(QtConcurrent::run([paths, sentence]() {
        Compared out;
        try {
            for (const std::string& path : paths) {
                const Bundle bundle = Bundle::load(path);
                out.inspections.push_back(inspectNetwork(bundle, sentence));
                out.names.push_back(std::filesystem::path(path).filename().string());
            }
        } catch (const std::exception& e) {
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    }));
    return true;
}

void CellComparison::onCompared() {
    Compared result = comparer_->result();
    if (!result.error.isEmpty()) {
        setStatus(result.error, true);
        return;
    }
    inspections_ = std::move(result.inspections);
    names_ = std::move(result.names);
    showComparison();
    Q_EMIT compared();
}

void CellComparison::showComparison() {
    auto* chart = learn::newChart(
        palette(), tr("‖∂L/∂h_t‖ of the forward direction: the six tiny networks on one sentence"));
    QStringList pieces;
    double lo = 1e300, hi = 1e-12;
    for (size_t n = 0; n < inspections_.size(); ++n) {
        const NetworkInspection& r = inspections_[n];
        if (pieces.isEmpty())
            for (const std::string& p : r.sourcePieces)
                pieces << QString::fromStdString(p);
        auto* s = learn::lineSeries(cellTitle(names_[n]), learn::seriesColor(int(n / 2)),
                                    r.gradients.forward, 1e-12);
        if (r.attention == "none") {
            QPen pen = s->pen();
            pen.setStyle(Qt::DashLine);
            s->setPen(pen);
        }
        chart->addSeries(s);
        for (double v : r.gradients.forward) {
            lo = std::min(lo, std::max(v, 1e-12));
            hi = std::max(hi, v);
        }
    }
    auto* x = learn::pieceAxis(pieces);
    auto* y = new QLogValueAxis;
    y->setBase(10.0);
    y->setMinorTickCount(8);
    y->setLabelFormat(QStringLiteral("%.0e"));
    y->setTitleText(tr("gradient norm (log)"));
    learn::setDecades(y, lo, hi);
    learn::setAxes(chart, x, y);
    learn::replaceChart(chart_, chart);
    // What the curves say, measured: the first position's share of the last one's gradient,
    // one line without attention and one with (unwrapped: a wrapped label in a scrolled page
    // shows one line).
    QStringList without, with;
    for (size_t n = 0; n < inspections_.size(); ++n) {
        const auto& g = inspections_[n].gradients.forward;
        if (g.size() < 2 || g.back() <= 0) continue;
        (inspections_[n].attention == "none" ? without : with)
            << tr("%1 %2").arg(cellTitle(names_[n])).arg(g.front() / g.back(), 0, 'g', 2);
    }
    status_->setWordWrap(false);
    setStatus(tr("The first position gets this share of the gradient the last one gets:") +
              QStringLiteral("<br>") + without.join(QStringLiteral(" · ")) +
              QStringLiteral("<br>") + with.join(QStringLiteral(" · ")));
}

QList<QLineSeries*> CellComparison::series() const {
    QList<QLineSeries*> out;
    if (chart_->chart())
        for (QAbstractSeries* s : chart_->chart()->series())
            out << qobject_cast<QLineSeries*>(s);
    return out;
}

}  // namespace dari
