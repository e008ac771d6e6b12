// Packed models: what dari pack writes reads back byte for byte; every crafted or damaged
// archive is refused with one message and leaves nothing behind.

#include <archive.h>
#include <archive_entry.h>

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "model/bundle/bundle.h"
#include "model/bundle/model_archive.h"
#include "model/bundle/sha256.h"
#include "test_helpers.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Entry {
    Entry(std::string n, std::string c, mode_t t = AE_IFREG, std::string l = {}, bool h = false)
        : name(std::move(n)), content(std::move(c)), type(t), link(std::move(l)), hardlink(h) {}
    std::string name;
    std::string content;
    mode_t type;
    std::string link;  // symlink target, or a hard link's target with `hardlink`
    bool hardlink;
};

// A tar.gz with exactly these members, as an attacker would write it.
void writeArchive(const std::string& path, const std::vector<Entry>& entries) {
    archive* a = archive_write_new();
    archive_write_add_filter_gzip(a);
    archive_write_set_format_pax_restricted(a);
    QCOMPARE(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK);
    for (const auto& e : entries) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, e.name.c_str());
        archive_entry_set_filetype(entry, e.type);
        archive_entry_set_perm(entry, 0644);
        if (e.hardlink) {
            archive_entry_set_hardlink(entry, e.link.c_str());
            archive_entry_set_size(entry, 0);
        } else if (e.type == AE_IFLNK) {
            archive_entry_set_symlink(entry, e.link.c_str());
        } else {
            archive_entry_set_size(entry, static_cast<la_int64_t>(e.content.size()));
        }
        archive_write_header(a, entry);
        if (e.type == AE_IFREG && !e.hardlink)
            archive_write_data(a, e.content.data(), e.content.size());
        archive_entry_free(entry);
    }
    archive_write_close(a);
    archive_write_free(a);
}

}  // namespace

class TestModelArchive : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sha256KnownVectors();
    void packThenUnpackGivesTheSameFiles();
    void cardSaysWhatTheModelIs();
    void craftedArchivesAreRefused_data();
    void craftedArchivesAreRefused();
    void anotherTaskIsRefused();
    void installReplaceRemove();
    void packRefusesAnIncompleteModel();

private:
    // The members of the good archive with a changed manifest or extra entries.
    std::vector<Entry> goodEntries() const;

    QTemporaryDir dir_;
    std::string model_, packed_;
    json manifest_;
};

void TestModelArchive::initTestCase() {
    torch::set_num_threads(1);
    const std::string corpus = DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv";
    dari::VocabularyOptions options;
    options.size = 1000;
    dari::Bundle bundle;
    bundle.src = dari::Vocabulary::train(helpers::tsvColumn(corpus, 0), options);
    bundle.tgt = dari::Vocabulary::train(helpers::tsvColumn(corpus, 1), options);
    auto& m = bundle.config.model;
    m.embeddingSize = m.encoderHidden = m.decoderHidden = m.attentionSize = 8;
    torch::manual_seed(1);
    bundle.model = dari::Seq2Seq(m, bundle.src.size(), bundle.tgt.size());
    bundle.meta.srcLang = "ko";
    bundle.meta.tgtLang = "en";
    bundle.meta.devBleu = 12.5;
    bundle.meta.devPairs = 500;
    bundle.meta.devBeam = 5;
    bundle.meta.trainingData = {"tatoeba-ko-en/train.tsv", "korsts-ko-en/train.tsv"};
    bundle.meta.parameters = bundle.model->parameterCount();
    bundle.meta.created = dari::isoTimeNow();
    model_ = dir_.filePath("ko-tiny").toStdString();
    bundle.save(model_);
    packed_ = dir_.filePath("ko-tiny.dari").toStdString();
    dari::packModel(model_, packed_);
    manifest_ = dari::readModelCard(packed_).toJson();
}

std::vector<Entry> TestModelArchive::goodEntries() const {
    std::vector<Entry> entries{{"manifest.json", manifest_.dump()}};
    for (const auto& f : manifest_.at("files"))
        entries.push_back({f.at("path"), readFile(model_ + "/" + f.at("path").get<std::string>())});
    return entries;
}

void TestModelArchive::sha256KnownVectors() {
    dari::Sha256 sha;
    QCOMPARE(sha.hex(),
             std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    sha.update("abc", 3);
    QCOMPARE(sha.hex(),
             std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    const std::string path = dir_.filePath("abc.txt").toStdString();
    std::ofstream(path) << "abc";
    QCOMPARE(dari::sha256OfFile(path),
             std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

void TestModelArchive::packThenUnpackGivesTheSameFiles() {
    const std::string out = dir_.filePath("unpacked/ko-tiny").toStdString();
    const dari::ModelCard card = dari::unpackModel(packed_, out);
    QCOMPARE(card.files.size(), size_t{5});
    for (const auto& file : card.files) {
        QCOMPARE(readFile(out + "/" + file.path), readFile(model_ + "/" + file.path));
        QCOMPARE(dari::sha256OfFile(out + "/" + file.path), file.sha256);
    }
    QVERIFY(!fs::exists(out + "/checkpoint.pt"));
    dari::Bundle::load(out);
    // Unpacking again over it is refused.
    QVERIFY(helpers::errorOf([&] { dari::unpackModel(packed_, out); }).find("already exists") !=
            std::string::npos);
}

void TestModelArchive::cardSaysWhatTheModelIs() {
    const dari::ModelCard card = dari::readModelCard(packed_);
    QCOMPARE(card.name, std::string("ko-tiny"));
    QCOMPARE(card.task, std::string("translate"));
    QCOMPARE(card.srcLang + card.tgtLang, std::string("koen"));
    // Every corpus it learned from, each with its licence and credit.
    QCOMPARE(card.corpora.size(), size_t{2});
    QCOMPARE(card.corpora[0].data, std::string("tatoeba-ko-en/train.tsv"));
    QCOMPARE(card.corpora[0].licence, std::string("CC-BY-2.0-FR"));
    QVERIFY(card.corpora[0].attribution.find("tatoeba.org") != std::string::npos);
    QCOMPARE(card.corpora[1].licence, std::string("CC-BY-SA-4.0"));
    QVERIFY(card.corpora[1].attribution.find("KorSTS") != std::string::npos);
    QCOMPARE(card.devBleu, 12.5);
    QVERIFY(card.network.find("GRU") == 0);
    const std::string text = card.text();
    QVERIFY(text.find("CC-BY-2.0-FR") != std::string::npos);
    QVERIFY(text.find("CC-BY-SA-4.0") != std::string::npos);
    QVERIFY(text.find("BLEU 12.50") != std::string::npos);
    // A card written before it listed corpora (one corpus in flat keys) still reads.
    nlohmann::json old = card.toJson();
    old["training"].erase("corpora");
    const auto oldCard = dari::ModelCard::fromJson(old, "old card");
    QCOMPARE(oldCard.corpora.size(), size_t{1});
    QCOMPARE(oldCard.corpora[0].licence, std::string("CC-BY-2.0-FR"));
    // A corpus Dari does not know: the licence given, or "unknown".
    const std::string other = dir_.filePath("other.dari").toStdString();
    dari::PackOptions options;
    options.name = "mine";
    options.dataLicence = "CC0-1.0";
    fs::copy(model_, dir_.filePath("mine").toStdString());
    dari::BundleMeta meta = dari::BundleMeta::load(dir_.filePath("mine").toStdString());
    meta.trainingData = {"private/corpus.tsv"};
    meta.save(dir_.filePath("mine").toStdString());
    const dari::ModelCard mine =
        dari::packModel(dir_.filePath("mine").toStdString(), other, options);
    QCOMPARE(mine.corpora.size(), size_t{1});
    QCOMPARE(mine.corpora[0].licence, std::string("CC0-1.0"));
    QCOMPARE(mine.corpora[0].data, std::string("private/corpus.tsv"));
    QCOMPARE(dari::readModelCard(other).name, std::string("mine"));
}

void TestModelArchive::craftedArchivesAreRefused_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("absolute path") << "absolute"
                                   << "absolute path";
    QTest::newRow("dot-dot") << "dotdot"
                             << "outside its folder";
    QTest::newRow("symbolic link") << "symlink"
                                   << "a link";
    QTest::newRow("hard link") << "hardlink"
                               << "a link";
    QTest::newRow("character device") << "device"
                                      << "a device";
    QTest::newRow("fifo") << "fifo"
                          << "a device or pipe";
    QTest::newRow("folder") << "folder"
                            << "not a plain file";
    QTest::newRow("file in a folder") << "nested"
                                      << "a packed model is flat";
    QTest::newRow("unlisted file") << "unlisted"
                                   << "does not list";
    QTest::newRow("changed weights") << "tampered"
                                     << "SHA-256";
    QTest::newRow("changed size") << "resized"
                                  << "its manifest says";
    QTest::newRow("missing member") << "missing"
                                    << "lacks 'tgt.spm'";
    QTest::newRow("twice") << "twice"
                           << "twice";
    QTest::newRow("no manifest first") << "nomanifest"
                                       << "does not start with its manifest";
    QTest::newRow("newer format") << "newer"
                                  << "newer Dari";
    QTest::newRow("unknown task") << "classify"
                                  << "cannot run";
    QTest::newRow("name with a slash") << "badname"
                                       << "not a valid model name";
    QTest::newRow("manifest lists a script") << "script"
                                             << "not a model file";
    QTest::newRow("manifest not JSON") << "notjson"
                                       << "not valid JSON";
    QTest::newRow("not an archive") << "garbage"
                                    << "not a packed Dari model";
    QTest::newRow("truncated") << "truncated"
                               << "damaged";
}

void TestModelArchive::craftedArchivesAreRefused() {
    QFETCH(QString, kind);
    QFETCH(QString, message);
    const std::string k = kind.toStdString();
    std::vector<Entry> entries = goodEntries();
    json manifest = manifest_;
    auto setManifest = [&] { entries[0].content = manifest.dump(); };
    if (k == "absolute") entries.push_back({"/tmp/dari-evil", "x"});
    if (k == "dotdot") entries.push_back({"../evil.pt", "x"});
    if (k == "symlink") entries.push_back({"model2.pt", "", AE_IFLNK, "/etc/passwd"});
    if (k == "hardlink") entries.push_back({"member2.pt", "", AE_IFREG, "/etc/passwd", true});
    if (k == "device") entries.push_back({"null", "", AE_IFCHR});
    if (k == "fifo") entries.push_back({"pipe", "", AE_IFIFO});
    if (k == "folder") entries.push_back({"sub", "", AE_IFDIR});
    if (k == "nested") entries.push_back({"sub/model.pt", "x"});
    if (k == "unlisted") entries.push_back({"member2.pt", "x"});
    if (k == "tampered") entries[5].content[entries[5].content.size() / 2] ^= 1;
    if (k == "resized") entries[5].content += "x";
    if (k == "missing") entries.erase(entries.begin() + 4);
    if (k == "twice") entries.push_back(entries[1]);
    if (k == "nomanifest") std::swap(entries[0], entries[1]);
    if (k == "newer") manifest["dari_model_archive"] = dari::kModelArchiveFormat + 1;
    if (k == "classify") manifest["task"] = "classify";
    if (k == "badname") manifest["name"] = "../etc";
    if (k == "script")
        manifest["files"].push_back(
            {{"path", "run.sh"}, {"size", 1}, {"sha256", std::string(64, 'a')}});
    if (k == "newer" || k == "classify" || k == "badname" || k == "script") setManifest();
    if (k == "notjson") entries[0].content = "{not json";
    const std::string path = dir_.filePath("crafted-" + kind + ".dari").toStdString();
    writeArchive(path, entries);
    if (k == "garbage")
        std::ofstream(path, std::ios::binary | std::ios::trunc) << std::string(4096, '\x42');
    if (k == "truncated") fs::resize_file(path, fs::file_size(path) / 2);

    const std::string folder = dir_.filePath("install-" + kind).toStdString();
    const std::string error = helpers::errorOf([&] { dari::installModel(path, folder); });
    QVERIFY2(error.find(message.toStdString()) != std::string::npos, error.c_str());
    QVERIFY2(error.find(path) == 0, "the message names the file");
    // Nothing installed, nothing half-written beside it.
    QVERIFY(!fs::exists(folder + "/ko-tiny"));
    if (fs::exists(folder)) QVERIFY(fs::is_empty(folder));
    QVERIFY(!fs::exists("/tmp/dari-evil"));
    QVERIFY(!fs::exists(dir_.filePath("evil.pt").toStdString()));
}

void TestModelArchive::anotherTaskIsRefused() {
    dari::UnpackOptions options;
    options.task = "chat";
    const std::string folder = dir_.filePath("chat-models").toStdString();
    const std::string error =
        helpers::errorOf([&] { dari::installModel(packed_, folder, options); });
    QVERIFY2(error.find("is a translate model; a chat model is needed") != std::string::npos,
             error.c_str());
    QVERIFY(!fs::exists(folder + "/ko-tiny"));
}

void TestModelArchive::installReplaceRemove() {
    const std::string folder = dir_.filePath("models").toStdString();
    dari::installModel(packed_, folder);
    QVERIFY(fs::exists(folder + "/ko-tiny/model.pt"));
    QVERIFY(helpers::errorOf([&] {
                dari::installModel(packed_, folder);
            }).find("installed already") != std::string::npos);
    std::ofstream(folder + "/ko-tiny/note.txt") << "old";
    dari::UnpackOptions replace;
    replace.replace = true;
    dari::installModel(packed_, folder, replace);
    QVERIFY(!fs::exists(folder + "/ko-tiny/note.txt"));  // replaced whole
    QVERIFY(fs::exists(folder + "/ko-tiny/model.pt"));
    dari::removeModel(folder, "ko-tiny");
    QVERIFY(fs::is_empty(folder));
    QVERIFY(helpers::errorOf([&] { dari::removeModel(folder, "ko-tiny"); }).find("no model") !=
            std::string::npos);
    QVERIFY(helpers::errorOf([&] { dari::removeModel(folder, "../x"); }).find("not a model name") !=
            std::string::npos);
}

void TestModelArchive::packRefusesAnIncompleteModel() {
    const std::string copy = dir_.filePath("incomplete").toStdString();
    fs::copy(model_, copy);
    fs::remove(copy + "/tgt.spm");
    const std::string out = dir_.filePath("incomplete.dari").toStdString();
    QVERIFY(helpers::errorOf([&] { dari::packModel(copy, out); }).find("tgt.spm: missing") !=
            std::string::npos);
    QVERIFY(!fs::exists(out));
}

QTEST_GUILESS_MAIN(TestModelArchive)
#include "test_model_archive.moc"
