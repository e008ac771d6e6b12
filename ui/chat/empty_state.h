#pragma once
// What a new user sees before the first message of a mode: what the mode does and three
// example sentences to click (sent as if typed). The examples are dev sentences that the
// default models handle well (picked with `dari translate` and `dari chat` on dev.tsv).

#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace dari {

class EmptyState : public QWidget {
    Q_OBJECT
public:
    explicit EmptyState(QWidget* parent = nullptr);

    void setTask(const QString& task);  // "translate" | "chat"
    static QStringList examples(const QString& task);
    QList<QPushButton*> exampleButtons() const { return buttons_; }

Q_SIGNALS:
    void exampleChosen(const QString& text);

private:
    QLabel* title_;
    QLabel* hint_;
    QList<QPushButton*> buttons_;
};

}  // namespace dari
