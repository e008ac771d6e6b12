#pragma once
// What every fuzz target shares: a scratch folder for the file a reader is given, and the
// contract each reader keeps — it either succeeds or throws one std::exception whose
// message names the file it could not use. Anything else (a crash, a hang, another kind
// of exception, a message without the file) is a finding: abort() so the fuzzer keeps it.

#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

namespace fuzz {

// A folder of this process's own, removed at exit.
inline const std::string& scratch() {
    static const std::string dir = [] {
        const char* base = std::getenv("TMPDIR");
        std::string d =
            std::string(base && *base ? base : "/tmp") + "/dari-fuzz-" + std::to_string(::getpid());
        std::filesystem::create_directories(d);
        return d;
    }();
    // Registered after `dir` is made, so it runs before `dir` is destroyed.
    static const bool cleanup = std::atexit([] { std::filesystem::remove_all(scratch()); }) == 0;
    (void)cleanup;
    return dir;
}

inline void writeFile(const std::string& path, const uint8_t* data, size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", path.c_str());
        std::abort();
    }
}

// A reader refused the input: fine if it said which file (by `name`), a finding otherwise.
inline void expectNamed(const std::exception& e, const std::string& name) {
    const std::string what = e.what();
    if (what.find(name) == std::string::npos) {
        std::fprintf(stderr, "fuzz: an error that does not name %s: %s\n", name.c_str(),
                     what.c_str());
        std::abort();
    }
}

}  // namespace fuzz
