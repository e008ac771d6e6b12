#pragma once
// Help ▸ Keyboard shortcuts: every shortcut of the window, read from its actions (so the
// list cannot drift from what the keys do), and the keys of the input box.

#include <QDialog>
#include <QList>
#include <QStringList>

class QAction;

namespace dari {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);

    // {what it does, its keys} per action with a shortcut (mnemonics removed, duplicates
    // once, sorted by what they do), then the input box's own keys.
    static QList<QStringList> rows(const QList<QAction*>& actions);
};

}  // namespace dari
