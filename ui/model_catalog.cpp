#include "ui/model_catalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSet>
#include <algorithm>

#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>

#include "model/bundle/bundle.h"
#include "model/bundle/config.h"
#include "model/bundle/model_locations.h"
#include "ui/training/run_folder.h"

namespace dari {

namespace {

// DIR/meta.json read with the engine's BundleMeta (its keys are written once, there); the
// window's own words for a missing or corrupt file.
std::optional<BundleMeta> readMeta(const QDir& dir, QString* error) {
    QFile file(dir.filePath(QStringLiteral("meta.json")));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("ModelCatalog", "%1 is missing")
                     .arg(QStringLiteral("meta.json"));
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    try {
        return BundleMeta::fromJson(nlohmann::json::parse(bytes.constBegin(), bytes.constEnd()));
    } catch (const std::exception& e) {
        *error = QCoreApplication::translate("ModelCatalog", "%1 is corrupt (%2)")
                     .arg(QStringLiteral("meta.json"), QString::fromUtf8(e.what()));
        return std::nullopt;
    }
}

}  // namespace

QString ModelInfo::shortLabel() const {
    if (!valid()) return QCoreApplication::translate("ModelCatalog", "%1 (unusable)").arg(name);
    const QString networks =
        members > 1 ? QStringLiteral("%1 ×%2").arg(cell.toUpper()).arg(members) : cell.toUpper();
    return QCoreApplication::translate("ModelCatalog", "%1 (%2, %3 M params, BLEU %4)%5")
        .arg(name, networks)
        .arg(parameters / 1e6, 0, 'f', 1)
        .arg(devBleu, 0, 'f', 1)
        .arg(unfinished ? QCoreApplication::translate("ModelCatalog", " — training unfinished")
                        : QString());
}

QString ModelInfo::taskText() const {
    auto tr = [](const char* s) { return QCoreApplication::translate("dari::ModelInfo", s); };
    if (task == QLatin1String("chat")) return tr("Chat");
    if (task == QLatin1String("classify")) return tr("Classify");
    return tr("Translate");
}

QString ModelInfo::languagesText() const {
    return task == QLatin1String("classify") ? srcLang
                                             : QStringLiteral("%1 → %2").arg(srcLang, tgtLang);
}

QString ModelInfo::summaryHtml() const {
    // lupdate files a member function's tr() strings under its class.
    auto tr = [](const char* s) { return QCoreApplication::translate("dari::ModelInfo", s); };
    QString html = QStringLiteral("<h3>%1</h3>").arg(name.toHtmlEscaped());
    html += QStringLiteral("<p><i>%1</i></p>").arg(dir.toHtmlEscaped());
    if (!valid())
        return html +
               QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Unusable:"), error.toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=4>");
    auto row = [&](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k, v.toHtmlEscaped());
    };
    row(tr("Task"), taskText());
    row(tr("Languages"), languagesText());
    row(tr("Cell"), QStringLiteral("%1, attention %2").arg(cell.toUpper(), attention));
    if (members > 1)
        row(tr("Ensemble"),
            tr("%1 networks; their probabilities are averaged at every word").arg(members));
    row(tr("Size"), tr("embedding %1, encoder %2, decoder %3; %4 parameters")
                        .arg(embedding)
                        .arg(encoderHidden)
                        .arg(decoderHidden)
                        .arg(QLocale().toString(parameters)));
    row(tr("Dev BLEU"),
        QStringLiteral("%1 (chrF %2)").arg(devBleu, 0, 'f', 2).arg(devChrf, 0, 'f', 2));
    row(tr("Training data"),
        tr("%1 pairs, %2 epochs%3")
            .arg(QLocale().toString(trainPairs))
            .arg(epochs, 0, 'f', 1)
            .arg(trainingData.isEmpty() ? QString() : QStringLiteral(" — ") + trainingData));
    row(tr("Created"), created);
    html += QStringLiteral("</table>");
    return html;
}

QString ModelCatalog::modelsFolder(const QString& configured) {
    if (!configured.isEmpty()) return QDir(configured).absolutePath();
    const QString env = qEnvironmentVariable("DARI_MODELS");
    if (!env.isEmpty()) return QDir(env).absolutePath();
    const QString source = QString::fromStdString(sourceTreeModelsFolder());
    if (!source.isEmpty()) return source;
    return QDir(QString::fromStdString(userModelsFolder())).absolutePath();
}

QStringList ModelCatalog::searchPath(const QString& configured) {
    QStringList folders{modelsFolder(configured)};
    for (const std::string& folder : modelSearchPath()) {
        const QString clean = QDir(QString::fromStdString(folder)).absolutePath();
        if (!folders.contains(clean)) folders.append(clean);
    }
    return folders;
}

QList<ModelInfo> ModelCatalog::scanAll(const QString& configured) {
    QList<ModelInfo> models;
    QSet<QString> names;
    for (const QString& folder : searchPath(configured))
        for (const ModelInfo& model : scan(folder))
            if (!names.contains(model.name)) {
                names.insert(model.name);
                models.append(model);
            }
    std::sort(models.begin(), models.end(),
              [](const ModelInfo& a, const ModelInfo& b) { return a.name < b.name; });
    return models;
}

ModelInfo ModelCatalog::inspect(const QString& dirPath) {
    ModelInfo info;
    const QDir dir(dirPath);
    info.dir = dir.absolutePath();
    info.name = dir.dirName();
    if (!dir.exists()) {
        info.error = QCoreApplication::translate("ModelCatalog", "the folder does not exist");
        return info;
    }
    const std::optional<BundleMeta> meta = readMeta(dir, &info.error);
    if (!meta) return info;
    info.task = QString::fromStdString(meta->task);
    info.srcLang = QString::fromStdString(meta->srcLang);
    info.tgtLang = QString::fromStdString(meta->tgtLang);
    info.parameters = meta->parameters;
    info.members = static_cast<int>(meta->members);
    info.devBleu = meta->devBleu;
    info.devChrf = meta->devChrf;
    info.epochs = meta->epochs;
    info.trainPairs = meta->trainPairs;
    info.created = QString::fromStdString(meta->created);
    const bool classify = info.task == QLatin1String("classify");  // Learn mode and the manager
    if (info.task != QLatin1String("translate") && info.task != QLatin1String("chat") &&
        !classify) {
        info.error =
            QCoreApplication::translate("ModelCatalog", "meta.json names an unknown task \"%1\"")
                .arg(info.task);
        return info;
    }
    try {
        const Config config =
            Config::load(dir.filePath(QStringLiteral("config.yaml")).toStdString());
        info.cell = QString::fromStdString(config.model.architecture == "transformer"
                                               ? config.model.architecture
                                               : config.model.cell);
        info.attention = QString::fromStdString(config.model.attention);
        info.embedding = config.model.embeddingSize;
        info.encoderHidden = config.model.encoderHidden;
        info.decoderHidden = config.model.decoderHidden;
    } catch (const std::exception& e) {
        info.error = QString::fromStdString(e.what());
        return info;
    }
    QStringList files{QString::fromStdString(memberFileName(1)), QStringLiteral("src.spm")};
    if (!classify) files << QStringLiteral("tgt.spm");  // a classifier reads, it does not write
    for (int m = 2; m <= info.members; ++m)
        files << QString::fromStdString(memberFileName(m));
    for (const QString& file : files) {
        if (!dir.exists(file)) {
            info.error = QCoreApplication::translate("ModelCatalog", "%1 is missing").arg(file);
            return info;
        }
    }
    const RunFolder run = RunFolder::inspect(info.dir);
    info.unfinished =
        run.state == RunFolder::State::NotStarted || run.state == RunFolder::State::Interrupted;
    if (!run.trainingData.isEmpty()) info.trainingData = QFileInfo(run.trainingData).fileName();
    return info;
}

QList<ModelInfo> ModelCatalog::scan(const QString& folder) {
    QList<ModelInfo> models;
    const QDir dir(folder);
    for (const QString& sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (!QFileInfo::exists(dir.filePath(sub + QStringLiteral("/meta.json")))) continue;
        models.append(inspect(dir.filePath(sub)));
    }
    return models;
}

ModelInfo ModelCatalog::defaultFor(const QList<ModelInfo>& models, const QString& task) {
    const QString preferred =
        task == QLatin1String("chat") ? QStringLiteral("chat-ko") : QStringLiteral("ko-en");
    const auto usable = [&](const ModelInfo& m) {
        return m.valid() && m.task == task && !m.unfinished;
    };
    for (const auto& m : models)
        if (m.name == preferred && usable(m)) return m;
    for (const auto& m : models)
        if (usable(m)) return m;
    return {};
}

}  // namespace dari
