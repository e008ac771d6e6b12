// data/placeholders: numbers, Latin words, URLs and e-mail addresses protected and restored.

#include <QtTest>

#include "data/placeholders.h"
#include "data/vocabulary.h"
#include "model/bundle/bundle_placeholders.h"

namespace {

std::string p(int k) {
    return dari::placeholderSymbol(k);
}

}  // namespace

class TestPlaceholders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void spansAreFoundAndNumbered_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("spans");
        const auto q = [](int k) { return QString::fromStdString(p(k)); };
        QTest::newRow("numbers") << "2 곱하기 13은 26이다."
                                 << q(1) + " 곱하기 " + q(2) + "은 " + q(3) + "이다."
                                 << QStringList{"2", "13", "26"};
        QTest::newRow("same span, same placeholder")
            << "1 더하기 1은 2야" << q(1) + " 더하기 " + q(1) + "은 " + q(2) + "야"
            << QStringList{"1", "2"};
        QTest::newRow("time, thousands, decimals")
            << "2:30에 10,000원, 3.5배" << q(1) + "에 " + q(2) + "원, " + q(3) + "배"
            << QStringList{"2:30", "10,000", "3.5"};
        QTest::newRow("latin word before a particle")
            << "톰은 iPhone을 샀다"
            << "톰은 " + q(1) + "을 샀다" << QStringList{"iPhone"};
        QTest::newRow("joined words")
            << "COVID-19와 Wi-Fi" << q(1) + "와 " + q(2) << QStringList{"COVID-19", "Wi-Fi"};
        QTest::newRow("url without its full stop")
            << "https://example.com/a?b=1 에서 www.dari.kr." << q(1) + " 에서 " + q(2) + "."
            << QStringList{"https://example.com/a?b=1", "www.dari.kr"};
        QTest::newRow("e-mail") << "메일은 tom.kim+x@mail.example.org로"
                                << "메일은 " + q(1) + "로"
                                << QStringList{"tom.kim+x@mail.example.org"};
        QTest::newRow("not an e-mail") << "a@b" << q(1) + "@" + q(2) << QStringList{"a", "b"};
        QTest::newRow("a placeholder typed in")
            << "⟦1⟧ 그대로" << q(1) + " 그대로" << QStringList{"⟦1⟧"};
        QTest::newRow("nothing to protect") << "안녕하세요."
                                            << "안녕하세요." << QStringList{};
    }
    void spansAreFoundAndNumbered() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(QStringList, spans);
        const auto protectedText = dari::protect(text.toStdString());
        QCOMPARE(QString::fromStdString(protectedText.text), expected);
        QStringList got;
        for (const auto& s : protectedText.spans)
            got << QString::fromStdString(s);
        QCOMPARE(got, spans);
        QCOMPARE(QString::fromStdString(dari::restore(protectedText.text, protectedText.spans)),
                 text);
    }

    void atMostNineDistinctSpans() {
        const auto t = dari::protect("1 2 3 4 5 6 7 8 9 10 11");
        QCOMPARE(t.spans.size(), size_t(9));
        QVERIFY(t.text.size() > 0 && t.text.substr(t.text.size() - 5) == "10 11");
    }

    void restoreDropsWhatItCannotFill() {
        QCOMPARE(dari::restore("at " + p(2) + " and " + p(1) + p(3), {"7", "9"}),
                 std::string("at 9 and 7"));
        QCOMPARE(dari::restore("⟦x⟧ ⟦12⟧ ⟦", {"7"}), std::string("⟦x⟧ ⟦12⟧ ⟦"));
        // Where the network glued a placeholder to a word or to another one, a space.
        QCOMPARE(dari::restore("nothing" + p(1) + p(2) + "s, (" + p(1) + ")", {"13", "26"}),
                 std::string("nothing 13 26 s, (13)"));
    }

    void trainingPairsShareOnlyWhatBothHold() {
        auto pair =
            dari::protectPair("나는 2003년에 13살이었고 Tom을 만났다.", "I was 13 in 2003.");
        QCOMPARE(pair.source, "나는 " + p(1) + "년에 " + p(2) + "살이었고 Tom을 만났다.");
        QCOMPARE(pair.target, "I was " + p(2) + " in " + p(1) + ".");
        QCOMPARE(pair.spans, (std::vector<std::string>{"2003", "13"}));
        // Inside a longer number of the target it is not the same number.
        pair = dari::protectPair("2시 30분에", "at 2:30");
        QCOMPARE(pair.source, std::string("2시 30분에"));
        QCOMPARE(pair.target, std::string("at 2:30"));
        // A dev pair is protected as the translator protects: every source span.
        pair = dari::protectPair("2시 30분에", "at 2:30", false);
        QCOMPARE(pair.source, p(1) + "시 " + p(2) + "분에");
        QCOMPARE(pair.target, std::string("at 2:30"));
    }

    void vocabularyKeepsThePlaceholdersWhole() {
        std::vector<std::string> sentences;
        for (int i = 0; i < 200; ++i)
            sentences.push_back("오늘은 " + p(1 + i % 3) + "시에 만나요 " + std::to_string(i));
        dari::VocabularyOptions options;
        options.size = 60;
        options.userSymbols = dari::placeholderSymbols();
        const auto with = dari::Vocabulary::train(sentences, options);
        const auto pieces = dari::placeholderPieces(with, with);
        QCOMPARE(pieces.size(), size_t(dari::kMaxPlaceholders));
        const auto ids = with.encode(p(2) + "시에 " + p(9));
        QVERIFY(std::count(ids.begin(), ids.end(), pieces[1].first) == 1);
        QVERIFY(std::count(ids.begin(), ids.end(), pieces[8].first) == 1);
        QCOMPARE(QString::fromStdString(with.decode(ids)),
                 QString::fromStdString(p(2) + "시에 " + p(9)));
        options.userSymbols.clear();
        const auto without = dari::Vocabulary::train(sentences, options);
        QVERIFY(dari::placeholderPieces(without, without).empty());
        QCOMPARE(without.pieceId("⟦7⟧"), int64_t(-1));
    }

    // A bundle translates with placeholders only when it was trained for them: its config says
    // so, it translates (not chat), and its vocabularies hold them.
    void aBundleUsesThemOnlyWhenTrainedForThem() {
        std::vector<std::string> sentences(50, "오늘은 " + p(1) + "시에 만나요");
        dari::VocabularyOptions options;
        options.size = 40;
        options.userSymbols = dari::placeholderSymbols();
        dari::Bundle bundle;
        bundle.src = dari::Vocabulary::train(sentences, options);
        bundle.tgt = dari::Vocabulary::fromSerialized(bundle.src.serialized());
        QCOMPARE(dari::bundlePlaceholders(bundle).size(), size_t(dari::kMaxPlaceholders));
        bundle.config.data.placeholders = false;
        QVERIFY(dari::bundlePlaceholders(bundle).empty());
        bundle.config.data.placeholders = true;
        bundle.config.data.task = "chat";
        QVERIFY(dari::bundlePlaceholders(bundle).empty());
    }
};

QTEST_GUILESS_MAIN(TestPlaceholders)
#include "test_placeholders.moc"
