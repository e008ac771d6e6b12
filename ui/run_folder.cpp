#include "ui/run_folder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace dari {

QList<QJsonObject> RunFolder::events(const QString& dir) {
    QList<QJsonObject> events;
    QFile file(QDir(dir).filePath(QStringLiteral("train_log.jsonl")));
    if (!file.open(QIODevice::ReadOnly)) return events;
    while (!file.atEnd()) {
        const QJsonDocument doc = QJsonDocument::fromJson(file.readLine());
        if (doc.isObject()) events.append(doc.object());
    }
    return events;
}

RunFolder RunFolder::inspect(const QString& path) {
    RunFolder run;
    const QDir dir(path);
    run.dir = dir.absolutePath();
    QFile runJson(dir.filePath(QStringLiteral("run.json")));
    if (!runJson.open(QIODevice::ReadOnly)) return run;
    const QJsonObject spec = QJsonDocument::fromJson(runJson.readAll()).object();
    run.fineTune = !spec.value(QStringLiteral("init_from")).toString().isEmpty();
    run.trainingData = spec.value(QStringLiteral("train")).toObject().value(QStringLiteral("path")).toString();
    run.state = State::NotStarted;
    bool done = false;
    qint64 pending = -1;
    for (const QJsonObject& e : events(path)) {
        const QString kind = e.value(QStringLiteral("event")).toString();
        const qint64 step = e.value(QStringLiteral("step")).toVariant().toLongLong();
        if (e.contains(QStringLiteral("step"))) run.loggedStep = step;
        // checkpoint.pt is written right after a validation event (a later event
        // confirms it) and before an interrupted or finished run exits.
        if (pending >= 0 && kind != QLatin1String("validation")) run.checkpointStep = pending;
        pending = kind == QLatin1String("validation") ? step : -1;
        if (kind == QLatin1String("interrupted") || kind == QLatin1String("resume") || kind == QLatin1String("done"))
            run.checkpointStep = step;
        if (kind == QLatin1String("done")) done = true;
        if (kind == QLatin1String("resume") || kind == QLatin1String("start")) done = false;
    }
    if (done) run.state = State::Finished;
    else if (dir.exists(QStringLiteral("checkpoint.pt"))) run.state = State::Interrupted;
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

