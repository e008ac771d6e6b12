#pragma once
// dari-chat-demo --train-demo CORPUS[,CORPUS:WEIGHT...]: opens the training dashboard on a
// short run (for scripts/screenshot-training.sh) of the corpora mixed by weight, each with the
// dev.tsv beside it (if any) as a dev set, and calls `done` once `validations` validations
// have been drawn, while the run is still going.

#include <QString>

#include <functional>

class QWidget;

namespace dari {

class MainWindow;

void runTrainingDemo(MainWindow& window, const QString& corpora, int validations,
                     std::function<void()> done);

// dari-chat-demo --wizard-demo CORPUS[,CORPUS:WEIGHT...]: the Import corpus wizard on these
// corpora, on its report page; `checked` gets the wizard once the check is shown.
void runWizardDemo(MainWindow& window, const QString& corpora,
                   std::function<void(QWidget& wizard)> checked);

// dari-chat-demo --minute-demo CORPUS: a run as a new user starts one (the wizard's defaults,
// a one-minute budget); `shoot` is called with "start" (3 s in), "middle" (30 s) and "end"
// (once it has finished), then `done`.
void runMinuteTrainingDemo(MainWindow& window, const QString& corpus,
                           std::function<void(const QString& stage)> shoot,
                           std::function<void()> done);

}  // namespace dari
