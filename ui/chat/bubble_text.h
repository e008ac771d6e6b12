#pragma once
// A bubble's text broken into lines the way a reader expects: between words (at spaces,
// for Korean as for English — never inside an eojeol such as 컴퓨터는 or a word such as
// can't), and inside a word only when that word alone is wider than the bubble. Qt's own
// line breaking cannot say this: its word wrap follows UAX #14, which allows a break
// between any two Hangul syllables, and its wrap-anywhere breaks every word.

#include <QFontMetrics>
#include <QString>
#include <QStringList>

namespace dari {

struct WrappedText {
    QStringList lines;  // in order; an empty line for an empty paragraph
    int width = 0;      // the widest line's advance, at most the width asked for
};

// Lines of text no wider than maxWidth pixels (a newline always starts a new line).
WrappedText wrapText(const QString& text, const QFontMetrics& metrics, int maxWidth);

}  // namespace dari
