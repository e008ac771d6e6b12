#include "ui/learn/model_inspector.h"

namespace dari {

InspectionOutcome ModelInspector::inspect(const QString& dir, const QString& text,
                                          const QString& reference) {
    const std::lock_guard<std::mutex> lock(mutex_);
    InspectionOutcome out;
    try {
        if (dir != dir_ || (!bundle_ && !classifier_)) {
            bundle_.reset();
            classifier_.reset();
            dir_.clear();
            const std::string path = dir.toStdString();
            if (isClassifierBundle(path))
                classifier_ = std::make_unique<ClassifierBundle>(ClassifierBundle::load(path));
            else
                bundle_ = std::make_unique<Bundle>(Bundle::load(path));
            dir_ = dir;
        }
        const std::string source = text.trimmed().toStdString(),
                          target = reference.trimmed().toStdString();
        out.inspection = classifier_ ? inspectClassifier(*classifier_, source, target)
                                     : inspectNetwork(*bundle_, source, target);
    } catch (const std::exception& e) {  // a thread pool's job must not throw
        out.error = QString::fromUtf8(e.what());
        return out;
    }
    try {
        out.history = readGradientHistory(dir.toStdString());
    } catch (const std::exception& e) {
        out.historyError = QString::fromUtf8(e.what());
    }
    return out;
}

void ModelInspector::forget() {
    const std::lock_guard<std::mutex> lock(mutex_);
    bundle_.reset();
    classifier_.reset();
    dir_.clear();
}

}  // namespace dari
