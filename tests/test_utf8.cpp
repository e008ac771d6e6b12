// UTF-8 validation, NFC and trimming: the text rules every corpus line goes through.

#include <QtTest>

#include "data/utf8.h"

class TestUtf8 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void acceptsValidText() {
        QVERIFY(dari::isValidUtf8(""));
        QVERIFY(dari::isValidUtf8("plain ASCII"));
        QVERIFY(dari::isValidUtf8("한국어 문장"));
        QVERIFY(dari::isValidUtf8("\xF0\x9F\x98\x80"));  // U+1F600
        QVERIFY(dari::isValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
        QVERIFY(dari::isValidUtf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
    }
    void rejectsInvalidSequences_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("offset");
        QTest::newRow("stray continuation") << QByteArray("ab\x80") << 2;
        QTest::newRow("invalid byte") << QByteArray(
                                             "ab\xFF"
                                             "cd")
                                      << 2;
        QTest::newRow("overlong 2-byte") << QByteArray("\xC0\xAF") << 0;
        QTest::newRow("overlong C1") << QByteArray("x\xC1\xBF") << 1;
        QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF") << 0;
        QTest::newRow("overlong 4-byte") << QByteArray("\xF0\x80\x80\xAF") << 0;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << 0;
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0;
        QTest::newRow("F5 lead") << QByteArray("\xF5\x80\x80\x80") << 0;
        QTest::newRow("truncated at end") << QByteArray("한\xED\x95") << 3;
        QTest::newRow("truncated before ASCII") << QByteArray("\xE2\x82x") << 0;
    }
    void rejectsInvalidSequences() {
        QFETCH(QByteArray, text);
        QFETCH(int, offset);
        const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
        QCOMPARE(dari::findInvalidUtf8(view), static_cast<std::size_t>(offset));
        QVERIFY(!dari::isValidUtf8(view));
    }
    void normalisesToNfc() {
        QCOMPARE(dari::toNfc("\u1112\u1161\u11AB"), std::string("\uD55C"));  // 한
        QCOMPARE(dari::toNfc("e\u0301"), std::string("\u00E9"));
        QCOMPARE(dari::toNfc("already NFC 한국"), std::string("already NFC 한국"));
    }
    void trimsAsciiAndUnicodeSpaces() {
        QCOMPARE(dari::trimSpaces(" \t\u00A0\u3000a b\u2003\n "), std::string_view("a b"));
        QCOMPARE(dari::trimSpaces(" \u3000 "), std::string_view(""));
        QCOMPARE(dari::trimSpaces("x"), std::string_view("x"));
    }
    void cleansNfdPaddedText() {
        QCOMPARE(dari::cleanText("\u3000 \u1112\u1161\u11AB\u1100\u116E\u11A8 "),
                 std::string("한국"));
    }
    void stripsBom() {
        QCOMPARE(dari::stripBom("\xEF\xBB\xBFtext"), std::string_view("text"));
        QCOMPARE(dari::stripBom("text"), std::string_view("text"));
    }
    void countsCodepoints() {
        QCOMPARE(dari::codepointCount("한국어abc"), std::size_t(6));
        QCOMPARE(dari::codepointCount("\xF0\x9F\x98\x80"), std::size_t(1));
        QCOMPARE(dari::codepointCount(""), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestUtf8)
#include "test_utf8.moc"
