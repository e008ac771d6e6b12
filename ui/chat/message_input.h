#pragma once
// The input box: Enter sends, Shift+Enter inserts a line break.

#include <QPlainTextEdit>

namespace dari {

class MessageInput : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit MessageInput(QWidget* parent = nullptr);
    QSize sizeHint() const override;

Q_SIGNALS:
    void submitted(const QString& text);

protected:
    void keyPressEvent(QKeyEvent* event) override;
};

}  // namespace dari
