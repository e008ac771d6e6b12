#pragma once
// Training a default model from the window (the welcome page): the recipe ./run.sh uses
// (configs/ko-en.yaml, configs/chat-ko.yaml; installed into /usr/share/dari/configs) on the
// public corpora its data.corpora lists (data/corpus_sources.h), found in DARI_DATA, the folder
// the user picked, or the source tree's ../shared/data.

#include <QString>
#include <QStringList>

#include "ui/training/training_plan.h"

namespace dari {

struct DefaultModel {
    QString name;    // ko-en | chat-ko
    QString corpus;  // its main corpus's folder (a recipe without data.corpora trains on it)
    QString task;
};

DefaultModel defaultModelFor(const QString& task);

// Where recipes are looked for: the source tree's configs/ when running from its build
// folder, then DIR/dari/configs for each of $XDG_DATA_DIRS.
QStringList recipeFolders();
QString findRecipe(const QString& name);  // empty: none

// The corpora folder: $DARI_DATA, else `chosen` (the user's pick, remembered), else the source
// tree's ../shared/data; empty if none of them exists.
QString findCorporaFolder(const QString& chosen);

// `model`'s corpus in `corporaFolder`: its train.tsv and dev.tsv; false with `error` (what is
// missing, and where the corpus comes from) when they are not there.
bool defaultCorpus(const DefaultModel& model, const QString& corporaFolder, QString* train,
                   QString* dev, QString* error);

// The corpus folders a recipe's data.corpora names ("korsts-ko-en"), train and dev; empty for a
// recipe that names none (or cannot be read).
QStringList recipeCorpora(const QString& recipe);

// The plan that trains `model` with its recipe into `modelsFolder`; false with `error` (which
// says what is missing) if the recipe or a corpus cannot be found.
bool defaultModelPlan(const DefaultModel& model, const QString& corporaFolder,
                      const QString& modelsFolder, TrainingPlan* plan, QString* error);

// `dari calibrate`'s dev sets for a default model: its recipe's (--data-dir), else its main
// corpus's dev.tsv.
QStringList defaultDevArguments(const DefaultModel& model, const QString& corporaFolder);

}  // namespace dari
