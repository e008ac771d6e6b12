// The default models trained from the window (ui/training/default_models_run): both of them,
// ko-en on its recipe's corpora as run.sh trains it, stopped part-way and continued as a whole,
// with tiny recipes in place of the real ones (found the way an installed Dari finds its own).

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include "model/bundle/bundle.h"
#include "ui/main_window.h"
#include "ui/training/default_models_panel.h"
#include "ui/training/default_models_run.h"
#include "ui/training/run_folder.h"
#include "ui/training/training_controller.h"
#include "ui/training/training_dashboard.h"

using dari::DefaultModelsRun;
using Lane = dari::DefaultModelsRun::Lane;

namespace {

const QString kDari = QStringLiteral(DARI_BINARY_DIR "/bin/dari");

void writeFile(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

// The first `lines` lines of a shared corpus.
QByteArray head(const QString& corpus, int lines) {
    QFile f(QStringLiteral(DARI_SHARED_DATA "/") + corpus + QStringLiteral("/dev.tsv"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    QByteArray out;
    for (int i = 0; i < lines && !f.atEnd(); ++i)
        out += f.readLine();
    return out;
}

// A recipe small enough to train in seconds: the real recipe's task and languages. ko-en's
// mixes two corpora, as the real one does; chat-ko's names none (its main corpus is used).
QByteArray tinyRecipe(bool chat) {
    QByteArray data = chat ? "data:\n  task: chat\n  src_lang: ko\n  tgt_lang: ko\n"
                             "  shared_vocab: true\n"
                           : "data:\n  task: translate\n  src_lang: ko\n  tgt_lang: en\n"
                             "  corpora:\n"
                             "    - {train: tatoeba-ko-en/train.tsv, weight: 2, "
                             "dev: tatoeba-ko-en/dev.tsv}\n"
                             "    - {train: korsts-ko-en/train.tsv, dev: korsts-ko-en/dev.tsv}\n";
    return data +
           "  src_vocab_size: 800\n  tgt_vocab_size: 800\n  max_dev_pairs: 24\n"
           "model:\n  cell: gru\n  embedding_size: 16\n  encoder_hidden: 16\n"
           "  decoder_hidden: 32\n  attention: dot\n  dropout: 0.0\n"
           "train:\n  epochs: " +
           (chat ? "1" : "40") +
           "\n  batch_sentences: 32\n  validate_every: 1000\n  checkpoint_seconds: 0.2\n"
           "  shards: " +
           (chat ? "1" : "2") +
           "\n"
           "  log_every: 2\n  validation_beam: 1\ndecode:\n  beam: 2\n";
}

}  // namespace

class TestDefaultModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        QVERIFY2(QFileInfo::exists(kDari), "build the dari target first");
        const QString share = dir_.filePath(QStringLiteral("share"));
        writeFile(share + QStringLiteral("/dari/configs/ko-en.yaml"), tinyRecipe(false));
        writeFile(share + QStringLiteral("/dari/configs/chat-ko.yaml"), tinyRecipe(true));
        qputenv("XDG_DATA_DIRS", share.toUtf8());
        data_ = dir_.filePath(QStringLiteral("data"));
        for (const char* corpus : {"tatoeba-ko-en", "korsts-ko-en", "chatbot-ko"}) {
            const QString folder = data_ + QLatin1Char('/') + QLatin1String(corpus);
            writeFile(folder + QStringLiteral("/train.tsv"), head(QLatin1String(corpus), 300));
            writeFile(folder + QStringLiteral("/dev.tsv"), head(QLatin1String(corpus), 24));
        }
        models_ = dir_.filePath(QStringLiteral("models"));
        QSettings s(dir_.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        s.setValue(QStringLiteral("models/folder"), models_);
    }

    // A corpus that is not there: one message naming it and where it comes from; nothing made.
    void aMissingCorpusIsSaid() {
        dari::MainWindow window(options());
        window.trainingDashboard()->controller()->setExecutable(kDari);
        window.trainDefaultModels(dir_.filePath(QStringLiteral("no-data")));
        QVERIFY2(window.lastError().contains(QStringLiteral("tatoeba-ko-en")) &&
                     window.lastError().contains(QStringLiteral("tatoeba.org")),
                 qPrintable(window.lastError()));
        QVERIFY(!window.defaultModelsRun()->isActive());
        QVERIFY(!QFileInfo::exists(models_ + QStringLiteral("/ko-en")));
    }

    // Both models train side by side, ko-en on its recipe's two corpora; stopped part-way they
    // continue as a whole (ko-en from its checkpoint, not from the start) and end as two
    // calibrated models in the window's model picker.
    void trainBothStopAndContinue() {
        const QString koen = models_ + QStringLiteral("/ko-en");
        {
            dari::MainWindow window(options());
            window.trainingDashboard()->controller()->setExecutable(kDari);
            window.trainDefaultModels(data_);
            DefaultModelsRun* run = window.defaultModelsRun();
            QVERIFY2(run && run->isActive(), qPrintable(window.lastError()));
            auto* panel = window.trainingDashboard()->findChild<dari::DefaultModelsPanel*>();
            QVERIFY(panel && panel->isVisibleTo(window.trainingDashboard()));
            QVERIFY(!window.trainingDashboard()
                         ->findChild<QPushButton*>(QStringLiteral("stopTraining"))
                         ->isVisibleTo(window.trainingDashboard()));
            QTRY_VERIFY_WITH_TIMEOUT(
                dari::RunFolder::inspect(koen).checkpointStep > 0 || !run->isActive(), 180000);
            QVERIFY2(run->isActive(), qPrintable(run->lastError()));
            run->stop();
            QTRY_VERIFY_WITH_TIMEOUT(!run->isActive(), 60000);
            QVERIFY2(run->state() == DefaultModelsRun::State::Stopped,
                     qPrintable(run->lastError()));
            QVERIFY2(panel->text().contains(QStringLiteral("Paused")), qPrintable(panel->text()));
            QVERIFY(
                panel->findChild<QPushButton*>(QStringLiteral("continueDefaults"))->isEnabled());
            QVERIFY2(window.lastError().isEmpty(), qPrintable(window.lastError()));  // a pause
            QVERIFY(dari::RunFolder::inspect(koen).resumable());
            QVERIFY(DefaultModelsRun::hasPartialWork(models_));
        }  // Dari closed: the next start continues
        dari::MainWindow window(options());
        window.trainingDashboard()->controller()->setExecutable(kDari);
        // The welcome page offers to continue, and does, with the corpora folder remembered.
        auto* button = window.findChild<QPushButton*>(QStringLiteral("welcomeDefault"));
        QVERIFY(button);
        QVERIFY2(button->text().contains(QStringLiteral("Continue")), qPrintable(button->text()));
        button->click();
        DefaultModelsRun* run = window.defaultModelsRun();
        QVERIFY2(run && run->isActive(), qPrintable(window.lastError()));
        QSignalSpy models(run, &DefaultModelsRun::modelReady);
        QTRY_VERIFY_WITH_TIMEOUT(!run->isActive(), 300000);
        QVERIFY2(run->state() == DefaultModelsRun::State::Finished, qPrintable(run->lastError()));
        QVERIFY(models.size() >= 1);  // chat-ko may have been ready before the stop
        // ko-en went on from its checkpoint.
        QFile log(koen + QStringLiteral("/train_log.jsonl"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("\"event\":\"resume\""));

        const dari::BundleMeta koenMeta = dari::BundleMeta::load(koen.toStdString());
        QCOMPARE(koenMeta.trainingData,
                 (std::vector<std::string>{"tatoeba-ko-en/train.tsv", "korsts-ko-en/train.tsv"}));
        QCOMPARE(koenMeta.devSets.size(), size_t{2});
        QVERIFY(koenMeta.confidence.calibrated());
        const dari::BundleMeta chat =
            dari::BundleMeta::load((models_ + QStringLiteral("/chat-ko")).toStdString());
        QCOMPARE(QString::fromStdString(chat.task), QStringLiteral("chat"));
        QVERIFY(chat.confidence.calibrated());
        QVERIFY(!DefaultModelsRun::hasPartialWork(models_));
        QCOMPARE(run->laneFraction(Lane::KoEn), 1.0);
        QCOMPARE(run->laneFraction(Lane::Chat), 1.0);
        QTRY_COMPARE(window.modelDir(dari::MainWindow::Mode::Translate).isEmpty(), false);

        // Both there: starting again has nothing to do.
        window.trainDefaultModels();
        QCOMPARE(window.defaultModelsRun()->state(), DefaultModelsRun::State::Finished);
    }

private:
    dari::WindowOptions options() const {
        dari::WindowOptions o;
        o.historyDb = dir_.filePath(QStringLiteral("history.sqlite"));
        o.settingsFile = dir_.filePath(QStringLiteral("settings.ini"));
        o.dialogs = false;
        return o;
    }

    QTemporaryDir dir_;
    QString data_, models_;
};

QTEST_MAIN(TestDefaultModels)
#include "test_default_models.moc"
