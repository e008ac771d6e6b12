#include "model/bundle/config.h"

#include "model/device.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <sstream>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace dari {
namespace {

// One row per setting: its dotted key, a comment, and how to read and write it.
struct Field {
    std::string key;
    std::string comment;
    std::function<std::string(const Config&)> get;
    std::function<void(Config&, const std::string&)> set;
};

std::string toText(const std::string& v) {
    return v;
}
std::string toText(bool v) {
    return v ? "true" : "false";
}
template <typename T>
std::string toText(T v) {
    std::ostringstream out;
    out << v;
    return out.str();
}
// The shortest text that reads back as exactly the same double.
std::string toText(double v) {
    for (int digits = 6;; ++digits) {
        std::ostringstream out;
        out.precision(digits);
        out << v;
        if (digits >= std::numeric_limits<double>::max_digits10 || std::stod(out.str()) == v)
            return out.str();
    }
}

void fromText(const std::string& text, std::string& out) {
    out = text;
}
void fromText(const std::string& text, bool& out) {
    if (text == "true" || text == "yes" || text == "1")
        out = true;
    else if (text == "false" || text == "no" || text == "0")
        out = false;
    else
        throw std::invalid_argument("expected true or false");
}
template <typename T>
void fromText(const std::string& text, T& out) {
    if (std::is_unsigned_v<T> && text.find('-') != std::string::npos)
        throw std::invalid_argument("expected a number >= 0");
    std::istringstream in(text);
    T value;
    if (!(in >> value) || !in.eof()) throw std::invalid_argument("expected a number");
    out = value;
}

template <typename Section, typename T>
Field field(const std::string& key, Section Config::*section, T Section::*member,
            const std::string& comment) {
    return {key, comment, [=](const Config& c) { return toText(c.*section.*member); },
            [=](Config& c, const std::string& text) { fromText(text, c.*section.*member); }};
}

const std::vector<Field>& fields() {
    static const std::vector<Field> all = {
        field("data.task", &Config::data, &DataConfig::task,
              "translate | chat | classify (one label per sentence: dari classify)"),
        field("data.src_lang", &Config::data, &DataConfig::srcLang, "source language code"),
        field("data.tgt_lang", &Config::data, &DataConfig::tgtLang, "target language code"),
        field("data.vocab_type", &Config::data, &DataConfig::vocabType,
              "SentencePiece model: unigram | bpe"),
        field("data.src_vocab_size", &Config::data, &DataConfig::srcVocabSize,
              "source pieces (upper bound)"),
        field("data.tgt_vocab_size", &Config::data, &DataConfig::tgtVocabSize,
              "target pieces (upper bound)"),
        field("data.shared_vocab", &Config::data, &DataConfig::sharedVocab,
              "one vocabulary for both sides"),
        field("data.vocab_sentences", &Config::data, &DataConfig::vocabSentences,
              "SentencePiece learns each vocabulary from at most this many sentences, an even "
              "sample of a larger corpus (time and memory stay bounded)"),
        field("data.max_chars", &Config::data, &DataConfig::maxChars,
              "a pair with a longer side is invalid"),
        field("data.max_pieces", &Config::data, &DataConfig::maxPieces,
              "training pairs with a longer side are skipped"),
        field("data.dev_fraction", &Config::data, &DataConfig::devFraction,
              "dev split taken from train when no dev corpus is given"),
        field("data.max_dev_pairs", &Config::data, &DataConfig::maxDevPairs,
              "upper bound on that dev split"),
        field("data.deduplicate", &Config::data, &DataConfig::deduplicate,
              "drop exact duplicate pairs"),
        field("data.placeholders", &Config::data, &DataConfig::placeholders,
              "translate: numbers, Latin-script words, URLs and e-mail addresses pass through "
              "unchanged (placeholder pieces; ignored for chat)"),
        field("data.clean", &Config::data, &DataConfig::clean,
              "clean the training corpora: markup taken out, pairs too long, in the wrong "
              "script, copied, of an odd length ratio, near duplicates or a dev source dropped "
              "(counted in the run folder's cleaning.json); false: only exact duplicates"),
        field("data.clean_length_ratio", &Config::data, &DataConfig::cleanLengthRatio,
              "cleaning: drop a pair whose source/target length ratio is this many times above "
              "or below its corpus's median (0: off)"),
        field("data.clean_warn_share", &Config::data, &DataConfig::cleanWarnShare,
              "cleaning: a rule that drops more than this share of a corpus is reported as a "
              "warning"),
        field("model.architecture", &Config::model, &ModelConfig::architecture,
              "recurrent (the cells and attention below) | transformer (Vaswani et al.: "
              "embedding_size, heads, feedforward, encoder_layers, decoder_layers, dropout, "
              "tie_embeddings; translate and chat)"),
        field("model.cell", &Config::model, &ModelConfig::cell, "recurrent cell: rnn | gru | lstm"),
        field("model.embedding_size", &Config::model, &ModelConfig::embeddingSize,
              "source and target embeddings"),
        field("model.encoder_hidden", &Config::model, &ModelConfig::encoderHidden,
              "encoder state size per direction"),
        field("model.encoder_layers", &Config::model, &ModelConfig::encoderLayers,
              "stacked encoder layers"),
        field("model.bidirectional", &Config::model, &ModelConfig::bidirectional,
              "read the source both ways"),
        field("model.decoder_hidden", &Config::model, &ModelConfig::decoderHidden,
              "decoder state size"),
        field("model.decoder_layers", &Config::model, &ModelConfig::decoderLayers,
              "stacked decoder layers"),
        field("model.attention", &Config::model, &ModelConfig::attention,
              "none (last encoder state only) | bahdanau | dot | general"),
        field("model.attention_size", &Config::model, &ModelConfig::attentionSize,
              "bahdanau's hidden layer"),
        field("model.dropout", &Config::model, &ModelConfig::dropout,
              "dropout on embeddings and outputs"),
        field("model.input_feeding", &Config::model, &ModelConfig::inputFeeding,
              "dot/general: feed the attentional vector to the next step"),
        field("model.tie_embeddings", &Config::model, &ModelConfig::tieEmbeddings,
              "output layer shares the target embeddings"),
        field("model.tied_init", &Config::model, &ModelConfig::tiedInit,
              "tied target embeddings start as: output (N(0, 1/sqrt(embedding_size)), like an "
              "output layer) | unit (N(0, 1), the usual embedding start)"),
        field("model.pooling", &Config::model, &ModelConfig::pooling,
              "classify: last (the encoder's final state) | attention (a learned weighted mean "
              "of every position's state)"),
        field("model.classes", &Config::model, &ModelConfig::classes,
              "classify: number of labels (0: as many as the training data has)"),
        field("model.heads", &Config::model, &ModelConfig::heads,
              "transformer: attention heads (embedding_size must be divisible by it)"),
        field("model.feedforward", &Config::model, &ModelConfig::feedforward,
              "transformer: inner size of each layer's feed-forward block"),
        field("train.batch_sentences", &Config::train, &TrainConfig::batchSentences,
              "sentences per batch"),
        field("train.batch_tokens", &Config::train, &TrainConfig::batchTokens,
              "if > 0: token budget per batch instead"),
        field("train.learning_rate", &Config::train, &TrainConfig::learningRate, "Adam"),
        field("train.label_smoothing", &Config::train, &TrainConfig::labelSmoothing,
              "cross-entropy label smoothing"),
        field("train.word_dropout", &Config::train, &TrainConfig::wordDropout,
              "probability of replacing an input piece by <unk> (source and decoder input)"),
        field("train.clip_norm", &Config::train, &TrainConfig::clipNorm,
              "gradient-norm clipping (0: off)"),
        field("train.teacher_forcing", &Config::train, &TrainConfig::teacherForcing,
              "probability of feeding the gold token, at the start"),
        field("train.teacher_forcing_end", &Config::train, &TrainConfig::teacherForcingEnd,
              "... decaying linearly to this at the end"),
        field("train.epochs", &Config::train, &TrainConfig::epochs,
              "budget in epochs (unless minutes > 0)"),
        field("train.minutes", &Config::train, &TrainConfig::minutes,
              "budget in wall-clock minutes"),
        field("train.validate_every", &Config::train, &TrainConfig::validateEvery,
              "steps between validations and checkpoints"),
        field("train.timed_validations", &Config::train, &TrainConfig::timedValidations,
              "with a minutes budget, also validate after each minutes / this of training, so "
              "that a short run is scored more than once (0: only every validate_every steps)"),
        field("train.checkpoint_seconds", &Config::train, &TrainConfig::checkpointSeconds,
              "also checkpoint after this many seconds of training, so that a crash loses at "
              "most that (0: only at validations)"),
        field("train.log_every", &Config::train, &TrainConfig::logEvery,
              "steps between log events"),
        field("train.validation_beam", &Config::train, &TrainConfig::validationBeam,
              "dev BLEU measured with this beam (1: greedy, faster); the best checkpoint is the "
              "best at it"),
        field("train.validation_pairs", &Config::train, &TrainConfig::validationPairs,
              "> 0: each dev set is scored on an even sample of at most this many pairs while "
              "training (0: every pair)"),
        field("train.best_by", &Config::train, &TrainConfig::bestBy,
              "the score that picks the best checkpoint: bleu | chrf (the mean over the dev "
              "sets) | bleu:NAME | chrf:NAME (the dev set NAME's)"),
        field("train.patience", &Config::train, &TrainConfig::patience,
              "early stop after this many validations without a better best_by score"),
        field("train.lr_decay", &Config::train, &TrainConfig::lrDecay,
              "learning-rate factor on a dev-loss plateau"),
        field("train.lr_patience", &Config::train, &TrainConfig::lrPatience,
              "validations without a better dev loss before decaying"),
        field("train.min_learning_rate", &Config::train, &TrainConfig::minLearningRate,
              "floor of that decay"),
        field("train.lr_schedule", &Config::train, &TrainConfig::lrSchedule,
              "plateau (decay on a dev-loss plateau) | cosine (to min_learning_rate over the "
              "budget) | tail (constant, then linear to min_learning_rate)"),
        field("train.lr_tail", &Config::train, &TrainConfig::lrTail,
              "tail schedule: the fraction of the budget at its end over which the learning rate "
              "falls"),
        field("train.subword_sampling", &Config::train, &TrainConfig::subwordSampling,
              "> 0: each epoch segments the training pairs anew, drawn with this alpha (subword "
              "regularisation; unigram: inverse temperature, bpe: merge dropout); 0: the best "
              "segmentation"),
        field("train.ema_decay", &Config::train, &TrainConfig::emaDecay,
              "> 0: validate and save a moving average of the weights (0: off)"),
        field("train.seed", &Config::train, &TrainConfig::seed,
              "seeds initialisation, shuffling, dropout"),
        field("train.threads", &Config::train, &TrainConfig::threads,
              "compute threads (0: all cores; with --nproc, each process its share)"),
        field("train.shards", &Config::train, &TrainConfig::shards,
              "a training step splits its batch into this many shards, each computed on one "
              "thread (0: one per thread); a fixed number trains the same model on any number of "
              "threads, so a run may go on with more cores or fewer (one process; with --nproc "
              "the shards are processes x threads)"),
        field("train.device", &Config::train, &TrainConfig::device,
              "cpu | cuda | cuda:N (a GPU: needs a LibTorch built with CUDA; a bare cuda gives "
              "each process of a distributed run its own GPU)"),
        field("train.rank_timeout_seconds", &Config::train, &TrainConfig::rankTimeoutSeconds,
              "distributed runs: a rank that does not answer for this long (its machine gone) "
              "stops the others; a rank that dies is noticed at once"),
        field("train.allreduce_bucket_mb", &Config::train, &TrainConfig::allreduceBucketMb,
              "distributed runs: the gradients are summed over the ranks in buckets of about "
              "this many megabytes, in a fixed order (reproducible)"),
        field("decode.beam", &Config::decode, &DecodeConfig::beam, "beam size (1: greedy)"),
        field("decode.length_penalty", &Config::decode, &DecodeConfig::lengthPenalty,
              "beam scores divided by length^this"),
        field("decode.word_reward", &Config::decode, &DecodeConfig::wordReward,
              "beam: added to that score for each output piece (> 0 favours longer outputs)"),
        field("decode.max_length_ratio", &Config::decode, &DecodeConfig::maxLengthRatio,
              "output at most ratio * source pieces + 10"),
        field("decode.no_repeat_ngram", &Config::decode, &DecodeConfig::noRepeatNgram,
              "never repeat an n-gram of this size (0: off)"),
        field("decode.temperature", &Config::decode, &DecodeConfig::temperature,
              "chat sampling temperature"),
        field("decode.top_k", &Config::decode, &DecodeConfig::topK,
              "chat sampling: keep the k likeliest (0: all)"),
        field("decode.top_p", &Config::decode, &DecodeConfig::topP, "chat sampling: nucleus mass"),
        field("decode.avoid_frequent_replies", &Config::decode, &DecodeConfig::avoidFrequentReplies,
              "chat, beam: never choose one of the training corpus's 20 most frequent replies when "
              "the beam found another"),
        field("decode.device", &Config::decode, &DecodeConfig::device,
              "cpu | cuda | cuda:N: where the networks translate (the weights load on either)"),
    };
    return all;
}

const Field& find(const std::string& key) {
    for (const auto& f : fields())
        if (f.key == key) return f;
    throw std::runtime_error("unknown setting '" + key + "'");
}

// "ko", "en", "zh-Hant", "pt_BR": written into meta.json and config.yaml as they are.
bool languageCode(const std::string& v) {
    return v.size() <= 16 && std::all_of(v.begin(), v.end(), [](char c) {
               return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
           });
}

bool oneOf(const std::string& v, std::initializer_list<const char*> options) {
    for (const char* o : options)
        if (v == o) return true;
    return false;
}

// What is wrong with a data.corpora list, or "".
std::string corporaProblem(const std::vector<CorpusEntry>& corpora) {
    for (size_t i = 0; i < corpora.size(); ++i) {
        const auto& c = corpora[i];
        const std::string which = "entry " + std::to_string(i + 1);
        if (c.train.empty() && c.dev.empty()) return which + " names no train or dev file";
        if (!(c.weight > 0 && c.weight <= 1000)) return which + ": weight must be in (0, 1000]";
        if (c.holdout < 0) return which + ": holdout must be >= 0";
        if (c.train.empty() && c.holdout > 0) return which + ": holdout needs a train file";
    }
    return "";
}

bool bestByValid(const std::string& v) {
    const std::string metric = v.substr(0, v.find(':'));
    if (metric != "bleu" && metric != "chrf") return false;
    return v.find(':') == std::string::npos || v.size() > metric.size() + 1;
}

// The first absurd setting: its key and a message naming it (both empty if none).
std::pair<std::string, std::string> firstProblem(const Config& c) {
    const auto& data = c.data;
    const auto& model = c.model;
    const auto& train = c.train;
    const auto& decode = c.decode;
    const bool transformer = model.architecture == "transformer";
    struct Rule {
        const char* key;
        bool ok;
        std::string message;
    };
    const Rule rules[] = {
        {"data.task", oneOf(data.task, {"translate", "chat", "classify"}),
         "must be translate, chat or classify"},
        {"data.src_lang", languageCode(data.srcLang),
         "must be a language code (letters, digits, - and _; like ko)"},
        {"data.tgt_lang", languageCode(data.tgtLang),
         "must be a language code (letters, digits, - and _; like en)"},
        {"data.vocab_type", oneOf(data.vocabType, {"unigram", "bpe"}), "must be unigram or bpe"},
        {"data.src_vocab_size", data.srcVocabSize >= 16 && data.srcVocabSize <= 64000,
         "must be 16..64000"},
        {"data.tgt_vocab_size", data.tgtVocabSize >= 16 && data.tgtVocabSize <= 64000,
         "must be 16..64000"},
        {"data.vocab_sentences", data.vocabSentences >= 1000, "must be at least 1000"},
        {"data.max_chars", data.maxChars > 0, "must be positive"},
        {"data.max_pieces", data.maxPieces > 0, "must be positive"},
        {"data.dev_fraction", data.devFraction >= 0 && data.devFraction < 0.5,
         "must be in [0, 0.5)"},
        {"data.clean_length_ratio", data.cleanLengthRatio == 0 || data.cleanLengthRatio >= 1.5,
         "must be 0 (off) or at least 1.5"},
        {"data.clean_warn_share", data.cleanWarnShare > 0 && data.cleanWarnShare <= 1,
         "must be in (0, 1]"},
        {"data.corpora", corporaProblem(data.corpora).empty(), corporaProblem(data.corpora)},
        {"train.validation_pairs", train.validationPairs >= 0, "must be >= 0"},
        {"train.best_by", bestByValid(train.bestBy),
         "must be bleu, chrf, bleu:NAME or chrf:NAME (NAME: a dev set's name)"},
        {"train.device", isDeviceName(train.device), "must be cpu, cuda or cuda:N"},
        {"decode.device", isDeviceName(decode.device), "must be cpu, cuda or cuda:N"},
        {"model.architecture", oneOf(model.architecture, {"recurrent", "transformer"}),
         "must be recurrent or transformer"},
        {"model.architecture", !(transformer && data.task == "classify"),
         "must be recurrent for --task classify (the classifier is the recurrent encoder with a "
         "label head; a Transformer translates and chats)"},
        {"model.heads", model.heads >= 1 && model.heads <= 64, "must be 1..64"},
        {"model.heads",
         !transformer || (model.heads >= 1 && model.embeddingSize % model.heads == 0),
         "must divide model.embedding_size (each head reads embedding_size / heads dimensions)"},
        {"model.feedforward", model.feedforward >= 1 && model.feedforward <= 65536,
         "must be 1..65536"},
        {"train.teacher_forcing", !transformer || train.teacherForcing == 1,
         "must be 1 with model.architecture: transformer (scheduled sampling is for the "
         "recurrent decoder; a Transformer reads every gold piece at once)"},
        {"train.teacher_forcing_end", !transformer || train.teacherForcingEnd == 1,
         "must be 1 with model.architecture: transformer (scheduled sampling is for the "
         "recurrent decoder; a Transformer reads every gold piece at once)"},
        {"model.cell", oneOf(model.cell, {"rnn", "gru", "lstm"}), "must be rnn, gru or lstm"},
        {"model.attention", oneOf(model.attention, {"none", "bahdanau", "dot", "general"}),
         "must be none, bahdanau, dot or general"},
        {"model.pooling", oneOf(model.pooling, {"last", "attention"}), "must be last or attention"},
        {"model.classes", model.classes == 0 || (model.classes >= 2 && model.classes <= 10000),
         "must be 0 (from the data) or 2..10000"},
        {"model.tied_init", oneOf(model.tiedInit, {"output", "unit"}), "must be output or unit"},
        {"model.embedding_size", model.embeddingSize >= 1 && model.embeddingSize <= 8192,
         "must be 1..8192"},
        {"model.encoder_hidden", model.encoderHidden >= 1 && model.encoderHidden <= 8192,
         "must be 1..8192"},
        {"model.decoder_hidden", model.decoderHidden >= 1 && model.decoderHidden <= 8192,
         "must be 1..8192"},
        {"model.attention_size", model.attentionSize >= 1 && model.attentionSize <= 8192,
         "must be 1..8192"},
        {"model.encoder_layers", model.encoderLayers >= 1 && model.encoderLayers <= 8,
         "must be 1..8"},
        {"model.decoder_layers", model.decoderLayers >= 1 && model.decoderLayers <= 8,
         "must be 1..8"},
        {"model.dropout", model.dropout >= 0 && model.dropout < 1, "must be in [0, 1)"},
        {"train.batch_sentences", train.batchSentences >= 1 && train.batchSentences <= 100000,
         "must be 1..100000"},
        {"train.batch_tokens", train.batchTokens >= 0, "must be >= 0"},
        {"train.learning_rate", train.learningRate > 0 && train.learningRate < 10,
         "must be in (0, 10)"},
        {"train.label_smoothing", train.labelSmoothing >= 0 && train.labelSmoothing < 1,
         "must be in [0, 1)"},
        {"train.clip_norm", train.clipNorm >= 0, "must be >= 0"},
        {"train.word_dropout", train.wordDropout >= 0 && train.wordDropout < 1,
         "must be in [0, 1)"},
        {"train.lr_schedule", oneOf(train.lrSchedule, {"plateau", "cosine", "tail"}),
         "must be plateau, cosine or tail"},
        {"train.lr_tail", train.lrTail > 0 && train.lrTail <= 1, "must be in (0, 1]"},
        {"train.subword_sampling", train.subwordSampling >= 0 && train.subwordSampling <= 100,
         "must be in [0, 100]"},
        {"train.ema_decay", train.emaDecay >= 0 && train.emaDecay < 1, "must be in [0, 1)"},
        {"train.teacher_forcing", train.teacherForcing >= 0 && train.teacherForcing <= 1,
         "must be in [0, 1]"},
        {"train.teacher_forcing_end", train.teacherForcingEnd >= 0 && train.teacherForcingEnd <= 1,
         "must be in [0, 1]"},
        {"train.epochs", train.epochs >= 1 || train.minutes > 0,
         "must be >= 1 (or set train.minutes)"},
        {"train.minutes", train.minutes >= 0, "must be >= 0"},
        {"train.validate_every", train.validateEvery >= 1, "must be >= 1"},
        {"train.timed_validations", train.timedValidations >= 0, "must be >= 0"},
        {"train.validation_beam", train.validationBeam >= 1 && train.validationBeam <= 100,
         "must be 1..100"},
        {"train.log_every", train.logEvery >= 1, "must be >= 1"},
        {"train.checkpoint_seconds", train.checkpointSeconds >= 0, "must be >= 0"},
        {"train.lr_decay", train.lrDecay > 0 && train.lrDecay <= 1, "must be in (0, 1]"},
        {"train.threads", train.threads >= 0 && train.threads <= 256, "must be 0..256"},
        {"train.shards", train.shards >= 0 && train.shards <= 256, "must be 0..256"},
        {"train.rank_timeout_seconds",
         train.rankTimeoutSeconds >= 1 && train.rankTimeoutSeconds <= 86400, "must be 1..86400"},
        {"train.allreduce_bucket_mb",
         train.allreduceBucketMb > 0 && train.allreduceBucketMb <= 4096, "must be > 0 and <= 4096"},
        {"decode.beam", decode.beam >= 1 && decode.beam <= 100, "must be 1..100"},
        {"decode.word_reward", decode.wordReward >= -10 && decode.wordReward <= 10,
         "must be in [-10, 10]"},
        {"decode.max_length_ratio", decode.maxLengthRatio > 0 && decode.maxLengthRatio <= 100,
         "must be in (0, 100]"},
        {"decode.no_repeat_ngram", decode.noRepeatNgram >= 0, "must be >= 0"},
        {"decode.temperature", decode.temperature > 0, "must be > 0"},
        {"decode.top_k", decode.topK >= 0, "must be >= 0"},
        {"decode.top_p", decode.topP > 0 && decode.topP <= 1, "must be in (0, 1]"},
    };
    for (const auto& rule : rules)
        if (!rule.ok)
            return {rule.key, std::string(rule.key) +
                                  (rule.key == std::string("data.corpora") ? ": " : " ") +
                                  rule.message};
    return {};
}

}  // namespace

void Config::set(const std::string& key, const std::string& value) {
    try {
        find(key).set(*this, value);
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error("setting " + key + ": '" + value + "': " + e.what());
    }
}

std::string Config::get(const std::string& key) const {
    return find(key).get(*this);
}

std::vector<std::string> Config::keys() {
    std::vector<std::string> all;
    for (const auto& f : fields())
        all.push_back(f.key);
    return all;
}

namespace {

// data.corpora: a list of {train, weight, dev, holdout}.
std::vector<CorpusEntry> readCorpora(const YAML::Node& list, const std::string& origin) {
    std::vector<CorpusEntry> corpora;
    if (list.IsNull()) return corpora;
    const auto at = [&](const YAML::Node& n) {
        return origin + ":" + std::to_string(n.Mark().line + 1) + ": data.corpora: ";
    };
    if (!list.IsSequence())
        throw std::runtime_error(at(list) +
                                 "must be a list of entries, each with train and/or "
                                 "dev (and weight, holdout)");
    for (const auto& item : list) {
        if (!item.IsMap())
            throw std::runtime_error(at(item) +
                                     "each entry is a map: {train: FILE, weight: W, "
                                     "dev: FILE, holdout: N}");
        CorpusEntry entry;
        for (const auto& kv : item) {
            const auto key = kv.first.as<std::string>();
            if (!kv.second.IsScalar())
                throw std::runtime_error(at(kv.first) + key + " must be a single value");
            const auto value = kv.second.as<std::string>();
            try {
                if (key == "train")
                    entry.train = value;
                else if (key == "dev")
                    entry.dev = value;
                else if (key == "weight")
                    fromText(value, entry.weight);
                else if (key == "holdout")
                    fromText(value, entry.holdout);
                else
                    throw std::invalid_argument("unknown key (train, weight, dev, holdout)");
            } catch (const std::invalid_argument& e) {
                throw std::runtime_error(at(kv.first) + key + ": '" + value + "': " + e.what());
            }
        }
        corpora.push_back(entry);
    }
    return corpora;
}

// Every "section: {key: value}" of a config into `config`, remembering each key's line.
void readSections(const YAML::Node& root, const std::string& origin, Config& config,
                  std::map<std::string, int>& lines) {
    for (const auto& section : root) {
        if (!section.first.IsScalar())
            throw std::runtime_error(origin + ":" + std::to_string(section.first.Mark().line + 1) +
                                     ": a section's name must be a word (data, model, train, "
                                     "decode)");
        const auto name = section.first.as<std::string>();
        if (!section.second.IsMap())
            throw std::runtime_error(origin + ":" + std::to_string(section.first.Mark().line + 1) +
                                     ": '" + name + "' must be a section of settings");
        for (const auto& entry : section.second) {
            if (!entry.first.IsScalar())
                throw std::runtime_error(origin + ":" +
                                         std::to_string(entry.first.Mark().line + 1) + ": in " +
                                         name + ", a setting's name must be a word");
            const std::string key = name + "." + entry.first.as<std::string>();
            const std::string where = origin + ":" + std::to_string(entry.first.Mark().line + 1);
            lines[key] = entry.first.Mark().line + 1;
            if (key == "data.corpora") {
                config.data.corpora = readCorpora(entry.second, origin);
                continue;
            }
            if (!entry.second.IsScalar())
                throw std::runtime_error(where + ": " + key + " must be a single value");
            try {
                config.set(key, entry.second.as<std::string>());
            } catch (const std::exception& e) {
                throw std::runtime_error(where + ": " + e.what());
            }
        }
    }
}

}  // namespace

Config Config::fromYaml(const std::string& text, const std::string& origin) {
    Config config;
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw std::runtime_error(origin + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    if (!root.IsDefined() || root.IsNull()) return config;
    if (!root.IsMap())
        throw std::runtime_error(origin + ": expected sections data, model, train, decode");
    std::map<std::string, int> lines;  // key -> line, for errors found by validation
    try {
        readSections(root, origin, config, lines);
    } catch (const YAML::Exception& e) {  // a value yaml-cpp cannot convert
        throw std::runtime_error(origin + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    const auto [key, problem] = firstProblem(config);
    if (!key.empty()) {
        const auto line = lines.find(key);
        throw std::runtime_error(origin +
                                 (line == lines.end() ? "" : ":" + std::to_string(line->second)) +
                                 ": " + problem);
    }
    return config;
}

Config Config::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot open config");
    std::ostringstream text;
    text << in.rdbuf();
    return fromYaml(text.str(), path);
}

namespace {

// A YAML double-quoted string.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

void writeCorpora(std::ostream& out, const std::vector<CorpusEntry>& corpora) {
    std::string line = std::string("  corpora:") + (corpora.empty() ? " []" : "");
    line.resize(32, ' ');
    out << line
        << "# several corpora, each mixed into every epoch by its weight (pairs per epoch = "
           "weight x pairs), with its dev set and pairs held out of training; relative paths "
           "start at dari train --data-dir ([]: --train and --dev)\n";
    for (const auto& c : corpora) {
        const char* lead = "    - ";
        if (!c.train.empty()) {
            out << lead << "train: " << quoted(c.train) << "\n";
            lead = "      ";
            out << lead << "weight: " << toText(c.weight) << "\n";
        }
        if (!c.dev.empty()) {
            out << lead << "dev: " << quoted(c.dev) << "\n";
            lead = "      ";
        }
        if (c.holdout > 0) out << lead << "holdout: " << c.holdout << "\n";
    }
}

}  // namespace

std::string Config::toYaml() const {
    std::ostringstream out;
    out << "# Dari configuration: every setting, with its default unless changed.\n";
    std::string section;
    for (const auto& f : fields()) {
        const auto dot = f.key.find('.');
        const std::string name = f.key.substr(0, dot);
        if (name != section) {
            if (section == "data") writeCorpora(out, data.corpora);
            out << (section.empty() ? "" : "\n") << name << ":\n";
            section = name;
        }
        std::string value = f.get(*this);
        if (value.empty()) value = "\"\"";
        std::string line = "  " + f.key.substr(dot + 1) + ": " + value;
        line.resize(std::max<size_t>(line.size() + 1, 32), ' ');
        out << line << "# " << f.comment << "\n";
    }
    return out.str();
}

void Config::validate() const {
    const auto problem = firstProblem(*this).second;
    if (!problem.empty()) throw std::runtime_error(problem);
}

}  // namespace dari
