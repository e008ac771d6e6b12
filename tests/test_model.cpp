// The network: shapes, gradients, attention, padding invariance, tied embeddings, learning.

#include <QtTest>

#include <cmath>
#include <map>

#include "data/vocabulary.h"
#include "tiny_model.h"

using tiny::Ids;

namespace {

// Source lengths 5, 2, 3 (+ </s>) and target lengths 4, 6, 1 (+ </s>): padding everywhere.
dari::Batch mixedBatch() {
    const std::vector<dari::Example> examples = {{{4, 5, 6, 7, 8}, {9, 10, 11, 12}},
                                                 {{13, 14}, {15, 16, 17, 18, 19, 20}},
                                                 {{21, 22, 23}, {4}}};
    return dari::makeBatch(examples, {0, 1, 2});
}

dari::Seq2Seq makeModel(const QString& cell, const QString& attention, bool bidirectional,
                        double dropout = 0.0) {
    auto config = tiny::config(cell.toStdString(), attention.toStdString(), bidirectional);
    config.dropout = dropout;
    torch::manual_seed(3);
    return dari::Seq2Seq(config, tiny::kVocab, tiny::kVocab);
}

void addModelRows(bool withoutAttention = true) {
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("attention");
    QTest::addColumn<bool>("bidirectional");
    for (const char* cell : {"rnn", "gru", "lstm"})
        for (const char* attention : {"none", "bahdanau", "dot", "general"})
            for (bool bi : {false, true})
                if (withoutAttention || std::string(attention) != "none")
                    QTest::addRow("%s-%s-%s", cell, attention, bi ? "bi" : "uni")
                        << cell << attention << bi;
}

}  // namespace

class TestModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }
    void shapesAndGradients_data() { addModelRows(); }
    void shapesAndGradients();
    void attentionIsADistributionOverRealPositions_data() { addModelRows(false); }
    void attentionIsADistributionOverRealPositions();
    void paddingDoesNotChangeOutputs_data() { addModelRows(); }
    void paddingDoesNotChangeOutputs();
    void stackedLayersAndScheduledSampling();
    void tiedEmbeddingsShareStorage();
    void tiedEmbeddingsStartAsAnOutputLayer();
    void learnsToyPairsExactly();
};

void TestModel::shapesAndGradients() {
    QFETCH(QString, cell);
    QFETCH(QString, attention);
    QFETCH(bool, bidirectional);
    auto model = makeModel(cell, attention, bidirectional, 0.1);
    model->train();
    const auto batch = mixedBatch();
    const auto result = model->forward(batch.src, batch.tgtIn);
    QCOMPARE(result.logits.sizes().vec(), (Ids{3, 7, tiny::kVocab}));
    if (attention == "none") {
        QVERIFY(!result.attention.defined());
    } else {
        QVERIFY(result.attention.defined());
        QCOMPARE(result.attention.sizes().vec(), (Ids{3, 7, 6}));
    }
    QCOMPARE(result.encoded.outputs.sizes().vec(), (Ids{3, 6, bidirectional ? 32 : 16}));
    dari::sequenceLoss(result.logits, batch.tgtOut, 0.1).backward();
    for (const auto& p : model->named_parameters()) {
        QVERIFY2(p.value().grad().defined(), p.key().c_str());
        QVERIFY2(torch::isfinite(p.value().grad()).all().item<bool>(), p.key().c_str());
        QVERIFY2(p.value().grad().abs().sum().item<double>() > 0, p.key().c_str());
    }
}

void TestModel::attentionIsADistributionOverRealPositions() {
    QFETCH(QString, cell);
    QFETCH(QString, attention);
    QFETCH(bool, bidirectional);
    auto model = makeModel(cell, attention, bidirectional);
    model->eval();
    const auto batch = mixedBatch();
    torch::NoGradGuard noGrad;
    const auto weights = model->forward(batch.src, batch.tgtIn).attention;
    QVERIFY(torch::allclose(weights.sum(2), torch::ones({3, 7}), 1e-5, 1e-5));
    QVERIFY(weights.ge(0).all().item<bool>());
    const auto lengths = batch.lengths.accessor<int64_t, 1>();
    for (int64_t b = 0; b < 3; ++b) {
        const auto padding = weights[b].slice(1, lengths[b]);
        if (padding.numel() > 0) QVERIFY(padding.abs().max().item<double>() < 1e-7);
        // Real positions all receive some weight.
        QVERIFY(weights[b].slice(1, 0, lengths[b]).min().item<double>() > 0);
    }
}

void TestModel::paddingDoesNotChangeOutputs() {
    QFETCH(QString, cell);
    QFETCH(QString, attention);
    QFETCH(bool, bidirectional);
    auto model = makeModel(cell, attention, bidirectional, 0.3);
    model->eval();
    torch::NoGradGuard noGrad;
    const std::vector<dari::Example> examples = {
        {{4, 5}, {6, 7, 8}}, {{9, 10, 11, 12, 13, 14, 15}, {16, 17, 18, 19, 20, 21}}};
    const auto alone = dari::makeBatch(examples, {0});
    const auto together = dari::makeBatch(examples, {1, 0});
    const auto a = model->forward(alone.src, alone.tgtIn);
    const auto t = model->forward(together.src, together.tgtIn);
    const auto mine = t.logits[1].slice(0, 0, 4);
    QVERIFY2(torch::allclose(a.logits[0], mine, 1e-5, 1e-5),
             qPrintable(QString::number((a.logits[0] - mine).abs().max().item<double>())));
    QVERIFY(torch::allclose(a.encoded.final[0], t.encoded.final[1], 1e-5, 1e-5));
    if (attention != "none")
        QVERIFY(torch::allclose(a.attention[0], t.attention[1].slice(0, 0, 4).slice(1, 0, 3), 1e-5,
                                1e-5));
}

void TestModel::stackedLayersAndScheduledSampling() {
    for (const char* cell : {"rnn", "gru", "lstm"}) {
        auto config = tiny::config(cell, "general", true);
        config.encoderLayers = 2;
        config.decoderLayers = 3;
        config.dropout = 0.2;
        dari::Seq2Seq model(config, tiny::kVocab, tiny::kVocab);
        const auto batch = mixedBatch();
        for (double forcing : {1.0, 0.5, 0.0}) {
            model->zero_grad();
            const auto result = model->forward(batch.src, batch.tgtIn, forcing);
            QCOMPARE(result.logits.sizes().vec(), (Ids{3, 7, tiny::kVocab}));
            QCOMPARE(result.attention.sizes().vec(), (Ids{3, 7, 6}));
            dari::sequenceLoss(result.logits, batch.tgtOut, 0.0).backward();
            for (const auto& p : model->named_parameters())
                QVERIFY2(p.value().grad().defined() &&
                             torch::isfinite(p.value().grad()).all().item<bool>(),
                         p.key().c_str());
        }
    }
}

void TestModel::tiedEmbeddingsShareStorage() {
    auto config = tiny::config("gru", "bahdanau", true);
    dari::Seq2Seq untied(config, tiny::kVocab, tiny::kVocab);
    config.tieEmbeddings = true;
    dari::Seq2Seq tied(config, tiny::kVocab, tiny::kVocab);
    QCOMPARE(untied->parameterCount() - tied->parameterCount(),
             tiny::kVocab * config.embeddingSize);
    const auto params = tied->named_parameters();
    QVERIFY(params.find("decoder.output_weight") == nullptr);
    QVERIFY(untied->named_parameters().find("decoder.output_weight") != nullptr);
    // One optimiser step later, the output layer still reads the (changed) embeddings.
    const auto batch = mixedBatch();
    torch::optim::SGD sgd(tied->parameters(), 0.5);
    dari::sequenceLoss(tied->forward(batch.src, batch.tgtIn).logits, batch.tgtOut, 0.0).backward();
    const auto before = params["decoder.embedding.weight"].clone();
    sgd.step();
    const auto& embedding = params["decoder.embedding.weight"];
    QVERIFY(!torch::equal(before, embedding));
    torch::NoGradGuard noGrad;
    const auto o = torch::randn({5, config.embeddingSize});
    const auto expected =
        torch::nn::functional::linear(o, embedding, params["decoder.output_bias"]);
    QVERIFY(torch::allclose(tied->decoder->logits(o), expected, 1e-6, 1e-6));
    QVERIFY(!torch::allclose(
        untied->decoder->logits(o),
        torch::nn::functional::linear(o, untied->named_parameters()["decoder.embedding.weight"],
                                      untied->named_parameters()["decoder.output_bias"])));
}

void TestModel::tiedEmbeddingsStartAsAnOutputLayer() {
    // An untrained network should be unsure of every piece: loss near log(V). Tied
    // embeddings drawn N(0, 1), as embeddings usually are, make it sure and wrong.
    auto config = tiny::config("gru", "bahdanau", true, 64);
    config.tieEmbeddings = true;
    const auto batch = mixedBatch();
    const double uniform = std::log(static_cast<double>(tiny::kVocab));
    std::map<std::string, double> loss;
    for (const std::string init : {"output", "unit"}) {
        config.tiedInit = init;
        torch::manual_seed(3);
        dari::Seq2Seq model(config, tiny::kVocab, tiny::kVocab);
        model->eval();
        torch::NoGradGuard noGrad;
        loss[init] =
            dari::sequenceLoss(model->forward(batch.src, batch.tgtIn).logits, batch.tgtOut, 0.0)
                .item<double>();
        const auto& embedding = model->named_parameters()["decoder.embedding.weight"];
        QCOMPARE(embedding[dari::kPadId].abs().sum().item<double>(), 0.0);  // padding stays zero
    }
    QVERIFY2(std::abs(loss["output"] - uniform) < 0.5, qPrintable(QString::number(loss["output"])));
    QVERIFY2(loss["unit"] > uniform + 2.0, qPrintable(QString::number(loss["unit"])));
}

void TestModel::learnsToyPairsExactly() {
    const auto examples = tiny::pairs();
    torch::manual_seed(7);
    dari::Seq2Seq model(tiny::config("gru", "bahdanau", true, 32), tiny::kVocab, tiny::kVocab);
    QVERIFY(!tiny::reproduces(model, examples));
    const int steps = tiny::overfit(model, examples);
    QVERIFY2(steps > 0, "did not learn the toy pairs");
    const auto out = tiny::greedy(model, tiny::sources(examples));
    for (size_t i = 0; i < examples.size(); ++i)
        QCOMPARE(out[i], examples[i].tgt);
}

QTEST_GUILESS_MAIN(TestModel)
#include "test_model.moc"
