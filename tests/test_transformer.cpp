// The Transformer (model.architecture: transformer): shapes, the written-out layers against
// LibTorch's own, causal and padding masks, incremental decoding against teacher forcing, a toy
// task learnt and decoded, reproducible dropout, bundles, ensembles and refusals.

#include <QTemporaryDir>
#include <QtTest>

#include <random>

#include "data/vocabulary.h"
#include "model/bundle/bundle.h"
#include "model/inspect/network_inspection.h"
#include "model/network/parameter_count.h"
#include "model/network/positional_encoding.h"
#include "model/runtime.h"
#include "model/search/ensemble.h"
#include "model/training/data_parallel.h"
#include "model/translator.h"
#include "test_helpers.h"
#include "tiny_model.h"

using tiny::Ids;

namespace {

dari::ModelConfig transformerConfig(int size = 16, int heads = 2, int layers = 2) {
    dari::ModelConfig c;
    c.architecture = "transformer";
    c.embeddingSize = size;
    c.heads = heads;
    c.feedforward = 2 * size;
    c.encoderLayers = c.decoderLayers = layers;
    c.dropout = 0.0;
    return c;
}

dari::Seq2Seq makeModel(uint64_t seed = 3, double dropout = 0.0, bool tied = false) {
    auto config = transformerConfig();
    config.dropout = dropout;
    config.tieEmbeddings = tied;
    torch::manual_seed(seed);
    dari::Seq2Seq model(config, tiny::kVocab, tiny::kVocab);
    model->eval();
    return model;
}

// Source lengths 5, 2, 3 (+ </s>) and target lengths 4, 6, 1 (+ </s>): padding everywhere.
dari::Batch mixedBatch() {
    const std::vector<dari::Example> examples = {{{4, 5, 6, 7, 8}, {9, 10, 11, 12}},
                                                 {{13, 14}, {15, 16, 17, 18, 19, 20}},
                                                 {{21, 22, 23}, {4}}};
    return dari::makeBatch(examples, {0, 1, 2});
}

// Reversal of 1..5 pieces drawn from 4..11: the toy task.
std::vector<dari::Example> reversals(int count, uint64_t seed) {
    std::mt19937 rng(static_cast<uint32_t>(seed));
    std::vector<dari::Example> out;
    for (int i = 0; i < count; ++i) {
        Ids src(1 + rng() % 5);
        for (auto& id : src)
            id = 4 + static_cast<int64_t>(rng() % 8);
        out.push_back({src, Ids(src.rbegin(), src.rend())});
    }
    return out;
}

}  // namespace

class TestTransformer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }
    void positionsAreSinusoids();
    void shapesAndGradients();
    void layersEqualLibTorchsForward();
    void causalMaskIsCausal();
    void paddingDoesNotChangeOutputs();
    void paddingThroughoutStaysFinite();
    void stepEqualsTeacherForcing();
    void tiedOutputLayerSharesTheEmbeddings();
    void dropoutIsReproducibleOnThreads();
    void learnsToReverseAndDecodes();
    void bundleSavesAndLoads();
    void ensemblesDecode();
    void refusals();
};

void TestTransformer::positionsAreSinusoids() {
    const auto pe = dari::sinusoidalPositions(0, 50, 7, torch::TensorOptions(torch::kDouble));
    QCOMPARE(pe.sizes().vec(), (Ids{50, 7}));
    // PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(..); d odd: the last is a sin.
    QCOMPARE(pe[3][2].item<double>(), std::sin(3 / std::pow(10000.0, 2.0 / 7)));
    QCOMPARE(pe[3][3].item<double>(), std::cos(3 / std::pow(10000.0, 2.0 / 7)));
    QCOMPARE(pe[9][6].item<double>(), std::sin(9 / std::pow(10000.0, 6.0 / 7)));
    const auto later = dari::sinusoidalPositions(20, 5, 7, torch::TensorOptions(torch::kDouble));
    QVERIFY(torch::allclose(later, pe.slice(0, 20, 25)));
}

void TestTransformer::shapesAndGradients() {
    auto model = makeModel(3, 0.1);
    QVERIFY(model->isTransformer());
    QVERIFY(model->encoder.is_empty() && model->decoder.is_empty());
    model->train();
    const auto batch = mixedBatch();
    const auto result = model->forward(batch.src, batch.tgtIn);
    QCOMPARE(result.logits.sizes().vec(), (Ids{3, 7, tiny::kVocab}));
    QCOMPARE(result.outputs.sizes().vec(), (Ids{3, 7, 16}));
    QCOMPARE(result.encoded.outputs.sizes().vec(), (Ids{3, 6, 16}));
    QVERIFY(torch::equal(result.encoded.mask, batch.src.ne(dari::kPadId)));
    // The attention over the source: a distribution over each sentence's real positions.
    QCOMPARE(result.attention.sizes().vec(), (Ids{3, 7, 6}));
    QVERIFY(torch::allclose(result.attention.sum(2), torch::ones({3, 7}), 1e-5, 1e-5));
    const auto padded = batch.src.eq(dari::kPadId).unsqueeze(1).expand({3, 7, 6});
    QCOMPARE(result.attention.masked_select(padded).abs().max().item<float>(), 0.0f);
    QVERIFY(torch::allclose(model->logits(result.outputs), result.logits));
    dari::sequenceLoss(result.logits, batch.tgtOut, 0.1).backward();
    for (const auto& p : model->named_parameters()) {
        QVERIFY2(p.value().grad().defined(), p.key().c_str());
        QVERIFY2(torch::isfinite(p.value().grad()).all().item<bool>(), p.key().c_str());
    }
    // Without logits: only the outputs, which the loss turns into logits of the real pieces.
    const auto outputsOnly = model->forward(batch.src, batch.tgtIn, 1.0, false);
    QVERIFY(!outputsOnly.logits.defined() && outputsOnly.outputs.defined());
}

void TestTransformer::layersEqualLibTorchsForward() {
    auto model = makeModel();
    torch::NoGradGuard noGrad;
    const auto batch = mixedBatch();
    auto params = model->named_parameters();
    const double scale = std::sqrt(16.0);
    const auto embed = [&](const char* table, const torch::Tensor& ids) {
        const auto e = params[std::string("transformer.") + table + ".weight"]
                           .index_select(0, ids.t().reshape(-1))
                           .view({ids.size(1), ids.size(0), 16}) *
                       scale;
        return e + dari::sinusoidalPositions(0, ids.size(1), 16, e.options()).unsqueeze(1);
    };
    const auto srcPadding = batch.src.eq(dari::kPadId), tgtPadding = batch.tgtIn.eq(dari::kPadId);
    auto x = embed("src_embedding", batch.src);
    for (const auto& layer : *model->transformer->encoderLayers)
        x = layer->as<torch::nn::TransformerEncoderLayer>()->forward(x, {}, srcPadding);
    const auto memory = model->transformer->encode(batch.src);
    QVERIFY(torch::allclose(memory.states, x.transpose(0, 1), 1e-5, 1e-5));
    auto y = embed("tgt_embedding", batch.tgtIn);
    const auto causal = dari::causalMask(batch.tgtIn.size(1), y.options());
    for (const auto& layer : *model->transformer->decoderLayers)
        y = layer->as<torch::nn::TransformerDecoderLayer>()->forward(y, x, causal, {}, tgtPadding,
                                                                     srcPadding);
    QVERIFY(torch::allclose(model->transformer->decode(batch.tgtIn, memory).outputs,
                            y.transpose(0, 1), 1e-5, 1e-5));
}

void TestTransformer::causalMaskIsCausal() {
    auto model = makeModel();
    torch::NoGradGuard noGrad;
    const auto src = dari::makeSourceBatch({{4, 5, 6, 7}}).src;
    const auto tgt = torch::tensor(Ids{dari::kBosId, 8, 9, 10, 11, 12}).unsqueeze(0);
    auto changed = tgt.clone();
    changed[0][3] = 20;
    const auto a = model->forward(src, tgt).logits[0], b = model->forward(src, changed).logits[0];
    QVERIFY(torch::allclose(a.slice(0, 0, 3), b.slice(0, 0, 3), 0, 1e-6));  // before: the same
    for (int t = 3; t < 6; ++t)                                             // from there: not
        QVERIFY2(!torch::allclose(a[t], b[t], 1e-4, 1e-4), std::to_string(t).c_str());
    QCOMPARE(dari::causalMask(3, torch::TensorOptions())[0][1].item<float>(),
             -std::numeric_limits<float>::infinity());
    QCOMPARE(dari::causalMask(3, torch::TensorOptions())[2][1].item<float>(), 0.0f);
}

void TestTransformer::paddingDoesNotChangeOutputs() {
    auto model = makeModel();
    torch::NoGradGuard noGrad;
    const auto batch = mixedBatch();
    const auto together = model->forward(batch.src, batch.tgtIn);
    const std::vector<dari::Example> examples = {{{4, 5, 6, 7, 8}, {9, 10, 11, 12}},
                                                 {{13, 14}, {15, 16, 17, 18, 19, 20}},
                                                 {{21, 22, 23}, {4}}};
    for (size_t b = 0; b < examples.size(); ++b) {
        const auto alone = dari::makeBatch(examples, {b});
        const auto single = model->forward(alone.src, alone.tgtIn);
        const int64_t t = alone.tgtIn.size(1), s = alone.src.size(1);
        QVERIFY2(torch::allclose(single.logits[0], together.logits[b].slice(0, 0, t), 1e-5, 1e-5),
                 std::to_string(b).c_str());
        QVERIFY(torch::allclose(single.attention[0],
                                together.attention[b].slice(0, 0, t).slice(1, 0, s), 1e-5, 1e-5));
    }
}

void TestTransformer::paddingThroughoutStaysFinite() {
    auto model = makeModel();
    torch::NoGradGuard noGrad;
    auto src = dari::makeSourceBatch({{4, 5}, {7}}).src;  // [2, 3]
    const auto mask = dari::paddingMask(src);
    QVERIFY(mask[1][2].item<bool>() && !mask[1][1].item<bool>());
    src[1].fill_(dari::kPadId);                              // a row with nothing to attend to
    QVERIFY(!dari::paddingMask(src)[1].any().item<bool>());  // softmax over nothing: NaN
    const auto tgt = torch::tensor(Ids{dari::kBosId, 8, dari::kPadId, dari::kPadId}).view({2, 2});
    const auto result = model->forward(src, tgt);
    QVERIFY(torch::isfinite(result.logits).all().item<bool>());
    QVERIFY(torch::isfinite(result.attention).all().item<bool>());
}

void TestTransformer::stepEqualsTeacherForcing() {
    auto model = makeModel();
    torch::NoGradGuard noGrad;
    const auto batch = mixedBatch();
    const auto forced = model->forward(batch.src, batch.tgtIn);
    auto state = model->startDecoding(batch.src);
    for (int64_t t = 0; t < batch.tgtIn.size(1); ++t) {
        const auto step = model->step(batch.tgtIn.select(1, t), state);
        for (int64_t b = 0; b < 3; ++b) {
            if (batch.tgtIn[b][t].item<int64_t>() == dari::kPadId) continue;  // past its end
            QVERIFY2(torch::allclose(step.logits[b], forced.logits[b][t], 1e-5, 1e-5),
                     (std::to_string(b) + "," + std::to_string(t)).c_str());
            QVERIFY(torch::allclose(step.weights[b], forced.attention[b][t], 1e-5, 1e-5));
        }
    }
    // Reordered rows (beam search's parents) carry their prefixes with them.
    auto a = model->startDecoding(batch.src);
    const auto rows = torch::tensor(Ids{2, 0, 0, 1});
    for (int64_t t = 0; t < 2; ++t)
        model->step(batch.tgtIn.select(1, t), a);
    auto reordered = a.indexSelect(rows);
    const auto next = batch.tgtIn.select(1, 2);
    const auto direct = model->step(next, a).logits;
    const auto after = model->step(next.index_select(0, rows), reordered).logits;
    QVERIFY(torch::allclose(after, direct.index_select(0, rows), 1e-6, 1e-6));
}

void TestTransformer::tiedOutputLayerSharesTheEmbeddings() {
    auto tied = makeModel(3, 0.0, true), untied = makeModel(3, 0.0, false);
    auto p = tied->named_parameters();
    QVERIFY(!p.contains("transformer.output_weight"));
    QVERIFY(untied->named_parameters().contains("transformer.output_weight"));
    QCOMPARE(untied->parameterCount() - tied->parameterCount(), tiny::kVocab * 16);
    const auto o = torch::randn({2, 16});
    QVERIFY(torch::allclose(tied->logits(o),
                            torch::matmul(o, p["transformer.tgt_embedding.weight"].t()) +
                                p["transformer.output_bias"]));
    QCOMPARE(dari::countParameters(tied->config(), tiny::kVocab, tiny::kVocab),
             tied->parameterCount());
}

void TestTransformer::dropoutIsReproducibleOnThreads() {
    // Two shards on two threads, twice: the same dropout masks, hence the same gradients.
    const auto gradients = [] {
        dari::configureThreads(2);
        auto model = makeModel(4, 0.3);
        model->train();
        torch::manual_seed(11);
        const auto examples = tiny::pairs();
        dari::batchGradients(model, examples, tiny::allIndices(examples.size()), 1.0, 0.1);
        std::vector<torch::Tensor> out;
        for (const auto& p : model->parameters())
            out.push_back(p.grad().clone());
        return out;
    };
    const auto a = gradients(), b = gradients();
    for (size_t i = 0; i < a.size(); ++i)
        QVERIFY2(torch::equal(a[i], b[i]), std::to_string(i).c_str());
    dari::configureThreads(1);
}

void TestTransformer::learnsToReverseAndDecodes() {
    torch::manual_seed(5);
    auto config = transformerConfig(32, 4, 2);
    config.feedforward = 64;
    dari::Seq2Seq model(config, tiny::kVocab, tiny::kVocab);
    const auto train = reversals(512, 1), held = reversals(40, 2);
    torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(2e-3));
    model->train();
    for (int step = 0; step < 600; ++step) {
        std::vector<size_t> indices;
        for (size_t i = 0; i < 32; ++i)
            indices.push_back((step * 32 + i) % train.size());
        const auto batch = dari::makeBatch(train, indices);
        adam.zero_grad();
        const auto result = model->forward(batch.src, batch.tgtIn);
        dari::sequenceLoss(result.logits, batch.tgtOut, 0.0).backward();
        adam.step();
    }
    const auto srcs = tiny::sources(held);
    for (int beam : {1, 4}) {
        dari::DecodeOptions options;
        options.beam = beam;
        options.noRepeatNgram = 0;
        const auto out = tiny::best(dari::decode(model, dari::makeSourceBatch(srcs), options));
        int right = 0;
        for (size_t i = 0; i < held.size(); ++i)
            right += out[i] == held[i].tgt;
        QVERIFY2(right == static_cast<int>(held.size()),
                 ("beam " + std::to_string(beam) + ": " + std::to_string(right) + " of " +
                  std::to_string(held.size()) + " reversed")
                     .c_str());
    }
}

void TestTransformer::bundleSavesAndLoads() {
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/model";
    const std::string corpus = DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv";
    dari::VocabularyOptions vocabulary;
    vocabulary.size = 600;
    auto bundle = std::make_shared<dari::Bundle>();
    bundle->src = dari::Vocabulary::train(helpers::tsvColumn(corpus, 0), vocabulary);
    bundle->tgt = dari::Vocabulary::train(helpers::tsvColumn(corpus, 1), vocabulary);
    bundle->config.model = transformerConfig();
    bundle->config.model.tieEmbeddings = true;
    torch::manual_seed(8);
    bundle->model = dari::Seq2Seq(bundle->config.model, bundle->src.size(), bundle->tgt.size());
    bundle->model->eval();
    bundle->meta.srcLang = "ko";
    bundle->meta.tgtLang = "en";
    bundle->meta.parameters = bundle->model->parameterCount();
    bundle->save(path);
    std::ifstream yaml(path + "/config.yaml");
    const std::string text((std::istreambuf_iterator<char>(yaml)), {});
    QVERIFY2(text.find("architecture: transformer") != std::string::npos, text.c_str());
    QVERIFY(text.find("heads: 2") != std::string::npos);
    auto loaded = std::make_shared<dari::Bundle>(dari::Bundle::load(path));
    QVERIFY(loaded->model->isTransformer());
    QCOMPARE(loaded->config.model.heads, 2);
    const auto x = bundle->model->named_parameters(), y = loaded->model->named_parameters();
    QCOMPARE(y.size(), x.size());
    for (const auto& p : x)
        QVERIFY2(torch::equal(p.value(), y[p.key()]), p.key().c_str());
    const dari::Translator before(bundle), after(loaded);
    const std::vector<std::string> korean{"안녕하세요.", "내일 만나요."};
    auto options = before.defaultOptions();
    options.beam = 3;
    const auto a = before.translate(korean, options), b = after.translate(korean, options);
    for (size_t i = 0; i < korean.size(); ++i)
        QCOMPARE(b[i].scores, a[i].scores);
    // Another architecture's weights are refused with the tensor named.
    auto recurrent = bundle->config;
    recurrent.model.architecture = "recurrent";
    std::ofstream(path + "/config.yaml") << recurrent.toYaml();
    const auto message = helpers::errorOf([&] { dari::Bundle::load(path); });
    QVERIFY2(message.find("model.pt") != std::string::npos, message.c_str());
}

void TestTransformer::ensemblesDecode() {
    torch::NoGradGuard noGrad;
    auto a = makeModel(1), b = makeModel(2);
    torch::manual_seed(3);
    dari::Seq2Seq gru(tiny::config("gru", "bahdanau", true), tiny::kVocab, tiny::kVocab);
    gru->eval();
    const auto sources = dari::makeSourceBatch({{4, 5, 6}, {7, 8}});
    const auto input = torch::full({2}, dari::kBosId, torch::kLong);
    const std::vector<std::vector<dari::Seq2Seq>> ensembles = {{a, b}, {a, gru}};  // and mixed
    for (const auto& members : ensembles) {
        dari::Ensemble ensemble(members, sources);
        const auto step = ensemble.step(input);
        std::vector<torch::Tensor> each;
        for (auto member : members) {
            auto state = member->startDecoding(sources.src);
            each.push_back(member->step(input, state).logits.log_softmax(1));
        }
        const auto mean = (each[0].exp() + each[1].exp()).div(2).log();
        QVERIFY(torch::allclose(step.logProbs, mean, 1e-5, 1e-5));
        QCOMPARE(step.weights.sizes().vec(), (Ids{2, 4}));
        for (int beam : {1, 3}) {
            dari::DecodeOptions options;
            options.beam = beam;
            options.maxLengthRatio = 1;
            const auto out = dari::decode(members, sources, options);
            QCOMPARE(out.size(), size_t{2});
            for (const auto& list : out) {
                const auto& best = list.front();
                QCOMPARE(best.attention.size(0), best.scoredPieces);
                QVERIFY(std::isfinite(best.score));
            }
        }
    }
    // An ensemble of one network and its copy decodes like the one.
    const auto one = dari::decode(std::vector<dari::Seq2Seq>{a}, sources, {});
    const auto two = dari::decode(std::vector<dari::Seq2Seq>{a, a}, sources, {});
    QCOMPARE(two[0].front().ids, one[0].front().ids);
    QCOMPARE(two[1].front().ids, one[1].front().ids);
}

void TestTransformer::refusals() {
    auto model = makeModel();
    const auto batch = mixedBatch();
    const auto scheduled =
        helpers::errorOf([&] { model->forward(batch.src, batch.tgtIn, 0.5, true); });
    QVERIFY2(scheduled.find("teacher_forcing") != std::string::npos, scheduled.c_str());
    auto config = transformerConfig(18, 4);
    torch::manual_seed(1);
    QVERIFY_THROWS_EXCEPTION(std::exception,
                             dari::Seq2Seq(config, tiny::kVocab, tiny::kVocab));  // 18 % 4
    const auto inspect = helpers::errorOf([&] { dari::inspectExample(model, {4, 5}, {6}); });
    QVERIFY2(inspect.find("Transformer (model.architecture: transformer)") != std::string::npos,
             inspect.c_str());
}

QTEST_GUILESS_MAIN(TestTransformer)
#include "test_transformer.moc"
