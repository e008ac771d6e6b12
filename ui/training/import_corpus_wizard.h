#pragma once
// File ▸ Train a model…: choose a corpus, check it, choose the training
// settings. The result is a TrainingPlan for the training dashboard.

#include <QWizard>

#include "ui/training/training_plan.h"

class QSettings;

namespace dari {

class CorpusFilePage;
class CorpusReportPage;
class TrainingSettingsPage;

class ImportCorpusWizard : public QWizard {
    Q_OBJECT
public:
    enum Page { FilePage, ReportPage, SettingsPage };

    // `settings` (may be null) remembers the training settings between uses.
    ImportCorpusWizard(const QString& modelsFolder, QSettings* settings, QWidget* parent = nullptr);

    CorpusFilePage* filePage() const { return files_; }
    CorpusReportPage* reportPage() const { return report_; }
    TrainingSettingsPage* settingsPage() const { return settingsPage_; }
    TrainingPlan plan() const;

    void initializePage(int id) override;
    void accept() override;

private:
    QString modelsFolder_;
    QSettings* settings_;
    CorpusFilePage* files_ = nullptr;
    CorpusReportPage* report_ = nullptr;
    TrainingSettingsPage* settingsPage_ = nullptr;
};

}  // namespace dari
