// Retraining through the window's own pieces, end to end: import
// news-ko-en/dev.tsv with the wizard, train a tiny model through the
// TrainingController (a `dari train` child), stop, resume, finish, and select
// the new model in the window. Then kill -9 the child mid-run: the window stays
// up, says what happened, and a resume (from a new window, as after a
// restart) starts from the last checkpoint, losing no checkpointed step.

#include <csignal>
#include <memory>

#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/main_window.h"
#include "ui/model_catalog.h"
#include "ui/text_table_model.h"
#include "ui/training/corpus_file_page.h"
#include "ui/training/corpus_report_page.h"
#include "ui/training/import_corpus_wizard.h"
#include "ui/training/run_folder.h"
#include "ui/training/training_charts.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_dashboard.h"
#include "ui/training/training_settings_page.h"

using dari::TrainingController;

namespace {

const QString kDari = QStringLiteral(DARI_BINARY_DIR "/bin/dari");
const QString kNews = QStringLiteral(DARI_SHARED_DATA "/news-ko-en/dev.tsv");

// Small enough to train for a few dozen steps in seconds on a loaded machine.
dari::TrainingSettings tinySettings() {
    dari::TrainingSettings s;
    s.preset = dari::TrainingSettings::Preset::Tiny;
    s.vocabSize = 1500;  // the news corpus needs ~950 pieces for its characters alone
    s.attention = QStringLiteral("dot");
    s.batchSize = 32;
    s.budget = dari::TrainingSettings::Budget::Epochs;
    s.epochs = 2;  // about 30 steps an epoch
    s.validateEvery = 10;
    s.logEvery = 2;
    s.threads = 1;
    s.extraSets = {QStringLiteral("data.max_dev_pairs=16")};
    return s;
}

qint64 stepOf(const QJsonObject& e) {
    return e.value(QStringLiteral("step")).toVariant().toLongLong();
}

QList<QJsonObject> eventsOf(const QSignalSpy& spy, const QString& kind) {
    QList<QJsonObject> events;
    for (const auto& args : spy) {
        const QJsonObject e = args.at(0).toJsonObject();
        if (e.value(QStringLiteral("event")).toString() == kind) events.append(e);
    }
    return events;
}

}  // namespace

class TestTrainingFlow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        QVERIFY2(QFileInfo::exists(kNews), qPrintable(kNews));
        QVERIFY2(QFileInfo::exists(kDari), "build the dari target first");
        models_ = dir_.filePath(QStringLiteral("models"));
        QDir().mkpath(models_);
        QSettings s(dir_.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        s.setValue(QStringLiteral("models/folder"), models_);
    }

    void importTrainStopResumeFinishSelect() {
        dari::MainWindow window(options());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.modelDir(dari::MainWindow::Mode::Translate).isEmpty());

        // Import: the wizard's validation of the news corpus.
        dari::ImportCorpusWizard wizard(window.modelsFolder(), nullptr, &window);
        wizard.show();
        wizard.filePage()->setSource({dari::CorpusSource::Format::Tsv, kNews});
        QSignalSpy checked(wizard.reportPage(), &dari::CorpusReportPage::checked);
        wizard.next();
        QVERIFY(checked.wait(60000));
        QCOMPARE(wizard.reportPage()->trainCheck().validPairs, 1000);
        QVERIFY(wizard.reportPage()->isComplete());
        wizard.next();
        QCOMPARE(wizard.settingsPage()->modelName(), QStringLiteral("news-ko-en-dev"));
        wizard.settingsPage()->setSettings(tinySettings());
        const dari::TrainingPlan plan = wizard.plan();
        QCOMPARE(plan.outDir, models_ + QStringLiteral("/news-ko-en-dev"));

        // Train through the window's dashboard and controller.
        dari::TrainingDashboard* dashboard = window.trainingDashboard();
        TrainingController* controller = dashboard->controller();
        controller->setExecutable(kDari);
        QSignalSpy events(controller, &TrainingController::eventReceived);
        QVERIFY(dashboard->startPlan(plan));
        QCOMPARE(controller->kind(), TrainingController::Kind::NewModel);
        QVERIFY(dashboard->headline().contains(QStringLiteral("new model")));
        QTRY_VERIFY_WITH_TIMEOUT(
            !eventsOf(events, "validation").isEmpty() || !controller->isRunning(), 90000);
        QVERIFY2(controller->isRunning(), qPrintable(controller->stderrTail()));
        const auto start = eventsOf(events, "start");
        QCOMPARE(start.size(), 1);
        QCOMPARE(start.front().value("parameters").toVariant().toLongLong(),
                 plan.settings.parameterCount());

        // Stop: SIGTERM, a checkpoint, exit 3.
        dashboard->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!controller->isRunning(), 60000);
        QCOMPARE(controller->state(), TrainingController::State::Interrupted);
        const qint64 stoppedAt = controller->step();
        QVERIFY(stoppedAt >= 10);
        QVERIFY(dari::RunFolder::inspect(plan.outDir).resumable());
        QVERIFY(dari::ModelCatalog::inspect(plan.outDir).unfinished);
        QVERIFY(dashboard->charts()->trainPoints() > 0);
        QVERIFY(dashboard->charts()->validationPoints() >= 1);
        QVERIFY(dashboard->samples()->rowCount() > 0);
        auto* resumeButton = dashboard->findChild<QPushButton*>(QStringLiteral("resumeTraining"));
        QVERIFY(resumeButton->isEnabled());

        // Resume: same data, counters kept; then run to the end of the budget.
        events.clear();
        QSignalSpy trained(dashboard, &dari::TrainingDashboard::modelTrained);
        resumeButton->click();
        QCOMPARE(controller->kind(), TrainingController::Kind::Continue);
        QVERIFY(dashboard->headline().contains(QStringLiteral("Continuing an interrupted run")));
        QVERIFY(dashboard->headline().contains(QStringLiteral("same data")));
        QVERIFY(trained.wait(120000));
        QCOMPARE(controller->state(), TrainingController::State::Finished);
        const auto resumed = eventsOf(events, "resume");
        QCOMPARE(resumed.size(), 1);
        QCOMPARE(stepOf(resumed.front()), stoppedAt);
        QVERIFY(stepOf(eventsOf(events, "done").front()) > stoppedAt);
        // The end's own numbers, not the last train event's, and a verdict on the BLEU.
        const auto* stats = dashboard->findChild<QLabel*>(QStringLiteral("trainingStats"));
        const auto* bar = dashboard->findChild<QProgressBar*>(QStringLiteral("trainingProgress"));
        QVERIFY2(
            stats->text().startsWith(
                QStringLiteral("finished: step %1 ").arg(stepOf(eventsOf(events, "done").front()))),
            qPrintable(stats->text()));
        QCOMPARE(bar->value(), bar->maximum());
        const double bleu =
            eventsOf(events, "done").front().value(QStringLiteral("best_dev_bleu")).toDouble();
        QCOMPARE(dashboard->statusText().contains(QStringLiteral("not usable yet")),
                 bleu < dari::kUsableDevBleu);
        QCOMPARE(dari::RunFolder::inspect(plan.outDir).state, dari::RunFolder::State::Finished);
        QVERIFY(!dari::ModelCatalog::inspect(plan.outDir).unfinished);

        // The new bundle is in the picker and can be used at once.
        auto* picker = window.findChild<QComboBox*>(QStringLiteral("modelPicker"));
        const int item = picker->findData(QFileInfo(plan.outDir).absoluteFilePath());
        QVERIFY(item >= 0);
        QCOMPARE(picker->itemText(item).contains(QStringLiteral("not usable yet")),
                 bleu < dari::kUsableDevBleu);
        dashboard->findChild<QPushButton*>(QStringLiteral("useModel"))->click();
        QCOMPARE(window.modelDir(dari::MainWindow::Mode::Translate),
                 QFileInfo(plan.outDir).absoluteFilePath());
        QCOMPARE(picker->currentData().toString(), QFileInfo(plan.outDir).absoluteFilePath());
        QSignalSpy replies(&window, &dari::MainWindow::replyShown);
        window.sendMessage(QStringLiteral("정부는 오늘 새로운 정책을 발표했다."));
        QVERIFY(replies.wait(60000));
        QVERIFY(window.lastError().isEmpty());
        trained_ = QFileInfo(plan.outDir).absoluteFilePath();
    }

    // Train events every 1000 steps: only the trainer's ticks move the bar, from the start;
    // the bar of the run before is not left standing.
    void progressShowsFromTheFirstSecond() {
        dari::MainWindow window(options());
        dari::TrainingDashboard* dashboard = window.trainingDashboard();
        TrainingController* controller = dashboard->controller();
        controller->setExecutable(kDari);
        auto* bar = dashboard->findChild<QProgressBar*>(QStringLiteral("trainingProgress"));
        const auto* stats = dashboard->findChild<QLabel*>(QStringLiteral("trainingStats"));
        bar->setValue(bar->maximum());  // as a finished run leaves it
        dari::TrainingPlan plan;
        plan.train = {dari::CorpusSource::Format::Tsv, kNews};
        plan.outDir = models_ + QStringLiteral("/ticks");
        plan.settings = tinySettings();
        plan.settings.logEvery = 1000;
        plan.settings.validateEvery = 1000;
        plan.settings.epochs = 1;
        QSignalSpy events(controller, &TrainingController::eventReceived);
        QVERIFY(dashboard->startPlan(plan));
        QCOMPARE(bar->value(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!eventsOf(events, "tick").isEmpty() || !controller->isRunning(),
                                 60000);
        QVERIFY2(!eventsOf(events, "tick").isEmpty(), qPrintable(controller->stderrTail()));
        if (eventsOf(events, "done").isEmpty()) {  // still running: the line is already there
            QVERIFY2(stats->text().contains(QStringLiteral("step ")), qPrintable(stats->text()));
            QVERIFY(stats->text().contains(QStringLiteral("ETA")));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!controller->isRunning(), 120000);
        QVERIFY(eventsOf(events, "train").isEmpty());
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(stats->text().startsWith(QStringLiteral("finished: step ")));
    }

    // Fine-tune the model just trained on new data: the wizard offers it, the
    // network settings come from it, the dashboard says so, and the base bundle
    // is left as it was.
    void fineTuneExistingModel() {
        QVERIFY2(!trained_.isEmpty(), "needs the model of the previous test");
        dari::MainWindow window(options());
        QFile baseWeights(trained_ + QStringLiteral("/model.pt"));
        QVERIFY(baseWeights.open(QIODevice::ReadOnly));
        const QByteArray before = baseWeights.readAll();
        baseWeights.close();
        const QString tatoeba = QStringLiteral(DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv");
        dari::ImportCorpusWizard wizard(window.modelsFolder(), nullptr, &window);
        wizard.show();
        wizard.filePage()->setSource({dari::CorpusSource::Format::Tsv, tatoeba});
        QSignalSpy checked(wizard.reportPage(), &dari::CorpusReportPage::checked);
        wizard.next();
        QVERIFY(checked.wait(60000));
        wizard.next();
        wizard.settingsPage()->setSettings(tinySettings());
        wizard.settingsPage()->setFineTuneFrom(trained_);
        QCOMPARE(wizard.settingsPage()->fineTuneFrom(), trained_);
        QVERIFY(!wizard.settingsPage()->findChild<QComboBox*>(QStringLiteral("cell"))->isEnabled());
        QVERIFY(wizard.settingsPage()
                    ->findChild<QLabel*>(QStringLiteral("startNote"))
                    ->text()
                    .contains("start over"));
        dari::TrainingPlan plan = wizard.plan();
        plan.settings.epochs = 1;
        QVERIFY(plan.fineTune());

        dari::TrainingDashboard* dashboard = window.trainingDashboard();
        dashboard->controller()->setExecutable(kDari);
        QSignalSpy events(dashboard->controller(), &TrainingController::eventReceived);
        QSignalSpy trained(dashboard, &dari::TrainingDashboard::modelTrained);
        QVERIFY(dashboard->startPlan(plan));
        QCOMPARE(dashboard->controller()->kind(), TrainingController::Kind::FineTune);
        QVERIFY(dashboard->headline().contains(QStringLiteral("Fine-tune")));
        QVERIFY(dashboard->headline().contains(QStringLiteral("new data")));
        QVERIFY2(trained.wait(120000), qPrintable(dashboard->controller()->stderrTail()));
        const auto start = eventsOf(events, "start");
        QCOMPARE(start.size(), 1);
        QVERIFY(start.front().value("fine_tune").toBool());
        QCOMPARE(
            start.front().value("parameters").toVariant().toLongLong(),
            dari::ModelCatalog::inspect(trained_).parameters);  // the base network, not the preset
        QVERIFY(baseWeights.open(QIODevice::ReadOnly));
        QVERIFY(baseWeights.readAll() == before);
    }

    // A run whose loss blows up stops itself: the dashboard says it diverged and what to
    // change, not that the process crashed, and offers no resume.
    void divergedRunIsShownAsSuch() {
        dari::MainWindow window(options());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        dari::TrainingPlan plan = newsPlan(QStringLiteral("diverged"));
        plan.settings.extraSets << QStringLiteral("train.learning_rate=9.9")
                                << QStringLiteral("train.clip_norm=0");
        dari::TrainingDashboard* dashboard = window.trainingDashboard();
        TrainingController* controller = dashboard->controller();
        controller->setExecutable(kDari);
        QVERIFY(dashboard->startPlan(plan));
        QTRY_VERIFY_WITH_TIMEOUT(!controller->isRunning(), 90000);
        QCOMPARE(controller->state(), TrainingController::State::Diverged);
        QVERIFY2(dashboard->statusText().startsWith(QStringLiteral("Training diverged at step ")) &&
                     dashboard->statusText().contains(QStringLiteral("Lower the learning rate")) &&
                     !dashboard->statusText().contains(QStringLiteral("crash")),
                 qPrintable(dashboard->statusText()));
        QVERIFY(!dashboard->findChild<QPushButton*>(QStringLiteral("resumeTraining"))->isEnabled());
    }

    // "Processes on this machine" = 2: dari train --nproc 2 under the window's controller,
    // which sees rank 0's events only and shows the world size.
    void aTwoProcessRunShowsItsWorldSize() {
        dari::MainWindow window(options());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        dari::TrainingPlan plan = newsPlan(QStringLiteral("two-processes"));
        plan.settings.processes = 2;
        plan.settings.epochs = 1;
        dari::TrainingDashboard* dashboard = window.trainingDashboard();
        TrainingController* controller = dashboard->controller();
        controller->setExecutable(kDari);
        QSignalSpy events(controller, &TrainingController::eventReceived);
        QSignalSpy trained(dashboard, &dari::TrainingDashboard::modelTrained);
        QVERIFY(dashboard->startPlan(plan));
        QVERIFY2(trained.wait(120000), qPrintable(controller->stderrTail()));
        QCOMPARE(eventsOf(events, "start").size(), 1);
        QCOMPARE(eventsOf(events, "start").front().value("world_size").toInt(), 2);
        QCOMPARE(eventsOf(events, "done").size(), 1);
        const auto* stats = dashboard->findChild<QLabel*>(QStringLiteral("trainingStats"));
        QVERIFY2(stats->text().contains(QStringLiteral("2 processes")), qPrintable(stats->text()));
    }

    // Two corpora mixed by weight and two dev sets: the dashboard says how each epoch mixes
    // them, what cleaning kept of each, and draws each dev set's BLEU beside their mean.
    void aMixedRunShowsEveryDevSet() {
        dari::MainWindow window(options());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        dari::TrainingPlan plan = newsPlan(QStringLiteral("mixed"));
        plan.more = {{dari::CorpusSource::Format::Tsv,
                      QStringLiteral(DARI_SHARED_DATA "/korsts-ko-en/dev.tsv")}};
        plan.more.front().weight = 0.25;
        plan.dev = {dari::CorpusSource::Format::Tsv,
                    QStringLiteral(DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv")};
        plan.extra << QStringLiteral("--dev")
                   << QStringLiteral(DARI_SHARED_DATA "/jhe-ko-en/train.tsv")
                   << QStringLiteral("--set") << QStringLiteral("train.validation_pairs=16");
        plan.settings.epochs = 1;
        dari::TrainingDashboard* dashboard = window.trainingDashboard();
        dashboard->controller()->setExecutable(kDari);
        QSignalSpy events(dashboard->controller(), &TrainingController::eventReceived);
        QSignalSpy trained(dashboard, &dari::TrainingDashboard::modelTrained);
        QVERIFY(dashboard->startPlan(plan));
        QVERIFY2(trained.wait(120000), qPrintable(dashboard->controller()->stderrTail()));
        const auto* note = dashboard->findChild<QLabel*>(QStringLiteral("dataNote"));
        QVERIFY2(note->isVisibleTo(dashboard) &&
                     note->text().contains(QStringLiteral("news-ko-en")) &&
                     note->text().contains(QStringLiteral("korsts-ko-en")) &&
                     note->text().contains(QStringLiteral("Cleaning")),
                 qPrintable(note->text()));
        const auto* scores = dashboard->findChild<QLabel*>(QStringLiteral("devSetScores"));
        QVERIFY2(scores->isVisibleTo(dashboard) &&
                     scores->text().contains(QStringLiteral("tatoeba-ko-en")) &&
                     scores->text().contains(QStringLiteral("jhe-ko-en")),
                 qPrintable(scores->text()));
        const int validations = eventsOf(events, "validation").size();
        QVERIFY(validations >= 1);
        for (const char* name : {"tatoeba-ko-en", "jhe-ko-en"}) {
            const QLineSeries* line = dashboard->charts()->devSetSeries(QLatin1String(name));
            QVERIFY2(line, name);
            QCOMPARE(int(line->count()), validations);
        }
        QVERIFY(dashboard->charts()->series().size() == 6);  // the four, and a line per set
    }

    void killedChildLeavesWindowAliveAndResumes() {
        dari::MainWindow window(options());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const dari::TrainingPlan plan = newsPlan(QStringLiteral("killed"));
        dari::TrainingDashboard* dashboard = window.trainingDashboard();
        TrainingController* controller = dashboard->controller();
        controller->setExecutable(kDari);
        QSignalSpy errors(&window, &dari::MainWindow::errorShown);
        QVERIFY(dashboard->startPlan(plan));
        // Past the first checkpoint (written right after the validation at step 10), as the log
        // file says: a step seen only in a once-a-second tick on stdout is not in the file.
        const auto pastCheckpoint = [&] {
            const dari::RunFolder run = dari::RunFolder::inspect(plan.outDir);
            return run.checkpointStep >= 10 && run.loggedStep > run.checkpointStep;
        };
        QTRY_VERIFY_WITH_TIMEOUT(pastCheckpoint() || !controller->isRunning(), 90000);
        QVERIFY2(controller->isRunning(), qPrintable(controller->stderrTail()));
        const qint64 checkpointed = controller->checkpointStep();
        ::kill(pid_t(controller->processId()), SIGKILL);
        QTRY_COMPARE_WITH_TIMEOUT(controller->state(), TrainingController::State::Failed, 30000);
        QVERIFY(window.isVisible());
        QCOMPARE(errors.size(), 1);
        QVERIFY2(window.lastError().contains(QStringLiteral("killed")),
                 qPrintable(window.lastError()));
        QVERIFY(controller->checkpointStep() >= checkpointed);
        QVERIFY(window.lastError().contains(
            QStringLiteral("checkpoint (step %1)").arg(controller->checkpointStep())));
        QVERIFY(dashboard->statusText().contains(QStringLiteral("Resume")));
        const dari::RunFolder run = dari::RunFolder::inspect(plan.outDir);
        QVERIFY(run.resumable());
        QVERIFY(run.checkpointStep >= checkpointed);
        QVERIFY(run.loggedStep >
                run.checkpointStep);  // steps after the checkpoint are lost, and only those

        // As after a restart: in a new window, File ▸ Continue interrupted
        // training… finds the run on disk and continues it from its checkpoint.
        dari::MainWindow restarted(options());
        restarted.show();
        QCOMPARE(dari::RunFolder::resumable(models_).size(), 1);
        dari::TrainingDashboard& fresh = *restarted.trainingDashboard();
        fresh.controller()->setExecutable(kDari);
        QSignalSpy events(fresh.controller(), &TrainingController::eventReceived);
        restarted.continueTraining();  // the only interrupted run: no question asked
        QVERIFY(fresh.controller()->isRunning());
        QCOMPARE(fresh.controller()->kind(), TrainingController::Kind::Continue);
        QVERIFY(fresh.charts()->trainPoints() > 0);  // the history, from train_log.jsonl
        QTRY_VERIFY_WITH_TIMEOUT(
            !eventsOf(events, "resume").isEmpty() || !fresh.controller()->isRunning(), 60000);
        // No checkpointed step is lost: the run continues from the checkpoint
        // (a validation step), never from before it.
        const qint64 resumedAt = stepOf(eventsOf(events, "resume").front());
        QVERIFY2(resumedAt >= checkpointed, qPrintable(QString::number(resumedAt)));
        QCOMPARE(resumedAt % plan.settings.validateEvery, 0);
        QVERIFY(resumedAt <= run.loggedStep);
        fresh.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!fresh.controller()->isRunning(), 60000);
        QCOMPARE(fresh.controller()->state(), TrainingController::State::Interrupted);
        QVERIFY(fresh.controller()->step() >= checkpointed);
    }

    // Closing Dari mid-run stops the child with a checkpoint: the run can be continued.
    void closingPausesTheRun() {
        dari::TrainingPlan plan;
        plan.train = {dari::CorpusSource::Format::Tsv, kNews};
        plan.settings = tinySettings();
        plan.outDir = models_ + QStringLiteral("/closed");
        {
            auto dashboard = std::make_unique<dari::TrainingDashboard>();
            dashboard->controller()->setExecutable(kDari);
            QVERIFY(dashboard->startPlan(plan));
            QTRY_VERIFY_WITH_TIMEOUT(
                dashboard->controller()->step() > 0 || !dashboard->controller()->isRunning(),
                90000);
            QVERIFY(dashboard->controller()->isRunning());
        }  // as when the window closes
        const auto events = dari::RunFolder::events(plan.outDir);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.back().value(QStringLiteral("event")).toString(),
                 QStringLiteral("interrupted"));
        QVERIFY(dari::RunFolder::inspect(plan.outDir).resumable());
    }

private:
    // A tiny run on the news corpus into models_/NAME.
    dari::TrainingPlan newsPlan(const QString& name) const {
        dari::TrainingPlan plan;
        plan.train = {dari::CorpusSource::Format::Tsv, kNews};
        plan.settings = tinySettings();
        plan.outDir = models_ + QLatin1Char('/') + name;
        return plan;
    }

    dari::WindowOptions options() const {
        dari::WindowOptions o;
        o.historyDb = dir_.filePath(QStringLiteral("history.sqlite"));
        o.settingsFile = dir_.filePath(QStringLiteral("settings.ini"));
        o.dialogs = false;
        return o;
    }

    QTemporaryDir dir_;
    QString models_;
    QString trained_;  // the bundle the first test trained
};

QTEST_MAIN(TestTrainingFlow)
#include "test_training_flow.moc"
