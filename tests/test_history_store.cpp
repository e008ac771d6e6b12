// The history database: an unreadable file (random bytes, a foreign schema) is moved
// aside whole and a new history started, said once; two stores share one file.

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

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
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "test_history_store.moc"
