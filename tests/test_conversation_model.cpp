// ui/chat/conversation_model: the bubbles' text, header and tooltip, with how sure a reply is.

#include <QtTest>

#include "ui/chat/conversation_model.h"

using dari::Confidence;
using dari::ConversationModel;
using dari::Message;

namespace {

dari::SentenceDetail sentence(double score, Confidence level) {
    dari::SentenceDetail d;
    d.nbest = {QStringLiteral("It is.")};
    d.score = score;
    d.confidence = level;
    return d;
}

Message reply(QList<dari::SentenceDetail> sentences) {
    Message m;
    m.sender = Message::Sender::Dari;
    m.mode = QStringLiteral("translate");
    m.model = QStringLiteral("ko-en");
    m.text = QStringLiteral("It is. It is.");
    m.time = QDateTime::currentDateTime();
    m.ms = 120;
    m.sentences = std::move(sentences);
    return m;
}

}  // namespace

class TestConversationModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aReplyIsAsSureAsItsLeastSureSentence() {
        const Message m = reply({sentence(-0.2, Confidence::High), sentence(-1.4, Confidence::Low),
                                 sentence(qQNaN(), Confidence::Unknown)});
        QCOMPARE(ConversationModel::confidenceOf(m), Confidence::Low);
        QCOMPARE(ConversationModel::confidenceOf(reply({sentence(-0.2, Confidence::High)})),
                 Confidence::High);
        QCOMPARE(ConversationModel::confidenceOf(reply({})), Confidence::Unknown);
    }

    void theHeaderCarriesTheMarker() {
        ConversationModel model;
        model.append(reply({sentence(-0.3, Confidence::Medium)}));
        model.append(reply({sentence(-0.3, Confidence::Unknown)}));  // never calibrated
        const QString marked = model.index(0).data(ConversationModel::HeaderRole).toString();
        QVERIFY2(marked.endsWith(QStringLiteral("120 ms · fairly sure")), qPrintable(marked));
        const QString plain = model.index(1).data(ConversationModel::HeaderRole).toString();
        QVERIFY2(plain.endsWith(QStringLiteral("120 ms")), qPrintable(plain));
    }

    void theTooltipExplainsIt() {
        ConversationModel model;
        model.append(reply({sentence(-0.2, Confidence::High), sentence(-1.42, Confidence::Low)}));
        const QString tip = model.index(0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(QStringLiteral("It is. It is.")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Unsure: among the least sure third")),
                 qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("-1.42 per piece, its least sure sentence")),
                 qPrintable(tip));
        Message user = reply({});
        user.sender = Message::Sender::User;
        model.append(user);
        QCOMPARE(model.index(1).data(Qt::ToolTipRole).toString(), user.text);
    }
};

QTEST_GUILESS_MAIN(TestConversationModel)
#include "test_conversation_model.moc"
