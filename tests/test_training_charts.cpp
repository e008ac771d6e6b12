// ui/training/training_charts: a short run's curves are visible and their axes readable.

#include <QLineSeries>
#include <QSet>
#include <QtTest>

#include "ui/training/training_charts.h"

using Charts = dari::TrainingCharts;

class TestTrainingCharts : public QObject {
    Q_OBJECT

    static void checkDistinct(const Charts::Ticks& t) {
        const QStringList labels = t.labels();
        QVERIFY2(labels.size() >= 2 && labels.size() <= 11, qPrintable(labels.join(' ')));
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
    }

private Q_SLOTS:
    void aSinglePointIsDrawn() {
        Charts charts;
        charts.addTrain(1, 7.3, 2.0);
        for (const QLineSeries* s : charts.series())
            QVERIFY(s->pointsVisible());  // a line of one point would draw nothing
        QCOMPARE(charts.trainPoints(), 1);
    }

    // Several dev sets: a line each beside their mean, in the legend; clear() takes them away.
    void eachDevSetHasItsLine() {
        Charts charts;
        charts.addValidation(10, 4.0, 5.0, {{"tatoeba", 8.0}, {"korsts", 2.0}});
        charts.addValidation(20, 3.5, 7.0, {{"tatoeba", 10.0}, {"korsts", 4.0}});
        QVERIFY(charts.devSetSeries("tatoeba") && charts.devSetSeries("korsts"));
        QCOMPARE(charts.devSetSeries("korsts")->count(), 2);
        QCOMPARE(charts.devSetSeries("korsts")->at(1), QPointF(20, 4.0));
        QCOMPARE(charts.series().size(), 6);
        QCOMPARE(charts.validationPoints(), 2);
        charts.clear();
        QVERIFY(!charts.devSetSeries("tatoeba"));
        QCOMPARE(charts.series().size(), 4);
        // One dev set: no extra line.
        charts.addValidation(10, 4.0, 5.0, {{"only", 5.0}});
        QVERIFY(!charts.devSetSeries("only"));
    }

    void ticksAreRoundAndLabelsDiffer() {
        // One loss value, as after the first train event: a span around it, not 7.3 7.3 7.3.
        checkDistinct(Charts::niceTicks(6.9, 7.7, false));
        checkDistinct(Charts::niceTicks(7.29, 7.31, false));
        checkDistinct(Charts::niceTicks(0.0, 1e6, false));
        const auto bleu = Charts::niceTicks(0.0, 1.0, false);
        QCOMPARE(bleu.step, 0.2);
        QCOMPARE(bleu.labels().first(), QStringLiteral("0.0"));
        QCOMPARE(Charts::niceTicks(0.0, 0.5, false).decimals, 1);
        QCOMPARE(Charts::niceTicks(0.0, 1.25, false).decimals, 2);  // steps of 0.25
    }

    void stepsAreWholeNumbers() {
        // The x axis of a run at step 1: 0 1 2 3 4 5, never 0 0 0 0 0 1.
        const auto t = Charts::niceTicks(0.0, 5.0, true);
        QCOMPARE(t.step, 1.0);
        QCOMPARE(t.decimals, 0);
        QCOMPARE(t.labels(), (QStringList{"0", "1", "2", "3", "4", "5"}));
        checkDistinct(Charts::niceTicks(0.0, 1.0, true));
        QVERIFY(Charts::niceTicks(0.0, 1.0, true).step >= 1.0);
        QCOMPARE(Charts::niceTicks(0.0, 69.0, true).step, 20.0);
    }
};

QTEST_MAIN(TestTrainingCharts)
#include "test_training_charts.moc"
