#include "ui/chat/message_input.h"

#include <QKeyEvent>

namespace dari {

MessageInput::MessageInput(QWidget* parent) : QPlainTextEdit(parent) {
    setTabChangesFocus(true);
    setPlaceholderText(tr("Type Korean here — Enter sends, Shift+Enter starts a new line"));
}

QSize MessageInput::sizeHint() const {
    const int lines = 3;
    return {QPlainTextEdit::sizeHint().width(),
            fontMetrics().lineSpacing() * lines + 2 * frameWidth() + 12};
}

void MessageInput::keyPressEvent(QKeyEvent* event) {
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString text = toPlainText().trimmed();
        if (!text.isEmpty()) {
            clear();
            Q_EMIT submitted(text);
        }
        event->accept();
        return;
    }
    if (enter) {  // Shift+Enter: a plain line break, not a paragraph separator
        insertPlainText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

}  // namespace dari
