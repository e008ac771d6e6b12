#include "model/translator.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstring>
#include <exception>
#include <functional>
#include <numeric>
#include <sstream>

#include "data/placeholders.h"
#include "model/bundle/bundle_placeholders.h"
#include "model/device.h"
#include "model/runtime.h"
#include "model/training/worker_pool.h"

namespace dari {

namespace {

bool isBlank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

bool endsSentence(const std::string& text, size_t end) {
    static const char* marks[] = {".",
                                  "!",
                                  "?",
                                  "\xE3\x80\x82" /* 。 */,
                                  "\xEF\xBC\x81" /* ！ */,
                                  "\xEF\xBC\x9F" /* ？ */,
                                  "\xE2\x80\xA6" /* … */};
    for (const char* mark : marks) {
        const size_t n = std::strlen(mark);
        if (end >= n && text.compare(end - n, n, mark) == 0) return true;
    }
    return false;
}

std::string trimmed(const std::string& s) {
    const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
    const auto first = std::find_if_not(s.begin(), s.end(), space);
    const auto last = std::find_if_not(s.rbegin(), s.rend(), space).base();
    return first < last ? std::string(first, last) : std::string();
}

}  // namespace

std::vector<std::string> splitSentences(const std::string& line) {
    std::vector<std::string> sentences;
    const auto add = [&](const std::string& sentence) {
        if (!isBlank(sentence)) sentences.push_back(trimmed(sentence));
    };
    size_t start = 0;
    for (size_t i = 0; i < line.size(); ++i) {
        if ((line[i] == ' ' || line[i] == '\t') && endsSentence(line, i)) {
            add(line.substr(start, i - start));
            start = i + 1;
        }
    }
    add(line.substr(start));
    return sentences;
}

Translator::Translator(std::shared_ptr<Bundle> bundle)
    : bundle_(std::move(bundle)),
      placeholders_(bundlePlaceholders(*bundle_)),
      frequentReplies_(bundle_->meta.frequentReplies.begin(), bundle_->meta.frequentReplies.end()) {
}

bool Translator::avoidsFrequentReplies(const DecodeOptions& options) const {
    // Beam: its other hypotheses; sample-and-rank (the window's chat): the other draws.
    return options.avoidFrequentReplies && !frequentReplies_.empty() &&
           (options.sample ? options.nbest > 1 : options.beam > 1);
}

DecodeOptions Translator::defaultOptions() const {
    return decodeOptions(bundle_->config.decode);
}

int Translator::maxInputPieces() const {
    return 2 * bundle_->config.data.maxPieces;
}

// A sentence's translation from its hypotheses (best first).
void Translator::fill(Translation& t, const std::vector<Hypothesis>& all,
                      const std::vector<std::string>& spans, bool avoid, size_t nbest) const {
    // A draw may end in a lone word boundary piece ("▁"): no output ends in a space.
    std::vector<std::string> texts;
    for (const auto& h : all)
        texts.push_back(trimmed(restore(bundle_->tgt.decode(h.ids), spans)));
    // Which hypotheses the translation shows, best first. An empty output is never chosen over
    // one that says something (a barely trained chat model's likeliest draw can be </s> alone),
    // and a reply that answers anything ("맛있게 드세요.") gives way to the best one that does not
    // (bench/recipes.md: 7.0% of chat-ko's dev replies were one of them, and 0 after this, at
    // the same dev BLEU); the others keep their order.
    const bool anyText =
        std::any_of(texts.begin(), texts.end(), [](const std::string& s) { return !s.empty(); });
    std::vector<size_t> order;
    for (size_t i = 0; i < all.size(); ++i)
        if (!anyText || !texts[i].empty()) order.push_back(i);
    if (avoid) {
        const auto answers = std::find_if(order.begin(), order.end(), [&](size_t i) {
            return frequentReplies_.count(texts[i]) == 0;
        });
        if (answers != order.end()) std::rotate(order.begin(), answers, answers + 1);
    }
    for (size_t i : order)
        t.stopped = t.stopped || all[i].stopped;
    if (order.size() > nbest) order.resize(nbest);
    for (size_t i : order) {
        t.nbest.push_back(texts[i]);
        t.scores.push_back(all[i].score);
    }
    const Hypothesis& best = all[order.front()];
    t.text = t.nbest.front();
    t.score = meanLogProb(best.logProb, best.scoredPieces);
    t.confidence = bundle_->meta.confidence.levelOf(t.score);
    for (auto id : best.ids)
        t.outputPieces.push_back(restore(bundle_->tgt.piece(id), spans));
    // </s> has its own attention row, unless the length limit ended the output.
    if (!best.attention.defined() || best.attention.size(0) > static_cast<int64_t>(best.ids.size()))
        t.outputPieces.push_back("</s>");
    t.attention = best.attention;
}

std::vector<Translation> Translator::translate(const std::vector<std::string>& sentences,
                                               const DecodeOptions& options, int batchSize) const {
    std::vector<Translation> result(sentences.size());
    std::vector<std::vector<int64_t>> encoded(sentences.size());
    std::vector<std::vector<std::string>> spans(sentences.size());
    std::vector<size_t> order;
    for (size_t i = 0; i < sentences.size(); ++i) {
        if (isBlank(sentences[i])) continue;
        auto text = placeholders_.empty() ? ProtectedText{sentences[i], {}} : protect(sentences[i]);
        spans[i] = std::move(text.spans);
        encoded[i] = bundle_->src.encode(text.text);
        if (encoded[i].size() > static_cast<size_t>(maxInputPieces())) {
            encoded[i].resize(maxInputPieces());
            result[i].truncated = true;
        }
        for (auto id : encoded[i])
            result[i].sourcePieces.push_back(restore(bundle_->src.piece(id), spans[i]));
        order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return encoded[a].size() < encoded[b].size(); });
    std::vector<std::vector<size_t>> batches;  // sentence indices, similar lengths together
    for (size_t start = 0; start < order.size(); start += std::max(1, batchSize)) {
        batches.emplace_back();
        for (size_t k = start; k < std::min(order.size(), start + std::max(1, batchSize)); ++k)
            batches.back().push_back(order[k]);
    }
    DecodeOptions constrained = options;
    constrained.placeholders = placeholders_;
    const bool avoid = avoidsFrequentReplies(options);
    if (avoid && !options.sample) constrained.nbest = options.beam;  // the whole beam
    const auto decodeBatch = [&](const std::vector<size_t>& batch) {
        if (options.stopRequested()) {
            for (size_t i : batch)
                result[i].stopped = true;
            return;
        }
        std::vector<std::vector<int64_t>> sources;
        for (size_t i : batch)
            sources.push_back(encoded[i]);
        auto hypotheses = decode(bundle_->networks(), makeSourceBatch(sources), constrained);
        for (size_t k = 0; k < batch.size(); ++k)
            fill(result[batch[k]], hypotheses[k], spans[batch[k]], avoid,
                 static_cast<size_t>(std::max(1, options.nbest)));
    };
    // Batches are independent: one per core at a time, each on a single-threaded BLAS, as the
    // training step's shards (one GEMM on two OpenBLAS threads mostly spins: 1.12x on two cores).
    const size_t shards = std::min<size_t>(
        batches.size(), static_cast<size_t>(parallelShards(deviceOf(*bundle_->model))));
    if (shards <= 1) {
        for (const auto& batch : batches)
            decodeBatch(batch);
        return result;
    }
    for (auto network : bundle_->networks())
        network->eval();
    // Each worker takes the next batch, longest first: the batches' times differ (a decode
    // runs until its longest output ends), and dealing them out in turn left one core idle.
    std::atomic<size_t> next{0};
    std::vector<std::exception_ptr> errors(shards);
    std::vector<std::function<void()>> tasks;
    for (size_t s = 0; s < shards; ++s)
        tasks.push_back([&, s] {
            try {
                for (size_t b = next++; b < batches.size(); b = next++)
                    decodeBatch(batches[batches.size() - 1 - b]);
            } catch (...) {
                errors[s] = std::current_exception();
            }
        });
    const bool blas = setBlasThreads(1);
    WorkerPool::shared().run(tasks);
    if (blas) setBlasThreads(configuredBlasThreads());
    for (const auto& error : errors)
        if (error) std::rethrow_exception(error);
    return result;
}

ParagraphTranslation Translator::translateParagraph(const std::string& text,
                                                    const DecodeOptions& options) const {
    ParagraphTranslation p;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const bool crlf = !line.empty() && line.back() == '\r';
        if (crlf) line.pop_back();
        p.firstOfLine.push_back(p.sentences.size());
        p.lineEndings.push_back(crlf ? "\r" : "");
        for (auto& s : splitSentences(line))
            p.sentences.push_back(std::move(s));
    }
    p.firstOfLine.push_back(p.sentences.size());
    p.finalNewline = !text.empty() && text.back() == '\n';  // getline drops the last line break
    p.translations = translate(p.sentences, options);       // every line's sentences share batches
    return p;
}

std::string ParagraphTranslation::text() const {
    std::string out;
    for (size_t l = 0; l + 1 < firstOfLine.size(); ++l) {
        if (l > 0) out += '\n';
        for (size_t s = firstOfLine[l]; s < firstOfLine[l + 1]; ++s) {
            if (s > firstOfLine[l]) out += ' ';
            out += translations[s].text;
        }
        out += lineEndings[l];
    }
    if (finalNewline) out += '\n';
    return out;
}

Confidence ParagraphTranslation::confidence(size_t first, size_t last) const {
    Confidence lowest = Confidence::Unknown;
    bool any = false;
    for (size_t s = first; s < std::min(last, translations.size()); ++s) {
        if (std::isnan(translations[s].score)) continue;  // an empty sentence says nothing
        lowest = any ? std::min(lowest, translations[s].confidence) : translations[s].confidence;
        any = true;
    }
    return lowest;
}

double ParagraphTranslation::score(size_t first, size_t last) const {
    double lowest = std::numeric_limits<double>::quiet_NaN();
    for (size_t s = first; s < std::min(last, translations.size()); ++s)
        if (!std::isnan(translations[s].score) && !(translations[s].score >= lowest))
            lowest = translations[s].score;
    return lowest;
}

std::string Translator::translateText(const std::string& text, const DecodeOptions& options) const {
    return translateParagraph(text, options).text();
}

}  // namespace dari
