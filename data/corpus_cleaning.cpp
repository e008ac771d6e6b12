#include "data/corpus_cleaning.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>

#include "data/markup.h"
#include "data/script.h"
#include "data/utf8.h"

namespace dari {
namespace {

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// The script a language is written in, as far as the cleaning rules check it.
enum class Expected { Hangul, Latin, Unknown };

Expected expectedScript(const std::string& lang) {
    if (lang == "ko") return Expected::Hangul;
    static const char* const latin[] = {"en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no",
                                        "fi", "pl", "cs", "ro", "tr", "id", "vi", "ms", "hu", "ca"};
    for (const char* l : latin)
        if (lang == l) return Expected::Latin;
    return Expected::Unknown;
}

// Code points plus a constant, so that short pairs are not called outliers for a word or two.
double lengthRatio(const SentencePair& p) {
    constexpr double kSlack = 8.0;
    return (codepointCount(p.source) + kSlack) / (codepointCount(p.target) + kSlack);
}

}  // namespace

const char* ruleName(CleanRule rule) {
    switch (rule) {
        case CleanRule::MarkupOnly:
            return "markup without text";
        case CleanRule::TooLong:
            return "too long";
        case CleanRule::SameText:
            return "target = source";
        case CleanRule::SourceScript:
            return "source in another script";
        case CleanRule::TargetScript:
            return "target in another script";
        case CleanRule::LengthRatio:
            return "length ratio";
        case CleanRule::Duplicate:
            return "duplicate";
        case CleanRule::NearDuplicate:
            return "near duplicate";
        case CleanRule::InDev:
            return "in a dev set";
        case CleanRule::TooManyPieces:
            return "over max_pieces";
    }
    return "?";
}

const std::vector<CleanRule>& cleanRules() {
    static const std::vector<CleanRule> all = {CleanRule::MarkupOnly,   CleanRule::TooLong,
                                               CleanRule::SameText,     CleanRule::SourceScript,
                                               CleanRule::TargetScript, CleanRule::LengthRatio,
                                               CleanRule::Duplicate,    CleanRule::NearDuplicate,
                                               CleanRule::InDev,        CleanRule::TooManyPieces};
    return all;
}

void CleanReport::drop(CleanRule rule, const SentencePair& pair, int maxExamples) {
    ++dropped[rule];
    auto& kept = examples[rule];
    if (static_cast<int>(kept.size()) < maxExamples)
        kept.push_back({pair.line, pair.source, pair.target});
}

std::size_t CleanReport::droppedCount() const {
    std::size_t n = 0;
    for (const auto& [rule, count] : dropped)
        n += count;
    return n;
}

std::vector<std::string> CleanReport::warnings(double share) const {
    std::vector<std::string> out;
    if (read == 0) return out;
    for (CleanRule rule : cleanRules()) {
        const auto it = dropped.find(rule);
        if (it == dropped.end() || it->second <= share * read) continue;
        char percent[16];
        std::snprintf(percent, sizeof percent, "%.0f%%", 100.0 * it->second / read);
        out.push_back(corpus + ": the rule '" + ruleName(rule) + "' dropped " + percent +
                      " of its pairs (" + thousands(it->second) + " of " + thousands(read) + ")");
    }
    return out;
}

std::string CleanReport::summary() const {
    std::string out = thousands(read) + " read, " + thousands(kept()) + " kept";
    if (heldOut > 0) out += ", " + thousands(heldOut) + " held out";
    std::string drops;
    for (CleanRule rule : cleanRules()) {
        const auto it = dropped.find(rule);
        if (it == dropped.end() || it->second == 0) continue;
        drops += (drops.empty() ? "" : ", ") + thousands(it->second) + " " + ruleName(rule);
    }
    if (!drops.empty()) out += "; dropped: " + drops;
    if (stripped > 0) out += "; markup taken out of " + thousands(stripped);
    return out;
}

std::string nearDuplicateKey(const std::string& text) {
    std::string key;
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        if (c < 0 || !u_isalnum(c)) continue;
        c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
        char bytes[U8_MAX_LENGTH];
        int32_t n = 0;
        UBool error = false;
        U8_APPEND(bytes, n, U8_MAX_LENGTH, c, error);
        key.append(bytes, static_cast<size_t>(n));
    }
    return key;
}

CorpusCleaner::CorpusCleaner(CleanOptions options) : options_(std::move(options)) {}

void CorpusCleaner::addDevSources(const std::vector<SentencePair>& dev) {
    for (const auto& p : dev) {
        const std::string key = nearDuplicateKey(p.source);
        if (!key.empty()) devSources_.insert(key);
    }
}

bool CorpusCleaner::scriptFits(const std::string& text, const std::string& lang) const {
    switch (expectedScript(lang)) {
        case Expected::Hangul:
            return dominantScript(text) == Script::Hangul;
        case Expected::Latin:
            return dominantScript(text) != Script::Hangul;
        case Expected::Unknown:
            return true;
    }
    return true;
}

double CorpusCleaner::medianRatio(const std::vector<SentencePair>& pairs) const {
    if (pairs.empty()) return 1.0;
    std::vector<double> ratios;
    ratios.reserve(pairs.size());
    for (const auto& p : pairs)
        ratios.push_back(lengthRatio(p));
    std::nth_element(ratios.begin(), ratios.begin() + ratios.size() / 2, ratios.end());
    return ratios[ratios.size() / 2];
}

std::vector<SentencePair> CorpusCleaner::clean(const std::string& corpus,
                                               std::vector<SentencePair> pairs,
                                               CleanReport& report) {
    const auto& o = options_;
    report.corpus = corpus;
    report.read += pairs.size();
    std::vector<SentencePair> kept;
    kept.reserve(pairs.size());
    const auto drop = [&](CleanRule rule, const SentencePair& p) {
        report.drop(rule, p, o.examples);
    };
    // The rules that look at one pair alone; markup is taken out first.
    std::vector<SentencePair> candidates;
    for (auto& p : pairs) {
        if (!o.enabled) {
            candidates.push_back(std::move(p));
            continue;
        }
        const auto source = stripMarkup(p.source);
        const auto target = stripMarkup(p.target);
        if (source.lost || target.lost) {
            drop(CleanRule::MarkupOnly, p);
            continue;
        }
        if (o.maxChars > 0 && (codepointCount(source.text) > o.maxChars ||
                               codepointCount(target.text) > o.maxChars)) {
            drop(CleanRule::TooLong, p);
            continue;
        }
        if (o.translation && source.text == target.text) {
            drop(CleanRule::SameText, p);
            continue;
        }
        // A chat pair is one language on both sides, whatever data.tgt_lang says.
        if (o.translation && !scriptFits(source.text, o.srcLang)) {
            drop(CleanRule::SourceScript, p);
            continue;
        }
        if (o.translation && !scriptFits(target.text, o.tgtLang)) {
            drop(CleanRule::TargetScript, p);
            continue;
        }
        if (source.changed || target.changed) {
            ++report.stripped;
            if (static_cast<int>(report.strippedExamples.size()) < o.examples)
                report.strippedExamples.push_back({p.line, p.source, p.target});
        }
        candidates.push_back({source.text, target.text, p.line});
    }
    const double median = o.enabled && o.translation ? medianRatio(candidates) : 1.0;
    for (auto& p : candidates) {
        if (o.enabled && o.translation && o.maxLengthRatio > 0) {
            const double r = lengthRatio(p);
            if (r > median * o.maxLengthRatio || r < median / o.maxLengthRatio) {
                drop(CleanRule::LengthRatio, p);
                continue;
            }
        }
        if (o.deduplicate || o.enabled) {
            if (!exact_.insert(p.source + '\t' + p.target).second) {
                drop(CleanRule::Duplicate, p);
                continue;
            }
        }
        if (o.enabled) {
            const std::string source = nearDuplicateKey(p.source);
            if (!near_.insert(source + '\t' + nearDuplicateKey(p.target)).second) {
                drop(CleanRule::NearDuplicate, p);
                continue;
            }
            if (devSources_.count(source)) {
                drop(CleanRule::InDev, p);
                continue;
            }
        }
        kept.push_back(std::move(p));
    }
    return kept;
}

}  // namespace dari
