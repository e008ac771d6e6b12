#pragma once
// What training's cleaning (data/corpus_cleaning.h) will take out of the corpora the wizard was
// given, before any training starts: the engine's own rules on the pairs its readers accept.
// No widgets: runs on the report page's worker thread.

#include <QList>
#include <QString>

#include "data/corpus_cleaning.h"
#include "ui/training/corpus_source.h"

namespace dari {

struct CleaningPreview {
    QList<CleanReport> reports;  // one per training corpus, in order
    QStringList warnings;        // rules that drop more than data.clean_warn_share of a corpus
    bool sameLanguage = false;   // sources and targets both Korean: chat, no translation rules

    // Runs the rules as `dari train` will: duplicates across the corpora, the dev set's sources
    // dropped. Unreadable corpora are left out (the report page says why).
    static CleaningPreview run(const QList<CorpusSource>& train, const CorpusSource& dev);
    // "kept 11,856 of 11,921 (24 near duplicate, 22 in a dev set, ...)".
    static QString summary(const CleanReport& report);
    // A rule's name (data/corpus_cleaning.h's ruleName, as cleaning.json spells it) in the
    // interface's language.
    static QString ruleLabel(const QString& ruleName);
    // "korsts-ko-en: 'length ratio' dropped 23% of its pairs (2,760 of 11,921)".
    static QString warning(const QString& corpus, const QString& ruleName, qint64 dropped,
                           qint64 read);
};

}  // namespace dari
