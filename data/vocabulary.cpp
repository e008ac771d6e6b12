#include "data/vocabulary.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "data/atomic_file.h"

// Not in SentencePiece's public headers, but exported: silences the trainer's
// INFO lines (its --minloglevel flag is read only after the first of them).
namespace sentencepiece::logging {
void SetMinLogLevel(int level);
}

namespace dari {
namespace {

// Every `stride`-th sentence (1: all), without copying them.
class VectorIterator : public sentencepiece::SentenceIterator {
public:
    VectorIterator(const std::vector<std::string>& sentences, size_t stride)
        : sentences_(sentences), stride_(stride) {}
    bool done() const override { return index_ >= sentences_.size(); }
    void Next() override { index_ += stride_; }
    const std::string& value() const override { return sentences_[index_]; }
    sentencepiece::util::Status status() const override { return {}; }

private:
    const std::vector<std::string>& sentences_;
    size_t stride_;
    size_t index_ = 0;
};

}  // namespace

Vocabulary::Vocabulary() : processor_(std::make_unique<sentencepiece::SentencePieceProcessor>()) {}
Vocabulary::~Vocabulary() = default;
Vocabulary::Vocabulary(Vocabulary&&) noexcept = default;
Vocabulary& Vocabulary::operator=(Vocabulary&&) noexcept = default;

Vocabulary Vocabulary::train(const std::vector<std::string>& sentences,
                             const VocabularyOptions& options) {
    if (sentences.empty()) throw std::runtime_error("cannot train a vocabulary on no sentences");
    if (options.modelType != "unigram" && options.modelType != "bpe")
        throw std::runtime_error("vocabulary type must be unigram or bpe, not '" +
                                 options.modelType + "'");
    if (options.size < 8) throw std::runtime_error("vocabulary size must be at least 8");
    std::ostringstream args;
    args << "--model_type=" << options.modelType << " --vocab_size=" << options.size
         << " --character_coverage=" << options.characterCoverage << " --pad_id=" << kPadId
         << " --bos_id=" << kBosId << " --eos_id=" << kEosId << " --unk_id=" << kUnkId
         << " --pad_piece=<pad>"
         // A small corpus may not support the requested size: take what it has.
         << " --hard_vocab_limit=false --num_threads=" << options.threads
         << " --minloglevel=2 --max_sentence_length=8192";
    for (size_t i = 0; i < options.userSymbols.size(); ++i)
        args << (i == 0 ? " --user_defined_symbols=" : ",") << options.userSymbols[i];
    const size_t stride = options.maxSentences > 0 && sentences.size() > options.maxSentences
                              ? (sentences.size() + options.maxSentences - 1) / options.maxSentences
                              : 1;
    VectorIterator iterator(sentences, stride);
    std::string bytes;
    sentencepiece::logging::SetMinLogLevel(2);
    const auto status = sentencepiece::SentencePieceTrainer::Train(args.str(), &iterator, &bytes);
    if (!status.ok()) {
        const std::string what = status.ToString();
        std::smatch counts;  // "... Vocabulary size is smaller than required_chars. 500 vs 548."
        if (std::regex_search(what, counts, std::regex("(\\d+) vs (\\d+)")))
            throw std::runtime_error("vocabulary size " + counts[1].str() +
                                     " is too small: this corpus needs at least " +
                                     counts[2].str() + " pieces for its characters alone");
        throw std::runtime_error("SentencePiece training failed: " + what);
    }
    return fromSerialized(bytes);
}

Vocabulary Vocabulary::fromSerialized(const std::string& bytes) {
    Vocabulary vocabulary;
    const auto status = vocabulary.processor_->LoadFromSerializedProto(bytes);
    if (!status.ok()) throw std::runtime_error("not a SentencePiece model: " + status.ToString());
    if (vocabulary.processor_->pad_id() != kPadId || vocabulary.processor_->bos_id() != kBosId ||
        vocabulary.processor_->eos_id() != kEosId || vocabulary.processor_->unk_id() != kUnkId)
        throw std::runtime_error(
            "SentencePiece model does not use Dari's special ids "
            "(<pad>=0, <s>=1, </s>=2, <unk>=3)");
    vocabulary.serialized_ = bytes;
    return vocabulary;
}

Vocabulary Vocabulary::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open SentencePiece model");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    try {
        return fromSerialized(bytes.str());
    } catch (const std::exception& e) {
        throw std::runtime_error(path + ": " + e.what());
    }
}

void Vocabulary::save(const std::string& path) const {
    writeFileAtomically(path, serialized_);
}

int64_t Vocabulary::size() const {
    return processor_->GetPieceSize();
}

std::vector<int64_t> Vocabulary::encode(const std::string& text) const {
    const std::vector<int> ids = processor_->EncodeAsIds(text);
    return {ids.begin(), ids.end()};
}

std::vector<std::vector<int64_t>> Vocabulary::sampleEncode(const std::vector<std::string>& texts,
                                                           double alpha, uint32_t seed) const {
    std::vector<std::vector<int64_t>> out(texts.size());
    std::string error;
    // SentencePiece samples from a thread-local generator, seeded from the global seed
    // when the thread first samples: only a fresh thread makes the draws repeatable.
    sentencepiece::SetRandomGeneratorSeed(seed);
    std::thread sampler([&] {
        std::vector<int> ids;
        for (size_t i = 0; i < texts.size() && error.empty(); ++i) {
            const auto status =
                processor_->SampleEncode(texts[i], -1, static_cast<float>(alpha), &ids);
            if (!status.ok()) error = status.ToString();
            out[i].assign(ids.begin(), ids.end());
        }
    });
    sampler.join();
    if (!error.empty()) throw std::runtime_error("sampling segmentations: " + error);
    return out;
}

std::string Vocabulary::decode(const std::vector<int64_t>& ids) const {
    std::vector<int> narrow;
    narrow.reserve(ids.size());
    for (int64_t id : ids)
        if (id != kPadId && id != kBosId && id != kEosId) narrow.push_back(static_cast<int>(id));
    return processor_->DecodeIds(narrow);
}

std::string Vocabulary::piece(int64_t id) const {
    return processor_->IdToPiece(static_cast<int>(id));
}

int64_t Vocabulary::pieceId(const std::string& piece) const {
    const int id = processor_->PieceToId(piece);
    return id == kUnkId && piece != processor_->IdToPiece(kUnkId) ? -1 : id;
}

}  // namespace dari
