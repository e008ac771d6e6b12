#include "ui/training/corpus_cleaning_preview.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

#include <map>
#include <string>

#include "data/corpus_sources.h"
#include "data/script.h"
#include "model/bundle/config.h"

namespace dari {

namespace {

// Korean on both sides (a chatbot's questions and replies): the rules for two languages
// (copies, the target's script, length ratios) do not apply.
bool bothKorean(const std::vector<SentencePair>& pairs) {
    size_t both = 0, seen = 0;
    for (size_t i = 0; i < pairs.size() && seen < 200; i += 1 + pairs.size() / 200, ++seen)
        both += dominantScript(pairs[i].source) == Script::Hangul &&
                dominantScript(pairs[i].target) == Script::Hangul;
    return seen > 0 && 2 * both > seen;
}

std::vector<SentencePair> readable(const CorpusSource& source) {
    ReadOptions options;
    options.skipInvalid = true;
    options.maxChars = 0;  // too long is a cleaning rule
    try {
        return source.read(options).pairs;
    } catch (const std::exception&) {
        return {};
    }
}

}  // namespace

CleaningPreview CleaningPreview::run(const QList<CorpusSource>& train, const CorpusSource& dev) {
    CleaningPreview preview;
    QList<std::vector<SentencePair>> corpora;
    for (const CorpusSource& source : train)
        corpora.append(readable(source));
    preview.sameLanguage = !corpora.isEmpty() && bothKorean(corpora.front());
    const DataConfig defaults;
    CleanOptions options;
    options.translation = !preview.sameLanguage;
    options.tgtLang = preview.sameLanguage ? "ko" : defaults.tgtLang;
    options.maxChars = static_cast<std::size_t>(defaults.maxChars);
    options.maxLengthRatio = defaults.cleanLengthRatio;
    CorpusCleaner cleaner(options);
    if (!dev.isEmpty()) cleaner.addDevSources(readable(dev));
    std::map<std::string, int> seen;  // two corpora of one name are told apart, as dari train does
    for (int i = 0; i < train.size(); ++i) {
        std::string name = corpusName(train[i].path.toStdString());
        if (const int n = ++seen[name]; n > 1) name += " (" + std::to_string(n) + ")";
        CleanReport report;
        cleaner.clean(name, corpora[i], report);
        for (const auto& [rule, count] : report.dropped)
            if (count > defaults.cleanWarnShare * report.read)
                preview.warnings << warning(QString::fromStdString(report.corpus),
                                            QString::fromUtf8(ruleName(rule)), qint64(count),
                                            qint64(report.read));
        preview.reports.append(report);
    }
    return preview;
}

QString CleaningPreview::ruleLabel(const QString& name) {
    // The engine's names (data/corpus_cleaning.cpp), marked for translation here.
    static const char* const labels[][2] = {
        {"markup without text", QT_TRANSLATE_NOOP("CleaningPreview", "markup without text")},
        {"too long", QT_TRANSLATE_NOOP("CleaningPreview", "too long")},
        {"target = source", QT_TRANSLATE_NOOP("CleaningPreview", "target = source")},
        {"source in another script",
         QT_TRANSLATE_NOOP("CleaningPreview", "source in another script")},
        {"target in another script",
         QT_TRANSLATE_NOOP("CleaningPreview", "target in another script")},
        {"length ratio", QT_TRANSLATE_NOOP("CleaningPreview", "length ratio")},
        {"duplicate", QT_TRANSLATE_NOOP("CleaningPreview", "duplicate")},
        {"near duplicate", QT_TRANSLATE_NOOP("CleaningPreview", "near duplicate")},
        {"in a dev set", QT_TRANSLATE_NOOP("CleaningPreview", "in a dev set")},
        {"over max_pieces", QT_TRANSLATE_NOOP("CleaningPreview", "over max_pieces")},
    };
    for (const auto& [engine, label] : labels)
        if (name == QLatin1String(engine))
            return QCoreApplication::translate("CleaningPreview", label);
    return name;
}

QString CleaningPreview::warning(const QString& corpus, const QString& rule, qint64 dropped,
                                 qint64 read) {
    const QLocale locale;
    return QCoreApplication::translate("CleaningPreview",
                                       "%1: '%2' dropped %3% of its pairs (%4 of %5)")
        .arg(corpus, ruleLabel(rule))
        .arg(read > 0 ? 100 * dropped / read : 0)
        .arg(locale.toString(dropped), locale.toString(read));
}

QString CleaningPreview::summary(const CleanReport& report) {
    const QLocale locale;
    QStringList drops;
    for (CleanRule rule : cleanRules()) {
        const auto it = report.dropped.find(rule);
        if (it != report.dropped.end() && it->second > 0)
            drops << QStringLiteral("%1 %2").arg(locale.toString(qulonglong(it->second)),
                                                 ruleLabel(QString::fromUtf8(ruleName(rule))));
    }
    QString text = QCoreApplication::translate("CleaningPreview", "kept %1 of %2")
                       .arg(locale.toString(qulonglong(report.kept())),
                            locale.toString(qulonglong(report.read)));
    if (!drops.isEmpty()) text += QStringLiteral(" (") + drops.join(QStringLiteral(", ")) + ')';
    if (report.stripped > 0)
        text += QCoreApplication::translate("CleaningPreview", "; markup taken out of %1")
                    .arg(locale.toString(qulonglong(report.stripped)));
    return text;
}

}  // namespace dari
