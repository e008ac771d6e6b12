#pragma once
// Validating a corpus before training: the engine's readers (data/corpus.h) in
// skip mode, so that every problem is listed with its file and line, plus the
// statistics a user wants to see before spending minutes on training.
// No widgets: runs on a worker thread (QtConcurrent) for large files.

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include "ui/training/corpus_source.h"

namespace dari {

struct LengthStats {
    int min = 0, max = 0, median = 0;
    double mean = 0.0;
};

struct CorpusCheck {
    struct Issue {
        QString kind;     // "invalid UTF-8", "empty side", "duplicate", ...
        QString file;     // file name only
        long line = 0;    // 1-based
        QString message;  // the engine's "FILE:LINE: what is wrong", or ours for duplicates
    };

    QString error;                   // the corpus cannot be read at all (missing file, bad header)
    int validPairs = 0;              // pairs the engine accepts (duplicates included)
    int invalidPairs = 0;            // pairs skipped for a problem (with --skip-invalid)
    int duplicates = 0;              // later copies of an earlier pair (removed before training)
    int overLong = 0;                // of invalidPairs: a side longer than maxChars
    LengthStats srcChars, tgtChars;  // code points per side of the valid pairs
    QList<Issue> issues;             // problems and duplicates, in file order
    QList<QPair<QString, QString>> preview;  // the first valid pairs

    bool readable() const { return error.isEmpty(); }
    bool clean() const { return readable() && invalidPairs == 0; }
    // Pairs that training would use: valid ones minus duplicates (if removed).
    int usablePairs(bool removeDuplicates) const {
        return validPairs - (removeDuplicates ? duplicates : 0);
    }
    // "1,000 pairs; 3 invalid (2 invalid UTF-8, 1 empty side); 4 duplicates".
    QString summary() const;

    // Reads `source` with the engine's reader in skip mode. `maxChars` as
    // data.max_chars; `previewPairs` pairs are kept for the preview.
    static CorpusCheck run(const CorpusSource& source, int maxChars = 1000, int previewPairs = 20);
};

}  // namespace dari
