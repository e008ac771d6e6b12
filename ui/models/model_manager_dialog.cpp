#include "ui/models/model_manager_dialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "model/bundle/model_archive.h"
#include "ui/models/model_table_model.h"

namespace dari {

ModelManagerDialog::ModelManagerDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("modelManager"));
    setWindowTitle(tr("Models"));
    table_ = new ModelTableModel(this);
    sorted_ = new QSortFilterProxyModel(this);
    sorted_->setSourceModel(table_);
    sorted_->setSortRole(Qt::UserRole);
    view_ = new QTableView(this);
    view_->setObjectName(QStringLiteral("modelTable"));
    view_->setAccessibleName(tr("Models"));
    view_->setModel(sorted_);
    view_->setSortingEnabled(true);
    view_->sortByColumn(ModelTableModel::Name, Qt::AscendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    details_ = new QTextBrowser(this);
    details_->setObjectName(QStringLiteral("modelDetails"));
    details_->setAccessibleName(tr("Model details"));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(view_);
    split->addWidget(details_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* import = buttons->addButton(tr("&Import…"), QDialogButtonBox::ActionRole);
    export_ = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    use_ = buttons->addButton(tr("&Use"), QDialogButtonBox::ActionRole);
    remove_ = buttons->addButton(tr("&Remove…"), QDialogButtonBox::ActionRole);
    remove_->setObjectName(QStringLiteral("remove"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(import, &QPushButton::clicked, this, &ModelManagerDialog::importRequested);
    connect(export_, &QPushButton::clicked, this,
            [this] { Q_EMIT exportRequested(selected().dir); });
    connect(use_, &QPushButton::clicked, this, [this] {
        const ModelInfo m = selected();
        Q_EMIT useRequested(m.dir, m.task);
    });
    connect(remove_, &QPushButton::clicked, this, &ModelManagerDialog::removeSelected);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ModelManagerDialog::onSelectionChanged);
    connect(view_, &QTableView::doubleClicked, use_, &QPushButton::click);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(760, 520);
    onSelectionChanged();
}

void ModelManagerDialog::setModels(const QList<ModelInfo>& models) {
    const QString keep = selected().dir;
    table_->setModels(models);
    view_->resizeColumnsToContents();
    select(keep);
    if (!view_->selectionModel()->hasSelection() && sorted_->rowCount() > 0) view_->selectRow(0);
    onSelectionChanged();
}

void ModelManagerDialog::select(const QString& dir) {
    const int row = table_->rowOf(dir);
    if (row < 0) return;
    view_->selectRow(sorted_->mapFromSource(table_->index(row, 0)).row());
}

ModelInfo ModelManagerDialog::selected() const {
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    if (rows.isEmpty()) return {};
    return table_->modelAt(sorted_->mapToSource(rows.first()).row());
}

bool ModelManagerDialog::removable(const ModelInfo& model) {
    return !model.dir.isEmpty() && QFileInfo(QFileInfo(model.dir).path()).isWritable();
}

void ModelManagerDialog::onSelectionChanged() {
    const ModelInfo m = selected();
    const bool any = !m.dir.isEmpty();
    details_->setHtml(any ? m.summaryHtml() : tr("Select a model to see its details."));
    export_->setEnabled(any && m.valid());
    use_->setEnabled(any && m.valid());
    remove_->setEnabled(removable(m));
    remove_->setToolTip(any && !removable(m)
                            ? tr("This model belongs to an installed package; remove the package "
                                 "to remove it.")
                            : QString());
}

void ModelManagerDialog::removeSelected() {
    const ModelInfo m = selected();
    if (!removable(m)) return;
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Remove model"),
        tr("Delete the model <b>%1</b> and its folder <i>%2</i>? This cannot be undone.")
            .arg(m.name.toHtmlEscaped(), m.dir.toHtmlEscaped()),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmRemove"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, m] {
        try {
            removeModel(QFileInfo(m.dir).path().toStdString(), m.name.toStdString());
        } catch (const std::exception& e) {
            auto* failed = new QMessageBox(QMessageBox::Warning, tr("Remove model"),
                                           QString::fromUtf8(e.what()), QMessageBox::Ok, this);
            failed->setAttribute(Qt::WA_DeleteOnClose);
            failed->open();
            return;
        }
        Q_EMIT modelsChanged();
    });
    box->open();
}

}  // namespace dari
