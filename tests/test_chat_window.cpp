// The chat window driven like a user: tiny models trained in-process, the real
// window on the offscreen platform, a history database in a temporary folder.

#include <QAbstractItemView>
#include <QClipboard>
#include <QElapsedTimer>
#include <QSettings>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include "data/corpus.h"
#include "model/runtime.h"
#include "model/trainer.h"
#include "ui/attention_heatmap.h"
#include "ui/conversation_model.h"
#include "ui/history_store.h"
#include "ui/main_window.h"
#include "ui/model_catalog.h"
#include "ui/message_input.h"
#include "ui/reply_details.h"

using dari::MainWindow;
using dari::Message;

namespace {

dari::Config tinyConfig(const std::string& task) {
    dari::Config c;
    c.data.task = task;
    c.data.srcLang = "ko";
    c.data.tgtLang = task == "chat" ? "ko" : "en";
    c.data.sharedVocab = task == "chat";
    c.data.srcVocabSize = c.data.tgtVocabSize = 500;
    c.data.maxPieces = 400;  // a high input limit: the responsiveness test sends a long input
    c.model.cell = "gru";
    c.model.embeddingSize = c.model.encoderHidden = c.model.decoderHidden = c.model.attentionSize = 32;
    c.model.dropout = 0.0;
    c.train.epochs = 2;
    c.train.batchSentences = 32;
    c.train.validateEvery = 1000;
    c.train.logEvery = 1000;
    c.train.threads = 1;
    c.decode.beam = 4;
    return c;
}

void trainBundle(const dari::Config& config, std::vector<dari::SentencePair> train, std::vector<dari::SentencePair> dev,
                 const QString& out) {
    dari::TrainInputs inputs{std::move(train), std::move(dev), "test"};
    dari::TrainOptions options;
    options.outDir = out.toStdString();
    dari::TrainLog log(out.toStdString() + ".log.jsonl", false, false);
    dari::train(config, inputs, options, log);
}

// Types like a Hangul input method does: one committed syllable at a time
// (QTest::keyClicks only knows ASCII).
void typeText(QWidget* widget, const QString& text) {
    for (const QChar c : text) {
        QInputMethodEvent event;
        event.setCommitString(QString(c));
        QApplication::sendEvent(widget, &event);
    }
}

}  // namespace

class TestChatWindow : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString models_, settings_, db_;

    std::unique_ptr<MainWindow> makeWindow() {
        dari::WindowOptions o;
        o.historyDb = db_;
        o.settingsFile = settings_;
        o.dialogs = false;
        auto w = std::make_unique<MainWindow>(o);
        w->show();
        return w;
    }

    // Types `text` into the input and presses Enter; returns the reply's row once it is in.
    int sendAndWait(MainWindow& w, const QString& text) {
        auto* input = w.findChild<dari::MessageInput*>(QStringLiteral("input"));
        input->setFocus();
        typeText(input, text);
        const int before = w.conversation()->rowCount();
        QTest::keyClick(input, Qt::Key_Return);
        if (w.conversation()->rowCount() != before + 2) return -1;  // user bubble + pending reply
        const int row = before + 1;
        if (!QTest::qWaitFor([&] { return !w.conversation()->at(row).pending; }, 30000)) return -1;
        return row;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        dari::configureThreads(1);
        models_ = dir_.filePath(QStringLiteral("models"));
        settings_ = dir_.filePath(QStringLiteral("settings.ini"));
        db_ = dir_.filePath(QStringLiteral("history.sqlite"));
        QVERIFY(QDir().mkpath(models_));
        QSettings s(settings_, QSettings::IniFormat);
        s.setValue(QStringLiteral("models/folder"), models_);
        s.sync();

        dari::Corpus corpus = dari::readTsv(DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv", {true});
        QVERIFY(corpus.pairs.size() >= 330);
        std::vector<dari::SentencePair> train(corpus.pairs.begin(), corpus.pairs.begin() + 300);
        std::vector<dari::SentencePair> dev(corpus.pairs.begin() + 300, corpus.pairs.begin() + 330);
        trainBundle(tinyConfig("translate"), train, dev, models_ + QStringLiteral("/ko-en"));
        // Chat: each Korean sentence answered by the next one.
        std::vector<dari::SentencePair> chat, chatDev;
        for (size_t i = 0; i + 1 < 330; ++i)
            (i < 300 ? chat : chatDev).push_back({corpus.pairs[i].source, corpus.pairs[i + 1].source, 0});
        trainBundle(tinyConfig("chat"), chat, chatDev, models_ + QStringLiteral("/chat-ko"));
        QVERIFY(QFile::exists(models_ + QStringLiteral("/ko-en/model.pt")));
        QVERIFY(QFile::exists(models_ + QStringLiteral("/chat-ko/meta.json")));
    }

    void findsModelsAndDefaults() {
        auto w = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QCOMPARE(QFileInfo(w->modelDir(MainWindow::Mode::Translate)).fileName(), QStringLiteral("ko-en"));
        QCOMPARE(QFileInfo(w->modelDir(MainWindow::Mode::Chat)).fileName(), QStringLiteral("chat-ko"));
        auto* picker = w->findChild<QComboBox*>(QStringLiteral("modelPicker"));
        QVERIFY(picker->findText(QStringLiteral("Open model…")) >= 0);
        QVERIFY(picker->currentText().startsWith(QStringLiteral("ko-en")));
        QVERIFY(!w->findChild<QLabel*>(QStringLiteral("placeholder"))->isVisible());
        const dari::ModelInfo info = dari::ModelCatalog::inspect(w->modelDir(MainWindow::Mode::Translate));
        QVERIFY(info.valid());
        QCOMPARE(info.cell, QStringLiteral("gru"));
        QVERIFY(info.summaryHtml().contains(QStringLiteral("BLEU")));
        QVERIFY(w->width() >= 800);
        QVERIFY(w->lastError().isEmpty());
    }

    void translatesWithEnterAndShowsDetails() {
        auto w = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->setMode(MainWindow::Mode::Translate);
        auto* input = w->findChild<dari::MessageInput*>(QStringLiteral("input"));
        // Shift+Enter is a line break, not a send.
        typeText(input, QStringLiteral("안녕"));
        QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(input->toPlainText(), QStringLiteral("안녕\n"));
        input->clear();
        const int rows = w->conversation()->rowCount();
        const int row = sendAndWait(*w, QStringLiteral("나는 학생이다."));
        QCOMPARE(row, rows + 1);
        const Message user = w->conversation()->at(row - 1);
        QCOMPARE(user.sender, Message::Sender::User);
        QCOMPARE(user.text, QStringLiteral("나는 학생이다."));
        const Message reply = w->conversation()->at(row);
        QCOMPARE(reply.sender, Message::Sender::Dari);
        QVERIFY(!reply.text.isEmpty());
        QCOMPARE(reply.nbest.value(0), reply.text);
        QVERIFY(reply.nbest.size() >= 2);  // beam 5: alternatives
        QVERIFY(reply.rows > 0 && reply.cols > 0);
        QCOMPARE(reply.cols, reply.sourcePieces.size());
        QCOMPARE(reply.rows, reply.outputPieces.size());
        QVERIFY(w->findChild<QLabel*>(QStringLiteral("speed"))->text().contains(QStringLiteral("ms/reply")));
        QVERIFY(w->findChild<QLabel*>(QStringLiteral("modelInUse"))->text().contains(QStringLiteral("ko-en")));

        // Select the reply with the keyboard: alternatives and heatmap follow.
        auto* view = w->findChild<QListView*>(QStringLiteral("conversation"));
        view->setFocus();
        w->selectRow(row - 1);
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), row);
        auto* alternatives = w->findChild<QListWidget*>(QStringLiteral("alternatives"));
        QCOMPARE(alternatives->count(), reply.nbest.size());
        QVERIFY(alternatives->item(0)->text().contains(reply.text));
        auto* heatmap = w->findChild<dari::AttentionHeatmap*>(QStringLiteral("heatmap"));
        QCOMPARE(heatmap->rows(), reply.rows);
        QCOMPARE(heatmap->cols(), reply.cols);
        w->details()->showAttentionTab();
        QTRY_VERIFY(heatmap->isVisible());
        const QImage image = heatmap->grab().toImage();
        QVERIFY(image.width() > 100 && image.height() > 100);

        // Copy puts the message on the clipboard.
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), reply.text);

        // The same input again comes from the cache.
        const int again = sendAndWait(*w, QStringLiteral("나는 학생이다."));
        QVERIFY(again > 0);
        QVERIFY(w->conversation()->at(again).cached);
        QCOMPARE(w->conversation()->at(again).text, reply.text);
    }

    void chatModeUsesChatModel() {
        auto w = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QTest::keySequence(w.get(), QKeySequence(QStringLiteral("Ctrl+2")));
        QCOMPARE(w->mode(), MainWindow::Mode::Chat);
        QVERIFY(w->findChild<QComboBox*>(QStringLiteral("modelPicker"))->currentText().startsWith(QStringLiteral("chat-ko")));
        const int row = sendAndWait(*w, QStringLiteral("안녕!"));
        QVERIFY(row > 0);
        const Message reply = w->conversation()->at(row);
        QCOMPARE(reply.sender, Message::Sender::Dari);
        QCOMPARE(reply.mode, QStringLiteral("chat"));
        QCOMPARE(reply.model, QStringLiteral("chat-ko"));
        w->setMode(MainWindow::Mode::Translate);
        QCOMPARE(w->mode(), MainWindow::Mode::Translate);
    }

    void historyIsRestoredSearchedAndExported() {
        int rows = 0;
        QString lastText;
        {
            auto w = makeWindow();
            rows = w->conversation()->rowCount();
            QVERIFY(rows >= 4);  // from the tests before
            lastText = w->conversation()->at(rows - 1).text;
        }
        auto w = makeWindow();  // a new window on the same database
        QCOMPARE(w->conversation()->rowCount(), rows);
        QCOMPARE(w->conversation()->at(rows - 1).text, lastText);
        QVERIFY(w->conversation()->at(1).rows > 0);  // attention kept too

        auto* view = w->findChild<QListView*>(QStringLiteral("conversation"));
        w->searchHistory(QStringLiteral("학생"));
        int shown = 0;
        for (int r = 0; r < rows; ++r) shown += view->isRowHidden(r) ? 0 : 1;
        int expected = 0;
        for (const Message& m : w->history()->all()) expected += m.text.contains(QStringLiteral("학생")) ? 1 : 0;
        QVERIFY(expected >= 2);  // typed twice in translatesWithEnterAndShowsDetails
        QCOMPARE(shown, expected);
        QCOMPARE(w->history()->search(QStringLiteral("학생")).size(), expected);
        w->searchHistory(QString());
        QVERIFY(!view->isRowHidden(0));

        const QString tsv = dir_.filePath(QStringLiteral("history.tsv"));
        const QString md = dir_.filePath(QStringLiteral("history.md"));
        QVERIFY(w->exportHistory(tsv));
        QVERIFY(w->exportHistory(md));
        QFile t(tsv), m(md);
        QVERIFY(t.open(QIODevice::ReadOnly) && m.open(QIODevice::ReadOnly));
        const QString tsvText = QString::fromUtf8(t.readAll());
        QCOMPARE(tsvText.count(QLatin1Char('\n')), rows + 1);  // header + one line a message
        QVERIFY(tsvText.contains(QStringLiteral("\t나는 학생이다.\n")));
        const QString mdText = QString::fromUtf8(m.readAll());
        QVERIFY(mdText.startsWith(QStringLiteral("# Dari conversation")));
        QVERIFY(mdText.contains(QStringLiteral("**You**")));
    }

    void badModelsGiveErrorsAndTheAppLives() {
        auto w = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->setMode(MainWindow::Mode::Translate);
        const QString good = w->modelDir(MainWindow::Mode::Translate);
        // A folder that is no bundle at all.
        w->useModelFolder(dir_.filePath(QStringLiteral("nowhere")));
        QVERIFY(w->lastError().contains(QStringLiteral("not a usable model")));
        QCOMPARE(w->modelDir(MainWindow::Mode::Translate), good);
        // A chat model in Translate mode.
        w->useModelFolder(models_ + QStringLiteral("/chat-ko"));
        QVERIFY(w->lastError().contains(QStringLiteral("\"chat\"")));
        QCOMPARE(w->modelDir(MainWindow::Mode::Translate), good);
        // Corrupt weights: every file present, model.pt garbage; the worker's load fails.
        const QString corrupt = dir_.filePath(QStringLiteral("corrupt"));
        QDir().mkpath(corrupt);
        for (const char* f : {"meta.json", "config.yaml", "src.spm", "tgt.spm"})
            QVERIFY(QFile::copy(good + QLatin1Char('/') + QLatin1String(f), corrupt + QLatin1Char('/') + QLatin1String(f)));
        QFile pt(corrupt + QStringLiteral("/model.pt"));
        QVERIFY(pt.open(QIODevice::WriteOnly));
        pt.write("this is not a torch archive");
        pt.close();
        QSignalSpy errors(w.get(), &MainWindow::errorShown);
        w->useModelFolder(corrupt);
        QTRY_VERIFY_WITH_TIMEOUT(errors.count() >= 1, 20000);
        QVERIFY2(w->lastError().contains(QStringLiteral("model.pt")), qPrintable(w->lastError()));
        QVERIFY(w->modelDir(MainWindow::Mode::Translate).isEmpty());
        QVERIFY(w->findChild<QLabel*>(QStringLiteral("placeholder"))->isVisible());
        // Still alive: pick the good model again and translate.
        w->useModelFolder(good);
        QVERIFY(sendAndWait(*w, QStringLiteral("고마워.")) > 0);
    }

    void longInputIsTruncatedWithNotice() {
        auto w = makeWindow();
        w->setMode(MainWindow::Mode::Translate);
        QString huge;
        for (int i = 0; i < 120; ++i) huge += QStringLiteral("나는 매우 긴 문장을 쓰고 있어요");  // one sentence, > 800 pieces
        QSignalSpy errors(w.get(), &MainWindow::errorShown);
        w->sendMessage(huge);
        QTRY_VERIFY_WITH_TIMEOUT(!w->busy(), 60000);
        QVERIFY(w->conversation()->at(w->conversation()->rowCount() - 1).truncated);
        QVERIFY(errors.count() >= 1);
        QVERIFY(w->lastError().contains(QStringLiteral("longer than the model's limit")));
    }

    void staysResponsiveAndCancels() {
        auto w = makeWindow();
        w->setMode(MainWindow::Mode::Translate);
        dari::AppSettings s = w->settings();
        s.beam = 32;
        s.maxLengthRatio = 4.0;
        w->applySettings(s);
        QString longText;
        for (int i = 0; i < 60; ++i) longText += QStringLiteral("그는 어제 친구와 함께 도서관에서 공부했다 ");
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
        ticker.start();
        auto* busy = w->findChild<QProgressBar*>(QStringLiteral("busy"));
        w->sendMessage(longText);
        QVERIFY(w->busy());
        QVERIFY(busy->isVisible());
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(!w->busy(), 120000);
        const qint64 elapsed = clock.elapsed();
        ticker.stop();
        qInfo("reply took %lld ms; the GUI timer ticked %d times", elapsed, ticks);
        QVERIFY2(elapsed >= 100, "the request was too short to measure responsiveness");
        // A free event loop ticks every 10 ms; demand a quarter of that (and at least 5 ticks).
        QVERIFY2(ticks >= std::max<qint64>(5, elapsed / 40), "the event loop stalled while the reply was computed");
        QVERIFY(!busy->isVisible());

        // Cancel: the running request's result is discarded, waiting ones dropped.
        const int before = w->conversation()->rowCount();
        w->sendMessage(longText + QStringLiteral("하나"));
        w->sendMessage(longText + QStringLiteral("둘"));
        QVERIFY(w->busy());
        w->cancelRequest();
        QVERIFY(!w->busy());
        QTest::qWait(50);
        QCOMPARE(w->conversation()->rowCount(), before + 4);
        QCOMPARE(w->conversation()->at(before + 1).sender, Message::Sender::Notice);
        QCOMPARE(w->conversation()->at(before + 3).sender, Message::Sender::Notice);
        s.beam = 5;
        s.maxLengthRatio = 2.0;
        w->applySettings(s);
    }

    void translatesAsYouType() {
        auto w = makeWindow();
        w->setMode(MainWindow::Mode::Translate);
        dari::AppSettings s = w->settings();
        s.translateAsYouType = true;
        w->applySettings(s);
        QSignalSpy previews(w.get(), &MainWindow::previewShown);
        const int rows = w->conversation()->rowCount();
        auto* input = w->findChild<dari::MessageInput*>(QStringLiteral("input"));
        typeText(input, QStringLiteral("고마워"));
        QTRY_VERIFY_WITH_TIMEOUT(previews.count() >= 1, 20000);
        QVERIFY(w->findChild<QLabel*>(QStringLiteral("preview"))->text().startsWith(QStringLiteral("→")));
        QCOMPARE(w->conversation()->rowCount(), rows);  // a preview is no message
        s.translateAsYouType = false;
        w->applySettings(s);
        QSettings stored(settings_, QSettings::IniFormat);
        QCOMPARE(stored.value(QStringLiteral("translate/asYouType")).toBool(), false);
    }

    void clearHistoryEmptiesTheDatabase() {
        auto w = makeWindow();
        QVERIFY(w->conversation()->rowCount() > 0);
        w->clearHistory();
        QCOMPARE(w->conversation()->rowCount(), 0);
        QCOMPARE(w->history()->all().size(), 0);
    }
};

QTEST_MAIN(TestChatWindow)
#include "test_chat_window.moc"
