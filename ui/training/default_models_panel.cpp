#include "ui/training/default_models_panel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

#include "ui/palette_colors.h"
#include "ui/training/default_models_run.h"

namespace dari {

DefaultModelsPanel::DefaultModelsPanel(DefaultModelsRun* run, QWidget* parent)
    : QFrame(parent), run_(run) {
    setObjectName(QStringLiteral("defaultModelsPanel"));
    setFrameShape(QFrame::StyledPanel);
    auto* title = new QLabel(tr("<b>The default models</b> — trained side by side, one core "
                                "each, as <code>./run.sh models</code> does"),
                             this);
    auto* grid = new QGridLayout;
    rows_[int(DefaultModelsRun::Lane::KoEn)] =
        addRow(tr("ko-en (translation)"), QStringLiteral("koenProgress"));
    rows_[int(DefaultModelsRun::Lane::Chat)] =
        addRow(tr("chat-ko (chat)"), QStringLiteral("chatProgress"));
    for (int i = 0; i < 2; ++i) {
        grid->addWidget(rows_[i].name, i, 0);
        grid->addWidget(rows_[i].bar, i, 1);
        grid->addWidget(rows_[i].doing, i, 2);
    }
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(2, 3);
    eta_ = new QLabel(this);
    eta_->setObjectName(QStringLiteral("defaultModelsEta"));
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    stop_ = new QPushButton(tr("&Stop both"), this);
    stop_->setObjectName(QStringLiteral("stopDefaults"));
    stop_->setToolTip(
        tr("Each run saves a checkpoint; Continue (now or after restarting Dari) "
           "picks up where they stopped"));
    continue_ = new QPushButton(tr("&Continue"), this);
    continue_->setObjectName(QStringLiteral("continueDefaults"));
    connect(stop_, &QPushButton::clicked, run_, &DefaultModelsRun::stop);
    connect(continue_, &QPushButton::clicked, this, &DefaultModelsPanel::continueBoth);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(eta_, 1);
    buttons->addWidget(stop_);
    buttons->addWidget(continue_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(grid);
    layout->addWidget(status_);
    layout->addLayout(buttons);
    connect(run_, &DefaultModelsRun::progressChanged, this, &DefaultModelsPanel::refresh);
    connect(run_, &QObject::destroyed, this, &QObject::deleteLater);
    refresh();
}

DefaultModelsPanel::Row DefaultModelsPanel::addRow(const QString& name, const QString& objectName) {
    Row row;
    row.name = new QLabel(name, this);
    row.bar = new QProgressBar(this);
    row.bar->setObjectName(objectName);
    row.bar->setRange(0, 1000);
    row.bar->setFormat(QStringLiteral("%p%"));
    row.bar->setAccessibleName(tr("Progress of %1").arg(name));
    row.doing = new QLabel(this);
    return row;
}

void DefaultModelsPanel::refresh() {
    using State = DefaultModelsRun::State;
    for (int i = 0; i < 2; ++i) {
        const auto lane = DefaultModelsRun::Lane(i);
        rows_[i].bar->setValue(qRound(run_->laneFraction(lane) * 1000));
        rows_[i].doing->setText(run_->laneText(lane));
    }
    const double left = run_->secondsLeft();
    const State state = run_->state();
    if (state == State::Finished)
        eta_->setText(tr("Both models are ready."));
    else if (state != State::Running)
        eta_->clear();
    else if (left < 0)
        eta_->setText(tr("Estimating the time left…"));
    else
        eta_->setText(tr("Time left: about %1 min").arg(std::max(1, int(std::lround(left / 60)))));
    switch (state) {
        case State::Stopping:
            status_->setText(tr("Stopping: each run saves a checkpoint…"));
            break;
        case State::Stopped:
            status_->setText(
                tr("Paused. Continue picks up where they stopped — now, or after "
                   "restarting Dari (Train the default models on the welcome page)."));
            break;
        case State::Failed:
            status_->setText(run_->lastError());
            break;
        default:
            status_->clear();
    }
    status_->setVisible(!status_->text().isEmpty());
    setTextColor(status_, state == State::Failed ? errorTextColor(palette())
                                                 : palette().color(QPalette::WindowText));
    stop_->setEnabled(state == State::Running);
    continue_->setEnabled(state == State::Stopped || state == State::Failed);
}

void DefaultModelsPanel::continueBoth() {
    QString error;
    if (!run_->start(&error)) {
        status_->setText(error);
        status_->show();
        setTextColor(status_, errorTextColor(palette()));
    }
}

QString DefaultModelsPanel::text() const {
    QStringList lines;
    for (const Row& row : rows_)
        lines << QStringLiteral("%1 %2% %3")
                     .arg(row.name->text())
                     .arg(row.bar->value() / 10)
                     .arg(row.doing->text());
    lines << eta_->text() << status_->text();
    return lines.join(QLatin1Char('\n'));
}

}  // namespace dari
