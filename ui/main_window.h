#pragma once

#include <QMainWindow>

namespace dari {

// The chat window: conversation on the left, details of the selected reply on the right.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

}  // namespace dari
