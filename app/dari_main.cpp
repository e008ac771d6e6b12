// `dari`: the command-line face of the engine.

#include <cstring>
#include <iostream>
#include <string>

#include "model/runtime.h"

namespace {

const char* kUsage = R"(usage: dari <command> [options]

Korean -> English translation and chat with recurrent encoder-decoder networks.

commands:
  train      train a model on a parallel corpus
  translate  translate lines from stdin
  eval       translate a test set and score it (BLEU, chrF)
  score      score a hypothesis file against a reference file
  chat       talk to a reply model
  info       summarise a model bundle

options:
  -h, --help     show this help (also: dari <command> --help)
  --version      show the versions of Dari and the libraries it runs on
  --threads N    compute threads (default: all cores; env DARI_THREADS)
)";

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help")) {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    try {
        dari::configureThreads(0);
        if (command == "--version") {
            std::cout << dari::versionReport();
            return 0;
        }
        dari::warnIfSlowBlas();
        std::cerr << "dari: unknown command '" << command << "' (see dari --help)\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "dari: " << e.what() << "\n";
        return 1;
    }
}
