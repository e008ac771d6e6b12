#include "app/option_table.h"

#include <sstream>

#include "app/commands.h"
#include "model/bundle/config.h"

namespace dari {
namespace {

const Option kThreads{"threads",
                      "N",
                      "compute threads (default all cores, or env DARI_THREADS)",
                      {"train.threads"},
                      false,
                      false,
                      true};

const Option kModel{"model", "NAME|DIR",
                    "the model: a folder, or the name of an installed one (dari models)"};

const std::vector<Option> kCorpusFormat = {
    {"langs",
     "SRC,TGT",
     "languages: with a PREFIX corpus, the files PREFIX.SRC and PREFIX.TGT",
     {"data.src_lang", "data.tgt_lang"},
     true},
    {"columns", "SRC,TGT", "the columns of a .csv corpus (default the first two)"},
};

const Option kStrict{"strict", nullptr,
                     "stop at the first line that cannot be read (invalid UTF-8, a NUL byte,\n"
                     "too long); by default it gets an empty line and a note on stderr"};

const std::vector<Option> kDecode = {
    {"beam", "N", "beam size (1: greedy); default the model's decode.beam"},
    {"nbest", "N", "print the N best alternatives, tab-separated (N <= beam)"},
    {"length-penalty", "X", "beam score / length^X (0: none); default the model's"},
    {"word-reward", "X", "beam: + X for each output piece (> 0: longer outputs)"},
    {"no-repeat-ngram", "N", "never repeat an n-gram of this size (0: off)"},
    {"max-length-ratio", "X", "output at most X pieces per source piece (+10)"},
    {"temperature", "X", "sampling (chat models): temperature"},
    {"top-k", "N", "sampling: among the N likeliest pieces (0: all)"},
    {"top-p", "P", "sampling: among the likeliest pieces holding P of the probability"},
    {"seed", "N", "sampling: repeatable draws"},
    {"frequent-replies", "avoid|allow",
     "chat, beam: whether one of the training corpus's most frequent replies may be chosen\n"
     "over another hypothesis; default the model's decode.avoid_frequent_replies"},
    {"batch", "N", "sentences decoded together (default 32)"},
    {"device", "cpu|cuda|cuda:N", "where the networks run; default the model's decode.device"},
};

// Distributed training (app/train_launcher.h); a launcher that sets torchrun's variables
// (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT) needs none of them.
const std::vector<Option> kDistributed = {
    {"nproc",
     "N",
     "train in N processes on this machine (each its share of the cores), the\n"
     "gradients summed over them: the same model as one process",
     {},
     false,
     false,
     true},
    {"nnodes",
     "M",
     "with --master: M machines train together, each starting --nproc processes",
     {},
     false,
     false,
     true},
    {"node-rank",
     "R",
     "this machine's number among the --nnodes (0: the one rank 0 runs on)",
     {},
     false,
     false,
     true},
    {"master",
     "HOST:PORT",
     "where rank 0 listens (node 0's address, a free port): the same on every\nmachine",
     {},
     false,
     false,
     true},
};

std::vector<Option> join(std::vector<std::vector<Option>> groups) {
    std::vector<Option> all;
    for (auto& group : groups)
        all.insert(all.end(), group.begin(), group.end());
    return all;
}

const char* kTrainUsage =
    R"(usage: dari train [--config FILE.yaml] --train CORPUS [--dev CORPUS] --out DIR [options]
       dari train --train A.tsv --train B.tsv:0.5 --dev A-dev.tsv --dev B-dev.tsv --out DIR
       dari train --config FILE.yaml --data-dir DIR --out DIR     (FILE's data.corpora)
       dari train --resume DIR [--minutes M | --epochs N] [--threads N]
       dari train ... --nproc N                       (N processes on this machine)
       dari train ... --nnodes M --node-rank R --master HOST:PORT [--nproc N]   (on each machine)

CORPUS is a .tsv file (source<TAB>target), a .csv file with a header (--columns SRC,TGT
picks the columns, default the first two), or a prefix with --langs SRC,TGT meaning the
aligned files PREFIX.SRC and PREFIX.TGT. Without --dev, a dev split is taken from the first
--train. Training corpora are cleaned first (data.clean: markup, too long, wrong script,
copies, odd length ratios, near duplicates, dev sources), each drop counted in DIR/cleaning.json.
A resumed run keeps its config.yaml; only the budget, the threads, the device and --json,
--stop-after-steps and the processes may change. A distributed run (--nproc, --nnodes, or
torchrun's variables RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR, MASTER_PORT set by a launcher
such as srun) trains the same model as one process: train.batch_sentences is the global batch,
dealt over every process's threads; rank 0 validates and writes, the others write nothing.
--task classify trains a classifier instead (dari classify): each line of the corpus is
text<TAB>label; its budget is in epochs, and it is neither resumed nor distributed.
)";

std::vector<Option> trainOptions() {
    return join(
        {{
             {"config", "FILE.yaml", "start from this config (default: every setting's default)"},
             {"train",
              "CORPUS[:W]",
              "a training corpus; give several to mix them, each with its weight W\n"
              "(pairs per epoch = W x its pairs; default 1). Replaces the config's\n"
              "data.corpora",
              {},
              false,
              true},
             {"dev",
              "CORPUS",
              "a dev set (validation, best checkpoint, early stop); several are each\n"
              "scored, train.best_by says which score picks the best checkpoint",
              {},
              false,
              true},
             {"data-dir", "DIR", "where data.corpora's relative paths start (default: here)"},
             {"out", "DIR", "the model folder to write"},
             {"resume", "DIR", "continue DIR's interrupted run exactly"},
             {"epochs",
              "N",
              "training budget in epochs (sets train.minutes to 0)",
              {"train.epochs"},
              false,
              false,
              true},
             {"minutes",
              "M",
              "training budget in wall-clock minutes",
              {"train.minutes"},
              false,
              false,
              true},
             {"cell", "rnn|gru|lstm", "the recurrent cell", {"model.cell"}},
             {"attention", "KIND", "none|bahdanau|dot|general", {"model.attention"}},
             {"task", "translate|chat|classify", "what the model is for", {"data.task"}},
             {"pooling",
              "last|attention",
              "classify: the encoder's final state, or attention over every state",
              {"model.pooling"}},
         },
         kCorpusFormat,
         {
             {"vocab-size",
              "N",
              "SentencePiece pieces per side",
              {"data.src_vocab_size", "data.tgt_vocab_size"}},
             {"embedding", "N", "embedding size", {"model.embedding_size"}},
             {"hidden",
              "N",
              "encoder hidden size (the decoder: twice that if bidirectional)",
              {"model.encoder_hidden"}},
             {"layers",
              "N",
              "encoder and decoder layers",
              {"model.encoder_layers", "model.decoder_layers"}},
             {"dropout", "P", "dropout probability", {"model.dropout"}},
             {"batch-size", "N", "sentences per batch", {"train.batch_sentences"}},
             {"lr", "X", "learning rate", {"train.learning_rate"}},
             {"seed", "N", "random seed", {"train.seed"}},
             kThreads,
             {"device",
              "cpu|cuda|cuda:N",
              "where training runs (a GPU needs a LibTorch built with CUDA)",
              {"train.device"},
              false,
              false,
              true},
             {"validate-every", "N", "steps between validations", {"train.validate_every"}},
             {"set",
              "KEY=VALUE",
              "any config setting (e.g. --set train.label_smoothing=0.2)",
              {},
              false,
              true},
             {"init-from", "BUNDLE", "fine-tune an existing model (its vocabularies and network)"},
             {"vocab-from", "BUNDLE",
              "a new network on an existing model's vocabularies (to join\nit in an ensemble: see "
              "dari "
              "ensemble --help)"},
             {"skip-invalid", nullptr,
              "skip malformed pairs (reported by kind) instead of stopping"},
             {"json",
              nullptr,
              "also print every log event as a JSON line on stdout",
              {},
              false,
              false,
              true},
             {"stop-after-steps",
              "N",
              "stop (resumably) after N steps, as if interrupted",
              {},
              false,
              false,
              true},
         },
         kDistributed});
}

const char* kTranslateUsage = R"(usage: dari translate --model DIR [options] < input.txt

Translates each line of stdin (several sentences in a line are split and
translated one by one) and prints one line for each.
)";

const char* kClassifyUsage = R"(usage: dari classify --model DIR [--probs] < input.txt

Prints one label for each line of stdin, from a classification model (dari train
--task classify, on a corpus of text<TAB>label lines). With --probs, a header line
"#label<TAB>p(A)<TAB>p(B)..." comes first, then each line's label and the probability
of every label in that order (the labels sorted, as in the model's meta.json).
)";

const char* kChatUsage = R"(usage: dari chat --model DIR [options]

Replies to each line of stdin. Replies are sampled (--temperature, --top-k,
--top-p; repeatable with --seed) unless --beam is given.
)";

const char* kEvalUsage = R"(usage: dari eval --model DIR --test CORPUS [options]
       dari eval --model DIR [--data-dir DIR]     (the model's own dev and held-out sets)

Translates the sources of CORPUS (as for dari train: .tsv, .csv or --langs)
and prints distinct-1/2 of the outputs, then BLEU and chrF (sacreBLEU's
defaults) against its targets on the last line. Without --test, every dev set of
the model's data.corpora and every set its training held out (DIR/held_out/) is
scored, one line each. A classification model labels the sources instead and
prints each label's F1, the confusion matrix and the majority baseline, then
"accuracy = A macro-F1 = F baseline = B" on the last line.
)";

const char* kScoreUsage = R"(usage: dari score --hyp FILE --ref FILE

Scores hypotheses against references (one sentence per line, same number of lines)
and prints BLEU and chrF, computed as sacreBLEU does by default.
)";

const char* kInfoUsage = R"(usage: dari info --model DIR

Summarises a model bundle: task, network, parameters, vocabularies, training and dev scores.
)";

const char* kInspectUsage =
    R"(usage: dari inspect --model DIR --text "..." [--reference "..."] [--json]

Runs one sentence through the model's network (an ensemble's first) and shows what it
computes: the pieces read, the encoder's states and gate activations at every position, the
decoder's at every target step, the attention, and backpropagation through time: how much of
the loss's gradient reaches each of the encoder's top-layer states, with the recurrent
Jacobian's norm and the mean tanh' and sigma' of each step (the vanishing gradient). The loss
is the reference's cross-entropy, or without --reference that of the network's own greedy
output. --json prints every value as one JSON object (keys: model/inspect/inspection_json.h).
)";

const char* kStatusUsage = R"(usage: dari status --run DIR

Says where a training run stands, in one line: finished, interrupted (the step a resume
starts from, and the share of its budget spent at the last log event: also while it still
runs), started without a checkpoint yet, or no run. Exit code 0: finished;
3: interrupted, resumable with dari train --resume DIR; 4: not started or no run.
)";

const char* kEnsembleUsage =
    R"(usage: dari ensemble --out DIR --member BUNDLE --member BUNDLE [...] [--dev CORPUS]

Joins models into one bundle whose networks decode together: at every output piece
their probabilities are averaged, which is usually better than any one of them
(independently trained networks make different mistakes). Members must share the
task, the vocabularies and the network settings: train the first as usual, then
the others with dari train --vocab-from FIRST (and another --seed). Decoding takes
as many times longer as there are networks.
)";

const char* kCalibrateUsage =
    R"(usage: dari calibrate --model DIR --dev CORPUS [--dev CORPUS ...] [options]
       dari calibrate --model DIR --data-dir DIR    (the dev sets of the model's data.corpora)

Translates the sources of each CORPUS (the model's dev sets: never a test set) with the
model's decode settings and ties the outputs' scores (mean log-probability per piece) to how
good they turned out: medium from the score where outputs averaged sentence chrF 45 against
their references, high from where they averaged 65, low below (a monotone fit over all the
dev sets together). A chat model's replies are not wrong for differing from their reference:
its levels are the thirds of its dev replies' scores. The thresholds go into the model's
meta.json; dari translate --scores and the window then say how sure each output is. Prints
each level's chrF and BLEU on every CORPUS and on all together: low should score below
medium, medium below high.
)";

const char* kPackUsage = R"(usage: dari pack --model NAME|DIR --out FILE.dari [options]

Packs a model into one file to give to someone else: its config, vocabularies and
weights, and a manifest that is its model card (task, languages, network, dev scores,
the training data and its licence, the Dari that made it) with a SHA-256 of each file.
The training run's files (checkpoint.pt, the log) stay behind. The card is printed.
)";

const char* kUnpackUsage = R"(usage: dari unpack FILE.dari --out DIR
       dari unpack FILE.dari --card

Unpacks a packed model into the new folder DIR, or with --card only prints its model
card. Every file is checked against its SHA-256 and the model is loaded once before
DIR appears; an archive with anything but the model's own files (absolute paths, "..",
links, devices, unlisted files) is refused.
)";

const char* kModelsUsage = R"(usage: dari models [list]
       dari models install FILE.dari [--replace] [--to DIR]
       dari models remove NAME [--from DIR]
       dari models card FILE.dari

Models are found by name (dari translate --model ko-en) in this order, the first
wins: $DARI_MODELS; $XDG_DATA_HOME/dari/models (~/.local/share/dari/models), where
install puts them; DIR/dari/models for each DIR of $XDG_DATA_DIRS (/usr/share/dari/models
holds packaged ones); the source tree's models/ when dari runs from its build folder.
list shows every model found and where; install checks a packed model as dari unpack
does and adds it; remove deletes an installed one; card prints a packed model's card.
)";

const char* kCorpusUsage =
    R"(usage: dari corpus clean IN OUT.tsv [--dev CORPUS ...] [--report FILE.json] [options]

Runs IN through the cleaning dari train applies to its training corpora (data.clean):
markup taken out where the text survives (reStructuredText roles and literals, **bold**,
<gui>...</gui>), and pairs dropped that are too long, in the wrong script, copied, of an odd
length ratio, duplicates or near duplicates, or whose source is a --dev set's. OUT gets the
pairs kept; the counts per rule, with examples, are printed (and written to --report).
)";

const std::vector<Command> kCommands = {
    {"train", "train a model on a parallel corpus", kTrainUsage, trainOptions(), runTrain},
    {"translate", "translate lines from stdin", kTranslateUsage,
     join({{kModel,
            kStrict,
            {"scores", nullptr,
             "after each line, tab-separated: how sure the model is (low, medium, high;\n"
             "unknown until dari calibrate) and the score (mean log-probability per\n"
             "piece of its least sure sentence)"}},
           kDecode,
           {kThreads}}),
     runTranslate},
    {"classify",
     "label each line of stdin with a classification model",
     kClassifyUsage,
     {kModel,
      {"probs", nullptr, "also print each label's probability, tab-separated"},
      {"batch", "N", "sentences classified together (default 64)"},
      kThreads},
     runClassify},
    {"eval", "translate a test set and score it (BLEU, chrF; distinct-n, --sample for chat)",
     kEvalUsage,
     join({{kModel,
            {"test", "CORPUS", "the test corpus"},
            {"data-dir", "DIR", "without --test: where data.corpora's relative paths start"},
            {"out", "FILE", "also write the outputs, one per line"},
            {"sample", nullptr, "sample the outputs as dari chat does"},
            {"strict", nullptr,
             "stop at the first malformed pair (default: skip it, counted in the summary)"}},
           kCorpusFormat,
           kDecode,
           {kThreads}}),
     runEval},
    {"score",
     "score a hypothesis file against a reference file",
     kScoreUsage,
     {{"hyp", "FILE", "the hypotheses, one per line"},
      {"ref", "FILE", "the references, one per line"},
      kThreads},
     runScore},
    {"chat", "talk to a reply model", kChatUsage, join({{kModel, kStrict}, kDecode, {kThreads}}),
     runChat},
    {"info", "summarise a model bundle", kInfoUsage, {kModel, kThreads}, runInfo},
    {"inspect",
     "show a network's states, gates, attention and gradients on one sentence",
     kInspectUsage,
     {kModel,
      {"text", "TEXT", "the sentence to run through the network"},
      {"reference", "TEXT",
       "its translation (a classifier: its label), whose loss is measured (default: the greedy "
       "output; the predicted label)"},
      {"json", nullptr, "print everything as one JSON object"},
      kThreads},
     runInspect},
    {"status",
     "say whether a training run finished or can be continued",
     kStatusUsage,
     {{"run", "DIR", "the training run's folder (dari train --out)"}, kThreads},
     runStatus},
    {"calibrate", "measure on a dev set how sure a model's outputs are (for --scores)",
     kCalibrateUsage,
     join({{{"model", "NAME|DIR", "the model (its meta.json gets the thresholds)"},
            {"dev",
             "CORPUS",
             "a dev set (as for dari train); several are pooled. Default: the dev sets\n"
             "of the model's data.corpora",
             {},
             false,
             true},
            {"data-dir", "DIR", "where data.corpora's relative paths start (default: here)"}},
           kCorpusFormat,
           kDecode,
           {kThreads}}),
     runCalibrate},
    {"ensemble", "join models trained on the same vocabularies into one that decodes with all",
     kEnsembleUsage,
     join({{{"out", "DIR", "the ensemble's folder (must not exist)"},
            {"member",
             "BUNDLE",
             "a model to join (at least two; an ensemble brings all its networks)",
             {},
             false,
             true},
            {"dev", "CORPUS",
             "score the ensemble on this corpus with its decode settings; the\nscores go into "
             "meta.json (dari info "
             "shows them)"}},
           kCorpusFormat,
           {kThreads}}),
     runEnsemble},
    {"pack",
     "pack a model into one file with its model card, to share it",
     kPackUsage,
     {kModel,
      {"out", "FILE.dari", "the file to write"},
      {"name", "NAME", "the name it installs under (default the model folder's name)"},
      {"data", "CORPUS", "the training corpus, for a model that did not record it (an older one)"},
      {"data-licence", "TEXT", "the training data's licence, for a corpus Dari does not know"},
      kThreads},
     runPack},
    {"unpack",
     "unpack a packed model into a folder, verified",
     kUnpackUsage,
     {{"out", "DIR", "the new folder"}, {"card", nullptr, "only print the model card"}, kThreads},
     runUnpack,
     1},
    {"models",
     "list, install and remove models found by name",
     kModelsUsage,
     {{"replace", nullptr, "install: replace an installed model of the same name"},
      {"to", "DIR", "install: into DIR (default $DARI_MODELS, else ~/.local/share/dari/models)"},
      {"from", "DIR", "remove: from DIR (default as for --to)"},
      kThreads},
     runModels,
     2},
    {"corpus", "clean a corpus as training does, with a report of what left it", kCorpusUsage,
     join({{{"dev",
             "CORPUS",
             "a dev set: pairs with one of its sources are dropped",
             {},
             false,
             true},
            {"report", "FILE.json", "also write the counts and examples (as cleaning.json)"},
            {"config", "FILE.yaml", "take the data.* cleaning settings from this config"},
            {"set",
             "KEY=VALUE",
             "a setting (e.g. --set data.clean_length_ratio=4)",
             {},
             false,
             true},
            {"skip-invalid", nullptr, "skip malformed lines (counted) instead of stopping"}},
           kCorpusFormat,
           {kThreads}}),
     runCorpus, 3},
};

std::string optionLine(const Option& o) {
    std::string head = std::string("  --") + o.name + (o.value ? std::string(" ") + o.value : "");
    if (head.size() < 27)
        head.resize(27, ' ');
    else
        head += "\n" + std::string(27, ' ');
    std::string help = o.help;
    if (!o.configKeys.empty() && !o.splitValue && std::string(o.name) != "threads") {
        const Config defaults;
        const std::string setting = "[" + std::string(o.configKeys.front()) + ", default " +
                                    defaults.get(o.configKeys.front()) + "]";
        const size_t lastLine =
            help.size() - (help.rfind('\n') == std::string::npos ? 0 : help.rfind('\n') + 1);
        help += (27 + lastLine + 1 + setting.size() > 100 ? "\n" : " ") + setting;
    }
    std::string text;
    for (size_t start = 0;;) {
        const size_t end = help.find('\n', start);
        text += (start ? std::string(27, ' ') : head) + help.substr(start, end - start) + "\n";
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return text;
}

}  // namespace

const std::vector<Command>& commands() {
    return kCommands;
}

const Command* findCommand(const std::string& name) {
    for (const auto& c : kCommands)
        if (name == c.name) return &c;
    return nullptr;
}

const Option* findOption(const Command& command, const std::string& name) {
    for (const auto& o : command.options)
        if (name == o.name) return &o;
    return nullptr;
}

std::string commandHelp(const Command& command) {
    std::string text = std::string(command.usage) + "\noptions:\n";
    for (const auto& o : command.options)
        text += optionLine(o);
    text += optionLine({"help", nullptr, "show this help"});
    return text;
}

std::string mainHelp() {
    std::ostringstream out;
    out << "usage: dari <command> [options]\n\n"
           "Korean -> English translation and chat with recurrent encoder-decoder networks.\n\n"
           "commands:\n";
    for (const auto& c : kCommands) {
        std::string name = c.name;
        name.resize(11, ' ');
        out << "  " << name << c.summary << "\n";
    }
    out << R"(
options:
  -h, --help     show this help (also: dari <command> --help)
  --help-all     show this help and every command's
  --version      show the versions of Dari and the libraries it runs on
  --threads N    (after a command) compute threads; default all cores, or env DARI_THREADS

examples:
  dari train --train ../shared/data/tatoeba-ko-en/train.tsv --out models/my-ko-en --minutes 10
  echo "안녕하세요." | dari translate --model models/my-ko-en --beam 5
  dari eval --model models/my-ko-en --test ../shared/data/tatoeba-ko-en/dev.tsv
)";
    return out.str();
}

std::string fullHelp() {
    std::string text = mainHelp();
    for (const auto& c : kCommands) {
        // Indented under "dari NAME:": help2man makes each command a subsection.
        text += std::string("\ndari ") + c.name + ":\n";
        std::istringstream lines(commandHelp(c));
        for (std::string line; std::getline(lines, line);)
            text += (line.empty() ? "" : "  ") + line + "\n";
    }
    return text;
}

}  // namespace dari
