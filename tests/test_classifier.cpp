// Many-to-one classification: the metrics on hand-made cases, the pooling weights, a tiny
// classifier that learns a separable task, its bundle's round trip, and the seq2seq loader's
// refusal of it.

#include <torch/torch.h>

#include <QTemporaryDir>
#include <QtTest>

#include "data/batch.h"
#include "model/bundle/bundle.h"
#include "model/bundle/classifier_bundle.h"
#include "model/metrics/classification.h"
#include "model/network/classifier.h"
#include "model/training/classifier_trainer.h"
#include "test_helpers.h"

using namespace dari;
using helpers::errorOf;

namespace {

ModelConfig tinyNetwork(const std::string& pooling, const std::string& cell = "gru") {
    ModelConfig m;
    m.cell = cell;
    m.pooling = pooling;
    m.embeddingSize = 8;
    m.encoderHidden = 6;
    m.bidirectional = true;
    m.dropout = 0.0;
    return m;
}

// [3, 5]: lengths 5, 3 and 1 (padded with kPadId).
torch::Tensor paddedBatch() {
    return torch::tensor({5, 6, 7, 8, 2, 9, 10, 2, 0, 0, 2, 0, 0, 0, 0}, torch::kLong).view({3, 5});
}

// "사랑" sentences are 2, "이별" sentences 1, the rest 0: separable by one word.
std::vector<SentencePair> toyPairs() {
    const std::vector<std::string> starts = {"오늘", "어제", "그 사람과", "요즘",   "정말",
                                             "너무", "아직", "우리는",    "주말에", "밤새"};
    const std::vector<std::pair<std::string, std::string>> ends = {
        {"사랑 하고 싶어", "2"}, {"사랑 이 넘쳐", "2"},     {"사랑 받는 느낌", "2"},
        {"이별 이 힘들어", "1"}, {"이별 후에 울었어", "1"}, {"이별 을 했어", "1"},
        {"밥 을 먹었어", "0"},   {"날씨 가 좋네", "0"},     {"회사 에 갔어", "0"}};
    std::vector<SentencePair> pairs;
    for (const auto& s : starts)
        for (const auto& [e, label] : ends)
            pairs.push_back({s + " " + e, label, static_cast<long>(pairs.size() + 1)});
    return pairs;
}

Config toyConfig() {
    Config c;
    c.data.task = "classify";
    c.data.srcVocabSize = 60;
    c.model = tinyNetwork("attention");
    c.model.embeddingSize = 16;
    c.model.encoderHidden = 16;
    c.train.batchSentences = 10;
    c.train.learningRate = 0.01;
    c.train.epochs = 12;
    c.train.threads = 1;
    return c;
}

}  // namespace

class TestClassifier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void accuracyAndMacroF1() {
        // gold 0 0 1 1, predicted 0 1 1 1: class 0 P=1 R=.5 F1=2/3; class 1 P=2/3 R=1 F1=.8
        const auto s = scoreClassification({0, 0, 1, 1}, {0, 1, 1, 1}, 3);
        QCOMPARE(s.accuracy, 0.75);
        QVERIFY(std::abs(s.f1[0] - 2.0 / 3) < 1e-12);
        QVERIFY(std::abs(s.f1[1] - 0.8) < 1e-12);
        // Class 2 is neither gold nor predicted: left out of the mean.
        QVERIFY(!s.present[2]);
        QVERIFY(std::abs(s.macroF1 - (2.0 / 3 + 0.8) / 2) < 1e-12);
        QCOMPARE(s.confusion[0][1], int64_t{1});
        QCOMPARE(s.confusion[1][1], int64_t{2});
    }

    void predictedButNeverGoldCountsAsZero() {
        const auto s = scoreClassification({0, 0}, {0, 2}, 3);
        QVERIFY(s.present[2]);
        QCOMPARE(s.f1[2], 0.0);
        QVERIFY(std::abs(s.macroF1 - (2.0 / 3 + 0.0) / 2) < 1e-12);
    }

    void majorityBaselineScoresTheCommonestTrainingLabel() {
        QCOMPARE(majorityLabel({1, 2, 2, 0, 2, 1}, 3), int64_t{2});
        QCOMPARE(majorityLabel({1, 0, 0, 1}, 2), int64_t{0});  // a tie: the smallest
        QCOMPARE(majorityBaseline({1, 2, 2, 0, 2, 1}, {2, 0, 2, 1}, 3), 0.5);
    }

    void attentionWeightsSumToOneOverRealPositions() {
        torch::manual_seed(3);
        Classifier model(tinyNetwork("attention"), 12, 3);
        model->eval();
        const auto src = paddedBatch();
        const auto out = model->forward(src);
        QCOMPARE(out.logits.sizes().vec(), (std::vector<int64_t>{3, 3}));
        QCOMPARE(out.weights.sizes().vec(), (std::vector<int64_t>{3, 5}));
        QVERIFY(torch::allclose(out.weights.sum(1), torch::ones({3})));
        QCOMPARE(out.weights.masked_select(src.eq(kPadId)).abs().max().item<float>(), 0.0f);
        QVERIFY(out.weights.masked_select(src.ne(kPadId)).min().item<float>() > 0);
    }

    void lastPoolingRestsOnTheFinalState() {
        torch::manual_seed(4);
        Classifier model(tinyNetwork("last", "lstm"), 12, 3);
        model->eval();
        const auto src = paddedBatch();
        const auto out = model->forward(src);
        const auto expected =
            torch::tensor({0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0}, torch::kFloat)
                .view({3, 5});
        QVERIFY(torch::equal(out.weights, expected));
        QVERIFY(torch::allclose(out.logits, model->head(model->encoder->forward(src).final)));
    }

    void learnsASeparableToyTaskAndRoundTrips() {
        QTemporaryDir dir;
        const auto pairs = toyPairs();
        const std::string out = dir.filePath("toy").toStdString();
        TrainLog quiet;
        const auto result = trainClassifier(toyConfig(), pairs, pairs, out, quiet);
        QCOMPARE(result.labels, (std::vector<std::string>{"0", "1", "2"}));
        QVERIFY2(result.dev.accuracy > 0.9, std::to_string(result.dev.accuracy).c_str());
        QVERIFY(!QFileInfo::exists(QString::fromStdString(out + ".partial")));

        const auto bundle = ClassifierBundle::load(out);
        QCOMPARE(bundle.meta.task, std::string("classify"));
        QCOMPARE(bundle.meta.labels, result.labels);
        QCOMPARE(bundle.meta.devAccuracy, result.dev.accuracy);
        std::vector<std::string> texts;
        for (const auto& p : pairs)
            texts.push_back(p.source);
        const auto probs = bundle.probabilities(texts);
        int correct = 0;
        for (size_t i = 0; i < pairs.size(); ++i)
            correct += bundle.meta.labels[probs[i].argmax().item<int64_t>()] == pairs[i].target;
        QVERIFY(correct > 0.9 * pairs.size());

        // Saved again and loaded: the same logits.
        const std::string copy = dir.filePath("copy").toStdString();
        bundle.save(copy);
        const auto again = ClassifierBundle::load(copy);
        QVERIFY(torch::equal(again.probabilities(texts), probs));

        const auto refusal = errorOf([&] { Bundle::load(out); });
        QVERIFY2(refusal == out + " is a classification model: use dari classify", refusal.c_str());
    }

    void badLabelSetsAreRefusedNamingTheFile() {
        ClassifierSources sources{"train.tsv", "dev.tsv", ""};
        const std::vector<SentencePair> one = {{"a", "x", 1}, {"b", "x", 2}};
        const auto single = errorOf([&] { classifierLabels(one, {}, sources); });
        QVERIFY2(single.find("train.tsv: 1 label ('x')") == 0, single.c_str());
        const std::vector<SentencePair> two = {{"a", "x", 1}, {"b", "y", 2}};
        const auto unknown = errorOf([&] { classifierLabels(two, {{"c", "z", 7}}, sources); });
        QVERIFY2(unknown.find("dev.tsv:7: label 'z'") == 0, unknown.c_str());
    }
};

QTEST_GUILESS_MAIN(TestClassifier)
#include "test_classifier.moc"
