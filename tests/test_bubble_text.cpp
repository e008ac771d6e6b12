// ui/chat/bubble_text: a bubble's lines break between words, Korean as English, and inside
// a word only when the word alone is wider than the bubble.

#include <QApplication>
#include <QFontMetrics>
#include <QtTest>

#include "ui/chat/bubble_text.h"

class TestBubbleText : public QObject {
    Q_OBJECT

    QFontMetrics fm_{QApplication::font()};

    // Every line fits, and joining the lines with spaces gives the words back in order.
    void checkWords(const QString& text, const dari::WrappedText& w, int width) {
        for (const QString& line : w.lines)
            QVERIFY2(fm_.horizontalAdvance(line) <= width, qPrintable(line));
        QCOMPARE(w.lines.join(QLatin1Char(' ')).split(QLatin1Char(' '), Qt::SkipEmptyParts),
                 text.split(QLatin1Char(' '), Qt::SkipEmptyParts));
        QVERIFY(w.width <= width);
    }

private Q_SLOTS:
    void englishBreaksBetweenWords() {
        const QString text = QStringLiteral(
            "I can't believe it. The world isn't what it was in 1992, and nobody knows why.");
        for (int width : {80, 120, 200, 320}) {
            const auto w = dari::wrapText(text, fm_, width);
            QVERIFY(w.lines.size() > 1);
            checkWords(text, w, width);
        }
    }

    void koreanBreaksAtSpacesNotInsideAnEojeol() {
        // Qt's own word wrap would break between any two Hangul syllables (UAX #14).
        const QString text = QStringLiteral(
            "1992년에 만들어진 수퍼컴퓨터는 지금의 휴대전화보다 느렸다고 합니다. 정말 놀랍지요?");
        for (int width : {90, 140, 220}) {
            const auto w = dari::wrapText(text, fm_, width);
            QVERIFY(w.lines.size() > 1);
            checkWords(text, w, width);
        }
    }

    void aWordWiderThanTheBubbleIsSplit() {
        const QString word = QStringLiteral("https://example.com/a/very/long/path/without/spaces");
        const int width = fm_.horizontalAdvance(word) / 3;
        const auto w =
            dari::wrapText(QStringLiteral("see ") + word + QStringLiteral(" now"), fm_, width);
        QVERIFY(w.lines.size() >= 4);
        for (const QString& line : w.lines)
            QVERIFY(fm_.horizontalAdvance(line) <= width);
        QCOMPARE(w.lines.join(QString()).remove(QLatin1Char(' ')),
                 (QStringLiteral("see") + word + QStringLiteral("now")));
        QCOMPARE(w.lines.first(), QStringLiteral("see"));  // the short word keeps its own line
    }

    void lineBreaksAndShortTextStay() {
        const auto w = dari::wrapText(QStringLiteral("안녕\r\n\n잘 가"), fm_, 400);
        QCOMPARE(w.lines,
                 (QStringList{QStringLiteral("안녕"), QString(), QStringLiteral("잘 가")}));
        QCOMPARE(w.width, fm_.horizontalAdvance(QStringLiteral("잘 가")));
        QCOMPARE(dari::wrapText(QString(), fm_, 100).lines, QStringList{QString()});
    }
};

QTEST_MAIN(TestBubbleText)
#include "test_bubble_text.moc"
