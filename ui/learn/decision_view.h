#pragma once
// Learn's view of a classifier's decision (many-to-one): the probability of every label, and
// what each time step counts in the vector the decision is made from (the pooling weights:
// spread over the sentence with attention pooling, all on the last step without it).

#include <QWidget>

#include "model/inspect/network_inspection.h"

class QChartView;
class QBarSet;

namespace dari {

class DecisionView : public QWidget {
    Q_OBJECT
public:
    explicit DecisionView(QWidget* parent = nullptr);

    // A classifier's inspection (task "classify"); anything else clears the view.
    void setInspection(const NetworkInspection& inspection);
    QBarSet* probabilities() const { return probabilities_; }
    QBarSet* weights() const { return weights_; }

private:
    QChartView* labels_ = nullptr;
    QChartView* steps_ = nullptr;
    QBarSet* probabilities_ = nullptr;
    QBarSet* weights_ = nullptr;
};

}  // namespace dari
