#pragma once
// File ▸ Import model…: a packed model's card shown before anything is installed, then the
// model verified and installed into the window's models folder on a worker thread.

#include <QDialog>
#include <QFutureWatcher>

#include "ui/models/model_file_jobs.h"

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace dari {

class ImportModelDialog : public QDialog {
    Q_OBJECT
public:
    ImportModelDialog(const QString& archive, const QString& modelsFolder,
                      QWidget* parent = nullptr);

    bool cardReadable() const { return readable_; }
    QString cardText() const;
    QString errorText() const;

public Q_SLOTS:
    void install();  // what the Install (or Replace) button does

Q_SIGNALS:
    void installed(const QString& dir, const QString& task);

private:
    void onFinished();

    QString archive_, modelsFolder_;
    bool readable_ = false, exists_ = false;
    QLabel* summary_;
    QPlainTextEdit* card_;
    QLabel* error_;
    QProgressBar* busy_;
    QDialogButtonBox* buttons_;
    QPushButton* installButton_ = nullptr;
    QFutureWatcher<ModelFileResult> watcher_;
};

}  // namespace dari
