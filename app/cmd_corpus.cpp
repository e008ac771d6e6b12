// dari corpus clean: a corpus through the training cleaning rules, written as a TSV file with a
// report of what left it and why.

#include <cstdio>
#include <iostream>

#include "app/arguments.h"
#include "app/commands.h"
#include "app/corpus_options.h"
#include "data/atomic_file.h"
#include "data/corpus_cleaning.h"
#include "data/corpus_sources.h"
#include "model/bundle/config.h"
#include "model/training/training_data.h"

namespace dari {

namespace {

// The settings the rules read: the config's (--config), then --set.
Config cleaningConfig(const Arguments& args) {
    Config config = args.has("config") ? Config::load(args.get("config")) : Config{};
    for (const auto& value : args.getAll("set")) {
        const auto eq = value.find('=');
        if (eq == std::string::npos)
            throw std::runtime_error("--set takes KEY=VALUE, not '" + value + "'");
        config.set(value.substr(0, eq), value.substr(eq + 1));
    }
    if (args.has("langs")) {
        const auto [src, tgt] = splitPair(args.get("langs"), "--langs");
        config.data.srcLang = src;
        config.data.tgtLang = tgt;
    }
    config.data.clean = true;
    config.validate();
    return config;
}

void printExamples(const CleanReport& report) {
    for (CleanRule rule : cleanRules()) {
        const auto it = report.examples.find(rule);
        if (it == report.examples.end()) continue;
        std::printf("  %s (%zu), for example:\n", ruleName(rule), report.dropped.at(rule));
        for (const auto& e : it->second)
            std::printf("    line %ld: %s | %s\n", e.line, e.source.c_str(), e.target.c_str());
    }
}

int clean(const Arguments& args) {
    if (args.words().size() != 3)
        throw std::runtime_error("usage: dari corpus clean IN OUT.tsv (see dari corpus --help)");
    const std::string in = args.words()[1], out = args.words()[2];
    const Config config = cleaningConfig(args);
    RunCorpora corpora;
    const CorpusSpec spec = corpusSpec(args, in);
    corpora.train.push_back({corpusName(spec.path), spec});
    for (const auto& dev : args.getAll("dev")) {
        const CorpusSpec devSpec = corpusSpec(args, dev);
        corpora.dev.push_back({corpusName(devSpec.path), devSpec});
    }
    corpora.nameUniquely();
    LoadOptions load;
    load.skipInvalid = args.has("skip-invalid");
    load.onReport = [](const std::string& path, const std::string& report) {
        std::cerr << path << ": " << report << "\n";
    };
    Config noSplit = config;
    noSplit.data.devFraction = 0;  // no dev split: every clean pair goes out
    if (corpora.dev.empty()) noSplit.data.maxDevPairs = 0;
    const TrainInputs inputs = loadTrainInputs(corpora, noSplit, load);
    std::string text;
    for (const auto& p : inputs.corpora.front().pairs)
        text += p.source + "\t" + p.target + "\n";
    writeFileAtomically(out, text);
    const CleanReport& report = inputs.cleaning.front();
    std::printf("%s: %s -> %s\n", in.c_str(), report.summary().c_str(), out.c_str());
    printExamples(report);
    for (const auto& warning : report.warnings(config.data.cleanWarnShare))
        std::cerr << "warning: " << warning << "\n";
    if (args.has("report"))
        writeFileAtomically(
            args.get("report"),
            cleaningJson(inputs.cleaning, config.data.cleanWarnShare).dump(2) + "\n");
    return 0;
}

}  // namespace

int runCorpus(const Arguments& args) {
    if (args.words().empty() || args.words().front() != "clean")
        throw std::runtime_error("dari corpus takes clean (see dari corpus --help)");
    return clean(args);
}

}  // namespace dari
