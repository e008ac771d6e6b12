#include "model/config.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
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

std::string toText(const std::string& v) { return v; }
std::string toText(bool v) { return v ? "true" : "false"; }
template <typename T>
std::string toText(T v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

void fromText(const std::string& text, std::string& out) { out = text; }
void fromText(const std::string& text, bool& out) {
    if (text == "true" || text == "yes" || text == "1") out = true;
    else if (text == "false" || text == "no" || text == "0") out = false;
    else throw std::invalid_argument("expected true or false");
}
template <typename T>
void fromText(const std::string& text, T& out) {
    std::istringstream in(text);
    T value;
    if (!(in >> value) || !in.eof()) throw std::invalid_argument("expected a number");
    out = value;
}

template <typename Section, typename T>
Field field(const std::string& key, Section Config::*section, T Section::*member,
            const std::string& comment) {
    return {key, comment,
            [=](const Config& c) { return toText(c.*section.*member); },
            [=](Config& c, const std::string& text) { fromText(text, c.*section.*member); }};
}

const std::vector<Field>& fields() {
    static const std::vector<Field> all = {
        field("data.task", &Config::data, &DataConfig::task, "translate | chat"),
        field("data.src_lang", &Config::data, &DataConfig::srcLang, "source language code"),
        field("data.tgt_lang", &Config::data, &DataConfig::tgtLang, "target language code"),
        field("data.vocab_type", &Config::data, &DataConfig::vocabType, "SentencePiece model: unigram | bpe"),
        field("data.src_vocab_size", &Config::data, &DataConfig::srcVocabSize, "source pieces (upper bound)"),
        field("data.tgt_vocab_size", &Config::data, &DataConfig::tgtVocabSize, "target pieces (upper bound)"),
        field("data.shared_vocab", &Config::data, &DataConfig::sharedVocab, "one vocabulary for both sides"),
        field("data.max_chars", &Config::data, &DataConfig::maxChars, "a pair with a longer side is invalid"),
        field("data.max_pieces", &Config::data, &DataConfig::maxPieces, "training pairs with a longer side are skipped"),
        field("data.dev_fraction", &Config::data, &DataConfig::devFraction, "dev split taken from train when no dev corpus is given"),
        field("data.max_dev_pairs", &Config::data, &DataConfig::maxDevPairs, "upper bound on that dev split"),
        field("data.deduplicate", &Config::data, &DataConfig::deduplicate, "drop exact duplicate pairs"),
        field("model.cell", &Config::model, &ModelConfig::cell, "recurrent cell: rnn | gru | lstm"),
        field("model.embedding_size", &Config::model, &ModelConfig::embeddingSize, "source and target embeddings"),
        field("model.encoder_hidden", &Config::model, &ModelConfig::encoderHidden, "encoder state size per direction"),
        field("model.encoder_layers", &Config::model, &ModelConfig::encoderLayers, "stacked encoder layers"),
        field("model.bidirectional", &Config::model, &ModelConfig::bidirectional, "read the source both ways"),
        field("model.decoder_hidden", &Config::model, &ModelConfig::decoderHidden, "decoder state size"),
        field("model.decoder_layers", &Config::model, &ModelConfig::decoderLayers, "stacked decoder layers"),
        field("model.attention", &Config::model, &ModelConfig::attention, "none (last encoder state only) | bahdanau | dot | general"),
        field("model.attention_size", &Config::model, &ModelConfig::attentionSize, "bahdanau's hidden layer"),
        field("model.dropout", &Config::model, &ModelConfig::dropout, "dropout on embeddings and outputs"),
        field("model.input_feeding", &Config::model, &ModelConfig::inputFeeding, "dot/general: feed the attentional vector to the next step"),
        field("model.tie_embeddings", &Config::model, &ModelConfig::tieEmbeddings, "output layer shares the target embeddings"),
        field("train.batch_sentences", &Config::train, &TrainConfig::batchSentences, "sentences per batch"),
        field("train.batch_tokens", &Config::train, &TrainConfig::batchTokens, "if > 0: token budget per batch instead"),
        field("train.learning_rate", &Config::train, &TrainConfig::learningRate, "Adam"),
        field("train.label_smoothing", &Config::train, &TrainConfig::labelSmoothing, "cross-entropy label smoothing"),
        field("train.clip_norm", &Config::train, &TrainConfig::clipNorm, "gradient-norm clipping (0: off)"),
        field("train.teacher_forcing", &Config::train, &TrainConfig::teacherForcing, "probability of feeding the gold token, at the start"),
        field("train.teacher_forcing_end", &Config::train, &TrainConfig::teacherForcingEnd, "... decaying linearly to this at the end"),
        field("train.epochs", &Config::train, &TrainConfig::epochs, "budget in epochs (unless minutes > 0)"),
        field("train.minutes", &Config::train, &TrainConfig::minutes, "budget in wall-clock minutes"),
        field("train.validate_every", &Config::train, &TrainConfig::validateEvery, "steps between validations and checkpoints"),
        field("train.log_every", &Config::train, &TrainConfig::logEvery, "steps between log events"),
        field("train.patience", &Config::train, &TrainConfig::patience, "early stop after this many validations without a better dev BLEU"),
        field("train.lr_decay", &Config::train, &TrainConfig::lrDecay, "learning-rate factor on a dev-loss plateau"),
        field("train.lr_patience", &Config::train, &TrainConfig::lrPatience, "validations without a better dev loss before decaying"),
        field("train.min_learning_rate", &Config::train, &TrainConfig::minLearningRate, "floor of that decay"),
        field("train.seed", &Config::train, &TrainConfig::seed, "seeds initialisation, shuffling, dropout"),
        field("train.threads", &Config::train, &TrainConfig::threads, "compute threads (0: all cores)"),
        field("decode.beam", &Config::decode, &DecodeConfig::beam, "beam size (1: greedy)"),
        field("decode.length_penalty", &Config::decode, &DecodeConfig::lengthPenalty, "beam scores divided by length^this"),
        field("decode.max_length_ratio", &Config::decode, &DecodeConfig::maxLengthRatio, "output at most ratio * source pieces + 10"),
        field("decode.no_repeat_ngram", &Config::decode, &DecodeConfig::noRepeatNgram, "never repeat an n-gram of this size (0: off)"),
        field("decode.temperature", &Config::decode, &DecodeConfig::temperature, "chat sampling temperature"),
        field("decode.top_k", &Config::decode, &DecodeConfig::topK, "chat sampling: keep the k likeliest (0: all)"),
        field("decode.top_p", &Config::decode, &DecodeConfig::topP, "chat sampling: nucleus mass"),
    };
    return all;
}

const Field& find(const std::string& key) {
    for (const auto& f : fields())
        if (f.key == key) return f;
    throw std::runtime_error("unknown setting '" + key + "'");
}

}  // namespace

void Config::set(const std::string& key, const std::string& value) {
    try {
        find(key).set(*this, value);
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error("setting " + key + ": '" + value + "': " + e.what());
    }
}

Config Config::fromYaml(const std::string& text, const std::string& origin) {
    Config config;
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw std::runtime_error(origin + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    if (!root.IsDefined() || root.IsNull()) return config;
    if (!root.IsMap()) throw std::runtime_error(origin + ": expected sections data, model, train, decode");
    for (const auto& section : root) {
        const auto name = section.first.as<std::string>();
        if (!section.second.IsMap())
            throw std::runtime_error(origin + ":" + std::to_string(section.first.Mark().line + 1) +
                                     ": '" + name + "' must be a section of settings");
        for (const auto& entry : section.second) {
            const std::string key = name + "." + entry.first.as<std::string>();
            const std::string where = origin + ":" + std::to_string(entry.first.Mark().line + 1);
            try {
                config.set(key, entry.second.as<std::string>());
            } catch (const std::exception& e) {
                throw std::runtime_error(where + ": " + e.what());
            }
        }
    }
    try {
        config.validate();
    } catch (const std::exception& e) {
        throw std::runtime_error(origin + ": " + e.what());
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

std::string Config::toYaml() const {
    std::ostringstream out;
    out << "# Dari configuration: every setting, with its default unless changed.\n";
    std::string section;
    for (const auto& f : fields()) {
        const auto dot = f.key.find('.');
        const std::string name = f.key.substr(0, dot);
        if (name != section) {
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

namespace {
void require(bool ok, const std::string& message) {
    if (!ok) throw std::runtime_error(message);
}
bool oneOf(const std::string& v, std::initializer_list<const char*> options) {
    for (const char* o : options)
        if (v == o) return true;
    return false;
}
}  // namespace

void Config::validate() const {
    require(oneOf(data.task, {"translate", "chat"}), "data.task must be translate or chat");
    require(oneOf(data.vocabType, {"unigram", "bpe"}), "data.vocab_type must be unigram or bpe");
    require(data.srcVocabSize >= 16 && data.srcVocabSize <= 64000, "data.src_vocab_size must be 16..64000");
    require(data.tgtVocabSize >= 16 && data.tgtVocabSize <= 64000, "data.tgt_vocab_size must be 16..64000");
    require(data.maxChars > 0 && data.maxPieces > 0, "data.max_chars and data.max_pieces must be positive");
    require(data.devFraction >= 0 && data.devFraction < 0.5, "data.dev_fraction must be in [0, 0.5)");
    require(oneOf(model.cell, {"rnn", "gru", "lstm"}), "model.cell must be rnn, gru or lstm");
    require(oneOf(model.attention, {"none", "bahdanau", "dot", "general"}),
            "model.attention must be none, bahdanau, dot or general");
    for (int size : {model.embeddingSize, model.encoderHidden, model.decoderHidden, model.attentionSize})
        require(size >= 1 && size <= 8192, "model sizes must be 1..8192");
    require(model.encoderLayers >= 1 && model.encoderLayers <= 8, "model.encoder_layers must be 1..8");
    require(model.decoderLayers >= 1 && model.decoderLayers <= 8, "model.decoder_layers must be 1..8");
    require(model.dropout >= 0 && model.dropout < 1, "model.dropout must be in [0, 1)");
    require(train.batchSentences >= 1 && train.batchSentences <= 100000, "train.batch_sentences must be 1..100000");
    require(train.batchTokens >= 0, "train.batch_tokens must be >= 0");
    require(train.learningRate > 0 && train.learningRate < 10, "train.learning_rate must be in (0, 10)");
    require(train.labelSmoothing >= 0 && train.labelSmoothing < 1, "train.label_smoothing must be in [0, 1)");
    require(train.clipNorm >= 0, "train.clip_norm must be >= 0");
    require(train.teacherForcing >= 0 && train.teacherForcing <= 1 && train.teacherForcingEnd >= 0 &&
                train.teacherForcingEnd <= 1, "train.teacher_forcing must be in [0, 1]");
    require(train.epochs >= 1 || train.minutes > 0, "train.epochs must be >= 1 (or set train.minutes)");
    require(train.minutes >= 0, "train.minutes must be >= 0");
    require(train.validateEvery >= 1 && train.logEvery >= 1, "train.validate_every and train.log_every must be >= 1");
    require(train.lrDecay > 0 && train.lrDecay <= 1, "train.lr_decay must be in (0, 1]");
    require(train.threads >= 0 && train.threads <= 256, "train.threads must be 0..256");
    require(decode.beam >= 1 && decode.beam <= 100, "decode.beam must be 1..100");
    require(decode.maxLengthRatio > 0 && decode.maxLengthRatio <= 100, "decode.max_length_ratio must be in (0, 100]");
    require(decode.noRepeatNgram >= 0, "decode.no_repeat_ngram must be >= 0");
    require(decode.temperature > 0, "decode.temperature must be > 0");
    require(decode.topK >= 0 && decode.topP > 0 && decode.topP <= 1, "decode.top_k >= 0 and top_p in (0, 1]");
}

}  // namespace dari
