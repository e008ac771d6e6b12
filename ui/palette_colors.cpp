#include "ui/palette_colors.h"

#include <QWidget>

namespace dari {

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() <
           palette.color(QPalette::WindowText).lightness();
}

QColor mixColors(const QColor& a, const QColor& b, double t) {
    const auto channel = [t](int x, int y) { return static_cast<int>(x + (y - x) * t + 0.5); };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()),
                  channel(a.blue(), b.blue()));
}

QColor errorTextColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xa4, 0x16, 0x1a);
}

QColor warningTextColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xe8, 0xb3, 0x4b) : QColor(0x8a, 0x5a, 0x00);
}

void setTextColor(QWidget* widget, const QColor& color) {
    QPalette p = widget->palette();
    p.setColor(QPalette::WindowText, color);
    p.setColor(QPalette::Text, color);
    widget->setPalette(p);
}

}  // namespace dari
