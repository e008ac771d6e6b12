#include "data/corpus.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "data/csv.h"
#include "data/split.h"
#include "data/utf8.h"

namespace dari {

namespace {

namespace fs = std::filesystem;

std::string readFile(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw std::runtime_error(path + ": corpus file not found");
    if (fs::is_directory(path, ec))
        throw std::runtime_error(path + ": is a folder, not a corpus file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
    std::ostringstream contents;
    contents << in.rdbuf();
    if (in.bad()) throw std::runtime_error(path + ": cannot read: " + std::strerror(errno));
    return contents.str();
}

// Lines without their LF or CRLF; a final line break does not start another line.
std::vector<std::string_view> splitLines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(begin, end - begin);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        begin = end + 1;
    }
    return lines;
}

std::string at(const std::string& file, long line) {
    return file + ":" + std::to_string(line) + ": ";
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

bool isBlank(std::string_view text) {
    return trimSpaces(text).empty();
}

struct Side {
    std::string_view text;
    const std::string& file;
    long line;
};

// Turns raw sides into clean pairs; each problem either throws or is recorded.
class PairCollector {
public:
    explicit PairCollector(const ReadOptions& options) : options_(options) {}

    void reject(Problem::Kind kind, const std::string& file, long line, const std::string& what,
                std::size_t pairs = 1) {
        Problem problem{kind, file, line, at(file, line) + what};
        if (!options_.skipInvalid) throw CorpusError(std::move(problem));
        corpus_.problems.push_back(std::move(problem));
        corpus_.skipped[kind] += pairs;
    }

    // `raw` starts at byte `base` of its line.
    bool validUtf8(std::string_view raw, const std::string& file, long line, std::size_t base = 0) {
        const std::size_t bad = findInvalidUtf8(raw);
        if (bad == kValidUtf8) return true;
        reject(Problem::Kind::InvalidUtf8, file, line,
               "invalid UTF-8 at byte " + std::to_string(base + bad + 1));
        return false;
    }

    void add(const Side& source, const Side& target) {
        std::string src = cleanText(source.text), tgt = cleanText(target.text);
        if (src.empty() || tgt.empty()) {
            const bool both = src.empty() && tgt.empty();
            const Side& side = src.empty() ? source : target;
            const char* what = both          ? "empty source and target"
                               : src.empty() ? "empty source"
                                             : "empty target";
            reject(Problem::Kind::EmptySide, side.file, side.line, what);
            return;
        }
        if (tooLong(src, source, "source") || tooLong(tgt, target, "target")) return;
        corpus_.pairs.push_back({std::move(src), std::move(tgt), source.line});
    }

    Corpus finish() {
        if (options_.deduplicate) corpus_.duplicates = removeDuplicates(corpus_.pairs);
        return std::move(corpus_);
    }

private:
    bool tooLong(const std::string& text, const Side& side, const char* name) {
        const std::size_t length = codepointCount(text);
        if (options_.maxChars == 0 || length <= options_.maxChars) return false;
        reject(Problem::Kind::TooLong, side.file, side.line,
               std::string(name) + " has " + std::to_string(length) +
                   " characters, more than the limit of " + std::to_string(options_.maxChars));
        return true;
    }

    const ReadOptions& options_;
    Corpus corpus_;
};

void readTsvLine(PairCollector& collector, std::string_view raw, const std::string& path,
                 long line) {
    if (!collector.validUtf8(raw, path, line)) return;
    const std::size_t tabs = static_cast<std::size_t>(std::count(raw.begin(), raw.end(), '\t'));
    if (tabs == 0 && isBlank(raw)) {
        collector.reject(Problem::Kind::EmptySide, path, line, "empty line");
    } else if (tabs == 0) {
        collector.reject(Problem::Kind::MissingColumn, path, line,
                         "no tab: expected source<TAB>target");
    } else if (tabs > 1) {
        collector.reject(Problem::Kind::ExtraColumns, path, line,
                         plural(tabs, "tab") + ": expected source<TAB>target");
    } else {
        const std::size_t tab = raw.find('\t');
        collector.add({raw.substr(0, tab), path, line}, {raw.substr(tab + 1), path, line});
    }
}

std::string joined(const std::vector<std::string>& names) {
    std::string result;
    for (const auto& name : names)
        result += (result.empty() ? "" : ", ") + name;
    return result;
}

// Index of the named column (or of `fallback` when no name is given); throws if absent.
std::size_t findColumn(const std::vector<std::string>& header, const std::string& name,
                       std::size_t fallback, const std::string& path) {
    if (name.empty() && fallback < header.size()) return fallback;
    const auto found = std::find(header.begin(), header.end(), name);
    if (!name.empty() && found != header.end())
        return static_cast<std::size_t>(found - header.begin());
    const std::string what =
        name.empty() ? "the header has " + plural(header.size(), "column") + ", need at least 2"
                     : "no column named '" + name + "' in the header (" + joined(header) + ")";
    throw CorpusError({Problem::Kind::MissingColumn, path, 1, at(path, 1) + what}, false);
}

std::vector<std::string> readHeader(const CsvRecord& record, const std::string& path) {
    const auto fatal = [&](Problem::Kind kind, const std::string& what) {
        throw CorpusError({kind, path, 1, at(path, 1) + what}, false);
    };
    const std::size_t bad = findInvalidUtf8(record.raw);
    if (bad != kValidUtf8)
        fatal(Problem::Kind::InvalidUtf8, "invalid UTF-8 at byte " + std::to_string(bad + 1));
    if (!record.error.empty()) fatal(Problem::Kind::BadQuoting, record.error);
    std::vector<std::string> header;
    for (const auto& field : record.fields)
        header.push_back(cleanText(field));
    return header;
}

// Reports invalid UTF-8 in a record at its physical line and byte.
bool validRecordUtf8(PairCollector& collector, const CsvRecord& record, const std::string& path) {
    const std::size_t bad = findInvalidUtf8(record.raw);
    if (bad == kValidUtf8) return true;
    const std::string_view before = record.raw.substr(0, bad);
    const long line =
        record.line + static_cast<long>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t lineStart =
        before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    return collector.validUtf8(record.raw.substr(lineStart), path, line, 0);
}

void readCsvRecord(PairCollector& collector, const CsvRecord& record, std::size_t columns,
                   std::size_t src, std::size_t tgt, const std::string& path) {
    const long line = record.line;
    if (!validRecordUtf8(collector, record, path)) return;
    const std::size_t fields = record.fields.size();
    if (!record.error.empty()) {
        collector.reject(Problem::Kind::BadQuoting, path, line, record.error);
    } else if (fields == 1 && isBlank(record.fields[0])) {
        collector.reject(Problem::Kind::EmptySide, path, line, "empty line");
    } else if (fields != columns) {
        const auto kind =
            fields < columns ? Problem::Kind::MissingColumn : Problem::Kind::ExtraColumns;
        collector.reject(
            kind, path, line,
            plural(fields, "field") + ", but the header has " + plural(columns, "column"));
    } else {
        collector.add({record.fields[src], path, line}, {record.fields[tgt], path, line});
    }
}

std::string lowercaseExtension(const std::string& path) {
    std::string extension = fs::path(path).extension().string();
    for (char& c : extension)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension;
}

}  // namespace

const char* kindName(Problem::Kind kind) {
    switch (kind) {
        case Problem::Kind::MismatchedLineCount:
            return "unpaired line";
        case Problem::Kind::InvalidUtf8:
            return "invalid UTF-8";
        case Problem::Kind::MissingColumn:
            return "missing column";
        case Problem::Kind::ExtraColumns:
            return "extra columns";
        case Problem::Kind::BadQuoting:
            return "bad quoting";
        case Problem::Kind::EmptySide:
            return "empty side";
        case Problem::Kind::TooLong:
            return "too long";
    }
    return "unknown problem";
}

CorpusError::CorpusError(Problem problem, bool skippable)
    : std::runtime_error(problem.message +
                         (skippable ? " (use --skip-invalid to skip such pairs)" : "")),
      problem_(std::move(problem)) {}

std::size_t Corpus::skippedCount() const {
    std::size_t total = 0;
    for (const auto& [kind, count] : skipped)
        total += count;
    return total;
}

std::string Corpus::report() const {
    std::string text;
    if (skippedCount() > 0) {
        text = "skipped " + plural(skippedCount(), "pair") + ":";
        const char* separator = " ";
        for (const auto& [kind, count] : skipped) {
            text += separator + std::to_string(count) + " " + kindName(kind);
            separator = ", ";
        }
    }
    if (duplicates > 0)
        text += (text.empty() ? "removed " : "; removed ") + plural(duplicates, "duplicate pair");
    return text;
}

Corpus readTsv(const std::string& path, const ReadOptions& options) {
    const std::string contents = readFile(path);
    const auto lines = splitLines(stripBom(contents));
    PairCollector collector(options);
    for (std::size_t i = 0; i < lines.size(); ++i)
        readTsvLine(collector, lines[i], path, static_cast<long>(i + 1));
    return collector.finish();
}

Corpus readCsv(const std::string& path, const std::string& srcColumn, const std::string& tgtColumn,
               const ReadOptions& options) {
    const std::string contents = readFile(path);
    const auto records = parseCsv(stripBom(contents));
    if (records.empty())
        throw std::runtime_error(path + ": empty file, expected a header line with column names");
    const auto header = readHeader(records[0], path);
    const std::size_t src = findColumn(header, srcColumn, 0, path);
    const std::size_t tgt = findColumn(header, tgtColumn, 1, path);
    PairCollector collector(options);
    for (std::size_t i = 1; i < records.size(); ++i)
        readCsvRecord(collector, records[i], header.size(), src, tgt, path);
    return collector.finish();
}

Corpus readAligned(const std::string& srcPath, const std::string& tgtPath,
                   const ReadOptions& options) {
    const std::string srcContents = readFile(srcPath), tgtContents = readFile(tgtPath);
    const auto srcLines = splitLines(stripBom(srcContents));
    const auto tgtLines = splitLines(stripBom(tgtContents));
    PairCollector collector(options);
    const std::size_t common = std::min(srcLines.size(), tgtLines.size());
    if (srcLines.size() != tgtLines.size()) {
        const bool srcLonger = srcLines.size() > tgtLines.size();
        collector.reject(Problem::Kind::MismatchedLineCount, srcLonger ? srcPath : tgtPath,
                         static_cast<long>(common + 1),
                         srcPath + " has " + plural(srcLines.size(), "line") + " but " + tgtPath +
                             " has " + std::to_string(tgtLines.size()),
                         std::max(srcLines.size(), tgtLines.size()) - common);
    }
    for (std::size_t i = 0; i < common; ++i) {
        const long line = static_cast<long>(i + 1);
        if (!collector.validUtf8(srcLines[i], srcPath, line) ||
            !collector.validUtf8(tgtLines[i], tgtPath, line))
            continue;
        collector.add({srcLines[i], srcPath, line}, {tgtLines[i], tgtPath, line});
    }
    return collector.finish();
}

Corpus readCorpus(const CorpusSpec& spec, const ReadOptions& options) {
    const std::string extension = lowercaseExtension(spec.path);
    if (extension == ".tsv") return readTsv(spec.path, options);
    if (extension == ".csv") return readCsv(spec.path, spec.srcColumn, spec.tgtColumn, options);
    if (!spec.srcLang.empty() && !spec.tgtLang.empty())
        return readAligned(spec.path + "." + spec.srcLang, spec.path + "." + spec.tgtLang, options);
    throw std::runtime_error(spec.path +
                             ": unknown corpus format: expected a .tsv or .csv file, or a file "
                             "prefix with source and target languages");
}

}  // namespace dari
