#include "app/corpus_options.h"

#include <filesystem>
#include <stdexcept>
#include <tuple>

#include "app/arguments.h"

namespace dari {

std::pair<std::string, std::string> splitPair(const std::string& text, const std::string& option) {
    const auto comma = text.find(',');
    if (comma == std::string::npos || comma == 0 || comma + 1 == text.size())
        throw std::runtime_error(option + " takes two names separated by a comma, like ko,en");
    return {text.substr(0, comma), text.substr(comma + 1)};
}

CorpusSpec corpusSpec(const Arguments& args, const std::string& path) {
    CorpusSpec spec{std::filesystem::absolute(path).string()};
    if (args.has("langs"))
        std::tie(spec.srcLang, spec.tgtLang) = splitPair(args.get("langs"), "--langs");
    if (args.has("columns"))
        std::tie(spec.srcColumn, spec.tgtColumn) = splitPair(args.get("columns"), "--columns");
    return spec;
}

}  // namespace dari
