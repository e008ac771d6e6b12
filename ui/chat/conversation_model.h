#pragma once
// The conversation: one row per message bubble.

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include "ui/chat/engine_types.h"

namespace dari {

struct Message {
    enum class Sender { User = 0, Dari = 1, Notice = 2 };
    qint64 dbId = 0;  // row id in the history database (0: not stored)
    Sender sender = Sender::User;
    QString mode;  // "translate" | "chat"
    QString text;
    QDateTime time;
    QString model;  // Dari: the bundle that answered
    double ms = 0.0;
    bool cached = false;
    bool pending = false;  // Dari: waiting for the engine
    bool truncated = false;
    quint64 requestId = 0;
    QList<SentenceDetail> sentences;  // Dari: alternatives and attention, per sentence
};

class ConversationModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles { SenderRole = Qt::UserRole + 1, TimeRole, HeaderRole, PendingRole, DbIdRole };

    explicit ConversationModel(QObject* parent = nullptr);

    // A reply is only as sure as its least sure sentence (Unknown: an uncalibrated model).
    static Confidence confidenceOf(const Message& message);
    // "unsure", "fairly sure", "sure" (empty for Unknown): the bubble's marker.
    static QString confidenceText(Confidence level);
    // What the marker means, with the reply's score: the bubble's and the details' tooltip.
    static QString confidenceExplanation(const Message& message);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    int append(const Message& message);  // returns the new row
    void setMessages(const QList<Message>& messages);
    void clear();
    const Message& at(int row) const { return messages_.at(row); }
    void update(int row, const Message& message);
    int rowOfRequest(quint64 requestId) const;  // -1 if none
    int lastReplyRow() const;                   // -1 if none

private:
    QList<Message> messages_;
};

}  // namespace dari
