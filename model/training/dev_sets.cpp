#include "model/training/dev_sets.h"

#include <stdexcept>

#include "model/training/evaluator.h"

namespace dari {
namespace {

// The metric and the set train.best_by names ("" : the mean over every set).
std::pair<std::string, std::string> parseBestBy(const std::string& bestBy) {
    const auto colon = bestBy.find(':');
    if (colon == std::string::npos) return {bestBy, ""};
    return {bestBy.substr(0, colon), bestBy.substr(colon + 1)};
}

double metricOf(const std::string& metric, double bleu, double chrf) {
    return metric == "chrf" ? chrf : bleu;
}

}  // namespace

std::vector<std::string> DevSet::references() const {
    std::vector<std::string> out;
    out.reserve(pairs.size());
    for (const auto& p : pairs)
        out.push_back(p.target);
    return out;
}

std::vector<size_t> evenIndices(size_t total, size_t count) {
    if (count == 0 || count >= total) count = total;
    std::vector<size_t> out;
    out.reserve(count);
    for (size_t i = 0; i < count; ++i)
        out.push_back(i * total / count);
    return out;
}

void checkBestBy(const std::string& bestBy, const std::vector<std::string>& names) {
    const auto [metric, set] = parseBestBy(bestBy);
    std::string known;
    for (const auto& n : names) {
        if (n == set) return;
        known += (known.empty() ? "" : ", ") + n;
    }
    if ((metric == "bleu" || metric == "chrf") && set.empty()) return;
    throw std::runtime_error(
        "train.best_by " + bestBy + ": " +
        (metric != "bleu" && metric != "chrf"
             ? std::string("must start with bleu or chrf")
             : "no dev set is called '" + set + "' (the dev sets: " + known + ")"));
}

ValidationScores scoreDevSets(Seq2Seq& model, const std::vector<DevSet>& sets,
                              const Vocabulary& tgt, const DecodeOptions& options,
                              const std::string& bestBy) {
    ValidationScores out;
    for (const auto& set : sets) {
        const DevScores s =
            evaluate(model, set.examples, set.references(), tgt, options, 64, set.spans);
        out.sets.push_back({set.name, set.examples.size(), s.bleu, s.chrf, s.loss, s.hypotheses});
        out.bleu += s.bleu / sets.size();
        out.chrf += s.chrf / sets.size();
        out.loss += s.loss / sets.size();
    }
    const auto [metric, name] = parseBestBy(bestBy);
    out.score = metricOf(metric, out.bleu, out.chrf);
    for (const auto& s : out.sets)
        if (s.name == name) out.score = metricOf(metric, s.bleu, s.chrf);
    return out;
}

}  // namespace dari
