// Learn mode's measurements (model/inspect): the states shown are the encoder's own, every gate
// is a gate, the gradient norms are autograd's on the training loss, the Jacobians are the
// recurrence's, and the JSON has every key at its size; a classifier's decision is its own;
// a training log's gradient norms are read with their clipping threshold; step times are taken
// for every network and length.

#include <QtTest>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include <QTemporaryDir>

#include <fstream>

#include "model/inspect/gradient_flow.h"
#include "model/inspect/gradient_history.h"
#include "model/inspect/inspection_json.h"
#include "model/inspect/network_inspection.h"
#include "model/inspect/step_timing.h"
#include "model/inspect/tiny_cells.h"
#include "model/runtime.h"
#include "model/training/loss.h"
#include "test_helpers.h"
#include "tiny_model.h"

namespace {

const std::vector<int64_t> kSource{4, 5, 6, 7, 8};  // + </s>: 6 positions
const std::vector<int64_t> kTarget{10, 11, 12};     // + </s>: 4 steps

torch::Tensor matrix(const dari::Rows& rows) {
    std::vector<torch::Tensor> out;
    for (const auto& row : rows)
        out.push_back(torch::tensor(row));
    return torch::stack(out);
}

double maxDifference(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kDouble) - b.to(torch::kDouble)).abs().max().item<double>();
}

void addCases() {
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("attention");
    QTest::addColumn<bool>("bidirectional");
    QTest::addColumn<int>("layers");
    for (const char* cell : {"rnn", "gru", "lstm"})
        for (const char* attention : {"bahdanau", "none", "general"})
            for (bool bi : {false, true})
                QTest::addRow("%s-%s-%s", cell, attention, bi ? "bi" : "uni")
                    << cell << attention << bi << (bi ? 2 : 1);
}

dari::Seq2Seq model(const QString& cell, const QString& attention, bool bidirectional, int layers) {
    auto config = tiny::config(cell.toStdString(), attention.toStdString(), bidirectional);
    config.encoderLayers = config.decoderLayers = layers;
    torch::manual_seed(11);
    return dari::Seq2Seq(config, tiny::kVocab, tiny::kVocab);
}

// Every gate of every recurrence in [0, 1], with the names of its cell; LSTM cells present.
void checkGates(const std::vector<dari::RecurrenceTrace>& recurrences, const QString& cell,
                size_t rows) {
    const QStringList expected = cell == "gru"    ? QStringList{"update", "reset"}
                                 : cell == "lstm" ? QStringList{"forget", "input", "output"}
                                                  : QStringList{};
    for (const auto& r : recurrences) {
        QCOMPARE(r.h.size(), rows);
        QCOMPARE(r.c.size(), cell == "lstm" ? rows : 0);
        QStringList names;
        for (const auto& gate : r.gates) {
            names << QString::fromStdString(gate.name);
            QCOMPARE(gate.values.size(), rows);
            const auto values = matrix(gate.values);
            QVERIFY(values.min().item<float>() >= 0.0f);
            QVERIFY(values.max().item<float>() <= 1.0f);
        }
        QCOMPARE(names, expected);
        QCOMPARE(r.meanTanhDerivative.size(), rows);
        QCOMPARE(r.meanSigmoidDerivative.size(), cell == "rnn" ? 0 : rows);
        for (double d : r.meanTanhDerivative)
            QVERIFY(d > 0.0 && d <= 1.0);
        for (double d : r.meanSigmoidDerivative)
            QVERIFY(d > 0.0 && d <= 0.25);
    }
}

}  // namespace

class TestInspection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void statesAreTheEncodersAndGatesAreGates_data() { addCases(); }
    void statesAreTheEncodersAndGatesAreGates() {
        QFETCH(QString, cell);
        QFETCH(QString, attention);
        QFETCH(bool, bidirectional);
        QFETCH(int, layers);
        auto network = model(cell, attention, bidirectional, layers);
        const auto inspection = dari::inspectExample(network, kSource, kTarget);
        const size_t positions = kSource.size() + 1, steps = kTarget.size() + 1;
        QCOMPARE(inspection.encoder.size(), static_cast<size_t>(layers * (bidirectional ? 2 : 1)));
        QCOMPARE(inspection.decoder.size(), static_cast<size_t>(layers));
        checkGates(inspection.encoder, cell, positions);
        checkGates(inspection.decoder, cell, steps);

        // The top layer's states are what the Encoder returns (both directions).
        torch::NoGradGuard noGrad;
        const auto batch = dari::makeBatch({{kSource, kTarget}}, {0});
        const auto outputs = network->encoder(batch.src).outputs[0];  // [S, E]
        const int64_t hidden = network->config().encoderHidden;
        const auto& forward = inspection.encoder[(layers - 1) * (bidirectional ? 2 : 1)];
        QCOMPARE(forward.direction, std::string("forward"));
        QVERIFY(maxDifference(matrix(forward.h), outputs.slice(1, 0, hidden)) <= 1e-6);
        if (bidirectional) {
            const auto& backward = inspection.encoder.back();
            QCOMPARE(backward.direction, std::string("backward"));
            QVERIFY(maxDifference(matrix(backward.h), outputs.slice(1, hidden)) <= 1e-6);
        }

        if (attention == "none") {
            QVERIFY(inspection.attentionWeights.empty());
            QCOMPARE(inspection.decoderReads, std::string("final_state"));
        } else {
            QCOMPARE(inspection.attentionWeights.size(), steps);
            for (const auto& row : inspection.attentionWeights) {
                QCOMPARE(row.size(), positions);
                QVERIFY(std::abs(std::accumulate(row.begin(), row.end(), 0.0) - 1.0) < 1e-5);
            }
            QCOMPARE(inspection.decoderReads, std::string("all_states"));
        }
    }

    // ||dL/dh_t|| is autograd's on Seq2Seq::forward and the trainer's loss, computed here alone.
    void gradientNormsAreAutogradsOnTheTrainingLoss_data() { addCases(); }
    void gradientNormsAreAutogradsOnTheTrainingLoss() {
        QFETCH(QString, cell);
        QFETCH(QString, attention);
        QFETCH(bool, bidirectional);
        QFETCH(int, layers);
        auto network = model(cell, attention, bidirectional, layers);
        const auto inspection = dari::inspectExample(network, kSource, kTarget);
        const auto& flow = inspection.gradients;

        const auto batch = dari::makeBatch({{kSource, kTarget}}, {0});
        const auto result = network->forward(batch.src, batch.tgtIn);
        const auto loss = dari::sequenceLoss(result.logits, batch.tgtOut, 0.0);
        const auto grads = torch::autograd::grad({loss}, result.encoded.forwardStates, {}, false,
                                                 false, /*allow_unused=*/true);
        QVERIFY(std::abs(flow.loss - loss.item<double>()) <= 1e-5 * loss.item<double>());
        QCOMPARE(flow.layer, layers - 1);
        QCOMPARE(flow.forward.size(), grads.size());
        bool anyNonZero = false;
        for (size_t t = 0; t < grads.size(); ++t) {
            const double expected = grads[t].defined() ? grads[t].norm().item<double>() : 0.0;
            QVERIFY2(
                std::abs(flow.forward[t] - expected) <= 1e-4 * expected + 1e-9,
                qPrintable(
                    QString("position %1: %2 vs %3").arg(t).arg(flow.forward[t]).arg(expected)));
            anyNonZero = anyNonZero || expected > 0;
        }
        QVERIFY(anyNonZero);
        QCOMPARE(flow.backward.size(), bidirectional ? grads.size() : 0);
        for (double norm : flow.backward)
            QVERIFY(std::isfinite(norm) && norm > 0);
        QCOMPARE(flow.jacobianNorm.size(), grads.size());
    }

    // RNN: dh_t/dh_{t-1} = diag(1 - h_t^2) W_hh, so its spectral norm is known in closed form.
    void rnnJacobianIsTanhPrimeTimesTheRecurrentWeight() {
        auto network = model("rnn", "bahdanau", false, 1);
        const auto inspection = dari::inspectExample(network, kSource, kTarget);
        const auto w = network->encoder->named_parameters()["rnn.weight_hh_l0"].detach();
        const auto h = matrix(inspection.encoder.front().h);
        for (int64_t t = 0; t < h.size(0); ++t) {
            const auto derivative = 1 - h[t] * h[t];
            const double expected =
                at::linalg_svdvals(derivative.unsqueeze(1) * w)[0].item<double>();
            QVERIFY(std::abs(inspection.gradients.jacobianNorm[t] - expected) <= 1e-5 * expected);
            QVERIFY(std::abs(inspection.encoder.front().meanTanhDerivative[t] -
                             derivative.mean().item<double>()) <= 1e-6);
        }
    }

    // Every layer's and direction's Jacobian against central differences of the recurrence's
    // own step (in double precision), and that step reproduces the traced states.
    void jacobiansMatchFiniteDifferences_data() {
        QTest::addColumn<QString>("cell");
        for (const char* cell : {"rnn", "gru", "lstm"})
            QTest::newRow(cell) << cell;
    }
    void jacobiansMatchFiniteDifferences() {
        QFETCH(QString, cell);
        auto config = tiny::config(cell.toStdString(), "bahdanau", true);
        config.encoderLayers = 2;
        torch::manual_seed(5);
        dari::Encoder encoder(config, tiny::kVocab);
        encoder->to(torch::kDouble);
        encoder->eval();
        std::vector<dari::DirectionTrace> traces;
        encoder->trace(dari::makeSourceBatch({kSource}).src, traces);
        QCOMPARE(traces.size(), size_t{4});
        const double eps = 1e-6;
        for (const auto& trace : traces) {
            const auto steps = static_cast<int64_t>(trace.h.size());
            for (int64_t t = 0; t < steps; ++t) {
                const bool first = trace.reverse ? t == steps - 1 : t == 0;
                const int64_t previous = trace.reverse ? t + 1 : t - 1;
                const auto h = first ? torch::zeros_like(trace.h[t]) : trace.h[previous].detach();
                torch::Tensor c;
                if (!trace.c.empty())
                    c = first ? torch::zeros_like(trace.c[t]) : trace.c[previous].detach();
                const auto x = trace.input.select(1, t).detach();
                torch::NoGradGuard noGrad;
                const auto step = [&](const torch::Tensor& from) {
                    return encoder->step(trace.layer, trace.reverse, x, from, c).first[0];
                };
                QVERIFY(maxDifference(step(h), trace.h[t][0]) <= 1e-12);
                std::vector<torch::Tensor> columns;
                for (int64_t j = 0; j < h.size(1); ++j) {
                    const auto delta = torch::zeros_like(h);
                    delta[0][j] = eps;
                    columns.push_back((step(h + delta) - step(h - delta)) / (2 * eps));
                }
                const auto numeric = torch::stack(columns, 1);
                const auto jacobian = dari::recurrentJacobian(encoder, trace, t);
                QVERIFY(maxDifference(jacobian, numeric) <= 1e-7);
            }
        }
    }

    void aBundleInspectsItsFirstNetworkAgainstAReferenceOrItsOwnOutput() {
        auto bundle = tinyBundle();
        const auto greedy = dari::inspectNetwork(bundle, "오늘 날씨가 좋네요.");
        QCOMPARE(greedy.referenceFrom, std::string("greedy"));
        QCOMPARE(greedy.members, int64_t{2});
        QVERIFY(std::any_of(greedy.notes.begin(), greedy.notes.end(), [](const std::string& n) {
            return n.find("ensemble of 2") != std::string::npos;
        }));
        QCOMPARE(greedy.sourcePieces.back(), std::string("</s>"));
        QCOMPARE(greedy.targetPieces.size(), greedy.decoder.front().h.size());

        const auto given = dari::inspectNetwork(bundle, "오늘 날씨가 좋네요.", "Nice weather.");
        QCOMPARE(given.referenceFrom, std::string("given"));
        QCOMPARE(given.reference, std::string("Nice weather."));
        QCOMPARE(given.sourcePieces, greedy.sourcePieces);
        const auto pieces = bundle.tgt.encode("Nice weather.");
        QCOMPARE(given.targetPieces.size(), pieces.size() + 1);
        QCOMPARE(given.targetPieces.front(), bundle.tgt.piece(pieces.front()));

        QVERIFY(helpers::errorOf([&] { dari::inspectNetwork(bundle, "  "); }).find("empty") !=
                std::string::npos);
        QVERIFY(helpers::errorOf([&] { dari::inspectNetwork(bundle, "\xff"); }).find("UTF-8") !=
                std::string::npos);
    }

    void jsonHasEveryKeyAtItsSize() {
        auto bundle = tinyBundle();
        const auto inspection =
            dari::inspectNetwork(bundle, "오늘 날씨가 좋네요.", "Nice weather.");
        const auto json =
            nlohmann::json::parse(dari::inspectionToJson(inspection).dump());  // round trip
        const size_t positions = inspection.sourcePieces.size(),
                     steps = inspection.targetPieces.size(), hidden = 16;
        for (const char* key :
             {"schema", "cell", "attention", "decoder_reads", "return_sequences", "bidirectional",
              "member", "members", "source", "source_pieces", "reference", "reference_from",
              "target_pieces", "encoder", "decoder", "attention_weights", "gradients", "notes"})
            QVERIFY2(json.contains(key), key);
        QCOMPARE(json["cell"].get<std::string>(), std::string("gru"));
        QCOMPARE(json["return_sequences"].get<bool>(), true);
        QCOMPARE(json["source_pieces"].size(), positions);
        QCOMPARE(json["target_pieces"].size(), steps);
        QCOMPARE(json["encoder"].size(), size_t{2});  // one layer, two directions
        for (const auto& r : json["encoder"]) {
            QCOMPARE(r["h"].size(), positions);
            QCOMPARE(r["h"][0].size(), hidden);
            QCOMPARE(r["c"].size(), size_t{0});
            QCOMPARE(r["gates"].size(), size_t{2});
            QCOMPARE(r["gates"][0]["name"].get<std::string>(), std::string("update"));
            QCOMPARE(r["gates"][0]["values"].size(), positions);
            QCOMPARE(r["gates"][0]["mean"].size(), positions);
            QCOMPARE(r["candidate"].size(), positions);
            QCOMPARE(r["mean_tanh_derivative"].size(), positions);
            QCOMPARE(r["mean_sigmoid_derivative"].size(), positions);
        }
        QCOMPARE(json["decoder"].size(), size_t{1});
        QCOMPARE(json["decoder"][0]["h"].size(), steps);
        QCOMPARE(json["attention_weights"].size(), steps);
        QCOMPARE(json["attention_weights"][0].size(), positions);
        const auto& g = json["gradients"];
        for (const char* key : {"forward", "backward", "jacobian_spectral_norm"})
            QCOMPARE(g[key].size(), positions);
        QCOMPARE(g["loss_value"].get<double>(), inspection.gradients.loss);
        QCOMPARE(json["encoder"][0]["h"][2][3].get<double>(),
                 std::round(inspection.encoder[0].h[2][3] * 1e6) / 1e6);
    }

    void classifierInspectionIsTheClassifiersOwn_data() {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("pooling");
        for (const char* cell : {"gru", "lstm"})
            for (const char* pooling : {"last", "attention"})
                QTest::newRow(qPrintable(QStringLiteral("%1-%2").arg(cell, pooling)))
                    << QString(cell) << QString(pooling);
    }
    void classifierInspectionIsTheClassifiersOwn() {
        QFETCH(QString, cell);
        QFETCH(QString, pooling);
        auto bundle = tinyClassifier(cell.toStdString(), pooling.toStdString());
        const std::string text = "오늘 날씨가 좋네요.";
        const auto n = dari::inspectClassifier(bundle, text);
        QCOMPARE(n.task, std::string("classify"));
        QCOMPARE(n.pooling, pooling.toStdString());
        QVERIFY(n.decoder.empty() && n.targetPieces.empty() && n.attentionWeights.empty());
        QCOMPARE(n.decoderReads, std::string(pooling == "last" ? "final_state" : "all_states"));

        // The probabilities and pooling weights of the classifier's own forward pass.
        const auto src = dari::makeSourceBatch({bundle.src.encode(text)}).src;
        const size_t positions = static_cast<size_t>(src.size(1));
        QCOMPARE(n.sourcePieces.size(), positions);
        auto model = bundle.model;
        const auto encoded = model->encoder(src);
        const auto out = model->classify(encoded);
        const auto probs = torch::softmax(out.logits, 1)[0];
        QCOMPARE(n.probabilities.size(), bundle.meta.labels.size());
        for (size_t c = 0; c < n.probabilities.size(); ++c)
            QVERIFY(std::abs(n.probabilities[c] - probs[c].item<double>()) < 1e-6);
        QCOMPARE(n.predicted, probs.argmax().item<int64_t>());
        QCOMPARE(n.reference, bundle.meta.labels[n.predicted]);
        QCOMPARE(n.referenceFrom, std::string("predicted"));
        QCOMPARE(n.poolingWeights.size(), positions);
        QVERIFY(std::abs(std::accumulate(n.poolingWeights.begin(), n.poolingWeights.end(), 0.0) -
                         1.0) < 1e-5);
        for (size_t t = 0; t < positions; ++t)
            QVERIFY(std::abs(n.poolingWeights[t] - out.weights[0][t].item<double>()) < 1e-6);
        if (pooling == "last") QCOMPARE(n.poolingWeights.back(), 1.0);

        // ||dL/dh_t|| of -log p(predicted) is autograd's through the classifier's forward pass.
        const auto loss = -torch::log_softmax(out.logits, 1)[0][n.predicted];
        QVERIFY(std::abs(n.gradients.loss - loss.item<double>()) < 1e-5);
        const auto grads = torch::autograd::grad({loss}, encoded.forwardStates);
        for (size_t t = 0; t < positions; ++t)
            QVERIFY2(std::abs(n.gradients.forward[t] - grads[t].norm().item<double>()) < 1e-5,
                     qPrintable(QStringLiteral("position %1").arg(t)));

        // A given label is measured instead; an unknown one is refused, naming the labels.
        const auto given = dari::inspectClassifier(bundle, text, "2");
        QCOMPARE(given.referenceFrom, std::string("given"));
        QVERIFY(std::abs(given.gradients.loss + std::log(n.probabilities[2])) < 1e-5);
        const auto refusal = helpers::errorOf([&] { dari::inspectClassifier(bundle, text, "7"); });
        QCOMPARE(refusal, std::string("'7' is not one of the model's labels (0, 1, 2)"));

        const auto json = dari::inspectionToJson(n);
        QCOMPARE(json["task"].get<std::string>(), std::string("classify"));
        QCOMPARE(json["pooling_weights"].size(), positions);
        QCOMPARE(json["predicted"].get<std::string>(), n.reference);
        QCOMPARE(json["gradients"]["loss"].get<std::string>(), std::string("label_cross_entropy"));
    }

    // A resumed run's log repeats steps: the later record wins; a null norm (a skipped update)
    // and a half-written last line are passed over; steps above the threshold are counted.
    void gradientHistoryReadsTheLogAndTheThreshold() {
        QTemporaryDir dir;
        dari::Config config;
        config.train.clipNorm = 0.5;
        std::ofstream(dir.filePath("config.yaml").toStdString()) << config.toYaml();
        // (moc cannot read raw string literals: plain ones.)
        const char* lines[] = {"{\"event\":\"start\",\"train_pairs\":10}",
                               "{\"event\":\"train\",\"step\":50,\"grad_norm\":0.3}",
                               "{\"event\":\"train\",\"step\":100,\"grad_norm\":0.8}",
                               "{\"event\":\"train\",\"step\":150,\"grad_norm\":null}",
                               "{\"event\":\"resume\",\"step\":50}",
                               "{\"event\":\"train\",\"step\":100,\"grad_norm\":0.9}",
                               "{\"event\":\"train\",\"step\":150,\"grad_norm\":0.2}",
                               "{\"event\":\"train\",\"step\":200,\"grad_"};
        std::ofstream log(dir.filePath("train_log.jsonl").toStdString());
        for (const char* line : lines)
            log << line << (line == lines[7] ? "" : "\n");
        log.close();
        const auto h = dari::readGradientHistory(dir.path().toStdString());
        QCOMPARE(h.steps, (std::vector<int64_t>{50, 100, 150}));
        QCOMPARE(h.norms, (std::vector<double>{0.3, 0.9, 0.2}));
        QCOMPARE(h.clipNorm, 0.5);
        QCOMPARE(h.clipped, int64_t{1});

        QTemporaryDir empty;
        const auto refusal =
            helpers::errorOf([&] { dari::readGradientHistory(empty.path().toStdString()); });
        QVERIFY2(refusal.find("train_log.jsonl: no training log") != std::string::npos,
                 refusal.c_str());
    }

    // Every network at every length on one thread and on two; the process's threads restored.
    void stepTimingTimesEveryNetworkAtEveryLength() {
        dari::configureThreads(1);
        std::vector<dari::TimedNetwork> networks;
        for (const char* cell : {"rnn", "lstm"}) {
            dari::ModelConfig m;
            m.cell = cell;
            m.embeddingSize = m.encoderHidden = m.decoderHidden = m.attentionSize = 8;
            networks.push_back({cell, m});
        }
        dari::StepTimingOptions options;
        options.lengths = {3, 6};
        options.repeats = 1;
        options.threads = 2;
        options.vocabulary = 50;
        int calls = 0;
        const auto timings = dari::timeSteps(networks, options, [&](int, int) { ++calls; });
        QCOMPARE(calls, 2 * 2 * 2);
        QCOMPARE(dari::configuredThreads(), 1);
        QCOMPARE(timings.size(), size_t{2});
        for (size_t n = 0; n < timings.size(); ++n) {
            const auto& t = timings[n];
            QCOMPARE(t.name, networks[n].name);
            QCOMPARE(t.parameters, dari::Seq2Seq(networks[n].config, 50, 50)->parameterCount());
            QCOMPARE(t.msOneThread.size(), size_t{2});
            QCOMPARE(t.msAllThreads.size(), size_t{2});
            for (size_t i = 0; i < 2; ++i)
                QVERIFY(t.msOneThread[i] > 0 && t.msAllThreads[i] > 0);
            // Bidirectional encoder (L + 1 positions each way, </s>), then L + 1 decoder steps.
            QCOMPARE(t.sequentialSteps, (std::vector<int64_t>{3 * 4, 3 * 7}));
        }
        const std::atomic<bool> stop{true};
        QVERIFY(dari::timeSteps(networks, options, {}, &stop).empty());
        dari::configureThreads(0);
    }

    // Six networks, the same recipe but for the cell and attention: the same steps for each.
    void tinyCellsShareOneRecipe() {
        const auto cells = dari::tinyCells();
        QCOMPARE(cells.size(), size_t{6});
        std::set<std::string> names;
        for (const auto& cell : cells) {
            names.insert(cell.name());
            dari::Config c = dari::tinyCellConfig(cell);
            c.validate();
            QCOMPARE(c.model.cell, cell.cell);
            QCOMPARE(c.model.attention, cell.attention);
            dari::Config same = dari::tinyCellConfig(cells.front());
            same.model.cell = cell.cell;
            same.model.attention = cell.attention;
            QCOMPARE(c.toYaml(), same.toYaml());
            QVERIFY(c.train.minutes == 0.0);  // a step budget: the same model on every machine
        }
        QCOMPARE(names.size(), size_t{6});
        std::vector<dari::SentencePair> pairs;
        for (int i = 0; i < 10; ++i)
            pairs.push_back({std::to_string(i), "x", i + 1});
        const auto sample = dari::evenSample(pairs, 4);
        QCOMPARE(sample.size(), size_t{4});
        QCOMPARE(sample[0].source, std::string("0"));
        QCOMPARE(sample[1].source, std::string("2"));
        QCOMPARE(sample[3].source, std::string("7"));
        QCOMPARE(dari::evenSample(pairs, 20).size(), pairs.size());
    }

private:
    // An untrained classifier over the same vocabulary, labels "0", "1", "2".
    dari::ClassifierBundle tinyClassifier(const std::string& cell, const std::string& pooling) {
        tinyBundle();  // the vocabularies
        dari::ClassifierBundle b;
        b.config.data.task = "classify";
        b.src = dari::Vocabulary::fromSerialized(src_);
        auto& m = b.config.model;
        m.cell = cell;
        m.pooling = pooling;
        m.embeddingSize = m.encoderHidden = 16;
        torch::manual_seed(5);
        b.model = dari::Classifier(m, b.src.size(), 3);
        b.model->eval();
        b.meta.labels = {"0", "1", "2"};
        return b;
    }

    // A GRU + Bahdanau ensemble of two untrained networks on vocabularies of the shared dev set.
    dari::Bundle tinyBundle() {
        if (src_.empty()) {
            const std::string corpus = DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv";
            dari::VocabularyOptions options;
            options.size = 1000;
            src_ = dari::Vocabulary::train(helpers::tsvColumn(corpus, 0), options).serialized();
            tgt_ = dari::Vocabulary::train(helpers::tsvColumn(corpus, 1), options).serialized();
        }
        dari::Bundle b;
        b.src = dari::Vocabulary::fromSerialized(src_);
        b.tgt = dari::Vocabulary::fromSerialized(tgt_);
        auto& m = b.config.model;
        m.embeddingSize = m.encoderHidden = m.decoderHidden = m.attentionSize = 16;
        torch::manual_seed(3);
        b.model = dari::Seq2Seq(m, b.src.size(), b.tgt.size());
        b.moreMembers.push_back(dari::Seq2Seq(m, b.src.size(), b.tgt.size()));
        return b;
    }

    std::string src_, tgt_;  // serialized vocabularies
};

QTEST_GUILESS_MAIN(TestInspection)
#include "test_inspection.moc"
