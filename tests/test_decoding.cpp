// Decoding: greedy, beam search, sampling, the repetition guard, length limits, attention.

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <future>
#include <memory>
#include <set>
#include <thread>

#include "data/vocabulary.h"
#include "model/runtime.h"
#include "model/search/beam_search.h"
#include "model/search/repetition_guard.h"
#include "model/translator.h"
#include "tiny_model.h"

using tiny::Ids;

namespace {

// The toy sources, then unseen ones on which the model is unsure.
std::vector<Ids> mixedSources() {
    auto srcs = tiny::sources(tiny::pairs());
    for (Ids s : {Ids{4}, Ids{23, 22, 21, 20, 19}, Ids{7, 7, 7}, Ids{12, 5, 9, 18}, Ids{10, 11}})
        srcs.push_back(s);
    return srcs;
}

dari::DecodeOptions options(int beam, int noRepeatNgram = 3) {
    dari::DecodeOptions o;
    o.beam = beam;
    o.nbest = beam;
    o.noRepeatNgram = noRepeatNgram;
    return o;
}

bool hasTripleOrRepeatedTrigram(const Ids& ids) {
    std::set<Ids> trigrams;
    for (size_t i = 0; i + 2 < ids.size(); ++i) {
        if (ids[i] == ids[i + 1] && ids[i + 1] == ids[i + 2]) return true;
        if (!trigrams.insert(Ids(ids.begin() + i, ids.begin() + i + 3)).second) return true;
    }
    return false;
}

// A random model that can never end a sentence: </s> gets a huge negative bias.
dari::Seq2Seq endlessModel() {
    torch::manual_seed(5);
    dari::Seq2Seq model(tiny::config("lstm", "general", true), tiny::kVocab, tiny::kVocab);
    torch::NoGradGuard noGrad;
    model->named_parameters()["decoder.output_bias"][dari::kEosId].fill_(-1e4);
    return model;
}

}  // namespace

class TestDecoding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void beamOfOneIsGreedy();
    void nbestIsDistinctAndSorted();
    void batchedEqualsAlone();
    void bannedPiecesRules();
    void guardBreaksLoops();
    void maxLengthIsRespected();
    void samplingIsSeeded();
    void attentionPerOutputPiece();
    void emptySourceGivesEmptyTranslation();
    void stopEndsTheSearchEarly();
    void stopFromAnotherThread();
    void sampledDrawsAreRanked();
    void translatorStopsBetweenBatches();
    void wordRewardSetsTheLength();
    void unknownPieceIsNeverAnOutput();
    void parallelBatchesEqualOneThread();
    void logProbIsTheOutputsOwn();
    void frequentRepliesGiveWay();

private:
    dari::Seq2Seq model_{nullptr};
};

void TestDecoding::initTestCase() {
    torch::set_num_threads(1);
    model_ = tiny::trained();
    QVERIFY(tiny::reproduces(model_, tiny::pairs()));
}

void TestDecoding::beamOfOneIsGreedy() {
    const auto batch = dari::makeSourceBatch(mixedSources());
    for (int guard : {0, 3}) {
        const auto greedy = tiny::best(dari::decode(model_, batch, options(1, guard)));
        auto beam = options(1, guard);
        const auto viaBeam = tiny::best(dari::beamDecode({model_}, batch, beam));
        QCOMPARE(viaBeam, greedy);
    }
}

void TestDecoding::nbestIsDistinctAndSorted() {
    const auto pairs = tiny::pairs();
    const auto result = dari::decode(model_, dari::makeSourceBatch(mixedSources()), options(5));
    QCOMPARE(result.size(), mixedSources().size());
    for (size_t i = 0; i < result.size(); ++i) {
        const auto& list = result[i];
        QVERIFY(!list.empty() && list.size() <= 5);
        std::set<Ids> distinct;
        for (size_t k = 0; k < list.size(); ++k) {
            QVERIFY(distinct.insert(list[k].ids).second);
            QVERIFY(std::isfinite(list[k].score) && list[k].score <= 0);
            if (k > 0) QVERIFY(list[k - 1].score >= list[k].score);
        }
        if (i < pairs.size()) QCOMPARE(list.front().ids, pairs[i].tgt);
    }
    QVERIFY(result.front().size() > 1);
}

void TestDecoding::batchedEqualsAlone() {
    const auto srcs = mixedSources();
    for (int beam : {1, 4}) {
        const auto together =
            tiny::best(dari::decode(model_, dari::makeSourceBatch(srcs), options(beam)));
        for (size_t i = 0; i < srcs.size(); ++i) {
            const auto alone =
                tiny::best(dari::decode(model_, dari::makeSourceBatch({srcs[i]}), options(beam)));
            QCOMPARE(together[i], alone.front());
        }
    }
}

void TestDecoding::bannedPiecesRules() {
    using dari::bannedPieces;
    QCOMPARE(bannedPieces({}, 3), Ids{});
    QCOMPARE(bannedPieces({5, 6}, 3), Ids{});
    QCOMPARE(bannedPieces({5, 5}, 3), Ids{5});           // no third 5 in a row
    QCOMPARE(bannedPieces({5, 5}, 0), Ids{});            // guard off
    QCOMPARE(bannedPieces({5, 6, 7, 5}, 3), Ids{});      // "5 6" not at the end
    QCOMPARE(bannedPieces({5, 6, 7, 5, 6}, 3), Ids{7});  // "5 6 7" would repeat
    QCOMPARE(bannedPieces({5, 6, 7, 5, 6, 8, 5, 6}, 3), (Ids{7, 8}));
    QCOMPARE(bannedPieces({5, 6, 7, 5, 6}, 0), Ids{});
    QCOMPARE(bannedPieces({5, 6, 7, 6}, 2), Ids{7});  // bigram "6 7"
    QCOMPARE(bannedPieces({5, 6, 7}, 1), (Ids{5, 6, 7}));
    QCOMPARE(bannedPieces({4, 9, 9}, 4), Ids{9});
    QCOMPARE(bannedPieces({9, 9, 4, 9, 9}, 3), (Ids{9, 4}));
}

void TestDecoding::guardBreaksLoops() {
    // Learned loops: one word in, the same piece (or two alternating) many times out.
    auto pairs = tiny::pairs();
    pairs.push_back({{19}, {9, 9, 9, 9, 9, 9}});
    pairs.push_back({{18}, {9, 10, 9, 10, 9, 10, 9, 10}});
    torch::manual_seed(11);
    dari::Seq2Seq looping(tiny::config("gru", "bahdanau", true, 32), tiny::kVocab, tiny::kVocab);
    QVERIFY(tiny::overfit(looping, pairs, 800) > 0);
    const std::vector<Ids> loops = {{19}, {18}};
    QCOMPARE(tiny::greedy(looping, loops, 0), (std::vector<Ids>{pairs[8].tgt, pairs[9].tgt}));
    for (int beam : {1, 3}) {
        const auto guarded =
            tiny::best(dari::decode(looping, dari::makeSourceBatch(loops), options(beam, 3)));
        for (const auto& ids : guarded) {
            QVERIFY(!ids.empty());
            QVERIFY2(!hasTripleOrRepeatedTrigram(ids), qPrintable(QString::number(ids.size())));
        }
    }
}

void TestDecoding::maxLengthIsRespected() {
    auto model = endlessModel();
    const std::vector<Ids> srcs = {{4, 5, 6, 7}, {8}};
    for (double ratio : {0.5, 2.0}) {
        for (bool sample : {false, true}) {
            for (int beam : {1, 3}) {
                auto o = options(beam, 0);
                o.maxLengthRatio = ratio;
                o.sample = sample;
                const auto result = dari::decode(model, dari::makeSourceBatch(srcs), o);
                for (size_t i = 0; i < srcs.size(); ++i) {
                    const auto limit = static_cast<size_t>(ratio * (srcs[i].size() + 1)) + 10;
                    for (const auto& h : result[i])
                        QCOMPARE(h.ids.size(), limit);
                }
            }
        }
    }
}

void TestDecoding::samplingIsSeeded() {
    torch::manual_seed(9);
    dari::Seq2Seq model(tiny::config("gru", "dot", false), tiny::kVocab, tiny::kVocab);
    const auto batch = dari::makeSourceBatch(mixedSources());
    auto o = options(1, 0);
    o.sample = true;
    const auto draw = [&](uint64_t seed) {
        o.seed = seed;
        return tiny::best(dari::decode(model, batch, o));
    };
    const auto first = draw(1);
    QCOMPARE(draw(1), first);
    QVERIFY(draw(2) != first);
    QVERIFY(first != tiny::greedy(model, mixedSources()));
    // Keeping only the likeliest piece is greedy decoding, whatever the seed.
    o.topK = 1;
    QCOMPARE(draw(3), tiny::greedy(model, mixedSources()));
    o.topK = 0;
    o.topP = 1e-6;
    QCOMPARE(draw(4), tiny::greedy(model, mixedSources()));
}

void TestDecoding::attentionPerOutputPiece() {
    const auto srcs = mixedSources();
    for (int beam : {1, 3}) {
        const auto result = dari::decode(model_, dari::makeSourceBatch(srcs), options(beam));
        for (size_t i = 0; i < srcs.size(); ++i) {
            for (const auto& h : result[i]) {
                const auto rows = static_cast<int64_t>(h.ids.size() + 1);  // + </s>
                const auto columns = static_cast<int64_t>(srcs[i].size() + 1);
                QCOMPARE(h.attention.sizes().vec(), (Ids{rows, columns}));
                QVERIFY(torch::allclose(h.attention.sum(1), torch::ones({rows}), 1e-5, 1e-5));
            }
        }
    }
}

const std::vector<std::string> kThreeSentences = {"the cat sat on the mat", "a dog ran in the park",
                                                  "tom is here"};

// An untrained GRU + Bahdanau translator over the vocabulary of kThreeSentences (its weights
// drawn from torch's generator; meta.json's frequent replies as given).
dari::Translator untrainedTranslator(const std::vector<std::string>& frequentReplies = {}) {
    const auto& text = kThreeSentences;
    dari::VocabularyOptions vocabOptions;
    vocabOptions.size = 40;
    auto bundle = std::make_shared<dari::Bundle>();
    bundle->src = dari::Vocabulary::train(text, vocabOptions);
    bundle->tgt = dari::Vocabulary::train(text, vocabOptions);
    bundle->config.model = tiny::config("gru", "bahdanau", true);
    bundle->model = dari::Seq2Seq(bundle->config.model, bundle->src.size(), bundle->tgt.size());
    bundle->meta.frequentReplies = frequentReplies;
    return dari::Translator(bundle);
}

void TestDecoding::emptySourceGivesEmptyTranslation() {
    const dari::Translator translator = untrainedTranslator();
    for (int beam : {1, 3}) {
        auto o = translator.defaultOptions();
        o.beam = beam;
        const auto out = translator.translate({"", "the cat", "  \t "}, o);
        QCOMPARE(out.size(), size_t{3});
        for (size_t i : {0, 2}) {
            QCOMPARE(out[i].text, std::string());
            QVERIFY(out[i].outputPieces.empty() && out[i].sourcePieces.empty());
        }
        QVERIFY(!out[1].outputPieces.empty());
        // One attention row per output piece; </s> only when the model ended the output
        // (an untrained model runs into the length limit instead).
        QVERIFY(out[1].attention.defined());
        QCOMPARE(out[1].attention.size(0), static_cast<int64_t>(out[1].outputPieces.size()));
        QCOMPARE(translator.translateText("", o), std::string());
    }
}

void TestDecoding::stopEndsTheSearchEarly() {
    auto model = endlessModel();
    const std::vector<Ids> srcs = {{4, 5, 6, 7}, {8}};
    for (bool sample : {false, true}) {
        for (int beam : {1, 3}) {
            auto o = options(beam, 0);
            o.sample = sample;
            o.maxLengthRatio = 50.0;  // 60+ steps unless stopped
            int polls = 0;
            o.shouldStop = [&polls] { return ++polls > 5; };
            const auto result = dari::decode(model, dari::makeSourceBatch(srcs), o);
            QCOMPARE(polls, 6);  // once per step: five steps ran, the sixth poll stopped it
            for (const auto& list : result) {
                QVERIFY(!list.empty());
                for (const auto& h : list) {
                    QVERIFY(h.stopped);
                    QCOMPARE(h.ids.size(), size_t{5});
                    QCOMPARE(h.attention.size(0), int64_t{5});
                }
            }
            // A stop that never fires changes nothing: the length limit ends the output.
            o.shouldStop = [] { return false; };
            o.maxLengthRatio = 0.5;
            const auto unstopped = dari::decode(model, dari::makeSourceBatch({{8}}), o);
            for (const auto& h : unstopped.front()) {
                QVERIFY(!h.stopped);
                QCOMPARE(h.ids.size(), size_t{11});
            }
        }
    }
}

// A decode running on another thread, stopped through an atomic flag (the window's Cancel).
void TestDecoding::stopFromAnotherThread() {
    auto model = endlessModel();
    auto o = options(3, 0);
    o.maxLengthRatio = 10000.0;  // 50,000 steps: far longer than the test
    std::atomic<bool> cancel{false};
    std::promise<void> running;
    bool first = true;
    o.shouldStop = [&] {
        if (first) {  // the decode is under way: let the test cancel it, wait for that
            first = false;
            running.set_value();
            while (!cancel.load())
                std::this_thread::yield();
        }
        return cancel.load();
    };
    std::vector<std::vector<dari::Hypothesis>> result;
    std::thread decoder([&] {
        result = dari::decode(model, dari::makeSourceBatch({{4, 5, 6, 7}}), o);
    });
    running.get_future().wait();
    cancel.store(true);
    decoder.join();
    QCOMPARE(result.size(), size_t{1});
    QVERIFY(!result.front().empty());
    for (const auto& h : result.front()) {
        QVERIFY(h.stopped);
        QVERIFY(h.ids.size() < size_t{50010});
    }
}

void TestDecoding::sampledDrawsAreRanked() {
    torch::manual_seed(9);
    dari::Seq2Seq model(tiny::config("gru", "dot", false), tiny::kVocab, tiny::kVocab);
    auto o = options(1, 0);
    o.sample = true;
    o.seed = 11;
    o.nbest = 6;
    const auto srcs = mixedSources();
    const auto result = dari::decode(model, dari::makeSourceBatch(srcs), o);
    QCOMPARE(result.size(), srcs.size());
    int several = 0;
    for (const auto& list : result) {
        QVERIFY(!list.empty() && list.size() <= size_t{6});
        several += list.size() > 1 ? 1 : 0;
        for (size_t i = 0; i < list.size(); ++i) {
            QVERIFY(!list[i].stopped);
            if (i > 0) QVERIFY(list[i - 1].score >= list[i].score);
            for (size_t j = 0; j < i; ++j)
                QVERIFY(list[j].ids != list[i].ids);
        }
    }
    QVERIFY(several > 0);  // an untrained model's draws differ
}

void TestDecoding::translatorStopsBetweenBatches() {
    const dari::Translator translator = untrainedTranslator();
    auto o = translator.defaultOptions();
    o.beam = 1;
    bool stop = false;
    o.shouldStop = [&stop] { return stop; };
    auto out = translator.translate(kThreeSentences, o, 1);
    QCOMPARE(out.size(), size_t{3});
    for (const auto& t : out)
        QVERIFY(!t.stopped && !t.outputPieces.empty());
    stop = true;  // polled before the first batch: no sentence is started
    out = translator.translate(kThreeSentences, o, 1);
    QCOMPARE(out.size(), size_t{3});
    for (const auto& t : out) {
        QVERIFY(t.stopped);
        QVERIFY(t.text.empty() && t.nbest.empty() && t.outputPieces.empty());
    }
}

void TestDecoding::wordRewardSetsTheLength() {
    const auto srcs = mixedSources();
    const auto batch = dari::makeSourceBatch(srcs);
    auto o = options(4, 0);
    const auto plain = tiny::best(dari::decode(model_, batch, o));
    o.wordReward = 1000.0;  // each piece is worth more than any log-probability costs
    const auto longer = tiny::best(dari::decode(model_, batch, o));
    o.wordReward = -1000.0;  // each piece costs more: </s> as soon as the beam holds it
    const auto shorter = tiny::best(dari::decode(model_, batch, o));
    size_t plainPieces = 0, longerPieces = 0, shorterPieces = 0;
    for (size_t i = 0; i < srcs.size(); ++i) {
        if (i < tiny::pairs().size()) QCOMPARE(plain[i], tiny::pairs()[i].tgt);
        QVERIFY(longer[i].size() >= plain[i].size());
        QVERIFY(shorter[i].size() <= plain[i].size());
        shorterPieces += shorter[i].size();
        plainPieces += plain[i].size();
        longerPieces += longer[i].size();
    }
    QVERIFY2(
        longerPieces > plainPieces && shorterPieces < plainPieces,
        qPrintable(QString("%1, %2, %3").arg(shorterPieces).arg(plainPieces).arg(longerPieces)));
}

void TestDecoding::unknownPieceIsNeverAnOutput() {
    // A network that would say nothing but <unk> ("⁇" in text) still outputs real pieces.
    torch::manual_seed(4);
    dari::Seq2Seq model(tiny::config("gru", "dot", false), tiny::kVocab, tiny::kVocab);
    {
        torch::NoGradGuard noGrad;
        model->decoder->named_parameters()["output_bias"][dari::kUnkId].fill_(1e4);
    }
    const auto batch = dari::makeSourceBatch(mixedSources());
    size_t pieces = 0;
    for (int beam : {1, 4}) {
        auto o = options(beam, 0);
        o.nbest = beam;
        for (bool sample : {false, true}) {
            o.sample = sample && beam == 1;
            for (const auto& list : dari::decode(model, batch, o))
                for (const auto& h : list) {
                    pieces += h.ids.size();
                    QVERIFY(std::find(h.ids.begin(), h.ids.end(), dari::kUnkId) == h.ids.end());
                }
        }
    }
    QVERIFY(pieces > 0);
}

void TestDecoding::parallelBatchesEqualOneThread() {
    // A file's batches decoded on two workers (one BLAS thread each) give what one thread
    // gives, in the input's order.
    const dari::Translator translator = untrainedTranslator();
    std::vector<std::string> sentences;
    for (size_t i = 0; i < 24; ++i) {
        std::string s = kThreeSentences[i % 3];
        for (size_t k = 0; k < i / 3; ++k)
            s += " " + kThreeSentences[(i + k) % 3];
        sentences.push_back(s);
    }
    for (int beam : {1, 3}) {
        auto o = translator.defaultOptions();
        o.beam = beam;
        o.nbest = beam;
        dari::configureThreads(1);
        const auto alone = translator.translate(sentences, o, 4);
        dari::configureThreads(2);
        const auto parallel = translator.translate(sentences, o, 4);
        dari::configureThreads(1);
        QCOMPARE(parallel.size(), alone.size());
        for (size_t i = 0; i < alone.size(); ++i) {
            QCOMPARE(parallel[i].nbest, alone[i].nbest);
            QCOMPARE(parallel[i].scores, alone[i].scores);
            QCOMPARE(parallel[i].outputPieces, alone[i].outputPieces);
            QVERIFY(torch::equal(parallel[i].attention, alone[i].attention));
        }
    }
}

// A hypothesis' logProb is what the network gives its pieces (and </s>) when fed them: the
// confidence score stands on it (greedy and beam, with a length penalty in the ranking).
void TestDecoding::logProbIsTheOutputsOwn() {
    const auto sources = mixedSources();
    auto beam = options(4, 0);
    beam.lengthPenalty = 1.0;
    for (const auto& o : {options(1, 0), beam}) {
        const auto hypotheses = dari::decode(model_, dari::makeSourceBatch(sources), o);
        torch::InferenceMode inference;
        model_->eval();
        for (size_t i = 0; i < sources.size(); ++i) {
            const auto& h = hypotheses[i].front();
            const auto batch = dari::makeBatch({{sources[i], h.ids}}, {0});
            const auto logProbs = model_->forward(batch.src, batch.tgtIn).logits.log_softmax(-1);
            const bool ended = h.scoredPieces == static_cast<int64_t>(h.ids.size() + 1);
            QVERIFY(ended || h.scoredPieces == static_cast<int64_t>(h.ids.size()));
            if (i < tiny::pairs().size()) QVERIFY(ended);  // learnt: each ends with </s>
            const double own = logProbs.gather(2, batch.tgtOut.unsqueeze(2))
                                   .squeeze(2)
                                   .slice(1, 0, h.scoredPieces)
                                   .sum()
                                   .item<double>();
            QVERIFY2(std::abs(h.logProb - own) < 1e-3,
                     qPrintable(QString("%1 vs %2 (beam %3)").arg(h.logProb).arg(own).arg(o.beam)));
            if (o.beam > 1 && ended)
                QVERIFY(std::abs(h.score - h.logProb / static_cast<double>(h.scoredPieces)) < 1e-6);
        }
    }
}

QTEST_GUILESS_MAIN(TestDecoding)
#include "test_decoding.moc"

// A reply among the model's frequent ones gives way to the best hypothesis that is not (beam) or
// the likeliest other draw (sample-and-rank); unless turned off, or all of them are frequent.
void TestDecoding::frequentRepliesGiveWay() {
    const std::vector<std::string> input{"the cat sat on the mat"};
    auto wide = [](bool sample) {
        dari::DecodeOptions o;
        o.beam = sample ? 1 : 4;
        o.nbest = 4;
        o.sample = sample;
        o.seed = 3;
        o.maxLengthRatio = 0.5;
        return o;
    };
    for (const bool sample : {false, true}) {
        torch::manual_seed(5);
        const auto plain = untrainedTranslator().translate(input, wide(sample)).front();
        QVERIFY2(plain.nbest.size() >= 2, plain.text.c_str());
        QVERIFY(plain.nbest[0] != plain.nbest[1]);

        torch::manual_seed(5);
        const dari::Translator avoiding = untrainedTranslator({plain.nbest[0]});
        auto one = wide(sample);
        if (!sample) one.nbest = 1;  // the beam is searched whole all the same
        const auto chosen = avoiding.translate(input, one).front();
        QCOMPARE(chosen.text, plain.nbest[1]);
        QCOMPARE(chosen.scores.front(), plain.scores[1]);
        if (!sample) QCOMPARE(chosen.nbest.size(), size_t{1});
        if (sample) QCOMPARE(chosen.nbest[1], plain.nbest[0]);  // the others keep their order

        one.avoidFrequentReplies = false;
        QCOMPARE(avoiding.translate(input, one).front().text, plain.nbest[0]);

        torch::manual_seed(5);
        const dari::Translator allFrequent = untrainedTranslator(plain.nbest);
        QCOMPARE(allFrequent.translate(input, wide(sample)).front().text, plain.nbest[0]);
    }
}
