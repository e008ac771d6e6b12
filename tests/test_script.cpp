// data/script: telling Korean input from English typed into the translator.

#include <QtTest>

#include "data/script.h"

using dari::Script;

class TestScript : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void korean();
    void latin();
    void neither();
};

void TestScript::korean() {
    QCOMPARE(dari::dominantScript("안녕하세요"), Script::Hangul);
    QCOMPARE(dari::dominantScript("톰은 iPhone을 샀다"), Script::Hangul);
    QCOMPARE(dari::dominantScript("I bought a new computer 어제"), Script::Hangul);
    QCOMPARE(dari::dominantScript("ㅋㅋㅋ"), Script::Hangul);  // jamo are Hangul too
}

void TestScript::latin() {
    QCOMPARE(dari::dominantScript("I love you."), Script::Latin);
    QCOMPARE(dari::dominantScript("Où est la gare ?"), Script::Latin);
    QCOMPARE(dari::dominantScript("OK"), Script::Latin);
    QCOMPARE(dari::dominantScript("see 東京 and Paris"), Script::Latin);  // mostly Latin
}

void TestScript::neither() {
    QCOMPARE(dari::dominantScript(""), Script::Other);
    QCOMPARE(dari::dominantScript("2 + 13 = 15 !"), Script::Other);
    QCOMPARE(dari::dominantScript("a"), Script::Other);           // one letter says little
    QCOMPARE(dari::dominantScript("東京タワー"), Script::Other);  // not Latin either
    QCOMPARE(dari::dominantScript("Привет"), Script::Other);
}

QTEST_GUILESS_MAIN(TestScript)
#include "test_script.moc"
