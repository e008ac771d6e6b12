#include "ui/training/default_model_plan.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include "data/corpus_sources.h"
#include "model/bundle/model_locations.h"

namespace dari {

namespace {

QString sourceTree() {
    return QString::fromStdString(sourceTreeFolder());
}

}  // namespace

DefaultModel defaultModelFor(const QString& task) {
    if (task == QLatin1String("chat"))
        return {QStringLiteral("chat-ko"), QStringLiteral("chatbot-ko"), task};
    return {QStringLiteral("ko-en"), QStringLiteral("tatoeba-ko-en"), QStringLiteral("translate")};
}

QStringList recipeFolders() {
    QStringList folders;
    if (!sourceTree().isEmpty()) folders << QDir(sourceTree()).filePath(QStringLiteral("configs"));
    for (const std::string& dir : xdgDataDirs())
        folders << QDir(QString::fromStdString(dir)).filePath(QStringLiteral("dari/configs"));
    return folders;
}

QString findRecipe(const QString& name) {
    for (const QString& folder : recipeFolders()) {
        const QString file = QDir(folder).filePath(name + QStringLiteral(".yaml"));
        if (QFileInfo::exists(file)) return file;
    }
    return {};
}

QString findCorporaFolder(const QString& chosen) {
    const QString tree = sourceTree().isEmpty()
                             ? QString()
                             : QDir::cleanPath(sourceTree() + QStringLiteral("/../shared/data"));
    for (const QString& folder : {QString::fromStdString(corporaFolder("")), chosen, tree})
        if (!folder.isEmpty() && QFileInfo(folder).isDir()) return QDir(folder).absolutePath();
    return {};
}

bool defaultCorpus(const DefaultModel& model, const QString& corporaFolder, QString* train,
                   QString* dev, QString* error) {
    const QDir corpus(QDir(corporaFolder).filePath(model.corpus));
    *train = corpus.filePath(QStringLiteral("train.tsv"));
    *dev = corpus.filePath(QStringLiteral("dev.tsv"));
    if (!corporaFolder.isEmpty() && QFileInfo::exists(*train) && QFileInfo::exists(*dev))
        return true;
    QString origin;
    for (const KnownCorpus& c : knownCorpora())
        if (QString::fromStdString(c.folder) == model.corpus)
            origin = QString::fromStdString(c.origin);
    // Spelled out (not a lambda called tr) so that lupdate files them under this context.
    *error = QCoreApplication::translate(
                 "dari::DefaultModelPlan",
                 "The corpus %1 (train.tsv and dev.tsv) is not in %2. It comes from %3.")
                 .arg(model.corpus,
                      corporaFolder.isEmpty() ? QCoreApplication::translate(
                                                    "dari::DefaultModelPlan", "any corpora folder")
                                              : corporaFolder,
                      origin);
    return false;
}

bool defaultModelPlan(const DefaultModel& model, const QString& corporaFolder,
                      const QString& modelsFolder, TrainingPlan* plan, QString* error) {
    const QString recipe = findRecipe(model.name);
    if (recipe.isEmpty()) {
        *error = QCoreApplication::translate("dari::DefaultModelPlan",
                                             "The recipe %1.yaml is in none of %2.")
                     .arg(model.name, recipeFolders().join(QStringLiteral(", ")));
        return false;
    }
    QString train, dev;
    if (!defaultCorpus(model, corporaFolder, &train, &dev, error)) return false;
    TrainingPlan p;
    p.recipe = recipe;
    p.train.path = train;
    p.dev.path = dev;
    p.settings.task = model.task;
    p.outDir = TrainingPlan::freeFolder(modelsFolder, model.name);
    *plan = p;
    return true;
}

}  // namespace dari
