// ui/chat/attention_heatmap: labels a user can read in both modes.

#include <QApplication>
#include <QFontMetrics>
#include <QtTest>

#include "ui/chat/attention_heatmap.h"

using Heatmap = dari::AttentionHeatmap;

class TestAttentionHeatmap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void labelsStayUprightWherePossible() {
        const QFontMetrics fm(QApplication::font());
        const int cell = fm.height() + 6;
        QCOMPARE(Heatmap::labelStyle(QStringLiteral("a"), fm, cell), Heatmap::Label::Upright);
        // Chat mode's Korean output pieces: syllables upright, one under the other.
        QCOMPARE(Heatmap::labelStyle(QStringLiteral("·안녕하세요"), fm, cell),
                 Heatmap::Label::Stacked);
        QCOMPARE(Heatmap::labelStyle(QStringLiteral("·students"), fm, cell),
                 Heatmap::Label::Rotated);
        QCOMPARE(Heatmap::labelText(QStringLiteral("\u2581the")), QStringLiteral("·the"));
        QCOMPARE(Heatmap::labelText(QString()), QStringLiteral("∅"));
    }

    void stackedLabelsMakeRoomAbove() {
        Heatmap korean, english;
        const QList<float> w(12, 0.25f);
        const QStringList src{QStringLiteral("·나는"), QStringLiteral("·학생"),
                              QStringLiteral("이다"), QStringLiteral("</s>")};
        korean.setAttention(src, {QStringLiteral("·안녕"), QStringLiteral("하세요"), "</s>"}, w, 3,
                            4);
        english.setAttention(src, {QStringLiteral("·I"), QStringLiteral("·am"), "</s>"}, w, 3, 4);
        QVERIFY(korean.hasData() && english.hasData());
        // Three syllables stacked need more height than short upright labels.
        QVERIFY(korean.sizeHint().height() > english.sizeHint().height());
        korean.resize(korean.sizeHint());
        QImage image(korean.size(), QImage::Format_ARGB32);
        korean.render(&image);  // paints without tripping over the labels
        QVERIFY(!image.isNull());
    }
};

QTEST_MAIN(TestAttentionHeatmap)
#include "test_attention_heatmap.moc"
