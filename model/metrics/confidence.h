#pragma once
// How sure a model is of an output: the mean log-probability of its pieces, and the three
// levels a model's dev sets calibrate that score into. A translation model's levels are tied to
// quality, not to shares: an output is high when dev outputs of its score turned out, on
// average, at least kHighChrf alike their references (sentence chrF), medium from kMediumChrf,
// low below; a model out of its depth (most dev outputs poor) so says low for most of them. A
// chat reply is not wrong for differing from its one reference, so a chat model's levels are the
// terciles of its dev replies' scores. The calibration table (dari calibrate) shows each level's
// chrF on every dev set.

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

// The sentence chrF that dev outputs of a score must reach, on average, to be called medium
// ("fairly sure") and high ("sure"): bench/results/confidence.md shows what they mean.
inline constexpr double kMediumChrf = 45.0;
inline constexpr double kHighChrf = 65.0;

struct ConfidenceCalibration {
    double lowBelow = std::numeric_limits<double>::quiet_NaN();  // a score below it: low
    double highFrom = std::numeric_limits<double>::quiet_NaN();  // from it up: high
    int64_t devSentences = 0;                                    // the outputs it came from
    std::string decoding;  // how those outputs were decoded ("beam 5"): scores differ by search

    bool calibrated() const;
    Confidence levelOf(double score) const;  // Unknown when not calibrated or for NaN

    // The terciles of dev outputs' scores (non-finite ones left out); fewer than three
    // finite scores leave it uncalibrated. For chat models.
    static ConfidenceCalibration fromScores(std::vector<double> scores, std::string decoding);
    // The levels from dev outputs' scores and their sentence chrF against the reference: a
    // monotone (isotonic) fit of chrF on score; medium from the lowest score whose fitted chrF
    // reaches `mediumChrf`, high from where it reaches `highChrf` (where the fit never does,
    // above every dev score). Non-finite scores are left out; fewer than three leave it
    // uncalibrated.
    static ConfidenceCalibration fromQuality(const std::vector<double>& scores,
                                             const std::vector<double>& chrf, std::string decoding,
                                             double mediumChrf, double highChrf);
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
