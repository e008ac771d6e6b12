#include "ui/training/training_demo.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QTimer>

#include <memory>

#include "model/training/train_events.h"

#include "ui/main_window.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_dashboard.h"
#include "ui/training/training_plan.h"

namespace dari {

void runTrainingDemo(MainWindow& window, const QString& corpus, int validations,
                     std::function<void()> done) {
    TrainingPlan plan;
    plan.train = {CorpusSource::guessFormat(corpus), corpus};
    plan.settings.preset = TrainingSettings::Preset::Small;
    plan.settings.vocabSize = 2000;
    plan.settings.budget = TrainingSettings::Budget::Epochs;
    plan.settings.epochs = 10;
    plan.settings.learningRate = 0.002;
    plan.settings.validateEvery = 50;
    plan.settings.logEvery = 10;
    plan.settings.batchSize = 32;
    plan.settings.extraSets = {QStringLiteral("data.max_dev_pairs=100")};
    plan.outDir = TrainingPlan::freeFolder(window.modelsFolder(),
                                           QFileInfo(corpus).absoluteDir().dirName() + "-demo");
    TrainingDashboard* dashboard = window.trainingDashboard();
    dashboard->show();
    dashboard->raise();
    auto seen = std::make_shared<int>(0);
    auto finish = [dashboard, done] {
        done();             // grabs the dashboard mid-training
        dashboard->stop();  // then checkpoint and exit
    };
    QObject::connect(dashboard->controller(), &TrainingController::eventReceived, dashboard,
                     [seen, validations, finish](const QJsonObject& e) {
                         if (e.value(QLatin1String(train_events::kEvent)).toString() !=
                             QLatin1String(train_events::kValidation))
                             return;
                         if (++*seen == validations) QTimer::singleShot(800, finish);
                     });
    QObject::connect(dashboard->controller(), &TrainingController::failed, dashboard,
                     [done](const QString& error) {
                         qCritical("dari-chat: training failed: %s", qPrintable(error));
                         done();
                     });
    dashboard->startPlan(plan);
}

void runMinuteTrainingDemo(MainWindow& window, const QString& corpus,
                           std::function<void(const QString& stage)> shoot,
                           std::function<void()> done) {
    TrainingPlan plan;
    plan.train = {CorpusSource::guessFormat(corpus), corpus};
    plan.settings.budget = TrainingSettings::Budget::Minutes;
    plan.settings.minutes = 1.0;
    plan.outDir = TrainingPlan::freeFolder(window.modelsFolder(),
                                           QFileInfo(corpus).absoluteDir().dirName() + "-minute");
    TrainingDashboard* dashboard = window.trainingDashboard();
    dashboard->show();
    dashboard->raise();
    QTimer::singleShot(3000, dashboard, [shoot] { shoot(QStringLiteral("start")); });
    QTimer::singleShot(30000, dashboard, [shoot] { shoot(QStringLiteral("middle")); });
    QObject::connect(dashboard->controller(), &TrainingController::stateChanged, dashboard,
                     [dashboard, shoot, done] {
                         if (dashboard->controller()->isRunning()) return;
                         QTimer::singleShot(500, dashboard, [shoot, done] {
                             shoot(QStringLiteral("end"));
                             done();
                         });
                     });
    dashboard->startPlan(plan);
}

}  // namespace dari
