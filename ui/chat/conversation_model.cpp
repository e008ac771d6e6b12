#include "ui/chat/conversation_model.h"

#include <QLocale>

namespace dari {

ConversationModel::ConversationModel(QObject* parent) : QAbstractListModel(parent) {}

int ConversationModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(messages_.size());
}

QVariant ConversationModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= messages_.size()) return {};
    const Message& m = messages_.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            if (m.pending) return tr("…");
            return m.text;
        case Qt::AccessibleTextRole:
            return QStringLiteral("%1: %2").arg(data(index, HeaderRole).toString(), m.text);
        case SenderRole:
            return static_cast<int>(m.sender);
        case TimeRole:
            return m.time;
        case PendingRole:
            return m.pending;
        case DbIdRole:
            return m.dbId;
        case HeaderRole: {
            const QString when =
                QLocale().toString(m.time.toLocalTime().time(), QLocale::ShortFormat);
            const QString mode = m.mode == QLatin1String("chat") ? tr("Chat") : tr("Translate");
            switch (m.sender) {
                case Message::Sender::User:
                    return tr("You · %1 · %2").arg(mode, when);
                case Message::Sender::Notice:
                    return tr("Notice · %1").arg(when);
                case Message::Sender::Dari:
                    if (m.pending) return tr("Dari · thinking…");
                    if (m.cached) return tr("Dari · %1 · %2 · cached").arg(m.model, when);
                    if (m.ms > 0)
                        return tr("Dari · %1 · %2 · %3 ms").arg(m.model, when).arg(m.ms, 0, 'f', 0);
                    return tr("Dari · %1 · %2").arg(m.model, when);
            }
            return {};
        }
        default:
            return {};
    }
}

int ConversationModel::append(const Message& message) {
    const int row = static_cast<int>(messages_.size());
    beginInsertRows({}, row, row);
    messages_.append(message);
    endInsertRows();
    return row;
}

void ConversationModel::setMessages(const QList<Message>& messages) {
    beginResetModel();
    messages_ = messages;
    endResetModel();
}

void ConversationModel::clear() {
    setMessages({});
}

void ConversationModel::update(int row, const Message& message) {
    if (row < 0 || row >= messages_.size()) return;
    messages_[row] = message;
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
}

int ConversationModel::rowOfRequest(quint64 requestId) const {
    for (int r = static_cast<int>(messages_.size()) - 1; r >= 0; --r)
        if (messages_.at(r).requestId == requestId &&
            messages_.at(r).sender == Message::Sender::Dari)
            return r;
    return -1;
}

int ConversationModel::lastReplyRow() const {
    for (int r = static_cast<int>(messages_.size()) - 1; r >= 0; --r)
        if (messages_.at(r).sender == Message::Sender::Dari && !messages_.at(r).pending) return r;
    return -1;
}

}  // namespace dari
