// dari calibrate: how sure a model is, in three levels measured on its dev sets.

#include <cstdio>

#include "app/arguments.h"
#include "app/commands.h"
#include "app/corpus_options.h"
#include "app/model_options.h"
#include "data/corpus.h"
#include "data/corpus_sources.h"
#include "model/metrics/chrf.h"
#include "model/metrics/confidence.h"
#include "model/runtime.h"
#include "model/training/training_data.h"

namespace dari {

namespace {

// One dev set's outputs with their scores.
struct Scored {
    std::string name;
    std::vector<std::string> refs, hyps;
    std::vector<double> scores;
};

Scored translateDev(const Translator& translator, const DecodeOptions& options,
                    const Arguments& args, const std::string& path) {
    ReadOptions read;
    read.skipInvalid = true;  // a malformed dev pair is left out, as dari eval does
    const Corpus dev = readCorpus(corpusSpec(args, path), read);
    Scored set{corpusName(path)};
    std::vector<std::string> sources;
    for (const auto& p : dev.pairs) {
        sources.push_back(p.source);
        set.refs.push_back(p.target);
    }
    if (sources.size() < 3)
        throw std::runtime_error(path + ": " + std::to_string(sources.size()) +
                                 " pairs; calibrating needs at least 3 (a few hundred to mean "
                                 "much)");
    for (auto& t : translator.translate(sources, options, args.getInt("batch", 32, 1, 4096))) {
        set.hyps.push_back(std::move(t.text));
        set.scores.push_back(t.score);
    }
    return set;
}

void printTable(const ConfidenceCalibration& calibration, const Scored& set) {
    std::printf("\n%s: level   sentences  mean log-prob per piece   chrF    BLEU\n",
                set.name.c_str());
    for (const auto& row : confidenceTable(calibration, set.scores, set.hyps, set.refs))
        std::printf("%*s %-7s %9zu  %9.3f .. %-9.3f   %6.2f  %6.2f\n",
                    static_cast<int>(set.name.size()), "", confidenceName(row.level), row.sentences,
                    row.minScore, row.maxScore, row.chrf, row.bleu);
}

}  // namespace

int runCalibrate(const Arguments& args) {
    checkDecodeOptions(args);
    warnIfSlowBlas();
    const std::string dir = modelDir(args);
    const Translator translator = loadTranslator(args);
    DecodeOptions options = decodeOptions(translator, args);
    options.nbest = 1;
    // --dev, else the dev sets of the model's own data.corpora (under --data-dir).
    std::vector<std::string> devs = args.getAll("dev");
    if (devs.empty())
        for (const auto& dev :
             RunCorpora::fromConfig(translator.bundle().config.data.corpora, args.get("data-dir"))
                 .dev)
            devs.push_back(dev.spec.path);
    std::vector<Scored> sets;
    Scored all{"all dev sets"};
    std::vector<double> quality;
    for (const auto& path : devs) {
        sets.push_back(translateDev(translator, options, args, path));
        const Scored& set = sets.back();
        for (size_t i = 0; i < set.hyps.size(); ++i) {
            all.refs.push_back(set.refs[i]);
            all.hyps.push_back(set.hyps[i]);
            all.scores.push_back(set.scores[i]);
            quality.push_back(corpusChrf({set.hyps[i]}, {set.refs[i]}));
        }
    }
    if (sets.empty())
        throw std::runtime_error("--dev is required (the model's data.corpora names no dev set)");
    BundleMeta meta = translator.bundle().meta;
    const bool chat = meta.task == "chat";
    meta.confidence = chat ? ConfidenceCalibration::fromScores(all.scores, searchName(options))
                           : ConfidenceCalibration::fromQuality(
                                 all.scores, quality, searchName(options), kMediumChrf, kHighChrf);
    if (!meta.confidence.calibrated())
        throw std::runtime_error("too few outputs with a score to calibrate");
    meta.save(dir);
    std::printf(
        "%s: confidence calibrated on %lld dev sentences (%s), saved in meta.json: ", dir.c_str(),
        static_cast<long long>(meta.confidence.devSentences), meta.confidence.decoding.c_str());
    if (chat)
        std::printf("low below %.3f, high from %.3f (the terciles of the replies' scores)\n",
                    meta.confidence.lowBelow, meta.confidence.highFrom);
    else
        std::printf(
            "medium from %.3f (outputs of such scores averaged sentence chrF %.0f on dev), high "
            "from %.3f (%.0f)\n",
            meta.confidence.lowBelow, kMediumChrf, meta.confidence.highFrom, kHighChrf);
    for (const auto& set : sets)
        printTable(meta.confidence, set);
    if (sets.size() > 1) printTable(meta.confidence, all);
    return 0;
}

}  // namespace dari
