// BLEU and chrF must reproduce sacreBLEU 2.6.0's default corpus scores on the shared vectors.

#include <QtTest>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "model/metrics/bleu.h"
#include "model/metrics/chrf.h"
#include "model/metrics/distinct.h"

namespace {

const QString kMetricsDir = QStringLiteral(DARI_SHARED_TESTDATA "/metrics");

// One entry per line; a trailing newline does not add an entry, an empty line is an entry.
std::vector<std::string> readLines(const QString& path) {
    std::ifstream in(path.toStdString(), std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.toStdString());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

}  // namespace

class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sharedVectors_data() {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<double>("bleu");
        QTest::addColumn<double>("chrf");
        QTest::addColumn<double>("bp");
        QTest::addColumn<long>("hypLen");
        QTest::addColumn<long>("refLen");
        const auto rows = readLines(kMetricsDir + "/expected.tsv");
        QVERIFY(rows.size() > 1);
        for (size_t i = 1; i < rows.size(); ++i) {  // row 0 is the header
            std::istringstream row(rows[i]);
            std::string folder;
            double bleu, chrf, bp;
            long hypLen, refLen;
            QVERIFY(static_cast<bool>(row >> folder >> bleu >> chrf >> bp >> hypLen >> refLen));
            QTest::newRow(folder.c_str())
                << QString::fromStdString(folder) << bleu << chrf << bp << hypLen << refLen;
        }
    }
    void sharedVectors() {
        QFETCH(QString, folder);
        QFETCH(double, bleu);
        QFETCH(double, chrf);
        QFETCH(double, bp);
        QFETCH(long, hypLen);
        QFETCH(long, refLen);
        const auto hyps = readLines(kMetricsDir + "/" + folder + "/hyp.txt");
        const auto refs = readLines(kMetricsDir + "/" + folder + "/ref.txt");
        const dari::BleuScore score = dari::corpusBleu(hyps, refs);
        QCOMPARE(score.hypLen, hypLen);
        QCOMPARE(score.refLen, refLen);
        QVERIFY2(std::abs(score.bp - bp) < 5e-5, qPrintable(QString::number(score.bp, 'f', 6)));
        QVERIFY2(std::abs(score.score - bleu) < 0.01,
                 qPrintable(QString::number(score.score, 'f', 4)));
        const double chrfScore = dari::corpusChrf(hyps, refs);
        QVERIFY2(std::abs(chrfScore - chrf) < 0.01, qPrintable(QString::number(chrfScore, 'f', 4)));
    }

    void tokenize13a_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("comma and period") << "Hello, world."
                                          << "Hello , world .";
        QTest::newRow("decimal kept") << "3.14"
                                      << "3.14";
        QTest::newRow("thousands kept") << "1,000.50 won"
                                        << "1,000.50 won";
        QTest::newRow("currency") << "$110"
                                  << "$ 110";
        QTest::newRow("abbreviation") << "The U.S. paid"
                                      << "The U . S . paid";
        QTest::newRow("apostrophe kept") << "didn't"
                                         << "didn't";
        QTest::newRow("hyphen in word kept") << "e-mail"
                                             << "e-mail";
        QTest::newRow("dash after digit") << "3-4"
                                          << "3 - 4";
        QTest::newRow("time and ellipsis") << "3:30 p.m., Well..."
                                           << "3 : 30 p . m . , Well . . .";
        QTest::newRow("brackets") << "(approx.)"
                                  << "( approx . )";
        QTest::newRow("entities") << "&quot;hi&quot; &amp; &lt;b&gt;"
                                  << "\" hi \" & < b >";
        QTest::newRow("skipped") << "a<skipped>b"
                                 << "ab";
        QTest::newRow("whitespace collapsed") << "  a \t b  "
                                              << "a b";
        QTest::newRow("non-ASCII intact") << "Seoul–Busan 325km. 좋아요."
                                          << "Seoul–Busan 325km . 좋아요 .";
        QTest::newRow("empty") << ""
                               << "";
    }
    void tokenize13a() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(dari::tokenize13a(input.toStdString())), expected);
    }

    void mismatchedLineCountsThrow() {
        const std::vector<std::string> two{"a", "b"}, one{"a"};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dari::corpusBleu(two, one));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dari::corpusChrf(one, two));
    }

    void distinctCountsUniqueNgramsOverAllReplies() {
        // "a b c" and "a b d": bigrams ab, bc, ab, bd -> 3 distinct of 4.
        QCOMPARE(dari::distinctN({"a b c", "a b d"}, 2), 0.75);
        QCOMPARE(dari::distinctN({"a b c", "a b d"}, 1), 4.0 / 6.0);
        // One canned reply for every question: only its own bigrams.
        QCOMPARE(dari::distinctN({"x y", "x y", "x y", "x y"}, 2), 0.25);
        QCOMPARE(dari::distinctN({"one", ""}, 2), 0.0);  // no bigrams at all
    }

    void emptyCorpusScoresZero() {
        QCOMPARE(dari::corpusBleu({}, {}).score, 0.0);
        QCOMPARE(dari::corpusChrf({}, {}), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "test_metrics.moc"
