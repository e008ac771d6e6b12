// Data-parallel gradients: any number of shards gives the gradient of the whole batch.

#include <QtTest>

#include "model/runtime.h"
#include "model/training/data_parallel.h"
#include "tiny_model.h"

namespace {

std::vector<torch::Tensor> gradientsIn(int shards, double* loss = nullptr) {
    dari::configureThreads(shards);
    auto config = tiny::config("gru", "bahdanau", true);
    torch::manual_seed(4);
    dari::Seq2Seq model(config, tiny::kVocab, tiny::kVocab);
    const auto examples = tiny::pairs();
    const auto step =
        dari::batchGradients(model, examples, tiny::allIndices(examples.size()), 1.0, 0.1);
    if (loss) *loss = step.loss;
    std::vector<torch::Tensor> out;
    for (const auto& p : model->parameters())
        out.push_back(p.grad().clone());
    return out;
}

}  // namespace

class TestDataParallel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dealsIntoNearEqualGroups() {
        const auto groups = dari::splitIndices({1, 2, 3, 4, 5, 6, 7}, 3);
        QCOMPARE(groups.size(), size_t(3));
        QCOMPARE(groups[0], (std::vector<size_t>{1, 4, 7}));
        QCOMPARE(groups[1], (std::vector<size_t>{2, 5}));
        QCOMPARE(groups[2], (std::vector<size_t>{3, 6}));
        QCOMPARE(dari::splitIndices({9}, 4).size(), size_t(1));  // never an empty shard
        QCOMPARE(dari::splitIndices({1, 2}, 0).size(), size_t(1));
    }

    void anyShardCountGivesTheWholeBatchGradient() {
        double one = 0, two = 0, three = 0;
        const auto reference = gradientsIn(1, &one);
        for (const auto& [count, loss] : {std::pair{2, &two}, std::pair{3, &three}}) {
            const auto sharded = gradientsIn(count, loss);
            QCOMPARE(sharded.size(), reference.size());
            for (size_t i = 0; i < reference.size(); ++i)
                QVERIFY2(torch::allclose(sharded[i], reference[i], 1e-4, 1e-6),
                         std::to_string(i).c_str());
        }
        QVERIFY(one > 0);
        QVERIFY(std::abs(two - one) < 1e-5 && std::abs(three - one) < 1e-5);
    }

    void aShardsExceptionReachesTheCaller() {
        torch::nn::Linear layer(2, 2);
        std::vector<dari::Batch> shards(2);
        shards[0].targetTokens = shards[1].targetTokens = 1;
        int calls = 0;
        std::mutex mutex;
        const auto lossOf = [&](const dari::Batch& b) -> torch::Tensor {
            {
                std::lock_guard<std::mutex> lock(mutex);
                ++calls;
            }
            if (&b == &shards[1]) throw std::runtime_error("shard failed");
            return layer(torch::ones({1, 2})).sum();
        };
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 dari::dataParallelGradients(*layer, shards, lossOf, 1));
        QCOMPARE(calls, 2);
    }
};

QTEST_GUILESS_MAIN(TestDataParallel)
#include "test_data_parallel.moc"
