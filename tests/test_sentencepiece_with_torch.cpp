// Regression test for the start-up crash: Debian's libsentencepiece0 bundles
// protobuf 3.14 and, in one process with libtorch (protobuf 3.21), segfaults
// or aborts on protobuf's version check. Here SentencePiece trains, encodes
// and decodes while LibTorch runs a GRU forward and backward, in one process.

#include <torch/torch.h>

#include <QtTest>
#include <fstream>

#include "data/vocabulary.h"
#include "test_helpers.h"

class TestSentencePieceWithTorch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void trainEncodeDecodeKoreanAndEnglish();
    void gruForwardBackward();
};

void TestSentencePieceWithTorch::trainEncodeDecodeKoreanAndEnglish() {
    const std::string corpus = DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv";
    for (int column : {0, 1}) {
        const auto sentences = helpers::tsvColumn(corpus, column);
        QVERIFY2(sentences.size() > 100, "shared corpus missing");
        dari::VocabularyOptions options;
        options.size = 1000;
        const auto vocabulary = dari::Vocabulary::train(sentences, options);
        QVERIFY(vocabulary.size() > 100);
        QVERIFY(vocabulary.size() <= 1000);
        QCOMPARE(vocabulary.piece(dari::kUnkId), std::string("<unk>"));
        QCOMPARE(vocabulary.piece(dari::kEosId), std::string("</s>"));
        for (size_t i = 0; i < 20; ++i) {
            const auto ids = vocabulary.encode(sentences[i]);
            QVERIFY(!ids.empty());
            for (auto id : ids)
                QVERIFY(id >= 0 && id < vocabulary.size());
            QCOMPARE(vocabulary.decode(ids), sentences[i]);
        }
        // Round trip through bytes, as a model bundle stores it.
        const auto copy = dari::Vocabulary::fromSerialized(vocabulary.serialized());
        QCOMPARE(copy.encode(sentences[0]), vocabulary.encode(sentences[0]));
    }
}

void TestSentencePieceWithTorch::gruForwardBackward() {
    torch::manual_seed(1);
    torch::nn::GRU gru(torch::nn::GRUOptions(16, 32).batch_first(true));
    auto input = torch::randn({4, 10, 16}, torch::requires_grad());
    auto [output, hidden] = gru->forward(input);
    QCOMPARE(output.sizes().vec(), (std::vector<int64_t>{4, 10, 32}));
    output.pow(2).sum().backward();
    QVERIFY(input.grad().defined());
    QVERIFY(input.grad().abs().sum().item<double>() > 0.0);
    for (const auto& p : gru->parameters())
        QVERIFY(p.grad().defined());
}

QTEST_GUILESS_MAIN(TestSentencePieceWithTorch)
#include "test_sentencepiece_with_torch.moc"
