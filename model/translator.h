#pragma once
// Using a trained bundle: text in, text out (with n-best lists and attention).

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "model/bundle/bundle.h"
#include "model/metrics/confidence.h"
#include "model/search/search.h"

namespace dari {

struct Translation {
    std::string text;                // the best output
    std::vector<std::string> nbest;  // best first (nbest[0] == text)
    std::vector<double> scores;
    std::vector<std::string> sourcePieces;  // what the encoder read (truncated if too long)
    std::vector<std::string> outputPieces;  // best output's pieces, then </s>
    torch::Tensor attention;                // [outputPieces, sourcePieces + </s>] or undefined
    bool truncated = false;                 // the input was longer than the model's limit
    bool stopped = false;                   // options.shouldStop cut it short (or it never started)
    double score = std::numeric_limits<double>::quiet_NaN();  // mean log-prob per piece (best)
    Confidence confidence = Confidence::Unknown;  // that score's level (the bundle's calibration)
};

// A paragraph translated sentence by sentence, its line breaks kept.
struct ParagraphTranslation {
    std::vector<std::string> sentences;     // every sentence of every line, in order
    std::vector<Translation> translations;  // one per sentence
    std::vector<size_t> firstOfLine;  // line l's sentences: [firstOfLine[l], firstOfLine[l + 1])
    std::vector<std::string> lineEndings;  // "\r" for a CRLF line, as it came
    bool finalNewline = false;             // the text ended with a line break

    // The translations joined as the text was: sentences by a space, lines as they ended.
    std::string text() const;
    // The least sure of the sentences [first, last) (all of them by default): a paragraph is
    // only as trustworthy as its weakest sentence. Its level, and its score (NaN: none).
    Confidence confidence(size_t first = 0, size_t last = SIZE_MAX) const;
    double score(size_t first = 0, size_t last = SIZE_MAX) const;
};

class Translator {
public:
    explicit Translator(std::shared_ptr<Bundle> bundle);

    // The bundle's decoding settings; nbest 1.
    DecodeOptions defaultOptions() const;

    // One Translation per sentence, in order; batches of similar length inside, decoded in
    // parallel on the worker pool (configureThreads' count; one BLAS thread each).
    // An empty (or all-space) sentence gives an empty translation. options.shouldStop
    // is also polled between batches: sentences not reached come back empty, `stopped`.
    std::vector<Translation> translate(const std::vector<std::string>& sentences,
                                       const DecodeOptions& options, int batchSize = 32) const;

    // A paragraph: split into sentences per line (splitSentences), translated in
    // shared batches. The one splitter of the command line and the window.
    ParagraphTranslation translateParagraph(const std::string& text,
                                            const DecodeOptions& options) const;
    // translateParagraph(text, options).text().
    std::string translateText(const std::string& text, const DecodeOptions& options) const;

    int maxInputPieces() const;
    const Bundle& bundle() const { return *bundle_; }

private:
    // `spans`: what the sentence's placeholders stand for (data/placeholders.h). `avoid`: a
    // frequent reply is not chosen over another hypothesis; `nbest`: alternatives kept.
    void fill(Translation& t, const std::vector<Hypothesis>& hypotheses,
              const std::vector<std::string>& spans, bool avoid, size_t nbest) const;
    // Whether `options` ask for frequent replies to be avoided and there are some to avoid.
    bool avoidsFrequentReplies(const DecodeOptions& options) const;
    std::shared_ptr<Bundle> bundle_;
    std::vector<std::pair<int64_t, int64_t>> placeholders_;  // empty: the bundle has none
    std::unordered_set<std::string> frequentReplies_;        // meta.json's, a chat model's
};

// Splits after . ! ? (and their full-width forms) followed by white space.
std::vector<std::string> splitSentences(const std::string& line);

}  // namespace dari
