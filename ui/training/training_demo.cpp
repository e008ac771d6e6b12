#include "ui/training/training_demo.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QTimer>

#include <memory>

#include "model/training/train_events.h"

#include "ui/main_window.h"
#include "ui/training/corpus_file_page.h"
#include "ui/training/corpus_report_page.h"
#include "ui/training/import_corpus_wizard.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_dashboard.h"
#include "ui/training/training_plan.h"

namespace dari {

namespace {

// "A.tsv,B.tsv:0.5" -> the corpora with their weights.
QList<CorpusSource> corporaOf(const QString& list) {
    QList<CorpusSource> out;
    for (const QString& item : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        CorpusSource source;
        const int colon = item.lastIndexOf(QLatin1Char(':'));
        bool number = false;
        const double weight = colon > 0 ? item.mid(colon + 1).toDouble(&number) : 1.0;
        source.path = number ? item.left(colon) : item;
        source.weight = number ? weight : 1.0;
        source.format = CorpusSource::guessFormat(source.path);
        out.append(source);
    }
    return out;
}

QString devBeside(const QString& corpus) {
    const QString dev = QFileInfo(corpus).absoluteDir().filePath(QStringLiteral("dev.tsv"));
    return QFileInfo(dev).absoluteFilePath() == QFileInfo(corpus).absoluteFilePath() ||
                   !QFileInfo::exists(dev)
               ? QString()
               : dev;
}

}  // namespace

void runTrainingDemo(MainWindow& window, const QString& corpora, int validations,
                     std::function<void()> done) {
    TrainingPlan plan;
    const QList<CorpusSource> sources = corporaOf(corpora);
    const QString corpus = sources.front().path;
    plan.train = sources.front();
    plan.more = sources.mid(1);
    for (const CorpusSource& source : sources) {
        const QString dev = devBeside(source.path);
        if (dev.isEmpty()) continue;
        if (plan.dev.isEmpty())
            plan.dev = {CorpusSource::Format::Tsv, dev};
        else
            plan.extra << QStringLiteral("--dev") << dev;
    }
    plan.settings.preset = TrainingSettings::Preset::Small;
    plan.settings.vocabSize = 2000;
    plan.settings.budget = TrainingSettings::Budget::Epochs;
    plan.settings.epochs = 10;
    plan.settings.learningRate = 0.002;
    plan.settings.validateEvery = 50;
    plan.settings.logEvery = 10;
    plan.settings.batchSize = 32;
    plan.settings.extraSets = {QStringLiteral("data.max_dev_pairs=100"),
                               QStringLiteral("train.validation_pairs=100")};
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

void runWizardDemo(MainWindow& window, const QString& corpora,
                   std::function<void(QWidget& wizard)> checked) {
    const QList<CorpusSource> sources = corporaOf(corpora);
    auto* wizard = new ImportCorpusWizard(window.modelsFolder(), nullptr, &window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->filePage()->setSource(sources.front());
    for (const CorpusSource& source : sources.mid(1))
        wizard->filePage()->addCorpus(source.path, source.weight);
    const QString dev = devBeside(sources.front().path);
    if (!dev.isEmpty()) wizard->filePage()->setDevPath(dev);
    QObject::connect(wizard->reportPage(), &CorpusReportPage::checked, wizard, [wizard, checked] {
        QTimer::singleShot(300, wizard, [wizard, checked] { checked(*wizard); });
    });
    wizard->show();
    wizard->next();
}

}  // namespace dari
