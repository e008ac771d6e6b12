// Subword regularisation: sampled segmentations are real segmentations of the
// same text, vary with the seed, repeat with it, and approach the best
// segmentation as alpha grows.

#include <QtTest>
#include <fstream>

#include "data/vocabulary.h"

namespace {

std::vector<std::string> englishDevSentences() {
    std::ifstream in(DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv");
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line) && out.size() < 300;)
        out.push_back(line.substr(line.find('\t') + 1));
    return out;
}

}  // namespace

class TestVocabulary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        sentences_ = englishDevSentences();
        QVERIFY2(sentences_.size() == 300, "shared corpus missing");
        dari::VocabularyOptions options;
        options.size = 800;
        vocabulary_ = dari::Vocabulary::train(sentences_, options);
    }

    // A corpus larger than maxSentences: SentencePiece learns from every k-th sentence, the
    // same vocabulary as from that sample given explicitly (and not the whole corpus's).
    void aLargeCorpusIsSampledEvenly() {
        dari::VocabularyOptions options;
        options.size = 400;
        options.threads = 1;
        options.maxSentences = 100;
        const auto sampled = dari::Vocabulary::train(sentences_, options);
        std::vector<std::string> everyThird;
        for (size_t i = 0; i < sentences_.size(); i += 3)
            everyThird.push_back(sentences_[i]);
        options.maxSentences = 0;
        QVERIFY(dari::Vocabulary::train(everyThird, options).serialized() == sampled.serialized());
        QVERIFY(dari::Vocabulary::train(sentences_, options).serialized() != sampled.serialized());
    }

    void sampledSegmentationsSpellTheSameText() {
        const auto sampled = vocabulary_.sampleEncode(sentences_, 0.1, 7);
        QCOMPARE(sampled.size(), sentences_.size());
        int differ = 0;
        for (size_t i = 0; i < sentences_.size(); ++i) {
            // (as the best segmentation spells it: SentencePiece normalises, e.g. NFKC)
            QCOMPARE(vocabulary_.decode(sampled[i]),
                     vocabulary_.decode(vocabulary_.encode(sentences_[i])));
            differ += sampled[i] != vocabulary_.encode(sentences_[i]);
        }
        QVERIFY2(differ > 100,
                 qPrintable(QString::number(differ)));  // most are not the best segmentation
    }

    void theSeedRepeatsTheDraws() {
        const auto a = vocabulary_.sampleEncode(sentences_, 0.1, 7);
        QCOMPARE(vocabulary_.sampleEncode(sentences_, 0.1, 7), a);
        QVERIFY(vocabulary_.sampleEncode(sentences_, 0.1, 8) != a);
    }

    void largeAlphaApproachesTheBestSegmentation() {
        const auto sampled = vocabulary_.sampleEncode(sentences_, 20.0, 7);
        int same = 0;
        for (size_t i = 0; i < sentences_.size(); ++i)
            same += sampled[i] == vocabulary_.encode(sentences_[i]);
        QVERIFY2(same > 250, qPrintable(QString::number(same)));
    }

private:
    std::vector<std::string> sentences_;
    dari::Vocabulary vocabulary_;
};

QTEST_GUILESS_MAIN(TestVocabulary)
#include "test_vocabulary.moc"
