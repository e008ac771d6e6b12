#pragma once
// Import corpus wizard, page 1: which files, in which format (TSV, CSV with a
// column mapping, or two aligned files), and an optional dev set.

#include <QWizardPage>

#include "ui/training/corpus_source.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QWidget;

namespace dari {

class CorpusFilePage : public QWizardPage {
    Q_OBJECT
public:
    explicit CorpusFilePage(QWidget* parent = nullptr);

    CorpusSource source() const;
    CorpusSource devSource() const;  // empty: split automatically
    void setSource(const CorpusSource& source);
    void setDevPath(const QString& path);

    bool isComplete() const override;

private:
    QLineEdit* fileRow(const QString& object, const QString& title, QWidget** row);
    void onFormatChanged();
    void fillColumns();
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
};

}  // namespace dari
