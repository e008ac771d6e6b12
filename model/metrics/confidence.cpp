#include "model/metrics/confidence.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "model/metrics/bleu.h"
#include "model/metrics/chrf.h"

namespace dari {

const char* confidenceName(Confidence level) {
    switch (level) {
        case Confidence::Low:
            return "low";
        case Confidence::Medium:
            return "medium";
        case Confidence::High:
            return "high";
        case Confidence::Unknown:
            break;
    }
    return "unknown";
}

double meanLogProb(double logProb, int64_t pieces) {
    return pieces > 0 ? logProb / static_cast<double>(pieces)
                      : std::numeric_limits<double>::quiet_NaN();
}

bool ConfidenceCalibration::calibrated() const {
    return std::isfinite(lowBelow) && std::isfinite(highFrom) && lowBelow <= highFrom;
}

Confidence ConfidenceCalibration::levelOf(double score) const {
    if (!calibrated() || std::isnan(score)) return Confidence::Unknown;
    if (score < lowBelow) return Confidence::Low;
    return score >= highFrom ? Confidence::High : Confidence::Medium;
}

ConfidenceCalibration ConfidenceCalibration::fromScores(std::vector<double> scores,
                                                        std::string decoding) {
    scores.erase(
        std::remove_if(scores.begin(), scores.end(), [](double s) { return !std::isfinite(s); }),
        scores.end());
    ConfidenceCalibration c;
    c.decoding = std::move(decoding);
    c.devSentences = static_cast<int64_t>(scores.size());
    if (scores.size() < 3) return c;
    std::sort(scores.begin(), scores.end());
    c.lowBelow = scores[scores.size() / 3];
    c.highFrom = scores[(2 * scores.size()) / 3];
    return c;
}

ConfidenceCalibration ConfidenceCalibration::fromQuality(const std::vector<double>& scores,
                                                         const std::vector<double>& chrf,
                                                         std::string decoding, double mediumChrf,
                                                         double highChrf) {
    if (scores.size() != chrf.size())
        throw std::invalid_argument("fromQuality: scores and chrF differ in number");
    std::vector<std::pair<double, double>> points;  // (score, chrF), finite scores only
    for (size_t i = 0; i < scores.size(); ++i)
        if (std::isfinite(scores[i])) points.emplace_back(scores[i], chrf[i]);
    ConfidenceCalibration c;
    c.decoding = std::move(decoding);
    c.devSentences = static_cast<int64_t>(points.size());
    if (points.size() < 3) return c;
    std::sort(points.begin(), points.end());
    // Pool adjacent violators: blocks of consecutive scores whose mean chrF never falls.
    struct Block {
        double sum = 0, count = 0, from = 0;  // from: the block's lowest score
        double mean() const { return sum / count; }
    };
    std::vector<Block> blocks;
    for (const auto& [score, quality] : points) {
        blocks.push_back({quality, 1, score});
        while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() >= blocks.back().mean()) {
            const Block last = blocks.back();
            blocks.pop_back();
            blocks.back().sum += last.sum;
            blocks.back().count += last.count;
        }
    }
    // Where the fit never reaches a level, it starts just above the surest dev output.
    const double above = std::nextafter(points.back().first, std::numeric_limits<double>::max());
    const auto from = [&](double level) {
        for (const Block& b : blocks)
            if (b.mean() >= level) return b.from;
        return above;
    };
    c.lowBelow = from(mediumChrf);
    c.highFrom = std::max(c.lowBelow, from(highChrf));
    return c;
}

nlohmann::json ConfidenceCalibration::toJson() const {
    if (!calibrated()) return nlohmann::json::object();
    return {{"low_below", lowBelow},
            {"high_from", highFrom},
            {"dev_sentences", devSentences},
            {"decoding", decoding}};
}

ConfidenceCalibration ConfidenceCalibration::fromJson(const nlohmann::json& json) {
    ConfidenceCalibration c;
    if (!json.is_object() || json.empty()) return c;
    c.lowBelow = json.at("low_below").get<double>();
    c.highFrom = json.at("high_from").get<double>();
    c.devSentences = json.value("dev_sentences", int64_t{0});
    c.decoding = json.value("decoding", "");
    if (!c.calibrated())
        throw std::runtime_error("confidence: low_below must be finite and at most high_from");
    return c;
}

std::vector<ConfidenceRow> confidenceTable(const ConfidenceCalibration& calibration,
                                           const std::vector<double>& scores,
                                           const std::vector<std::string>& hyps,
                                           const std::vector<std::string>& refs) {
    if (scores.size() != hyps.size() || hyps.size() != refs.size())
        throw std::invalid_argument(
            "confidenceTable: scores, outputs and references differ in "
            "number");
    std::vector<ConfidenceRow> rows;
    for (Confidence level : {Confidence::Low, Confidence::Medium, Confidence::High}) {
        ConfidenceRow row;
        row.level = level;
        std::vector<std::string> h, r;
        for (size_t i = 0; i < scores.size(); ++i) {
            if (calibration.levelOf(scores[i]) != level) continue;
            row.minScore = h.empty() ? scores[i] : std::min(row.minScore, scores[i]);
            row.maxScore = h.empty() ? scores[i] : std::max(row.maxScore, scores[i]);
            h.push_back(hyps[i]);
            r.push_back(refs[i]);
        }
        if (h.empty()) continue;
        row.sentences = h.size();
        row.chrf = corpusChrf(h, r);
        row.bleu = corpusBleu(h, r).score;
        rows.push_back(row);
    }
    return rows;
}

}  // namespace dari
