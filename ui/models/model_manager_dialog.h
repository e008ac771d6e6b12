#pragma once
// File ▸ Manage models…: every model the window finds (ModelTableModel), its details, and
// import, export, use and remove.

#include <QDialog>

#include "ui/model_catalog.h"

class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace dari {

class ModelTableModel;

class ModelManagerDialog : public QDialog {
    Q_OBJECT
public:
    explicit ModelManagerDialog(QWidget* parent = nullptr);

    void setModels(const QList<ModelInfo>& models);
    void select(const QString& dir);
    ModelInfo selected() const;  // dir empty: none
    // Whether Dari may delete it: a model in a folder this user can write (not a package's).
    static bool removable(const ModelInfo& model);

public Q_SLOTS:
    // Asks, then removes the selected model (the folder goes whole, or not at all).
    void removeSelected();

Q_SIGNALS:
    void importRequested();
    void exportRequested(const QString& dir);
    void useRequested(const QString& dir, const QString& task);
    void modelsChanged();  // one was removed: rescan

private:
    void onSelectionChanged();

    ModelTableModel* table_;
    QSortFilterProxyModel* sorted_;
    QTableView* view_;
    QTextBrowser* details_;
    QPushButton* export_;
    QPushButton* use_;
    QPushButton* remove_;
};

}  // namespace dari
