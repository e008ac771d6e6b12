#include "ui/chat/bubble_text.h"

#include <QTextBoundaryFinder>

namespace dari {

namespace {

// Splits a word wider than maxWidth at grapheme boundaries into pieces that fit; the last
// piece is returned (it may share its line with the words after it), the others appended.
QString breakWord(const QString& word, const QFontMetrics& fm, int maxWidth, QStringList& lines) {
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, word);
    QString piece;
    int start = 0;
    for (int end = graphemes.toNextBoundary(); end > 0; end = graphemes.toNextBoundary()) {
        const QString grown = piece + word.mid(start, end - start);
        if (!piece.isEmpty() && fm.horizontalAdvance(grown) > maxWidth) {
            lines << piece;
            piece = word.mid(start, end - start);
        } else {
            piece = grown;
        }
        start = end;
    }
    return piece;
}

void wrapParagraph(const QString& paragraph, const QFontMetrics& fm, int maxWidth,
                   QStringList& lines) {
    const QStringList words = paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const int space = fm.horizontalAdvance(QLatin1Char(' '));
    QString line;
    int lineWidth = 0;
    for (const QString& word : words) {
        const int w = fm.horizontalAdvance(word);
        if (!line.isEmpty() && lineWidth + space + w <= maxWidth) {
            line += QLatin1Char(' ') + word;
            lineWidth += space + w;
            continue;
        }
        if (!line.isEmpty()) lines << line;
        line = w <= maxWidth ? word : breakWord(word, fm, maxWidth, lines);
        lineWidth = fm.horizontalAdvance(line);
    }
    lines << line;  // an empty paragraph keeps its empty line
}

}  // namespace

WrappedText wrapText(const QString& text, const QFontMetrics& metrics, int maxWidth) {
    WrappedText wrapped;
    QString normal = text;
    normal.remove(QLatin1Char('\r'));
    normal.replace(QLatin1Char('\t'), QLatin1Char(' '));
    normal.replace(QChar::LineSeparator, QLatin1Char('\n'));
    for (const QString& paragraph : normal.split(QLatin1Char('\n')))
        wrapParagraph(paragraph, metrics, std::max(1, maxWidth), wrapped.lines);
    for (const QString& line : wrapped.lines)
        wrapped.width = std::max(wrapped.width, metrics.horizontalAdvance(line));
    wrapped.width = std::min(wrapped.width, std::max(1, maxWidth));
    return wrapped;
}

}  // namespace dari
