#include "ui/chat/attention_heatmap.h"

#include <QPainter>

namespace dari {

namespace {
constexpr int kLegendHeight = 44;
constexpr int kPad = 8;

QString label(const QString& piece) {
    // SentencePiece marks a word start with U+2581; show it as a thin space marker.
    QString s = piece;
    s.replace(QChar(0x2581), QStringLiteral("·"));
    return s.isEmpty() ? QStringLiteral("∅") : s;
}
}  // namespace

AttentionHeatmap::AttentionHeatmap(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::MinimumExpanding, QSizePolicy::MinimumExpanding);
    setAccessibleName(tr("Attention heatmap"));
}

void AttentionHeatmap::setAttention(const QStringList& sourcePieces,
                                    const QStringList& outputPieces, const QList<float>& weights,
                                    int rows, int cols) {
    if (rows <= 0 || cols <= 0 || weights.size() != qsizetype(rows) * cols) {
        clear();
        return;
    }
    src_ = sourcePieces;
    out_ = outputPieces;
    while (src_.size() < cols)
        src_ << QString();
    while (out_.size() < rows)
        out_ << QString();
    weights_ = weights;
    rows_ = rows;
    cols_ = cols;
    updateGeometry();
    adjustSize();
    update();
}

void AttentionHeatmap::clear() {
    src_.clear();
    out_.clear();
    weights_.clear();
    rows_ = cols_ = 0;
    updateGeometry();
    adjustSize();
    update();
}

QColor AttentionHeatmap::colorFor(float w) {
    const float t = qBound(0.0f, w, 1.0f);
    // From a very light blue-grey to a saturated dark blue (perceptually monotone).
    const QColor lo(0xf7, 0xfb, 0xff), hi(0x08, 0x30, 0x6b);
    return QColor::fromRgbF(lo.redF() + (hi.redF() - lo.redF()) * t,
                            lo.greenF() + (hi.greenF() - lo.greenF()) * t,
                            lo.blueF() + (hi.blueF() - lo.blueF()) * t);
}

int AttentionHeatmap::minCell() const {
    return std::max(22, fontMetrics().height() + 6);
}

int AttentionHeatmap::cell() const {
    const int c = minCell();
    if (!hasData()) return c;
    const int legendText = fontMetrics().horizontalAdvance(tr("attention weight")) + 2 * kPad;
    const int fitWidth = (width() - leftMargin() - legendText) / rows_;
    const int fitHeight = (height() - topMargin() - kLegendHeight - kPad) / cols_;
    return qBound(c, std::min(fitWidth, fitHeight), 2 * c);
}

float AttentionHeatmap::maxWeight() const {
    float m = 0.0f;
    for (float w : weights_)
        m = std::max(m, w);
    return m > 0.0f ? m : 1.0f;
}

int AttentionHeatmap::leftMargin() const {
    int w = 0;
    for (const auto& p : src_)
        w = std::max(w, fontMetrics().horizontalAdvance(label(p)));
    return w + 2 * kPad;
}

int AttentionHeatmap::topMargin() const {
    int w = 0;
    for (const auto& p : out_)
        w = std::max(w, fontMetrics().horizontalAdvance(label(p)));
    return w + 2 * kPad;  // labels are drawn vertically
}

QSize AttentionHeatmap::sizeHint() const {
    if (!hasData()) return {240, 120};
    const int c = minCell();
    const int legendText = fontMetrics().horizontalAdvance(tr("attention weight")) + 2 * kPad;
    return {std::max(leftMargin() + std::max(rows_ * c, 200) + legendText, 260),
            topMargin() + cols_ * c + kLegendHeight + kPad};
}

void AttentionHeatmap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setPen(palette().color(QPalette::Text));
    if (!hasData()) {
        p.drawText(rect().adjusted(kPad, kPad, -kPad, -kPad), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Select one of Dari's replies to see which source pieces each output piece "
                      "attended to."));
        return;
    }
    // Source pieces (Korean) down the left so Hangul stays upright; output pieces
    // (English) across the top, rotated. Cell (row j, column i) = weight of source j for output i.
    const int c = cell(), left = leftMargin(), top = topMargin();
    const float scale = maxWeight();
    for (int i = 0; i < rows_; ++i) {
        p.save();
        p.translate(left + i * c + c / 2 + fontMetrics().ascent() / 2 - 1, top - kPad / 2);
        p.rotate(-90);
        p.drawText(0, 0, label(out_.at(i)));
        p.restore();
    }
    for (int j = 0; j < cols_; ++j)
        p.drawText(QRect(0, top + j * c, left - kPad, c), Qt::AlignRight | Qt::AlignVCenter,
                   label(src_.at(j)));
    // Cells; the source each output piece attended to most is outlined.
    for (int i = 0; i < rows_; ++i) {
        int best = 0;
        for (int j = 0; j < cols_; ++j) {
            const float w = weights_.at(i * cols_ + j);
            if (w > weights_.at(i * cols_ + best)) best = j;
            p.fillRect(QRect(left + i * c, top + j * c, c - 1, c - 1), colorFor(w / scale));
        }
        p.setPen(QPen(QColor(0xe6, 0x55, 0x0d), 1.5));
        p.drawRect(QRectF(left + i * c + 0.75, top + best * c + 0.75, c - 2.5, c - 2.5));
    }
    p.setPen(palette().color(QPalette::Text));
    const QString axes = tr("source ↓  output →");
    if (fontMetrics().horizontalAdvance(axes) <= left - kPad)
        p.drawText(QRect(0, 0, left - kPad, top - kPad), Qt::AlignRight | Qt::AlignBottom, axes);
    else
        setToolTip(tr("Rows: source pieces; columns: output pieces"));
    // Colour scale.
    const int ly = top + cols_ * c + kPad;
    const int lw = std::min(200, std::max(120, rows_ * c));
    for (int x = 0; x < lw; ++x)
        p.fillRect(QRect(left + x, ly, 1, 10), colorFor(float(x) / (lw - 1)));
    p.setPen(palette().color(QPalette::Text));
    p.drawRect(QRect(left, ly, lw, 10));
    const QFontMetrics fm = fontMetrics();
    p.drawText(QPoint(left, ly + 12 + fm.ascent()), QStringLiteral("0"));
    const QString maxLabel = QString::number(scale, 'f', 2);
    p.drawText(QPoint(left + lw - fm.horizontalAdvance(maxLabel), ly + 12 + fm.ascent()), maxLabel);
    p.drawText(QPoint(left + lw + kPad, ly + 10), tr("attention weight"));
}

}  // namespace dari
