#pragma once
// A SentencePiece subword vocabulary with Dari's fixed special ids.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace dari {

// Every vocabulary, source or target, uses these ids so that batches, the
// decoder and the loss can rely on them.
constexpr int64_t kPadId = 0;
constexpr int64_t kBosId = 1;  // <s>
constexpr int64_t kEosId = 2;  // </s>
constexpr int64_t kUnkId = 3;  // <unk>

struct VocabularyOptions {
    std::string modelType = "unigram";  // unigram | bpe
    int size = 4000;                    // upper bound; small corpora get fewer pieces
    double characterCoverage =
        0.9995;  // Hangul has thousands of syllables; keep rare ones as <unk>
    int threads = 2;
    // More sentences than this: SentencePiece learns from every k-th (deterministic, spread over
    // the whole corpus). 0: all.
    size_t maxSentences = 0;
    // Pieces kept whole wherever they stand (data/placeholders.h's ⟦1⟧ … ⟦9⟧).
    std::vector<std::string> userSymbols;
};

class Vocabulary {
public:
    Vocabulary();
    ~Vocabulary();
    Vocabulary(Vocabulary&&) noexcept;
    Vocabulary& operator=(Vocabulary&&) noexcept;

    // Learns a vocabulary from sentences. Throws std::runtime_error on failure.
    static Vocabulary train(const std::vector<std::string>& sentences,
                            const VocabularyOptions& options);
    // Loads a SentencePiece model file; the error names the file.
    static Vocabulary load(const std::string& path);
    static Vocabulary fromSerialized(const std::string& bytes);

    // Writes the model atomically (temporary file, then rename).
    void save(const std::string& path) const;
    const std::string& serialized() const { return serialized_; }

    int64_t size() const;
    std::vector<int64_t> encode(const std::string& text) const;
    // Subword regularisation (Kudo 2018): each text segmented by a draw from all its
    // segmentations, P ~ P(segmentation)^alpha (unigram; for bpe, alpha is the merge-dropout
    // probability). The same seed gives the same segmentations.
    std::vector<std::vector<int64_t>> sampleEncode(const std::vector<std::string>& texts,
                                                   double alpha, uint32_t seed) const;
    std::string decode(const std::vector<int64_t>& ids) const;
    std::string piece(int64_t id) const;
    // The id of `piece`, or -1 when the vocabulary has no such piece.
    int64_t pieceId(const std::string& piece) const;

private:
    std::unique_ptr<sentencepiece::SentencePieceProcessor> processor_;
    std::string serialized_;
};

}  // namespace dari
