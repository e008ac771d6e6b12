#pragma once
// Import corpus wizard, page 2: the validation report. The engine's readers run
// on a worker thread (QtConcurrent); the page shows the pair count, length
// statistics, the first pairs, every problem with its line number, duplicates
// and over-long lines, what training's cleaning will take out of each corpus (with
// examples), and lets the user skip the bad pairs or go back.

#include <QFutureWatcher>
#include <QWizardPage>

#include "ui/training/corpus_check.h"
#include "ui/training/corpus_cleaning_preview.h"

class QCheckBox;
class QLabel;
class QProgressBar;
class QTableView;

namespace dari {

class CorpusFilePage;
class TextTableModel;

class CorpusReportPage : public QWizardPage {
    Q_OBJECT
public:
    explicit CorpusReportPage(CorpusFilePage* files, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    bool checking() const { return watcher_.isRunning(); }
    const CorpusCheck& trainCheck() const { return train_; }
    const CorpusCheck& devCheck() const { return dev_; }
    const QList<CorpusCheck>& moreChecks() const { return more_; }
    const CleaningPreview& cleaning() const { return cleaning_; }
    bool skipInvalid() const;
    bool removeDuplicates() const;
    TextTableModel* issues() const { return issues_; }
    TextTableModel* preview() const { return preview_; }

Q_SIGNALS:
    void checked();  // the report is shown

private:
    struct Result {
        CorpusCheck train, dev;
        QList<CorpusCheck> more;
        CleaningPreview cleaning;
    };
    void showResult();
    QString reportHtml() const;

    CorpusFilePage* files_;
    QFutureWatcher<Result> watcher_;
    CorpusCheck train_, dev_;
    QList<CorpusCheck> more_;
    CleaningPreview cleaning_;
    bool hasDev_ = false;
    bool recheck_ = false;  // the files changed while a check was running
    QLabel* report_ = nullptr;
    QProgressBar* busy_ = nullptr;
    QCheckBox* skip_ = nullptr;
    QCheckBox* dedupe_ = nullptr;
    TextTableModel* preview_ = nullptr;
    TextTableModel* issues_ = nullptr;
    QTableView* issuesView_ = nullptr;
};

}  // namespace dari
