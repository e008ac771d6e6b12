// `dari`: the command-line face of the engine.

#include <c10/util/Exception.h>

#include <cstring>
#include <iostream>
#include <string>

#include "app/command_help.h"
#include "app/commands.h"
#include "model/runtime.h"

namespace {

const char* kUsage = R"(usage: dari <command> [options]

Korean -> English translation and chat with recurrent encoder-decoder networks.

commands:
  train      train a model on a parallel corpus
  translate  translate lines from stdin
  eval       translate a test set and score it (BLEU, chrF; distinct-n, --sample for chat)
  score      score a hypothesis file against a reference file
  chat       talk to a reply model
  info       summarise a model bundle
  ensemble   join models trained on the same vocabularies into one that decodes with all

options:
  -h, --help     show this help (also: dari <command> --help)
  --version      show the versions of Dari and the libraries it runs on
  --threads N    (after a command) compute threads; default all cores, or env DARI_THREADS

examples:
  dari train --train ../shared/data/tatoeba-ko-en/train.tsv --out models/my-ko-en --minutes 10
  echo "안녕하세요." | dari translate --model models/my-ko-en --beam 5
  dari eval --model models/my-ko-en --test ../shared/data/tatoeba-ko-en/dev.tsv
)";

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "--help")) {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "-h") && std::strcmp(argv[i], "--help")) continue;
        if (const char* help = dari::commandHelp(command)) {
            std::cout << help;
            return 0;
        }
    }
    try {
        dari::configureThreads(0);
        if (command == "--version") {
            std::cout << dari::versionReport();
            return 0;
        }
        using Command = int (*)(int, char**);
        const std::pair<const char*, Command> commands[] = {
            {"train", dari::runTrain}, {"translate", dari::runTranslate}, {"eval", dari::runEval},
            {"score", dari::runScore}, {"chat", dari::runChat},           {"info", dari::runInfo},
            {"ensemble", dari::runEnsemble}};
        for (const auto& [name, run] : commands)
            if (command == name) return run(argc, argv);
        std::cerr << "dari: unknown command '" << command << "' (see dari --help)\n";
        return 2;
    } catch (const c10::Error& e) {
        std::cerr << "dari " << command << ": " << e.what_without_backtrace() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "dari " << command << ": " << e.what() << "\n";
        return 1;
    }
}
