#pragma once
// Everything the Import corpus wizard decided, turned into one `dari train` call.

#include <QString>
#include <QStringList>

#include "ui/training/corpus_source.h"
#include "ui/training/training_settings.h"

namespace dari {

struct TrainingPlan {
    CorpusSource train;
    QList<CorpusSource> more;  // further training corpora (TSV), mixed in by their weights
    CorpusSource dev;          // empty: `dari train` splits a dev set off `train`
    TrainingSettings settings;
    QString recipe;    // a config file (configs/ko-en.yaml): its settings instead of `settings`'s
    QString dataDir;   // where the recipe's data.corpora are (then `train` and `dev` stay empty)
    QString outDir;    // the new bundle's folder, under the models folder
    QString initFrom;  // non-empty: fine-tune this bundle on the new data
    bool skipInvalid = false;      // skip the pairs the report listed (--skip-invalid)
    bool removeDuplicates = true;  // data.deduplicate
    QStringList extra;             // further `dari train` options (--threads 1, --seed 2, ...)

    bool fineTune() const { return !initFrom.isEmpty(); }
    // The options after `dari train` (without --json): corpora, settings, --out,
    // --init-from. Creates outDir and links aligned files into outDir/corpus first. False with
    // `error`.
    bool arguments(QStringList* args, QString* error) const;
    // A folder name under `modelsFolder` that does not exist yet: "<base>", "<base>-2", ...
    static QString freeFolder(const QString& modelsFolder, const QString& base);
};

}  // namespace dari
