#pragma once
// Cleaning training corpora before they are mixed: every rule drops (or, for markup, mends)
// pairs for one stated reason, and every drop is counted per corpus and reason, with a few
// examples, so that a user sees what left their data and why (the run folder's cleaning.json,
// the dashboard, `dari corpus clean`).

#include <cstddef>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "data/corpus.h"

namespace dari {

// Why a pair left a training corpus. The order is the order the rules run in: a pair is
// counted under the first rule it fails.
enum class CleanRule {
    MarkupOnly,     // markup stood for text that is not there, or nothing but markup was
    TooLong,        // a side longer than data.max_chars code points
    SameText,       // the target is the source copied (translation only)
    SourceScript,   // the source is not in its language's script (translation only)
    TargetScript,   // the target is in another language's script (translation only)
    LengthRatio,    // source and target lengths far from the corpus's usual ratio
    Duplicate,      // the same pair again (any corpus of the run)
    NearDuplicate,  // the same pair but for case, spaces and punctuation
    InDev,          // its source is a dev set's source: dev scores would flatter
    TooManyPieces,  // a side over data.max_pieces pieces (counted by the trainer)
};

// "duplicate", "length ratio", ...: the reason's name in reports and cleaning.json.
const char* ruleName(CleanRule rule);
// Every rule, in report order.
const std::vector<CleanRule>& cleanRules();

struct CleanOptions {
    bool enabled = true;         // false: only exact duplicates (if deduplicate) are dropped
    bool deduplicate = true;     // exact duplicates (data.deduplicate)
    bool translation = true;     // source and target are different languages
    std::string srcLang = "ko";  // the scripts expected: ko Hangul, en (and others) Latin
    std::string tgtLang = "en";
    std::size_t maxChars = kDefaultMaxChars;  // per side, code points (0: no limit)
    double maxLengthRatio = 3.0;  // dropped: a pair whose length ratio is this far from the median
    double warnShare = 0.1;       // a rule dropping more than this share of a corpus is reported
    int examples = 3;             // kept per rule and corpus
};

struct CleanExample {
    long line = 0;
    std::string source, target;
};

// What cleaning did to one corpus.
struct CleanReport {
    std::string corpus;        // its name (the folder of a corpus file: "korsts-ko-en")
    std::size_t read = 0;      // pairs read (after the reader's own checks)
    std::size_t heldOut = 0;   // clean pairs set aside to be scored on, never trained on
    std::size_t stripped = 0;  // pairs whose markup was taken out (and kept)
    std::map<CleanRule, std::size_t> dropped;
    std::map<CleanRule, std::vector<CleanExample>> examples;
    std::vector<CleanExample> strippedExamples;  // as they were before

    // Counts a drop (and keeps the first few examples).
    void drop(CleanRule rule, const SentencePair& pair, int maxExamples);
    std::size_t droppedCount() const;
    std::size_t kept() const { return read - droppedCount() - heldOut; }  // trained on
    // One line per rule that dropped more than `share` of the pairs read: "korsts-ko-en: the
    // rule 'length ratio' dropped 23% of its pairs (2,760 of 11,921)".
    std::vector<std::string> warnings(double share) const;
    // "11,921 read, 11,563 kept; dropped: 24 duplicate, 11 length ratio, ...; markup taken out
    // of 2".
    std::string summary() const;
};

// Cleans the corpora of one run. Duplicates are found across every corpus given to the same
// cleaner (the first occurrence stays); dev sources are dropped from training.
class CorpusCleaner {
public:
    explicit CorpusCleaner(CleanOptions options);
    // The sources of the dev sets: a training pair with one of them as its source is dropped.
    void addDevSources(const std::vector<SentencePair>& dev);
    // Pairs kept, in their order; `report` gets the counts under the name `corpus`.
    std::vector<SentencePair> clean(const std::string& corpus, std::vector<SentencePair> pairs,
                                    CleanReport& report);

private:
    bool scriptFits(const std::string& text, const std::string& lang) const;
    double medianRatio(const std::vector<SentencePair>& pairs) const;

    CleanOptions options_;
    std::unordered_set<std::string> exact_, near_, devSources_;
};

// The same text but for case, spaces and punctuation: "Hello, world!" and "hello world" match.
std::string nearDuplicateKey(const std::string& text);

}  // namespace dari
