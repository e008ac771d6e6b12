#include "ui/training/default_model_plan.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include "data/corpus_sources.h"
#include "model/bundle/config.h"
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

namespace {

std::vector<CorpusEntry> corporaOf(const QString& recipe) {
    try {
        return Config::load(recipe.toStdString()).data.corpora;
    } catch (const std::exception&) {
        return {};  // the run itself says what is wrong with the recipe
    }
}

// "The corpus korsts-ko-en (train.tsv) is not in FOLDER. It comes from ORIGIN."
QString missingCorpus(const QString& file, const QString& corporaFolder) {
    const QString folder = QFileInfo(file).dir().dirName();
    const KnownCorpus* known = knownCorpusOf(file.toStdString());
    return QCoreApplication::translate("dari::DefaultModelPlan",
                                       "The corpus %1 (%2) is not in %3. It comes from %4.")
        .arg(folder, QFileInfo(file).fileName(),
             corporaFolder.isEmpty()
                 ? QCoreApplication::translate("dari::DefaultModelPlan", "any corpora folder")
                 : corporaFolder,
             known ? QString::fromStdString(known->origin) : QStringLiteral("?"));
}

}  // namespace

QStringList recipeCorpora(const QString& recipe) {
    QStringList folders;
    for (const CorpusEntry& entry : corporaOf(recipe))
        for (const std::string& file : {entry.train, entry.dev})
            if (!file.empty()) {
                const QString folder = QFileInfo(QString::fromStdString(file)).dir().dirName();
                if (!folders.contains(folder)) folders << folder;
            }
    return folders;
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
    TrainingPlan p;
    p.recipe = recipe;
    const auto corpora = corporaOf(recipe);
    if (corpora.empty()) {  // a recipe for one corpus: the model's own
        QString train, dev;
        if (!defaultCorpus(model, corporaFolder, &train, &dev, error)) return false;
        p.train.path = train;
        p.dev.path = dev;
    } else {
        for (const CorpusEntry& entry : corpora)
            for (const std::string& file : {entry.train, entry.dev}) {
                const QString path = QDir(corporaFolder).filePath(QString::fromStdString(file));
                if (file.empty() || (!corporaFolder.isEmpty() && QFileInfo::exists(path))) continue;
                *error = missingCorpus(path, corporaFolder);
                return false;
            }
        p.dataDir = corporaFolder;
    }
    p.settings.task = model.task;
    p.outDir = TrainingPlan::freeFolder(modelsFolder, model.name);
    *plan = p;
    return true;
}

QStringList defaultDevArguments(const DefaultModel& model, const QString& corporaFolder) {
    if (!corporaOf(findRecipe(model.name)).empty())
        return {QStringLiteral("--data-dir"), corporaFolder};
    return {QStringLiteral("--dev"),
            QDir(corporaFolder).filePath(model.corpus + QStringLiteral("/dev.tsv"))};
}

}  // namespace dari
