// model/device: the one device setting, and the engine's tensors following the networks' device.

#include <QtTest>

#include "model/bundle/config.h"
#include "model/device.h"
#include "model/runtime.h"
#include "model/training/data_parallel.h"
#include "tests/gpu/gpu_checks.h"

using gpucheck::messageOf;

class TestDevice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namesAreCheckedBySyntax() {
        for (const char* good : {"cpu", "cuda", "cuda:0", "cuda:7", "cuda:15"})
            QVERIFY2(dari::isDeviceName(good), good);
        for (const char* bad : {"", "CPU", "gpu", "cuda:", "cuda:-1", "cuda:01", "cuda:x",
                                "cuda:0 ", "cuda0", "mps", "cuda:99999"})
            QVERIFY2(!dari::isDeviceName(bad), bad);
    }

    void theConfigValidatesBothSettings() {
        dari::Config config;
        QCOMPARE(config.get("train.device"), std::string("cpu"));
        QCOMPARE(config.get("decode.device"), std::string("cpu"));
        config.set("decode.device", "gpu");
        const std::string message = messageOf([&] { config.validate(); });
        QVERIFY2(message.find("decode.device") != std::string::npos, message.c_str());
        config.set("decode.device", "cuda:1");
        config.validate();  // well formed: whether this machine has it is said when it is used
        const auto reread = dari::Config::fromYaml(config.toYaml(), "test");
        QCOMPARE(reread.decode.device, std::string("cuda:1"));
    }

    void theCpuIsAlwaysThere() {
        QCOMPARE(dari::resolveDevice("cpu", "--device"), torch::Device(torch::kCPU));
        const std::string message = messageOf([] { dari::resolveDevice("gpu", "--device"); });
        QVERIFY2(message.find("--device 'gpu'") != std::string::npos &&
                     message.find("cpu, cuda or cuda:N") != std::string::npos,
                 message.c_str());
    }

    void cudaIsRefusedInOneSentenceWithoutIt() {
        if (torch::cuda::is_available()) QSKIP("this LibTorch has CUDA and sees a GPU");
        for (const char* name : {"cuda", "cuda:0"}) {
            const std::string message =
                messageOf([&] { dari::resolveDevice(name, "train.device"); });
            QVERIFY2(message.rfind(std::string("train.device ") + name + ":", 0) == 0,
                     message.c_str());
            QVERIFY2(message.find("no CUDA") != std::string::npos, message.c_str());
            QVERIFY2(message.find("--device cpu") != std::string::npos, message.c_str());
            QVERIFY(message.find('\n') == std::string::npos);
        }
    }

    void batchesMoveOnlyWhenTheyMust() {
        const auto examples = tiny::pairs();
        const auto batch = dari::makeBatch(examples, tiny::allIndices(examples.size()));
        const auto same = dari::onDevice(batch, torch::kCPU);
        QCOMPARE(same.src.data_ptr(), batch.src.data_ptr());  // no copy on the CPU path
        QCOMPARE(same.tgtOut.data_ptr(), batch.tgtOut.data_ptr());
        QCOMPARE(same.targetTokens, batch.targetTokens);
    }

    void shardsFollowTheDevice() {
        dari::configureThreads(2);
        QCOMPARE(dari::parallelShards(torch::kCPU), 2);
        QCOMPARE(dari::parallelShards(torch::Device(torch::kCUDA, 0)), 1);
        torch::nn::Linear layer(2, 3);
        QCOMPARE(dari::deviceOf(*layer), torch::Device(torch::kCPU));
    }

    // What a machine with a GPU checks (tests/gpu/gpu_checks.h, also run standalone against
    // the official CUDA LibTorch by scripts/check-gpu.sh).
    void aGpuDoesWhatTheCpuDoes_data() {
        QTest::addColumn<int>("index");
        const auto checks = gpucheck::all();
        for (size_t i = 0; i < checks.size(); ++i)
            QTest::newRow(checks[i].name.c_str()) << static_cast<int>(i);
    }
    void aGpuDoesWhatTheCpuDoes() {
        if (!torch::cuda::is_available()) QSKIP("no CUDA in this LibTorch (Debian's is CPU-only)");
        QFETCH(int, index);
        const std::string error = gpucheck::all()[index].run();
        QVERIFY2(error.empty(), error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestDevice)
#include "test_device.moc"
