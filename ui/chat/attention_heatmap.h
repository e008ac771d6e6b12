#pragma once
// The attention of one reply: source pieces (down) against output pieces (across),
// darker = more attention, with labels on both axes and a colour scale. The colours
// span 0 to the largest weight shown (the scale says which); cells grow with the
// space available, up to twice their minimum size.

#include <QFontMetrics>
#include <QList>
#include <QStringList>
#include <QWidget>

namespace dari {

class AttentionHeatmap : public QWidget {
    Q_OBJECT
public:
    explicit AttentionHeatmap(QWidget* parent = nullptr);

    // weights: rows x cols, row-major (rows = output pieces, cols = source pieces).
    void setAttention(const QStringList& sourcePieces, const QStringList& outputPieces,
                      const QList<float>& weights, int rows, int cols);
    void clear();
    bool hasData() const { return rows_ > 0 && cols_ > 0; }
    int rows() const { return rows_; }
    int cols() const { return cols_; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

    static QColor colorFor(float weight);  // 0 -> near white, 1 -> deep blue

    // How an output piece's label is drawn above its column: upright when it fits the
    // column, Hangul stacked syllable under syllable (upright, readable), else rotated.
    enum class Label { Upright, Stacked, Rotated };
    static Label labelStyle(const QString& text, const QFontMetrics& metrics, int cell);
    static QString labelText(const QString& piece);  // ▁ (a word's start) as ·, "" as ∅

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int minCell() const;
    int cell() const;  // for the current size
    int legendHeight() const;
    float maxWeight() const;
    int leftMargin() const;
    int topMargin() const;
    int labelHeight(const QString& piece) const;
    void paintColumnLabels(QPainter& p, int left, int top, int c) const;
    QStringList src_, out_;
    QList<float> weights_;
    int rows_ = 0, cols_ = 0;
};

}  // namespace dari
