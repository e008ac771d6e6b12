#pragma once
// What a mode shows instead of the conversation when it has no model: where Dari looked, and
// the ways to get one — import a model file, train on your own corpus, or train the default
// models (with where their corpora come from and under which licence).

#include <QFrame>

class QLabel;
class QPushButton;

namespace dari {

class WelcomePage : public QFrame {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    // For `task` ("translate" | "chat"), having searched `folders`; `defaultsPaused`: the
    // default models' training stopped part-way (the button continues it).
    void describe(const QString& task, const QStringList& folders, bool defaultsPaused = false);
    QString text() const;  // everything it says, as plain text (tests, the model summary)
    QString html() const;

Q_SIGNALS:
    void importRequested();
    void trainRequested();
    void trainDefaultRequested();

private:
    QLabel* heading_;
    QLabel* body_;
    QLabel* defaults_;
    QPushButton* defaultsButton_;
};

}  // namespace dari
