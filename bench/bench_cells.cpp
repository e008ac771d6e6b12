// RNN vs GRU vs LSTM, with and without attention, and the Transformer the notes end with: the
// study notes' claims, measured.
//
// Trains the translation recipe once per cell x attention, and once as a Transformer, under
// the same wall-clock budget (dari train --minutes), then measures each bundle:
//   parameters, training tokens/s, epochs reached, dev loss and dev BLEU (greedy,
//   best validation), greedy batch-1 decoding speed,
//   gradient reach: ||dL/dh_1|| / ||dL/dh_last|| for the encoder's forward
//     direction, averaged over dev sentences of 20+ source pieces (how much of
//     the error signal BPTT carries back to the start of a sentence); for the
//     Transformer, the same ratio on the encoder's output states (the top encoder
//     layer's output, the memory the decoder attends to) at the first and last
//     positions: no recurrence, so nothing has to travel back through time,
//   step time for source (and target) length 10, 20, 40, 80 at batch 64
//     (recurrence runs position by position: the sequential bottleneck).
// The Transformer row is the recipe with model.architecture: transformer, d_model 256 (the
// recipe's embedding_size), 4 heads, feed-forward 512, 2 encoder + 2 decoder layers, tied
// embeddings: 3.4 M parameters on the recipe's vocabularies, near GRU + bahdanau's 2.9 M (a
// 1024 feed-forward would make it 4.5 M). Same learning rate, schedule and dropout as the
// recipe (no warm-up: the layers are post-norm and shallow).
// Writes a Markdown table to --out and to stdout; --only ROW (transformer, or CELL-ATTENTION
// like gru-bahdanau) measures that row alone and writes it to stdout only (and to --out if
// given).
//
//   bench_cells [--minutes 2] [--recipe configs/ko-en.yaml] [--data ../shared/data]
//               [--runs runs/cells] [--out bench/results/cells.md] [--cells rnn,gru,lstm]
//               [--attention none,bahdanau] [--transformer yes|no] [--only ROW]

#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "data/atomic_file.h"
#include "data/corpus.h"
#include "model/blas_kernels.h"
#include "model/bundle/bundle.h"
#include "model/runtime.h"
#include "model/search/search.h"
#include "model/training/data_parallel.h"
#include "model/training/evaluator.h"

using namespace dari;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

struct Options {
    double minutes = 2.0;
    std::string recipe = "configs/ko-en.yaml", data = "../shared/data", runs = "runs/cells",
                out = "bench/results/cells.md";
    std::vector<std::string> cells{"rnn", "gru", "lstm"}, attentions{"none", "bahdanau"};
    bool transformer = true;  // the Transformer row after the recurrent ones
    std::string only;         // one row: "transformer" or CELL-ATTENTION
    bool outGiven = false;
};

// The Transformer row's settings (see the header), as dari train overrides.
const char* const kTransformerArguments =
    " --set model.architecture=transformer --set model.heads=4 --set model.feedforward=512"
    " --set model.encoder_layers=2 --set model.decoder_layers=2";

struct Row {
    std::string cell, attention;
    int64_t parameters = 0;
    double tokensPerSecond = 0, epochs = 0, devLoss = 0, devBleu = 0, decodePerSecond = 0,
           reach = 0;
    int reachSentences = 0;
    std::vector<double> stepMs;  // per length in kLengths
};

const std::vector<int64_t> kLengths{10, 20, 40, 80};

double since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        parts.push_back(part);
    return parts;
}

// Mean tokens/s over the run's progress events (validation time excluded).
double meanTokensPerSecond(const std::string& logPath) {
    std::ifstream in(logPath);
    double sum = 0;
    int count = 0;
    for (std::string line; std::getline(in, line);) {
        const auto event = nlohmann::json::parse(line, nullptr, false);
        if (event.is_object() && event.contains("tokens_per_s") &&
            event["tokens_per_s"].get<double>() > 0) {
            sum += event["tokens_per_s"].get<double>();
            ++count;
        }
    }
    return count ? sum / count : 0.0;
}

double decodeSentencesPerSecond(Bundle& bundle, const std::vector<SentencePair>& dev) {
    const size_t count = std::min<size_t>(200, dev.size());
    DecodeOptions greedy;
    const auto start = Clock::now();
    for (size_t i = 0; i < count; ++i)
        decode(bundle.model, makeSourceBatch({bundle.src.encode(dev[i].source)}), greedy);
    return count / since(start);
}

// ||dL/dh_1|| / ||dL/dh_last|| of the forward encoder direction (Transformer: of the encoder's
// output states), one sentence at a time.
std::pair<double, int> gradientReach(Bundle& bundle, const std::vector<SentencePair>& dev) {
    bundle.model->eval();  // no dropout: the same network for every sentence
    double sum = 0;
    int count = 0;
    for (const auto& pair : dev) {
        Example example{bundle.src.encode(pair.source), bundle.tgt.encode(pair.target)};
        if (example.src.size() < 20) continue;
        const auto batch = makeBatch({example}, {0});
        const auto result = bundle.model->forward(batch.src, batch.tgtIn);
        const auto loss = sequenceLoss(result.logits, batch.tgtOut, 0.0);
        torch::Tensor first, last;
        if (bundle.model->isTransformer()) {
            const auto states = result.encoded.outputs;  // [1, S, E]
            const auto grad = torch::autograd::grad({loss}, {states})[0][0];
            first = grad[0];
            last = grad[-1];
        } else {
            const auto& states = result.encoded.forwardStates;
            const auto grads = torch::autograd::grad({loss}, {states.front(), states.back()});
            first = grads[0];
            last = grads[1];
        }
        const double lastNorm = last.norm().item<double>();
        if (lastNorm <= 0) continue;
        sum += first.norm().item<double>() / lastNorm;
        ++count;
    }
    return {count ? sum / count : 0.0, count};
}

// Milliseconds per training step (forward + backward) for batch 64 of length L.
std::vector<double> stepTimes(Bundle& bundle, int64_t batch) {
    bundle.model->train();
    std::vector<double> out;
    torch::manual_seed(1);
    for (const auto length : kLengths) {
        std::vector<Example> examples;
        for (int64_t i = 0; i < batch; ++i) {
            const auto src = torch::randint(4, bundle.src.size(), {length}),
                       tgt = torch::randint(4, bundle.tgt.size(), {length});
            examples.push_back(
                {std::vector<int64_t>(src.data_ptr<int64_t>(), src.data_ptr<int64_t>() + length),
                 std::vector<int64_t>(tgt.data_ptr<int64_t>(), tgt.data_ptr<int64_t>() + length)});
        }
        std::vector<size_t> indices(examples.size());
        for (size_t i = 0; i < indices.size(); ++i)
            indices[i] = i;
        batchGradients(bundle.model, examples, indices, 1.0, 0.1);  // warm-up
        const int repeats = 3;
        const auto start = Clock::now();
        for (int r = 0; r < repeats; ++r)
            batchGradients(bundle.model, examples, indices, 1.0, 0.1);
        out.push_back(1e3 * since(start) / repeats);
    }
    return out;
}

std::string table(const std::vector<Row>& rows, const Options& options) {
    std::ostringstream md;
    char buffer[512];
    md << "| cell | attention | parameters | train tok/s | epochs | dev loss | dev BLEU | greedy "
          "sent/s "
          "| gradient reach h1/hlast | step ms L=10 | L=20 | L=40 | L=80 |\n"
       << "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const auto& r : rows) {
        std::snprintf(buffer, sizeof buffer,
                      "| %s | %s | %.2f M | %.0f | %.1f | %.3f | %.2f | %.0f | %.2e (%d sent.) | "
                      "%.0f | %.0f | %.0f | %.0f |\n",
                      r.cell.c_str(), r.attention.c_str(), r.parameters / 1e6, r.tokensPerSecond,
                      r.epochs, r.devLoss, r.devBleu, r.decodePerSecond, r.reach, r.reachSentences,
                      r.stepMs[0], r.stepMs[1], r.stepMs[2], r.stepMs[3]);
        md << buffer;
    }
    md << "\n"
       << options.minutes << " minutes of `dari train --config " << options.recipe
       << "` per row on " << configuredThreads() << " threads; measured " << isoTimeNow()
       << " by bench_cells.\n";
    return md.str();
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--minutes")
            o.minutes = std::stod(value);
        else if (key == "--recipe")
            o.recipe = value;
        else if (key == "--data")
            o.data = value;
        else if (key == "--runs")
            o.runs = value;
        else if (key == "--out")
            o.out = value, o.outGiven = true;
        else if (key == "--transformer")
            o.transformer = value == "yes";
        else if (key == "--only")
            o.only = value;
        else if (key == "--cells")
            o.cells = split(value);
        else if (key == "--attention")
            o.attentions = split(value);
        else
            throw std::runtime_error("unknown option " + key);
    }
    return o;
}

}  // namespace

int main(int argc, char** argv) try {
    dari::restartWithBetterBlas(argv);  // before anything else: model/blas_kernels.h
    const Options options = parse(argc, argv);
    configureThreads(0);
    const std::string dari = (fs::path(argv[0]).parent_path() / "dari").string();
    const std::string train = options.data + "/tatoeba-ko-en/train.tsv",
                      devPath = options.data + "/tatoeba-ko-en/dev.tsv";
    const auto dev = readCorpus({devPath}).pairs;
    // Every row: its name and table cells, and its dari train arguments.
    struct Plan {
        std::string name, cell, attention, arguments;
    };
    std::vector<Plan> plans;
    for (const auto& cell : options.cells)
        for (const auto& attention : options.attentions)
            plans.push_back({cell + "-" + attention, cell, attention,
                             " --cell " + cell + " --attention " + attention});
    if (options.transformer || options.only == "transformer")
        plans.push_back({"transformer", "transformer", "multi-head (4)", kTransformerArguments});
    if (!options.only.empty()) {
        std::vector<Plan> chosen;
        for (const auto& plan : plans)
            if (plan.name == options.only) chosen.push_back(plan);
        if (chosen.empty())
            throw std::runtime_error("--only " + options.only +
                                     ": no such row (transformer, or CELL-ATTENTION)");
        plans = chosen;
    }
    std::vector<Row> rows;
    for (const auto& plan : plans) {
        Row row{plan.cell, plan.attention};
        const std::string out = options.runs + "/" + plan.name;
        fs::remove_all(out);
        std::ostringstream command;
        command << dari << " train --config " << options.recipe << " --train " << train << " --dev "
                << devPath << " --out " << out << " --minutes " << options.minutes << plan.arguments
                << " > " << out << ".log 2>&1";
        std::fprintf(stderr, "training %s for %.1f min...\n", plan.name.c_str(), options.minutes);
        fs::create_directories(options.runs);
        if (std::system(command.str().c_str()) != 0)
            throw std::runtime_error("dari train failed: see " + out + ".log");
        auto bundle = Bundle::load(out);
        if (configuredThreads() > 1) setBlasThreads(1);  // as in training
        row.parameters = bundle.meta.parameters;
        row.epochs = bundle.meta.epochs;
        row.devLoss = bundle.meta.devLoss;
        row.devBleu = bundle.meta.devBleu;
        row.tokensPerSecond = meanTokensPerSecond(out + "/train_log.jsonl");
        std::tie(row.reach, row.reachSentences) = gradientReach(bundle, dev);
        row.stepMs = stepTimes(bundle, 64);
        setBlasThreads(configuredThreads());  // decoding one sentence: BLAS threads help
        row.decodePerSecond = decodeSentencesPerSecond(bundle, dev);
        rows.push_back(row);
        std::fputs(table({row}, options).c_str(), stderr);
    }
    const auto markdown = table(rows, options);
    if (options.only.empty() || options.outGiven) {  // one row never replaces the whole table
        fs::create_directories(fs::path(options.out).parent_path());
        writeFileAtomically(options.out, markdown);
    }
    std::fputs(markdown.c_str(), stdout);
} catch (const std::exception& e) {
    std::fprintf(stderr, "bench_cells: %s\n", e.what());
    return 1;
}
