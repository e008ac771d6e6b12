#pragma once
// Packing and installing model files off the GUI thread (a 35 MB ensemble takes a second or
// two): the engine's model/bundle/model_archive, run by QtConcurrent.

#include <QFuture>
#include <QString>

namespace dari {

struct ModelFileResult {
    QString error;  // empty: it worked
    QString dir;    // the installed model's folder
    QString name, task;
    bool ok() const { return error.isEmpty(); }
};

// Installs the packed model `archive` into `folder`/NAME (replacing one of that name if
// `replace`), verified as dari models install does.
QFuture<ModelFileResult> installModelFile(const QString& archive, const QString& folder,
                                          bool replace);
// Packs the model in `dir` into `file` (dari pack).
QFuture<ModelFileResult> exportModelFile(const QString& dir, const QString& file);

}  // namespace dari
