#include "ui/training/import_corpus_wizard.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include "ui/training/corpus_file_page.h"
#include "ui/training/corpus_report_page.h"
#include "ui/training/training_settings_page.h"

namespace dari {

ImportCorpusWizard::ImportCorpusWizard(const QString& modelsFolder, QSettings* settings,
                                       QWidget* parent)
    : QWizard(parent), modelsFolder_(modelsFolder), settings_(settings) {
    setObjectName(QStringLiteral("importCorpusWizard"));
    setWindowTitle(tr("Train a model on your corpus"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    files_ = new CorpusFilePage(this);
    report_ = new CorpusReportPage(files_, this);
    settingsPage_ = new TrainingSettingsPage(modelsFolder_, this);
    setPage(FilePage, files_);
    setPage(ReportPage, report_);
    setPage(SettingsPage, settingsPage_);
    setButtonText(QWizard::FinishButton, tr("Start training"));
    if (settings_) {
        TrainingSettings s;
        const QStringList notes = s.load(*settings_);
        settingsPage_->setSettings(s);
        if (!notes.isEmpty())
            settingsPage_->setSubTitle(settingsPage_->subTitle() + QLatin1Char(' ') +
                                       tr("Some remembered settings were unusable and are back "
                                          "at their defaults: %1.")
                                           .arg(notes.join(QLatin1String("; "))));
    }
    resize(900, 640);
}

void ImportCorpusWizard::initializePage(int id) {
    QWizard::initializePage(id);
    if (id != SettingsPage || !settingsPage_->modelName().isEmpty()) return;
    // "news-ko-en/dev.tsv" -> "news-ko-en-dev", made unique in the models folder.
    const QFileInfo file(files_->source().path);
    const QString base = file.absoluteDir().dirName() + QLatin1Char('-') + file.completeBaseName();
    settingsPage_->setModelName(
        QFileInfo(TrainingPlan::freeFolder(modelsFolder_, base)).fileName());
}

TrainingPlan ImportCorpusWizard::plan() const {
    TrainingPlan p;
    p.train = files_->source();
    p.more = files_->moreSources();
    p.dev = files_->devSource();
    p.settings = settingsPage_->settings();
    p.outDir = QDir(modelsFolder_).filePath(settingsPage_->modelName());
    p.initFrom = settingsPage_->fineTuneFrom();
    p.skipInvalid = report_->skipInvalid();
    p.removeDuplicates = report_->removeDuplicates();
    return p;
}

void ImportCorpusWizard::accept() {
    if (settings_) settingsPage_->settings().save(*settings_);
    QWizard::accept();
}

}  // namespace dari
