#pragma once
// A corpus named on the command line, with --langs and --columns (dari train, eval, ensemble).

#include <string>

#include "data/corpus.h"

namespace dari {

class Arguments;

// `path` read as the arguments' --langs SRC,TGT and --columns SRC,TGT say (absolute path).
CorpusSpec corpusSpec(const Arguments& args, const std::string& path);

// "A,B" -> {A, B}; throws naming `option` unless there are two non-empty names.
std::pair<std::string, std::string> splitPair(const std::string& text, const std::string& option);

}  // namespace dari
