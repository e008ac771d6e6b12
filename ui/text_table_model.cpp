#include "ui/text_table_model.h"

namespace dari {

TextTableModel::TextTableModel(const QStringList& headers, QObject* parent)
    : QAbstractTableModel(parent), headers_(headers) {}

void TextTableModel::setRows(const QList<QStringList>& rows) {
    beginResetModel();
    rows_ = rows;
    endResetModel();
}

int TextTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int TextTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(headers_.size());
}

QVariant TextTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
    const QStringList& row = rows_.at(index.row());
    return index.column() < row.size() ? row.at(index.column()) : QString();
}

QVariant TextTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Horizontal)
        return section < headers_.size() ? headers_.at(section) : QVariant();
    return section + 1;
}

}  // namespace dari
