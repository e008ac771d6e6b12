// MainWindow: the Learn window (View ▸ Learn, Ctrl+3), on the encoder-decoder models the picker
// knows.

#include "ui/learn/learn_window.h"
#include "ui/main_window.h"

namespace dari {

LearnWindow* MainWindow::openLearn() {
    if (!learn_) {
        learn_ = new LearnWindow(this);
        learn_->setWindowFlag(Qt::Window);  // its own top-level window, owned by this one
    }
    QList<QPair<QString, QString>> models;
    for (const ModelInfo& model : models_)
        if (model.error.isEmpty() &&
            (model.task == QLatin1String("translate") || model.task == QLatin1String("chat")))
            models.append({model.dir, tr("%1 — %2").arg(model.name, model.task)});
    learn_->setModels(models, modelDir_[int(mode_)]);
    learn_->show();
    learn_->raise();
    learn_->activateWindow();
    return learn_;
}

}  // namespace dari
