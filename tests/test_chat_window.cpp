// The chat window driven like a user: tiny models trained in-process, the real
// window on the offscreen platform, a history database in a temporary folder.

#include <QAbstractItemView>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include "model/bundle/bundle_join.h"
#include "model/runtime.h"
#include "test_helpers.h"
#include "ui/chat/attention_heatmap.h"
#include "ui/chat/bubble_delegate.h"
#include "ui/chat/conversation_model.h"
#include "ui/chat/empty_state.h"
#include "ui/chat/file_translation.h"
#include "ui/chat/history_store.h"
#include "ui/chat/message_input.h"
#include "ui/chat/reply_details.h"
#include "ui/main_window.h"
#include "ui/model_catalog.h"
#include "window_fixture.h"

using dari::MainWindow;
using dari::Message;
using fixture::typeText;

class TestChatWindow : public QObject {
    Q_OBJECT

    fixture::Window fx_;
    QTemporaryDir& dir_ = fx_.dir;
    QString& models_ = fx_.models;
    QString& settings_ = fx_.settings;

    std::unique_ptr<MainWindow> makeWindow() { return fx_.makeWindow(); }
    int sendAndWait(MainWindow& w, const QString& text) {
        return fixture::Window::sendAndWait(w, text);
    }

private Q_SLOTS:
    // File ▸ Translate a file: every line translated, line breaks (and an empty line) kept,
    // next to the input; a cancelled run writes nothing.
    void translatesAWholeFile() {
        auto w = makeWindow();
        QTemporaryDir dir;
        const QString input = dir.filePath(QStringLiteral("letter.txt"));
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("안녕하세요.\n\n오늘은 날씨가 좋네요. 나는 학생이다.\r\n고마워요\n");
        file.close();
        w->translateFile(input);
        QVERIFY(w->fileTranslation());
        QSignalSpy done(w->fileTranslation(), &dari::FileTranslation::finished);
        QVERIFY(done.wait(60000));
        const auto result = done.first().first().value<dari::FileTranslationResult>();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.output, dir.filePath(QStringLiteral("letter.en.txt")));
        QFile out(result.output);
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = out.readAll().split('\n');
        QCOMPARE(lines.size(), 5);  // four lines and the final newline
        QVERIFY(!lines[0].isEmpty());
        QVERIFY(lines[1].isEmpty());
        QVERIFY(lines[2].endsWith('\r'));  // a CRLF line stays one
        QVERIFY(!lines[3].isEmpty());
        QCOMPARE(result.lines, 4);

        // Cancelled at once: nothing is written.
        QFile::remove(result.output);
        w->translateFile(input);
        QSignalSpy cancelled(w->fileTranslation(), &dari::FileTranslation::finished);
        w->fileTranslation()->cancel();
        QVERIFY(cancelled.wait(60000));
        QVERIFY(cancelled.first().first().value<dari::FileTranslationResult>().cancelled);
        QVERIFY(!QFileInfo::exists(result.output));
        // Not UTF-8: one message naming the file and line, nothing written.
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("좋아요\n\xff\xfe\n");
        file.close();
        w->translateFile(input);
        QSignalSpy refused(w->fileTranslation(), &dari::FileTranslation::finished);
        QVERIFY(refused.wait(60000));
        QVERIFY2(refused.first().first().value<dari::FileTranslationResult>().error.contains(
                     input + QStringLiteral(":2: not UTF-8")),
                 qPrintable(refused.first().first().value<dari::FileTranslationResult>().error));
        QVERIFY(!QFileInfo::exists(result.output));
    }

    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        dari::configureThreads(1);
        QVERIFY(fx_.setUp());
    }

    void findsModelsAndDefaults() {
        auto w = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QCOMPARE(QFileInfo(w->modelDir(MainWindow::Mode::Translate)).fileName(),
                 QStringLiteral("ko-en"));
        QCOMPARE(QFileInfo(w->modelDir(MainWindow::Mode::Chat)).fileName(),
                 QStringLiteral("chat-ko"));
        auto* picker = w->findChild<QComboBox*>(QStringLiteral("modelPicker"));
        QVERIFY(picker->findText(QStringLiteral("Open model…")) >= 0);
        QVERIFY(picker->currentText().startsWith(QStringLiteral("ko-en")));
        QVERIFY(!w->findChild<QWidget*>(QStringLiteral("placeholder"))->isVisible());
        const dari::ModelInfo info =
            dari::ModelCatalog::inspect(w->modelDir(MainWindow::Mode::Translate));
        QVERIFY(info.valid());
        QCOMPARE(info.cell, QStringLiteral("gru"));
        QVERIFY(info.summaryHtml().contains(QStringLiteral("BLEU")));
        QVERIFY(w->width() >= 800);
        QVERIFY(w->lastError().isEmpty());
    }

    void ensembleIsListedWithItsNetworks() {
        const std::string base = (models_ + QStringLiteral("/ko-en")).toStdString();
        std::vector<dari::Bundle> members;
        members.push_back(dari::Bundle::load(base));
        members.push_back(dari::Bundle::load(base));
        const QString joined = dir_.filePath(QStringLiteral("ensemble"));
        dari::joinBundles(std::move(members), {base, base}).save(joined.toStdString());
        dari::ModelInfo info = dari::ModelCatalog::inspect(joined);
        QVERIFY2(info.valid(), qPrintable(info.error));
        QCOMPARE(info.members, 2);
        QVERIFY2(info.shortLabel().startsWith(QStringLiteral("ensemble (GRU ×2, ")),
                 qPrintable(info.shortLabel()));
        QVERIFY(info.summaryHtml().contains(QStringLiteral("2 networks")));
        QVERIFY(QFile::remove(joined + QStringLiteral("/member2.pt")));
        info = dari::ModelCatalog::inspect(joined);
        QCOMPARE(info.error, QStringLiteral("member2.pt is missing"));
    }

    // The catalog reads meta.json with the engine's BundleMeta: a file it rejects is
    // named as corrupt, a missing one as missing.
    void unreadableMetaIsNamed() {
        const QString dir = dir_.filePath(QStringLiteral("bad-meta"));
        QVERIFY(QDir().mkpath(dir));
        QCOMPARE(dari::ModelCatalog::inspect(dir).error, QStringLiteral("meta.json is missing"));
        for (const QByteArray& bytes :
             {QByteArray("{not json"), QByteArray(R"({"task": "translate", "members": 99})")}) {
            QFile meta(dir + QStringLiteral("/meta.json"));
            QVERIFY(meta.open(QIODevice::WriteOnly | QIODevice::Truncate));
            meta.write(bytes);
            meta.close();
            const QString error = dari::ModelCatalog::inspect(dir).error;
            QVERIFY2(error.startsWith(QStringLiteral("meta.json is corrupt (")), qPrintable(error));
        }
    }

    void emptyStateOffersExamples() {
        dari::WindowOptions o;
        o.historyDb = dir_.filePath(QStringLiteral("first-launch.sqlite"));
        o.settingsFile = settings_;
        o.dialogs = false;
        MainWindow w(o);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setMode(MainWindow::Mode::Chat);
        auto* empty = w.findChild<dari::EmptyState*>(QStringLiteral("emptyState"));
        auto* view = w.findChild<QListView*>(QStringLiteral("conversation"));
        QVERIFY(empty && empty->isVisible() && !view->isVisible());
        const auto buttons = empty->exampleButtons();
        QCOMPARE(buttons.size(), 3);
        QCOMPARE(buttons[0]->property("example").toString(),
                 dari::EmptyState::examples(QStringLiteral("chat")).at(0));
        w.setMode(MainWindow::Mode::Translate);
        const QString example = dari::EmptyState::examples(QStringLiteral("translate")).at(1);
        QCOMPARE(buttons[1]->property("example").toString(), example);
        QVERIFY(buttons[1]->text().contains(example));
        QTest::mouseClick(buttons[1], Qt::LeftButton);  // sent as if typed
        QTRY_VERIFY_WITH_TIMEOUT(
            w.conversation()->rowCount() == 2 && !w.conversation()->at(1).pending, 30000);
        QCOMPARE(w.conversation()->at(0).text, example);
        QCOMPARE(w.conversation()->at(1).sender, Message::Sender::Dari);
        QVERIFY(!empty->isVisible() && view->isVisible());
        w.clearHistory();
        QVERIFY(empty->isVisible());
    }

    void englishInputIsSaidToBeEnglish() {
        auto w = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->setMode(MainWindow::Mode::Translate);
        const int before = w->conversation()->rowCount();
        w->sendMessage(QStringLiteral("I love you."));
        QCOMPARE(w->conversation()->rowCount(), before + 3);  // question, notice, reply
        const Message notice = w->conversation()->at(before + 1);
        QCOMPARE(notice.sender, Message::Sender::Notice);
        QVERIFY(notice.text.contains(QStringLiteral("looks like English")));
        QVERIFY(notice.text.contains(QStringLiteral("Korean → English")));
        QTRY_VERIFY_WITH_TIMEOUT(!w->conversation()->at(before + 2).pending, 30000);
        // Korean with a Latin word in it is Korean.
        w->sendMessage(QStringLiteral("톰은 iPhone을 샀다"));
        QCOMPARE(w->conversation()->rowCount(), before + 5);
        QCOMPARE(w->conversation()->at(before + 4).sender, Message::Sender::Dari);
        QTRY_VERIFY_WITH_TIMEOUT(!w->conversation()->at(before + 4).pending, 30000);
    }

    void pickerListsOnlyThisModesModels() {
        auto w = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        auto* picker = w->findChild<QComboBox*>(QStringLiteral("modelPicker"));
        for (auto mode : {MainWindow::Mode::Translate, MainWindow::Mode::Chat}) {
            w->setMode(mode);
            int models = 0;
            for (int i = 0; i < picker->count(); ++i) {
                const QString dir = picker->itemData(i).toString();
                if (dir.isEmpty() || !QFileInfo(dir).isDir()) continue;
                ++models;
                const dari::ModelInfo info = dari::ModelCatalog::inspect(dir);
                if (info.valid()) QCOMPARE(info.task, MainWindow::taskOf(mode));
            }
            QVERIFY(models >= 1);
        }
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
        QCOMPARE(reply.sentences.size(), 1);
        const dari::SentenceDetail d = reply.sentences.at(0);
        QCOMPARE(d.source, QStringLiteral("나는 학생이다."));
        QCOMPARE(d.nbest.value(0), reply.text);
        QVERIFY(d.nbest.size() >= 2);  // beam 5: alternatives
        QVERIFY(d.rows > 0 && d.cols > 0);
        QCOMPARE(d.cols, d.sourcePieces.size());
        QCOMPARE(d.rows, d.outputPieces.size());
        QVERIFY(w->findChild<QLabel*>(QStringLiteral("speed"))
                    ->text()
                    .contains(QStringLiteral("ms/reply")));
        QVERIFY(w->findChild<QLabel*>(QStringLiteral("modelInUse"))
                    ->text()
                    .contains(QStringLiteral("ko-en")));

        // Select the reply with the keyboard: alternatives and heatmap follow.
        auto* view = w->findChild<QListView*>(QStringLiteral("conversation"));
        view->setFocus();
        w->selectRow(row - 1);
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), row);
        auto* alternatives = w->findChild<QListWidget*>(QStringLiteral("alternatives"));
        QCOMPARE(alternatives->count(), d.nbest.size());
        QVERIFY(alternatives->item(0)->text().contains(reply.text));
        QVERIFY(!w->details()->sentencePicker()->isVisible());  // one sentence: no picker
        auto* heatmap = w->findChild<dari::AttentionHeatmap*>(QStringLiteral("heatmap"));
        QCOMPARE(heatmap->rows(), d.rows);
        QCOMPARE(heatmap->cols(), d.cols);
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
        QVERIFY(w->findChild<QComboBox*>(QStringLiteral("modelPicker"))
                    ->currentText()
                    .startsWith(QStringLiteral("chat-ko")));
        const int row = sendAndWait(*w, QStringLiteral("안녕!"));
        QVERIFY(row > 0);
        const Message reply = w->conversation()->at(row);
        QCOMPARE(reply.sender, Message::Sender::Dari);
        QCOMPARE(reply.mode, QStringLiteral("chat"));
        QCOMPARE(reply.model, QStringLiteral("chat-ko"));
        // Alternatives: several sampled replies, ranked; the reply is the likeliest.
        QCOMPARE(reply.sentences.size(), 1);
        const dari::SentenceDetail d = reply.sentences.at(0);
        QCOMPARE(d.nbest.value(0), reply.text);
        QVERIFY2(d.nbest.size() >= 2, "five draws from a barely trained model differ");
        QCOMPARE(d.scores.size(), d.nbest.size());
        for (int i = 1; i < d.scores.size(); ++i)
            QVERIFY(d.scores.at(i - 1) >= d.scores.at(i));
        QCOMPARE(QSet<QString>(d.nbest.begin(), d.nbest.end()).size(), d.nbest.size());
        QVERIFY(d.rows > 0);
        w->selectRow(row);
        auto* alternatives = w->findChild<QListWidget*>(QStringLiteral("alternatives"));
        QCOMPARE(alternatives->count(), d.nbest.size());
        QVERIFY(alternatives->item(1)->text().contains(d.nbest.at(1)));
        // Each row says how likely it is, on a line of its own (kept in a narrow pane).
        QVERIFY(alternatives->item(0)->text().contains(QStringLiteral("\nlikeliest")));
        QVERIFY(alternatives->item(1)->text().contains(QStringLiteral("likely")));

        // Adopting the second draw makes it the reply, on screen and in the history.
        auto* adopt = w->findChild<QPushButton*>(QStringLiteral("adoptAlternative"));
        QVERIFY(!adopt->isEnabled());
        alternatives->setCurrentRow(1);
        QVERIFY(adopt->isEnabled());
        QTest::mouseClick(adopt, Qt::LeftButton);
        QCOMPARE(w->conversation()->at(row).text, d.nbest.at(1));
        QCOMPARE(w->conversation()->at(row).sentences.at(0).chosen, 1);
        bool stored = false;
        for (const Message& m : w->history()->all())
            if (m.dbId == w->conversation()->at(row).dbId) {
                QCOMPARE(m.text, d.nbest.at(1));
                QCOMPARE(m.sentences.at(0).chosen, 1);
                stored = true;
            }
        QVERIFY(stored);
        QVERIFY(alternatives->item(1)->text().contains(QStringLiteral("the reply")));

        // The details pane shows only the current mode's replies.
        QVERIFY(w->details()->heatmap()->hasData());
        w->setMode(MainWindow::Mode::Translate);
        QCOMPARE(w->mode(), MainWindow::Mode::Translate);
        QVERIFY(!w->details()->heatmap()->hasData());
        QCOMPARE(alternatives->count(), 0);
    }

    void everySentenceHasItsDetails() {
        auto w = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->setMode(MainWindow::Mode::Translate);
        const QStringList sources = {QStringLiteral("고마워요."), QStringLiteral("나는 학생이다!"),
                                     QStringLiteral("내일 봐요.")};
        const int row = sendAndWait(
            *w, sources.mid(0, 2).join(QLatin1Char(' ')) + QLatin1Char(' ') + sources.at(2));
        QVERIFY(row > 0);
        const Message reply = w->conversation()->at(row);
        QCOMPARE(reply.sentences.size(), 3);
        QStringList best;
        for (int i = 0; i < 3; ++i) {
            const dari::SentenceDetail& d = reply.sentences.at(i);
            QCOMPARE(d.source, sources.at(i));
            QVERIFY(d.rows > 0 && d.cols == d.sourcePieces.size() &&
                    d.rows == d.outputPieces.size());
            best << d.nbest.value(0);
        }
        QCOMPARE(reply.text, best.join(QLatin1Char(' ')));
        // The details follow the sentence picked above the tabs.
        w->selectRow(row);
        w->details()->showAttentionTab();
        auto* picker = w->details()->sentencePicker();
        QTRY_VERIFY(picker->isVisible());
        QCOMPARE(picker->count(), 3);
        QVERIFY(picker->itemText(1).contains(sources.at(1)));
        auto* heatmap = w->findChild<dari::AttentionHeatmap*>(QStringLiteral("heatmap"));
        auto* alternatives = w->findChild<QListWidget*>(QStringLiteral("alternatives"));
        for (int i : {0, 2, 1}) {
            picker->setCurrentIndex(i);
            QCOMPARE(w->details()->currentSentence(), i);
            QCOMPARE(heatmap->rows(), reply.sentences.at(i).rows);
            QCOMPARE(heatmap->cols(), reply.sentences.at(i).cols);
            QCOMPARE(alternatives->count(), reply.sentences.at(i).nbest.size());
            QVERIFY(alternatives->item(0)->text().contains(reply.sentences.at(i).nbest.value(0)));
        }
        // Stored per sentence in the history.
        const Message stored = w->history()->all().constLast();
        QCOMPARE(stored.sentences.size(), 3);
        QCOMPARE(stored.sentences.at(2).source, sources.at(2));
        QCOMPARE(stored.sentences.at(2).attention, reply.sentences.at(2).attention);
        // Selecting the question (no details) hides the picker again.
        w->selectRow(row - 1);
        QVERIFY(!picker->isVisible());
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
        QVERIFY(w->conversation()->at(1).sentences.value(0).rows > 0);  // attention kept too

        // Never SentencePiece's <unk> surface in a reply or an alternative.
        for (const Message& m : w->history()->all()) {
            QVERIFY2(!m.text.contains(QChar(0x2047)), qPrintable(m.text));
            for (const dari::SentenceDetail& d : m.sentences)
                for (const QString& alternative : d.nbest)
                    QVERIFY2(!alternative.contains(QChar(0x2047)), qPrintable(alternative));
        }

        auto* view = w->findChild<QListView*>(QStringLiteral("conversation"));
        const QString term = QStringLiteral("학생");
        w->searchHistory(term);
        int matches = 0;
        for (const Message& m : w->history()->all())
            matches += m.text.contains(term) ? 1 : 0;
        QVERIFY(matches >= 2);  // typed twice in translatesWithEnterAndShowsDetails
        QCOMPARE(w->history()->search(term).size(), matches);
        // A match is shown with its partner: the question with its reply, the reply with its
        // question; exchanges without a match are hidden.
        const auto* c = w->conversation();
        const auto isUser = [&](int r) { return c->at(r).sender == Message::Sender::User; };
        int shownMatches = 0, shown = 0;
        for (int r = 0; r < rows; ++r) {
            shown += view->isRowHidden(r) ? 0 : 1;
            if (!c->at(r).text.contains(term)) continue;
            ++shownMatches;
            QVERIFY(!view->isRowHidden(r));
            int question = r;
            while (question > 0 && !isUser(question))
                --question;
            QVERIFY(!view->isRowHidden(question));
            if (question + 1 < rows && !isUser(question + 1))
                QVERIFY(!view->isRowHidden(question + 1));
        }
        QCOMPARE(shownMatches, matches);
        QVERIFY(shown > matches && shown < rows);
        for (int r = 0; r < rows; ++r) {
            if (view->isRowHidden(r)) continue;
            int start = r, end = r + 1;
            while (start > 0 && !isUser(start))
                --start;
            while (end < rows && !isUser(end))
                ++end;
            bool hit = false;
            for (int k = start; k < end; ++k)
                hit = hit || c->at(k).text.contains(term);
            QVERIFY2(hit, qPrintable(c->at(r).text));
        }
        auto* delegate = qobject_cast<dari::BubbleDelegate*>(view->itemDelegate());
        QVERIFY(delegate);
        QCOMPARE(delegate->highlight(), term);
        w->searchHistory(QString());
        for (int r = 0; r < rows; ++r)
            QVERIFY(!view->isRowHidden(r));
        QVERIFY(delegate->highlight().isEmpty());
        QCOMPARE(view->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);

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
            QVERIFY(QFile::copy(good + QLatin1Char('/') + QLatin1String(f),
                                corrupt + QLatin1Char('/') + QLatin1String(f)));
        QFile pt(corrupt + QStringLiteral("/model.pt"));
        QVERIFY(pt.open(QIODevice::WriteOnly));
        pt.write("this is not a torch archive");
        pt.close();
        QSignalSpy errors(w.get(), &MainWindow::errorShown);
        w->useModelFolder(corrupt);
        QTRY_VERIFY_WITH_TIMEOUT(errors.count() >= 1, 20000);
        QVERIFY2(w->lastError().contains(QStringLiteral("model.pt")), qPrintable(w->lastError()));
        QVERIFY(w->modelDir(MainWindow::Mode::Translate).isEmpty());
        QVERIFY(w->findChild<QWidget*>(QStringLiteral("placeholder"))->isVisible());
        // Still alive: pick the good model again and translate.
        w->useModelFolder(good);
        QVERIFY(sendAndWait(*w, QStringLiteral("고마워.")) > 0);
    }

    // A history that cannot be written (a full disk): said once, the conversation stays on
    // screen, and saving resumes when there is room again.
    void aFullDiskIsSaidOnceAndTheConversationStays() {
        auto w = makeWindow();
        w->setMode(MainWindow::Mode::Translate);
        const int saved = w->history()->all().size();
        const int rows = w->conversation()->rowCount();
        QSignalSpy errors(w.get(), &MainWindow::errorShown);
        {
            helpers::NoFileGrowth full;
            QVERIFY(sendAndWait(*w, QStringLiteral("고마워.")) > 0);
            QVERIFY(sendAndWait(*w, QStringLiteral("나는 학생이다.")) > 0);
        }
        int said = 0;
        for (const auto& e : errors)
            said += e.at(0).toString().contains(QStringLiteral("could not be saved")) ? 1 : 0;
        QCOMPARE(said, 1);
        QCOMPARE(w->conversation()->rowCount(), rows + 4);
        QCOMPARE(w->history()->all().size(), saved);
        QVERIFY(sendAndWait(*w, QStringLiteral("안녕하세요.")) > 0);
        QCOMPARE(w->history()->all().size(), saved + 2);
    }

    void longInputIsTruncatedWithNotice() {
        auto w = makeWindow();
        w->setMode(MainWindow::Mode::Translate);
        QString huge;
        for (int i = 0; i < 120; ++i)
            huge +=
                QStringLiteral("나는 매우 긴 문장을 쓰고 있어요");  // one sentence, > 800 pieces
        QSignalSpy errors(w.get(), &MainWindow::errorShown);
        w->sendMessage(huge);
        QTRY_VERIFY_WITH_TIMEOUT(!w->busy(), 60000);
        QVERIFY(w->conversation()->at(w->conversation()->rowCount() - 1).truncated);
        QVERIFY(errors.count() >= 1);
        QVERIFY(w->lastError().contains(QStringLiteral("longer than the model's limit")));
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
        QVERIFY(w->findChild<QLabel*>(QStringLiteral("preview"))
                    ->text()
                    .startsWith(QStringLiteral("→")));
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
