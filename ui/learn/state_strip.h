#pragma once
// A recurrence unrolled in time, as the notes draw it: one column per time step with its input
// piece below, and a value per dimension down the column as a colour (hidden states and cells
// in [-1, 1] on a diverging scale, gates in [0, 1] on a sequential one). With `cells` on, a row
// of cell boxes joined by arrows sits on top: the state flowing right. Hovering a cell shows
// the step, the dimension and the value. Columns can be dimmed: what a reader does not get
// (return_sequences=False passes on only the last one).

#include <QStringList>
#include <QWidget>

#include <vector>

namespace dari {

class StateStrip : public QWidget {
    Q_OBJECT
public:
    enum class Scale { Signed, Unit };  // [-1, 1] | [0, 1]

    explicit StateStrip(QWidget* parent = nullptr);

    // rows[t][d]: step t's value in dimension d; one piece per step.
    void setData(const std::vector<std::vector<float>>& rows, const QStringList& pieces,
                 Scale scale);
    // The unrolled cell boxes on top; `reverse`: the state flows right to left (a backward
    // direction).
    void setCells(bool on, const QString& cellName = {}, bool reverse = false);
    void setOnlyStep(int step);  // every column but `step` drawn faded (-1: none faded)
    int steps() const { return int(rows_.size()); }
    int dimensions() const { return rows_.empty() ? 0 : int(rows_.front().size()); }
    float value(int step, int dimension) const { return rows_.at(step).at(dimension); }
    // What hovering (x, y) shows; empty outside the cells.
    QString describeAt(const QPoint& position) const;
    static QColor colorFor(float value, Scale scale, const QPalette& palette);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;  // tooltips

private:
    int columnWidth() const;
    int rowHeight() const;
    int cellsHeight() const;  // the unrolled boxes' band (0 when off)
    int labelHeight() const;
    QRect matrixRect() const;
    void paintCells(class QPainter& p) const;
    void paintLabels(class QPainter& p) const;

    std::vector<std::vector<float>> rows_;
    QStringList pieces_;
    Scale scale_ = Scale::Signed;
    bool cells_ = false;
    bool reverse_ = false;
    QString cellName_;
    int onlyStep_ = -1;
};

}  // namespace dari
