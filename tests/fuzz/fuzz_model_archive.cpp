// Fuzz target: installing a packed model (dari models install, File ▸ Import model…). Each
// input is the archive itself; the seed is a tiny model's package without its gzip layer (the
// reader takes both), so that mutations reach the tar headers and the manifest. The install
// succeeds — and the model is then there whole — or fails with a message naming the archive,
// and either way nothing is left outside the models folder or half-written inside it.

#include <filesystem>

#include "fuzz_support.h"
#include "fuzz_tiny_bundle.h"
#include "model/bundle/model_archive.h"

namespace fs = std::filesystem;

namespace {

// DARI_FUZZ_WRITE_SEEDS=DIR: the tiny model packed (gzip), to be un-gzipped into a seed.
void writeSeedOnce() {
    static const bool done = [] {
        if (const char* seeds = std::getenv("DARI_FUZZ_WRITE_SEEDS")) {
            const std::string dir = fuzz::scratch() + "/tiny";
            fuzz::tinyBundle().save(dir);
            dari::packModel(dir, std::string(seeds) + "/tiny.dari.gz");
        }
        return true;
    }();
    (void)done;
}

// Every entry under `dir`: only `allowed` and what is inside it.
void expectOnly(const std::string& dir, const std::string& allowed) {
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().filename() == allowed) continue;
        std::fprintf(stderr, "fuzz: %s left behind\n", entry.path().c_str());
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    torch::set_num_threads(1);
    writeSeedOnce();
    const std::string root = fuzz::scratch() + "/install";
    fs::remove_all(root);
    fs::create_directories(root + "/models");
    const std::string archive = fuzz::scratch() + "/input.dari";
    fuzz::writeFile(archive, data, size);
    try {
        const dari::ModelCard card = dari::installModel(archive, root + "/models");
        if (!fs::exists(root + "/models/" + card.name + "/model.pt")) {
            std::fprintf(stderr, "fuzz: installed %s without its weights\n", card.name.c_str());
            std::abort();
        }
        expectOnly(root + "/models", card.name);
    } catch (const std::exception& e) {
        fuzz::expectNamed(e, archive);
        if (!fs::is_empty(root + "/models")) {
            std::fprintf(stderr, "fuzz: a refused archive left files in the models folder\n");
            std::abort();
        }
    }
    expectOnly(root, "models");
    fs::remove(archive);
    return 0;
}
