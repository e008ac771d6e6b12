#include "ui/chat/conversation_model.h"

#include <QLocale>
#include <QtNumeric>

#include <algorithm>

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
            if (m.pending) return tr("…");
            return m.text;
        case Qt::ToolTipRole:  // the text, and for a reply how sure the model was of it
            if (m.pending) return tr("…");
            if (m.sender != Message::Sender::Dari) return m.text;
            return tr("%1\n\n%2").arg(m.text, confidenceExplanation(m));
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
                case Message::Sender::Dari: {
                    if (m.pending) return tr("Dari · thinking…");
                    QString header = tr("Dari · %1 · %2").arg(m.model, when);
                    if (m.cached)
                        header = tr("%1 · cached").arg(header);
                    else if (m.ms > 0)
                        header = tr("%1 · %2 ms").arg(header).arg(m.ms, 0, 'f', 0);
                    const QString sure = confidenceText(confidenceOf(m));
                    return sure.isEmpty() ? header : tr("%1 · %2").arg(header, sure);
                }
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

Confidence ConversationModel::confidenceOf(const Message& m) {
    Confidence lowest = Confidence::Unknown;
    bool any = false;
    for (const SentenceDetail& d : m.sentences) {
        if (qIsNaN(d.score)) continue;  // an empty sentence says nothing
        lowest = any ? std::min(lowest, d.confidence) : d.confidence;
        any = true;
    }
    return lowest;
}

QString ConversationModel::confidenceText(Confidence level) {
    switch (level) {
        case Confidence::Low:
            return tr("unsure");
        case Confidence::Medium:
            return tr("fairly sure");
        case Confidence::High:
            return tr("sure");
        case Confidence::Unknown:
            break;
    }
    return {};
}

QString ConversationModel::confidenceExplanation(const Message& m) {
    const Confidence level = confidenceOf(m);
    if (level == Confidence::Unknown)
        return tr(
            "This model was not calibrated, so Dari cannot say how sure it is (dari "
            "calibrate measures it on a dev set).");
    double lowest = qQNaN();
    for (const SentenceDetail& d : m.sentences)
        if (!qIsNaN(d.score) && !(d.score >= lowest)) lowest = d.score;
    const QString what =
        level == Confidence::Low
            ? tr("among the least sure third of this model's outputs on its dev set: check it")
        : level == Confidence::High ? tr("among the surest third of its outputs on its dev set")
                                    : tr("in the middle third of its outputs on its dev set");
    return tr("%1: %2 (log-probability %3 per piece%4).")
        .arg(confidenceText(level).at(0).toUpper() + confidenceText(level).mid(1), what)
        .arg(lowest, 0, 'f', 2)
        .arg(m.sentences.size() > 1 ? tr(", its least sure sentence") : QString());
}

}  // namespace dari
