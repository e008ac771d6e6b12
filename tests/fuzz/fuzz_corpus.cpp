// Fuzz target: the corpus readers (TSV, CSV with a header, aligned files) on any bytes,
// both strict (the first bad pair stops the read, naming file and line) and skipping.

#include "data/corpus.h"
#include "fuzz_support.h"

namespace {

// The three readers on one input: TSV as it is; CSV with a header; aligned files made
// by splitting the input at its first form feed (no form feed: the same lines both sides).
void readAll(const uint8_t* data, size_t size, bool skip) {
    const std::string dir = fuzz::scratch();
    const std::string text(reinterpret_cast<const char*>(data), size);
    fuzz::writeFile(dir + "/c.tsv", data, size);
    fuzz::writeFile(dir + "/c.csv", data, size);
    const size_t cut = text.find('\f');
    const std::string src = text.substr(0, cut);
    const std::string tgt = cut == std::string::npos ? text : text.substr(cut + 1);
    fuzz::writeFile(dir + "/c.ko", reinterpret_cast<const uint8_t*>(src.data()), src.size());
    fuzz::writeFile(dir + "/c.en", reinterpret_cast<const uint8_t*>(tgt.data()), tgt.size());
    dari::ReadOptions options;
    options.skipInvalid = skip;
    const dari::CorpusSpec specs[] = {{dir + "/c.tsv"}, {dir + "/c.csv"}, {dir + "/c", "ko", "en"}};
    const char* names[] = {"c.tsv", "c.csv", "c."};
    for (int i = 0; i < 3; ++i) {
        try {
            const dari::Corpus corpus = dari::readCorpus(specs[i], options);
            for (const auto& pair : corpus.pairs)
                if (pair.source.empty() || pair.target.empty()) std::abort();  // never kept
            (void)corpus.report();
        } catch (const std::exception& e) {
            fuzz::expectNamed(e, names[i]);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    readAll(data, size, false);
    readAll(data, size, true);
    return 0;
}
