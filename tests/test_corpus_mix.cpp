// data/corpus_mix: each corpus's share of an epoch follows its weight, every pair of a
// down-weighted corpus comes in turn, and the choice depends on the seed and epoch alone.

#include <QtTest>

#include <map>

#include "data/corpus_mix.h"

using dari::MixPart;

namespace {

// How often each example index appears in `epoch`.
std::map<size_t, int> counts(const std::vector<MixPart>& parts, int64_t epoch, uint64_t seed) {
    std::map<size_t, int> out;
    for (size_t i : dari::epochExamples(parts, epoch, seed))
        ++out[i];
    return out;
}

// How many of an epoch's examples come from [first, first + count).
size_t inPart(const std::vector<size_t>& epoch, const MixPart& part) {
    size_t n = 0;
    for (size_t i : epoch)
        n += i >= part.first && i < part.first + part.count;
    return n;
}

}  // namespace

class TestCorpusMix : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneCorpusIsEveryPairInOrder();
    void sharesFollowTheWeights();
    void wholeWeightsRepeatEveryPair();
    void aFractionTakesEveryPairInTurn();
    void theSameForTheSameSeedAndEpoch();
};

void TestCorpusMix::oneCorpusIsEveryPairInOrder() {
    const auto epoch = dari::epochExamples({{0, 5, 1.0}}, 3, 7);
    QCOMPARE(epoch, (std::vector<size_t>{0, 1, 2, 3, 4}));
}

void TestCorpusMix::sharesFollowTheWeights() {
    // 1,000 everyday pairs at weight 3 against 20,000 technical ones at 0.1.
    const std::vector<MixPart> parts = {{0, 1000, 3.0}, {1000, 20000, 0.1}};
    QCOMPARE(dari::epochExampleCount(parts), size_t{5000});
    for (int64_t e = 0; e < 4; ++e) {
        const auto epoch = dari::epochExamples(parts, e, 1);
        QCOMPARE(epoch.size(), size_t{5000});
        const double share = static_cast<double>(inPart(epoch, parts[0])) / epoch.size();
        QVERIFY2(std::abs(share - 0.6) < 1e-9, qPrintable(QString::number(share)));
        QCOMPARE(inPart(epoch, parts[1]), size_t{2000});
    }
    // A corpus gives at least one pair an epoch, however small its weight.
    QCOMPARE(dari::partExamplesPerEpoch({0, 10, 0.001}), size_t{1});
}

void TestCorpusMix::wholeWeightsRepeatEveryPair() {
    const auto c = counts({{0, 50, 2.0}, {50, 30, 1.0}}, 0, 1);
    QCOMPARE(c.size(), size_t{80});
    for (const auto& [index, n] : c)
        QCOMPARE(n, index < 50 ? 2 : 1);
}

void TestCorpusMix::aFractionTakesEveryPairInTurn() {
    // Weight 0.25: a different quarter each epoch, so that four epochs see each pair once ...
    const std::vector<MixPart> parts = {{100, 40, 0.25}};
    std::map<size_t, int> seen;
    for (int64_t e = 0; e < 4; ++e)
        for (const auto& [index, n] : counts(parts, e, 3)) {
            QCOMPARE(n, 1);
            seen[index] += n;
        }
    QCOMPARE(seen.size(), size_t{40});
    for (const auto& [index, n] : seen) {
        QVERIFY(index >= 100 && index < 140);
        QCOMPARE(n, 1);
    }
    // ... and a weight of 1.5 gives every pair once plus half of them again.
    const auto c = counts({{0, 10, 1.5}}, 0, 3);
    int twice = 0;
    for (const auto& [index, n] : c)
        twice += n == 2;
    QCOMPARE(c.size(), size_t{10});
    QCOMPARE(twice, 5);
}

void TestCorpusMix::theSameForTheSameSeedAndEpoch() {
    const std::vector<MixPart> parts = {{0, 300, 0.3}, {300, 100, 1.7}};
    QCOMPARE(dari::epochExamples(parts, 5, 11), dari::epochExamples(parts, 5, 11));
    QVERIFY(dari::epochExamples(parts, 5, 11) != dari::epochExamples(parts, 6, 11));
    QVERIFY(dari::epochExamples(parts, 5, 11) != dari::epochExamples(parts, 5, 12));
}

QTEST_GUILESS_MAIN(TestCorpusMix)
#include "test_corpus_mix.moc"
