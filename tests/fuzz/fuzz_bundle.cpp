// Fuzz target: the bundle loader. A tiny valid bundle is made once; each input replaces
// one of its files (the first byte picks which: meta.json, config.yaml, src.spm, tgt.spm,
// model.pt) with the rest of the input. The load succeeds — and the model then translates
// — or fails with a message naming the file.

#include "fuzz_support.h"
#include "fuzz_tiny_bundle.h"
#include "model/bundle/bundle.h"
#include "model/translator.h"

#include <torch/torch.h>

#include <algorithm>

namespace {

const char* const kFiles[] = {"meta.json", "config.yaml", "src.spm", "tgt.spm", "model.pt"};
constexpr size_t kFileCount = sizeof(kFiles) / sizeof(kFiles[0]);

// The template's files, read once: each input starts from them.
const std::vector<std::string>& templateFiles() {
    static const std::vector<std::string> files = [] {
        const std::string dir = fuzz::scratch() + "/template";
        fuzz::tinyBundle().save(dir);
        std::vector<std::string> bytes;
        for (const char* name : kFiles) {
            std::ifstream in(dir + "/" + name, std::ios::binary);
            bytes.emplace_back(std::istreambuf_iterator<char>(in),
                               std::istreambuf_iterator<char>());
        }
        // DARI_FUZZ_WRITE_SEEDS=DIR: the template's files as seeds (selector byte + file).
        if (const char* seeds = std::getenv("DARI_FUZZ_WRITE_SEEDS"))
            for (size_t i = 0; i < kFileCount; ++i) {
                const std::string seed = std::string(1, char(i)) + bytes[i];
                fuzz::writeFile(std::string(seeds) + "/" + kFiles[i] + ".seed",
                                reinterpret_cast<const uint8_t*>(seed.data()), seed.size());
            }
        return bytes;
    }();
    return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    torch::set_num_threads(1);
    const auto& files = templateFiles();
    if (size == 0) return 0;
    const size_t pick = data[0] % kFileCount;
    const std::string dir = fuzz::scratch() + "/bundle";
    std::filesystem::create_directories(dir);
    for (size_t i = 0; i < kFileCount; ++i) {
        const std::string& bytes = files[i];
        if (i == pick)
            fuzz::writeFile(dir + "/" + kFiles[i], data + 1, size - 1);
        else
            fuzz::writeFile(dir + "/" + kFiles[i], reinterpret_cast<const uint8_t*>(bytes.data()),
                            bytes.size());
    }
    std::shared_ptr<dari::Bundle> bundle;
    try {
        bundle = std::make_shared<dari::Bundle>(dari::Bundle::load(dir));
    } catch (const std::exception& e) {
        // The file at fault, which is not always the one replaced: a config.yaml with other
        // sizes is refused by model.pt, a meta.json with more members by member2.pt.
        const std::string what = e.what();
        const bool named = what.find("member") != std::string::npos ||
                           std::any_of(std::begin(kFiles), std::end(kFiles), [&](const char* f) {
                               return what.find(f) != std::string::npos;
                           });
        if (!named) fuzz::expectNamed(e, kFiles[pick]);
        return 0;
    }
    const dari::Translator translator(bundle);
    dari::DecodeOptions options = translator.defaultOptions();
    options.beam = 2;
    options.nbest = 1;
    options.maxLengthRatio = 2.0;
    options.sample = false;
    (void)translator.translate({"안녕하세요", "좋아요 고마워요"}, options);
    return 0;
}
