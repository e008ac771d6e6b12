// The Learn window (ui/learn): Ctrl+3 opens it on the mode's model; an inspection on a worker
// thread fills the views with exactly the engine's numbers — states, gates, gradients, the
// training log's gradient norms and clipping — for a GRU with attention, an LSTM without it
// (return_sequences=False) and a plain RNN (no gates); a classifier's decision is drawn from its
// probabilities and pooling weights; the sequential bottleneck is measured off the GUI thread;
// bad input is said.

#include <QAction>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

#include <QBarSet>
#include <QDir>
#include <QFile>
#include <QScatterSeries>

#include "model/inspect/gradient_history.h"
#include "model/training/classifier_trainer.h"
#include "model/training/train_log.h"
#include "ui/learn/bottleneck_view.h"
#include "ui/learn/cell_comparison.h"
#include "ui/learn/clipping_chart.h"
#include "ui/learn/decision_view.h"
#include "ui/learn/learn_window.h"
#include "ui/learn/state_strip.h"
#include "window_fixture.h"

using dari::LearnWindow;
using dari::StateStrip;

namespace {

// Grabs `widget` into $DARI_SCREENSHOT_DIR/NAME (nothing when it is unset): the README's images.
void screenshot(QWidget* widget, const QString& name) {
    const QString dir = qEnvironmentVariable("DARI_SCREENSHOT_DIR");
    if (!dir.isEmpty()) widget->grab().save(dir + QLatin1Char('/') + name);
}

bool inspect(LearnWindow& learn) {
    QSignalSpy done(&learn, &LearnWindow::inspected);
    QSignalSpy failed(&learn, &LearnWindow::failed);
    if (!learn.inspectNow()) return false;
    return QTest::qWaitFor([&] { return done.size() + failed.size() > 0; }, 60000) &&
           done.size() == 1;
}

}  // namespace

class TestLearnWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(fx_.setUp());
        dari::Corpus corpus = dari::readTsv(DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv", {true});
        std::vector<dari::SentencePair> train(corpus.pairs.begin(), corpus.pairs.begin() + 200);
        std::vector<dari::SentencePair> dev(corpus.pairs.begin() + 200, corpus.pairs.begin() + 220);
        for (const char* cell : {"lstm", "rnn"}) {
            dari::Config c = fixture::tinyConfig("translate");
            c.model.cell = cell;
            c.model.attention = "none";
            c.train.epochs = 1;
            fixture::trainBundle(c, train, dev, other(QLatin1String(cell)));
        }
        // dari train keeps its log in the model's folder; the fixture writes it beside it.
        QVERIFY(QFile::copy(fx_.models + QStringLiteral("/ko-en.log.jsonl"),
                            fx_.models + QStringLiteral("/ko-en/train_log.jsonl")));
        // A classifier on the chatbot's labelled questions (one epoch: the numbers, not the
        // accuracy, are under test).
        dari::Corpus labelled =
            dari::readTsv(DARI_SHARED_DATA "/chatbot-ko/dev.labels.tsv", {true});
        std::vector<dari::SentencePair> questions;  // the file is sorted by label: a sample
        for (size_t i = 0; i < labelled.pairs.size(); i += labelled.pairs.size() / 150)
            questions.push_back(labelled.pairs[i]);
        dari::Config c = fixture::tinyConfig("classify");
        c.data.tgtLang.clear();
        c.train.epochs = 1;
        dari::TrainLog quiet;
        dari::trainClassifier(c, questions, questions,
                              other(QStringLiteral("classifier")).toStdString(), quiet);
    }

    void ctrl3OpensLearnOnTheModesModel() {
        auto w = fx_.makeWindow();
        QAction* learn = nullptr;
        for (QAction* a : w->findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(QStringLiteral("Ctrl+3"))) learn = a;
        QVERIFY(learn);
        learn->trigger();
        auto* window = w->findChild<LearnWindow*>();
        QVERIFY(window && window->isVisible());
        auto* models = window->findChild<QComboBox*>(QStringLiteral("learnModel"));
        QCOMPARE(models->count(), 2);  // ko-en and chat-ko
        QCOMPARE(models->currentData().toString(), w->modelDir(dari::MainWindow::Mode::Translate));
        QCOMPARE(window->views()->count(), 5);
        QVERIFY(!window->views()->isTabVisible(4));  // Decision: a classifier's view
    }

    // A bidirectional GRU with attention: every view shows the engine's own numbers.
    void showsTheEnginesNumbers() {
        LearnWindow learn;
        learn.setModels({{fx_.models + QStringLiteral("/ko-en"), QStringLiteral("ko-en")}});
        learn.setText(QStringLiteral("오늘 날씨가 좋네요."));
        learn.resize(1100, 800);
        learn.show();
        QVERIFY2(inspect(learn), qPrintable(learn.errorText()));
        const dari::NetworkInspection& r = learn.result();
        const int positions = int(r.sourcePieces.size());
        QVERIFY(positions >= 3);

        // Unrolled in time: one strip per direction, h_t exactly, and the hover text.
        QCOMPARE(learn.stateStrips().size(), int(r.encoder.size()));
        QCOMPARE(r.encoder.size(), size_t(2));
        StateStrip* forward = learn.stateStrips().front();
        QCOMPARE(forward->steps(), positions);
        QCOMPARE(forward->dimensions(), int(r.encoder[0].h[0].size()));
        QCOMPARE(forward->value(positions - 1, 3), r.encoder[0].h[positions - 1][3]);
        QVERIFY(forward->describeAt(QPoint(10, forward->sizeHint().height() / 2))
                    .contains(QStringLiteral("dimension")));
        auto* all = learn.findChild<QCheckBox*>(QStringLiteral("returnSequences"));
        QVERIFY(all->isChecked());  // attention reads every state
        screenshot(&learn, QStringLiteral("learn-unrolled.png"));

        // Gates: update and reset for both directions and the decoder, values in [0, 1].
        QCOMPARE(learn.gateStrips().size(), 2 * 3);
        for (StateStrip* strip : learn.gateStrips())
            for (int t = 0; t < strip->steps(); ++t)
                for (int d = 0; d < strip->dimensions(); ++d)
                    QVERIFY(strip->value(t, d) >= 0.0f && strip->value(t, d) <= 1.0f);
        QCOMPARE(learn.gateStrips().back()->steps(), int(r.targetPieces.size()));
        learn.views()->setCurrentIndex(1);
        screenshot(&learn, QStringLiteral("learn-gates.png"));

        // Gradients through time: one point per position, the engine's norms.
        for (int direction : {0, 1}) {
            QLineSeries* series = learn.gradientSeries(direction);
            QVERIFY(series);
            const auto& norms = direction == 0 ? r.gradients.forward : r.gradients.backward;
            QCOMPARE(series->count(), positions);
            for (int t = 0; t < positions; ++t)
                QCOMPARE(series->at(t).y(), std::max(norms[t], 1e-12));
        }
        learn.views()->setCurrentIndex(2);
        screenshot(&learn, QStringLiteral("learn-gradients.png"));

        // The training log's gradient norms, every logged step, with the clipping threshold.
        const auto history =
            dari::readGradientHistory((fx_.models + QStringLiteral("/ko-en")).toStdString());
        QVERIFY(!history.empty());
        dari::ClippingChart* clipping = learn.clippingChart();
        QCOMPARE(clipping->norms()->count(), int(history.steps.size()));
        QCOMPARE(clipping->norms()->at(0).y(), std::max(history.norms[0], 1e-12));
        QCOMPARE(clipping->clipped()->count(), int(history.clipped));
        QCOMPARE(clipping->threshold()->at(0).y(), history.clipNorm);
    }

    // A classifier: no decoder; the Decision view shows its probabilities and pooling weights.
    void aClassifiersDecisionIsShown() {
        LearnWindow learn;
        learn.setModels({});
        learn.chooseModel(other(QStringLiteral("classifier")));
        learn.setText(QStringLiteral("헤어진 지 일주일 됐어"));
        learn.resize(1100, 800);
        learn.show();
        QVERIFY2(inspect(learn), qPrintable(learn.errorText()));
        const dari::NetworkInspection& r = learn.result();
        QCOMPARE(QString::fromStdString(r.task), QStringLiteral("classify"));
        QVERIFY(learn.views()->isTabVisible(4));
        dari::DecisionView* decision = learn.decisionView();
        QCOMPARE(decision->probabilities()->count(), int(r.labels.size()));
        for (int c = 0; c < decision->probabilities()->count(); ++c)
            QCOMPARE(decision->probabilities()->at(c), r.probabilities[c]);
        QCOMPARE(decision->weights()->count(), int(r.sourcePieces.size()));
        for (int t = 0; t < decision->weights()->count(); ++t)
            QCOMPARE(decision->weights()->at(t), r.poolingWeights[t]);
        // Gates: the encoder's two directions only (update and reset), no decoder.
        QCOMPARE(learn.gateStrips().size(), 2 * 2);
        learn.views()->setCurrentIndex(4);
        screenshot(&learn, QStringLiteral("learn-decision.png"));

        // A translation model next: the Decision view goes away.
        learn.chooseModel(fx_.models + QStringLiteral("/ko-en"));
        QVERIFY2(inspect(learn), qPrintable(learn.errorText()));
        QVERIFY(!learn.views()->isTabVisible(4));
        QCOMPARE(learn.views()->currentIndex(), 0);
    }

    // Step times of every network at every length, measured off the GUI thread, drawn as they
    // were measured: one thread solid, all threads dashed.
    void theBottleneckIsMeasured() {
        LearnWindow learn;
        dari::BottleneckView* view = learn.bottleneckView();
        std::vector<dari::TimedNetwork> networks;
        for (const char* cell : {"rnn", "gru"}) {
            dari::ModelConfig m;
            m.cell = cell;
            m.embeddingSize = m.encoderHidden = m.decoderHidden = m.attentionSize = 8;
            networks.push_back({QString(cell).toUpper().toStdString(), m});
        }
        dari::StepTimingOptions options;
        options.lengths = {3, 6};
        options.repeats = 1;
        options.vocabulary = 40;
        view->setNetworks(networks, options);
        QSignalSpy measured(view, &dari::BottleneckView::measured);
        QVERIFY(view->measure());
        QVERIFY(!view->measure());  // one at a time
        QVERIFY(measured.wait(60000));
        QCOMPARE(view->timings().size(), size_t(2));
        QCOMPARE(view->series().size(), 4);
        for (int n = 0; n < 2; ++n) {
            const auto& t = view->timings()[n];
            for (int all : {0, 1}) {
                QLineSeries* s = view->series()[2 * n + all];
                QCOMPARE(s->count(), 2);
                QCOMPARE(s->at(1).x(), 6.0);
                QCOMPARE(s->at(1).y(), all ? t.msAllThreads[1] : t.msOneThread[1]);
                QCOMPARE(s->pen().style(), all ? Qt::DashLine : Qt::SolidLine);
            }
        }
        QVERIFY2(view->findings().count(QStringLiteral("<br>")) == 1, qPrintable(view->findings()));
        QVERIFY(view->findings().contains(QStringLiteral("GRU")));
    }

    // No attention: the decoder reads only the final state (return_sequences=False), and the
    // switch fades every other column; an LSTM's gates and cells are drawn.
    void lstmWithoutAttentionReadsTheLastState() {
        LearnWindow learn;
        learn.setModels({{other(QStringLiteral("lstm")), QStringLiteral("lstm")}});
        learn.setText(QStringLiteral("고마워요."), QStringLiteral("Thank you."));
        QVERIFY2(inspect(learn), qPrintable(learn.errorText()));
        QCOMPARE(QString::fromStdString(learn.result().decoderReads),
                 QStringLiteral("final_state"));
        QCOMPARE(QString::fromStdString(learn.result().referenceFrom), QStringLiteral("given"));
        QVERIFY(!learn.findChild<QCheckBox*>(QStringLiteral("returnSequences"))->isChecked());
        // Per recurrence: forget, input, output and the cell; two encoder directions, a decoder.
        QCOMPARE(learn.gateStrips().size(), 4 * 3);
        learn.setReturnSequences(true);
        QVERIFY(learn.findChild<QCheckBox*>(QStringLiteral("returnSequences"))->isChecked());
    }

    // The six tiny networks trained here (on a small corpus), then compared on one sentence:
    // each curve is that network's own inspection; they join the model list; a missing corpus
    // is said; a stopped training leaves no half network behind.
    void tinyCellsTrainAndCompare() {
        const QString corpus = fx_.dir.filePath(QStringLiteral("tiny-corpus"));
        QVERIFY(QDir().mkpath(corpus));
        dari::Corpus source = dari::readTsv(DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv", {true});
        for (const auto& [name, first, count] :
             {std::tuple{"train.tsv", 0, 160}, std::tuple{"dev.tsv", 160, 20}}) {
            QFile file(corpus + QLatin1Char('/') + QLatin1String(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (int i = first; i < first + count; ++i)
                file.write((source.pairs[i].source + "\t" + source.pairs[i].target + "\n").c_str());
        }
        LearnWindow learn;
        learn.setModels({{fx_.models + QStringLiteral("/ko-en"), QStringLiteral("ko-en")}});
        dari::CellComparison* cells = learn.cellComparison();
        const QString folder = fx_.dir.filePath(QStringLiteral("tiny-cells"));

        learn.setTinyCells(folder, {}, {}, QStringLiteral("The corpus tatoeba-ko-en is missing."));
        QVERIFY(!cells->train());
        QCOMPARE(cells->statusText(), QStringLiteral("The corpus tatoeba-ko-en is missing."));

        learn.setTinyCells(folder, corpus + QStringLiteral("/train.tsv"),
                           corpus + QStringLiteral("/dev.tsv"));
        QVERIFY(cells->train());
        cells->stop();
        QVERIFY(QTest::qWaitFor([&] { return !cells->training(); }, 60000));
        QVERIFY(cells->trainedDirs().size() < 6);
        for (const QString& entry : QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QVERIFY2(!entry.endsWith(QLatin1String(".partial")), qPrintable(entry));

        QSignalSpy ready(cells, &dari::CellComparison::cellsReady);
        QSignalSpy compared(cells, &dari::CellComparison::compared);
        QVERIFY(cells->train());
        QVERIFY(ready.wait(120000));
        QCOMPARE(cells->trainedDirs().size(), 6);
        auto* models = learn.findChild<QComboBox*>(QStringLiteral("learnModel"));
        QCOMPARE(models->count(), 1 + 6);
        QVERIFY(models->itemText(2).contains(QStringLiteral("RNN")));

        learn.setText(QStringLiteral("오늘 날씨가 좋네요."));
        QVERIFY2(inspect(learn), qPrintable(learn.errorText()));
        QVERIFY(compared.size() == 1 || compared.wait(60000));
        QCOMPARE(cells->series().size(), 6);
        for (int n = 0; n < 6; ++n) {
            const auto& r = cells->inspections()[n];
            QLineSeries* s = cells->series()[n];
            QCOMPARE(s->count(), int(r.gradients.forward.size()));
            QCOMPARE(s->at(0).y(), std::max(r.gradients.forward[0], 1e-12));
            QCOMPARE(s->pen().style(), r.attention == "none" ? Qt::DashLine : Qt::SolidLine);
        }
        QCOMPARE(QString::fromStdString(cells->inspections()[0].cell), QStringLiteral("rnn"));
        QCOMPARE(QString::fromStdString(cells->inspections()[5].cell), QStringLiteral("lstm"));
        QVERIFY(cells->statusText().contains(QStringLiteral("share")));
    }

    void aPlainRnnHasNoGates() {
        LearnWindow learn;
        learn.setModels({{other(QStringLiteral("rnn")), QStringLiteral("rnn")}});
        learn.setText(QStringLiteral("고마워요."));
        QVERIFY2(inspect(learn), qPrintable(learn.errorText()));
        QVERIFY(learn.gateStrips().isEmpty());
        bool said = false;
        for (QLabel* label : learn.findChildren<QLabel*>())
            said = said || label->text().contains(QStringLiteral("no gates"));
        QVERIFY(said);
        QCOMPARE(learn.stateStrips().size(), 2);

        // Its folder has no training log: the clipping chart says so.
        QVERIFY(!learn.clippingChart()->norms());
        QVERIFY(
            learn.clippingChart()->chart()->title().contains(QStringLiteral("no training log")));
    }

    void badInputIsSaid() {
        LearnWindow learn;
        learn.setModels({});
        QVERIFY(!learn.inspectNow());
        QVERIFY(learn.errorText().contains(QStringLiteral("No model")));
        learn.setModels({{fx_.models + QStringLiteral("/ko-en"), QStringLiteral("ko-en")}});
        learn.setText(QStringLiteral("   "));
        QVERIFY(!learn.inspectNow());
        QVERIFY(!learn.errorText().isEmpty());
        learn.setModels({{fx_.dir.filePath(QStringLiteral("missing")), QStringLiteral("x")}});
        learn.setText(QStringLiteral("안녕"));
        QVERIFY(!inspect(learn));
        QVERIFY2(learn.errorText().contains(QStringLiteral("missing")),
                 qPrintable(learn.errorText()));
        QVERIFY(!learn.hasResult());
    }

private:
    QString other(const QString& cell) const {
        return fx_.dir.filePath(QStringLiteral("other-") + cell);
    }

    fixture::Window fx_;
};

QTEST_MAIN(TestLearnWindow)
#include "test_learn_window.moc"
