// dari calibrate: how sure a model is, in three levels measured on its dev set.

#include <cstdio>

#include "app/arguments.h"
#include "app/commands.h"
#include "app/corpus_options.h"
#include "app/model_options.h"
#include "data/corpus.h"
#include "model/metrics/confidence.h"
#include "model/runtime.h"

namespace dari {

int runCalibrate(const Arguments& args) {
    checkDecodeOptions(args);
    warnIfSlowBlas();
    const std::string dir = modelDir(args);
    const Translator translator = loadTranslator(args);
    DecodeOptions options = decodeOptions(translator, args);
    options.nbest = 1;
    ReadOptions read;
    read.skipInvalid = true;  // a malformed dev pair is left out, as dari eval does
    const Corpus dev = readCorpus(corpusSpec(args, args.require("dev")), read);
    std::vector<std::string> sources, refs, hyps;
    for (const auto& p : dev.pairs) {
        sources.push_back(p.source);
        refs.push_back(p.target);
    }
    if (sources.size() < 3)
        throw std::runtime_error(
            args.get("dev") + ": " + std::to_string(sources.size()) +
            " pairs; calibrating needs at least 3 (a few hundred to mean much)");
    std::vector<double> scores;
    for (auto& t : translator.translate(sources, options, args.getInt("batch", 32, 1, 4096))) {
        hyps.push_back(std::move(t.text));
        scores.push_back(t.score);
    }
    BundleMeta meta = translator.bundle().meta;
    meta.confidence = ConfidenceCalibration::fromScores(scores, searchName(options));
    if (!meta.confidence.calibrated())
        throw std::runtime_error(args.get("dev") + ": too few outputs with a score to calibrate");
    meta.save(dir);
    std::printf("%s: confidence calibrated on %lld dev sentences (%s), saved in meta.json\n",
                dir.c_str(), static_cast<long long>(meta.confidence.devSentences),
                meta.confidence.decoding.c_str());
    std::printf("level   sentences  mean log-prob per piece   chrF    BLEU\n");
    for (const auto& row : confidenceTable(meta.confidence, scores, hyps, refs))
        std::printf("%-7s %9zu  %9.3f .. %-9.3f   %6.2f  %6.2f\n", confidenceName(row.level),
                    row.sentences, row.minScore, row.maxScore, row.chrf, row.bleu);
    return 0;
}

}  // namespace dari
