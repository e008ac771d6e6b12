// MainWindow: translating a whole text file (File ▸ Translate a file…, or a .txt dropped on the
// window) with the Translate mode's model, on a worker thread (ui/chat/file_translation).

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QProgressDialog>
#include <QStatusBar>

#include "ui/chat/file_translation.h"
#include "ui/main_window.h"
#include "ui/model_catalog.h"

namespace dari {

namespace {

QString droppedTextFile(const QMimeData* mime) {
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1) return {};
    const QString path = mime->urls().first().toLocalFile();
    return path.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive) ? path : QString();
}

}  // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedTextFile(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString file = droppedTextFile(event->mimeData());
    if (file.isEmpty()) return;
    event->acceptProposedAction();
    translateFile(file);
}

void MainWindow::translateFile(const QString& file) {
    if (fileJob_ && fileJob_->running()) {
        statusBar()->showMessage(tr("A file is being translated; cancel it first."), 6000);
        return;
    }
    const QString model = modelDir_[int(Mode::Translate)];
    if (model.isEmpty()) {
        showNotice(tr("Translate a file"), tr("There is no translation model yet."));
        return;
    }
    QString input = file;
    if (input.isEmpty()) {
        if (!options_.dialogs) return;
        input = QFileDialog::getOpenFileName(this, tr("Translate a file"), QString(),
                                             tr("Text files (*.txt);;All files (*)"));
        if (input.isEmpty()) return;
    }
    const QString output =
        FileTranslation::outputPathFor(input, ModelCatalog::inspect(model).tgtLang);
    if (!fileJob_) fileJob_ = new FileTranslation(this);
    auto* progress = new QProgressDialog(tr("Translating %1…").arg(QFileInfo(input).fileName()),
                                         tr("Cancel"), 0, 0, this);
    progress->setObjectName(QStringLiteral("fileProgress"));
    progress->setWindowTitle(tr("Translate a file"));
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(0);
    connect(progress, &QProgressDialog::canceled, fileJob_, &FileTranslation::cancel);
    connect(fileJob_, &FileTranslation::progress, progress, [progress](int done, int total) {
        progress->setMaximum(total);
        progress->setValue(done);
        progress->setLabelText(tr("Translated %1 of %2 lines").arg(done).arg(total));
    });
    connect(
        fileJob_, &FileTranslation::finished, this,
        [this, progress](const FileTranslationResult& r) {
            disconnect(fileJob_, nullptr, progress, nullptr);
            progress->close();
            if (!r.error.isEmpty())
                showError(tr("The file was not translated"), r.error);
            else if (r.cancelled)
                statusBar()->showMessage(tr("Cancelled: nothing was written."), 6000);
            else
                statusBar()->showMessage(
                    tr("Translated %1 lines into %2").arg(r.lines).arg(r.output), 10000);
        },
        Qt::SingleShotConnection);
    fileJob_->start(model, input, output);
    progress->open();
}

}  // namespace dari
