#include "app/command_help.h"

#include <map>

namespace dari {
namespace {

#define DARI_DECODE_OPTIONS \
    "  --beam N                 beam size (1: greedy); default the model's decode.beam\n" \
    "  --nbest N                print the N best alternatives, tab-separated (N <= beam)\n" \
    "  --length-penalty X       beam score / length^X (0: none)\n" \
    "  --word-reward X          beam: + X for each output piece (> 0: longer outputs)\n" \
    "  --no-repeat-ngram N      never repeat an n-gram of this size (0: off)\n" \
    "  --max-length-ratio X     output at most X pieces per source piece (+10)\n" \
    "  --temperature X  --top-k N  --top-p P  --seed N   sampling (chat models)\n" \
    "  --batch N                sentences decoded together (default 32)\n" \
    "  --threads N              compute threads (default all cores, or env DARI_THREADS)\n"

const char* kTrain = R"(usage: dari train [--config FILE.yaml] --train CORPUS [--dev CORPUS] --out DIR [options]
       dari train --resume DIR

CORPUS is a .tsv file (source<TAB>target), a .csv file with a header (--columns SRC,TGT
picks the columns, default the first two), or a prefix with --langs SRC,TGT meaning the
aligned files PREFIX.SRC and PREFIX.TGT. Without --dev, a dev split is taken from --train.

options:
  --epochs N | --minutes M   training budget
  --cell rnn|gru|lstm        --attention none|bahdanau|dot|general
  --task translate|chat      --langs SRC,TGT       --columns SRC,TGT
  --vocab-size N  --embedding N  --hidden N  --layers N  --dropout P
  --batch-size N  --lr X  --seed N  --threads N  --validate-every N
  --set KEY=VALUE            any config setting (e.g. --set train.label_smoothing=0.2)
  --init-from BUNDLE         fine-tune an existing model (its vocabularies and network)
  --vocab-from BUNDLE        a new network on an existing model's vocabularies (to join
                             it in an ensemble: see dari ensemble --help)
  --skip-invalid             skip malformed pairs (reported by kind) instead of stopping
  --json                     also print every log event as a JSON line on stdout
  --stop-after-steps N       stop (resumably) after N steps, as if interrupted
)";

const char* kTranslate = "usage: dari translate --model DIR [options] < input.txt\n\n"
                         "Translates each line of stdin (several sentences in a line are split and\n"
                         "translated one by one) and prints one line for each.\n\noptions:\n" DARI_DECODE_OPTIONS;

const char* kChat = "usage: dari chat --model DIR [options]\n\n"
                    "Replies to each line of stdin. Replies are sampled (--temperature, --top-k,\n"
                    "--top-p; repeatable with --seed) unless --beam is given.\n\noptions:\n" DARI_DECODE_OPTIONS;

const char* kEval = "usage: dari eval --model DIR --test CORPUS [options]\n\n"
                    "Translates the sources of CORPUS (as for dari train: .tsv, .csv or --langs)\n"
                    "and prints distinct-1/2 of the outputs, then BLEU and chrF (sacreBLEU's\n"
                    "defaults) against its targets on the last line.\n\noptions:\n"
                    "  --out FILE               also write the outputs, one per line\n"
                    "  --sample                 sample the outputs as dari chat does\n"
                    "  --langs SRC,TGT  --columns SRC,TGT\n" DARI_DECODE_OPTIONS;

const char* kScore = R"(usage: dari score --hyp FILE --ref FILE

Scores hypotheses against references (one sentence per line, same number of lines)
and prints BLEU and chrF, computed as sacreBLEU does by default.
)";

const char* kInfo = R"(usage: dari info --model DIR

Summarises a model bundle: task, network, parameters, vocabularies, training and dev scores.
)";

const char* kEnsemble = R"(usage: dari ensemble --out DIR --member BUNDLE --member BUNDLE [...] [--dev CORPUS]

Joins models into one bundle whose networks decode together: at every output piece
their probabilities are averaged, which is usually better than any one of them
(independently trained networks make different mistakes). Members must share the
task, the vocabularies and the network settings: train the first as usual, then
the others with dari train --vocab-from FIRST (and another --seed). Decoding takes
as many times longer as there are networks.

options:
  --member BUNDLE   a model to join (at least two; an ensemble brings all its networks)
  --dev CORPUS      score the ensemble on this corpus with its decode settings; the
                    scores go into meta.json (dari info shows them)
  --threads N       compute threads (default all cores, or env DARI_THREADS)
)";

}  // namespace

const char* commandHelp(const std::string& command) {
    static const std::map<std::string, const char*> help = {{"train", kTrain}, {"translate", kTranslate},
                                                            {"chat", kChat},   {"eval", kEval},
                                                            {"score", kScore}, {"info", kInfo},
                                                            {"ensemble", kEnsemble}};
    const auto it = help.find(command);
    return it == help.end() ? nullptr : it->second;
}

}  // namespace dari
