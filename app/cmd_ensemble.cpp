// dari ensemble: models trained on the same vocabularies, joined to decode together.

#include <cstdio>
#include <filesystem>

#include "app/arguments.h"
#include "app/commands.h"
#include "app/corpus_options.h"
#include "data/corpus.h"
#include "data/placeholders.h"
#include "model/bundle/bundle_join.h"
#include "model/bundle/bundle_placeholders.h"
#include "model/bundle/model_locations.h"
#include "model/training/evaluator.h"

namespace dari {

namespace fs = std::filesystem;

int runEnsemble(const Arguments& args) {
    const std::string out = args.require("out");
    std::vector<std::string> dirs;
    for (const auto& [name, value] : args.ordered())
        if (name == "member") dirs.push_back(resolveModel(value));
    if (dirs.size() < 2)
        throw std::runtime_error("name at least two models, each with --member DIR");
    if (fs::exists(out)) throw std::runtime_error(out + " already exists; choose a new --out");
    for (size_t i = 0; i < dirs.size(); ++i)
        for (size_t j = 0; j < i; ++j)
            if (fs::exists(dirs[i]) && fs::exists(dirs[j]) && fs::equivalent(dirs[i], dirs[j]))
                throw std::runtime_error(dirs[i] + " is named twice");
    std::vector<Bundle> members;
    for (const auto& dir : dirs)
        members.push_back(Bundle::load(dir));
    Bundle joined = joinBundles(std::move(members), dirs);

    if (args.has("dev")) {
        const Corpus dev = readCorpus(corpusSpec(args, args.get("dev")));
        std::vector<Example> examples;
        std::vector<std::string> references;
        std::vector<std::vector<std::string>> spans;  // scored as the translator translates
        DecodeOptions options = decodeOptions(joined.config.decode);
        options.nbest = 1;
        options.placeholders = bundlePlaceholders(joined);
        for (const auto& p : dev.pairs) {
            auto pair = options.placeholders.empty() ? ProtectedPair{p.source, p.target, {}}
                                                     : protectPair(p.source, p.target, false);
            examples.push_back({joined.src.encode(pair.source), joined.tgt.encode(pair.target)});
            references.push_back(p.target);
            spans.push_back(std::move(pair.spans));
        }
        if (examples.empty()) throw std::runtime_error(args.get("dev") + ": no pairs");
        const auto scores =
            evaluate(joined.networks(), examples, references, joined.tgt, options, 64, spans);
        joined.meta.devBleu = scores.bleu;
        joined.meta.devChrf = scores.chrf;
        joined.meta.devLoss = scores.loss;
        joined.meta.devPairs = static_cast<int64_t>(examples.size());
        joined.meta.devBeam = options.beam;
    }
    // Written beside its place and renamed into it: never half an ensemble.
    const std::string partial = out + ".partial";
    fs::remove_all(partial);
    joined.save(partial);
    fs::rename(partial, out);
    std::printf("%s: %lld networks, %lld parameters\n", out.c_str(),
                static_cast<long long>(joined.meta.members),
                static_cast<long long>(joined.meta.parameters));
    if (joined.meta.devPairs > 0)
        std::printf("dev (%lld pairs, beam %d): BLEU = %.2f chrF = %.2f loss = %.3f\n",
                    static_cast<long long>(joined.meta.devPairs), joined.meta.devBeam,
                    joined.meta.devBleu, joined.meta.devChrf, joined.meta.devLoss);
    return 0;
}

}  // namespace dari
