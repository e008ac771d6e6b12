#include "model/training/checkpoint.h"

#include <ATen/CPUGeneratorImpl.h>

#include <filesystem>
#include <initializer_list>
#include <sstream>
#include <utility>

#include "data/atomic_file.h"

namespace dari {
namespace {

void writeScalar(torch::serialize::OutputArchive& archive, const std::string& key, double value) {
    archive.write(key, torch::tensor(value, torch::kDouble));
}

double readScalar(torch::serialize::InputArchive& archive, const std::string& key) {
    torch::Tensor value;
    archive.read(key, value);
    return value.item<double>();
}

void writeArchive(torch::serialize::OutputArchive& archive, const Seq2Seq& model,
                  const FusedAdam& optimizer, const WeightAverage* average,
                  const TrainingProgress& p) {
    torch::serialize::OutputArchive weights, moments;
    model->save(weights);
    optimizer.save(moments);
    archive.write("model", weights);
    archive.write("optimizer", moments);
    if (average) {
        torch::serialize::OutputArchive averaged;
        average->save(averaged);
        archive.write("average", averaged);
    }
    for (const auto& [key, value] :
         std::initializer_list<std::pair<const char*, double>>{{"step", p.step},
                                                               {"epoch", p.epoch},
                                                               {"batch_in_epoch", p.batchInEpoch},
                                                               {"tokens", p.tokens},
                                                               {"seconds", p.seconds},
                                                               {"lr", p.learningRate},
                                                               {"best_bleu", p.bestBleu},
                                                               {"best_loss", p.bestLoss},
                                                               {"bad_bleu", p.badBleu},
                                                               {"bad_loss", p.badLoss}})
        writeScalar(archive, key, value);
    archive.write("rng", at::detail::getDefaultCPUGenerator().get_state());
}

TrainingProgress readArchive(torch::serialize::InputArchive& archive, Seq2Seq& model,
                             FusedAdam& optimizer, WeightAverage* average) {
    TrainingProgress p;
    {
        torch::serialize::InputArchive weights, moments;
        archive.read("model", weights);
        archive.read("optimizer", moments);
        model->load(weights);
        optimizer.load(moments);
        if (average) {
            torch::serialize::InputArchive averaged;
            archive.read("average", averaged);
            average->load(averaged);
        }
        p.step = readScalar(archive, "step");
        p.epoch = readScalar(archive, "epoch");
        p.batchInEpoch = readScalar(archive, "batch_in_epoch");
        p.tokens = readScalar(archive, "tokens");
        p.seconds = readScalar(archive, "seconds");
        p.learningRate = readScalar(archive, "lr");
        p.bestBleu = readScalar(archive, "best_bleu");
        p.bestLoss = readScalar(archive, "best_loss");
        p.badBleu = readScalar(archive, "bad_bleu");
        p.badLoss = readScalar(archive, "bad_loss");
        torch::Tensor rng;
        archive.read("rng", rng);
        at::Generator generator =
            at::detail::getDefaultCPUGenerator();  // a handle to the global one
        generator.set_state(rng);
    }
    return p;
}

}  // namespace

void writeCheckpoint(const std::string& path, const Seq2Seq& model, const FusedAdam& optimizer,
                     const WeightAverage* average, const TrainingProgress& p) {
    torch::serialize::OutputArchive archive;
    writeArchive(archive, model, optimizer, average, p);
    writeFileAtomically(path, [&](std::ostream& out) { archive.save_to(out); });
}

TrainingProgress readCheckpoint(const std::string& path, Seq2Seq& model, FusedAdam& optimizer,
                                WeightAverage* average) {
    if (!std::filesystem::exists(path))
        throw std::runtime_error(path + ": missing: nothing to resume");
    TrainingProgress p;
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path, torch::Device(torch::kCPU));  // a GPU run's too: it moves after
        p = readArchive(archive, model, optimizer, average);
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        throw std::runtime_error(path + ": corrupt checkpoint (" + what.substr(0, what.find('\n')) +
                                 ")");
    }
    return p;
}

std::string checkpointBytes(const Seq2Seq& model, const FusedAdam& optimizer,
                            const WeightAverage* average, const TrainingProgress& progress) {
    torch::serialize::OutputArchive archive;
    writeArchive(archive, model, optimizer, average, progress);
    std::ostringstream out;
    archive.save_to(out);
    return out.str();
}

TrainingProgress readCheckpointBytes(const std::string& bytes, Seq2Seq& model, FusedAdam& optimizer,
                                     WeightAverage* average) {
    torch::serialize::InputArchive archive;
    std::istringstream in(bytes);
    archive.load_from(in, torch::Device(torch::kCPU));
    return readArchive(archive, model, optimizer, average);
}

}  // namespace dari
