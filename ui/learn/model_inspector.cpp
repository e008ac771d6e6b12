#include "ui/learn/model_inspector.h"

namespace dari {

InspectionOutcome ModelInspector::inspect(const QString& dir, const QString& text,
                                          const QString& reference) {
    const std::lock_guard<std::mutex> lock(mutex_);
    InspectionOutcome out;
    try {
        if (!bundle_ || dir != dir_) {
            bundle_.reset();
            bundle_ = std::make_unique<Bundle>(Bundle::load(dir.toStdString()));
            dir_ = dir;
        }
        out.inspection = inspectNetwork(*bundle_, text.trimmed().toStdString(),
                                        reference.trimmed().toStdString());
    } catch (const std::exception& e) {  // a thread pool's job must not throw
        out.error = QString::fromUtf8(e.what());
    }
    return out;
}

}  // namespace dari
