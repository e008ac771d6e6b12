#pragma once
// Parallel corpora: reading TSV, CSV and aligned plain-text files into
// validated, NFC-normalised sentence pairs, with every bad line reported.

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace dari {

struct SentencePair {
    std::string source, target;
    long line = 0;  // 1-based line of the pair in the (source) file
};

struct Problem {
    enum class Kind {
        MismatchedLineCount,  // aligned files of different lengths
        InvalidUtf8,
        MissingColumn,  // TSV: no tab; CSV: fewer fields than the header, or no such column
        ExtraColumns,   // TSV: more than one tab; CSV: more fields than the header
        BadQuoting,     // CSV: unclosed quote, or text after a closing quote
        EmptySide,      // empty source or target after trimming (or an empty line)
        TooLong,        // a side longer than ReadOptions::maxChars
    };
    Kind kind;
    std::string file;
    long line = 0;
    std::string message;  // "FILE:LINE: what is wrong"
};

// "invalid UTF-8", "empty side", ...: for reports such as "skipped 3 pairs: 2 invalid UTF-8".
const char* kindName(Problem::Kind kind);

// A malformed pair, when not skipping; what() is the problem's message plus a hint.
class CorpusError : public std::runtime_error {
public:
    // `skippable`: whether --skip-invalid would get past this problem (adds the hint).
    explicit CorpusError(Problem problem, bool skippable = true);
    const Problem& problem() const { return problem_; }

private:
    Problem problem_;
};

// 1000 code points a side: far above any real sentence (the longest in the
// shared corpora has 537), low enough to catch a file whose lines
// were never split, which would otherwise blow up batch memory.
constexpr std::size_t kDefaultMaxChars = 1000;

struct ReadOptions {
    bool skipInvalid = false;  // skip malformed pairs and report them instead of throwing
    std::size_t maxChars = kDefaultMaxChars;  // per side, in code points; 0 = no limit
    bool deduplicate = false;                 // drop exact duplicate pairs, keeping the first
};

struct Corpus {
    std::vector<SentencePair> pairs;
    std::vector<Problem> problems;
    std::map<Problem::Kind, std::size_t> skipped;  // pairs skipped, by kind
    std::size_t duplicates = 0;                    // pairs dropped by deduplication

    std::size_t skippedCount() const;
    // "skipped 3 pairs: 2 invalid UTF-8, 1 empty side; removed 4 duplicate pairs",
    // or "" when nothing was skipped or removed.
    std::string report() const;
};

struct CorpusSpec {
    std::string path;                      // .tsv, .csv, or the prefix of aligned files
    std::string srcLang{}, tgtLang{};      // for the prefix form: PREFIX.SRC + PREFIX.TGT
    std::string srcColumn{}, tgtColumn{};  // for CSV; default: the first two columns
};

// Picks the reader by the spec: .tsv -> TSV, .csv -> CSV, otherwise aligned
// files if both languages are given. Throws CorpusError on the first
// malformed pair unless options.skipInvalid, and std::runtime_error naming the
// file if it cannot be read or the spec names no known format.
Corpus readCorpus(const CorpusSpec& spec, const ReadOptions& options = {});

// `source<TAB>target`, one pair a line, no header.
Corpus readTsv(const std::string& path, const ReadOptions& options = {});
// RFC 4180 with a header line; the columns are chosen by name (empty: the first two).
Corpus readCsv(const std::string& path, const std::string& srcColumn, const std::string& tgtColumn,
               const ReadOptions& options = {});
// Two files with one sentence a line, line N of one translating line N of the other.
Corpus readAligned(const std::string& srcPath, const std::string& tgtPath,
                   const ReadOptions& options = {});

}  // namespace dari
