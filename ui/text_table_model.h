#pragma once
// A read-only table of strings with column headers: pair previews, validation
// problems and sample outputs.

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace dari {

class TextTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit TextTableModel(const QStringList& headers, QObject* parent = nullptr);

    void setRows(const QList<QStringList>& rows);
    const QList<QStringList>& rows() const { return rows_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QStringList headers_;
    QList<QStringList> rows_;
};

}  // namespace dari
