#include "ui/models/model_file_jobs.h"

#include <QDir>
#include <QtConcurrent>

#include "model/bundle/model_archive.h"

namespace dari {

QFuture<ModelFileResult> installModelFile(const QString& archive, const QString& folder,
                                          bool replace) {
    return QtConcurrent::run([archive, folder, replace] {
        ModelFileResult result;
        try {
            UnpackOptions options;
            options.replace = replace;
            const ModelCard card =
                installModel(archive.toStdString(), folder.toStdString(), options);
            result.name = QString::fromStdString(card.name);
            result.task = QString::fromStdString(card.task);
            result.dir = QDir(folder).absoluteFilePath(result.name);
        } catch (const std::exception& e) {
            result.error = QString::fromUtf8(e.what());
        }
        return result;
    });
}

QFuture<ModelFileResult> exportModelFile(const QString& dir, const QString& file) {
    return QtConcurrent::run([dir, file] {
        ModelFileResult result;
        try {
            const ModelCard card = packModel(dir.toStdString(), file.toStdString());
            result.name = QString::fromStdString(card.name);
            result.task = QString::fromStdString(card.task);
            result.dir = dir;
        } catch (const std::exception& e) {
            result.error = QString::fromUtf8(e.what());
        }
        return result;
    });
}

}  // namespace dari
