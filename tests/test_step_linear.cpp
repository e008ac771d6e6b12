// stepLinear: the weight gradient computed once per sequence equals autograd's
// per-step sum, in a bare recurrence and in every decoder the model can build.

#include <QtTest>

#include "model/network/step_linear.h"
#include "tiny_model.h"

namespace {

// Gradients of a loss with respect to every parameter of `model`, by name.
std::map<std::string, torch::Tensor> gradients(torch::nn::Module& model,
                                               const torch::Tensor& loss) {
    std::vector<torch::Tensor> params;
    std::vector<std::string> names;
    for (const auto& p : model.named_parameters()) {
        names.push_back(p.key());
        params.push_back(p.value());
    }
    const auto grads =
        torch::autograd::grad({loss}, params, {}, false, false, /*allow_unused=*/true);
    std::map<std::string, torch::Tensor> out;
    for (size_t i = 0; i < names.size(); ++i)
        out[names[i]] = grads[i];
    return out;
}

void compare(const std::map<std::string, torch::Tensor>& a,
             const std::map<std::string, torch::Tensor>& b) {
    QCOMPARE(a.size(), b.size());
    for (const auto& [name, grad] : a) {
        QVERIFY2(grad.defined() == b.at(name).defined(), name.c_str());
        if (!grad.defined()) continue;
        QVERIFY2(grad.abs().sum().item<double>() > 0, name.c_str());
        QVERIFY2(torch::allclose(grad, b.at(name), 1e-4, 1e-6), name.c_str());
    }
}

// h_t = tanh(W h_{t-1} + b + x_t) for T steps; the loss reads every h_t.
torch::Tensor recurrence(torch::nn::Linear& layer, const torch::Tensor& inputs,
                         const torch::Tensor& h0) {
    dari::StepLinearScope scope;
    auto h = h0;
    auto loss = torch::zeros({});
    for (int64_t t = 0; t < inputs.size(0); ++t) {
        h = torch::tanh(dari::stepLinear(*layer, h) + inputs[t]);
        loss = loss + (h * h).sum() * (t + 1);
    }
    return loss;
}

struct Enabled {
    explicit Enabled(bool on) { dari::setStepLinearEnabled(on); }
    ~Enabled() { dari::setStepLinearEnabled(true); }
};

}  // namespace

class TestStepLinear : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    void recurrenceGradientsMatchAutograd() {
        torch::manual_seed(1);
        torch::nn::Linear layer(6, 6);
        const auto inputs = torch::randn({7, 3, 6});
        const auto h0 = torch::randn({3, 6}, torch::requires_grad());
        const auto deferred = gradients(*layer, recurrence(layer, inputs, h0));
        std::map<std::string, torch::Tensor> plain;
        {
            Enabled off(false);
            plain = gradients(*layer, recurrence(layer, inputs, h0));
        }
        compare(deferred, plain);
    }

    void initialStateGradientMatchesAutograd() {
        torch::manual_seed(2);
        torch::nn::Linear layer(4, 4);
        const auto inputs = torch::randn({5, 2, 4});
        const auto h0 = torch::randn({2, 4}, torch::requires_grad());
        const auto viaTape = torch::autograd::grad({recurrence(layer, inputs, h0)}, {h0})[0];
        Enabled off(false);
        const auto plain = torch::autograd::grad({recurrence(layer, inputs, h0)}, {h0})[0];
        QVERIFY(viaTape.abs().sum().item<double>() > 0);
        QVERIFY(torch::allclose(viaTape, plain, 1e-5, 1e-7));
    }

    void outsideAScopeItIsAPlainLinear() {
        torch::nn::Linear layer(3, 5);
        const auto x = torch::randn({2, 3});
        QVERIFY(torch::equal(dari::stepLinear(*layer, x), layer(x)));
        dari::StepLinearScope scope;
        c10::InferenceMode inference;
        QVERIFY(torch::equal(dari::stepLinear(*layer, x), layer(x)));
    }

    void decoderGradientsMatchAutograd_data() {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("attention");
        QTest::addColumn<int>("layers");
        for (const char* cell : {"rnn", "gru", "lstm"})
            for (const char* attention : {"none", "bahdanau", "dot", "general"})
                QTest::addRow("%s-%s", cell, attention) << cell << attention << 1;
        QTest::addRow("gru-bahdanau-2-layers") << "gru"
                                               << "bahdanau" << 2;
        QTest::addRow("lstm-general-2-layers") << "lstm"
                                               << "general" << 2;
    }

    void decoderGradientsMatchAutograd() {
        QFETCH(QString, cell);
        QFETCH(QString, attention);
        QFETCH(int, layers);
        auto config = tiny::config(cell.toStdString(), attention.toStdString(), true);
        config.decoderLayers = layers;
        torch::manual_seed(5);
        dari::Seq2Seq model(config, tiny::kVocab, tiny::kVocab);
        const auto batch = dari::makeBatch(tiny::pairs(), tiny::allIndices(tiny::pairs().size()));
        const auto lossOf = [&] {
            const auto result = model->forward(batch.src, batch.tgtIn);
            return dari::sequenceLoss(result.logits, batch.tgtOut, 0.1);
        };
        const auto deferred = gradients(*model, lossOf());
        std::map<std::string, torch::Tensor> plain;
        {
            Enabled off(false);
            plain = gradients(*model, lossOf());
        }
        compare(deferred, plain);
    }
};

QTEST_GUILESS_MAIN(TestStepLinear)
#include "test_step_linear.moc"
