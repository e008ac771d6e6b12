#include "ui/models/import_model_dialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "model/bundle/model_archive.h"

namespace dari {

ImportModelDialog::ImportModelDialog(const QString& archive, const QString& modelsFolder,
                                     QWidget* parent)
    : QDialog(parent), archive_(archive), modelsFolder_(modelsFolder) {
    setObjectName(QStringLiteral("importModel"));
    setWindowTitle(tr("Import model"));
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    card_ = new QPlainTextEdit(this);
    card_->setObjectName(QStringLiteral("modelCard"));
    card_->setReadOnly(true);
    card_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    card_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    card_->setAccessibleName(tr("Model card"));
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("importError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->hide();
    busy_ = new QProgressBar(this);
    busy_->setRange(0, 0);
    busy_->setAccessibleName(tr("Verifying and installing"));
    busy_->hide();
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    try {
        const ModelCard card = readModelCard(archive.toStdString());
        readable_ = true;
        const QString name = QString::fromStdString(card.name);
        exists_ = QFileInfo::exists(QDir(modelsFolder).filePath(name));
        card_->setPlainText(QString::fromStdString(card.text()));
        summary_->setText(
            (exists_ ? tr("<b>%1</b> would replace the model of that name in <i>%2</i>.")
                     : tr("<b>%1</b> will be installed into <i>%2</i>."))
                .arg(name.toHtmlEscaped(), QDir::toNativeSeparators(modelsFolder).toHtmlEscaped()) +
            QStringLiteral(" ") +
            tr("Read its card: a model is only as good, and only as free to use, as the data "
               "it was trained on. Every file is checked against its checksum before it is "
               "installed."));
        installButton_ = buttons_->addButton(exists_ ? tr("&Replace") : tr("&Install"),
                                             QDialogButtonBox::AcceptRole);
        installButton_->setObjectName(QStringLiteral("install"));
        // Enter must not replace a model by accident.
        installButton_->setDefault(!exists_);
        buttons_->button(QDialogButtonBox::Cancel)->setDefault(exists_);
        connect(installButton_, &QPushButton::clicked, this, &ImportModelDialog::install);
    } catch (const std::exception& e) {
        summary_->setText(tr("<b>This file cannot be imported.</b>"));
        card_->hide();
        error_->setText(QString::fromUtf8(e.what()));
        error_->show();
    }
    connect(&watcher_, &QFutureWatcher<ModelFileResult>::finished, this,
            &ImportModelDialog::onFinished);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(card_, 1);
    layout->addWidget(error_);
    layout->addWidget(busy_);
    layout->addWidget(buttons_);
    resize(720, 420);
}

QString ImportModelDialog::cardText() const {
    return card_->toPlainText();
}

QString ImportModelDialog::errorText() const {
    return error_->isVisible() || !error_->text().isEmpty() ? error_->text() : QString();
}

void ImportModelDialog::install() {
    if (!readable_ || watcher_.isRunning()) return;
    installButton_->setEnabled(false);
    buttons_->button(QDialogButtonBox::Cancel)->setEnabled(false);
    busy_->show();
    error_->hide();
    watcher_.setFuture(installModelFile(archive_, modelsFolder_, exists_));
}

void ImportModelDialog::onFinished() {
    busy_->hide();
    buttons_->button(QDialogButtonBox::Cancel)->setEnabled(true);
    const ModelFileResult result = watcher_.result();
    if (!result.ok()) {
        error_->setText(result.error);
        error_->show();
        summary_->setText(tr("<b>The model was not installed.</b> Nothing was changed."));
        return;
    }
    Q_EMIT installed(result.dir, result.task);
    accept();
}

}  // namespace dari
