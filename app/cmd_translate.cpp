// dari translate and dari chat: lines in, one line out for each.

#include <unistd.h>

#include <iostream>
#include <random>
#include <sstream>

#include "app/arguments.h"
#include "app/commands.h"
#include "app/model_options.h"
#include "data/utf8.h"
#include "model/runtime.h"

namespace dari {
namespace {

std::string cleanLine(std::string line, long number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t bad = findInvalidUtf8(line);
    if (bad != kValidUtf8)
        throw std::runtime_error("stdin:" + std::to_string(number) + ": invalid UTF-8 at byte " +
                                 std::to_string(bad + 1));
    return cleanText(line);
}

std::string joinTabs(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i)
        out += (i ? "\t" : "") + items[i];
    return out;
}

// Reads stdin in chunks (one line at a time when a person is typing) and prints
// one output line per input line, in order.
template <typename Translate>
void processStdin(size_t chunk, Translate&& translateChunk) {
    const bool interactive = ::isatty(STDIN_FILENO);
    std::vector<std::string> lines;
    long number = 0;
    auto flush = [&] {
        for (const auto& out : translateChunk(lines))
            std::cout << out << '\n';
        std::cout.flush();
        lines.clear();
    };
    for (std::string line; std::getline(std::cin, line);) {
        lines.push_back(cleanLine(line, ++number));
        if (interactive || lines.size() >= chunk) flush();
    }
    if (!lines.empty()) flush();
}

}  // namespace

int runTranslate(const Arguments& args) {
    warnIfSlowBlas();
    const Translator translator = loadTranslator(args.require("model"));
    const DecodeOptions options = decodeOptions(translator, args);
    const int batch = args.getInt("batch", 32, 1, 4096);
    processStdin(static_cast<size_t>(batch) * 8, [&](const std::vector<std::string>& lines) {
        std::vector<std::string> out;
        if (options.nbest > 1) {  // whole lines, alternatives tab-separated
            for (const auto& t : translator.translate(lines, options, batch))
                out.push_back(joinTabs(t.nbest));
            return out;
        }
        std::string joined;
        for (size_t i = 0; i < lines.size(); ++i)
            joined += (i ? "\n" : "") + lines[i];
        std::istringstream translated(translator.translateText(joined, options));
        for (size_t i = 0; i < lines.size(); ++i) {
            std::string line;
            std::getline(translated, line);
            out.push_back(line);
        }
        return out;
    });
    return 0;
}

int runChat(const Arguments& args) {
    warnIfSlowBlas();
    const Translator bot = loadTranslator(args.require("model"));
    DecodeOptions options = decodeOptions(bot, args);
    // Deterministic with --beam; otherwise replies are sampled (seeded by --seed when given).
    options.sample = !args.has("beam");
    if (options.sample && !args.has("seed")) options.seed = std::random_device{}();
    const bool interactive = ::isatty(STDIN_FILENO);
    if (interactive)
        std::cerr << "Chatting with " << args.get("model") << " (Ctrl+D to quit)\n> " << std::flush;
    long number = 0;
    for (std::string line; std::getline(std::cin, line);) {
        const std::string input = cleanLine(line, ++number);
        std::cout << bot.translate({input}, options, 1).front().text << '\n' << std::flush;
        ++options.seed;  // each reply its own draw, still repeatable as a whole
        if (interactive) std::cerr << "> " << std::flush;
    }
    return 0;
}

}  // namespace dari
