#include "ui/models/model_table_model.h"

#include <QDir>
#include <QFileInfo>

namespace dari {

ModelTableModel::ModelTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ModelTableModel::setModels(const QList<ModelInfo>& models) {
    beginResetModel();
    models_ = models;
    endResetModel();
}

int ModelTableModel::rowOf(const QString& dir) const {
    const QString clean = QDir(dir).absolutePath();
    for (int row = 0; row < models_.size(); ++row)
        if (models_[row].dir == clean) return row;
    return -1;
}

int ModelTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(models_.size());
}

int ModelTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= models_.size()) return {};
    const ModelInfo& m = models_[index.row()];
    if (role == Qt::ToolTipRole) return m.valid() ? m.dir : m.error;
    // Sorting by score sorts numbers, not their text.
    if (role == Qt::UserRole && index.column() == DevBleu) return m.devBleu;
    if (role == Qt::TextAlignmentRole && index.column() == DevBleu)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::UserRole) return {};
    switch (index.column()) {
        case Name:
            return m.name;
        case Task:
            if (!m.valid()) return tr("unusable");
            return m.taskText();
        case Languages:
            return m.valid() ? m.languagesText() : QString();
        case Network:
            if (!m.valid()) return QString();
            return m.members > 1 ? QStringLiteral("%1 ×%2").arg(m.cell.toUpper()).arg(m.members)
                                 : m.cell.toUpper();
        case DevBleu:
            return m.valid() ? QString::number(m.devBleu, 'f', 2) : QString();
        case Folder:
            return QFileInfo(m.dir).path();
    }
    return {};
}

QVariant ModelTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Name:
            return tr("Name");
        case Task:
            return tr("Task");
        case Languages:
            return tr("Languages");
        case Network:
            return tr("Network");
        case DevBleu:
            return tr("Dev BLEU");
        case Folder:
            return tr("Folder");
    }
    return {};
}

}  // namespace dari
