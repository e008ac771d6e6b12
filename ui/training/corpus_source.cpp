#include "ui/training/corpus_source.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "data/csv.h"

namespace dari {

CorpusSource::Format CorpusSource::guessFormat(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv")) return Format::Csv;
    if (suffix == QLatin1String("tsv")) return Format::Tsv;
    return Format::Aligned;
}

Corpus CorpusSource::read(const ReadOptions& options) const {
    switch (format) {
        case Format::Tsv:
            return readTsv(path.toStdString(), options);
        case Format::Csv:
            return readCsv(path.toStdString(), srcColumn.toStdString(), tgtColumn.toStdString(),
                           options);
        case Format::Aligned:
            return readAligned(path.toStdString(), targetPath.toStdString(), options);
    }
    return {};
}

QStringList CorpusSource::csvHeader(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QByteArray start = file.read(1 << 16);
    const int end = start.indexOf('\n');  // the header is the first line (a quoted newline is rare)
    if (end >= 0) start.truncate(end + 1);
    const auto records =
        parseCsv(std::string_view(start.constData(), static_cast<std::size_t>(start.size())));
    QStringList names;
    if (!records.empty())
        for (const auto& field : records.front().fields)
            names << QString::fromStdString(field).trimmed();
    return names;
}

QString CorpusSource::displayName() const {
    if (format != Format::Aligned) return QFileInfo(path).fileName();
    return QStringLiteral("%1 + %2").arg(QFileInfo(path).fileName(),
                                         QFileInfo(targetPath).fileName());
}

bool CorpusSource::arguments(const QString& option, const QString& linkDir, QStringList* args,
                             QString* error) const {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString weighted = weight == 1.0 || option != QLatin1String("--train")
                                 ? QString()
                                 : QLatin1Char(':') + QString::number(weight);
    if (format != Format::Aligned) {
        *args << option << absolute + weighted;
        if (format == Format::Csv && !srcColumn.isEmpty() && !tgtColumn.isEmpty())
            *args << QStringLiteral("--columns") << srcColumn + QLatin1Char(',') + tgtColumn;
        return true;
    }
    const QString prefix = QDir(linkDir).filePath(option.mid(2));  // linkDir/train or linkDir/dev
    const QString src = prefix + QStringLiteral(".src"), tgt = prefix + QStringLiteral(".tgt");
    QFile::remove(src);
    QFile::remove(tgt);
    if (!QDir().mkpath(linkDir) || !QFile::link(absolute, src) ||
        !QFile::link(QFileInfo(targetPath).absoluteFilePath(), tgt)) {
        *error =
            QCoreApplication::translate("CorpusSource", "cannot link the aligned files into %1")
                .arg(linkDir);
        return false;
    }
    *args << option << prefix + weighted << QStringLiteral("--langs") << QStringLiteral("src,tgt");
    return true;
}

}  // namespace dari
