// A libFuzzer stand-in for builds without clang's fuzzer runtime (the CTest smoke runs):
// every seed as it is, then deterministic mutations of the seeds (bit flips, byte
// insertions and deletions, truncations, repeated chunks, splices of two seeds) until a
// time or count limit. Same options each run, same inputs: a failure is reproducible.
//
//   fuzz_NAME [--seconds S] [--runs N] SEED_DIR_OR_FILE...

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

using Bytes = std::string;

// The input being run, written to ./crash-input when it aborts or crashes (as libFuzzer
// writes crash-<sha1>), so that `fuzz_NAME crash-input` runs it again.
const Bytes* current = nullptr;

void saveCurrent(int signal) {
    if (current) {
        const int fd = ::open("crash-input", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            (void)!::write(fd, current->data(), current->size());
            ::close(fd);
        }
        static const char note[] = "fuzz: the input is in ./crash-input\n";
        (void)!::write(2, note, sizeof note - 1);
    }
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

std::vector<Bytes> readSeeds(const std::vector<std::string>& paths) {
    std::vector<std::filesystem::path> files;
    for (const auto& p : paths) {
        if (std::filesystem::is_directory(p)) {
            for (const auto& e : std::filesystem::directory_iterator(p))
                if (e.is_regular_file()) files.push_back(e.path());
        } else {
            files.emplace_back(p);
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<Bytes> seeds;
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        seeds.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return seeds;
}

Bytes mutate(const std::vector<Bytes>& seeds, std::mt19937_64& rng) {
    const auto pick = [&](size_t n) { return n ? size_t(rng() % n) : 0; };
    Bytes b = seeds[pick(seeds.size())];
    const int edits = 1 + int(rng() % 4);
    for (int k = 0; k < edits; ++k) {
        switch (rng() % 6) {
            case 0:  // flip a bit
                if (!b.empty()) b[pick(b.size())] ^= char(1u << (rng() % 8));
                break;
            case 1:  // insert a byte: often a delimiter the readers care about
            {
                static const char special[] = {'\t', '\n', '\r', '"', ',', ':', '\0', '\xff', '{'};
                const char c = rng() % 2 ? special[pick(sizeof special)] : char(rng());
                b.insert(b.begin() + long(pick(b.size() + 1)), c);
                break;
            }
            case 2:  // delete a run of bytes
                if (!b.empty()) {
                    const size_t at = pick(b.size());
                    b.erase(at, 1 + pick(std::min<size_t>(16, b.size() - at)));
                }
                break;
            case 3:  // truncate
                b.resize(pick(b.size() + 1));
                break;
            case 4:  // repeat a chunk
                if (!b.empty()) {
                    const size_t at = pick(b.size());
                    const Bytes chunk = b.substr(at, 1 + pick(64));
                    b.insert(pick(b.size() + 1), chunk);
                }
                break;
            default:  // splice with another seed
            {
                const Bytes& other = seeds[pick(seeds.size())];
                b = b.substr(0, pick(b.size() + 1)) + other.substr(pick(other.size() + 1));
            }
        }
    }
    return b;
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = 3.0;
    long runs = 100000;
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--seconds" && i + 1 < argc)
            seconds = std::atof(argv[++i]);
        else if (a == "--runs" && i + 1 < argc)
            runs = std::atol(argv[++i]);
        else
            paths.push_back(a);
    }
    std::vector<Bytes> seeds = readSeeds(paths);
    if (seeds.empty()) {
        std::fprintf(stderr, "no seeds in the paths given\n");
        return 2;
    }
    for (int signal : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
        std::signal(signal, saveCurrent);
    const auto run = [](const Bytes& b) {
        current = &b;
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(b.data()), b.size());
    };
    for (const auto& s : seeds)
        run(s);
    std::mt19937_64 rng(20261203);
    const auto start = std::chrono::steady_clock::now();
    long done = 0;
    while (done < runs &&
           std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() <
               seconds) {
        run(mutate(seeds, rng));
        ++done;
    }
    std::printf("%zu seeds and %ld mutated inputs, no finding\n", seeds.size(), done);
    return 0;
}
