#include "ui/training/corpus_check.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QLocale>

#include <algorithm>
#include <map>
#include <vector>

#include "data/utf8.h"

namespace dari {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("dari::CorpusCheck", text);
}

LengthStats statsOf(std::vector<int> lengths) {
    LengthStats s;
    if (lengths.empty()) return s;
    std::sort(lengths.begin(), lengths.end());
    s.min = lengths.front();
    s.max = lengths.back();
    s.median = lengths[lengths.size() / 2];
    double sum = 0;
    for (int n : lengths)
        sum += n;
    s.mean = sum / static_cast<double>(lengths.size());
    return s;
}

void addProblems(CorpusCheck& check, const Corpus& corpus) {
    for (const Problem& p : corpus.problems)
        check.issues.append({QString::fromUtf8(kindName(p.kind)),
                             QFileInfo(QString::fromStdString(p.file)).fileName(), p.line,
                             QString::fromStdString(p.message)});
    for (const auto& [kind, count] : corpus.skipped) {
        check.invalidPairs += static_cast<int>(count);
        if (kind == Problem::Kind::TooLong) check.overLong += static_cast<int>(count);
    }
}

// Exact duplicates of an earlier pair, found among the pairs the reader returned.
void addDuplicates(CorpusCheck& check, const Corpus& corpus, const QString& file) {
    QHash<QString, long> firstLine;
    for (const SentencePair& p : corpus.pairs) {
        const QString key =
            QString::fromStdString(p.source) + QLatin1Char('\t') + QString::fromStdString(p.target);
        const auto it = firstLine.constFind(key);
        if (it == firstLine.constEnd()) {
            firstLine.insert(key, p.line);
            continue;
        }
        ++check.duplicates;
        // Spelled out: lupdate gives a free function's tr() the namespace's context.
        check.issues.append(
            {QCoreApplication::translate("dari::CorpusCheck", "duplicate"), file, p.line,
             QCoreApplication::translate("dari::CorpusCheck", "%1:%2: the same pair as line %3")
                 .arg(file)
                 .arg(p.line)
                 .arg(*it)});
    }
}

}  // namespace

CorpusCheck CorpusCheck::run(const CorpusSource& source, int maxChars, int previewPairs) {
    CorpusCheck check;
    ReadOptions options;
    options.skipInvalid = true;
    options.maxChars = static_cast<std::size_t>(std::max(0, maxChars));
    options.deduplicate = false;  // found below, with line numbers
    Corpus corpus;
    try {
        corpus = source.read(options);
    } catch (const std::exception& e) {
        check.error = QString::fromStdString(e.what());
        return check;
    }
    check.validPairs = static_cast<int>(corpus.pairs.size());
    addProblems(check, corpus);
    addDuplicates(check, corpus, QFileInfo(source.path).fileName());
    std::stable_sort(check.issues.begin(), check.issues.end(),
                     [](const Issue& a, const Issue& b) { return a.line < b.line; });
    std::vector<int> src, tgt;
    for (const SentencePair& p : corpus.pairs) {
        src.push_back(static_cast<int>(codepointCount(p.source)));
        tgt.push_back(static_cast<int>(codepointCount(p.target)));
        if (check.preview.size() < previewPairs)
            check.preview.append(
                {QString::fromStdString(p.source), QString::fromStdString(p.target)});
    }
    check.srcChars = statsOf(std::move(src));
    check.tgtChars = statsOf(std::move(tgt));
    if (check.validPairs == 0 && check.error.isEmpty() && check.invalidPairs == 0)
        check.error = tr("%1 holds no sentence pairs").arg(source.displayName());
    return check;
}

QString CorpusCheck::summary() const {
    if (!readable()) return error;
    const QLocale locale;
    QString text = tr("%1 valid pairs").arg(locale.toString(validPairs));
    if (invalidPairs > 0) text += tr("; %1 invalid").arg(locale.toString(invalidPairs));
    if (overLong > 0) text += tr(" (%1 over-long)").arg(locale.toString(overLong));
    if (duplicates > 0) text += tr("; %1 duplicates").arg(locale.toString(duplicates));
    return text;
}

}  // namespace dari
