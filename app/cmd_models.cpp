// dari pack, dari unpack and dari models: models as files to share, and found by name.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>

#include "app/arguments.h"
#include "app/commands.h"
#include "app/model_options.h"
#include "app/option_table.h"
#include "model/bundle/bundle.h"
#include "model/bundle/model_archive.h"
#include "model/bundle/model_locations.h"

namespace dari {

namespace fs = std::filesystem;

namespace {

std::string onlyWord(const Arguments& args, const char* what) {
    if (args.words().size() != 1)
        throw std::runtime_error(std::string("give one ") + what + " (see dari " +
                                 args.command().name + " --help)");
    return args.words().front();
}

int listModels() {
    std::printf("%-16s %-10s %-7s %-10s %8s  %s\n", "NAME", "TASK", "LANGS", "NETWORK", "DEV BLEU",
                "FOLDER");
    std::set<std::string> seen;
    int found = 0;
    for (const auto& folder : modelSearchPath()) {
        std::error_code error;
        if (!fs::is_directory(folder, error)) continue;
        std::vector<fs::path> dirs;
        for (const auto& entry : fs::directory_iterator(folder, error))
            if (fs::is_regular_file(entry.path() / "meta.json", error))
                dirs.push_back(entry.path());
        std::sort(dirs.begin(), dirs.end());
        for (const auto& dir : dirs) {
            const std::string name = dir.filename().string();
            const bool hidden = !seen.insert(name).second;
            ++found;
            try {
                const BundleMeta meta = BundleMeta::load(dir.string());
                const Config config = Config::load((dir / "config.yaml").string());
                std::string network = config.model.architecture == "transformer"
                                          ? config.model.architecture
                                          : config.model.cell;
                if (meta.members > 1) network += " x" + std::to_string(meta.members);
                std::printf("%-16s %-10s %-7s %-10s %8.2f  %s%s\n", name.c_str(), meta.task.c_str(),
                            (meta.srcLang + "-" + meta.tgtLang).c_str(), network.c_str(),
                            meta.devBleu, folder.c_str(),
                            hidden ? "  (hidden by the one above of that name)" : "");
            } catch (const std::exception& e) {
                std::printf("%-16s unusable: %s\n", name.c_str(), e.what());
            }
        }
    }
    if (!found) std::printf("(none)\n");
    std::fflush(stdout);
    std::cerr << "searched, in this order:";
    for (const auto& folder : modelSearchPath())
        std::cerr << "\n  " << folder;
    std::cerr << "\n";
    if (!found)
        std::cerr << "Train a model (dari train, ./run.sh models) or install a packed one "
                     "(dari models install FILE.dari).\n";
    return 0;
}

}  // namespace

int runPack(const Arguments& args) {
    const std::string dir = modelDir(args);
    const std::string out = args.require("out");
    PackOptions options;
    options.name = args.get("name");
    options.trainingData = args.get("data");
    options.dataLicence = args.get("data-licence");
    const ModelCard card = packModel(dir, out, options);
    std::cout << card.text();
    std::cerr << "packed " << dir << " into " << out << " (" << fs::file_size(out) / 1000
              << " kB)\n";
    return 0;
}

int runUnpack(const Arguments& args) {
    const std::string file = onlyWord(args, "packed model file");
    if (args.has("card")) {
        std::cout << readModelCard(file).text();
        return 0;
    }
    const std::string out = args.require("out");
    const ModelCard card = unpackModel(file, out);
    std::cout << card.text();
    std::cerr << "unpacked " << card.name << " into " << out << "\n";
    return 0;
}

int runModels(const Arguments& args) {
    const std::vector<std::string>& words = args.words();
    const std::string action = words.empty() ? "list" : words.front();
    const std::string argument = words.size() > 1 ? words[1] : "";
    if (action == "list") {
        if (words.size() > 1) throw std::runtime_error("dari models list takes no argument");
        return listModels();
    }
    if (action == "install" || action == "card") {
        if (argument.empty()) throw std::runtime_error("dari models " + action + " FILE.dari");
        if (action == "card") {
            std::cout << readModelCard(argument).text();
            return 0;
        }
        UnpackOptions options;
        options.replace = args.has("replace");
        const std::string folder = args.get("to", userModelsFolder());
        const ModelCard card = installModel(argument, folder, options);
        std::cout << card.text();
        std::cerr << "installed " << card.name << " into " << folder << "/" << card.name
                  << " (dari translate --model " << card.name << ")\n";
        return 0;
    }
    if (action == "remove") {
        if (argument.empty()) throw std::runtime_error("dari models remove NAME");
        const std::string folder = args.get("from", userModelsFolder());
        if (!fs::exists(fs::path(folder) / argument / "meta.json")) {
            if (auto elsewhere = findModel(argument))
                throw std::runtime_error("'" + argument + "' is not in " + folder + " but in " +
                                         *elsewhere + "; remove it there (--from " +
                                         fs::path(*elsewhere).parent_path().string() +
                                         ") or, for a packaged model, remove its package");
        }
        removeModel(folder, argument);
        std::cerr << "removed " << argument << " from " << folder << "\n";
        return 0;
    }
    throw std::runtime_error("unknown action '" + action +
                             "' (list, install, remove or card; see dari models --help)");
}

}  // namespace dari
