// Config: defaults, YAML round trip, errors that name the file and line, overrides.

#include <QtTest>

#include <stdexcept>
#include <string>

#include "model/bundle/config.h"
#include "test_helpers.h"

using dari::Config;
using helpers::errorOf;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A valid YAML with `line` placed as line 3 (inside the model section) after two others.
std::string yamlWithModelLine(const std::string& line) {
    return "# test\nmodel:\n" + line + "\n  embedding_size: 32\n";
}

}  // namespace

class TestConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsValidate();
    void yamlRoundTripsEveryField();
    void emptyYamlGivesDefaults();
    void unknownKeyNamesFileAndLine();
    void badValuesNameFileAndLine_data();
    void badValuesNameFileAndLine();
    void notAMapIsRejected();
    void setByDottedKey();
    void loadNamesMissingFile();
    void transformerSettings();
    void corporaRoundTrip();
    void badCorporaNameFileAndLine();
    void bestByAndCleaningSettings();
};

void TestConfig::defaultsValidate() {
    Config config;
    config.validate();
    QCOMPARE(config.model.cell, std::string("gru"));
    QCOMPARE(config.decode.beam, 5);
}

void TestConfig::yamlRoundTripsEveryField() {
    Config c;
    c.data.task = "chat";
    c.data.srcLang = "en";
    c.data.tgtLang = "";
    c.data.sharedVocab = true;
    c.data.srcVocabSize = 1234;
    c.data.devFraction = 0.0123456789;
    c.model.cell = "lstm";
    c.model.attention = "general";
    c.model.bidirectional = false;
    c.model.dropout = 0.1 + 0.2;  // not exactly 0.3: needs every digit
    c.model.tieEmbeddings = true;
    c.model.pooling = "last";
    c.model.classes = 3;
    c.train.learningRate = 3.14159265358979e-4;
    c.train.seed = 18446744073709551557ull;
    c.train.minutes = 12.5;
    c.decode.beam = 7;
    c.decode.topP = 0.9;
    c.validate();
    const auto yaml = c.toYaml();
    const auto back = Config::fromYaml(yaml, "roundtrip.yaml");
    QCOMPARE(back.toYaml(), yaml);
    QCOMPARE(back.data.task, c.data.task);
    QCOMPARE(back.data.tgtLang, std::string());
    QCOMPARE(back.data.sharedVocab, true);
    QCOMPARE(back.data.srcVocabSize, 1234);
    QCOMPARE(back.data.devFraction, c.data.devFraction);
    QCOMPARE(back.model.cell, std::string("lstm"));
    QCOMPARE(back.model.attention, std::string("general"));
    QCOMPARE(back.model.bidirectional, false);
    QCOMPARE(back.model.dropout, c.model.dropout);
    QCOMPARE(back.model.tieEmbeddings, true);
    QCOMPARE(back.model.pooling, std::string("last"));
    QCOMPARE(back.model.classes, 3);
    QCOMPARE(back.train.learningRate, c.train.learningRate);
    QCOMPARE(back.train.seed, c.train.seed);
    QCOMPARE(back.train.minutes, 12.5);
    QCOMPARE(back.decode.beam, 7);
    QCOMPARE(back.decode.topP, 0.9);
    // Every line of the defaults differs from the changed config's somewhere.
    QVERIFY(Config().toYaml() != yaml);
}

void TestConfig::emptyYamlGivesDefaults() {
    const auto config = Config::fromYaml("# nothing\n", "empty.yaml");
    QCOMPARE(config.toYaml(), Config().toYaml());
}

void TestConfig::unknownKeyNamesFileAndLine() {
    const auto message =
        errorOf([] { Config::fromYaml(yamlWithModelLine("  colour: blue"), "my.yaml"); });
    QVERIFY2(contains(message, "my.yaml:3"), message.c_str());
    QVERIFY2(contains(message, "model.colour"), message.c_str());
}

void TestConfig::badValuesNameFileAndLine_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("key");
    QTest::newRow("cell") << "  cell: banana"
                          << "model.cell";
    QTest::newRow("dropout") << "  dropout: 2"
                             << "model.dropout";
    QTest::newRow("bool") << "  bidirectional: maybe"
                          << "model.bidirectional";
    QTest::newRow("size") << "  encoder_hidden: 0"
                          << "model.encoder_hidden";
    QTest::newRow("nested") << "  cell: {a: 1}"
                            << "model.cell";
    QTest::newRow("pooling") << "  pooling: max"
                             << "model.pooling";
    QTest::newRow("classes") << "  classes: 1"
                             << "model.classes";
}

void TestConfig::badValuesNameFileAndLine() {
    QFETCH(QString, line);
    QFETCH(QString, key);
    const auto message =
        errorOf([&] { Config::fromYaml(yamlWithModelLine(line.toStdString()), "bad.yaml"); });
    QVERIFY2(contains(message, "bad.yaml:3"), message.c_str());
    QVERIFY2(contains(message, key.toStdString()), message.c_str());
    // The same in another section, on another line.
    const auto beam =
        errorOf([] { Config::fromYaml("decode:\n  top_k: 3\n  beam: x\n", "d.yaml"); });
    QVERIFY2(contains(beam, "d.yaml:3") && contains(beam, "decode.beam"), beam.c_str());
}

void TestConfig::notAMapIsRejected() {
    const auto scalar = errorOf([] { Config::fromYaml("just words", "s.yaml"); });
    QVERIFY2(contains(scalar, "s.yaml"), scalar.c_str());
    const auto section =
        errorOf([] { Config::fromYaml("data:\n  task: chat\nmodel: 5\n", "m.yaml"); });
    QVERIFY2(contains(section, "m.yaml:3"), section.c_str());
    const auto syntax = errorOf([] { Config::fromYaml("model:\n  cell: [gru\n", "y.yaml"); });
    QVERIFY2(contains(syntax, "y.yaml:"), syntax.c_str());
    // Found by fuzz_config: keys that are lists, and a language code spanning lines (which
    // config.yaml could not write back).
    const auto listKey = errorOf([] { Config::fromYaml("---\na: &x\n [1, 2]: 3\n", "k.yaml"); });
    QVERIFY2(contains(listKey, "k.yaml:"), listKey.c_str());
    const auto entryKey = errorOf([] { Config::fromYaml("model:\n  [1]: 3\n", "e.yaml"); });
    QVERIFY2(contains(entryKey, "e.yaml:2"), entryKey.c_str());
    const auto language =
        errorOf([] { Config::fromYaml("data:\n  src_lang: \"ko\n  tgt_lang: en\"\n", "l.yaml"); });
    QVERIFY2(contains(language, "l.yaml:2") && contains(language, "data.src_lang"),
             language.c_str());
}

void TestConfig::setByDottedKey() {
    Config config;
    config.set("model.cell", "lstm");
    QCOMPARE(config.model.cell, std::string("lstm"));
    config.set("train.learning_rate", "0.5");
    QCOMPARE(config.train.learningRate, 0.5);
    config.set("data.shared_vocab", "yes");
    QCOMPARE(config.data.sharedVocab, true);
    QVERIFY(contains(errorOf([&] { config.set("model.colour", "blue"); }), "model.colour"));
    QVERIFY(contains(errorOf([&] { config.set("cell", "gru"); }), "cell"));
    QVERIFY(contains(errorOf([&] { config.set("decode.beam", "5x"); }), "decode.beam"));
    QVERIFY(contains(errorOf([&] { config.set("train.seed", "-1"); }), "train.seed"));
    QCOMPARE(config.decode.beam, 5);  // a failed set leaves the value alone
}

void TestConfig::loadNamesMissingFile() {
    const auto message = errorOf([] { Config::load("/nonexistent/dari.yaml"); });
    QVERIFY2(contains(message, "/nonexistent/dari.yaml"), message.c_str());
}

void TestConfig::transformerSettings() {
    QCOMPARE(Config().model.architecture, std::string("recurrent"));
    // A config.yaml written before the key existed (every old bundle) reads as recurrent.
    const auto old = Config::fromYaml("model:\n  cell: lstm\n  embedding_size: 30\n", "old.yaml");
    QCOMPARE(old.model.architecture, std::string("recurrent"));
    QCOMPARE(old.model.heads, 4);  // 30 % 4 != 0: heads are not read by a recurrent network
    Config c;
    c.model.architecture = "transformer";
    c.model.heads = 8;
    c.model.feedforward = 2048;
    c.model.embeddingSize = 512;
    c.validate();
    const auto back = Config::fromYaml(c.toYaml(), "t.yaml");
    QCOMPARE(back.toYaml(), c.toYaml());
    QCOMPARE(back.model.architecture, std::string("transformer"));
    QCOMPARE(back.model.heads, 8);
    QCOMPARE(back.model.feedforward, 2048);
    QVERIFY(contains(c.toYaml(), "architecture: transformer"));
    const auto refused = [](const std::string& yaml) {
        return errorOf([&] { Config::fromYaml(yaml, "x.yaml"); });
    };
    const auto indivisible =
        refused("model:\n  architecture: transformer\n  embedding_size: 30\n  heads: 4\n");
    QVERIFY2(contains(indivisible, "x.yaml:4") && contains(indivisible, "model.heads") &&
                 contains(indivisible, "model.embedding_size"),
             indivisible.c_str());
    const auto unknown = refused("model:\n  architecture: mamba\n");
    QVERIFY2(contains(unknown, "x.yaml:2") && contains(unknown, "model.architecture"),
             unknown.c_str());
    const auto classify = refused("data:\n  task: classify\nmodel:\n  architecture: transformer\n");
    QVERIFY2(contains(classify, "x.yaml:4") && contains(classify, "model.architecture") &&
                 contains(classify, "classify"),
             classify.c_str());
    const auto scheduled =
        refused("model:\n  architecture: transformer\ntrain:\n  teacher_forcing_end: 0.5\n");
    QVERIFY2(contains(scheduled, "x.yaml:4") && contains(scheduled, "train.teacher_forcing_end"),
             scheduled.c_str());
    QVERIFY(contains(errorOf([] { Config::fromYaml("model:\n  feedforward: 0\n", "f.yaml"); }),
                     "model.feedforward"));
    Config set;
    set.set("model.architecture", "transformer");
    set.set("train.teacher_forcing", "0.9");
    QVERIFY(contains(errorOf([&] { set.validate(); }), "train.teacher_forcing"));
}

void TestConfig::corporaRoundTrip() {
    Config c;
    c.data.corpora = {{"tatoeba-ko-en/train.tsv", 3, "tatoeba-ko-en/dev.tsv", 300},
                      {"/abs/with \"quote\": and #.tsv", 0.05, "", 0},
                      {"", 1, "news-ko-en/dev.tsv", 0}};
    c.validate();
    const auto yaml = c.toYaml();
    const auto back = Config::fromYaml(yaml, "corpora.yaml");
    QCOMPARE(back.toYaml(), yaml);
    QVERIFY(back.data.corpora == c.data.corpora);
    // As a person writes it: block entries, weight and holdout optional.
    const auto written = Config::fromYaml(
        "data:\n  corpora:\n    - train: a.tsv\n      dev: b.tsv\n    - {train: c.tsv, weight: "
        "0.5}\n",
        "w.yaml");
    QCOMPARE(written.data.corpora.size(), size_t{2});
    QCOMPARE(written.data.corpora[0].weight, 1.0);
    QCOMPARE(written.data.corpora[0].dev, std::string("b.tsv"));
    QCOMPARE(written.data.corpora[1].weight, 0.5);
    QVERIFY(Config().data.corpora.empty());
    QVERIFY(contains(Config().toYaml(), "corpora: []"));
}

void TestConfig::badCorporaNameFileAndLine() {
    const auto notList = errorOf([] { Config::fromYaml("data:\n  corpora: a.tsv\n", "c.yaml"); });
    QVERIFY2(contains(notList, "c.yaml:2") && contains(notList, "data.corpora"), notList.c_str());
    const auto badKey = errorOf([] {
        Config::fromYaml("data:\n  corpora:\n    - train: a.tsv\n      wieght: 2\n", "k.yaml");
    });
    QVERIFY2(contains(badKey, "k.yaml:4") && contains(badKey, "wieght"), badKey.c_str());
    const auto badWeight = errorOf([] {
        Config::fromYaml("data:\n  corpora:\n    - {train: a.tsv, weight: -1}\n", "w.yaml");
    });
    QVERIFY2(contains(badWeight, "w.yaml:2") && contains(badWeight, "weight must be in (0, 1000]"),
             badWeight.c_str());
    const auto empty =
        errorOf([] { Config::fromYaml("data:\n  corpora:\n    - {weight: 2}\n", "e.yaml"); });
    QVERIFY2(contains(empty, "names no train or dev file"), empty.c_str());
    const auto holdout = errorOf(
        [] { Config::fromYaml("data:\n  corpora:\n    - {dev: d.tsv, holdout: 5}\n", "h.yaml"); });
    QVERIFY2(contains(holdout, "holdout needs a train file"), holdout.c_str());
}

void TestConfig::bestByAndCleaningSettings() {
    Config c;
    QCOMPARE(c.train.bestBy, std::string("bleu"));
    QVERIFY(c.data.clean);
    for (const char* good : {"bleu", "chrf", "chrf:korsts-ko-en", "bleu:my set"}) {
        c.set("train.best_by", good);
        c.validate();
    }
    for (const char* bad : {"ter", "chrf:", "loss:x"}) {
        c.set("train.best_by", bad);
        QVERIFY2(contains(errorOf([&] { c.validate(); }), "train.best_by"), bad);
    }
    c.set("train.best_by", "bleu");
    c.set("data.clean_length_ratio", "1.2");
    QVERIFY(contains(errorOf([&] { c.validate(); }), "data.clean_length_ratio"));
    c.set("data.clean_length_ratio", "0");  // off
    c.validate();
}

QTEST_GUILESS_MAIN(TestConfig)
#include "test_config.moc"
