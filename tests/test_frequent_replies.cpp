// A chat model's frequent replies (model/metrics/frequent_replies): the commonest training
// replies, most frequent first, each at least twice; kept in meta.json, where a chat model's
// training writes them and a translation model's does not.

#include <QTemporaryDir>
#include <QtTest>

#include "model/bundle/bundle.h"
#include "model/metrics/frequent_replies.h"
#include "model/training/train_log.h"
#include "model/training/trainer.h"

using dari::SentencePair;

class TestFrequentReplies : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void commonestFirstTiesInOrderAtLeastTwice() {
        const std::vector<SentencePair> pairs = {
            {"a", "좋아요."}, {"b", " 맛있게 드세요. "}, {"c", "맛있게 드세요."},
            {"d", "좋아요."}, {"e", "그래요."},          {"f", "맛있게 드세요."},
            {"g", ""},        {"h", "그래요."},          {"i", "한 번뿐"}};
        QCOMPARE(dari::mostFrequentReplies(pairs),
                 (std::vector<std::string>{"맛있게 드세요.", "좋아요.", "그래요."}));
        QCOMPARE(dari::mostFrequentReplies(pairs, 2),
                 (std::vector<std::string>{"맛있게 드세요.", "좋아요."}));
        QVERIFY(dari::mostFrequentReplies({}).empty());
    }

    void metaJsonKeepsThemOnlyWhenThereAreSome() {
        dari::BundleMeta meta;
        QVERIFY(!meta.toJson().contains("frequent_replies"));
        meta.frequentReplies = {"맛있게 드세요.", "좋아요."};
        const auto json = meta.toJson();
        QCOMPARE(json["frequent_replies"].size(), size_t{2});
        QCOMPARE(dari::BundleMeta::fromJson(json).frequentReplies, meta.frequentReplies);
    }

    void chatTrainingWritesThemTranslationDoesNot() {
        std::vector<SentencePair> pairs;
        for (int i = 0; i < 40; ++i)
            pairs.push_back(
                {"질문 " + std::to_string(i), i % 4 ? "답 " + std::to_string(i) : "좋아요."});
        for (const std::string task : {"chat", "translate"}) {
            dari::Config c;
            c.data.task = task;
            c.data.tgtLang = task == "chat" ? "ko" : "en";
            c.data.srcVocabSize = c.data.tgtVocabSize = 40;
            c.model.embeddingSize = c.model.encoderHidden = c.model.decoderHidden =
                c.model.attentionSize = 8;
            c.train.epochs = 1;
            c.train.threads = 1;
            QTemporaryDir dir;
            dari::TrainOptions options;
            options.outDir = dir.filePath("model").toStdString();
            dari::TrainLog quiet;
            dari::train(c, dari::TrainInputs::single(pairs, pairs, "test", "test/train.tsv"),
                        options, quiet);
            const auto meta = dari::BundleMeta::load(options.outDir);
            if (task == "chat")
                QCOMPARE(meta.frequentReplies, std::vector<std::string>{"좋아요."});
            else
                QVERIFY(meta.frequentReplies.empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestFrequentReplies)
#include "test_frequent_replies.moc"
