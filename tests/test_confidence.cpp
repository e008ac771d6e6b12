// model/metrics/confidence: an output's score, the levels a dev set calibrates, their table.

#include <QtTest>

#include <cmath>

#include "model/metrics/chrf.h"
#include "model/metrics/confidence.h"

using dari::Confidence;
using dari::ConfidenceCalibration;

class TestConfidence : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scoreIsPerPiece() {
        QCOMPARE(dari::meanLogProb(-3.0, 4), -0.75);
        QVERIFY(std::isnan(dari::meanLogProb(0.0, 0)));  // an empty output has no score
    }

    void levelsFollowQuality() {
        // Dev outputs whose chrF rises with their score, noisily: 0.1-wide score bands of
        // chrF about 20, 50 and 80, with a dip inside the top band that the fit pools away.
        std::vector<double> scores, chrf;
        for (int i = 0; i < 30; ++i) {
            scores.push_back(-3.0 + 0.1 * i);  // -3.0 .. -0.1
            chrf.push_back(i < 10 ? 20.0 : i < 20 ? 50.0 : (i == 25 ? 30.0 : 80.0));
        }
        std::swap(scores[3], scores[17]);  // given in any order
        std::swap(chrf[3], chrf[17]);
        scores.push_back(std::nan(""));  // an empty output is left out
        chrf.push_back(0.0);
        const auto c = ConfidenceCalibration::fromQuality(scores, chrf, "beam 5", 45.0, 65.0);
        QVERIFY(c.calibrated());
        QCOMPARE(c.devSentences, int64_t(30));
        QCOMPARE(c.decoding, std::string("beam 5"));
        QVERIFY2(std::abs(c.lowBelow - -2.0) < 1e-9, qPrintable(QString::number(c.lowBelow)));
        QVERIFY2(std::abs(c.highFrom - -1.0) < 1e-9, qPrintable(QString::number(c.highFrom)));
        QCOMPARE(c.levelOf(-2.5), Confidence::Low);
        QCOMPARE(c.levelOf(c.lowBelow), Confidence::Medium);
        QCOMPARE(c.levelOf(-1.05), Confidence::Medium);
        QCOMPARE(c.levelOf(c.highFrom), Confidence::High);
        QCOMPARE(c.levelOf(std::nan("")), Confidence::Unknown);
    }

    void chatRepliesAreTerciles() {
        std::vector<double> scores;
        for (int i = 0; i < 9; ++i)
            scores.push_back(-0.1 * (9 - i));  // -0.9 .. -0.1
        std::swap(scores[0], scores[5]);
        scores.push_back(std::nan(""));  // an empty reply is left out
        const auto c = ConfidenceCalibration::fromScores(scores, "beam 5");
        QCOMPARE(c.devSentences, int64_t(9));
        QVERIFY(std::abs(c.lowBelow - -0.6) < 1e-12);
        QVERIFY(std::abs(c.highFrom - -0.3) < 1e-12);
        int low = 0, high = 0;
        for (double s : scores) {
            low += c.levelOf(s) == Confidence::Low;
            high += c.levelOf(s) == Confidence::High;
        }
        QCOMPARE(low, 3);
        QCOMPARE(high, 3);
    }

    void aModelOutOfItsDepthIsNeverSure() {
        // Every dev output poor: no score earns medium, let alone high.
        std::vector<double> scores, chrf;
        for (int i = 0; i < 20; ++i) {
            scores.push_back(-2.0 + 0.1 * i);
            chrf.push_back(10.0 + i);  // 10 .. 29
        }
        const auto c = ConfidenceCalibration::fromQuality(scores, chrf, "beam 5", 45.0, 65.0);
        QVERIFY(c.calibrated());
        for (double s : scores)
            QCOMPARE(c.levelOf(s), Confidence::Low);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 ConfidenceCalibration::fromQuality({-1.0}, {}, "x", 45, 65));
    }

    void tooFewScoresStayUncalibrated() {
        const auto c = ConfidenceCalibration::fromQuality({-1.0, std::nan(""), -0.5},
                                                          {50.0, 0.0, 70.0}, "greedy", 45, 65);
        QVERIFY(!c.calibrated());
        QCOMPARE(c.levelOf(-0.1), Confidence::Unknown);
        QCOMPARE(std::string(dari::confidenceName(c.levelOf(-0.1))), std::string("unknown"));
        QVERIFY(c.toJson().empty());
        QVERIFY(!ConfidenceCalibration::fromJson(nlohmann::json::object()).calibrated());
    }

    void jsonRoundTripsAndIsChecked() {
        const auto c = ConfidenceCalibration::fromQuality(
            {-2.0, -1.0, -0.5, -0.2}, {10.0, 50.0, 60.0, 90.0}, "beam 3", 45, 65);
        const auto back = ConfidenceCalibration::fromJson(c.toJson());
        QCOMPARE(back.lowBelow, c.lowBelow);
        QCOMPARE(back.highFrom, c.highFrom);
        QCOMPARE(back.devSentences, c.devSentences);
        QCOMPARE(back.decoding, c.decoding);
        auto bad = c.toJson();
        bad["low_below"] = 0.0;  // above high_from
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, ConfidenceCalibration::fromJson(bad));
    }

    void theTableScoresEachLevel() {
        // The surest third translated right, the least sure wrong: chrF must say so.
        const std::vector<std::string> refs = {"the cat sat", "a dog ran", "we like tea",
                                               "it is cold",  "she reads", "go home now"};
        const std::vector<std::string> hyps = {"zzz qqq",    "xx yy",     "we like coffee",
                                               "it is warm", "she reads", "go home now"};
        const std::vector<double> scores = {-2.0, -1.9, -1.0, -0.9, -0.2, -0.1};
        std::vector<double> quality;
        for (size_t i = 0; i < hyps.size(); ++i)
            quality.push_back(dari::corpusChrf({hyps[i]}, {refs[i]}));
        const auto c = ConfidenceCalibration::fromQuality(scores, quality, "greedy", 30, 65);
        const auto rows = dari::confidenceTable(c, scores, hyps, refs);
        QCOMPARE(rows.size(), size_t(3));
        QCOMPARE(rows[0].level, Confidence::Low);
        QCOMPARE(rows[2].level, Confidence::High);
        QCOMPARE(rows[0].sentences + rows[1].sentences + rows[2].sentences, size_t(6));
        QCOMPARE(rows[0].minScore, -2.0);
        QCOMPARE(rows[0].maxScore, -1.9);
        QVERIFY(rows[0].chrf < rows[1].chrf && rows[1].chrf < rows[2].chrf);
        QCOMPARE(rows[2].chrf, 100.0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 dari::confidenceTable(c, {-1.0}, hyps, refs));
    }
};

QTEST_GUILESS_MAIN(TestConfidence)
#include "test_confidence.moc"
