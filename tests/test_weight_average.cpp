// The moving average of weights: what swap() exposes, that it undoes itself, and that it survives
// saving.

#include <QtTest>

#include "model/training/weight_average.h"

class TestWeightAverage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void averagesAndSwapsBack() {
        torch::nn::Linear layer(2, 1);
        torch::NoGradGuard noGrad;
        layer->weight.fill_(0.0);
        layer->bias.fill_(0.0);
        dari::WeightAverage average(*layer, 0.5);
        layer->weight.fill_(4.0);
        average.update();  // first update: decay min(0.5, 2/11) = 2/11
        const double expected = 4.0 * (1.0 - 2.0 / 11.0);
        {
            dari::AveragedWeights swapped(&average);
            QVERIFY(std::abs(layer->weight[0][0].item<double>() - expected) < 1e-5);
        }
        QCOMPARE(layer->weight[0][0].item<double>(), 4.0);  // live weights are back
    }

    void roundTripsThroughAnArchive() {
        torch::nn::Linear layer(3, 2), other(3, 2);
        dari::WeightAverage average(*layer, 0.9), restored(*other, 0.9);
        {
            torch::NoGradGuard noGrad;
            layer->weight.add_(1.0);
        }
        average.update();
        torch::serialize::OutputArchive out;
        average.save(out);
        std::stringstream bytes;
        out.save_to(bytes);
        torch::serialize::InputArchive in;
        in.load_from(bytes);
        restored.load(in);
        average.swap();
        restored.swap();
        QVERIFY(torch::allclose(layer->weight, other->weight));
    }
};

QTEST_GUILESS_MAIN(TestWeightAverage)
#include "test_weight_average.moc"
