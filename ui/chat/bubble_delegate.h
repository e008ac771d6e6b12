#pragma once
// Paints a message as a chat bubble: the user's on the right, Dari's on the left,
// notices centred; a small header line with the sender and the time.

#include <QStyledItemDelegate>

#include "ui/chat/bubble_text.h"

class QAbstractItemView;

namespace dari {

class BubbleDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit BubbleDelegate(QAbstractItemView* view);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The search term, marked wherever it occurs in a bubble (empty: nothing marked).
    void setHighlight(const QString& term) { highlight_ = term; }
    const QString& highlight() const { return highlight_; }

private:
    struct Layout {
        QRect bubble, header, text;
        WrappedText lines;  // the text's lines, as measured and as painted
    };
    Layout layout(const QStyleOptionViewItem& option, const QModelIndex& index, int width) const;
    int rowWidth() const;  // what sizeHint and paint lay a bubble out in
    void paintHighlight(QPainter* painter, const Layout& l, const QFontMetrics& fm) const;
    QAbstractItemView* view_;
    QString highlight_;
};

}  // namespace dari
