#include "ui/chat/bubble_delegate.h"

#include "ui/palette_colors.h"

#include <QAbstractItemView>
#include <QPainter>
#include <QPainterPath>

#include "ui/chat/conversation_model.h"

namespace dari {

namespace {
constexpr int kMargin = 8;    // around the bubble
constexpr int kPadding = 10;  // inside the bubble

QFont headerFont(const QFont& base) {
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.8);
    return f;
}
}  // namespace

BubbleDelegate::BubbleDelegate(QAbstractItemView* view) : QStyledItemDelegate(view), view_(view) {}

BubbleDelegate::Layout BubbleDelegate::layout(const QStyleOptionViewItem& option,
                                              const QModelIndex& index, int width) const {
    const auto sender =
        static_cast<Message::Sender>(index.data(ConversationModel::SenderRole).toInt());
    const QString text = index.data(Qt::DisplayRole).toString();
    const QString header = index.data(ConversationModel::HeaderRole).toString();
    const QFontMetrics fm(option.font);
    const QFontMetrics hm(headerFont(option.font));
    const int maxBubble = std::max(120, width * 3 / 4);
    const int maxText = maxBubble - 2 * kPadding;
    Layout l;
    l.lines = wrapText(text, fm, maxText);
    const int textHeight = int(l.lines.lines.size()) * fm.lineSpacing();
    const int headerWidth =
        std::min(maxText, hm.horizontalAdvance(header) + 6);  // slack: elision uses exact widths
    const int inner = std::max(l.lines.width, headerWidth);
    const int bubbleWidth = inner + 2 * kPadding;
    const int bubbleHeight = hm.height() + 4 + textHeight + 2 * kPadding;
    int x = kMargin;
    if (sender == Message::Sender::User) x = width - kMargin - bubbleWidth;
    if (sender == Message::Sender::Notice) x = (width - bubbleWidth) / 2;
    l.bubble = QRect(x, kMargin / 2, bubbleWidth, bubbleHeight);
    l.header = QRect(x + kPadding, l.bubble.top() + kPadding, inner, hm.height());
    l.text = QRect(x + kPadding, l.header.bottom() + 5, inner, textHeight);
    return l;
}

int BubbleDelegate::rowWidth() const {
    // The viewport, not the item's rect: a rect measured before a scroll bar came or went
    // would push right-hand bubbles past the edge.
    return view_->viewport()->width() - 4;
}

QSize BubbleDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int width = rowWidth();
    const Layout l = layout(opt, index, width);
    return {width, l.bubble.height() + kMargin};
}

void BubbleDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                           const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    Layout l = layout(opt, index, std::min(option.rect.width(), rowWidth()));
    l.bubble.translate(option.rect.topLeft());
    l.header.translate(option.rect.topLeft());
    l.text.translate(option.rect.topLeft());

    const auto sender =
        static_cast<Message::Sender>(index.data(ConversationModel::SenderRole).toInt());
    const bool pending = index.data(ConversationModel::PendingRole).toBool();
    // From the palette: the user's words in its accent colour, Dari's a shade off the
    // background, notices in its tool-tip colours; the same in a dark theme.
    const QPalette& pal = opt.palette;
    QColor fill, text, header, outline = pal.color(QPalette::Highlight);
    switch (sender) {
        case Message::Sender::User:
            fill = pal.color(QPalette::Highlight);
            text = pal.color(QPalette::HighlightedText);
            header = mixColors(text, fill, 0.25);
            outline = pal.color(QPalette::Text);
            break;
        case Message::Sender::Dari:
            fill = mixColors(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.08);
            text = pal.color(QPalette::Text);
            header = mixColors(text, fill, 0.4);
            break;
        case Message::Sender::Notice:
            fill = pal.color(QPalette::ToolTipBase);
            text = pal.color(QPalette::ToolTipText);
            header = mixColors(text, fill, 0.3);
            break;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(l.bubble, 12, 12);
    painter->fillPath(path, fill);
    if (opt.state & QStyle::State_Selected) {
        painter->setPen(QPen(outline, 2.5));
        painter->drawPath(path);
    }
    if (opt.state & QStyle::State_HasFocus) {
        painter->setPen(QPen(opt.palette.color(QPalette::Highlight), 1, Qt::DashLine));
        painter->drawRoundedRect(l.bubble.adjusted(-3, -3, 3, 3), 14, 14);
    }
    painter->setFont(headerFont(opt.font));
    painter->setPen(header);
    const QString headerText = index.data(ConversationModel::HeaderRole).toString();
    painter->drawText(
        l.header, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(painter->font()).elidedText(headerText, Qt::ElideRight, l.header.width()));
    painter->setFont(opt.font);  // the font the layout was measured with
    paintHighlight(painter, l, QFontMetrics(opt.font));
    painter->setPen(pending ? header : text);
    const int lineHeight = QFontMetrics(opt.font).lineSpacing();
    QRect line(l.text.topLeft(), QSize(l.text.width(), lineHeight));
    for (const QString& text : l.lines.lines) {
        painter->drawText(line, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine, text);
        line.translate(0, lineHeight);
    }
    painter->restore();
}

void BubbleDelegate::paintHighlight(QPainter* painter, const Layout& l,
                                    const QFontMetrics& fm) const {
    if (highlight_.isEmpty()) return;
    QColor mark = view_->palette().color(QPalette::Highlight);
    mark.setAlpha(110);
    int top = l.text.top();
    for (const QString& line : l.lines.lines) {
        for (qsizetype at = line.indexOf(highlight_, 0, Qt::CaseInsensitive); at >= 0;
             at = line.indexOf(highlight_, at + highlight_.size(), Qt::CaseInsensitive)) {
            const int x = l.text.left() + fm.horizontalAdvance(line.left(at));
            const int w = fm.horizontalAdvance(line.mid(at, highlight_.size()));
            painter->fillRect(QRect(x - 1, top, w + 2, fm.lineSpacing()), mark);
        }
        top += fm.lineSpacing();
    }
}

}  // namespace dari
