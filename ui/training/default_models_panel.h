#pragma once
// The dashboard's panel while the default models train (DefaultModelsRun): one progress bar
// per model with what it is doing, the time left, and Stop / Continue for both together.

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace dari {

class DefaultModelsRun;

class DefaultModelsPanel : public QFrame {
    Q_OBJECT
public:
    explicit DefaultModelsPanel(DefaultModelsRun* run, QWidget* parent = nullptr);

    QString text() const;  // every line of the panel, for tests and screen readers

private:
    struct Row {
        QLabel* name = nullptr;
        QProgressBar* bar = nullptr;
        QLabel* doing = nullptr;
    };
    Row addRow(const QString& name, const QString& objectName);
    void refresh();
    void continueBoth();

    DefaultModelsRun* run_;
    Row rows_[2];
    QLabel* eta_ = nullptr;
    QLabel* status_ = nullptr;
    QPushButton* stop_ = nullptr;
    QPushButton* continue_ = nullptr;
};

}  // namespace dari
