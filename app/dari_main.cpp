// `dari`: the command-line face of the engine.

#include <c10/util/Exception.h>

#include <cstring>
#include <iostream>
#include <string>

#include "app/arguments.h"
#include "app/option_table.h"
#include "model/blas_kernels.h"
#include "model/runtime.h"

namespace {

bool isHelp(const char* arg) {
    return !std::strcmp(arg, "-h") || !std::strcmp(arg, "--help");
}

}  // namespace

int main(int argc, char** argv) {
    // Before anything else (model/blas_kernels.h); not for dari status, which computes nothing
    // and which run.sh asks every few seconds while models train.
    if (argc < 2 || std::strcmp(argv[1], "status") != 0) dari::restartWithBetterBlas(argv);
    if (argc >= 2 && std::strcmp(argv[1], "--help-all") == 0) {
        std::cout << dari::fullHelp();
        return 0;
    }
    if (argc < 2 || isHelp(argv[1])) {
        std::cout << dari::mainHelp();
        return argc < 2 ? 2 : 0;
    }
    const std::string name = argv[1];
    const dari::Command* command = dari::findCommand(name);
    if (command) {
        for (int i = 2; i < argc; ++i) {
            if (!isHelp(argv[i])) continue;
            std::cout << dari::commandHelp(*command);
            return 0;
        }
    }
    try {
        dari::configureThreads(0);
        if (name == "--version") {
            std::cout << dari::versionReport();
            return 0;
        }
        if (!command) {
            std::cerr << "dari: unknown command '" << name << "' (see dari --help)\n";
            return 2;
        }
        const dari::Arguments args(argc, argv, 2, *command);
        dari::configureThreads(args.getInt("threads", 0, 0, 256));
        return command->run(args);
    } catch (const c10::Error& e) {
        std::cerr << "dari " << name << ": " << e.what_without_backtrace() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "dari " << name << ": " << e.what() << "\n";
        return 1;
    }
}
