// The history database: an unreadable file (random bytes, a foreign schema) is moved
// aside whole and a new history started, said once; two stores share one file; a folder
// that cannot be made and a full disk fail writes, not the store; a writer killed with
// SIGKILL leaves every message it committed readable.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

#include "test_helpers.h"
#include "ui/chat/history_store.h"

using dari::HistoryStore;
using dari::Message;

namespace {

Message message(const QString& text) {
    Message m;
    m.mode = QStringLiteral("translate");
    m.text = text;
    m.time = QDateTime::currentDateTime();
    return m;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The files beside `path` named path.corrupt-*.
QStringList setAside(const QString& path) {
    const QFileInfo info(path);
    return info.dir().entryList({info.fileName() + QStringLiteral(".corrupt-*")}, QDir::Files);
}

constexpr int kWriterMessages = 1000;

// The child of committedMessagesSurviveKillNine: adds kWriterMessages messages, printing
// each one's id once its transaction is committed.
int writeHistory(const QString& path) {
    HistoryStore store(path);
    if (!store.isOpen()) return 2;
    for (int i = 0; i < kWriterMessages; ++i) {
        const qint64 id = store.add(message(QStringLiteral("메시지 %1").arg(i)));
        if (id <= 0) return 3;
        std::printf("%lld\n", static_cast<long long>(id));
        std::fflush(stdout);
    }
    return 0;
}

}  // namespace

class TestHistoryStore : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private Q_SLOTS:
    void randomBytesAreMovedAsideAndANewHistoryStarts() {
        const QString path = dir_.filePath(QStringLiteral("random.sqlite"));
        QByteArray noise(64 * 1024, '\0');
        for (char& c : noise)
            c = char(QRandomGenerator::global()->bounded(256));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(noise);
        }
        {
            HistoryStore store(path);
            QVERIFY2(store.isOpen(), qPrintable(store.lastError()));
            QVERIFY2(store.notice().contains(QStringLiteral("could not be read")) &&
                         store.notice().contains(QStringLiteral(".corrupt-")),
                     qPrintable(store.notice()));
            QVERIFY(store.add(message(QStringLiteral("안녕"))) > 0);
        }
        const QStringList aside = setAside(path);
        QCOMPARE(aside.size(), 1);
        QCOMPARE(readAll(dir_.filePath(aside.front())), noise);  // the old file, untouched
        HistoryStore again(path);  // the new history is kept, and nothing more is moved
        QVERIFY(again.notice().isEmpty());
        QCOMPARE(again.all().size(), 1);
        QCOMPARE(setAside(path).size(), 1);
    }

    void aForeignSchemaIsNotWrittenInto() {
        const QString path = dir_.filePath(QStringLiteral("foreign.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "foreign");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE messages (body BLOB)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO messages VALUES (x'00ff')")));
            db.close();
        }
        QSqlDatabase::removeDatabase("foreign");
        HistoryStore store(path);
        QVERIFY2(store.isOpen(), qPrintable(store.lastError()));
        QVERIFY2(store.notice().contains(QStringLiteral("not Dari's")), qPrintable(store.notice()));
        QCOMPARE(setAside(path).size(), 1);
        QVERIFY(store.add(message(QStringLiteral("새 기록"))) > 0);
    }

    void twoStoresShareOneFile() {
        const QString path = dir_.filePath(QStringLiteral("shared.sqlite"));
        HistoryStore a(path), b(path);
        QVERIFY(a.isOpen() && b.isOpen());
        for (int i = 0; i < 50; ++i) {
            QVERIFY2(a.add(message(QStringLiteral("a%1").arg(i))) > 0, qPrintable(a.lastError()));
            QVERIFY2(b.add(message(QStringLiteral("b%1").arg(i))) > 0, qPrintable(b.lastError()));
        }
        QCOMPARE(a.all().size(), 100);
        QCOMPARE(b.all().size(), 100);
        QVERIFY(a.notice().isEmpty() && b.notice().isEmpty());
    }

    // How sure the model was comes back with each sentence (an uncalibrated one: no level).
    void confidenceIsKept() {
        HistoryStore store(dir_.filePath(QStringLiteral("confidence.sqlite")));
        Message m = message(QStringLiteral("Take me to the hospital."));
        m.sender = Message::Sender::Dari;
        dari::SentenceDetail sure, unknown;
        sure.nbest = {m.text};
        sure.score = -0.25;
        sure.confidence = dari::Confidence::High;
        unknown.nbest = {QStringLiteral("Hello.")};
        m.sentences = {sure, unknown};
        QVERIFY(store.add(m) > 0);
        const auto back = store.all().constLast().sentences;
        QCOMPARE(back.size(), qsizetype(2));
        QCOMPARE(back[0].score, -0.25);
        QCOMPARE(back[0].confidence, dari::Confidence::High);
        QVERIFY(qIsNaN(back[1].score));
        QCOMPARE(back[1].confidence, dari::Confidence::Unknown);
    }

    // As root every folder is writable, so the case is a folder that cannot be made
    // (in /proc): the store says which folder, and writes fail without a crash.
    void aFolderThatCannotBeMadeIsSaid() {
        HistoryStore store(QStringLiteral("/proc/dari-history-test/history.sqlite"));
        QVERIFY(!store.isOpen());
        QVERIFY2(store.lastError().contains(QStringLiteral("/proc/dari-history-test")),
                 qPrintable(store.lastError()));
        QCOMPARE(store.add(message(QStringLiteral("안녕"))), qint64{0});
        QVERIFY(store.all().isEmpty());
    }

    // A full disk fails the write with a message; what was saved stays, and writing works
    // again once there is room.
    void aFullDiskFailsTheWriteAndLosesNothing() {
        const QString path = dir_.filePath(QStringLiteral("full.sqlite"));
        HistoryStore store(path);
        for (int i = 0; i < 3; ++i)
            QVERIFY(store.add(message(QStringLiteral("before %1").arg(i))) > 0);
        {
            helpers::NoFileGrowth full;
            QCOMPARE(store.add(message(QStringLiteral("while full"))), qint64{0});
            QVERIFY(!store.lastError().isEmpty());
        }
        QVERIFY2(store.add(message(QStringLiteral("after"))) > 0, qPrintable(store.lastError()));
        QStringList texts;
        for (const Message& m : HistoryStore(path).all())
            texts << m.text;
        QCOMPARE(texts, (QStringList{"before 0", "before 1", "before 2", "after"}));
    }

    // A writer killed with SIGKILL at random points: the database passes
    // PRAGMA integrity_check and holds every message whose commit the writer reported.
    void committedMessagesSurviveKillNine() {
        for (int run = 0; run < 3; ++run) {
            const QString path = dir_.filePath(QStringLiteral("killed-%1.sqlite").arg(run));
            const int killAfter = QRandomGenerator::global()->bounded(20, kWriterMessages - 100);
            QProcess writer;
            writer.start(QCoreApplication::applicationFilePath(),
                         {QStringLiteral("--write-history"), path});
            QVERIFY(writer.waitForStarted());
            QList<qint64> committed;
            while (committed.size() < killAfter && writer.state() == QProcess::Running) {
                writer.waitForReadyRead(10000);
                while (writer.canReadLine())
                    committed << writer.readLine().trimmed().toLongLong();
            }
            writer.kill();
            QVERIFY(writer.waitForFinished(10000));
            QVERIFY2(committed.size() >= killAfter,
                     qPrintable(QStringLiteral("the writer stopped after %1 messages: %2")
                                    .arg(committed.size())
                                    .arg(QString::fromLocal8Bit(writer.readAllStandardError()))));
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "killed");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            {
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
                QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
                QVERIFY(q.exec(QStringLiteral("SELECT id FROM messages ORDER BY id")));
                QSet<qint64> stored;
                while (q.next())
                    stored.insert(q.value(0).toLongLong());
                for (qint64 id : committed)
                    QVERIFY2(stored.contains(id), qPrintable(QString::number(id)));
                QVERIFY(stored.size() <= kWriterMessages);
            }
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase("killed");
            HistoryStore reopened(path);  // read by Dari as it is: nothing moved aside
            QVERIFY(reopened.notice().isEmpty() && reopened.isOpen());
            QVERIFY(reopened.all().size() >= committed.size());
        }
    }
};

int main(int argc, char** argv) {
    if (argc == 3 && qstrcmp(argv[1], "--write-history") == 0) {
        QCoreApplication app(argc, argv);
        return writeHistory(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestHistoryStore test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_history_store.moc"
