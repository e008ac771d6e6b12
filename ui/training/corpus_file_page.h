#pragma once
// Import corpus wizard, page 1: which files, in which format (TSV, CSV with a
// column mapping, or two aligned files), more corpora to mix in (TSV, each with its
// weight in every epoch), and an optional dev set.

#include <QWizardPage>

#include "ui/training/corpus_source.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QWidget;

namespace dari {

class CorpusFilePage : public QWizardPage {
    Q_OBJECT
public:
    explicit CorpusFilePage(QWidget* parent = nullptr);

    CorpusSource source() const;              // with its weight
    QList<CorpusSource> moreSources() const;  // the corpora mixed in, each with its weight
    CorpusSource devSource() const;           // empty: split automatically
    void setSource(const CorpusSource& source);
    void setDevPath(const QString& path);
    // Another TSV corpus to mix in (Add corpus… does this after its file dialog).
    void addCorpus(const QString& path, double weight = 1.0);
    QStandardItemModel* moreCorpora() const { return more_; }

    bool isComplete() const override;

private:
    QLineEdit* fileRow(const QString& object, const QString& title, QWidget** row);
    void onFormatChanged();
    void fillColumns();
    QWidget* moreCorporaBox();
    QString browse(const QString& title, const QString& filter);

    QComboBox* format_ = nullptr;
    QLineEdit* path_ = nullptr;
    QLineEdit* target_ = nullptr;
    QLineEdit* dev_ = nullptr;
    QWidget* targetRow_ = nullptr;
    QWidget* columnsRow_ = nullptr;
    QComboBox* srcColumn_ = nullptr;
    QComboBox* tgtColumn_ = nullptr;
    QLabel* hint_ = nullptr;
    QDoubleSpinBox* weight_ = nullptr;
    QStandardItemModel* more_ = nullptr;  // file, weight
    QTableView* moreView_ = nullptr;
    QPushButton* removeCorpus_ = nullptr;
};

}  // namespace dari
