#include "ui/training/run_folder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include "model/training/run_state.h"

namespace dari {

QList<QJsonObject> RunFolder::events(const QString& dir) {
    QList<QJsonObject> events;
    QFile file(QDir(dir).filePath(QLatin1String(kTrainLogFile)));
    if (!file.open(QIODevice::ReadOnly)) return events;
    while (!file.atEnd()) {
        const QJsonDocument doc = QJsonDocument::fromJson(file.readLine());
        if (doc.isObject()) events.append(doc.object());
    }
    return events;
}

RunFolder RunFolder::inspect(const QString& path) {
    const RunState state = readRunState(QDir(path).absolutePath().toStdString());
    RunFolder run;
    run.dir = QDir(path).absolutePath();
    run.state = state.state;
    run.checkpointStep = state.checkpointStep;
    run.loggedStep = state.loggedStep;
    run.fineTune = state.fineTune;
    run.trainingData = QString::fromStdString(state.trainingData);
    return run;
}

QList<RunFolder> RunFolder::resumable(const QString& modelsFolder) {
    QList<RunFolder> runs;
    const QDir dir(modelsFolder);
    for (const QString& sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const RunFolder run = inspect(dir.filePath(sub));
        if (run.resumable()) runs.append(run);
    }
    return runs;
}

}  // namespace dari
