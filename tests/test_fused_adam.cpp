// FusedAdam: the same updates as torch::optim::Adam, and checkpoints either can load.

#include <QtTest>

#include "model/runtime.h"
#include "model/training/fused_adam.h"

namespace {

std::vector<torch::Tensor> makeParameters(int64_t seed) {
    torch::manual_seed(seed);
    // Sizes that do not divide evenly between threads, and one large enough to be split.
    return {torch::randn({300, 257}, torch::requires_grad()),
            torch::randn({7}, torch::requires_grad()),
            torch::randn({3, 5}, torch::requires_grad())};
}

// `steps` steps of `optimizer` on fixed pseudo-random gradients.
void run(torch::optim::Optimizer& optimizer, std::vector<torch::Tensor>& params, int steps,
         int64_t seed) {
    torch::manual_seed(seed);
    for (int s = 0; s < steps; ++s) {
        for (auto& p : params)
            p.mutable_grad() = torch::randn_like(p) * (s + 1);
        optimizer.step();
    }
}

void compare(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    for (size_t i = 0; i < a.size(); ++i)
        QVERIFY(torch::allclose(a[i], b[i], 1e-5, 1e-6));
}

}  // namespace

class TestFusedAdam : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { dari::configureThreads(2); }

    void matchesTorchAdam() {
        auto reference = makeParameters(1), fused = makeParameters(1);
        const auto options = torch::optim::AdamOptions(3e-3).betas({0.8, 0.99}).eps(1e-6);
        torch::optim::Adam adam(reference, options);
        dari::FusedAdam fusedAdam(fused, options);
        run(adam, reference, 6, 7);
        run(fusedAdam, fused, 6, 7);
        QVERIFY(!torch::equal(fused[0], makeParameters(1)[0]));  // it moved
        compare(fused, reference);
    }

    void checkpointsAreInterchangeable() {
        auto reference = makeParameters(2), fused = makeParameters(2);
        torch::optim::Adam adam(reference, torch::optim::AdamOptions(1e-2));
        dari::FusedAdam fusedAdam(fused, torch::optim::AdamOptions(1e-2));
        run(adam, reference, 3, 11);
        run(fusedAdam, fused, 3, 11);
        // Each continues from the other's saved state.
        std::stringstream fromFused, fromTorch;
        {
            torch::serialize::OutputArchive a, b;
            fusedAdam.save(a);
            a.save_to(fromFused);
            adam.save(b);
            b.save_to(fromTorch);
        }
        torch::optim::Adam adamResumed(reference, torch::optim::AdamOptions(1e-2));
        dari::FusedAdam fusedResumed(fused, torch::optim::AdamOptions(1e-2));
        torch::serialize::InputArchive a, b;
        a.load_from(fromFused);
        adamResumed.load(a);
        b.load_from(fromTorch);
        fusedResumed.load(b);
        run(adamResumed, reference, 3, 12);
        run(fusedResumed, fused, 3, 12);
        compare(fused, reference);
    }

    void weightDecayTakesTorchsPath() {
        auto reference = makeParameters(3), fused = makeParameters(3);
        const auto options = torch::optim::AdamOptions(1e-2).weight_decay(0.1);
        torch::optim::Adam adam(reference, options);
        dari::FusedAdam fusedAdam(fused, options);
        run(adam, reference, 3, 5);
        run(fusedAdam, fused, 3, 5);
        for (size_t i = 0; i < fused.size(); ++i)
            QVERIFY(torch::equal(fused[i], reference[i]));
    }
};

QTEST_GUILESS_MAIN(TestFusedAdam)
#include "test_fused_adam.moc"
