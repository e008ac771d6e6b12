// The window's engine side: stopping a running decode (Cancel, latest wins), the
// event loop turning during a long reply, and the settings dialog reaching the worker.

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QListView>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QThread>
#include <QtTest>

#include "model/runtime.h"
#include "ui/chat/engine_worker.h"
#include "ui/settings_dialog.h"
#include "window_fixture.h"

using dari::MainWindow;
using dari::Message;

namespace {

// One long sentence (~300 pieces): with the endless model and ratio 10, a decode of
// ~3000 steps that only a stop ends early.
QString longSentence() {
    QString text;
    for (int i = 0; i < 30; ++i)
        text += QStringLiteral("그는 어제 친구와 함께 도서관에서 공부했다 ");
    return text.trimmed();
}

dari::EngineRequest longRequest(const QString& endless) {
    dari::EngineRequest r;
    r.task = QStringLiteral("translate");
    r.modelDir = endless;
    r.text = longSentence();
    r.beam = 4;
    r.maxLengthRatio = 10.0;
    return r;
}

bool copyFolder(const QString& from, const QString& to) {
    QDir().mkpath(to);
    const QStringList files = QDir(from).entryList(QDir::Files);
    for (const QString& name : files)
        if (!QFile::copy(from + QLatin1Char('/') + name, to + QLatin1Char('/') + name))
            return false;
    return !files.isEmpty();
}

}  // namespace

class TestWindowEngine : public QObject {
    Q_OBJECT
    fixture::Window fx_;
    QString endless_;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<dari::EngineRequest>();
        qRegisterMetaType<dari::EngineReply>();
        dari::configureThreads(1);
        QVERIFY(fx_.setUp());
        endless_ = fx_.endlessModel();
        QVERIFY(QFile::exists(endless_ + QStringLiteral("/model.pt")));
    }

    // The worker on its own thread, cancelled while it decodes: the reply comes back
    // marked stopped, with less than the length limit decoded.
    void cancelStopsARunningDecode() {
        QThread thread;
        auto* worker = new dari::EngineWorker;
        worker->moveToThread(&thread);
        connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        thread.start();
        const auto stopThread = qScopeGuard([&] {
            thread.quit();
            thread.wait();
        });
        QSignalSpy started(worker, &dari::EngineWorker::started);
        QSignalSpy finished(worker, &dari::EngineWorker::finished);
        dari::EngineRequest r = longRequest(endless_);
        r.id = 7;
        QMetaObject::invokeMethod(worker, "submit", Qt::QueuedConnection,
                                  Q_ARG(dari::EngineRequest, r));
        QVERIFY(started.wait(30000));
        QCOMPARE(started.at(0).at(0).toULongLong(), quint64{7});
        worker->cancelUpTo(7);  // from this (the GUI) thread, while the worker decodes
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const auto reply = finished.at(0).at(0).value<dari::EngineReply>();
        QVERIFY(reply.error.isEmpty());
        QVERIFY(reply.stopped);
        QCOMPARE(reply.sentences.size(), 1);
        const int limit = static_cast<int>(10.0 * (reply.sentences.at(0).sourcePieces.size())) + 10;
        QVERIFY(reply.sentences.at(0).outputPieces.size() < limit);
        // A stopped reply is not cached: the same request runs again (and is stopped again).
        r.id = 8;
        QMetaObject::invokeMethod(worker, "submit", Qt::QueuedConnection,
                                  Q_ARG(dari::EngineRequest, r));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QVERIFY(!finished.at(1).at(0).value<dari::EngineReply>().cached);
    }

    // The cache answers a repeated input only from the weights it was computed with:
    // after loadModel (the model was trained further), the same input is decoded again.
    void reloadedModelIsNotAnsweredFromTheCache() {
        dari::Engine engine;
        QSignalSpy replies(&engine, &dari::Engine::replyReady);
        QSignalSpy ready(&engine, &dari::Engine::modelReady);
        dari::EngineRequest r;
        r.task = QStringLiteral("translate");
        r.modelDir = fx_.models + QStringLiteral("/ko-en");
        r.text = QStringLiteral("고마워요.");
        for (const bool cached : {false, true}) {
            engine.request(r);
            QTRY_COMPARE_WITH_TIMEOUT(replies.count(), cached ? 2 : 1, 60000);
            QCOMPARE(replies.last().at(0).value<dari::EngineReply>().cached, cached);
        }
        engine.loadModel(r.modelDir, r.task);
        QVERIFY(ready.wait(30000));
        engine.request(r);
        QTRY_COMPARE_WITH_TIMEOUT(replies.count(), 3, 60000);
        QVERIFY(!replies.last().at(0).value<dari::EngineReply>().cached);
    }

    // A model folder replaced by other weights while the window holds it: the next
    // request reads it again (not from the cache); deleted: the reply says so, no crash.
    void aChangedModelFolderIsReadAgain() {
        const QString dir = fx_.dir.filePath(QStringLiteral("moving"));
        QVERIFY(copyFolder(fx_.models + QStringLiteral("/ko-en"), dir));
        dari::Engine engine;
        QSignalSpy replies(&engine, &dari::Engine::replyReady);
        dari::EngineRequest r;
        r.task = QStringLiteral("translate");
        r.modelDir = dir;
        r.text = QStringLiteral("고마워요.");
        r.maxLengthRatio = 2.0;
        const auto ask = [&] {
            engine.request(r);
            const int before = replies.count();
            return QTest::qWaitFor([&] { return replies.count() > before; }, 60000)
                       ? replies.last().at(0).value<dari::EngineReply>()
                       : dari::EngineReply{};
        };
        const dari::EngineReply first = ask();
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QVERIFY(ask().cached);

        QVERIFY(QDir(dir).removeRecursively());  // replaced by the endless model
        QVERIFY(copyFolder(endless_, dir));
        const dari::EngineReply replaced = ask();
        QVERIFY2(replaced.error.isEmpty(), qPrintable(replaced.error));
        QVERIFY(!replaced.cached);
        QVERIFY(replaced.text != first.text);

        QVERIFY(QDir(dir).removeRecursively());
        const dari::EngineReply gone = ask();
        QVERIFY2(gone.error.contains(QStringLiteral("no longer exists")), qPrintable(gone.error));
        QVERIFY(gone.text.isEmpty());
    }

    // Each part of a request is its own field of the key: a "%1" in a folder name is
    // text, not a placeholder that the next value fills.
    void cacheKeysKeepEveryField() {
        dari::EngineRequest a, b;
        a.task = b.task = QStringLiteral("translate");
        a.modelDir = QStringLiteral("/m/%4");
        b.modelDir = QStringLiteral("/m/2");
        a.beam = b.beam = 5;
        a.maxLengthRatio = b.maxLengthRatio = 2.0;
        a.text = b.text = QStringLiteral("안녕");
        QVERIFY(dari::replyCacheKey(a, 1) != dari::replyCacheKey(b, 1));
        QVERIFY(dari::replyCacheKey(a, 1).contains(QStringLiteral("/m/%4")));
        QVERIFY(dari::replyCacheKey(a, 1) != dari::replyCacheKey(a, 2));
        b.modelDir = a.modelDir;
        QCOMPARE(dari::replyCacheKey(a, 1), dari::replyCacheKey(b, 1));
    }

    // Latest wins also for the request being decoded: it is stopped, never answered.
    void newRequestStopsTheRunningOne() {
        dari::Engine engine;
        QSignalSpy replies(&engine, &dari::Engine::replyReady);
        QSignalSpy dropped(&engine, &dari::Engine::requestDropped);
        QSignalSpy started(&engine, &dari::Engine::requestStarted);
        const quint64 first = engine.request(longRequest(endless_));
        QVERIFY(started.wait(30000));
        QCOMPARE(started.at(0).at(0).toULongLong(), first);
        dari::EngineRequest quick;
        quick.task = QStringLiteral("translate");
        quick.modelDir = fx_.models + QStringLiteral("/ko-en");
        quick.text = QStringLiteral("고마워요.");
        const quint64 second = engine.request(quick);
        QTRY_COMPARE_WITH_TIMEOUT(replies.count(), 1, 60000);
        QCOMPARE(replies.at(0).at(0).value<dari::EngineReply>().id, second);
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.at(0).at(0).toULongLong(), first);
        QVERIFY(!engine.busy());
    }

    // The GUI keeps turning while a long reply is computed; Cancel ends it.
    void staysResponsiveAndCancels() {
        auto w = fx_.makeWindow();
        w->setMode(MainWindow::Mode::Translate);
        w->useModelFolder(endless_);
        dari::AppSettings s = w->settings();
        s.beam = 4;
        s.maxLengthRatio = 10.0;
        w->applySettings(s);
        auto* busy = w->findChild<QProgressBar*>(QStringLiteral("busy"));
        w->sendMessage(longSentence());
        QVERIFY(w->busy());
        QVERIFY(busy->isVisible());
        // Count timer ticks while that one reply is computed. No timing is asserted:
        // the decode only ends when cancelled, however slow the machine is.
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, [&] { ticks += w->busy() ? 1 : 0; });
        ticker.start();
        QVERIFY(QTest::qWaitFor([&] { return ticks >= 10 || !w->busy(); }, 60000));
        QVERIFY2(w->busy(), "the reply ended before the event loop could turn: it never should");
        QVERIFY(ticks >= 10);
        QVERIFY(busy->isVisible());

        // Cancel: the running request stops, waiting ones are dropped.
        const int before = w->conversation()->rowCount();
        w->sendMessage(longSentence() + QStringLiteral(" 하나"));
        w->sendMessage(longSentence() + QStringLiteral(" 둘"));
        QVERIFY(w->busy());
        w->cancelRequest();
        QVERIFY(!w->busy());
        QVERIFY(!busy->isVisible());
        QCOMPARE(w->conversation()->rowCount(), before + 4);
        for (int row : {before - 1, before + 1, before + 3}) {
            QCOMPARE(w->conversation()->at(row).sender, Message::Sender::Notice);
            QVERIFY(!w->conversation()->at(row).pending);
        }
        // The worker is free again: the next message is answered by the good model.
        w->useModelFolder(fx_.models + QStringLiteral("/ko-en"));
        QVERIFY(fixture::Window::sendAndWait(*w, QStringLiteral("고마워요.")) > 0);
        s.beam = 5;
        s.maxLengthRatio = 2.0;
        w->applySettings(s);
    }

    // Decode settings left unset are the model's own (its config.yaml: beam 4 here), and
    // the dialog says so instead of showing a second copy of the defaults.
    void unsetDecodeSettingsFollowTheModel() {
        dari::Engine engine;
        QSignalSpy replies(&engine, &dari::Engine::replyReady);
        dari::EngineRequest r;
        r.task = QStringLiteral("translate");
        r.modelDir = fx_.models + QStringLiteral("/ko-en");
        r.text = QStringLiteral("그는 어제 도서관에 갔다.");
        QVERIFY(!r.beam && !r.maxLengthRatio);
        engine.request(r);
        QTRY_COMPARE_WITH_TIMEOUT(replies.count(), 1, 60000);
        const auto nbest =
            replies.at(0).at(0).value<dari::EngineReply>().sentences.value(0).nbest.size();
        QVERIFY2(nbest >= 2 && nbest <= 4, qPrintable(QString::number(nbest)));

        dari::SettingsDialog dialog(dari::AppSettings{});
        QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("beam"))->text(),
                 QStringLiteral("as the model says"));
        QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("topK"))->text(),
                 QStringLiteral("as the model says"));
        const dari::AppSettings unchanged = dialog.settings();
        QVERIFY(!unchanged.beam && !unchanged.maxLengthRatio && !unchanged.temperature &&
                !unchanged.topK);
    }

    // Settings ▸ change values ▸ OK: stored in QSettings, used by the worker.
    void settingsDialogReachesTheWorker() {
        auto w = fx_.makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->setMode(MainWindow::Mode::Translate);
        const auto edit = [&](int beam, bool accept) {
            w->openSettings();
            QPointer<dari::SettingsDialog> dialog = w->findChild<dari::SettingsDialog*>();
            QVERIFY(dialog && dialog->isVisible());
            QCOMPARE(dialog->findChild<QSpinBox*>(QStringLiteral("beam"))->value(),
                     w->settings().beam.value_or(0));
            dialog->findChild<QSpinBox*>(QStringLiteral("beam"))->setValue(beam);
            dialog->findChild<QDoubleSpinBox*>(QStringLiteral("maxLengthRatio"))->setValue(3.0);
            dialog->findChild<QDoubleSpinBox*>(QStringLiteral("temperature"))->setValue(1.25);
            dialog->findChild<QSpinBox*>(QStringLiteral("topK"))->setValue(7);
            dialog->findChild<QSpinBox*>(QStringLiteral("fontSize"))->setValue(14);
            auto* buttons = dialog->findChild<QDialogButtonBox*>();
            buttons->button(accept ? QDialogButtonBox::Ok : QDialogButtonBox::Cancel)->click();
            QTRY_VERIFY(dialog.isNull());  // closed and deleted
        };
        const dari::AppSettings original = w->settings();
        edit(1, false);  // Cancel changes nothing
        QVERIFY(w->settings().beam == original.beam);
        QVERIFY(w->settings().topK == original.topK);

        edit(1, true);
        QCOMPARE(w->settings().beam.value_or(0), 1);
        QCOMPARE(w->settings().maxLengthRatio.value_or(0), 3.0);
        QCOMPARE(w->settings().temperature.value_or(0), 1.25);
        QCOMPARE(w->settings().topK.value_or(0), 7);
        QCOMPARE(w->findChild<QListView*>(QStringLiteral("conversation"))->font().pointSize(), 14);
        {
            QSettings stored(fx_.settings, QSettings::IniFormat);
            QCOMPARE(stored.value(QStringLiteral("decode/beam")).toInt(), 1);
            QCOMPARE(stored.value(QStringLiteral("decode/maxLengthRatio")).toDouble(), 3.0);
            QCOMPARE(stored.value(QStringLiteral("chat/temperature")).toDouble(), 1.25);
            QCOMPARE(stored.value(QStringLiteral("chat/topK")).toInt(), 7);
            QCOMPARE(stored.value(QStringLiteral("view/fontSize")).toInt(), 14);
        }
        // Beam 1 is greedy: one alternative. Beam 3: more than one, at most three.
        const QString text = QStringLiteral("그는 어제 도서관에 갔다.");
        int row = fixture::Window::sendAndWait(*w, text);
        QVERIFY(row > 0);
        QCOMPARE(w->conversation()->at(row).sentences.value(0).nbest.size(), 1);
        edit(3, true);
        row = fixture::Window::sendAndWait(*w, text);
        QVERIFY(row > 0);
        QVERIFY(!w->conversation()->at(row).cached);
        const auto nbest = w->conversation()->at(row).sentences.value(0).nbest.size();
        QVERIFY2(nbest >= 2 && nbest <= 3, qPrintable(QString::number(nbest)));
        // A new window starts with the stored values.
        w.reset();
        w = fx_.makeWindow();
        QCOMPARE(w->settings().beam.value_or(0), 3);
        QCOMPARE(w->settings().topK.value_or(0), 7);
        w->applySettings(original);
    }
};

QTEST_MAIN(TestWindowEngine)
#include "test_window_engine.moc"
