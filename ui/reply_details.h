#pragma once
// The side panel for the selected bubble: n-best alternatives and the attention heatmap.

#include <QWidget>

class QLabel;
class QListWidget;
class QTabWidget;

namespace dari {

struct Message;
class AttentionHeatmap;

class ReplyDetails : public QWidget {
    Q_OBJECT
public:
    explicit ReplyDetails(QWidget* parent = nullptr);
    void showMessage(const Message& message);
    void clear();
    void showAttentionTab();
    void showAlternativesTab();

    QListWidget* alternatives() const { return alternatives_; }
    AttentionHeatmap* heatmap() const { return heatmap_; }

Q_SIGNALS:
    void copyRequested(const QString& text);

private:
    QLabel* title_;
    QLabel* note_;
    QTabWidget* tabs_;
    QListWidget* alternatives_;
    AttentionHeatmap* heatmap_;
};

}  // namespace dari
