// The `dari` command line as users and scripts call it: every bad input gets
// one clear message, a non-zero exit and no half-written output; training
// resumes exactly after an interruption, even after kill -9.

#include <torch/torch.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

#include "cli_helpers.h"
#include "model/bundle/bundle.h"

namespace {

using cli::fileBytes;
using cli::finalWeights;
using cli::Run;
using cli::runDari;
using cli::sameWeights;
using cli::sharedPairs;
using cli::writeFile;

// Every `step`-th line of a shared labelled file (chatbot-ko is sorted by label: a sample
// holds every label).
QByteArray labelledLines(const char* name, int step) {
    QFile file(QStringLiteral(DARI_SHARED_DATA "/chatbot-ko/") + name);
    file.open(QIODevice::ReadOnly);
    QByteArray out;
    for (int i = 0; !file.atEnd(); ++i) {
        const QByteArray line = file.readLine();
        if (i % step == 0) out += line;
    }
    return out;
}

// A dev corpus too small to calibrate on.
QString writeTwoPairs() {
    static QTemporaryDir dir;
    const QString path = dir.filePath("two.tsv");
    writeFile(path, sharedPairs(2));
    return path;
}

QStringList tinyModel() {
    return {"--vocab-size", "600", "--embedding",      "16", "--hidden", "16",
            "--batch-size", "16",  "--validate-every", "8",  "--set",    "train.log_every=4",
            "--threads",    "1"};
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        corpus_ = dir_.filePath("small.tsv");
        writeFile(corpus_, sharedPairs(300));
    }

    void everyCommandHasHelp_data() {
        QTest::addColumn<QString>("command");
        for (const char* c : {"train", "translate", "classify", "eval", "score", "chat", "info",
                              "inspect", "status", "ensemble", "pack", "unpack", "models"})
            QTest::newRow(c) << c;
    }
    void everyCommandHasHelp() {
        QFETCH(QString, command);
        for (const QString& flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            const Run run = runDari({command, "--model", "/nonexistent", flag});
            QCOMPARE(run.code, 0);
            QVERIFY2(run.out.startsWith("usage: dari " + command + " "), qPrintable(run.out));
            QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        }
        const Run unknown = runDari({"frobnicate", "--help"});
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains("unknown command"));
    }

    void badInputs_data() {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("message");
        const QByteArray good = sharedPairs(20);
        QTest::newRow("invalid UTF-8") << good + "\xff\xfe bad\tbad\n"
                                       << "small-bad.tsv:21: invalid UTF-8";
        QTest::newRow("missing column") << good + "no tab here\n"
                                        << "small-bad.tsv:21:";
        QTest::newRow("extra column") << good + "a\tb\tc\n"
                                      << "small-bad.tsv:21:";
        QTest::newRow("empty side") << good + "소스만\t\n"
                                    << "small-bad.tsv:21:";
        // (A pair too long is cleaning's to drop, not an error: test_corpora_cli.)
    }
    void badInputs() {
        QFETCH(QByteArray, contents);
        QFETCH(QString, message);
        const QString path = dir_.filePath("small-bad.tsv");
        writeFile(path, contents);
        const QString out = dir_.filePath("never-written");
        const Run run = runDari({"train", "--train", path, "--out", out, "--epochs", "1"});
        QVERIFY(run.code != 0);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY2(run.err.contains("--skip-invalid"), qPrintable(run.err));
        QCOMPARE(run.err.trimmed().count('\n'), 0);  // one line
        QVERIFY(!QFileInfo::exists(out));            // nothing written half-way
    }

    void skipInvalidReportsAndTrains() {
        const QString path = dir_.filePath("mixed.tsv");
        writeFile(path, sharedPairs(120) + "\xff bad\tx\nno tab\n\t\n");
        const QString out = dir_.filePath("skipped-model");
        const Run run = runDari(
            QStringList{"train", "--train", path, "--out", out, "--epochs", "1", "--skip-invalid"} +
            tinyModel());
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("skipped 3 pairs"), qPrintable(run.err));
        QVERIFY(QFileInfo::exists(out + "/model.pt"));
    }

    void absurdOptionsAndFiles_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("negative epochs")
            << QStringList{"train", "--train", "x.tsv", "--out", "o", "--epochs", "-3"}
            << "train.epochs";
        QTest::newRow("unknown cell")
            << QStringList{"train", "--train", "x.tsv", "--out", "o", "--cell", "banana"}
            << "model.cell";
        QTest::newRow("absurd length ratio")
            << QStringList{"translate", "--model", "m", "--max-length-ratio", "1e9"}
            << "--max-length-ratio must be a number from 0.1 to 100, not '1e9'";
        QTest::newRow("unknown training device")
            << QStringList{"train", "--train", "x.tsv", "--out", "o", "--device", "gpu"}
            << "train.device";
        QTest::newRow("unknown decoding device")
            << QStringList{"translate", "--model", "m", "--device", "tpu"}
            << "--device 'tpu': not a device (cpu, cuda or cuda:N)";
        QTest::newRow("unknown option")
            << QStringList{"translate", "--model", "m", "--frobnicate", "1"}
            << "unknown option --frobnicate";
        QTest::newRow("missing corpus")
            << QStringList{"train", "--train", "/nonexistent/c.tsv", "--out", "o"}
            << "/nonexistent/c.tsv";
        QTest::newRow("missing model")
            << QStringList{"translate", "--model", "/nonexistent/model"} << "/nonexistent/model";
        QTest::newRow("score without ref")
            << QStringList{"score", "--hyp", DARI_SHARED_TESTDATA "/metrics/identical/hyp.txt"}
            << "--ref is required";
        QTest::newRow("resume nothing")
            << QStringList{"train", "--resume", "/nonexistent/run"} << "run.json";
        const QString corpus = DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv",
                      out = dir_.filePath("o-base");
        QTest::newRow("missing base model")
            << QStringList{"train",       "--train",          corpus, "--out", out,
                           "--init-from", "/nonexistent/base"}
            << "/nonexistent/base: not a model folder";
        QTest::newRow("missing vocabulary model")
            << QStringList{"train",        "--train",          corpus, "--out", out,
                           "--vocab-from", "/nonexistent/base"}
            << "/nonexistent/base: not a model folder";
    }
    void absurdOptionsAndFiles() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = runDari(args);
        QVERIFY(run.code != 0 && run.code != -2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(run.err.trimmed().count('\n'), 0);
        QVERIFY(!QFileInfo::exists(dir_.filePath("o-base")));  // nothing written
    }

    // Debian's LibTorch has no CUDA: asking for a GPU is one sentence, before anything is read.
    void cudaWithoutCudaIsOneMessage() {
        const Run version = runDari({"--version"});
        QVERIFY2(version.out.contains("devices cpu"), qPrintable(version.out));
        if (version.out.contains("cuda (")) QSKIP("this build has CUDA and sees a GPU");
        const QString out = dir_.filePath("never-on-a-gpu");
        const QString corpus = DARI_SHARED_DATA "/tatoeba-ko-en/dev.tsv";
        for (const QStringList& args :
             {QStringList{"translate", "--model", "/nonexistent/model", "--device", "cuda"},
              QStringList{"train", "--train", corpus, "--out", out, "--device", "cuda:0"}}) {
            const Run run = runDari(args);
            QVERIFY(run.code != 0 && run.code != -2);
            QVERIFY2(run.err.contains("--device cuda") && run.err.contains("no CUDA"),
                     qPrintable(run.err));
            QCOMPARE(run.err.trimmed().count('\n'), 0);
        }
        QVERIFY(!QFileInfo::exists(out));
    }

    void corruptModelFilesAreNamed() {
        QVERIFY(trainTiny(dir_.filePath("good"), {"--epochs", "1"}).code == 0);
        for (const QString file : {"model.pt", "meta.json", "src.spm", "config.yaml"}) {
            const QString copy = dir_.filePath("corrupt-" + file);
            QDir().mkpath(copy);
            for (const QString part :
                 {"model.pt", "meta.json", "src.spm", "tgt.spm", "config.yaml"})
                QFile::copy(dir_.filePath("good/" + part), copy + "/" + part);
            QFile::remove(copy + "/" + file);
            writeFile(copy + "/" + file, "garbage: [\n\x01\x02");
            const Run run = runDari({"translate", "--model", copy}, "안녕\n");
            QVERIFY(run.code != 0);
            QVERIFY2(run.err.contains(copy + "/" + file), qPrintable(run.err));
            QVERIFY(run.out.isEmpty());
        }
    }

    // dari calibrate gives a model its levels; --scores prints them after each line.
    void calibratedScoresFollowEachLine() {
        const QString model = dir_.filePath("calibrated");
        QVERIFY(trainTiny(model, {"--epochs", "1"}).code == 0);
        const QByteArray input = "안녕하세요.\n\n고마워요. 잘 자요.\n";
        const Run before = runDari({"translate", "--model", model, "--scores"}, input);
        QVERIFY2(before.code == 0, qPrintable(before.err));
        const QStringList lines = before.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].split('\t').value(1) == "unknown", qPrintable(lines[0]));
        QVERIFY(lines[0].split('\t').value(2).toDouble() < 0);  // a log-probability
        QCOMPARE(lines[1], QString("\tunknown\t"));             // an empty line: no score
        QCOMPARE(lines[2].split('\t').size(), 3);               // two sentences, one line

        const QString dev = dir_.filePath("calibration-dev.tsv");
        writeFile(dev, sharedPairs(30));
        const Run calibrate = runDari({"calibrate", "--model", model, "--dev", dev});
        QVERIFY2(calibrate.code == 0, qPrintable(calibrate.err));
        QVERIFY2(calibrate.out.contains("calibrated on 30 dev sentences"),
                 qPrintable(calibrate.out));
        for (const char* level : {"low ", "medium ", "high "})
            QVERIFY2(calibrate.out.contains(level), qPrintable(calibrate.out));
        QFile meta(model + "/meta.json");
        QVERIFY(meta.open(QIODevice::ReadOnly));
        QVERIFY(meta.readAll().contains("\"low_below\""));
        const Run info = runDari({"info", "--model", model});
        QVERIFY2(info.out.contains(QRegularExpression(
                     "confidence +low below -[0-9.]+, high from -[0-9.]+ per piece \\(30 dev")),
                 qPrintable(info.out));

        const Run after = runDari({"translate", "--model", model, "--scores"}, input);
        QVERIFY2(after.code == 0, qPrintable(after.err));
        const QStringList scored = after.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(scored.size(), 3);
        for (int i : {0, 2})
            QVERIFY2(
                QStringList({"low", "medium", "high"}).contains(scored[i].split('\t').value(1)),
                qPrintable(scored[i]));
        QCOMPARE(scored[0].split('\t').value(0), lines[0].split('\t').value(0));  // same text

        const Run tooSmall = runDari({"calibrate", "--model", model, "--dev", writeTwoPairs()});
        QVERIFY(tooSmall.code != 0);
        QVERIFY2(tooSmall.err.contains("at least 3"), qPrintable(tooSmall.err));
    }

    void translateWritesOneLinePerInput() {
        QVERIFY(trainTiny(dir_.filePath("lines"), {"--epochs", "1"}).code == 0);
        const Run run =
            runDari({"translate", "--model", dir_.filePath("lines"), "--beam", "3", "--batch", "2"},
                    "안녕하세요.\n\n고마워요. 잘 자요.\n톰\n");
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out.count('\n'), 4);
        QCOMPARE(run.out.split('\n')[1], QString());  // empty in, empty out
        const Run nbest =
            runDari({"translate", "--model", dir_.filePath("lines"), "--beam", "4", "--nbest", "3"},
                    "톰\n");
        QCOMPARE(nbest.out.count('\n'), 1);
        QCOMPARE(nbest.out.trimmed().count('\t'), 2);
    }

    // Numbers, Latin words, URLs and e-mail addresses come out as they went in, however little
    // the model has learnt (issue 19's examples); a model trained without placeholders says
    // what it says.
    void numbersAndLatinWordsPassThrough() {
        const QString model = dir_.filePath("placeholders");
        QVERIFY(trainTiny(model, {"--epochs", "1"}).code == 0);
        const QByteArray input =
            "2 곱하기 13은 26이다.\n톰은 iPhone을 샀다\n메일은 tom@example.org 로, 사이트는 "
            "https://dari.example/ko 야.\n";
        for (const QString beam : {"1", "5"}) {
            const Run run = runDari({"translate", "--model", model, "--beam", beam}, input);
            QVERIFY2(run.code == 0, qPrintable(run.err));
            const QStringList lines = run.out.split('\n');
            const auto words = [&](int line) {
                return lines[line].split(QRegularExpression("[^0-9A-Za-z]+"));
            };
            for (const char* number : {"2", "13", "26"})
                QVERIFY2(words(0).contains(number), qPrintable(lines[0]));
            QVERIFY2(words(1).contains("iPhone"), qPrintable(lines[1]));
            QVERIFY2(lines[2].contains("tom@example.org") &&
                         lines[2].contains("https://dari.example/ko"),
                     qPrintable(lines[2]));
            QVERIFY(!run.out.contains("\u27e6"));  // no placeholder left over
        }
        const QString plain = dir_.filePath("no-placeholders");
        QVERIFY(trainTiny(plain, {"--epochs", "1", "--set", "data.placeholders=false"}).code == 0);
        const Run run = runDari({"translate", "--model", plain}, input);
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out.count('\n'), 3);
    }

    // A line that cannot be read costs only its own output line: translate and chat write
    // an empty line in its place and say why on stderr; --strict stops at it, after the
    // lines before it. dari eval skips and counts a malformed pair.
    void badLinesKeepTheStreamAligned() {
        const QString model = dir_.filePath("lines");
        const QByteArray input = QByteArray("안녕\n\n\xff\xfe\n가나다\n") +
                                 QByteArray("a\0b\n", 4) + QByteArray(20001, 'a') + "\n고마워요\n";
        for (const QString command : {"translate", "chat"}) {
            const Run run = runDari({command, "--model", model, "--beam", "2"}, input);
            QCOMPARE(run.code, 0);
            const QStringList out = run.out.split('\n');
            QCOMPARE(out.size(), 8);  // seven lines, each ended
            for (int i : {2, 4, 5})
                QCOMPARE(out[i], QString());
            for (int i : {0, 3, 6})
                QVERIFY2(!out[i].isEmpty(), qPrintable(run.out));
            for (const char* note :
                 {"stdin:3: invalid UTF-8 at byte 1", "stdin:5: a NUL byte at byte 2",
                  "stdin:6: longer than 20000 characters", "3 of 7 lines could not be read"})
                QVERIFY2(run.err.contains(note), qPrintable(run.err));
            const Run strict =
                runDari({command, "--model", model, "--beam", "2", "--strict"}, input);
            QCOMPARE(strict.code, 1);
            QCOMPARE(strict.out.count('\n'), 2);  // the two lines before the bad one
            QVERIFY2(strict.err.contains("stdin:3: invalid UTF-8"), qPrintable(strict.err));
        }
        const QString bad = dir_.filePath("eval-bad.tsv");
        writeFile(bad, sharedPairs(5) + "\xff\tx\n" + sharedPairs(7).split('\n').mid(5).join('\n'));
        const Run eval = runDari({"eval", "--model", model, "--test", bad});
        QCOMPARE(eval.code, 0);
        QVERIFY2(eval.out.startsWith("7 pairs (skipped 1 pair: 1 invalid UTF-8), beam"),
                 qPrintable(eval.out));
        QVERIFY2(eval.err.contains("eval-bad.tsv:6: invalid UTF-8"), qPrintable(eval.err));
        const Run strictEval = runDari({"eval", "--model", model, "--test", bad, "--strict"});
        QCOMPARE(strictEval.code, 1);
        QVERIFY2(strictEval.err.contains("eval-bad.tsv:6: invalid UTF-8") &&
                     !strictEval.err.contains("--skip-invalid"),
                 qPrintable(strictEval.err));
    }

    void englishLinesAreTranslatedWithAWarning() {
        const QString model = dir_.filePath("lines");
        const Run run = runDari({"translate", "--model", model, "--beam", "2"},
                                "I love you.\n안녕\n톰은 iPhone을 샀다\n2 + 2\n");
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out.count('\n'), 4);  // every line still translated
        QVERIFY2(run.err.contains(
                     "stdin:1: warning: this looks like English; Dari translates Korean → English"),
                 qPrintable(run.err));
        for (const char* quiet : {"stdin:2:", "stdin:3:", "stdin:4:"})
            QVERIFY2(!run.err.contains(quiet), qPrintable(run.err));
        // Many such lines: the first few said, then counted once.
        const Run many = runDari({"chat", "--model", model, "--beam", "2"},
                                 QByteArray("Hello there\n").repeated(8));
        QCOMPARE(many.code, 0);
        QCOMPARE(many.err.count("looks like English; Dari chats in Korean"), 5);
        QVERIFY2(many.err.contains("8 of 8 lines look like English"), qPrintable(many.err));
        QVERIFY(!many.err.contains("stdin:6:"));
    }

    void aTimedRunValidatesAndTicks() {
        // A minutes budget validates every minutes / train.timed_validations as well, and a
        // watching window gets tick events (on stdout only) between train events.
        const QString out = dir_.filePath("timed");
        const Run run =
            runDari(QStringList{"train", "--train", corpus_, "--out", out} + tinyModel() +
                    QStringList{"--minutes", "0.1", "--validate-every", "100000", "--set",
                                "train.log_every=100000", "--json"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.count("\"event\":\"validation\"") >= 3, qPrintable(run.out));
        QVERIFY2(run.out.count("\"event\":\"tick\"") >= 3, qPrintable(run.out));
        QFile log(out + "/train_log.jsonl");
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray logged = log.readAll();
        QVERIFY(!logged.contains("\"event\":\"tick\""));
        QCOMPARE(logged.count("\"event\":\"validation\""),
                 qsizetype(run.out.count("\"event\":\"validation\"")));
        QVERIFY(logged.contains("\"too_long\":"));
    }

    void evalScoresAndSamples() {
        QVERIFY(trainTiny(dir_.filePath("evaluated"), {"--epochs", "1"}).code == 0);
        const QString hyps = dir_.filePath("hyps.txt");
        const Run run = runDari(
            {"eval", "--model", dir_.filePath("evaluated"), "--test", corpus_, "--out", hyps});
        QCOMPARE(run.code, 0);
        const auto lines = run.out.trimmed().split('\n');
        QVERIFY2(QRegularExpression("^BLEU = \\d+\\.\\d\\d chrF = \\d+\\.\\d\\d$")
                     .match(lines.back())
                     .hasMatch(),
                 qPrintable(run.out));
        QVERIFY2(lines.front().contains("beam") && lines.front().contains("distinct-2 = "),
                 qPrintable(run.out));
        QFile written(hyps);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll().count('\n'), 300);
        // Sampled replies, reproducible with a seed.
        const QStringList sample{"eval",   "--model", dir_.filePath("evaluated"),
                                 "--test", corpus_,   "--sample",
                                 "--seed", "4"};
        const Run a = runDari(sample), b = runDari(sample);
        QCOMPARE(a.code, 0);
        QVERIFY2(a.out.startsWith("300 pairs, sampled; distinct-1 = "), qPrintable(a.out));
        QCOMPARE(a.out, b.out);
    }

    void scoreMatchesEvalFormat() {
        const QString dir = QStringLiteral(DARI_SHARED_TESTDATA "/metrics/perturbed-dev");
        const Run run = runDari({"score", "--hyp", dir + "/hyp.txt", "--ref", dir + "/ref.txt"});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("BLEU = 48.12 chrF = 66.75"));
    }

    void fineTuneKeepsVocabularyAndNetwork() {
        const QString base = dir_.filePath("base"), tuned = dir_.filePath("tuned");
        QVERIFY(trainTiny(base, {"--epochs", "1"}).code == 0);
        const QString other = dir_.filePath("other.tsv");
        writeFile(other,
                  sharedPairs(400).mid(sharedPairs(300).size()));  // 100 pairs it has not seen
        // Model overrides are ignored when fine-tuning: the network comes from the base bundle.
        const Run run =
            runDari({"train", "--train", other, "--out", tuned, "--init-from", base, "--epochs",
                     "1", "--hidden", "64", "--validate-every", "4", "--threads", "1"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("fine-tuning"), qPrintable(run.err));
        for (const QString file : {"src.spm", "tgt.spm"}) {
            QFile a(base + "/" + file), b(tuned + "/" + file);
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QCOMPARE(a.readAll(), b.readAll());
        }
        const auto before = dari::Bundle::load(base.toStdString());
        const auto after = dari::Bundle::load(tuned.toStdString());
        QCOMPARE(after.config.model.encoderHidden, before.config.model.encoderHidden);
        QVERIFY(!sameWeights(before.model->parameters(), after.model->parameters()));  // it learned
    }

    void infoSummarisesTheBundle() {
        for (const QString beam : {"1", "3"}) {
            const QString out = dir_.filePath("info-" + beam);
            QVERIFY(
                trainTiny(out, {"--epochs", "1", "--set", "train.validation_beam=" + beam}).code ==
                0);
            const Run info = runDari({"info", "--model", out});
            QCOMPARE(info.code, 0);
            QVERIFY2(info.out.contains(QRegularExpression("task +translate")),
                     qPrintable(info.out));
            QVERIFY(info.out.contains(QRegularExpression("parameters +[1-9][0-9]*\n")));
            // Dev scores say how they were measured: the validation's decoding.
            QVERIFY2(info.out.contains(
                         QRegularExpression("dev scores +BLEU [0-9.]+ .*\\(" +
                                            QString(beam == "1" ? "greedy" : "beam 3") + "\\)")),
                     qPrintable(info.out));
            QVERIFY2(info.out.contains("confidence  not calibrated"), qPrintable(info.out));
        }
    }

    // dari train --task classify -> dari classify (labels, --probs) -> dari eval (scores); a
    // label file with one label is refused in one line, and translate refuses the model.
    void classifierTrainsClassifiesAndEvaluates() {
        const QString train = dir_.filePath("labels-train.tsv"),
                      dev = dir_.filePath("labels-dev.tsv");
        writeFile(train, labelledLines("train.labels.tsv", 18));  // sorted by label: a sample
        writeFile(dev, labelledLines("dev.labels.tsv", 16));
        const QString model = dir_.filePath("classifier");
        const Run trained = runDari({"train", "--task", "classify", "--train", train, "--dev", dev,
                                     "--out", model, "--epochs", "2", "--vocab-size", "800",
                                     "--embedding", "16", "--hidden", "16", "--threads", "1"});
        QVERIFY2(trained.code == 0, qPrintable(trained.err));
        QVERIFY(!QFileInfo::exists(model + ".partial"));
        const QByteArray input = "헤어졌어\n사랑해\n밥 먹었어\n";
        const Run labels = runDari({"classify", "--model", model}, input);
        QCOMPARE(labels.code, 0);
        QVERIFY2(labels.out.contains(QRegularExpression("^([012]\n){3}$")), qPrintable(labels.out));
        const Run probs = runDari({"classify", "--model", model, "--probs"}, input);
        QCOMPARE(probs.code, 0);
        const QStringList lines = probs.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0], QString("#label\tp(0)\tp(1)\tp(2)"));
        for (int i = 1; i < 4; ++i) {
            const QStringList fields = lines[i].split('\t');
            QCOMPARE(fields.size(), 4);
            double sum = 0;
            for (int c = 1; c < 4; ++c)
                sum += fields[c].toDouble();
            QVERIFY(std::abs(sum - 1) < 0.01);
        }
        const Run eval = runDari({"eval", "--model", model, "--test", dev});
        QCOMPARE(eval.code, 0);
        const auto last =
            QRegularExpression("accuracy = ([0-9.]+) macro-F1 = ([0-9.]+) baseline = ([0-9.]+)\n$")
                .match(eval.out);
        QVERIFY2(last.hasMatch(), qPrintable(eval.out));
        QVERIFY(last.captured(3).toDouble() > 0.3 && last.captured(3).toDouble() < 0.6);
        QVERIFY2(eval.out.contains("label 2: F1 = "), qPrintable(eval.out));
        const Run info = runDari({"info", "--model", model});
        QCOMPARE(info.code, 0);
        QVERIFY2(info.out.contains(QRegularExpression("task +classify .*labels 0 \\(\\d+\\), 1")),
                 qPrintable(info.out));

        const Run translate = runDari({"translate", "--model", model}, "안녕\n");
        QCOMPARE(translate.code, 1);
        QVERIFY2(translate.err.contains("is a classification model: use dari classify"),
                 qPrintable(translate.err));

        const QString oneLabel = dir_.filePath("one-label.tsv");
        writeFile(oneLabel, "좋아\t0\n싫어\t0\n");
        const Run refused = runDari({"train", "--task", "classify", "--train", oneLabel, "--dev",
                                     dev, "--out", dir_.filePath("never-classifier")});
        QVERIFY(refused.code != 0);
        QVERIFY2(refused.err.contains(oneLabel + ": 1 label ('0')"), qPrintable(refused.err));
        QCOMPARE(refused.err.count('\n'), 1);
        QVERIFY(!QFileInfo::exists(dir_.filePath("never-classifier")));
    }

    // dari inspect: one JSON object whose sizes agree, a summary without --json, and one
    // message for a text that is empty.
    void inspectShowsTheNetworkOnOneSentence() {
        const QString model = dir_.filePath("inspected");
        QCOMPARE(trainTiny(model, {"--epochs", "1"}).code, 0);
        const Run json =
            runDari({"inspect", "--model", model, "--text", "오늘 날씨가 좋네요.", "--json"});
        QCOMPARE(json.code, 0);
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(object["reference_from"].toString(), QString("greedy"));
        const auto positions = object["source_pieces"].toArray().size();
        QVERIFY(positions > 1);
        QCOMPARE(object["gradients"].toObject()["forward"].toArray().size(), positions);
        QCOMPARE(object["encoder"].toArray()[0].toObject()["h"].toArray().size(), positions);
        const Run summary = runDari(
            {"inspect", "--model", model, "--text", "오늘 날씨가 좋네요.", "--reference", "Nice."});
        QCOMPARE(summary.code, 0);
        QVERIFY2(summary.out.contains("(the reference)") && summary.out.contains("BPTT"),
                 qPrintable(summary.out));
        const Run empty = runDari({"inspect", "--model", model, "--text", " "});
        QVERIFY(empty.code != 0);
        QVERIFY2(empty.err.contains("empty"), qPrintable(empty.err));
        QVERIFY(empty.out.isEmpty());
    }

    // model.architecture: transformer through the whole command line: train, translate (greedy
    // and beam), info names it; inspect and --task classify refuse it in one line.
    void transformerTrainsAndTranslates() {
        const QString model = dir_.filePath("transformer");
        const QStringList transformer{"--set", "model.architecture=transformer",
                                      "--set", "model.heads=2",
                                      "--set", "model.feedforward=32"};
        const Run trained = trainTiny(model, QStringList{"--epochs", "1"} + transformer);
        QVERIFY2(trained.code == 0, qPrintable(trained.err));
        const QByteArray input = "안녕하세요.\n고마워요.\n";
        for (const QString beam : {"1", "3"}) {
            const Run run = runDari({"translate", "--model", model, "--beam", beam}, input);
            QVERIFY2(run.code == 0, qPrintable(run.err));
            QCOMPARE(run.out.count('\n'), 2);
        }
        const Run info = runDari({"info", "--model", model});
        QVERIFY2(info.code == 0 && info.out.contains(QRegularExpression(
                                       "network +transformer: 1 encoder and 1 decoder layers")),
                 qPrintable(info.out + info.err));
        const Run inspect = runDari({"inspect", "--model", model, "--text", "안녕하세요."});
        QVERIFY(inspect.code != 0 && inspect.out.isEmpty());
        QVERIFY2(inspect.err.contains("model.architecture: transformer"), qPrintable(inspect.err));
        const Run classify = runDari(QStringList{"train", "--task", "classify", "--train", corpus_,
                                                 "--out", dir_.filePath("transformer-classify")} +
                                     transformer);
        QVERIFY(classify.code != 0);
        QVERIFY2(classify.err.contains("model.architecture"), qPrintable(classify.err));
    }

    // dari pack -> dari models install -> dari translate --model NAME -> dari models remove.
    void packedModelsInstallAndTranslateByName() {
        const QString model = dir_.filePath("shared-model");
        QCOMPARE(trainTiny(model, {"--epochs", "1"}).code, 0);
        const QString file = dir_.filePath("shared-model.dari");
        const Run pack = runDari({"pack", "--model", model, "--out", file});
        QVERIFY2(pack.code == 0, qPrintable(pack.err));
        QVERIFY2(pack.out.contains(QRegularExpression("licence +unknown")), qPrintable(pack.out));
        const Run card = runDari({"unpack", file, "--card"});
        QCOMPARE(card.out, pack.out);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("DARI_MODELS", dir_.filePath("installed"));
        const Run install = runDari({"models", "install", file}, {}, env);
        QVERIFY2(install.code == 0, qPrintable(install.err));
        QVERIFY(QFileInfo::exists(dir_.filePath("installed/shared-model/model.pt")));
        const Run again = runDari({"models", "install", file}, {}, env);
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains("installed already"), qPrintable(again.err));

        const QByteArray input = "안녕하세요.\n톰은 학생이에요.\n";
        const Run byName = runDari({"translate", "--model", "shared-model"}, input, env);
        const Run byFolder = runDari({"translate", "--model", model}, input);
        QVERIFY2(byName.code == 0, qPrintable(byName.err));
        QCOMPARE(byName.out, byFolder.out);
        const Run list = runDari({"models"}, {}, env);
        QVERIFY2(list.out.contains(
                     QRegularExpression("shared-model +translate +ko-en +gru .*" +
                                        QRegularExpression::escape(dir_.filePath("installed")))),
                 qPrintable(list.out));

        // dari runs from <source>/<build>/bin: the source tree's models/ is searched last.
        QVERIFY2(list.err.trimmed().endsWith(QDir::cleanPath(DARI_SOURCE_DIR "/models")),
                 qPrintable(list.err));
        QCOMPARE(runDari({"models", "remove", "shared-model"}, {}, env).code, 0);
        const Run gone = runDari({"translate", "--model", "shared-model"}, input, env);
        QCOMPARE(gone.code, 1);
        QVERIFY2(
            gone.err.contains("no model called 'shared-model' in " + dir_.filePath("installed")),
            qPrintable(gone.err));
        const Run unknown = runDari({"models", "frobnicate"}, {}, env);
        QVERIFY2(unknown.code == 1 && unknown.err.contains("unknown action 'frobnicate'"),
                 qPrintable(unknown.err));
    }

    void ensembleOfMembersOnOneVocabulary() {
        const QString first = dir_.filePath("member1"), second = dir_.filePath("member2");
        const QString joined = dir_.filePath("joined");
        QVERIFY(trainTiny(first, {"--epochs", "1"}).code == 0);
        // The second member: its own network (another seed) on the first one's vocabularies.
        const Run member = trainTiny(
            second, {"--epochs", "1", "--seed", "2", "--vocab-size", "900", "--vocab-from", first});
        QVERIFY2(member.code == 0, qPrintable(member.err));
        for (const QString file : {"src.spm", "tgt.spm"}) {
            QFile a(first + "/" + file), b(second + "/" + file);
            QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
            QCOMPARE(a.readAll(), b.readAll());
        }
        const auto x = dari::Bundle::load(first.toStdString()),
                   y = dari::Bundle::load(second.toStdString());
        QVERIFY(!sameWeights(x.model->parameters(), y.model->parameters()));
        QCOMPARE(y.config.data.srcVocabSize,
                 x.config.data.srcVocabSize);  // its config says what it used

        const Run made = runDari({"ensemble", "--out", joined, "--member", first, "--member",
                                  second, "--dev", corpus_, "--threads", "1"});
        QVERIFY2(made.code == 0, qPrintable(made.err));
        QVERIFY2(made.out.contains(QRegularExpression(
                     "2 networks.*\n.*dev \\(300 pairs, beam 5\\): BLEU = [0-9.]+")),
                 qPrintable(made.out));
        const Run info = runDari({"info", "--model", joined});
        QVERIFY2(info.out.contains("an ensemble of 2 networks"), qPrintable(info.out));
        QVERIFY2(info.out.contains(QRegularExpression("dev scores +BLEU [0-9.]+ .*\\(beam 5\\)")),
                 qPrintable(info.out));
        const Run translated =
            runDari({"translate", "--model", joined}, "안녕하세요.\n톰은 학생이에요.\n");
        QCOMPARE(translated.code, 0);
        QCOMPARE(translated.out.count('\n'), 2);

        // Refused: the same folder twice, an existing --out, one member, other vocabularies.
        const Run twice = runDari(
            {"ensemble", "--out", dir_.filePath("j2"), "--member", first, "--member", first});
        QVERIFY2(twice.code == 1 && twice.err.contains("named twice"), qPrintable(twice.err));
        const Run exists =
            runDari({"ensemble", "--out", joined, "--member", first, "--member", second});
        QVERIFY2(exists.code == 1 && exists.err.contains("already exists"), qPrintable(exists.err));
        const Run alone = runDari({"ensemble", "--out", dir_.filePath("j3"), "--member", first});
        QVERIFY2(alone.code == 1 && alone.err.contains("at least two"), qPrintable(alone.err));
        const QString stranger = dir_.filePath("stranger");
        QVERIFY(trainTiny(stranger, {"--epochs", "1", "--set", "data.vocab_type=bpe"}).code == 0);
        const Run mixed = runDari(
            {"ensemble", "--out", dir_.filePath("j4"), "--member", first, "--member", stranger});
        QVERIFY2(mixed.code == 1 && mixed.err.contains("--vocab-from"), qPrintable(mixed.err));
        QVERIFY(!QFileInfo::exists(dir_.filePath("j4")) &&
                !QFileInfo::exists(dir_.filePath("j4.partial")));
        const Run both =
            trainTiny(dir_.filePath("both"), {"--init-from", first, "--vocab-from", first});
        QVERIFY2(both.code == 1 && both.err.contains("exclude each other"), qPrintable(both.err));
    }

    // --columns and --langs reach every command that reads a corpus (eval, ensemble), not only
    // train.
    void corpusFormatsReachEvalAndEnsemble() {
        const QString first = dir_.filePath("member1"), second = dir_.filePath("member2");
        QByteArray tsv, csv = "id,ko,en\n", ko, en;
        const QList<QByteArray> lines = sharedPairs(20).split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            const QList<QByteArray> sides = lines[i].split('\t');
            if (sides.size() != 2) continue;
            tsv += lines[i] + "\n";
            csv += QByteArray::number(i) + ",\"" + sides[0] + "\",\"" + sides[1] + "\"\n";
            ko += sides[0] + "\n";
            en += sides[1] + "\n";
        }
        writeFile(dir_.filePath("twenty.tsv"), tsv);
        writeFile(dir_.filePath("twenty.csv"), csv);
        writeFile(dir_.filePath("twenty.ko"), ko);
        writeFile(dir_.filePath("twenty.en"), en);
        const Run plain =
            runDari({"eval", "--model", first, "--test", dir_.filePath("twenty.tsv")});
        QVERIFY2(plain.code == 0 && plain.out.startsWith("20 pairs"),
                 qPrintable(plain.err + plain.out));
        const Run csvRun = runDari({"eval", "--model", first, "--test", dir_.filePath("twenty.csv"),
                                    "--columns", "ko,en"});
        QVERIFY2(csvRun.code == 0, qPrintable(csvRun.err));
        QCOMPARE(csvRun.out, plain.out);  // the ko column translated, scored against the en column
        const Run aligned = runDari(
            {"eval", "--model", first, "--test", dir_.filePath("twenty"), "--langs", "ko,en"});
        QVERIFY2(aligned.code == 0, qPrintable(aligned.err));
        QCOMPARE(aligned.out, plain.out);
        const Run joined = runDari({"ensemble", "--out", dir_.filePath("j5"), "--member", first,
                                    "--member", second, "--dev", dir_.filePath("twenty"), "--langs",
                                    "ko,en", "--threads", "1"});
        QVERIFY2(joined.code == 0 && joined.out.contains("dev (20 pairs"),
                 qPrintable(joined.err + joined.out));
    }

    // A resumed run takes a new budget and threads, refuses every other override, and
    // dari status follows it from interrupted to finished.
    void resumeAppliesTheBudgetAndRefusesTheRest() {
        const QString run = dir_.filePath("budget");
        QCOMPARE(trainTiny(run, {"--epochs", "1", "--stop-after-steps", "5"}).code, 3);
        const Run interrupted = runDari({"status", "--run", run});
        QCOMPARE(interrupted.code, 3);
        QVERIFY2(interrupted.out.startsWith("interrupted; the checkpoint holds step 5"),
                 qPrintable(interrupted.out));
        for (const QStringList& refused :
             {QStringList{"--cell", "lstm"}, QStringList{"--set", "train.seed=3"},
              QStringList{"--out", run}}) {
            const Run r = runDari(QStringList{"train", "--resume", run} + refused);
            QCOMPARE(r.code, 1);
            QVERIFY2(r.err.contains(refused.front() + " cannot change a resumed run") &&
                         r.err.contains("--minutes"),
                     qPrintable(r.err));
        }
        const Run resumed = runDari({"train", "--resume", run, "--epochs", "2", "--threads", "1"});
        QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
        QCOMPARE(dari::Bundle::load(run.toStdString()).config.train.epochs, 2);
        QFile log(run + "/train_log.jsonl");
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> events = log.readAll().trimmed().split('\n');
        const QJsonObject done = QJsonDocument::fromJson(events.back()).object();
        QCOMPARE(done.value("event").toString(), QStringLiteral("done"));
        QCOMPARE(done.value("epoch").toInt(), 2);
        const Run finished = runDari({"status", "--run", run});
        QCOMPARE(finished.code, 0);
        QVERIFY2(finished.out.startsWith("finished at step"), qPrintable(finished.out));
        QCOMPARE(runDari({"status", "--run", dir_.filePath("nothing-here")}).code, 4);
    }

    void learningRateSchedules_data() {
        QTest::addColumn<QString>("schedule");
        QTest::newRow("cosine") << "cosine";
        QTest::newRow("tail") << "tail";
    }
    void learningRateSchedules() {
        QFETCH(QString, schedule);
        const QString out = dir_.filePath("lr-" + schedule);
        QVERIFY(trainTiny(out, {"--epochs", "3", "--set", "train.lr_schedule=" + schedule}).code ==
                0);
        QFile log(out + "/train_log.jsonl");
        QVERIFY(log.open(QIODevice::ReadOnly));
        int events = 0;
        double last = 1.0;
        while (!log.atEnd()) {
            const auto event = QJsonDocument::fromJson(log.readLine()).object();
            if (event["event"] != "train") continue;
            // The step's rate was set from the budget spent before it: (step - 1) / total steps.
            const double step = event["step"].toDouble(),
                         total = std::round(step / event["progress"].toDouble());
            const double f = (step - 1) / total, lr0 = 1e-3, min = 1e-5;
            const double expected = schedule == "cosine"
                                        ? min + (lr0 - min) * 0.5 * (1.0 + std::cos(M_PI * f))
                                        : lr0 + (min - lr0) * std::clamp((f - 0.8) / 0.2, 0.0, 1.0);
            QVERIFY2(std::abs(event["lr"].toDouble() - expected) < 1e-12,
                     qPrintable(QString("step %1: %2 vs %3")
                                    .arg(step)
                                    .arg(event["lr"].toDouble())
                                    .arg(expected)));
            last = f;
            ++events;
        }
        QVERIFY(events >= 8 && last > 0.9);  // the test saw the end of the schedule
    }

    void resumedRunEqualsUninterrupted_data() {
        QTest::addColumn<QStringList>("settings");
        QTest::newRow("best segmentation") << QStringList{};
        QTest::newRow("sampled segmentations")
            << QStringList{"--set", "train.subword_sampling=0.2"};
    }
    void resumedRunEqualsUninterrupted() {
        QFETCH(QStringList, settings);
        const QString tag = QTest::currentDataTag()[0] == 'b' ? "best" : "sampled";
        const QString whole = dir_.filePath("whole-" + tag), parts = dir_.filePath("parts-" + tag);
        QVERIFY(trainTiny(whole, QStringList{"--epochs", "3"} + settings).code == 0);
        const Run first =
            trainTiny(parts, QStringList{"--epochs", "3", "--stop-after-steps", "13"} + settings);
        QCOMPARE(first.code, 3);  // interrupted, resumable
        QVERIFY(first.err.contains("--resume"));
        const Run second = runDari({"train", "--resume", parts});
        QVERIFY2(second.code == 0, qPrintable(second.err));
        QVERIFY(sameWeights(finalWeights(whole), finalWeights(parts)));
        QVERIFY(sameWeights(dari::Bundle::load(whole.toStdString()).model->parameters(),
                            dari::Bundle::load(parts.toStdString()).model->parameters()));
        if (tag == "sampled")  // the sampling really changed what was trained on
            QVERIFY(!sameWeights(finalWeights(whole), finalWeights(dir_.filePath("whole-best"))));
    }

    void killNineThenResumeLosesNothing() {
        const QString whole = dir_.filePath("whole-best"), killed = dir_.filePath("killed");
        QProcess process;
        process.start(QStringLiteral(DARI_BINARY_DIR "/bin/dari"),
                      QStringList{"train", "--train", corpus_, "--out", killed, "--epochs", "3"} +
                          tinyModel());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(killed + "/checkpoint.pt"), 120000);
        process.kill();  // SIGKILL: no chance to clean up
        process.waitForFinished();
        const Run resumed = runDari({"train", "--resume", killed});
        QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
        QVERIFY(sameWeights(finalWeights(whole), finalWeights(killed)));
        QVERIFY(QDir(killed).entryList({"*.tmp-*"}).isEmpty());  // no temporary files left
    }

    // Checkpoints by the clock: with no validation before the end, a kill -9 mid-run keeps
    // the last timed checkpoint, and the resumed run ends as an uninterrupted one.
    void clockCheckpointsSurviveKillNine() {
        const QString whole = dir_.filePath("clock-whole"), killed = dir_.filePath("clock-killed");
        const auto args = [&](const QString& out) {
            return QStringList{"train", "--train", corpus_, "--out", out} + tinyModel() +
                   QStringList{"--epochs", "12",    "--validate-every",
                               "100000",   "--set", "train.checkpoint_seconds=0.2"};
        };
        QVERIFY(runDari(args(whole)).code == 0);
        QProcess process;
        process.start(QStringLiteral(DARI_BINARY_DIR "/bin/dari"), args(killed));
        const auto timedCheckpoints = [&] {
            QFile log(killed + "/train_log.jsonl");
            return log.open(QIODevice::ReadOnly) ? log.readAll().count("\"event\":\"checkpoint\"")
                                                 : 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(timedCheckpoints() >= 2, 120000);
        process.kill();
        process.waitForFinished();
        QFile log(killed + "/train_log.jsonl");
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(
            !log.readAll().contains("\"event\":\"validation\""));  // only the clock checkpointed
        const Run status = runDari({"status", "--run", killed});
        QVERIFY2(status.code == 3 && !status.out.contains("holds step 0 "), qPrintable(status.out));
        const Run resumed = runDari({"train", "--resume", killed});
        QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
        QVERIFY(sameWeights(finalWeights(whole), finalWeights(killed)));
    }

    // A learning rate far too high and no clipping: the run stops as diverged with one
    // message (exit 5), never validates or saves the blown-up weights, and dari status
    // still finds nothing to continue.
    void divergenceStopsTheRunAndKeepsTheBundle() {
        const QString run = dir_.filePath("diverged");
        const Run r = trainTiny(run, {"--epochs", "10", "--set", "train.learning_rate=9.9", "--set",
                                      "train.clip_norm=0"});
        QCOMPARE(r.code, 5);
        const QString last = r.err.trimmed().split('\n').last();
        QVERIFY2(last.startsWith("dari train: training diverged at step ") &&
                     last.contains("far above log V") && last.contains("lower train.learning_rate"),
                 qPrintable(r.err));
        QVERIFY(!r.err.contains("best, saved"));
        QFile log(run + "/train_log.jsonl");
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> events = log.readAll().trimmed().split('\n');
        QCOMPARE(QJsonDocument::fromJson(events.back()).object().value("event").toString(),
                 QStringLiteral("diverged"));
        for (const QByteArray& e : events)
            QVERIFY(!e.contains("\"event\":\"validation\""));
        QCOMPARE(runDari({"status", "--run", run}).code, 4);
    }

    // A full disk (here: a limit on file size) while checkpointing: one message naming the
    // file and the cause, the previous checkpoint whole, no temporary file, and --resume
    // (with space again) finishing the run exactly as an uninterrupted one.
    void fullDiskWhileCheckpointingLosesNothing() {
        const QString whole = dir_.filePath("whole-best"), run = dir_.filePath("full-disk");
        QCOMPARE(trainTiny(run, {"--epochs", "3", "--stop-after-steps", "5"}).code, 3);
        QFile checkpoint(run + "/checkpoint.pt");
        QVERIFY(checkpoint.open(QIODevice::ReadOnly));
        const QByteArray before = checkpoint.readAll();
        checkpoint.close();
        QVERIFY(before.size() > 400 * 1024);  // larger than the limit below
        QProcess
            shell;  // SIGXFSZ ignored: the write fails with EFBIG, as on a full disk with ENOSPC
        shell.start("bash", {"-c", "trap '' XFSZ; ulimit -f 400; exec \"$0\" train --resume \"$1\"",
                             QStringLiteral(DARI_BINARY_DIR "/bin/dari"), run});
        QVERIFY(shell.waitForFinished(120000));
        const QString err = QString::fromUtf8(shell.readAllStandardError());
        QCOMPARE(shell.exitStatus(), QProcess::NormalExit);
        QCOMPARE(shell.exitCode(), 1);
        QVERIFY2(err.trimmed().split('\n').last() ==
                     "dari train: " + run + "/checkpoint.pt: cannot write (File too large)",
                 qPrintable(err));
        QVERIFY(checkpoint.open(QIODevice::ReadOnly));
        QCOMPARE(checkpoint.readAll(), before);
        checkpoint.close();
        QVERIFY(QDir(run).entryList({"*.tmp-*"}).isEmpty());
        const Run resumed = runDari({"train", "--resume", run});
        QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
        QVERIFY(sameWeights(finalWeights(whole), finalWeights(run)));
    }

private:
    Run trainTiny(const QString& out, const QStringList& extra) {
        return runDari(QStringList{"train", "--train", corpus_, "--out", out} + extra +
                       tinyModel());
    }

    QTemporaryDir dir_;
    QString corpus_;
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
