#pragma once
// The models the window can find (ModelCatalog::scanAll), one row each, for the model manager.

#include <QAbstractTableModel>
#include <QList>

#include "ui/model_catalog.h"

namespace dari {

class ModelTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Task, Languages, Network, DevBleu, Folder, ColumnCount };

    explicit ModelTableModel(QObject* parent = nullptr);

    void setModels(const QList<ModelInfo>& models);
    const ModelInfo& modelAt(int row) const { return models_.at(row); }
    // The row of the model in `dir`; -1 if none.
    int rowOf(const QString& dir) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ModelInfo> models_;
};

}  // namespace dari
