#include "ui/chat/attention_heatmap.h"

#include <QPainter>
#include <QTextBoundaryFinder>

namespace dari {

namespace {
constexpr int kPad = 8;
constexpr int kScaleMin = 120, kScaleMax = 200;  // the colour scale's width

QString label(const QString& piece) {
    return AttentionHeatmap::labelText(piece);
}

bool hasHangul(const QString& text) {
    for (const QChar c : text)
        if (c.script() == QChar::Script_Hangul) return true;
    return false;
}

QStringList graphemes(const QString& text) {
    QStringList out;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, text);
    for (int start = 0, end = finder.toNextBoundary(); end > 0;
         start = end, end = finder.toNextBoundary())
        out << text.mid(start, end - start);
    return out;
}
}  // namespace

QString AttentionHeatmap::labelText(const QString& piece) {
    // SentencePiece marks a word start with U+2581; show it as a thin space marker.
    QString s = piece;
    s.replace(QChar(0x2581), QStringLiteral("·"));
    return s.isEmpty() ? QStringLiteral("∅") : s;
}

AttentionHeatmap::Label AttentionHeatmap::labelStyle(const QString& text, const QFontMetrics& fm,
                                                     int cell) {
    if (fm.horizontalAdvance(text) <= cell - 2) return Label::Upright;
    return hasHangul(text) ? Label::Stacked : Label::Rotated;
}

int AttentionHeatmap::labelHeight(const QString& piece) const {
    const QString text = label(piece);
    switch (labelStyle(text, fontMetrics(), minCell())) {
        case Label::Upright:
            return fontMetrics().height();
        case Label::Stacked:
            return int(graphemes(text).size()) * fontMetrics().height();
        case Label::Rotated:
            break;
    }
    return fontMetrics().horizontalAdvance(text);
}

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

int AttentionHeatmap::legendHeight() const {
    return 10 + 12 + 2 * fontMetrics().height();  // the bar, its end values, its title
}

int AttentionHeatmap::cell() const {
    const int c = minCell();
    if (!hasData()) return c;
    const int fitWidth = (width() - leftMargin() - kPad) / rows_;
    const int fitHeight = (height() - topMargin() - legendHeight() - kPad) / cols_;
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
    int h = 0;
    for (const auto& p : out_)
        h = std::max(h, labelHeight(p));
    return h + 2 * kPad;
}

// Above each column, bottom-aligned just above the cells at `top`.
void AttentionHeatmap::paintColumnLabels(QPainter& p, int left, int top, int c) const {
    const QFontMetrics fm = fontMetrics();
    for (int i = 0; i < rows_; ++i) {
        const QString text = label(out_.at(i));
        const int x = left + i * c;
        switch (labelStyle(text, fm, minCell())) {
            case Label::Upright:
                p.drawText(QRect(x, top - kPad / 2 - fm.height(), c, fm.height()),
                           Qt::AlignHCenter | Qt::AlignBottom, text);
                break;
            case Label::Stacked: {
                const QStringList glyphs = graphemes(text);
                int y = top - kPad / 2 - int(glyphs.size()) * fm.height();
                for (const QString& g : glyphs) {
                    p.drawText(QRect(x, y, c, fm.height()), Qt::AlignHCenter | Qt::AlignBottom, g);
                    y += fm.height();
                }
                break;
            }
            case Label::Rotated:
                p.save();
                p.translate(x + c / 2 + fm.ascent() / 2 - 1, top - kPad / 2);
                p.rotate(-90);
                p.drawText(0, 0, text);
                p.restore();
                break;
        }
    }
}

QSize AttentionHeatmap::sizeHint() const {
    if (!hasData()) return {240, 120};
    const int c = minCell();
    // The colour scale sits under the cells, its title under it: no width of its own.
    return {std::max(leftMargin() + std::max(rows_ * c, kScaleMin) + kPad, 200),
            topMargin() + cols_ * c + legendHeight() + kPad};
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
    // Source pieces (Korean) down the left; output pieces across the top (see labelStyle).
    // Cell (row j, column i) = weight of source j for output i. The labels stay in view
    // when the scroll area scrolls: drawn last, over a band at the visible edge.
    const int c = cell(), left = leftMargin(), top = topMargin();
    const float scale = maxWeight();
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
    const QRect visible = visibleRegion().boundingRect();
    const int dy = std::max(0, visible.top()), dx = std::max(0, visible.left());
    const QColor base = palette().color(QPalette::Base);
    if (dy > 0) p.fillRect(QRect(0, dy, width(), top), base);
    p.save();
    p.translate(0, dy);
    paintColumnLabels(p, left, top, c);
    p.restore();
    p.fillRect(QRect(dx, dy + top, left - kPad / 2, height()), base);
    for (int j = 0; j < cols_; ++j)
        if (top + j * c >= dy + top - c / 2)  // not under the column labels
            p.drawText(QRect(dx, top + j * c, left - kPad, c), Qt::AlignRight | Qt::AlignVCenter,
                       label(src_.at(j)));
    p.fillRect(QRect(dx, dy, left - kPad / 2, top), base);
    // Colour scale.
    const int ly = top + cols_ * c + kPad;
    const int lw = std::min(kScaleMax, std::max(kScaleMin, rows_ * c));
    for (int x = 0; x < lw; ++x)
        p.fillRect(QRect(left + x, ly, 1, 10), colorFor(float(x) / (lw - 1)));
    p.setPen(palette().color(QPalette::Text));
    p.drawRect(QRect(left, ly, lw, 10));
    const QFontMetrics fm = fontMetrics();
    p.drawText(QPoint(left, ly + 12 + fm.ascent()), QStringLiteral("0"));
    const QString maxLabel = QString::number(scale, 'f', 2);
    p.drawText(QPoint(left + lw - fm.horizontalAdvance(maxLabel), ly + 12 + fm.ascent()), maxLabel);
    p.drawText(QPoint(left, ly + 12 + fm.height() + fm.ascent()), tr("attention weight"));
}

}  // namespace dari
