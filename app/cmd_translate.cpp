// dari translate and dari chat: lines in, one line out for each.

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <random>
#include <sstream>

#include "app/arguments.h"
#include "app/commands.h"
#include "app/model_options.h"
#include "data/script.h"
#include "data/utf8.h"
#include "model/runtime.h"

namespace dari {
namespace {

// Longer lines are not text to translate (a binary file, a missing line break).
constexpr size_t kMaxLineChars = 20000;
// Lines in English are said one by one up to this many, then only counted.
constexpr long kMaxScriptWarnings = 5;

// Why a line cannot be read as text, or "" when it can.
std::string unreadable(const std::string& line) {
    const size_t bad = findInvalidUtf8(line);
    if (bad != kValidUtf8) return "invalid UTF-8 at byte " + std::to_string(bad + 1);
    if (const size_t nul = line.find('\0'); nul != std::string::npos)
        return "a NUL byte at byte " + std::to_string(nul + 1);
    if (codepointCount(line) > kMaxLineChars)
        return "longer than " + std::to_string(kMaxLineChars) + " characters";
    return "";
}

// The lines of stdin as text. A line that cannot be read is reported on stderr and
// becomes an empty line, so that every input line still gets its output line; with
// --strict it stops the command instead. A line in English is translated, with a warning
// (`purpose` says what Dari does instead).
class InputLines {
public:
    InputLines(bool strict, std::string purpose) : strict_(strict), purpose_(std::move(purpose)) {}

    std::string clean(std::string line) {
        ++number_;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::string why = unreadable(line);
        if (why.empty()) {
            std::string text = cleanText(line);
            if (dominantScript(text) == Script::Latin) warnLatin();
            return text;
        }
        const std::string where = "stdin:" + std::to_string(number_) + ": " + why;
        if (strict_) throw std::runtime_error(where);
        std::cerr << where << "; an empty line in its place\n";
        ++skipped_;
        return "";
    }
    // On stderr at the end: how many lines could not be read or were not Korean.
    void summarise() const {
        if (latin_ > kMaxScriptWarnings)
            std::cerr << latin_ << " of " << number_ << " lines look like English; " << purpose_
                      << '\n';
        if (skipped_ > 0)
            std::cerr
                << skipped_ << " of " << number_ << (number_ == 1 ? " line" : " lines")
                << " could not be read (empty lines in their place; --strict stops at the first)\n";
    }

private:
    void warnLatin() {
        if (++latin_ > kMaxScriptWarnings) return;
        std::cerr << "stdin:" << number_ << ": warning: this looks like English; " << purpose_
                  << (latin_ == kMaxScriptWarnings ? " (further such lines are only counted)" : "")
                  << '\n';
    }

    bool strict_;
    std::string purpose_;
    long number_ = 0, skipped_ = 0, latin_ = 0;
};

std::string joinTabs(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i)
        out += (i ? "\t" : "") + items[i];
    return out;
}

// --scores: "high\t-0.412" (an empty line: "unknown\t").
std::string scoreColumns(Confidence level, double score) {
    char number[32] = "";
    if (!std::isnan(score)) std::snprintf(number, sizeof number, "%.3f", score);
    return std::string(confidenceName(level)) + "\t" + number;
}

// Reads stdin in chunks (one line at a time when a person is typing) and prints
// one output line per input line, in order.
template <typename Translate>
void processStdin(size_t chunk, InputLines& input, Translate&& translateChunk) {
    const bool interactive = ::isatty(STDIN_FILENO);
    std::vector<std::string> lines;
    auto flush = [&] {
        for (const auto& out : translateChunk(lines))
            std::cout << out << '\n';
        std::cout.flush();
        lines.clear();
    };
    for (std::string line; std::getline(std::cin, line);) {
        try {
            lines.push_back(input.clean(line));
        } catch (const std::runtime_error&) {  // --strict: the lines before it still get theirs
            if (!lines.empty()) flush();
            throw;
        }
        if (interactive || lines.size() >= chunk) flush();
    }
    if (!lines.empty()) flush();
    input.summarise();
}

}  // namespace

int runTranslate(const Arguments& args) {
    checkDecodeOptions(args);
    warnIfSlowBlas();
    const Translator translator = loadTranslator(args);
    const DecodeOptions options = decodeOptions(translator, args);
    const int batch = args.getInt("batch", 32, 1, 4096);
    InputLines input(args.has("strict"), "Dari translates Korean → English");
    const bool scores = args.has("scores");
    const auto translateChunk = [&](const std::vector<std::string>& lines) {
        std::vector<std::string> out;
        if (options.nbest > 1) {  // whole lines, alternatives tab-separated
            for (const auto& t : translator.translate(lines, options, batch))
                out.push_back(joinTabs(t.nbest) +
                              (scores ? "\t" + scoreColumns(t.confidence, t.score) : ""));
            return out;
        }
        std::string joined;
        for (size_t i = 0; i < lines.size(); ++i)
            joined += (i ? "\n" : "") + lines[i];
        const ParagraphTranslation p = translator.translateParagraph(joined, options);
        std::istringstream translated(p.text());
        for (size_t i = 0; i < lines.size(); ++i) {
            std::string line;
            std::getline(translated, line);
            if (scores) {
                // A last empty line has no entry of its own (getline ends before it).
                const bool has = i + 1 < p.firstOfLine.size();
                const size_t first = has ? p.firstOfLine[i] : 0,
                             last = has ? p.firstOfLine[i + 1] : 0;
                line += "\t" + scoreColumns(p.confidence(first, last), p.score(first, last));
            }
            out.push_back(line);
        }
        return out;
    };
    // A chunk's batches are what the cores share, longest first: with 32 of them the last ones
    // are short and both cores finish together (a 1,000-line file on 2 cores: 1.83x one core's
    // speed, 1.67x with 8 a chunk). The chunk does not depend on the thread count, so neither do
    // the outputs.
    constexpr size_t batchesPerChunk = 32;
    processStdin(static_cast<size_t>(batch) * batchesPerChunk, input, translateChunk);
    return 0;
}

int runChat(const Arguments& args) {
    checkDecodeOptions(args);
    warnIfSlowBlas();
    const Translator bot = loadTranslator(args);
    DecodeOptions options = decodeOptions(bot, args);
    // Deterministic with --beam; otherwise replies are sampled (seeded by --seed when given).
    options.sample = !args.has("beam");
    if (options.sample && options.nbest > 1)
        throw std::runtime_error(
            "--nbest needs --beam: sampled replies have no ranked alternatives");
    if (options.sample && !args.has("seed")) options.seed = std::random_device{}();
    const bool interactive = ::isatty(STDIN_FILENO);
    if (interactive)
        std::cerr << "Chatting with " << args.get("model") << " (Ctrl+D to quit)\n> " << std::flush;
    InputLines lines(args.has("strict"), "Dari chats in Korean");
    for (std::string line; std::getline(std::cin, line);) {
        const std::string input = lines.clean(line);
        const auto reply = bot.translate({input}, options, 1).front();
        // --nbest with --beam: the alternatives, tab-separated, as dari translate prints them.
        std::cout << (options.nbest > 1 ? joinTabs(reply.nbest) : reply.text) << '\n' << std::flush;
        ++options.seed;  // each reply its own draw, still repeatable as a whole
        if (interactive) std::cerr << "> " << std::flush;
    }
    lines.summarise();
    return 0;
}

}  // namespace dari
