#include "ui/training/corpus_report_page.h"

#include "ui/palette_colors.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "data/split.h"
#include "model/bundle/config.h"
#include "ui/text_table_model.h"
#include "ui/training/corpus_file_page.h"

namespace dari {

namespace {

constexpr int kMaxIssuesShown = 2000;

QTableView* makeTable(TextTableModel* model, const QString& name, QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->setVisible(false);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    return view;
}

QString stats(const LengthStats& s) {
    return QCoreApplication::translate("CorpusReportPage", "%1–%2 characters, mean %3, median %4")
        .arg(s.min)
        .arg(s.max)
        .arg(s.mean, 0, 'f', 1)
        .arg(s.median);
}

}  // namespace

CorpusReportPage::CorpusReportPage(CorpusFilePage* files, QWidget* parent)
    : QWizardPage(parent), files_(files) {
    setTitle(tr("Check the corpus"));
    setSubTitle(tr("Read with the same rules as training: UTF-8, NFC, trimmed, at most %1 "
                   "characters a side.")
                    .arg(DataConfig().maxChars));
    report_ = new QLabel(this);
    report_->setObjectName(QStringLiteral("report"));
    report_->setWordWrap(true);
    report_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    busy_ = new QProgressBar(this);
    busy_->setRange(0, 0);
    busy_->setMaximumHeight(12);
    preview_ = new TextTableModel({tr("Source"), tr("Target")}, this);
    issues_ = new TextTableModel({tr("Line"), tr("Problem"), tr("Details")}, this);
    auto* previewView = makeTable(preview_, QStringLiteral("preview"), this);
    previewView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    issuesView_ = makeTable(issues_, QStringLiteral("issues"), this);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(previewView);
    split->addWidget(issuesView_);
    skip_ = new QCheckBox(this);
    skip_->setObjectName(QStringLiteral("skipInvalid"));
    connect(skip_, &QCheckBox::toggled, this, &QWizardPage::completeChanged);
    dedupe_ = new QCheckBox(this);
    dedupe_->setObjectName(QStringLiteral("removeDuplicates"));
    dedupe_->setChecked(true);
    connect(dedupe_, &QCheckBox::toggled, this, [this] { report_->setText(reportHtml()); });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(busy_);
    layout->addWidget(report_);
    layout->addWidget(split, 1);
    layout->addWidget(skip_);
    layout->addWidget(dedupe_);
    connect(&watcher_, &QFutureWatcher<Result>::finished, this, &CorpusReportPage::showResult);
}

void CorpusReportPage::initializePage() {
    const CorpusSource train = files_->source(), dev = files_->devSource();
    const QList<CorpusSource> more = files_->moreSources();
    hasDev_ = !dev.isEmpty();
    const int maxChars = DataConfig().maxChars;
    train_ = dev_ = CorpusCheck();
    more_.clear();
    cleaning_ = CleaningPreview();
    preview_->setRows({});
    issues_->setRows({});
    report_->setText(tr("Checking %1…").arg(train.displayName()));
    busy_->show();
    skip_->hide();
    dedupe_->hide();
    Q_EMIT completeChanged();
    if (watcher_.isRunning()) {  // Back, then Next: check again once the last check ends
        recheck_ = true;
        return;
    }
    // The task holds copies only: it never touches the page, which never waits for it.
    watcher_.setFuture(QtConcurrent::run([train, more, dev, maxChars] {
        Result r;
        // Training pairs over the limit are dropped by cleaning (counted below), as dari train
        // does; only a dev set's are invalid.
        r.train = CorpusCheck::run(train, 0);
        for (const CorpusSource& corpus : more)
            r.more.append(CorpusCheck::run(corpus, 0, 0));
        if (!dev.isEmpty()) r.dev = CorpusCheck::run(dev, maxChars, 0);
        r.cleaning = CleaningPreview::run(QList<CorpusSource>{train} + more, dev);
        return r;
    }));
    Q_EMIT completeChanged();
}

void CorpusReportPage::showResult() {
    if (recheck_) {
        recheck_ = false;
        initializePage();
        return;
    }
    const Result r = watcher_.result();
    train_ = r.train;
    dev_ = r.dev;
    more_ = r.more;
    cleaning_ = r.cleaning;
    busy_->hide();
    QList<QStringList> rows;
    for (const auto& [source, target] : train_.preview)
        rows.append({source, target});
    preview_->setRows(rows);
    rows.clear();
    QList<const CorpusCheck*> checks{&train_, &dev_};
    for (const CorpusCheck& check : more_)
        checks.append(&check);
    for (const CorpusCheck* check : checks)
        for (const auto& issue : check->issues) {
            if (rows.size() >= kMaxIssuesShown) break;
            rows.append({QStringLiteral("%1:%2").arg(issue.file).arg(issue.line), issue.kind,
                         issue.message});
        }
    // A few of the pairs each cleaning rule will drop, so that a user sees what they are.
    for (const CleanReport& report : cleaning_.reports)
        for (const auto& [rule, examples] : report.examples)
            for (const auto& e : examples)
                rows.append(
                    {QStringLiteral("%1:%2").arg(QString::fromStdString(report.corpus)).arg(e.line),
                     tr("cleaning: %1")
                         .arg(CleaningPreview::ruleLabel(QString::fromUtf8(ruleName(rule)))),
                     QString::fromStdString(e.source + " | " + e.target)});
    issues_->setRows(rows);
    issuesView_->resizeColumnsToContents();
    int invalid = train_.invalidPairs + dev_.invalidPairs;
    for (const CorpusCheck& check : more_)
        invalid += check.invalidPairs;
    skip_->setText(tr("Skip the %1 invalid pairs listed above when training (or go Back and choose "
                      "or fix the file)")
                       .arg(invalid));
    skip_->setVisible(invalid > 0);
    dedupe_->setText(tr("Remove the %1 duplicate pairs before training").arg(train_.duplicates));
    dedupe_->setVisible(train_.duplicates > 0);
    report_->setText(reportHtml());
    Q_EMIT completeChanged();
    Q_EMIT checked();
}

QString CorpusReportPage::reportHtml() const {
    if (!train_.readable())
        return tr("<b style='color:%2'>Cannot use this corpus:</b> %1")
            .arg(train_.error.toHtmlEscaped(), errorTextColor(palette()).name());
    const QLocale locale;
    const int usable = train_.usablePairs(removeDuplicates());
    QString html =
        tr("<b>%1</b><br>Source: %2<br>Target: %3<br>")
            .arg(train_.summary().toHtmlEscaped(), stats(train_.srcChars), stats(train_.tgtChars));
    if (hasDev_) {
        html += dev_.readable()
                    ? tr("Dev set: %1 (given)").arg(dev_.summary().toHtmlEscaped())
                    : tr("<b style='color:%2'>Dev set unusable:</b> %1")
                          .arg(dev_.error.toHtmlEscaped(), errorTextColor(palette()).name());
    } else {
        const DataConfig d;
        const auto devCount = std::min<std::size_t>(
            devCountFromFraction(std::size_t(usable), d.devFraction), std::size_t(d.maxDevPairs));
        html += tr("Dev set: %1 pairs split off automatically (%2%, at most %3); %4 pairs left to "
                   "train on, less any too long for the network (the training dashboard counts "
                   "them).")
                    .arg(locale.toString(qulonglong(devCount)))
                    .arg(d.devFraction * 100)
                    .arg(d.maxDevPairs)
                    .arg(locale.toString(qulonglong(usable - int(devCount))));
    }
    for (const CorpusCheck& check : more_)
        html += QStringLiteral("<br>") +
                (check.readable()
                     ? tr("Mixed in: %1").arg(check.summary().toHtmlEscaped())
                     : tr("<b style='color:%2'>Cannot use a corpus to mix in:</b> %1")
                           .arg(check.error.toHtmlEscaped(), errorTextColor(palette()).name()));
    if (!cleaning_.reports.isEmpty()) {
        QStringList parts;
        for (const CleanReport& report : cleaning_.reports)
            parts << QStringLiteral("%1: %2").arg(
                QString::fromStdString(report.corpus).toHtmlEscaped(),
                CleaningPreview::summary(report).toHtmlEscaped());
        html +=
            tr("<br><b>Cleaning</b> before training%1: %2.")
                .arg(cleaning_.sameLanguage ? tr(" (both sides Korean: a chat corpus)") : QString(),
                     parts.join(QStringLiteral("; ")));
        if (!cleaning_.warnings.isEmpty())
            html += QStringLiteral("<br><b style='color:%1'>%2</b> %3")
                        .arg(errorTextColor(palette()).name(), tr("Check the data:"),
                             cleaning_.warnings.join(QStringLiteral("; ")).toHtmlEscaped());
    }
    if (!train_.issues.isEmpty() || !cleaning_.reports.isEmpty())
        html +=
            tr("<br><b>Problems</b> and examples of what cleaning drops (file:line) are listed "
               "below the preview.");
    return html;
}

bool CorpusReportPage::skipInvalid() const {
    return skip_->isChecked();
}
bool CorpusReportPage::removeDuplicates() const {
    return dedupe_->isChecked();
}

bool CorpusReportPage::isComplete() const {
    if (watcher_.isRunning() || !train_.readable() || train_.validPairs < 2) return false;
    if (hasDev_ && !dev_.readable()) return false;
    int invalid = train_.invalidPairs + dev_.invalidPairs;
    for (const CorpusCheck& check : more_) {
        if (!check.readable() || check.validPairs < 1) return false;
        invalid += check.invalidPairs;
    }
    return invalid == 0 || skip_->isChecked();
}

}  // namespace dari
