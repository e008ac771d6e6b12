#include "ui/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QRegularExpression>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/text_table_model.h"

namespace dari {

QList<QStringList> ShortcutsDialog::rows(const QList<QAction*>& actions) {
    QList<QStringList> rows;
    QSet<QString> seen;
    for (const QAction* action : actions) {
        if (action->shortcut().isEmpty()) continue;
        QString what = action->text();
        // "&Open model…", and the Korean "모델 열기(&O)…": the mnemonic in brackets goes too.
        static const QRegularExpression mnemonic(QStringLiteral("\\(&.\\)"));
        what.remove(mnemonic).remove(QLatin1Char('&')).remove(QStringLiteral("…"));
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        if (seen.contains(what + keys)) continue;
        seen.insert(what + keys);
        rows.append({what, keys});
    }
    std::sort(rows.begin(), rows.end(), [](const QStringList& a, const QStringList& b) {
        return QString::localeAwareCompare(a.first(), b.first()) < 0;
    });
    rows.append({tr("Send the message"), tr("Enter")});
    rows.append({tr("New line in the message"), tr("Shift+Enter")});
    rows.append({tr("Stop computing the reply"), tr("Esc")});
    return rows;
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Keyboard shortcuts"));
    auto* model = new TextTableModel({tr("Action"), tr("Keys")}, this);
    model->setRows(rows(actions));
    auto* table = new QTableView(this);
    table->setObjectName(QStringLiteral("shortcuts"));
    table->setModel(model);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(460, 420);
}

}  // namespace dari
