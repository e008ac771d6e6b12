#include "ui/learn/state_strip.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "ui/chat/attention_heatmap.h"
#include "ui/palette_colors.h"

namespace dari {

namespace {

constexpr int kMinColumn = 34;
constexpr int kMaxRowHeight = 3;

QColor mix(const QColor& a, const QColor& b, double t) {
    return mixColors(a, b, std::clamp(t, 0.0, 1.0));
}

}  // namespace

StateStrip::StateStrip(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void StateStrip::setData(const std::vector<std::vector<float>>& rows, const QStringList& pieces,
                         Scale scale) {
    rows_ = rows;
    pieces_ = pieces;
    scale_ = scale;
    updateGeometry();
    update();
}

void StateStrip::setCells(bool on, const QString& cellName, bool reverse) {
    cells_ = on;
    reverse_ = reverse;
    cellName_ = cellName;
    updateGeometry();
    update();
}

void StateStrip::setOnlyStep(int step) {
    onlyStep_ = step;
    update();
}

// Signed: blue (-1) through the base colour (0) to red (+1). Unit: base (0) to deep blue (1),
// the attention heatmap's scale. Both from the palette's base, so a dark theme stays readable.
QColor StateStrip::colorFor(float value, Scale scale, const QPalette& palette) {
    const QColor base = palette.color(QPalette::Base);
    if (scale == Scale::Unit) return mix(base, AttentionHeatmap::colorFor(1.0f), value);
    return value < 0 ? mix(base, QColor(0x2c, 0x7b, 0xb6), -value)
                     : mix(base, QColor(0xd7, 0x30, 0x27), value);
}

int StateStrip::columnWidth() const {
    int widest = kMinColumn;
    for (const QString& piece : pieces_)
        widest = std::max(widest,
                          fontMetrics().horizontalAdvance(AttentionHeatmap::labelText(piece)) + 8);
    return std::min(widest, 90);
}

int StateStrip::rowHeight() const {
    const int dims = dimensions();
    if (dims == 0) return kMaxRowHeight;
    return std::clamp(256 / dims, 1, kMaxRowHeight);
}

int StateStrip::cellsHeight() const {
    return cells_ ? fontMetrics().height() * 2 + 12 : 0;
}

int StateStrip::labelHeight() const {
    return fontMetrics().height() + 6;
}

QRect StateStrip::matrixRect() const {
    return QRect(4, 4 + cellsHeight(), steps() * columnWidth(), dimensions() * rowHeight());
}

QSize StateStrip::sizeHint() const {
    const QRect m = matrixRect();
    return QSize(m.right() + 8, m.bottom() + labelHeight() + 8);
}

void StateStrip::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QRect m = matrixRect();
    const int w = columnWidth(), h = rowHeight();
    for (int t = 0; t < steps(); ++t) {
        const bool dim = onlyStep_ >= 0 && t != onlyStep_;
        for (int d = 0; d < dimensions(); ++d) {
            QColor c = colorFor(rows_[t][d], scale_, palette());
            if (dim) c = mix(c, palette().color(QPalette::Window), 0.8);
            p.fillRect(m.left() + t * w, m.top() + d * h, w - 1, h, c);
        }
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(m.adjusted(0, 0, -1, -1));
    if (cells_) paintCells(p);
    paintLabels(p);
}

// The unrolled network: a box per step, an arrow from each to the next (h_t flowing right),
// and one up from each box into its column (what return_sequences=True passes on).
void StateStrip::paintCells(QPainter& p) const {
    const int w = columnWidth(), top = 4, boxH = fontMetrics().height() + 6;
    p.setRenderHint(QPainter::Antialiasing);
    for (int t = 0; t < steps(); ++t) {
        const QRect box(4 + t * w + 4, top, w - 12, boxH);
        const bool dim = onlyStep_ >= 0 && t != onlyStep_;
        QColor fill = palette().color(QPalette::Button);
        QColor line = palette().color(QPalette::ButtonText);
        if (dim) line = mix(line, palette().color(QPalette::Window), 0.7);
        p.setPen(QPen(line, 1.2));
        p.setBrush(fill);
        p.drawRoundedRect(box, 4, 4);
        p.drawText(box, Qt::AlignCenter, cellName_);
        if (t + 1 < steps()) {  // h_t into the next step, whichever way the state flows
            const int y = box.center().y(), from = box.right() + 1, to = box.right() + 11;
            const QPoint tip(reverse_ ? from : to, y);
            const int back = reverse_ ? 4 : -4;
            p.drawLine(QPoint(from, y), QPoint(to, y));
            p.drawLine(tip, tip + QPoint(back, -3));
            p.drawLine(tip, tip + QPoint(back, 3));
        }
        const QPoint up(box.center().x(), box.bottom() + 1), down(up.x(), matrixRect().top() - 1);
        p.drawLine(up, down);
    }
    p.setRenderHint(QPainter::Antialiasing, false);
}

void StateStrip::paintLabels(QPainter& p) const {
    const QRect m = matrixRect();
    const int w = columnWidth();
    p.setPen(palette().color(QPalette::WindowText));
    for (int t = 0; t < steps() && t < pieces_.size(); ++t) {
        const QRect label(m.left() + t * w, m.bottom() + 3, w, labelHeight());
        p.drawText(label, Qt::AlignHCenter | Qt::AlignTop,
                   fontMetrics().elidedText(AttentionHeatmap::labelText(pieces_[t]), Qt::ElideRight,
                                            w - 2));
    }
}

QString StateStrip::describeAt(const QPoint& position) const {
    const QRect m = matrixRect();
    if (!m.contains(position)) return {};
    const int t = (position.x() - m.left()) / columnWidth();
    const int d = (position.y() - m.top()) / rowHeight();
    if (t >= steps() || d >= dimensions()) return {};
    const QString piece = t < pieces_.size() ? AttentionHeatmap::labelText(pieces_[t]) : QString();
    return tr("step %1 (%2) · dimension %3 · %4")
        .arg(t + 1)
        .arg(piece)
        .arg(d + 1)
        .arg(double(rows_[t][d]), 0, 'f', 3);
}

bool StateStrip::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = describeAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

}  // namespace dari
