#pragma once
// How sure a model is of an output: the mean log-probability of its pieces, and the three
// levels a model's dev set calibrates that score into. Low is the least sure third of the dev
// outputs, high the surest third; the calibration table (dari calibrate) shows that the low
// third really scores lower chrF than the high one, on the model's own dev set.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace dari {

enum class Confidence { Unknown, Low, Medium, High };  // ordered: a paragraph takes its lowest

// "low", "medium", "high"; "unknown" for a model that was never calibrated.
const char* confidenceName(Confidence level);

// The score of an output: its log-probability per scored piece (no piece: NaN).
double meanLogProb(double logProb, int64_t pieces);

struct ConfidenceCalibration {
    double lowBelow = std::numeric_limits<double>::quiet_NaN();  // a score below it: low
    double highFrom = std::numeric_limits<double>::quiet_NaN();  // from it up: high
    int64_t devSentences = 0;                                    // the outputs it came from
    std::string decoding;  // how those outputs were decoded ("beam 5"): scores differ by search

    bool calibrated() const;
    Confidence levelOf(double score) const;  // Unknown when not calibrated or for NaN

    // The terciles of dev outputs' scores (non-finite ones left out); fewer than three
    // finite scores leave it uncalibrated.
    static ConfidenceCalibration fromScores(std::vector<double> scores, std::string decoding);
    nlohmann::json toJson() const;  // {} when not calibrated
    static ConfidenceCalibration fromJson(const nlohmann::json& json);
};

// One level's dev outputs: how many, their score range and their corpus chrF and BLEU.
struct ConfidenceRow {
    Confidence level = Confidence::Unknown;
    size_t sentences = 0;
    double minScore = 0.0, maxScore = 0.0;
    double chrf = 0.0, bleu = 0.0;
};

// The rows for low, medium and high (levels without outputs left out) of outputs `hyps`
// with scores `scores` against `refs`.
std::vector<ConfidenceRow> confidenceTable(const ConfidenceCalibration& calibration,
                                           const std::vector<double>& scores,
                                           const std::vector<std::string>& hyps,
                                           const std::vector<std::string>& refs);

}  // namespace dari
