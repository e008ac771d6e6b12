#pragma once
// Scores of a classifier's predictions against gold labels (label indices 0..classes-1).
//
// Macro-F1 is the unweighted mean of the per-class F1 over the classes that occur in the gold
// labels or in the predictions (a class absent from both has no F1 and is left out; a class
// predicted but never gold, or gold but never predicted, counts with F1 = 0).

#include <cstdint>
#include <vector>

namespace dari {

struct ClassificationScores {
    double accuracy = 0.0;
    double macroF1 = 0.0;
    std::vector<double> f1;                       // per class; 0 for a class absent from both
    std::vector<bool> present;                    // per class: in the gold or the predictions
    std::vector<std::vector<int64_t>> confusion;  // [gold][predicted] counts
};

// gold and predicted: the same length; every label in [0, classes).
ClassificationScores scoreClassification(const std::vector<int64_t>& gold,
                                         const std::vector<int64_t>& predicted, int64_t classes);

// The most frequent label of `train` (the smallest index on a tie).
int64_t majorityLabel(const std::vector<int64_t>& train, int64_t classes);
// The accuracy on `dev` of always answering the majority label of `train`.
double majorityBaseline(const std::vector<int64_t>& train, const std::vector<int64_t>& dev,
                        int64_t classes);

}  // namespace dari
