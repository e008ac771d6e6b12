#pragma once
// A corpus the user picked: one TSV or CSV file, or two aligned files. Knows how
// to read it with the engine's readers and how to name it to `dari train`.

#include <QString>
#include <QStringList>

#include "data/corpus.h"

namespace dari {

struct CorpusSource {
    enum class Format { Tsv, Csv, Aligned };
    Format format = Format::Tsv;
    QString path{};                    // TSV or CSV file; the source-side file when aligned
    QString targetPath{};              // aligned only: the target-side file
    QString srcColumn{}, tgtColumn{};  // CSV only (empty: the first two columns)
    double weight = 1.0;  // training corpora: its share of each epoch (data/corpus_mix.h)

    bool isEmpty() const { return path.isEmpty(); }
    // Guesses the format from the file name (.csv, .tsv, otherwise aligned).
    static Format guessFormat(const QString& path);
    // Reads with data/corpus.h (readTsv, readCsv or readAligned); throws as they do.
    Corpus read(const ReadOptions& options) const;
    // The header fields of a CSV file (the engine's CSV parser on its start).
    static QStringList csvHeader(const QString& path);
    // "file.tsv" or "a.ko + b.en", for reports.
    QString displayName() const;

    // Arguments for `dari train`: `--train X[:WEIGHT] [--columns A,B]` (or `--dev X`).
    // `dari train` reads aligned files as PREFIX.SRC + PREFIX.TGT, so they are
    // linked as `linkDir/<role>.src` and `.tgt` first (`--langs src,tgt` is added;
    // the plan sets the real language codes). False with `error` if linking fails.
    bool arguments(const QString& option, const QString& linkDir, QStringList* args,
                   QString* error) const;
};

}  // namespace dari
