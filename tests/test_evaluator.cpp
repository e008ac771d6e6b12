// Validation scoring: the loss and BLEU of dev pairs, with batches shared out
// over threads, and with the beam the model's users get.

#include <QtTest>

#include "data/vocabulary.h"
#include "model/runtime.h"
#include "model/training/evaluator.h"
#include "tiny_model.h"

namespace {

// Turns tiny::kVocab ids into text (the pieces of a small SentencePiece model).
const dari::Vocabulary& vocabulary() {
    static const dari::Vocabulary vocab = [] {
        dari::VocabularyOptions options;
        options.size = 40;
        return dari::Vocabulary::train(
            {"the cat sat on the mat", "a dog ran in the park", "tom is here"}, options);
    }();
    return vocab;
}

std::vector<std::string> references(const std::vector<dari::Example>& examples) {
    std::vector<std::string> out;
    for (const auto& e : examples)
        out.push_back(vocabulary().decode(e.tgt));
    return out;
}

// Loss of the whole set as one batch: what evaluate's per-batch sums must add up to.
double wholeBatchLoss(dari::Seq2Seq& model, const std::vector<dari::Example>& examples) {
    torch::InferenceMode inference;
    model->eval();
    const auto batch = dari::makeBatch(examples, tiny::allIndices(examples.size()));
    const auto result = model->forward(batch.src, batch.tgtIn);
    model->train();
    return dari::sequenceLoss(result.logits, batch.tgtOut, 0.0).item<double>();
}

}  // namespace

class TestEvaluator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(vocabulary().size() >= tiny::kVocab); }
    void cleanup() { dari::configureThreads(1); }

    void scoresTheModelsOwnOutput() {
        auto model = tiny::trained();
        const auto examples = tiny::pairs();
        QVERIFY(tiny::reproduces(model, examples));
        dari::configureThreads(2);
        const auto scores = dari::evaluate(model, examples, references(examples), vocabulary(),
                                           dari::validationGreedy(), /*batchSize=*/3);
        QCOMPARE(scores.hypotheses, references(examples));  // each output in its own row
        QCOMPARE(scores.chrf, 100.0);  // (BLEU is 0: these outputs are shorter than 4 words)
        QVERIFY(std::abs(scores.loss - wholeBatchLoss(model, examples)) < 1e-5);
        QVERIFY(model->is_training());  // handed back ready to train on
    }

    void threadsDoNotChangeScores() {
        torch::manual_seed(3);
        dari::Seq2Seq model(tiny::config("lstm", "general", true), tiny::kVocab, tiny::kVocab);
        const auto examples = tiny::pairs();
        std::vector<dari::DevScores> runs;
        for (int threads : {1, 2, 3}) {
            dari::configureThreads(threads);
            runs.push_back(dari::evaluate(model, examples, references(examples), vocabulary(),
                                          dari::validationGreedy(), /*batchSize=*/2));
        }
        for (const auto& run : runs) {
            QCOMPARE(run.hypotheses, runs[0].hypotheses);
            QVERIFY(std::abs(run.loss - runs[0].loss) < 1e-9);
        }
        QVERIFY(std::abs(runs[0].loss - wholeBatchLoss(model, examples)) < 1e-5);
    }

    void beamValidationDecodesAsUsersDo() {
        torch::manual_seed(5);
        dari::Seq2Seq model(tiny::config("gru", "bahdanau", true), tiny::kVocab, tiny::kVocab);
        const auto examples = tiny::pairs();
        dari::DecodeOptions beam;
        beam.beam = 4;
        beam.lengthPenalty = 0.6;
        beam.noRepeatNgram = 2;
        dari::configureThreads(2);
        const auto scores =
            dari::evaluate(model, examples, references(examples), vocabulary(), beam, 3);
        std::vector<std::string> expected;
        {
            torch::InferenceMode inference;
            for (const auto& ids : tiny::best(
                     dari::decode(model, dari::makeSourceBatch(tiny::sources(examples)), beam)))
                expected.push_back(vocabulary().decode(ids));
        }
        QCOMPARE(scores.hypotheses, expected);
        const auto greedy = dari::evaluate(model, examples, references(examples), vocabulary());
        QVERIFY(greedy.hypotheses != scores.hypotheses);  // the options are really used
    }
};

QTEST_GUILESS_MAIN(TestEvaluator)
#include "test_evaluator.moc"
