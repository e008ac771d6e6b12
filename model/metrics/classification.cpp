#include "model/metrics/classification.h"

#include <algorithm>
#include <stdexcept>

namespace dari {

namespace {

void checkLabels(const std::vector<int64_t>& labels, int64_t classes) {
    for (const auto label : labels)
        if (label < 0 || label >= classes)
            throw std::invalid_argument("label " + std::to_string(label) + " outside 0.." +
                                        std::to_string(classes - 1));
}

double f1Of(int64_t truePositives, int64_t goldCount, int64_t predictedCount) {
    if (truePositives == 0) return 0.0;
    const double precision = static_cast<double>(truePositives) / predictedCount;
    const double recall = static_cast<double>(truePositives) / goldCount;
    return 2 * precision * recall / (precision + recall);
}

}  // namespace

ClassificationScores scoreClassification(const std::vector<int64_t>& gold,
                                         const std::vector<int64_t>& predicted, int64_t classes) {
    if (gold.size() != predicted.size())
        throw std::invalid_argument("gold and predicted labels differ in number");
    checkLabels(gold, classes);
    checkLabels(predicted, classes);
    ClassificationScores s;
    s.confusion.assign(classes, std::vector<int64_t>(classes, 0));
    int64_t correct = 0;
    for (size_t i = 0; i < gold.size(); ++i) {
        ++s.confusion[gold[i]][predicted[i]];
        correct += gold[i] == predicted[i];
    }
    s.accuracy = gold.empty() ? 0.0 : static_cast<double>(correct) / gold.size();
    s.f1.assign(classes, 0.0);
    s.present.assign(classes, false);
    int present = 0;
    double sum = 0.0;
    for (int64_t c = 0; c < classes; ++c) {
        int64_t goldCount = 0, predictedCount = 0;
        for (int64_t o = 0; o < classes; ++o) {
            goldCount += s.confusion[c][o];
            predictedCount += s.confusion[o][c];
        }
        if (goldCount == 0 && predictedCount == 0) continue;
        s.present[c] = true;
        s.f1[c] = f1Of(s.confusion[c][c], goldCount, predictedCount);
        sum += s.f1[c];
        ++present;
    }
    s.macroF1 = present ? sum / present : 0.0;
    return s;
}

int64_t majorityLabel(const std::vector<int64_t>& train, int64_t classes) {
    checkLabels(train, classes);
    std::vector<int64_t> counts(classes, 0);
    for (const auto label : train)
        ++counts[label];
    return std::max_element(counts.begin(), counts.end()) - counts.begin();
}

double majorityBaseline(const std::vector<int64_t>& train, const std::vector<int64_t>& dev,
                        int64_t classes) {
    const int64_t majority = majorityLabel(train, classes);
    return scoreClassification(dev, std::vector<int64_t>(dev.size(), majority), classes).accuracy;
}

}  // namespace dari
