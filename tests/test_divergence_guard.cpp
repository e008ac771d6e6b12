// The divergence guard: non-finite updates are refused and counted; a loss far above
// log V, or non-finite steps, that persist mean the run has diverged; recovery resets it.

#include <QtTest>

#include <cmath>
#include <limits>

#include "model/training/divergence_guard.h"

using dari::DivergenceGuard;

class TestDivergenceGuard : public QObject {
    Q_OBJECT
    static constexpr int64_t kVocab = 1000;  // log V = 6.91
    const double nan_ = std::numeric_limits<double>::quiet_NaN();

private Q_SLOTS:
    void ordinaryTrainingIsHealthy() {
        DivergenceGuard guard(kVocab);
        for (double loss : {6.9, 9.0, 5.0, 3.2})  // an untrained model costs about log V
            QVERIFY(guard.accept(loss, 2.0));
        QVERIFY(guard.healthy());
        QVERIFY(guard.diverged().empty());
        QCOMPARE(guard.skippedUpdates(), int64_t{0});
    }

    void nonFiniteUpdatesAreSkippedUntilTheyPersist() {
        DivergenceGuard guard(kVocab);
        QVERIFY(!guard.accept(nan_, 1.0));
        QVERIFY(!guard.accept(3.0, std::numeric_limits<double>::infinity()));
        QVERIFY(!guard.healthy());
        QVERIFY(guard.diverged().empty());  // not yet: it may pass
        QVERIFY(guard.accept(3.0, 1.0));    // it did
        QVERIFY(guard.healthy());
        for (int i = 0; i < DivergenceGuard::kNonFiniteSteps; ++i)
            QVERIFY(!guard.accept(nan_, nan_));
        QCOMPARE(QString::fromStdString(guard.diverged()), QStringLiteral("loss nan"));
        QCOMPARE(guard.skippedUpdates(), int64_t{2 + DivergenceGuard::kNonFiniteSteps});
    }

    void aLossFarAboveAUniformGuessThatStaysIsDivergence() {
        DivergenceGuard guard(kVocab);
        const double high = DivergenceGuard::kHighLoss * std::log(double(kVocab)) + 1.0;
        for (int i = 0; i + 1 < DivergenceGuard::kHighSteps; ++i)
            QVERIFY(guard.accept(high, 50.0));  // finite: applied, but suspect
        QVERIFY(!guard.healthy());
        QVERIFY(guard.diverged().empty());
        QVERIFY(guard.accept(4.0, 1.0));  // back to training: the count starts over
        QVERIFY(guard.healthy());
        for (int i = 0; i < DivergenceGuard::kHighSteps; ++i)
            guard.accept(1700.0, 1e4);
        const QString why = QString::fromStdString(guard.diverged());
        QVERIFY2(why.startsWith(QStringLiteral("loss 1700.00, far above log V = 6.91")),
                 qPrintable(why));
    }
};

QTEST_GUILESS_MAIN(TestDivergenceGuard)
#include "test_divergence_guard.moc"
