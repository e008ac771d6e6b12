#pragma once
// The conversation history in SQLite (Qt SQL, QSQLITE): WAL journal, every write
// in a transaction, so killing the app never leaves a corrupt database; a busy timeout,
// so that two windows share it. A file that is not a readable history (random bytes, a
// truncated or foreign database) is moved aside, never overwritten, and a new one started.

#include <QList>
#include <QString>

#include "ui/chat/conversation_model.h"

namespace dari {

class HistoryStore {
public:
    // `path` empty: $DARI_HISTORY_DB, else AppDataLocation/history.sqlite.
    explicit HistoryStore(const QString& path = {});
    ~HistoryStore();
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    static QString defaultPath();
    bool isOpen() const { return open_; }
    QString path() const { return path_; }
    QString lastError() const { return lastError_; }
    // Non-empty once an unreadable history was moved aside: what happened, for the user.
    QString notice() const { return notice_; }

    qint64 add(const Message& message);   // returns the row id (0 on failure)
    bool update(const Message& message);  // its text and details, by dbId
    QList<Message> all() const;           // oldest first
    QList<Message> search(
        const QString& term) const;  // text contains term (case-insensitive for ASCII)
    bool clear();
    bool exportTsv(const QString& file) const;
    bool exportMarkdown(const QString& file) const;

private:
    QList<Message> select(const QString& where, const QString& term) const;
    bool fail(const QString& what) const;
    bool openDatabase(bool* corrupt);
    QString connection_;
    QString path_;
    bool open_ = false;
    mutable QString lastError_;
    QString notice_;
};

}  // namespace dari
