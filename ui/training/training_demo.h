#pragma once
// dari-chat-demo --train-demo CORPUS: opens the training dashboard on a short run
// (for scripts/screenshot-training.sh) and calls `done` once `validations`
// validations have been drawn, while the run is still going.

#include <QString>

#include <functional>

namespace dari {

class MainWindow;

void runTrainingDemo(MainWindow& window, const QString& corpus, int validations,
                     std::function<void()> done);

}  // namespace dari
