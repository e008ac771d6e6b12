// Shard random numbers: dropout masks with the right rate and scale, reproducible per seed.

#include <QtTest>

#include "model/network/shard_random.h"

class TestShardRandom : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dropoutHasTheRightRateAndScale_data() {
        QTest::addColumn<double>("p");
        QTest::newRow("0.1") << 0.1;
        QTest::newRow("0.3") << 0.3;
        QTest::newRow("0.5") << 0.5;
    }
    void dropoutHasTheRightRateAndScale() {
        QFETCH(double, p);
        dari::ShardRandom random(7);
        const auto x = torch::ones({301, 333});  // odd element count
        const auto y = dari::shardDropout(x, p, true);
        const double dropped = y.eq(0).to(torch::kDouble).mean().item<double>();
        QVERIFY2(std::abs(dropped - p) < 0.01, std::to_string(dropped).c_str());
        const auto kept = y.masked_select(y.ne(0));
        QVERIFY(torch::allclose(kept, torch::full_like(kept, 1.0 / (1.0 - p))));
    }

    // Masks come in words of random bits: the elements past the last whole word (a
    // 9-element tensor has only those) are dropped at the same rate.
    void tailIsDroppedAtTheSameRate_data() { dropoutHasTheRightRateAndScale_data(); }
    void tailIsDroppedAtTheSameRate() {
        QFETCH(double, p);
        int64_t dropped = 0, total = 0;
        for (uint64_t seed = 0; seed < 400; ++seed) {
            dari::ShardRandom random(seed);
            const auto y = dari::shardDropout(torch::ones({9}), p, true);
            dropped += y.eq(0).sum().item<int64_t>();
            total += y.numel();
        }
        const double rate = static_cast<double>(dropped) / total;
        QVERIFY2(std::abs(rate - p) < 0.03, std::to_string(rate).c_str());
    }

    void sameSeedSameMaskOtherSeedOtherMask() {
        const auto x = torch::ones({64, 100});
        torch::Tensor a, b, c;
        {
            dari::ShardRandom random(1);
            a = dari::shardDropout(x, 0.3, true);
        }
        {
            dari::ShardRandom random(1);
            b = dari::shardDropout(x, 0.3, true);
        }
        {
            dari::ShardRandom random(2);
            c = dari::shardDropout(x, 0.3, true);
        }
        QVERIFY(torch::equal(a, b));
        QVERIFY(!torch::equal(a, c));
    }

    void gradientsFlowThroughKeptUnitsOnly() {
        dari::ShardRandom random(3);
        const auto x = torch::ones({50, 40}, torch::requires_grad());
        const auto y = dari::shardDropout(x, 0.4, true);
        y.sum().backward();
        QVERIFY(torch::equal(x.grad(), y.detach()));  // d(x * mask)/dx = mask
    }

    void notTrainingOrZeroIsTheIdentity() {
        const auto x = torch::randn({5, 5});
        QVERIFY(torch::equal(dari::shardDropout(x, 0.5, false), x));
        QVERIFY(torch::equal(dari::shardDropout(x, 0.0, true), x));
    }
};

QTEST_GUILESS_MAIN(TestShardRandom)
#include "test_shard_random.moc"
