// Fuzz target: the YAML config loader (config.yaml of a bundle, `dari train --config`).
// A config it accepts must be valid: written back out, it reads as the same config.

#include "fuzz_support.h"
#include "model/bundle/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    dari::Config config;
    try {
        config = dari::Config::fromYaml(text, "fuzz.yaml");
    } catch (const std::exception& e) {
        fuzz::expectNamed(e, "fuzz.yaml");
        return 0;
    }
    const std::string yaml = config.toYaml();
    try {
        if (dari::Config::fromYaml(yaml, "again.yaml").toYaml() != yaml) {
            std::fprintf(stderr, "fuzz: toYaml does not round-trip\n");
            std::abort();
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "fuzz: an accepted config does not read back: %s\n", e.what());
        std::abort();
    }
    return 0;
}
