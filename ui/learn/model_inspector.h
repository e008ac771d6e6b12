#pragma once
// The engine's inspection (model/inspect) for the Learn window, callable from a worker thread:
// the bundle stays loaded between calls on the same model. Not a QObject; one call at a time.

#include <QString>

#include <memory>
#include <mutex>

#include "model/inspect/gradient_history.h"
#include "model/inspect/network_inspection.h"

namespace dari {

struct InspectionOutcome {
    NetworkInspection inspection;
    QString error;            // non-empty: what went wrong, for the user (the inspection is empty)
    GradientHistory history;  // the model's training log: gradient norms and clipping
    QString historyError;     // why there is none
};

class ModelInspector {
public:
    // `dir`'s first network on `text` (against `reference`, or its own greedy output); a
    // classifier against the label `reference`, or its predicted one.
    InspectionOutcome inspect(const QString& dir, const QString& text, const QString& reference);

    // Drops the loaded bundle: its folder was trained again (waits for a running inspection).
    void forget();

private:
    std::mutex mutex_;
    QString dir_;
    std::unique_ptr<Bundle> bundle_;
    std::unique_ptr<ClassifierBundle> classifier_;
};

}  // namespace dari
