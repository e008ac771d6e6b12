// dari eval (translate a test set and score it) and dari score (two files).

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/arguments.h"
#include "app/commands.h"
#include "app/corpus_options.h"
#include "app/model_options.h"
#include "data/atomic_file.h"
#include "data/corpus.h"
#include "model/bundle/classifier_bundle.h"
#include "model/metrics/bleu.h"
#include "model/metrics/chrf.h"
#include "model/metrics/classification.h"
#include "model/metrics/distinct.h"
#include "model/runtime.h"
#include "model/training/run_state.h"
#include "model/training/training_data.h"

namespace dari {
namespace {

namespace fs = std::filesystem;

std::string scoreLine(const std::vector<std::string>& hyps, const std::vector<std::string>& refs) {
    char line[64];
    std::snprintf(line, sizeof line, "BLEU = %.2f chrF = %.2f", corpusBleu(hyps, refs).score,
                  corpusChrf(hyps, refs));
    return line;
}

std::vector<std::string> readLines(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
    }
    return lines;
}

// A test set. A malformed pair is skipped, named on stderr and counted in the summary,
// so that one bad line does not cost the whole evaluation; --strict stops at it instead.
Corpus readTestCorpus(const Arguments& args, const std::string& path) {
    ReadOptions options;
    options.skipInvalid = !args.has("strict");
    try {
        Corpus test = readCorpus(corpusSpec(args, path), options);
        for (const auto& p : test.problems)
            std::cerr << p.message << "; skipped\n";
        // Nothing to score is not a score of 0.
        if (test.pairs.empty())
            throw std::runtime_error(
                path + ": no pairs to score" +
                (test.problems.empty() ? " (the file is empty)" : " (every line was malformed)"));
        return test;
    } catch (const CorpusError& e) {
        throw std::runtime_error(e.problem().message +
                                 " (without --strict, such pairs are skipped and counted)");
    }
}

// dari eval on a classification model: accuracy, macro-F1, per-class F1, the confusion matrix
// and the majority baseline (the commonest training label), the last line machine-readable.
int evalClassifier(const Arguments& args, const std::string& dir) {
    const ClassifierBundle bundle = ClassifierBundle::load(dir);
    const auto& labels = bundle.meta.labels;
    const auto classes = static_cast<int64_t>(labels.size());
    const Corpus test = readTestCorpus(args, args.require("test"));
    std::vector<std::string> texts;
    std::vector<int64_t> gold;
    for (const auto& p : test.pairs) {
        const auto it = std::find(labels.begin(), labels.end(), p.target);
        if (it == labels.end())
            throw std::runtime_error(args.get("test") + ":" + std::to_string(p.line) + ": label '" +
                                     p.target + "' is not one of the model's");
        texts.push_back(p.source);
        gold.push_back(it - labels.begin());
    }
    const auto best = bundle.probabilities(texts, args.getInt("batch", 64, 1, 4096)).argmax(1);
    const std::vector<int64_t> predicted(best.data_ptr<int64_t>(),
                                         best.data_ptr<int64_t>() + best.numel());
    const auto scores = scoreClassification(gold, predicted, classes);
    const auto& counts = bundle.meta.labelCounts;
    const int64_t majority = static_cast<int64_t>(counts.size()) == classes
                                 ? std::max_element(counts.begin(), counts.end()) - counts.begin()
                                 : 0;
    const double baseline =
        scoreClassification(gold, std::vector<int64_t>(gold.size(), majority), classes).accuracy;
    const std::string skipped = test.skippedCount() ? " (" + test.report() + ")" : "";
    std::printf("%zu sentences%s, %lld labels\n", test.pairs.size(), skipped.c_str(),
                static_cast<long long>(classes));
    for (int64_t c = 0; c < classes; ++c) {
        std::printf("label %s: F1 = %.4f; predicted as", labels[c].c_str(), scores.f1[c]);
        for (int64_t o = 0; o < classes; ++o)
            std::printf(" %s:%lld", labels[o].c_str(),
                        static_cast<long long>(scores.confusion[c][o]));
        std::printf("\n");
    }
    std::printf("majority baseline: always %s\n", labels[majority].c_str());
    std::printf("accuracy = %.4f macro-F1 = %.4f baseline = %.4f\n", scores.accuracy,
                scores.macroF1, baseline);
    return 0;
}

std::vector<std::string> refs(const Corpus& test) {
    std::vector<std::string> out;
    for (const auto& p : test.pairs)
        out.push_back(p.target);
    return out;
}

std::vector<std::string> translateAll(const Arguments& args, const Translator& translator,
                                      const DecodeOptions& options, const Corpus& test) {
    std::vector<std::string> sources, hyps;
    for (const auto& p : test.pairs)
        sources.push_back(p.source);
    for (auto& t : translator.translate(sources, options, args.getInt("batch", 32, 1, 4096)))
        hyps.push_back(std::move(t.text));
    return hyps;
}

// No --test: every dev set of the model's data.corpora (under --data-dir), then the pairs its
// training held out (its folder's held_out/), one line each.
int evalOwnSets(const Arguments& args, const Translator& translator, const DecodeOptions& options) {
    std::vector<std::pair<std::string, std::string>> sets;  // label, path
    for (const auto& dev :
         RunCorpora::fromConfig(translator.bundle().config.data.corpora, args.get("data-dir")).dev)
        sets.emplace_back("dev:" + dev.name, dev.spec.path);
    const fs::path heldOut = fs::path(modelDir(args)) / kHeldOutFolder;
    std::vector<fs::path> files;
    if (fs::is_directory(heldOut))
        for (const auto& entry : fs::directory_iterator(heldOut))
            if (entry.path().extension() == ".tsv") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files)
        sets.emplace_back("held-out:" + file.stem().string(), file.string());
    if (sets.empty())
        throw std::runtime_error(
            "--test is required (the model's data.corpora names no dev set and it has no "
            "held-out pairs)");
    for (const auto& [label, path] : sets) {
        const Corpus test = readTestCorpus(args, path);
        const auto hyps = translateAll(args, translator, options, test);
        std::printf("%-28s %5zu pairs  %s\n", label.c_str(), test.pairs.size(),
                    scoreLine(hyps, refs(test)).c_str());
        std::fflush(stdout);
    }
    return 0;
}

}  // namespace

int runEval(const Arguments& args) {
    if (const std::string dir = modelDir(args); isClassifierBundle(dir))
        return evalClassifier(args, dir);
    checkDecodeOptions(args);
    warnIfSlowBlas();
    const Translator translator = loadTranslator(args);
    DecodeOptions options = decodeOptions(translator, args);
    if (args.has("sample")) {  // replies drawn as dari chat draws them, to measure their variety
        options.sample = true;
        options.beam = options.nbest = 1;
    }
    if (!args.has("test")) return evalOwnSets(args, translator, options);
    const Corpus test = readTestCorpus(args, args.get("test"));
    const auto hyps = translateAll(args, translator, options, test);
    if (args.has("out")) {
        std::string text;
        for (const auto& h : hyps)
            text += h + "\n";
        writeFileAtomically(args.get("out"), text);
    }
    const std::string skipped = test.skippedCount() ? " (" + test.report() + ")" : "";
    std::printf("%zu pairs%s, %s; distinct-1 = %.3f distinct-2 = %.3f\n", test.pairs.size(),
                skipped.c_str(),
                options.sample ? "sampled" : ("beam " + std::to_string(options.beam)).c_str(),
                distinctN(hyps, 1), distinctN(hyps, 2));
    std::cout << scoreLine(hyps, refs(test)) << "\n";
    return 0;
}

int runScore(const Arguments& args) {
    const auto hyps = readLines(args.require("hyp"));
    const auto refs = readLines(args.require("ref"));
    if (hyps.size() != refs.size())
        throw std::runtime_error(args.get("hyp") + " has " + std::to_string(hyps.size()) +
                                 " lines but " + args.get("ref") + " has " +
                                 std::to_string(refs.size()));
    std::cout << scoreLine(hyps, refs) << "\n";
    return 0;
}

namespace {

int infoClassifier(const std::string& dir) {
    const ClassifierBundle bundle = ClassifierBundle::load(dir);
    const auto& m = bundle.config.model;
    const auto& meta = bundle.meta;
    std::string labels;
    for (size_t c = 0; c < meta.labels.size(); ++c)
        labels +=
            (c ? ", " : "") + meta.labels[c] +
            (c < meta.labelCounts.size() ? " (" + std::to_string(meta.labelCounts[c]) + ")" : "");
    std::printf("model       %s\n", dir.c_str());
    std::printf("task        classify (%s): labels %s\n", meta.srcLang.c_str(), labels.c_str());
    std::printf("network     %s encoder %dx%d%s, %s pooling, embeddings %d\n", m.cell.c_str(),
                m.encoderLayers, m.encoderHidden, m.bidirectional ? " bidirectional" : "",
                m.pooling.c_str(), m.embeddingSize);
    std::printf("parameters  %lld\n", static_cast<long long>(meta.parameters));
    std::printf("vocabulary  %lld pieces (%s)\n", static_cast<long long>(bundle.src.size()),
                bundle.config.data.vocabType.c_str());
    std::printf("training    %lld sentences (dev %lld), %lld steps, %.0f epochs, %.0f s\n",
                static_cast<long long>(meta.trainPairs), static_cast<long long>(meta.devPairs),
                static_cast<long long>(meta.steps), meta.epochs, meta.trainingSeconds);
    std::printf("dev scores  accuracy %.4f  macro-F1 %.4f  (majority baseline %.4f)\n",
                meta.devAccuracy, meta.devMacroF1, meta.majorityBaseline);
    std::printf("made by     dari %s on %s\n", meta.dariVersion.c_str(), meta.created.c_str());
    return 0;
}

}  // namespace

int runInfo(const Arguments& args) {
    const std::string dir = modelDir(args);
    if (isClassifierBundle(dir)) return infoClassifier(dir);
    const Bundle bundle = Bundle::load(dir);
    const auto& m = bundle.config.model;
    const auto& meta = bundle.meta;
    std::printf("model       %s\n", dir.c_str());
    std::printf("task        %s (%s -> %s)\n", meta.task.c_str(), meta.srcLang.c_str(),
                meta.tgtLang.c_str());
    if (m.architecture == "transformer")
        std::printf(
            "network     transformer: %d encoder and %d decoder layers, d_model %d, %d "
            "heads, feed-forward %d%s\n",
            m.encoderLayers, m.decoderLayers, m.embeddingSize, m.heads, m.feedforward,
            m.tieEmbeddings ? " (tied embeddings)" : "");
    else
        std::printf(
            "network     %s encoder %dx%d%s, %s decoder %dx%d, %s attention, embeddings %d%s\n",
            m.cell.c_str(), m.encoderLayers, m.encoderHidden,
            m.bidirectional ? " bidirectional" : "", m.cell.c_str(), m.decoderLayers,
            m.decoderHidden, m.attention.c_str(), m.embeddingSize,
            m.tieEmbeddings ? " (tied)" : "");
    if (meta.members > 1)
        std::printf("parameters  %lld (an ensemble of %lld networks of %lld)\n",
                    static_cast<long long>(meta.parameters), static_cast<long long>(meta.members),
                    static_cast<long long>(bundle.model->parameterCount()));
    else
        std::printf("parameters  %lld\n", static_cast<long long>(bundle.model->parameterCount()));
    std::printf("vocabulary  %lld source, %lld target pieces (%s)\n",
                static_cast<long long>(bundle.src.size()),
                static_cast<long long>(bundle.tgt.size()), bundle.config.data.vocabType.c_str());
    std::printf("training    %lld pairs (dev %lld), %lld steps, %.2f epochs, %.0f s%s; corpus %s\n",
                static_cast<long long>(meta.trainPairs), static_cast<long long>(meta.devPairs),
                static_cast<long long>(meta.steps), meta.epochs, meta.trainingSeconds,
                meta.members > 1 ? " (all members together)" : "", meta.corpusFingerprint.c_str());
    const int beam = meta.devBeam > 0 ? meta.devBeam : bundle.config.train.validationBeam;
    std::printf("dev scores  BLEU %.2f  chrF %.2f  loss %.3f (%s)\n", meta.devBleu, meta.devChrf,
                meta.devLoss, beam > 1 ? ("beam " + std::to_string(beam)).c_str() : "greedy");
    if (meta.confidence.calibrated())
        std::printf(
            "confidence  low below %.3f, high from %.3f per piece (%lld dev sentences, %s)\n",
            meta.confidence.lowBelow, meta.confidence.highFrom,
            static_cast<long long>(meta.confidence.devSentences), meta.confidence.decoding.c_str());
    else
        std::printf("confidence  not calibrated (dari calibrate --model %s --dev CORPUS)\n",
                    dir.c_str());
    std::printf("made by     dari %s on %s\n", meta.dariVersion.c_str(), meta.created.c_str());
    return 0;
}

}  // namespace dari
