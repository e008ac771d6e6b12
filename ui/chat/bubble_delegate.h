#pragma once
// Paints a message as a chat bubble: the user's on the right, Dari's on the left,
// notices centred; a small header line with the sender and the time.

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace dari {

class BubbleDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit BubbleDelegate(QAbstractItemView* view);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    struct Layout {
        QRect bubble, header, text;
    };
    Layout layout(const QStyleOptionViewItem& option, const QModelIndex& index, int width) const;
    QAbstractItemView* view_;
};

}  // namespace dari
