#pragma once
// Learn: watch a recurrent network remember, forget and learn, on one sentence and a real
// model. Views of the engine's inspection (model/inspect): the encoder unrolled in time (its
// hidden states, and what return_sequences passes on), the gates at every step, the gradient
// reaching every position through time, the sequential bottleneck measured (recurrent cells
// against a Transformer), and for a classifier the decision (many-to-one). The inspection runs
// on a worker thread.

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

#include "model/inspect/network_inspection.h"
#include "ui/learn/model_inspector.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QVBoxLayout;
class QChartView;
class QLineSeries;

namespace dari {

class BottleneckView;
class CellComparison;
class ClippingChart;
class DecisionView;
class StateStrip;

class LearnWindow : public QWidget {
    Q_OBJECT
public:
    explicit LearnWindow(QWidget* parent = nullptr);
    ~LearnWindow() override;

    // The models to choose from (dir, shown name); `current` selected if among them.
    void setModels(const QList<QPair<QString, QString>>& models, const QString& current = {});
    // Selects the model in `dir`, adding it to the list when it is not there (any folder).
    void chooseModel(const QString& dir);
    void setText(const QString& text, const QString& reference = {});
    // Starts inspecting the chosen model on the text; false (with the reason shown) if it
    // cannot start. inspected() or failed() follows.
    bool inspectNow();

    bool hasResult() const { return hasResult_; }
    const NetworkInspection& result() const { return result_; }
    QString errorText() const;
    QList<StateStrip*> stateStrips() const;  // Unrolled in time, one per encoder recurrence
    QList<StateStrip*> gateStrips() const;   // Gates, every gate (and LSTM cell) strip
    QLineSeries* gradientSeries(int direction) const;  // 0 forward, 1 backward
    QTabWidget* views() const { return tabs_; }
    DecisionView* decisionView() const { return decision_; }
    BottleneckView* bottleneckView() const { return bottleneck_; }
    ClippingChart* clippingChart() const { return clipping_; }
    CellComparison* cellComparison() const { return cells_; }
    // Where the tiny side-by-side networks live and the corpus they learn from (cell_comparison).
    void setTinyCells(const QString& folder, const QString& train, const QString& dev,
                      const QString& missing = {});
    void setReturnSequences(bool all);

Q_SIGNALS:
    void inspected();
    void failed(const QString& message);

private:
    void buildUi();
    QWidget* explained(const QString& text, QWidget* view);
    void onFinished();
    void showResult();
    void fillUnrolled();
    void fillGates();
    void fillGradients();
    QString summaryLine() const;
    void addTinyCells();
    void showError(const QString& text);
    QStringList sourcePieces() const;

    std::shared_ptr<ModelInspector> inspector_;
    QFutureWatcher<InspectionOutcome>* watcher_ = nullptr;
    QComboBox* models_ = nullptr;
    QLineEdit* text_ = nullptr;
    QLineEdit* reference_ = nullptr;
    QPushButton* inspect_ = nullptr;
    QLabel* summary_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QCheckBox* returnSequences_ = nullptr;
    QLabel* returnNote_ = nullptr;
    QVBoxLayout* unrolled_ = nullptr;
    QVBoxLayout* gates_ = nullptr;
    QChartView* gradientChart_ = nullptr;
    QChartView* factorChart_ = nullptr;
    DecisionView* decision_ = nullptr;
    BottleneckView* bottleneck_ = nullptr;
    ClippingChart* clipping_ = nullptr;
    CellComparison* cells_ = nullptr;
    int decisionTab_ = -1;
    QList<StateStrip*> stateStrips_, gateStrips_;
    NetworkInspection result_;
    bool hasResult_ = false;
    QString error_;
};

}  // namespace dari
