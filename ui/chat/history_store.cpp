#include "ui/chat/history_store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>
#include <iterator>

namespace dari {

namespace {

QJsonArray toArray(const QStringList& list) {
    return QJsonArray::fromStringList(list);
}

QJsonObject sentenceJson(const SentenceDetail& d) {
    QJsonObject o;
    if (!d.source.isEmpty()) o[QStringLiteral("source")] = d.source;
    if (!d.nbest.isEmpty()) o[QStringLiteral("nbest")] = toArray(d.nbest);
    QJsonArray scores, attention;
    for (double s : d.scores)
        scores.append(s);
    for (float a : d.attention)
        attention.append(static_cast<double>(a));
    if (!scores.isEmpty()) o[QStringLiteral("scores")] = scores;
    if (!d.sourcePieces.isEmpty()) o[QStringLiteral("src")] = toArray(d.sourcePieces);
    if (!d.outputPieces.isEmpty()) o[QStringLiteral("out")] = toArray(d.outputPieces);
    if (d.chosen > 0) o[QStringLiteral("chosen")] = d.chosen;
    if (!qIsNaN(d.score)) o[QStringLiteral("score")] = d.score;
    if (d.confidence != Confidence::Unknown)
        o[QStringLiteral("confidence")] = QLatin1String(confidenceName(d.confidence));
    if (!attention.isEmpty()) {
        o[QStringLiteral("attention")] = attention;
        o[QStringLiteral("rows")] = d.rows;
        o[QStringLiteral("cols")] = d.cols;
    }
    return o;
}

QString details(const Message& m) {
    QJsonObject o;
    QJsonArray sentences;
    for (const SentenceDetail& d : m.sentences)
        sentences.append(sentenceJson(d));
    if (!sentences.isEmpty()) o[QStringLiteral("sentences")] = sentences;
    if (m.truncated) o[QStringLiteral("truncated")] = true;
    if (m.cached) o[QStringLiteral("cached")] = true;
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QStringList toStrings(const QJsonValue& v) {
    QStringList out;
    for (const auto& x : v.toArray())
        out << x.toString();
    return out;
}

SentenceDetail readSentence(const QJsonObject& o) {
    SentenceDetail d;
    d.source = o.value(QStringLiteral("source")).toString();
    d.nbest = toStrings(o.value(QStringLiteral("nbest")));
    for (const auto& x : o.value(QStringLiteral("scores")).toArray())
        d.scores << x.toDouble();
    d.sourcePieces = toStrings(o.value(QStringLiteral("src")));
    d.outputPieces = toStrings(o.value(QStringLiteral("out")));
    for (const auto& x : o.value(QStringLiteral("attention")).toArray())
        d.attention << static_cast<float>(x.toDouble());
    d.chosen = o.value(QStringLiteral("chosen")).toInt();
    if (d.chosen < 0 || d.chosen >= d.nbest.size()) d.chosen = 0;
    d.score = o.value(QStringLiteral("score")).toDouble(qQNaN());
    const QString level = o.value(QStringLiteral("confidence")).toString();
    for (Confidence c : {Confidence::Low, Confidence::Medium, Confidence::High})
        if (level == QLatin1String(confidenceName(c))) d.confidence = c;
    d.rows = o.value(QStringLiteral("rows")).toInt();
    d.cols = o.value(QStringLiteral("cols")).toInt();
    if (d.attention.size() != qsizetype(d.rows) * d.cols) d.attention.clear(), d.rows = d.cols = 0;
    return d;
}

void readDetails(const QString& json, Message& m) {
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    if (o.contains(QStringLiteral("sentences"))) {
        for (const auto& x : o.value(QStringLiteral("sentences")).toArray())
            m.sentences << readSentence(x.toObject());
    } else if (o.contains(QStringLiteral("nbest")) || o.contains(QStringLiteral("src"))) {
        m.sentences << readSentence(o);  // written before per-sentence details: one sentence
    }
    m.truncated = o.value(QStringLiteral("truncated")).toBool();
    m.cached = o.value(QStringLiteral("cached")).toBool();
}

QString senderName(Message::Sender s) {
    switch (s) {
        case Message::Sender::User:
            return QCoreApplication::translate("HistoryStore", "You");
        case Message::Sender::Dari:
            return QCoreApplication::translate("HistoryStore", "Dari");
        case Message::Sender::Notice:
            return QCoreApplication::translate("HistoryStore", "Notice");
    }
    return {};
}

QString escapeTsv(QString s) {
    return s.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('\t'), QLatin1String("\\t"))
        .replace(QLatin1Char('\n'), QLatin1String("\\n"));
}

bool writeFile(const QString& file, const QString& text, QString* error) {
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0 || !out.commit()) {
        *error = QCoreApplication::translate("HistoryStore", "cannot write %1: %2")
                     .arg(file, out.errorString());
        return false;
    }
    return true;
}

}  // namespace

QString HistoryStore::defaultPath() {
    const QString env = qEnvironmentVariable("DARI_HISTORY_DB");
    if (!env.isEmpty()) return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/history.sqlite");
}

HistoryStore::HistoryStore(const QString& path)
    : connection_(QStringLiteral("dari-history-") +
                  QUuid::createUuid().toString(QUuid::WithoutBraces)),
      path_(path.isEmpty() ? defaultPath() : path) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection_);
    db.setDatabaseName(path_);
    const QString folder = QFileInfo(path_).absolutePath();
    if (!QDir().mkpath(folder)) {
        lastError_ =
            QCoreApplication::translate("HistoryStore", "cannot create the folder %1").arg(folder);
        return;
    }
    bool corrupt = false;
    if (openDatabase(&corrupt) || !corrupt) return;
    // Never lose the user's old history silently, never stay without one: the unreadable
    // file is kept beside, under a new name, and a new history starts.
    const QString reason = lastError_;
    db.close();
    const QString aside = path_ + QStringLiteral(".corrupt-") +
                          QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (!QFile::rename(path_, aside)) return;
    for (const char* suffix : {"-wal", "-shm"})
        QFile::remove(path_ + QLatin1String(suffix));
    if (!openDatabase(&corrupt)) return;
    notice_ =
        QCoreApplication::translate("HistoryStore",
                                    "The history %1 could not be read (%2). It is kept as %3, "
                                    "and a new history was started.")
            .arg(path_, reason, aside);
}

namespace {

// Whether an SQLite error (its code, as text) comes from what the file holds — not a
// database (NOTADB), corrupt, "unsupported file format", a malformed schema — rather than
// from where it lies: permissions, a read-only or full disk, another writer, memory.
bool fileIsAtFault(const QString& nativeCode) {
    bool number = false;
    const int primary = nativeCode.toInt(&number) & 0xff;  // extended codes keep it low
    if (!number || primary == 0) return false;
    constexpr int kEnvironment[] = {3 /*PERM*/,  5 /*BUSY*/,      6 /*LOCKED*/,
                                    7 /*NOMEM*/, 8 /*READONLY*/,  10 /*IOERR*/,
                                    13 /*FULL*/, 14 /*CANTOPEN*/, 23 /*AUTH*/};
    return std::find(std::begin(kEnvironment), std::end(kEnvironment), primary) ==
           std::end(kEnvironment);
}

// The higher of the file format's read and write versions (bytes 18 and 19 of an SQLite
// header; 0: no header yet).
int formatVersion(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return 0;
    const QByteArray header = file.read(20);
    return header.size() == 20 && header.startsWith("SQLite format 3")
               ? std::max<int>(static_cast<unsigned char>(header[18]),
                               static_cast<unsigned char>(header[19]))
               : 0;
}

}  // namespace

namespace {

// The one statement that writes a message (prepare's own error kept, not exec's "Parameter
// count mismatch").
bool insert(QSqlQuery& q, const Message& m) {
    if (!q.prepare(
            QStringLiteral("INSERT INTO messages (time, sender, mode, text, model, ms, details)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)")))
        return false;
    q.addBindValue(m.time.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(static_cast<int>(m.sender));
    q.addBindValue(m.mode);
    q.addBindValue(m.text);
    q.addBindValue(m.model);
    q.addBindValue(m.ms);
    q.addBindValue(details(m));
    return q.exec();
}

}  // namespace

bool HistoryStore::openDatabase(bool* corrupt) {
    *corrupt = false;
    QSqlDatabase db = QSqlDatabase::database(connection_, false);
    if (!db.open()) {
        lastError_ = db.lastError().text();
        return false;
    }
    // A read or write version above 2 in the header: a newer SQLite format, perhaps readable
    // but never writable here — every message from now on would be lost. Told before any
    // statement: SQLite opens such a file read-only, which would look like a read-only disk.
    if (formatVersion(path_) > 2) {
        lastError_ = QCoreApplication::translate(
            "HistoryStore", "it is in a newer SQLite format that this Dari cannot write");
        *corrupt = true;
        return open_ = false;
    }
    QSqlQuery q(db);
    const auto run = [&](const QString& sql) {
        if (q.exec(sql)) return true;
        lastError_ = q.lastError().text();
        *corrupt = fileIsAtFault(q.lastError().nativeErrorCode());
        return false;
    };
    // Another window may be writing: wait for it rather than fail.
    open_ =
        run(QStringLiteral("PRAGMA busy_timeout=5000")) &&
        // WAL: a reader never sees half a transaction and a crash rolls back cleanly.
        run(QStringLiteral("PRAGMA journal_mode=WAL")) &&
        run(QStringLiteral("PRAGMA synchronous=NORMAL")) &&
        run(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS messages ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, sender INTEGER NOT NULL,"
            " mode TEXT NOT NULL, text TEXT NOT NULL, model TEXT, ms REAL, details TEXT)")) &&
        run(QStringLiteral("PRAGMA quick_check"));
    if (open_ && q.next() && q.value(0).toString() != QLatin1String("ok")) {
        lastError_ = q.value(0).toString();
        *corrupt = true;
        open_ = false;
    }
    // A table of that name from something else (or a future Dari): not ours to write into.
    if (open_ &&
        !q.exec(QStringLiteral(
            "SELECT id, time, sender, mode, text, model, ms, details FROM messages LIMIT 0"))) {
        lastError_ =
            QCoreApplication::translate("HistoryStore", "its messages table is not Dari's: %1")
                .arg(q.lastError().text());
        *corrupt = true;
        open_ = false;
    }
    // Reading is not enough: a damaged schema or table of sequences (AUTOINCREMENT) shows only
    // when writing. A trial message, rolled back; a full or read-only disk is not the file's
    // fault (the store opens, and each write that fails is said).
    if (open_ && db.transaction()) {
        QSqlQuery trial(db);
        Message m;
        m.time = QDateTime::currentDateTime();
        m.mode = QStringLiteral("translate");
        m.text = QStringLiteral("trial");
        const bool wrote = insert(trial, m);
        const QSqlError error = trial.lastError();
        db.rollback();
        if (!wrote && fileIsAtFault(error.nativeErrorCode())) {
            lastError_ =
                QCoreApplication::translate("HistoryStore", "it cannot take new messages: %1")
                    .arg(error.text());
            *corrupt = true;
            open_ = false;
        }
    }
    return open_;
}

HistoryStore::~HistoryStore() {
    {
        QSqlDatabase db = QSqlDatabase::database(connection_, false);
        if (db.isOpen()) db.close();
    }
    QSqlDatabase::removeDatabase(connection_);
}

bool HistoryStore::fail(const QString& what) const {
    lastError_ = what;
    return false;
}

qint64 HistoryStore::add(const Message& m) {
    if (!open_) return 0;
    QSqlDatabase db = QSqlDatabase::database(connection_);
    if (!db.transaction()) return fail(db.lastError().text()), 0;
    QSqlQuery q(db);
    if (!insert(q, m)) {
        fail(q.lastError().text());
        db.rollback();
        return 0;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    if (!db.commit()) return fail(db.lastError().text()), 0;
    return id;
}

bool HistoryStore::update(const Message& m) {
    if (!open_ || m.dbId <= 0)
        return fail(
            QCoreApplication::translate("HistoryStore", "the message is not in the history"));
    QSqlQuery q(QSqlDatabase::database(connection_));
    if (!q.prepare(QStringLiteral("UPDATE messages SET text = ?, details = ? WHERE id = ?")))
        return fail(q.lastError().text());
    q.addBindValue(m.text);
    q.addBindValue(details(m));
    q.addBindValue(m.dbId);
    if (!q.exec()) return fail(q.lastError().text());
    if (q.numRowsAffected() != 1)
        return fail(
            QCoreApplication::translate("HistoryStore", "message %1 is no longer in the history")
                .arg(m.dbId));
    return true;
}

QList<Message> HistoryStore::select(const QString& where, const QString& term) const {
    QList<Message> out;
    if (!open_) return out;
    QSqlQuery q(QSqlDatabase::database(connection_));
    q.prepare(
        QStringLiteral("SELECT id, time, sender, mode, text, model, ms, details FROM messages ") +
        where + QStringLiteral(" ORDER BY id"));
    if (!term.isNull()) q.addBindValue(term);
    if (!q.exec()) {
        fail(q.lastError().text());
        return out;
    }
    while (q.next()) {
        Message m;
        m.dbId = q.value(0).toLongLong();
        m.time = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        m.sender = static_cast<Message::Sender>(qBound(0, q.value(2).toInt(), 2));
        m.mode = q.value(3).toString();
        m.text = q.value(4).toString();
        m.model = q.value(5).toString();
        m.ms = q.value(6).toDouble();
        readDetails(q.value(7).toString(), m);
        out << m;
    }
    return out;
}

QList<Message> HistoryStore::all() const {
    return select({}, QString());
}

QList<Message> HistoryStore::search(const QString& term) const {
    QString pattern = term;
    pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return select(QStringLiteral("WHERE text LIKE ? ESCAPE '\\'"),
                  QLatin1Char('%') + pattern + QLatin1Char('%'));
}

bool HistoryStore::clear() {
    if (!open_) return false;
    QSqlDatabase db = QSqlDatabase::database(connection_);
    if (!db.transaction()) return fail(db.lastError().text());
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("DELETE FROM messages"))) {
        fail(q.lastError().text());
        db.rollback();
        return false;
    }
    return db.commit() || fail(db.lastError().text());
}

bool HistoryStore::exportTsv(const QString& file) const {
    QString text = QStringLiteral("time\tsender\tmode\tmodel\ttext\n");
    for (const Message& m : all())
        text += QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
                    .arg(m.time.toUTC().toString(Qt::ISODate), senderName(m.sender), m.mode,
                         escapeTsv(m.model), escapeTsv(m.text));
    return writeFile(file, text, &lastError_);
}

bool HistoryStore::exportMarkdown(const QString& file) const {
    QString text = QCoreApplication::translate("HistoryStore", "# Dari conversation\n\n");
    QDate day;
    for (const Message& m : all()) {
        const QDateTime local = m.time.toLocalTime();
        if (local.date() != day) {
            day = local.date();
            text += QStringLiteral("## %1\n\n").arg(day.toString(Qt::ISODate));
        }
        QString body = m.text;
        body.replace(QLatin1Char('\n'), QLatin1String("  \n"));
        text +=
            QStringLiteral("**%1** (%2, %3%4): %5\n\n")
                .arg(senderName(m.sender), local.time().toString(QStringLiteral("HH:mm")), m.mode,
                     m.model.isEmpty() ? QString() : QStringLiteral(", ") + m.model, body);
    }
    return writeFile(file, text, &lastError_);
}

}  // namespace dari
