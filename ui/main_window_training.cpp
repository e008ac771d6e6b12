// MainWindow: training a model on the user's corpus (wizard, dashboard, new bundle in the picker).

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QSettings>
#include <QStatusBar>

#include "ui/main_window.h"
#include "ui/training/default_model_plan.h"
#include "ui/training/default_models_panel.h"
#include "ui/training/default_models_run.h"
#include "ui/training/import_corpus_wizard.h"
#include "ui/training/run_folder.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_dashboard.h"

namespace dari {

TrainingDashboard* MainWindow::trainingDashboard() {
    if (training_) return training_;
    training_ = new TrainingDashboard(this);
    training_->setWindowFlag(Qt::Window);  // its own top-level window, owned by this one
    connect(training_, &TrainingDashboard::modelTrained, this, &MainWindow::onModelTrained);
    connect(training_, &TrainingDashboard::useModelRequested, this, &MainWindow::useTrainedModel);
    connect(training_, &TrainingDashboard::errorShown, this, [this](const QString& text) {
        // A default model's network stopped by Stop both is paused, not failed.
        if (defaults_ && defaults_->state() == DefaultModelsRun::State::Stopping) return;
        showError(tr("Training stopped"), text);
    });
    return training_;
}

void MainWindow::openTrainingWizard() {
    if (training_ && training_->controller()->isRunning()) {  // one run at a time: show it
        training_->show();
        training_->raise();
        statusBar()->showMessage(tr("A model is training; stop it before starting another."), 8000);
        return;
    }
    auto* wizard = new ImportCorpusWizard(modelsFolder_, qsettings_.get(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        TrainingDashboard* dashboard = trainingDashboard();
        dashboard->setPanel(nullptr);
        dashboard->show();
        dashboard->raise();
        dashboard->startPlan(wizard->plan());
    });
    wizard->open();
}

void MainWindow::trainDefaultModels(const QString& corpora) {
    TrainingDashboard* dashboard = trainingDashboard();
    if (defaults_ && defaults_->isActive()) {
        dashboard->show();
        return dashboard->raise();
    }
    if (dashboard->controller()->isRunning()) return openTrainingWizard();  // says why not
    QString folder = corpora.isEmpty() ? findCorporaFolder(settings_.dataFolder) : corpora;
    delete defaults_;
    defaults_ = new DefaultModelsRun(dashboard, modelsFolder_, folder, this);
    QString error;
    if (!defaults_->start(&error)) {
        if (!options_.dialogs) return showError(tr("Cannot train the default models"), error);
        folder = QFileDialog::getExistingDirectory(
            this,
            tr("The folder holding tatoeba-ko-en/ and chatbot-ko/ (the default models' corpora)"),
            folder);
        if (folder.isEmpty()) return;
        delete defaults_;
        defaults_ = new DefaultModelsRun(dashboard, modelsFolder_, folder, this);
        if (!defaults_->start(&error))
            return showError(tr("Cannot train the default models"), error);
    }
    AppSettings s = settings_;
    s.dataFolder = folder;
    applySettings(s);
    connect(defaults_, &DefaultModelsRun::modelReady, this, &MainWindow::onModelTrained);
    dashboard->setPanel(new DefaultModelsPanel(defaults_, dashboard));
    dashboard->show();
    dashboard->raise();
}

void MainWindow::continueTraining() {
    const QList<RunFolder> runs = RunFolder::resumable(modelsFolder_);
    if (runs.isEmpty()) {
        showNotice(tr("Nothing to continue"),
                   tr("No interrupted training run in %1.").arg(modelsFolder_));
        return;
    }
    auto resume = [this](const QString& dir) {
        TrainingDashboard* dashboard = trainingDashboard();
        dashboard->setPanel(nullptr);
        dashboard->show();
        dashboard->raise();
        dashboard->resumeRun(dir);
    };
    if (runs.size() == 1) return resume(runs.front().dir);
    QStringList names;
    for (const RunFolder& r : runs)
        names
            << tr("%1 — stopped at step %2").arg(QFileInfo(r.dir).fileName()).arg(r.checkpointStep);
    auto* dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Continue interrupted training"));
    dialog->setLabelText(tr("Continue which run? (Same data and settings, counters kept.)"));
    dialog->setComboBoxItems(names);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [runs, names, resume](const QString& chosen) {
                const int index = int(names.indexOf(chosen));
                if (index >= 0) resume(runs.at(index).dir);
            });
    dialog->open();
}

void MainWindow::announceInterruptedRuns() {
    const QList<RunFolder> runs = RunFolder::resumable(modelsFolder_);
    if (runs.isEmpty()) return;
    statusBar()->showMessage(tr("An interrupted training run (%1) can be continued: File ▸ "
                                "Continue interrupted training…")
                                 .arg(QFileInfo(runs.front().dir).fileName()),
                             15000);
}

void MainWindow::onModelTrained(const QString& dir, const QString& task) {
    rescanModels();
    // A network of a default model is not a model of its own: the run says when one is ready.
    if (defaults_ && defaults_->isActive() && sender() != defaults_) return;
    statusBar()->showMessage(tr("New model %1 is ready — it is in the model picker (%2 mode).")
                                 .arg(QFileInfo(dir).fileName(),
                                      task == QLatin1String("chat") ? tr("Chat") : tr("Translate")),
                             15000);
}

void MainWindow::useTrainedModel(const QString& dir, const QString& task) {
    rescanModels();
    setMode(task == QLatin1String("chat") ? Mode::Chat : Mode::Translate);
    useModelFolder(dir);
    raise();
    activateWindow();
}

}  // namespace dari
