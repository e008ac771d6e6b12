// MainWindow's model files: import a packed model, export one, and the model manager
// (ui/models/).

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QStatusBar>

#include "ui/main_window.h"
#include "ui/models/import_model_dialog.h"
#include "ui/models/model_file_jobs.h"
#include "ui/models/model_manager_dialog.h"

namespace dari {

namespace {

QString modelFileFilter() {
    return QCoreApplication::translate("dari::MainWindow", "Dari models (*.dari);;All files (*)");
}

}  // namespace

void MainWindow::importModel(const QString& file) {
    QString path = file;
    if (path.isEmpty()) {
        if (!options_.dialogs) return;
        path = QFileDialog::getOpenFileName(this, tr("Import a model file"), QString(),
                                            modelFileFilter());
        if (path.isEmpty()) return;
    }
    auto* dialog = new ImportModelDialog(path, modelsFolder_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportModelDialog::installed, this,
            [this](const QString& dir, const QString& task) {
                useTrainedModel(dir, task);
                statusBar()->showMessage(tr("Imported %1").arg(QFileInfo(dir).fileName()), 6000);
                if (auto* manager = findChild<ModelManagerDialog*>()) {
                    manager->setModels(models_);
                    manager->select(dir);
                }
            });
    dialog->open();
}

void MainWindow::exportModel(const QString& dir) {
    const QString model = dir.isEmpty() ? modelDir_[int(mode_)] : dir;
    if (model.isEmpty()) {
        showNotice(tr("Export model"), tr("There is no model to export in this mode."));
        return;
    }
    const QString suggested = QFileInfo(model).fileName() + QStringLiteral(".dari");
    if (!options_.dialogs) return;
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Export model"), suggested, modelFileFilter());
    if (file.isEmpty()) return;
    auto* watcher = new QFutureWatcher<ModelFileResult>(this);
    connect(watcher, &QFutureWatcher<ModelFileResult>::finished, this, [this, watcher, file] {
        const ModelFileResult result = watcher->result();
        watcher->deleteLater();
        if (!result.ok())
            showError(tr("Export failed"), result.error);
        else
            statusBar()->showMessage(tr("Exported %1 to %2").arg(result.name, file), 8000);
    });
    statusBar()->showMessage(tr("Exporting %1…").arg(QFileInfo(model).fileName()));
    watcher->setFuture(exportModelFile(model, file));
}

void MainWindow::manageModels() {
    if (auto* open = findChild<ModelManagerDialog*>()) {
        open->raise();
        return;
    }
    auto* dialog = new ModelManagerDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setModels(models_);
    dialog->select(modelDir_[int(mode_)]);
    connect(dialog, &ModelManagerDialog::importRequested, this, [this] { importModel(); });
    connect(dialog, &ModelManagerDialog::exportRequested, this,
            [this](const QString& dir) { exportModel(dir); });
    connect(dialog, &ModelManagerDialog::useRequested, this, &MainWindow::useTrainedModel);
    connect(dialog, &ModelManagerDialog::modelsChanged, this, [this, dialog] {
        rescanModels();
        dialog->setModels(models_);
    });
    dialog->open();
}

}  // namespace dari
