#include "model/inspect/gradient_history.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "model/bundle/config.h"
#include "model/training/run_state.h"
#include "model/training/train_events.h"

namespace dari {

GradientHistory readGradientHistory(const std::string& dir) {
    namespace ev = train_events;
    const auto folder = std::filesystem::path(dir);
    const auto logPath = folder / kTrainLogFile;
    std::ifstream log(logPath);
    if (!log)
        throw std::runtime_error(logPath.string() +
                                 ": no training log (a model joined from several networks, or "
                                 "copied without it, keeps none)");
    GradientHistory out;
    const auto configPath = folder / "config.yaml";
    if (std::filesystem::exists(configPath))
        out.clipNorm = Config::load(configPath.string()).train.clipNorm;
    std::string line;
    while (std::getline(log, line)) {
        const auto event = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (!event.is_object() || event.value(ev::kEvent, "") != ev::kTrain) continue;
        // A non-finite norm is written as null: that update was skipped, not clipped.
        if (!event.contains(ev::kStep) || !event.contains(ev::kGradNorm) ||
            !event[ev::kGradNorm].is_number())
            continue;
        const auto step = event[ev::kStep].get<int64_t>();
        while (!out.steps.empty() && out.steps.back() >= step) {  // a resume went back
            out.steps.pop_back();
            out.norms.pop_back();
        }
        out.steps.push_back(step);
        out.norms.push_back(event[ev::kGradNorm].get<double>());
    }
    for (const double norm : out.norms)
        if (out.clipNorm > 0 && norm > out.clipNorm) ++out.clipped;
    return out;
}

}  // namespace dari
