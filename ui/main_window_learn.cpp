// MainWindow: the Learn window (View ▸ Learn, Ctrl+3), on every model the catalog knows:
// translation, chat and classification.

#include <QDir>
#include <QStandardPaths>

#include "ui/learn/learn_window.h"
#include "ui/main_window.h"
#include "ui/training/default_model_plan.h"

namespace dari {

LearnWindow* MainWindow::openLearn() {
    if (!learn_) {
        learn_ = new LearnWindow(this);
        learn_->setWindowFlag(Qt::Window);  // its own top-level window, owned by this one
    }
    QList<QPair<QString, QString>> models;
    for (const ModelInfo& model : models_)  // every task: translate, chat and classify
        if (model.valid())
            models.append({model.dir, tr("%1 — %2").arg(model.name, model.taskText())});
    learn_->setModels(models, modelDir_[int(mode_)]);
    // The tiny side-by-side networks: trained into Dari's data folder from the ko-en corpus.
    QString train, dev, missing;
    defaultCorpus(defaultModelFor(QStringLiteral("translate")),
                  findCorporaFolder(settings_.dataFolder), &train, &dev, &missing);
    learn_->setTinyCells(
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
            .filePath(QStringLiteral("learn-tiny-cells")),
        missing.isEmpty() ? train : QString(), dev, missing);
    learn_->show();
    learn_->raise();
    learn_->activateWindow();
    return learn_;
}

}  // namespace dari
