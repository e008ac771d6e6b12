// Ensembles: the members' probabilities are averaged at every step, beam search
// keeps each member's state with its beam, and joined bundles save, load and
// refuse members that cannot decode together.

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "model/bundle/bundle_join.h"
#include "model/search/ensemble.h"
#include "model/translator.h"
#include "test_helpers.h"
#include "tiny_model.h"

namespace fs = std::filesystem;

namespace {

dari::Seq2Seq network(uint64_t seed, const std::string& cell = "gru",
                      const std::string& attention = "bahdanau") {
    torch::manual_seed(seed);
    dari::Seq2Seq model(tiny::config(cell, attention, true), tiny::kVocab, tiny::kVocab);
    model->eval();
    return model;
}

dari::Seq2Seq copyOf(dari::Seq2Seq& model) {
    torch::manual_seed(99);
    dari::Seq2Seq copy(model->config(), tiny::kVocab, tiny::kVocab);
    copy->eval();
    torch::NoGradGuard noGrad;
    const auto from = model->parameters();
    auto to = copy->parameters();
    for (size_t i = 0; i < from.size(); ++i)
        to[i].copy_(from[i]);
    return copy;
}

// log P(ids </s> | source) under the networks together, step by step by teacher forcing.
double sequenceLogProb(const std::vector<dari::Seq2Seq>& networks, const tiny::Ids& source,
                       tiny::Ids ids) {
    torch::InferenceMode inference;
    dari::Ensemble ensemble(networks, dari::makeSourceBatch({source}));
    ids.push_back(dari::kEosId);
    int64_t input = dari::kBosId;
    double total = 0.0;
    for (int64_t id : ids) {
        const auto step = ensemble.step(torch::tensor({input}));
        total += step.logProbs[0][id].item<double>();
        input = id;
    }
    return total;
}

}  // namespace

class TestEnsemble : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void stepAveragesProbabilities_data();
    void stepAveragesProbabilities();
    void identicalMembersDecodeLikeOne();
    void beamScoresAreTheEnsemblesLogProbabilities();
    void joinedBundleSavesAndLoads();
    void membersThatDifferAreRefused();
    void missingMemberFileIsNamed();

private:
    dari::Bundle bundle(uint64_t seed, int decoderHidden = 32) const;
    std::vector<dari::Bundle> bundles(std::initializer_list<uint64_t> seeds) const;
    std::string src_, tgt_, otherTgt_;  // serialized vocabularies
};

void TestEnsemble::initTestCase() {
    torch::set_num_threads(1);
    const std::string corpus = DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv";
    dari::VocabularyOptions options;
    options.size = 1000;
    src_ = dari::Vocabulary::train(helpers::tsvColumn(corpus, 0), options).serialized();
    tgt_ = dari::Vocabulary::train(helpers::tsvColumn(corpus, 1), options).serialized();
    options.size = 800;
    otherTgt_ = dari::Vocabulary::train(helpers::tsvColumn(corpus, 1), options).serialized();
}

dari::Bundle TestEnsemble::bundle(uint64_t seed, int decoderHidden) const {
    dari::Bundle b;
    b.src = dari::Vocabulary::fromSerialized(src_);
    b.tgt = dari::Vocabulary::fromSerialized(tgt_);
    auto& m = b.config.model;
    m.embeddingSize = m.encoderHidden = m.attentionSize = 16;
    m.decoderHidden = decoderHidden;
    torch::manual_seed(seed);
    b.model = dari::Seq2Seq(m, b.src.size(), b.tgt.size());
    b.model->eval();
    b.meta.srcLang = "ko";
    b.meta.tgtLang = "en";
    b.meta.steps = 100 * static_cast<int64_t>(seed);
    b.meta.parameters = b.model->parameterCount();
    b.meta.devBleu = 10.0;
    return b;
}

std::vector<dari::Bundle> TestEnsemble::bundles(std::initializer_list<uint64_t> seeds) const {
    std::vector<dari::Bundle> all;  // Bundle is move-only: no initializer list of them
    for (const auto seed : seeds)
        all.push_back(bundle(seed));
    return all;
}

void TestEnsemble::stepAveragesProbabilities_data() {
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("attention");
    QTest::newRow("gru-bahdanau") << "gru"
                                  << "bahdanau";
    QTest::newRow("lstm-general (input feeding)") << "lstm"
                                                  << "general";
    QTest::newRow("rnn-none") << "rnn"
                              << "none";
}

void TestEnsemble::stepAveragesProbabilities() {
    QFETCH(QString, cell);
    QFETCH(QString, attention);
    torch::InferenceMode inference;
    auto a = network(1, cell.toStdString(), attention.toStdString());
    auto b = network(2, cell.toStdString(), attention.toStdString());
    const auto batch = dari::makeSourceBatch(tiny::sources(tiny::pairs()));
    dari::Ensemble both({a, b}, batch), onlyA({a}, batch), onlyB({b}, batch);
    auto input = torch::full({batch.src.size(0)}, dari::kBosId, torch::kLong);
    for (int t = 0; t < 4; ++t) {
        const auto x = onlyA.step(input), y = onlyB.step(input), z = both.step(input);
        const auto mean = ((x.logProbs.exp() + y.logProbs.exp()) / 2).log();
        QVERIFY(torch::allclose(z.logProbs, mean, 1e-5, 1e-6));         // both members, averaged
        QVERIFY(!torch::allclose(x.logProbs, y.logProbs, 1e-3, 1e-3));  // the members differ
        QCOMPARE(z.weights.defined(), attention != "none");
        if (z.weights.defined())
            QVERIFY(torch::allclose(z.weights, (x.weights + y.weights) / 2, 1e-5, 1e-6));
        input =
            torch::remainder(input * 7 + t, tiny::kVocab - 4) + 4;  // any words: teacher forcing
    }
}

void TestEnsemble::identicalMembersDecodeLikeOne() {
    auto model = tiny::trained();
    auto twin = copyOf(model);
    const auto batch = dari::makeSourceBatch(tiny::sources(tiny::pairs()));
    for (int beam : {1, 4}) {
        dari::DecodeOptions o;
        o.beam = o.nbest = beam;
        const auto one = dari::decode(model, batch, o);
        const auto two = dari::decode({model, twin}, batch, o);
        for (size_t i = 0; i < one.size(); ++i) {
            QCOMPARE(two[i].size(), one[i].size());
            for (size_t k = 0; k < one[i].size(); ++k) {
                QCOMPARE(two[i][k].ids, one[i][k].ids);
                QVERIFY(std::abs(two[i][k].score - one[i][k].score) < 1e-4);
            }
        }
    }
    QVERIFY(tiny::reproduces(model,
                             tiny::pairs()));  // the toy task is learnt: outputs are not all empty
}

void TestEnsemble::beamScoresAreTheEnsemblesLogProbabilities() {
    // Two different networks: if beam search mixed up one member's states when it
    // reorders beams, the scores it reports would not be the sequences' probabilities.
    auto a = tiny::trained(), b = network(5);
    dari::DecodeOptions o;
    o.beam = o.nbest = 4;
    o.lengthPenalty = 0.0;  // scores are plain log-probabilities
    o.noRepeatNgram = 0;
    const auto srcs = tiny::sources(tiny::pairs());
    const auto result = dari::decode({a, b}, dari::makeSourceBatch(srcs), o);
    int checked = 0;
    for (size_t i = 0; i < srcs.size(); ++i)
        for (const auto& h : result[i]) {
            if (h.ids.size() < 2) continue;
            QVERIFY(std::abs(h.score - sequenceLogProb({a, b}, srcs[i], h.ids)) < 1e-3);
            ++checked;
        }
    QVERIFY2(checked >= 8, "too few multi-piece hypotheses to check");
}

void TestEnsemble::joinedBundleSavesAndLoads() {
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/ensemble";
    auto members = bundles({1, 2, 3});
    const int64_t each = members[0].meta.parameters;
    auto joined =
        std::make_shared<dari::Bundle>(dari::joinBundles(std::move(members), {"a", "b", "c"}));
    QCOMPARE(joined->meta.members, int64_t{3});
    QCOMPARE(joined->meta.parameters, 3 * each);
    QCOMPARE(joined->meta.steps, int64_t{600});
    QCOMPARE(joined->meta.devBleu, 0.0);  // the members' scores are not the ensemble's
    joined->save(path);
    QVERIFY(fs::exists(path + "/member2.pt") && fs::exists(path + "/member3.pt"));
    auto loaded = std::make_shared<dari::Bundle>(dari::Bundle::load(path));
    QCOMPARE(loaded->networks().size(), size_t{3});
    for (size_t n = 0; n < 3; ++n) {
        const auto x = joined->networks()[n]->parameters(), y = loaded->networks()[n]->parameters();
        for (size_t i = 0; i < x.size(); ++i)
            QVERIFY(torch::equal(x[i], y[i]));
    }
    const dari::Translator before(joined), after(loaded),
        first(std::make_shared<dari::Bundle>(bundle(1)));
    const std::vector<std::string> korean{"안녕하세요.", "저는 학생이에요.", "내일 만나요."};
    auto o = before.defaultOptions();
    o.nbest = 3;
    const auto a = before.translate(korean, o), b = after.translate(korean, o),
               c = first.translate(korean, o);
    bool differsFromFirst = false;
    for (size_t i = 0; i < korean.size(); ++i) {
        QCOMPARE(b[i].nbest, a[i].nbest);
        QCOMPARE(b[i].scores, a[i].scores);
        differsFromFirst = differsFromFirst || a[i].scores != c[i].scores;
    }
    QVERIFY2(differsFromFirst, "the ensemble decodes exactly like its first member");
}

void TestEnsemble::membersThatDifferAreRefused() {
    auto joinTwo = [](dari::Bundle x, dari::Bundle y) {
        std::vector<dari::Bundle> members;
        members.push_back(std::move(x));
        members.push_back(std::move(y));
        return dari::joinBundles(std::move(members), {"first", "second"});
    };
    const auto shape = helpers::errorOf([&] { joinTwo(bundle(1), bundle(2, 48)); });
    QVERIFY2(shape.find("second: model.decoder_hidden is 48 but 32 in first") == 0, shape.c_str());

    QTemporaryDir dir;
    const std::string first = dir.path().toStdString() + "/first",
                      second = dir.path().toStdString() + "/second";
    bundle(1).save(first);
    auto other = bundle(2);
    other.tgt = dari::Vocabulary::fromSerialized(otherTgt_);
    other.model = dari::Seq2Seq(other.config.model, other.src.size(), other.tgt.size());
    other.save(second);
    std::vector<dari::Bundle> members;
    members.push_back(dari::Bundle::load(first));
    members.push_back(dari::Bundle::load(second));
    const auto vocab = helpers::errorOf([&] {
        dari::joinBundles(std::move(members), {first, second});
    });
    QVERIFY2(vocab.find(second + "/tgt.spm differs from " + first + "/tgt.spm") == 0,
             vocab.c_str());
    QVERIFY2(vocab.find("--vocab-from " + first) != std::string::npos, vocab.c_str());

    auto alone = bundles({1});
    QVERIFY(!helpers::errorOf([&] { dari::joinBundles(std::move(alone), {"only"}); }).empty());
}

void TestEnsemble::missingMemberFileIsNamed() {
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/ensemble";
    dari::joinBundles(bundles({1, 2}), {"a", "b"}).save(path);
    QVERIFY(fs::remove(path + "/member2.pt"));
    const auto message = helpers::errorOf([&] { dari::Bundle::load(path); });
    QCOMPARE(QString::fromStdString(message),
             QString::fromStdString(path + "/member2.pt: missing"));
}

QTEST_GUILESS_MAIN(TestEnsemble)
#include "test_ensemble.moc"
