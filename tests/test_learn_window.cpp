// The Learn window (ui/learn): Ctrl+3 opens it on the mode's model; an inspection on a worker
// thread fills the three views with exactly the engine's numbers — states, gates, gradients —
// for a GRU with attention, an LSTM without it (return_sequences=False) and a plain RNN (no
// gates); bad input is said.

#include <QAction>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QtTest>

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
        QCOMPARE(window->views()->count(), 3);
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
