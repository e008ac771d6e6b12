// model/device: the one device setting, and the engine's tensors following the networks' device.

#include <QtTest>

#include "model/bundle/config.h"
#include "model/device.h"
#include "model/runtime.h"
#include "model/training/data_parallel.h"
#include "tiny_model.h"

namespace {

std::string messageOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "";
}

}  // namespace

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

    void aGpuThatIsNotThereIsNamed() {
        if (!torch::cuda::is_available()) QSKIP("no CUDA in this LibTorch (Debian's is CPU-only)");
        const auto count = static_cast<int>(torch::cuda::device_count());
        const std::string name = "cuda:" + std::to_string(count);
        const std::string message = messageOf([&] { dari::resolveDevice(name, "--device"); });
        QVERIFY2(message.find("this machine has " + std::to_string(count)) != std::string::npos,
                 message.c_str());
        // A bare "cuda" gives each local rank its own GPU.
        QCOMPARE(dari::resolveDevice("cuda", "--device", count).index(), 0);
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

    // The check a machine with a GPU runs: the same network trains and decodes alike on both.
    void aGpuTrainsAndDecodesAsTheCpuDoes() {
        if (!torch::cuda::is_available()) QSKIP("no CUDA in this LibTorch (Debian's is CPU-only)");
        const auto examples = tiny::pairs();
        const auto indices = tiny::allIndices(examples.size());
        dari::configureThreads(1);
        torch::manual_seed(3);
        dari::Seq2Seq cpu(tiny::config("lstm", "bahdanau", true), tiny::kVocab, tiny::kVocab);
        torch::manual_seed(3);
        dari::Seq2Seq gpu(tiny::config("lstm", "bahdanau", true), tiny::kVocab, tiny::kVocab);
        gpu->to(torch::Device(torch::kCUDA, 0));
        const auto onCpu = dari::batchGradients(cpu, examples, indices, 1.0, 0.1);
        const auto onGpu = dari::batchGradients(gpu, examples, indices, 1.0, 0.1);
        QVERIFY(std::abs(onCpu.loss - onGpu.loss) < 1e-4 * onCpu.loss);
        const auto cpuParams = cpu->parameters(), gpuParams = gpu->parameters();
        for (size_t i = 0; i < cpuParams.size(); ++i)
            QVERIFY(torch::allclose(cpuParams[i].grad(), gpuParams[i].grad().cpu(), 1e-3, 1e-5));
        dari::DecodeOptions beam;
        beam.beam = 3;
        const auto sources = dari::makeSourceBatch(tiny::sources(examples));
        QCOMPARE(tiny::best(dari::decode(gpu, sources, beam)),
                 tiny::best(dari::decode(cpu, sources, beam)));
    }
};

QTEST_GUILESS_MAIN(TestDevice)
#include "test_device.moc"
