#pragma once
// Colours derived from the palette, so that the window is as readable in a dark desktop theme
// as in a light one: nothing in the window names a fixed colour for text or backgrounds.

#include <QColor>
#include <QPalette>

namespace dari {

// Whether the palette is a dark theme's (light text on a dark window).
bool isDarkPalette(const QPalette& palette);
// `a` moved a share `t` (0..1) of the way towards `b`.
QColor mixColors(const QColor& a, const QColor& b, double t);
// Text that says something went wrong, or that needs attention, readable on the window.
QColor errorTextColor(const QPalette& palette);
QColor warningTextColor(const QPalette& palette);
// `widget`'s text in `color` (through its palette, not a style sheet).
void setTextColor(class QWidget* widget, const QColor& color);

}  // namespace dari
