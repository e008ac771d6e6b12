#include "ui/training/training_dashboard.h"

#include "ui/palette_colors.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

#include "model/training/train_events.h"

#include "ui/model_catalog.h"
#include "ui/text_table_model.h"
#include "ui/training/corpus_cleaning_preview.h"
#include "ui/training/run_folder.h"
#include "ui/training/training_charts.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_plan.h"

namespace dari {

namespace ev = train_events;

namespace {

QString clock(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("--:--");
    const qint64 s = qRound64(seconds);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2")
        .arg(s / 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

double number(const QJsonObject& e, const char* key) {
    return e.value(QLatin1String(key)).toDouble();
}
qint64 integer(const QJsonObject& e, const char* key) {
    return e.value(QLatin1String(key)).toVariant().toLongLong();
}

}  // namespace

TrainingDashboard::TrainingDashboard(QWidget* parent)
    : QWidget(parent), controller_(new TrainingController(this)) {
    setObjectName(QStringLiteral("trainingDashboard"));
    setWindowTitle(tr("Dari — Training"));
    buildUi();
    connect(controller_, &TrainingController::eventReceived, this, &TrainingDashboard::onEvent);
    connect(controller_, &TrainingController::stateChanged, this,
            &TrainingDashboard::onStateChanged);
    connect(controller_, &TrainingController::runStarted, this, &TrainingDashboard::onRunStarted);
    connect(controller_, &TrainingController::finished, this,
            [this](const QString& dir) { Q_EMIT modelTrained(dir, task_); });
    onStateChanged();
}

void TrainingDashboard::buildUi() {
    headline_ = new QLabel(tr("No training run yet."), this);
    headline_->setObjectName(QStringLiteral("headline"));
    QFont big = headline_->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    headline_->setFont(big);
    kindNote_ = new QLabel(this);
    kindNote_->setObjectName(QStringLiteral("kindNote"));
    kindNote_->setWordWrap(true);
    kindNote_->setFrameShape(QFrame::StyledPanel);
    kindNote_->setBackgroundRole(QPalette::AlternateBase);
    kindNote_->setAutoFillBackground(true);
    kindNote_->setMargin(6);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("trainingProgress"));
    progress_->setRange(0, 1000);
    progress_->setFormat(QStringLiteral("%p%"));
    stats_ = new QLabel(this);
    stats_->setObjectName(QStringLiteral("trainingStats"));
    stats_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    dataNote_ = new QLabel(this);
    dataNote_->setObjectName(QStringLiteral("dataNote"));
    dataNote_->setWordWrap(true);
    dataNote_->setTextFormat(Qt::RichText);
    dataNote_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    dataNote_->hide();
    devSets_ = new QLabel(this);
    devSets_->setObjectName(QStringLiteral("devSetScores"));
    devSets_->setWordWrap(true);
    devSets_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    devSets_->hide();
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("trainingStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    charts_ = new TrainingCharts(this);
    samples_ = new TextTableModel({tr("Source"), tr("Reference"), tr("Model output")}, this);
    samplesView_ = new QTableView(this);
    samplesView_->setObjectName(QStringLiteral("samples"));
    samplesView_->setModel(samples_);
    samplesView_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    samplesView_->verticalHeader()->setVisible(false);
    samplesView_->setWordWrap(true);
    samplesView_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    samplesView_->setMinimumHeight(90);
    samplesView_->setMaximumHeight(120);  // three samples: the charts get the rest

    stopButton_ = new QPushButton(tr("Pause / Stop"), this);
    stopButton_->setObjectName(QStringLiteral("stopTraining"));
    stopButton_->setToolTip(
        tr("Saves a checkpoint at the next step and stops; Resume continues the same run"));
    connect(stopButton_, &QPushButton::clicked, this, &TrainingDashboard::stop);
    resumeButton_ = new QPushButton(tr("Resume"), this);
    resumeButton_->setObjectName(QStringLiteral("resumeTraining"));
    resumeButton_->setToolTip(
        tr("Continue the interrupted run from its last checkpoint: same data, counters kept"));
    connect(resumeButton_, &QPushButton::clicked, this, &TrainingDashboard::resume);
    useButton_ = new QPushButton(tr("Use this model"), this);
    useButton_->setObjectName(QStringLiteral("useModel"));
    connect(useButton_, &QPushButton::clicked, this,
            [this] { Q_EMIT useModelRequested(controller_->outDir(), task_); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(stopButton_);
    buttons->addWidget(resumeButton_);
    buttons->addStretch();
    buttons->addWidget(useButton_);

    auto* layout = new QVBoxLayout(this);
    layout_ = layout;
    layout->addWidget(headline_);
    layout->addWidget(kindNote_);
    layout->addWidget(progress_);
    layout->addWidget(stats_);
    layout->addWidget(dataNote_);
    layout->addWidget(charts_, 3);
    layout->addWidget(devSets_);
    layout->addWidget(
        new QLabel(tr("<b>Sample outputs</b> on dev sentences at the last validation:"), this));
    layout->addWidget(samplesView_);
    layout->addWidget(status_);
    layout->addLayout(buttons);
    resize(1180, 760);
}

void TrainingDashboard::setPanel(QWidget* panel) {
    if (panel_ && panel_ != panel) panel_->hide();
    panel_ = panel;
    if (panel) {
        if (layout_->indexOf(panel) < 0) layout_->insertWidget(0, panel);
        panel->show();
    }
    for (QWidget* own :
         std::initializer_list<QWidget*>{stopButton_, resumeButton_, useButton_, status_})
        own->setVisible(!panel);  // the panel says how its runs stand
    if (!panel) runLabel_.clear();
}

QString TrainingDashboard::headline() const {
    return headline_->text() + QLatin1Char('\n') + kindNote_->text();
}
QString TrainingDashboard::statusText() const {
    return status_->text();
}

bool TrainingDashboard::startPlan(const TrainingPlan& plan) {
    QStringList args;
    QString error;
    if (controller_->isRunning())
        error = tr("A training run is already in progress.");
    else
        plan.arguments(&args, &error);
    if (!error.isEmpty()) {
        setStatus(error, true);
        return false;
    }
    task_ = plan.settings.task;
    resetProgress();
    return controller_->start(
        args, plan.outDir,
        plan.fineTune() ? TrainingController::Kind::FineTune : TrainingController::Kind::NewModel);
}

bool TrainingDashboard::resumeRun(const QString& dir, const QStringList& extra) {
    const RunFolder run = RunFolder::inspect(dir);
    if (controller_->isRunning()) {
        setStatus(tr("A training run is already in progress."), true);
        return false;
    }
    if (!run.resumable()) {
        setStatus(tr("%1 holds no interrupted run to continue.").arg(dir), true);
        return false;
    }
    task_ = ModelCatalog::inspect(run.dir).task;
    if (run.dir != QFileInfo(controller_->outDir()).absoluteFilePath() ||
        charts_->trainPoints() == 0)
        replayLog(run.dir);
    return controller_->resume(run.dir, extra);
}

void TrainingDashboard::stop() {
    controller_->stop();
}

void TrainingDashboard::resume() {
    if (!controller_->outDir().isEmpty()) resumeRun(controller_->outDir());
}

// The curves so far, from train_log.jsonl: a run continued after a restart shows its history.
void TrainingDashboard::replayLog(const QString& dir) {
    resetProgress();
    for (const QJsonObject& e : RunFolder::events(dir))
        onEvent(e);
}

void TrainingDashboard::onEvent(const QJsonObject& e) {
    const QString kind = e.value(QLatin1String(ev::kEvent)).toString();
    if (kind == QLatin1String(ev::kTrain))
        onTrain(e);
    else if (kind == QLatin1String(ev::kTick))
        showProgress(e);
    else if (kind == QLatin1String(ev::kDone))
        onDone(e);
    else if (kind == QLatin1String(ev::kValidation))
        onValidation(e);
    else if (kind == QLatin1String(ev::kResume))
        charts_->truncateAfter(integer(e, ev::kStep));
    else if (kind == QLatin1String(ev::kStart))
        onStart(e);
    else if (kind == QLatin1String(ev::kCleaning))
        onCleaning(e);
}

// " · 2 processes" for an event of a distributed run (dari train --nproc); older logs and
// single processes have no world size.
QString TrainingDashboard::processes(const QJsonObject& e) const {
    const qint64 world = integer(e, ev::kWorldSize);
    return world > 1 ? tr(" · %n processes", nullptr, int(world)) : QString();
}

void TrainingDashboard::onStart(const QJsonObject& e) {
    QString text = tr("%1 parameters · %2 training pairs · %3 dev pairs")
                       .arg(QLocale().toString(integer(e, ev::kParameters)))
                       .arg(QLocale().toString(integer(e, ev::kTrainPairs)))
                       .arg(QLocale().toString(integer(e, ev::kDevPairs)));
    // Why this is fewer than the wizard's count: pairs too long for the network are left out.
    if (const qint64 tooLong = integer(e, ev::kTooLong); tooLong > 0)
        text +=
            tr(" (%n more left out: longer than data.max_pieces pieces)", nullptr, int(tooLong));
    stats_->setText(text + processes(e));
    // Several corpora: how each epoch mixes them.
    const QJsonArray corpora = e.value(QLatin1String(ev::kCorpora)).toArray();
    mixText_.clear();
    if (corpora.size() > 1) {
        QStringList parts;
        for (const QJsonValue& v : corpora) {
            const QJsonObject c = v.toObject();
            parts << tr("%1 %2 (%3%)")
                         .arg(c.value(QLatin1String(ev::kName)).toString().toHtmlEscaped(),
                              QLocale().toString(integer(c, ev::kPerEpoch)))
                         .arg(100 * number(c, ev::kShare), 0, 'f', 0);
        }
        mixText_ = tr("<b>Each epoch mixes</b> %1 pairs.").arg(parts.join(QStringLiteral(" · ")));
    }
    dataNote_->setText(mixText_ + cleaningText_);
    dataNote_->setVisible(!dataNote_->text().isEmpty());
}

// What cleaning took out of each corpus; a rule that took much is said in the error colour.
void TrainingDashboard::onCleaning(const QJsonObject& e) {
    QStringList parts, warnings;
    const double share = number(e, ev::kWarnShare);
    for (const QJsonValue& v : e.value(QLatin1String(ev::kCorpora)).toArray()) {
        const QJsonObject c = v.toObject();
        const QString name = c.value(QStringLiteral("name")).toString();
        const qint64 read = integer(c, "read"), kept = integer(c, "kept");
        parts << tr("%1 kept %2 of %3")
                     .arg(name.toHtmlEscaped(), QLocale().toString(kept), QLocale().toString(read));
        const QJsonObject dropped = c.value(QStringLiteral("dropped")).toObject();
        for (auto it = dropped.begin(); it != dropped.end(); ++it)
            if (it.value().toDouble() > share * read)
                warnings << CleaningPreview::warning(name, it.key(), qint64(it.value().toDouble()),
                                                     read)
                                .toHtmlEscaped();
    }
    cleaningText_ = tr("<br><b>Cleaning</b> (cleaning.json in the run folder lists why, with "
                       "examples): %1.")
                        .arg(parts.join(QStringLiteral(" · ")));
    if (!warnings.isEmpty())
        cleaningText_ += QStringLiteral("<br><span style=\"color:%1\"><b>%2</b> %3</span>")
                             .arg(errorTextColor(palette()).name(), tr("Check the data:"),
                                  warnings.join(QStringLiteral("; ")));
    dataNote_->setText(mixText_ + cleaningText_);
    dataNote_->setVisible(true);
}

void TrainingDashboard::onTrain(const QJsonObject& e) {
    charts_->addTrain(integer(e, ev::kStep), number(e, ev::kTrainLoss), number(e, ev::kGradNorm));
    showProgress(e);
}

void TrainingDashboard::showProgress(const QJsonObject& e) {
    const qint64 step = integer(e, ev::kStep);
    const double fraction = qBound(0.0, number(e, ev::kProgress), 1.0);
    const double seconds = number(e, ev::kSeconds);
    progress_->setValue(int(fraction * 1000));
    const double eta = fraction > 0 ? seconds * (1 - fraction) / fraction : NAN;
    stats_->setText(tr("step %1 · epoch %2 · %3 tokens/s · loss %4 · lr %5 · best dev BLEU %6 · "
                       "elapsed %7 · ETA %8")
                        .arg(step)
                        .arg(number(e, ev::kEpoch), 0, 'f', 2)
                        .arg(QLocale().toString(number(e, ev::kTokensPerSecond), 'f', 0))
                        .arg(number(e, ev::kTrainLoss), 0, 'f', 3)
                        .arg(number(e, ev::kLearningRate), 0, 'g', 3)
                        .arg(bestBleu_, 0, 'f', 2)
                        .arg(clock(seconds), clock(eta)) +
                    processes(e));
}

void TrainingDashboard::onDone(const QJsonObject& e) {
    progress_->setValue(progress_->maximum());
    // The best score is BLEU unless train.best_by chose chrF (then the validations' BLEU counts).
    if (!e.value(QLatin1String(ev::kBestBy)).toString().startsWith(QLatin1String("chrf")))
        bestBleu_ = std::max(bestBleu_, number(e, ev::kBestDevBleu));
    QString text = tr("finished: step %1 · %2 epochs · best dev BLEU %3 · %4 of training")
                       .arg(integer(e, ev::kStep))
                       .arg(integer(e, ev::kEpoch))
                       .arg(bestBleu_, 0, 'f', 2)
                       .arg(clock(number(e, ev::kSeconds)));
    stats_->setText(text + processes(e));
}

void TrainingDashboard::resetProgress() {
    progress_->setValue(0);
    stats_->clear();
    charts_->clear();
    samples_->setRows({});
    bestBleu_ = 0.0;
    mixText_.clear();
    cleaningText_.clear();
    dataNote_->clear();
    dataNote_->hide();
    devSets_->clear();
    devSets_->hide();
}

void TrainingDashboard::onValidation(const QJsonObject& e) {
    const qint64 step = integer(e, ev::kStep);
    const double bleu = number(e, ev::kDevBleu);
    QList<QPair<QString, double>> sets;
    QStringList scores;
    for (const QJsonValue& v : e.value(QLatin1String(ev::kDevSets)).toArray()) {
        const QJsonObject s = v.toObject();
        const QString name = s.value(QLatin1String(ev::kName)).toString();
        sets.append({name, number(s, ev::kDevBleu)});
        scores << tr("%1 %2 / %3")
                      .arg(name)
                      .arg(number(s, ev::kDevBleu), 0, 'f', 2)
                      .arg(number(s, ev::kDevChrf), 0, 'f', 2);
    }
    charts_->addValidation(step, number(e, ev::kDevLoss), bleu, sets);
    if (sets.size() > 1) {
        devSets_->setText(tr("Dev sets at step %1 (BLEU / chrF): %2; %3 picks the best checkpoint")
                              .arg(step)
                              .arg(scores.join(QStringLiteral(" · ")),
                                   e.value(QLatin1String(ev::kBestBy)).toString()));
        devSets_->show();
    }
    bestBleu_ = std::max(bestBleu_, bleu);
    QList<QStringList> rows;
    for (const QJsonValue& v : e.value(QLatin1String(ev::kSamples)).toArray()) {
        const QJsonObject s = v.toObject();
        rows.append({s.value(QLatin1String(ev::kSource)).toString(),
                     s.value(QLatin1String(ev::kReference)).toString(),
                     s.value(QLatin1String(ev::kOutput)).toString()});
    }
    samples_->setRows(rows);
    samplesView_->resizeRowsToContents();
    samplesStep_ = step;
}

void TrainingDashboard::onRunStarted() {
    const QString name =
        runLabel_.isEmpty() ? QFileInfo(controller_->outDir()).fileName() : runLabel_;
    switch (controller_->kind()) {
        case TrainingController::Kind::NewModel:
            headline_->setText(tr("Training a new model: %1").arg(name));
            kindNote_->setText(
                tr("<b>New model</b> — new vocabularies and a new network, trained from scratch on "
                   "the "
                   "imported data."));
            break;
        case TrainingController::Kind::FineTune:
            headline_->setText(tr("Fine-tuning on new data: %1").arg(name));
            kindNote_->setText(
                tr("<b>Fine-tune</b> — starts from an existing model's network and vocabularies "
                   "and trains "
                   "it on <i>new data</i>. The step counter, best score and learning-rate schedule "
                   "start "
                   "over. The original model is not changed."));
            break;
        case TrainingController::Kind::Continue:
            headline_->setText(tr("Continuing an interrupted run: %1").arg(name));
            kindNote_->setText(
                tr("<b>Continue an interrupted run</b> — the <i>same data and settings</i>; the "
                   "step "
                   "counter, best score, learning rate and optimizer state are kept from the last "
                   "checkpoint (step %1).")
                    .arg(RunFolder::inspect(controller_->outDir()).checkpointStep));
            break;
    }
}

void TrainingDashboard::onStateChanged() {
    using State = TrainingController::State;
    const State state = controller_->state();
    stopButton_->setEnabled(state == State::Running);
    const bool canResume = (state == State::Interrupted || state == State::Failed) &&
                           RunFolder::inspect(controller_->outDir()).resumable();
    resumeButton_->setEnabled(canResume);
    useButton_->setEnabled(state == State::Finished);
    switch (state) {
        case State::Idle:
            setStatus(tr("Import a corpus to start (File ▸ Train a model…)."));
            break;
        case State::Running:
            setStatus(
                tr("Training in a separate process — the window stays responsive. Closing Dari "
                   "pauses the run "
                   "with a checkpoint."));
            break;
        case State::Stopping:
            setStatus(tr("Stopping: saving a checkpoint at the next step…"));
            break;
        case State::Interrupted:
            setStatus(tr("Paused at step %1 with a checkpoint. Resume continues this run (same "
                         "data, counters kept) — "
                         "now, or after restarting Dari (File ▸ Continue interrupted training…).")
                          .arg(controller_->step()));
            break;
        case State::Finished:
            progress_->setValue(progress_->maximum());
            if (bestBleu_ < kUsableDevBleu)
                setStatus(tr("Finished at step %1, best dev BLEU %2: not usable yet — its output "
                             "is still mostly noise. Train longer (a larger time or epoch "
                             "budget), or on more pairs.")
                              .arg(controller_->step())
                              .arg(bestBleu_, 0, 'f', 2),
                          true);
            else
                setStatus(tr("Finished at step %1, best dev BLEU %2. The model is now in the model "
                             "picker.")
                              .arg(controller_->step())
                              .arg(bestBleu_, 0, 'f', 2));
            break;
        case State::Failed:
        case State::Diverged:  // the message says why and what to change
            setStatus(controller_->lastError(), true);
            Q_EMIT errorShown(controller_->lastError());
            break;
    }
}

void TrainingDashboard::setStatus(const QString& text, bool error) {
    status_->setText(text);
    QFont font = status_->font();
    font.setBold(error);
    status_->setFont(font);
    setTextColor(status_,
                 error ? errorTextColor(palette()) : palette().color(QPalette::WindowText));
}

}  // namespace dari
