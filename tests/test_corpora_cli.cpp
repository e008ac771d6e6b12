// Several corpora through the command line: dari train mixes them by weight, cleans them (every
// drop counted in cleaning.json), holds pairs out, scores every dev set and picks the best
// checkpoint by train.best_by; dari eval and dari calibrate use the model's own sets; dari
// corpus clean cleans one file; a corpus that cannot be used is one message naming it. And the
// default ko-en recipe, on small excerpts of its corpora, trains the same weights twice.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "cli_helpers.h"

using cli::Run;
using cli::runDari;
using cli::sharedLines;
using cli::writeFile;

namespace {

QList<QJsonObject> events(const QString& run, const QString& kind) {
    QList<QJsonObject> out;
    for (const QByteArray& line : cli::fileBytes(run + "/train_log.jsonl").split('\n')) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        if (e.value("event").toString() == kind) out << e;
    }
    return out;
}

QJsonObject jsonFile(const QString& path) {
    return QJsonDocument::fromJson(cli::fileBytes(path)).object();
}

// The settings that make a network train in seconds.
QStringList tiny() {
    return {"--vocab-size", "1500", "--embedding", "16", "--hidden", "16",
            "--batch-size", "20",   "--threads",   "1",  "--set",    "train.log_every=1"};
}

}  // namespace

class TestCorporaCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void mixesCorporaByWeight();
    void scoresEveryDevSet();
    void cleaningIsCountedWithExamples();
    void heldOutPairsAreScoredNotTrained();
    void unusableCorporaAreNamed();
    void corpusCleanCommand();
    void calibratesOnSeveralDevSets();
    void fixedShardsTrainTheSameModelOnAnyThreads();
    void theDefaultRecipeIsReproducible();

private:
    QString data(const QString& file) const { return dir_.filePath("data/" + file); }

    QTemporaryDir dir_;
    int everydayLines_ = 0;
};

// Two corpora in the shared layout (FOLDER/train.tsv, FOLDER/dev.tsv), the first with dirt that
// cleaning must take out.
void TestCorporaCli::initTestCase() {
    QVERIFY(dir_.isValid());
    QDir().mkpath(data("everyday"));
    QDir().mkpath(data("general"));
    QByteArray everyday = sharedLines("tatoeba-ko-en/dev.tsv", 120);
    const QByteArray general = sharedLines("korsts-ko-en/dev.tsv", 240);
    const QByteArray generalDev = sharedLines("korsts-ko-en/dev.tsv", 40, 240);
    everyday += sharedLines("tatoeba-ko-en/dev.tsv", 1);        // a duplicate
    everyday += generalDev.left(generalDev.indexOf('\n') + 1);  // a dev source
    everyday += "Printing a document\tPrinting a document\n";   // copied
    everyday += QByteArray(1200, 'a') + "가\tfar too long\n";   // too long
    everyday += "``-v``\\를 씁니다.\tUse ``-v``.\n";            // markup, kept
    everydayLines_ = 125;
    writeFile(data("everyday/train.tsv"), everyday);
    writeFile(data("everyday/dev.tsv"), sharedLines("tatoeba-ko-en/dev.tsv", 40, 120));
    writeFile(data("general/train.tsv"), general);
    writeFile(data("general/dev.tsv"), generalDev);
}

// Pairs per epoch follow the weights, and an epoch is that many pairs in batches, with one
// thread or two.
void TestCorporaCli::mixesCorporaByWeight() {
    QList<QJsonObject> starts;
    QList<qint64> steps;
    for (const char* threads : {"1", "2"}) {
        const QString out = dir_.filePath(QStringLiteral("mix-") + threads);
        QStringList args{"train",
                         "--train",
                         data("everyday/train.tsv") + ":2",
                         "--train",
                         data("general/train.tsv:0.25"),
                         "--dev",
                         data("everyday/dev.tsv"),
                         "--out",
                         out,
                         "--epochs",
                         "1"};
        args << tiny() << "--threads" << threads;
        const Run run = runDari(args);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        starts << events(out, "start").front();
        steps << qint64(events(out, "done").front().value("step").toDouble());
    }
    const QJsonArray corpora = starts.front().value("corpora").toArray();
    QCOMPARE(corpora.size(), 2);
    const QJsonObject a = corpora[0].toObject(), b = corpora[1].toObject();
    QCOMPARE(a.value("name").toString(), QStringLiteral("everyday"));
    QCOMPARE(b.value("name").toString(), QStringLiteral("general"));
    QCOMPARE(a.value("per_epoch").toInt(), 2 * a.value("pairs").toInt());
    QCOMPARE(b.value("per_epoch").toInt(), qRound(0.25 * b.value("pairs").toInt()));
    const int perEpoch = a.value("per_epoch").toInt() + b.value("per_epoch").toInt();
    QVERIFY(std::abs(a.value("share").toDouble() -
                     double(a.value("per_epoch").toInt()) / perEpoch) < 1e-9);
    QCOMPARE(steps.front(), qint64((perEpoch + 19) / 20));  // batches of 20
    QCOMPARE(starts.back().value("corpora"), starts.front().value("corpora"));
    QCOMPARE(steps.back(), steps.front());
    // meta.json names both corpora (the model card lists each with its licence).
    const QJsonArray trained =
        jsonFile(dir_.filePath("mix-1/meta.json")).value("training_data").toArray();
    QCOMPARE(trained.size(), 2);
}

// Each dev set is scored at every validation; train.best_by picks the score that keeps the
// best checkpoint, and a name it does not know is refused before anything is written.
void TestCorporaCli::scoresEveryDevSet() {
    const QString out = dir_.filePath("devs");
    QStringList args{"train",
                     "--train",
                     data("everyday/train.tsv"),
                     "--train",
                     data("general/train.tsv"),
                     "--dev",
                     data("everyday/dev.tsv"),
                     "--dev",
                     data("general/dev.tsv"),
                     "--out",
                     out,
                     "--epochs",
                     "1",
                     "--validate-every",
                     "6",
                     "--set",
                     "train.best_by=chrf:general"};
    const Run run = runDari(args << tiny());
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const auto validations = events(out, "validation");
    QVERIFY(validations.size() >= 2);
    for (const QJsonObject& v : validations) {
        const QJsonArray sets = v.value("dev_sets").toArray();
        QCOMPARE(sets.size(), 2);
        QCOMPARE(sets[1].toObject().value("name").toString(), QStringLiteral("general"));
        QCOMPARE(v.value("score").toDouble(), sets[1].toObject().value("dev_chrf").toDouble());
        const double mean = (sets[0].toObject().value("dev_bleu").toDouble() +
                             sets[1].toObject().value("dev_bleu").toDouble()) /
                            2;
        QVERIFY(std::abs(v.value("dev_bleu").toDouble() - mean) < 1e-9);
    }
    double best = -1;
    for (const QJsonObject& v : validations)
        if (v.value("best").toBool()) best = v.value("score").toDouble();
    QCOMPARE(jsonFile(out + "/meta.json").value("dev_sets").toArray().size(), 2);
    QCOMPARE(events(out, "done").front().value("best_dev_bleu").toDouble(), best);
    QVERIFY2(run.err.contains("everyday") && run.err.contains("general"), qPrintable(run.err));

    const QString refused = dir_.filePath("devs-refused");
    args = QStringList{"train",
                       "--train",
                       data("everyday/train.tsv"),
                       "--dev",
                       data("everyday/dev.tsv"),
                       "--dev",
                       data("general/dev.tsv"),
                       "--out",
                       refused,
                       "--set",
                       "train.best_by=bleu:news"};
    const Run bad = runDari(args << tiny());
    QVERIFY(bad.code != 0);
    QVERIFY2(bad.err.contains("train.best_by bleu:news") && bad.err.contains("everyday, general"),
             qPrintable(bad.err));
    QVERIFY(!QFileInfo::exists(refused));
}

// cleaning.json counts every rule per corpus, with examples; a pair too long is dropped there,
// not an error, unless cleaning is off.
void TestCorporaCli::cleaningIsCountedWithExamples() {
    const QString out = dir_.filePath("cleaned");
    QStringList args{"train",
                     "--train",
                     data("everyday/train.tsv"),
                     "--dev",
                     data("general/dev.tsv"),
                     "--out",
                     out,
                     "--epochs",
                     "1"};
    const Run run = runDari(args << tiny());
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QJsonObject report = jsonFile(out + "/cleaning.json");
    const QJsonObject everyday = report.value("corpora").toArray().first().toObject();
    QCOMPARE(everyday.value("name").toString(), QStringLiteral("everyday"));
    QCOMPARE(everyday.value("read").toInt(), everydayLines_);
    const QJsonObject dropped = everyday.value("dropped").toObject();
    QCOMPARE(dropped.value("duplicate").toInt(), 1);
    QCOMPARE(dropped.value("in a dev set").toInt(), 1);
    QCOMPARE(dropped.value("target = source").toInt(), 1);
    QCOMPARE(dropped.value("too long").toInt(), 1);
    QCOMPARE(everyday.value("markup_taken_out").toInt(), 1);
    QCOMPARE(everyday.value("examples")
                 .toObject()
                 .value("too long")
                 .toArray()
                 .first()
                 .toObject()
                 .value("line")
                 .toInt(),
             everydayLines_ - 1);
    QVERIFY2(run.err.contains("everyday: 125 read"), qPrintable(run.err));
    // The same event in the log, for the dashboard.
    QCOMPARE(events(out, "cleaning")
                 .front()
                 .value("corpora")
                 .toArray()
                 .first()
                 .toObject()
                 .value("kept")
                 .toInt(),
             everyday.value("kept").toInt());

    const Run off = runDari(QStringList{"train", "--train", data("everyday/train.tsv"), "--out",
                                        dir_.filePath("uncleaned"), "--set", "data.clean=false"}
                            << tiny());
    QVERIFY(off.code != 0);
    QVERIFY2(off.err.contains("train.tsv:124:"), qPrintable(off.err));
    QVERIFY(!QFileInfo::exists(dir_.filePath("uncleaned")));
}

// data.corpora's holdout: pairs set aside into held_out/, never trained on; dari eval without
// --test scores the model's dev sets and those.
void TestCorporaCli::heldOutPairsAreScoredNotTrained() {
    const QString recipe = dir_.filePath("held.yaml");
    writeFile(recipe,
              "data:\n  corpora:\n"
              "    - {train: everyday/train.tsv, weight: 2, dev: everyday/dev.tsv, holdout: 20}\n"
              "    - {train: general/train.tsv, holdout: 30}\n"
              "    - {dev: general/dev.tsv}\n");
    const QString out = dir_.filePath("held");
    const Run run = runDari(QStringList{"train", "--config", recipe, "--data-dir",
                                        dir_.filePath("data"), "--out", out, "--epochs", "1"}
                            << tiny());
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QByteArray held = cli::fileBytes(out + "/held_out/everyday.tsv");
    QCOMPARE(held.count('\n'), 20);
    QCOMPARE(cli::fileBytes(out + "/held_out/general.tsv").count('\n'), 30);
    QVERIFY(!held.contains("Printing a document"));  // clean pairs only
    const QJsonObject everyday =
        jsonFile(out + "/cleaning.json").value("corpora").toArray().first().toObject();
    QCOMPARE(everyday.value("held_out").toInt(), 20);
    const auto start = events(out, "start").front();
    // kept = read - dropped - held out: what it trained on.
    QCOMPARE(start.value("corpora").toArray().first().toObject().value("pairs").toInt(),
             everyday.value("kept").toInt());
    // The same corpora again (the model's seed does not move them): the same held-out pairs.
    const QString again = dir_.filePath("held-again");
    QVERIFY(runDari(QStringList{"train", "--config", recipe, "--data-dir", dir_.filePath("data"),
                                "--out", again, "--epochs", "1", "--seed", "7"}
                    << tiny())
                .code == 0);
    QCOMPARE(cli::fileBytes(again + "/held_out/everyday.tsv"), held);

    const Run eval =
        runDari({"eval", "--model", out, "--data-dir", dir_.filePath("data"), "--beam", "1"});
    QVERIFY2(eval.code == 0, qPrintable(eval.err));
    const QStringList lines = eval.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines[0].startsWith("dev:everyday") && lines[0].contains(" 40 pairs"),
             qPrintable(eval.out));
    QVERIFY(lines[1].startsWith("dev:general"));
    QVERIFY(lines[2].startsWith("held-out:everyday") && lines[2].contains(" 20 pairs"));
    QVERIFY(lines[3].startsWith("held-out:general") && lines[3].contains("BLEU = "));
}

// A corpus that cannot be used: one message that names it, and nothing written.
void TestCorporaCli::unusableCorporaAreNamed() {
    writeFile(data("empty.tsv"), "");
    struct Case {
        QStringList args;
        QString message;
    };
    const QList<Case> cases = {
        {{"--train", data("nothing/train.tsv")}, "nothing/train.tsv: corpus file not found"},
        {{"--train", data("empty.tsv")}, "the corpus empty has no pairs to train on"},
        {{"--train", data("everyday/train.tsv:0")}, "the weight after ':' must be in (0, 1000]"},
        {{"--train", data("everyday/train.tsv"), "--dev", data("empty.tsv")},
         "the dev set empty has no pairs"},
    };
    for (const Case& c : cases) {
        const QString out = dir_.filePath("unusable");
        const Run run = runDari(QStringList{"train", "--out", out} + c.args + tiny());
        QVERIFY(run.code != 0);
        QVERIFY2(run.err.contains(c.message), qPrintable(run.err));
        QCOMPARE(run.err.trimmed().count('\n'), 0);
        QVERIFY(!QFileInfo::exists(out));
    }
    // Nothing to score is an error, not BLEU 0.
    const Run eval =
        runDari({"eval", "--model", dir_.filePath("cleaned"), "--test", data("empty.tsv")});
    QVERIFY(eval.code != 0);
    QVERIFY2(eval.err.contains("empty.tsv: no pairs to score"), qPrintable(eval.err));
}

void TestCorporaCli::corpusCleanCommand() {
    const QString out = dir_.filePath("clean.tsv"), report = dir_.filePath("clean.json");
    const Run run = runDari({"corpus", "clean", data("everyday/train.tsv"), out, "--dev",
                             data("general/dev.tsv"), "--report", report});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains("125 read, 120 kept") && run.out.contains("1 duplicate") &&
                 run.out.contains("line 124"),
             qPrintable(run.out));
    const QByteArray cleaned = cli::fileBytes(out);
    QCOMPARE(cleaned.count('\n'), 120);
    QVERIFY(cleaned.contains("-v를 씁니다.\tUse -v."));  // markup taken out, the pair kept
    QCOMPARE(jsonFile(report).value("corpora").toArray().first().toObject().value("kept").toInt(),
             120);
    QVERIFY(runDari({"corpus", "clean", data("everyday/train.tsv")}).code != 0);  // OUT missing
}

// Confidence levels fitted on several dev sets together, each set's table shown.
void TestCorporaCli::calibratesOnSeveralDevSets() {
    const QString model = dir_.filePath("devs");
    const Run run = runDari({"calibrate", "--model", model, "--dev", data("everyday/dev.tsv"),
                             "--dev", data("general/dev.tsv"), "--beam", "1"});
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains("calibrated on 80 dev sentences") &&
                 run.out.contains("\neveryday: level") && run.out.contains("\ngeneral: level") &&
                 run.out.contains("\nall dev sets: level"),
             qPrintable(run.out));
    QVERIFY(jsonFile(model + "/meta.json").value("confidence").toObject().contains("low_below"));
}

// train.shards: one thread or two, or one and then two after a resume (run.sh's ko-en once
// chat-ko is done), give the same weights.
void TestCorporaCli::fixedShardsTrainTheSameModelOnAnyThreads() {
    const auto train = [&](const QString& name, const QStringList& extra) {
        const Run run = runDari(QStringList{"train", "--train", data("everyday/train.tsv"),
                                            "--train", data("general/train.tsv:0.5"), "--dev",
                                            data("everyday/dev.tsv"), "--out", dir_.filePath(name),
                                            "--epochs", "2", "--set", "train.shards=2"} +
                                tiny() + extra);
        return run.code;
    };
    QCOMPARE(train("shards-1", {"--threads", "1"}), 0);
    QCOMPARE(train("shards-2", {"--threads", "2"}), 0);
    QCOMPARE(train("shards-1-2", {"--threads", "1", "--stop-after-steps", "5"}), 3);
    const Run resumed =
        runDari({"train", "--resume", dir_.filePath("shards-1-2"), "--threads", "2"});
    QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
    const auto one = cli::finalWeights(dir_.filePath("shards-1"));
    QVERIFY(cli::sameWeights(one, cli::finalWeights(dir_.filePath("shards-2"))));
    QVERIFY(cli::sameWeights(one, cli::finalWeights(dir_.filePath("shards-1-2"))));
    QCOMPARE(cli::fileBytes(dir_.filePath("shards-1/model.pt")),
             cli::fileBytes(dir_.filePath("shards-2/model.pt")));
}

// The ko-en recipe as run.sh trains it (its data.corpora under --data-dir), on small excerpts
// of its corpora and for a few steps: the same weights twice.
void TestCorporaCli::theDefaultRecipeIsReproducible() {
    const QString excerpts = dir_.filePath("excerpts");
    for (const char* corpus : {"tatoeba-ko-en", "tatoeba-extra-ko-en", "jhe-ko-en", "korsts-ko-en",
                               "docs-ko-en", "news-ko-en"}) {
        QDir().mkpath(excerpts + "/" + corpus);
        const QString folder = QString::fromLatin1(corpus);
        if (QFileInfo::exists(QStringLiteral(DARI_SHARED_DATA "/") + folder + "/train.tsv"))
            writeFile(excerpts + "/" + folder + "/train.tsv",
                      sharedLines(folder + "/train.tsv", 700));
        if (QFileInfo::exists(QStringLiteral(DARI_SHARED_DATA "/") + folder + "/dev.tsv"))
            writeFile(excerpts + "/" + folder + "/dev.tsv", sharedLines(folder + "/dev.tsv", 20));
    }
    for (const char* name : {"recipe-a", "recipe-b"}) {
        const Run run = runDari({"train", "--config", DARI_SOURCE_DIR "/configs/ko-en.yaml",
                                 "--data-dir", excerpts, "--out", dir_.filePath(name), "--threads",
                                 "1", "--stop-after-steps", "6"});
        QVERIFY2(run.code == 3, qPrintable(run.err));  // stopped with a checkpoint
    }
    QVERIFY(cli::sameWeights(cli::finalWeights(dir_.filePath("recipe-a")),
                             cli::finalWeights(dir_.filePath("recipe-b"))));
    QCOMPARE(cli::fileBytes(dir_.filePath("recipe-a/held_out/korsts-ko-en.tsv")),
             cli::fileBytes(dir_.filePath("recipe-b/held_out/korsts-ko-en.tsv")));
}

QTEST_GUILESS_MAIN(TestCorporaCli)
#include "test_corpora_cli.moc"
