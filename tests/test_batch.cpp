// Batching: padded tensors with </s> and <s> in place, and length-bucketed batch lists.

#include <QtTest>

#include <algorithm>
#include <random>
#include <set>

#include "data/batch.h"
#include "data/vocabulary.h"

using dari::Example;

namespace {

using Ids = std::vector<int64_t>;

Ids row(const torch::Tensor& t, int64_t r) {
    const auto c = t[r].contiguous();
    return Ids(c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel());
}

// `count` examples of random lengths 1..maxLength with ids >= 4 (no special ids).
std::vector<Example> randomExamples(size_t count, int maxLength, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<Example> examples(count);
    for (auto& e : examples) {
        e.src.resize(1 + rng() % maxLength);
        e.tgt.resize(1 + rng() % maxLength);
        for (auto& id : e.src)
            id = 4 + rng() % 50;
        for (auto& id : e.tgt)
            id = 4 + rng() % 50;
    }
    return examples;
}

size_t paddedTokens(const std::vector<Example>& examples, const std::vector<size_t>& batch) {
    size_t s = 0, t = 0;
    for (size_t i : batch) {
        s = std::max(s, examples[i].src.size() + 1);
        t = std::max(t, examples[i].tgt.size() + 1);
    }
    return batch.size() * (s + t);
}

}  // namespace

class TestBatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void makeBatchPadsAndMarks();
    void sourceBatchForDecoding();
    void bucketsCoverEveryIndexOnce_data();
    void bucketsCoverEveryIndexOnce();
    void bucketsGroupSimilarLengths();
    void sameSeedSameBatchesOtherSeedOtherOrder();
};

void TestBatch::makeBatchPadsAndMarks() {
    const std::vector<Example> examples = {
        {{5, 6, 7}, {8, 9}}, {{10}, {11, 12, 13, 14}}, {{15, 16}, {17}}};
    const auto batch = dari::makeBatch(examples, {2, 0, 1});
    QCOMPARE(batch.src.sizes().vec(), (Ids{3, 4}));
    QCOMPARE(batch.tgtIn.sizes().vec(), (Ids{3, 5}));
    QCOMPARE(batch.tgtOut.sizes().vec(), (Ids{3, 5}));
    QCOMPARE(batch.src.scalar_type(), torch::kLong);
    QCOMPARE(row(batch.lengths, 0).front(), int64_t{3});
    QCOMPARE(row(batch.src, 0), (Ids{15, 16, dari::kEosId, dari::kPadId}));
    QCOMPARE(row(batch.src, 1), (Ids{5, 6, 7, dari::kEosId}));
    QCOMPARE(row(batch.src, 2), (Ids{10, dari::kEosId, 0, 0}));
    QCOMPARE(batch.lengths.sizes().vec(), (Ids{3}));
    QCOMPARE((Ids(batch.lengths.data_ptr<int64_t>(), batch.lengths.data_ptr<int64_t>() + 3)),
             (Ids{3, 4, 2}));
    QCOMPARE(row(batch.tgtIn, 0), (Ids{dari::kBosId, 17, 0, 0, 0}));
    QCOMPARE(row(batch.tgtOut, 0), (Ids{17, dari::kEosId, 0, 0, 0}));
    QCOMPARE(row(batch.tgtIn, 2), (Ids{dari::kBosId, 11, 12, 13, 14}));
    QCOMPARE(row(batch.tgtOut, 2), (Ids{11, 12, 13, 14, dari::kEosId}));
    QCOMPARE(batch.targetTokens, int64_t{2 + 3 + 5});
    QCOMPARE(batch.targetTokens, batch.tgtOut.ne(dari::kPadId).sum().item<int64_t>());
    QCOMPARE(batch.indices, (std::vector<size_t>{2, 0, 1}));
}

void TestBatch::sourceBatchForDecoding() {
    const auto batch = dari::makeSourceBatch({{4, 5}, {}, {6, 7, 8}});
    QCOMPARE(batch.src.sizes().vec(), (Ids{3, 4}));
    QCOMPARE(row(batch.src, 1), (Ids{dari::kEosId, 0, 0, 0}));
    QCOMPARE(row(batch.src, 2), (Ids{6, 7, 8, dari::kEosId}));
    QCOMPARE(row(batch.lengths.unsqueeze(0), 0), (Ids{3, 1, 4}));
    QVERIFY(!batch.tgtIn.defined());
}

void TestBatch::bucketsCoverEveryIndexOnce_data() {
    QTest::addColumn<int>("sentences");
    QTest::addColumn<int>("tokens");
    QTest::newRow("7 sentences") << 7 << 0;
    QTest::newRow("1 sentence") << 1 << 0;
    QTest::newRow("120 tokens") << 64 << 120;
    QTest::newRow("tiny token budget") << 64 << 10;  // smaller than some pairs: one pair per batch
}

void TestBatch::bucketsCoverEveryIndexOnce() {
    QFETCH(int, sentences);
    QFETCH(int, tokens);
    const auto examples = randomExamples(203, 12, 7);
    const auto batches = dari::bucketBatches(examples, sentences, tokens, 42);
    std::vector<int> seen(examples.size(), 0);
    for (const auto& batch : batches) {
        QVERIFY(!batch.empty());
        if (tokens == 0)
            QVERIFY(batch.size() <= static_cast<size_t>(sentences));
        else if (batch.size() > 1)
            QVERIFY(paddedTokens(examples, batch) <= static_cast<size_t>(tokens));
        for (size_t i : batch)
            ++seen[i];
    }
    QVERIFY(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
    if (tokens == 0) QCOMPARE(batches.size(), (examples.size() + sentences - 1) / sentences);
}

void TestBatch::bucketsGroupSimilarLengths() {
    // Sorted by source length first: little source padding is left (contiguous
    // batches of the unsorted list would pad much more).
    const auto examples = randomExamples(400, 30, 3);
    size_t real = 0, bucketed = 0, unbucketed = 0;
    for (const auto& e : examples)
        real += e.src.size() + 1;
    const auto sourceWidth = [&](const std::vector<size_t>& batch) {
        size_t width = 0;
        for (size_t i : batch)
            width = std::max(width, examples[i].src.size() + 1);
        return batch.size() * width;
    };
    for (const auto& batch : dari::bucketBatches(examples, 16, 0, 1))
        bucketed += sourceWidth(batch);
    for (size_t start = 0; start < examples.size(); start += 16) {
        std::vector<size_t> batch;
        for (size_t i = start; i < std::min(examples.size(), start + 16); ++i)
            batch.push_back(i);
        unbucketed += sourceWidth(batch);
    }
    QVERIFY2(bucketed * 100 <= real * 105, qPrintable(QString("%1 vs %2").arg(bucketed).arg(real)));
    QVERIFY(unbucketed * 100 > real * 130);
}

void TestBatch::sameSeedSameBatchesOtherSeedOtherOrder() {
    const auto examples = randomExamples(300, 10, 11);
    const auto a = dari::bucketBatches(examples, 8, 0, 5);
    QCOMPARE(dari::bucketBatches(examples, 8, 0, 5), a);
    const auto b = dari::bucketBatches(examples, 8, 0, 6);
    QVERIFY(a != b);
    QCOMPARE(a.size(), b.size());
    // The order of the batches differs, not only who is in them.
    std::vector<size_t> firstA, firstB;
    for (const auto& batch : a)
        firstA.push_back(examples[batch.front()].src.size());
    for (const auto& batch : b)
        firstB.push_back(examples[batch.front()].src.size());
    QVERIFY(firstA != firstB);
}

QTEST_GUILESS_MAIN(TestBatch)
#include "test_batch.moc"
