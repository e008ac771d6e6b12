// Model bundles: save -> load gives the same translations; every broken file is named.

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <memory>

#include "model/translator.h"
#include "test_helpers.h"

namespace fs = std::filesystem;

namespace {

void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

const std::vector<std::string> kKorean = {"안녕.", "나는 학생이에요.", "고양이가 좋아요!",
                                          "이거 얼마예요?", "내일 다시 와요."};

}  // namespace

class TestBundle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void saveLoadGivesIdenticalTranslations_data();
    void saveLoadGivesIdenticalTranslations();
    void brokenFilesAreNamed_data();
    void brokenFilesAreNamed();
    void splitSentencesCases_data();
    void splitSentencesCases();
    void translateTextKeepsLines();

private:
    std::shared_ptr<dari::Bundle> makeBundle(const std::string& cell, const std::string& attention,
                                             bool tied) const;
    std::string savedBundle(QTemporaryDir& dir) const;

    std::string srcModel_, tgtModel_;  // trained once, serialized
};

void TestBundle::initTestCase() {
    torch::set_num_threads(1);
    const std::string corpus = DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv";
    dari::VocabularyOptions options;
    options.size = 1000;
    const auto korean = helpers::tsvColumn(corpus, 0);
    QVERIFY2(korean.size() > 100, "shared corpus missing");
    srcModel_ = dari::Vocabulary::train(korean, options).serialized();
    tgtModel_ = dari::Vocabulary::train(helpers::tsvColumn(corpus, 1), options).serialized();
}

std::shared_ptr<dari::Bundle> TestBundle::makeBundle(const std::string& cell,
                                                     const std::string& attention,
                                                     bool tied) const {
    auto bundle = std::make_shared<dari::Bundle>();
    bundle->src = dari::Vocabulary::fromSerialized(srcModel_);
    bundle->tgt = dari::Vocabulary::fromSerialized(tgtModel_);
    auto& m = bundle->config.model;
    m.cell = cell;
    m.attention = attention;
    m.embeddingSize = m.encoderHidden = m.attentionSize = 16;
    m.decoderHidden = 32;
    m.tieEmbeddings = tied;
    bundle->config.decode.maxLengthRatio = 1.0;
    torch::manual_seed(2);
    bundle->model = dari::Seq2Seq(m, bundle->src.size(), bundle->tgt.size());
    bundle->meta.srcLang = "ko";
    bundle->meta.tgtLang = "en";
    bundle->meta.steps = 1234;
    bundle->meta.devBleu = 12.5;
    bundle->meta.parameters = bundle->model->parameterCount();
    bundle->meta.created = dari::isoTimeNow();
    return bundle;
}

std::string TestBundle::savedBundle(QTemporaryDir& dir) const {
    const std::string path = dir.path().toStdString() + "/bundle";
    makeBundle("gru", "bahdanau", false)->save(path);
    return path;
}

void TestBundle::saveLoadGivesIdenticalTranslations_data() {
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("attention");
    QTest::addColumn<bool>("tied");
    QTest::newRow("gru-bahdanau") << "gru"
                                  << "bahdanau" << false;
    QTest::newRow("lstm-general-tied") << "lstm"
                                       << "general" << true;
    QTest::newRow("rnn-none") << "rnn"
                              << "none" << false;
}

void TestBundle::saveLoadGivesIdenticalTranslations() {
    QFETCH(QString, cell);
    QFETCH(QString, attention);
    QFETCH(bool, tied);
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/model";
    const auto original = makeBundle(cell.toStdString(), attention.toStdString(), tied);
    original->save(path);
    for (const char* file : {"config.yaml", "src.spm", "tgt.spm", "model.pt", "meta.json"})
        QVERIFY2(fs::exists(path + "/" + file), file);
    const auto loaded = std::make_shared<dari::Bundle>(dari::Bundle::load(path));
    QCOMPARE(loaded->config.toYaml(), original->config.toYaml());
    QCOMPARE(loaded->meta.toJson(), original->meta.toJson());
    QCOMPARE(loaded->model->parameterCount(), original->model->parameterCount());
    QCOMPARE(loaded->src.encode(kKorean[1]), original->src.encode(kKorean[1]));

    const dari::Translator before(original), after(loaded);
    for (int beam : {1, 4}) {
        auto options = before.defaultOptions();
        options.beam = beam;
        options.nbest = beam;
        const auto a = before.translate(kKorean, options);
        const auto b = after.translate(kKorean, options);
        for (size_t i = 0; i < kKorean.size(); ++i) {
            QVERIFY(!a[i].outputPieces.empty());
            QCOMPARE(b[i].text, a[i].text);
            QCOMPARE(b[i].nbest, a[i].nbest);
            QCOMPARE(b[i].scores, a[i].scores);
            QCOMPARE(b[i].sourcePieces, a[i].sourcePieces);
        }
    }
}

void TestBundle::brokenFilesAreNamed_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("damage");
    QTest::newRow("missing model.pt") << "model.pt"
                                      << "remove";
    QTest::newRow("truncated model.pt") << "model.pt"
                                        << "truncate";
    QTest::newRow("garbage model.pt") << "model.pt"
                                      << "garbage";
    QTest::newRow("corrupt meta.json") << "meta.json"
                                       << "truncate";
    QTest::newRow("meta.json without task") << "meta.json"
                                            << "{\"src_lang\": \"ko\"}";
    QTest::newRow("missing meta.json") << "meta.json"
                                       << "remove";
    QTest::newRow("missing src.spm") << "src.spm"
                                     << "remove";
    QTest::newRow("corrupt tgt.spm") << "tgt.spm"
                                     << "truncate";
    QTest::newRow("garbage config.yaml") << "config.yaml"
                                         << "garbage";
    QTest::newRow("bad value in config.yaml") << "config.yaml"
                                              << "model:\n  cell: banana\n";
    QTest::newRow("other model's config.yaml") << "config.yaml"
                                               << "model:\n  embedding_size: 24\n";
}

void TestBundle::brokenFilesAreNamed() {
    QFETCH(QString, file);
    QFETCH(QString, damage);
    QTemporaryDir dir;
    const auto bundle = savedBundle(dir);
    const std::string path = bundle + "/" + file.toStdString();
    if (damage == "remove") {
        QVERIFY(fs::remove(path));
    } else if (damage == "truncate") {
        const auto bytes = readFile(path);
        writeFile(path, bytes.substr(0, bytes.size() / 2));
    } else if (damage == "garbage") {
        writeFile(path, std::string("\x01\xff garbage: [ {{ \x02\n\tnot: valid", 28));
    } else {
        writeFile(path, damage.toStdString());
    }
    const auto message = helpers::errorOf([&] { dari::Bundle::load(bundle); });
    QVERIFY2(!message.empty(), "no error");
    // "other model's config.yaml" builds a model of another shape: then model.pt does not fit.
    const std::string named = damage.contains("embedding_size") ? "model.pt" : file.toStdString();
    QVERIFY2(message.find(bundle + "/" + named) != std::string::npos, message.c_str());
}

void TestBundle::splitSentencesCases_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("sentences");
    QTest::newRow("one") << "Hello there." << QStringList{"Hello there."};
    QTest::newRow("two") << "Hi. How are you?" << QStringList{"Hi.", "How are you?"};
    QTest::newRow("three marks") << "Stop! Why? Fine." << QStringList{"Stop!", "Why?", "Fine."};
    QTest::newRow("no space after mark") << "3.14 is pi" << QStringList{"3.14 is pi"};
    QTest::newRow("korean") << "안녕하세요. 잘 지내요?" << QStringList{"안녕하세요.", "잘 지내요?"};
    QTest::newRow("full-width") << "좋아요！ 정말？ 네。 끝"
                                << QStringList{"좋아요！", "정말？", "네。", "끝"};
    QTest::newRow("ellipsis") << "Well… maybe" << QStringList{"Well…", "maybe"};
    QTest::newRow("extra spaces") << "  One.   Two.  " << QStringList{"One.", "Two."};
    QTest::newRow("tab") << "One.\tTwo" << QStringList{"One.", "Two"};
    QTest::newRow("empty") << "" << QStringList{};
    QTest::newRow("blank") << "   " << QStringList{};
}

void TestBundle::splitSentencesCases() {
    QFETCH(QString, line);
    QFETCH(QStringList, sentences);
    QStringList actual;
    for (const auto& s : dari::splitSentences(line.toStdString()))
        actual << QString::fromStdString(s);
    QCOMPARE(actual, sentences);
}

void TestBundle::translateTextKeepsLines() {
    const dari::Translator translator(makeBundle("gru", "bahdanau", false));
    auto options = translator.defaultOptions();
    options.beam = 1;
    const auto one = [&](const std::string& s) {
        return translator.translate({s}, options).front().text;
    };
    const std::string a = one(kKorean[0]), b = one(kKorean[1]), c = one(kKorean[2]);
    QVERIFY(a != b && b != c);
    const auto text = kKorean[0] + " " + kKorean[1] + "\n\n" + kKorean[2] + "\n";
    QCOMPARE(translator.translateText(text, options), a + " " + b + "\n\n" + c + "\n");
    QCOMPARE(translator.translateText(kKorean[2], options), c);
    QCOMPARE(translator.translateText("\n" + kKorean[0] + "\n  \n", options), "\n" + a + "\n\n");
    QCOMPARE(translator.translateText(kKorean[0] + "\r\n" + kKorean[1] + "\r\n", options),
             a + "\r\n" + b + "\r\n");
}

QTEST_GUILESS_MAIN(TestBundle)
#include "test_bundle.moc"
