#include "ui/training/training_plan.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace dari {

bool TrainingPlan::arguments(QStringList* args, QString* error) const {
    QStringList a;
    if (!QDir().mkpath(outDir)) {
        *error = QCoreApplication::translate("dari::TrainingPlan", "Cannot create the folder %1.")
                     .arg(outDir);
        return false;
    }
    const QString links = QDir(outDir).filePath(QStringLiteral("corpus"));
    if (!train.isEmpty() && !train.arguments(QStringLiteral("--train"), links, &a, error))
        return false;
    for (const CorpusSource& corpus : more)
        if (!corpus.arguments(QStringLiteral("--train"), links, &a, error)) return false;
    if (!dev.isEmpty() && !dev.arguments(QStringLiteral("--dev"), links, &a, error)) return false;
    if (!recipe.isEmpty()) {
        a << QStringLiteral("--config") << QFileInfo(recipe).absoluteFilePath();
        if (!dataDir.isEmpty()) a << QStringLiteral("--data-dir") << dataDir;
    } else {
        a << settings.arguments(fineTune());
        a << QStringLiteral("--set")
          << QStringLiteral("data.deduplicate=%1").arg(removeDuplicates ? "true" : "false");
    }
    if (skipInvalid) a << QStringLiteral("--skip-invalid");
    a << extra;
    if (fineTune()) a << QStringLiteral("--init-from") << QFileInfo(initFrom).absoluteFilePath();
    a << QStringLiteral("--out") << QFileInfo(outDir).absoluteFilePath();
    *args = a;
    return true;
}

QString TrainingPlan::freeFolder(const QString& modelsFolder, const QString& base) {
    const QDir dir(modelsFolder);
    QString name = base.isEmpty() ? QStringLiteral("my-model") : base;
    for (int n = 2; dir.exists(name); ++n)
        name = QStringLiteral("%1-%2").arg(base).arg(n);
    return dir.filePath(name);
}

}  // namespace dari
