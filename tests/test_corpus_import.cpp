// The Import corpus wizard's validation: good corpora pass with the right
// counts and preview; broken ones (written here into a temporary folder) list
// each problem with the right file and line, and block training until the
// user chooses to skip them. Also the `dari train` options the wizard makes.

#include <QCheckBox>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/text_table_model.h"
#include "ui/training/corpus_check.h"
#include "ui/training/corpus_file_page.h"
#include "ui/training/corpus_report_page.h"
#include "ui/training/import_corpus_wizard.h"
#include "ui/training/training_plan.h"
#include "ui/training/training_settings_page.h"

using dari::CorpusCheck;
using dari::CorpusSource;

namespace {

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    file.write(bytes);
    return path;
}

QByteArray goodPairs(int count) {
    QByteArray out;
    for (int i = 1; i <= count; ++i)
        out += QStringLiteral("문장 %1입니다.\tSentence %1.\n").arg(i).toUtf8();
    return out;
}

// "file:line kind" for each issue, to compare with what a test expects.
QStringList issueKeys(const CorpusCheck& check) {
    QStringList keys;
    for (const auto& issue : check.issues)
        keys << QStringLiteral("%1:%2 %3").arg(issue.file).arg(issue.line).arg(issue.kind);
    return keys;
}

}  // namespace

class TestCorpusImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void goodTsv() {
        const CorpusCheck check =
            CorpusCheck::run({CorpusSource::Format::Tsv, write(dir_, "good.tsv", goodPairs(30))});
        QVERIFY2(check.readable(), qPrintable(check.error));
        QCOMPARE(check.validPairs, 30);
        QCOMPARE(check.invalidPairs, 0);
        QCOMPARE(check.duplicates, 0);
        QVERIFY(check.issues.isEmpty());
        QCOMPARE(check.preview.size(), 20);
        QCOMPARE(check.preview.front().second, QStringLiteral("Sentence 1."));
        QCOMPARE(check.srcChars.min, 8);  // "문장 1입니다.": code points, not bytes
        QCOMPARE(check.srcChars.max, 9);  // "문장 30입니다."
    }

    void brokenTsvReportsLines() {
        QByteArray bytes = goodPairs(2);                   // lines 1-2
        bytes += "bad \xff\xfe utf8\tBroken.\n";           // line 3: invalid UTF-8
        bytes += "no tab on this line\n";                  // line 4: missing column
        bytes += "빈 쪽\t   \n";                           // line 5: empty side
        bytes += QByteArray(1200, 'a') + "\tToo long.\n";  // line 6: over-long
        bytes += "문장 1입니다.\tSentence 1.\n";           // line 7: duplicate of line 1
        bytes += "a\tb\tc\n";                              // line 8: extra column
        const QString path = write(dir_, "bad.tsv", bytes);
        const CorpusCheck check = CorpusCheck::run({CorpusSource::Format::Tsv, path});
        QVERIFY(check.readable());
        QCOMPARE(check.validPairs, 3);  // lines 1, 2 and the duplicate 7
        QCOMPARE(check.invalidPairs, 5);
        QCOMPARE(check.overLong, 1);
        QCOMPARE(check.duplicates, 1);
        QCOMPARE(issueKeys(check),
                 (QStringList{"bad.tsv:3 invalid UTF-8", "bad.tsv:4 missing column",
                              "bad.tsv:5 empty side", "bad.tsv:6 too long", "bad.tsv:7 duplicate",
                              "bad.tsv:8 extra columns"}));
        QVERIFY(check.issues.at(4).message.contains(QStringLiteral("line 1")));
        QVERIFY(check.issues.at(0).message.startsWith(
            path + QStringLiteral(":3:")));  // the engine's own message
    }

    void csvColumnsAndQuoting() {
        const QString path = write(dir_, "qa.csv",
                                   "id,question,answer\n"
                                   "1,안녕?,\"안녕, 반가워\"\n"
                                   "2,뭐 해?,\"그냥 \"\"쉬어\"\"\"\n"
                                   "3,\"unclosed,x\n");
        QCOMPARE(CorpusSource::csvHeader(path), (QStringList{"id", "question", "answer"}));
        CorpusSource source{CorpusSource::Format::Csv, path};
        source.srcColumn = QStringLiteral("question");
        source.tgtColumn = QStringLiteral("answer");
        const CorpusCheck check = CorpusCheck::run(source);
        QCOMPARE(check.validPairs, 2);
        QCOMPARE(check.preview.front().second, QStringLiteral("안녕, 반가워"));
        QCOMPARE(check.preview.at(1).second, QStringLiteral("그냥 \"쉬어\""));
        QCOMPARE(issueKeys(check), QStringList{"qa.csv:4 bad quoting"});
        source.tgtColumn = QStringLiteral("nope");
        const CorpusCheck missing = CorpusCheck::run(source);  // the header has no such column
        QVERIFY(!missing.readable());
        QVERIFY2(missing.error.contains(QStringLiteral("no column named 'nope'")),
                 qPrintable(missing.error));
        QCOMPARE(missing.validPairs, 0);
    }

    void alignedMismatch() {
        CorpusSource source{CorpusSource::Format::Aligned,
                            write(dir_, "side-a.txt", "하나\n둘\n셋\n넷\n")};
        source.targetPath = write(dir_, "side-b.txt", "one\ntwo\n");
        const CorpusCheck check = CorpusCheck::run(source);
        QCOMPARE(check.validPairs, 2);
        QCOMPARE(check.invalidPairs, 2);
        QCOMPARE(issueKeys(check), QStringList{"side-a.txt:3 unpaired line"});
        QVERIFY(!CorpusCheck::run({CorpusSource::Format::Tsv, dir_.filePath("missing.tsv")})
                     .readable());
    }

    // The wizard runs the check off the GUI thread and will not go on until the
    // user chooses to skip the invalid pairs.
    void wizardBlocksUntilSkipChosen() {
        QByteArray bytes = goodPairs(10);
        bytes += "\t빈 쪽\n";  // line 11: empty source
        const QString path = write(dir_, "wizard.tsv", bytes);
        dari::ImportCorpusWizard wizard(dir_.filePath("models"), nullptr);
        wizard.show();
        wizard.filePage()->setSource({CorpusSource::Format::Tsv, path});
        QVERIFY(wizard.filePage()->isComplete());
        QSignalSpy checked(wizard.reportPage(), &dari::CorpusReportPage::checked);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(dari::ImportCorpusWizard::ReportPage));
        QVERIFY(checked.wait(30000));
        auto* report = wizard.reportPage();
        QCOMPARE(report->trainCheck().validPairs, 10);
        QCOMPARE(report->preview()->rowCount(), 10);
        QCOMPARE(report->issues()->rowCount(), 1);
        QCOMPARE(report->issues()->rows().front().front(), QStringLiteral("wizard.tsv:11"));
        QVERIFY(!report->isComplete());
        report->findChild<QCheckBox*>(QStringLiteral("skipInvalid"))->setChecked(true);
        QVERIFY(report->isComplete());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(dari::ImportCorpusWizard::SettingsPage));
        QCOMPARE(wizard.settingsPage()->modelName(),
                 QFileInfo(dir_.path()).fileName() + QStringLiteral("-wizard"));
        // The parameter count is worked out off the GUI thread and follows the preset.
        const auto shown = [&wizard] {
            return QLocale().toString(wizard.settingsPage()->settings().parameterCount());
        };
        QTRY_COMPARE(wizard.settingsPage()->parameterText(),
                     shown() + QStringLiteral(" parameters"));
        dari::TrainingSettings base = wizard.settingsPage()->settings();
        base.preset = dari::TrainingSettings::Preset::Base;
        wizard.settingsPage()->setSettings(base);
        QTRY_COMPARE(wizard.settingsPage()->parameterText(),
                     shown() + QStringLiteral(" parameters"));
        const dari::TrainingPlan plan = wizard.plan();
        QVERIFY(plan.skipInvalid);
        QStringList args;
        QString error;
        QVERIFY(plan.arguments(&args, &error));
        QCOMPARE(args.mid(0, 2), (QStringList{"--train", path}));
        QVERIFY(args.contains("--skip-invalid"));
        QCOMPARE(
            args.mid(args.size() - 2),
            (QStringList{"--out", dir_.filePath("models/") + wizard.settingsPage()->modelName()}));
    }

    // Two corpora, the second mixed in at half weight: both are checked, the report says what
    // cleaning will drop from each (duplicates across them, English in the Korean column), and
    // `dari train` gets both with their weights.
    void wizardMixesTwoCorpora() {
        const QString first = write(dir_, "everyday.tsv", goodPairs(30));
        QByteArray bytes;
        for (int i = 1; i <= 20; ++i)
            bytes += QStringLiteral("설명서 %1쪽을 보세요.\tSee page %1 of the manual.\n")
                         .arg(i)
                         .toUtf8();
        bytes += "문장 1입니다.\tSentence 1.\n";                    // line 21: in the first corpus
        bytes += "Printing a document\tPrinting a document\n";      // line 22: copied, no Hangul
        bytes += "긴 설명 " + QByteArray(1200, 'a') + "\tLong.\n";  // line 23: too long
        const QString second = write(dir_, "manual.tsv", bytes);
        dari::ImportCorpusWizard wizard(dir_.filePath("models"), nullptr);
        wizard.show();
        auto* files = wizard.filePage();
        files->setSource({CorpusSource::Format::Tsv, first});
        files->addCorpus(dir_.filePath("missing.tsv"));
        QVERIFY(!files->isComplete());  // a corpus to mix in that is not there
        files->moreCorpora()->removeRow(0);
        files->addCorpus(second, 0.5);
        QVERIFY(files->isComplete());
        QCOMPARE(files->moreSources().size(), 1);
        QCOMPARE(files->moreSources().front().weight, 0.5);
        QSignalSpy checked(wizard.reportPage(), &dari::CorpusReportPage::checked);
        wizard.next();
        QVERIFY(checked.wait(30000));
        auto* report = wizard.reportPage();
        QCOMPARE(report->moreChecks().size(), 1);
        // Too long to train on is a cleaning rule, as in dari train: not an invalid pair to skip.
        QCOMPARE(report->moreChecks().front().validPairs, 23);
        QCOMPARE(report->moreChecks().front().invalidPairs, 0);
        const auto& cleaning = report->cleaning().reports;
        QCOMPARE(cleaning.size(), 2);
        QCOMPARE(cleaning[0].droppedCount(), size_t{0});
        QCOMPARE(cleaning[1].dropped.at(dari::CleanRule::Duplicate), size_t{1});
        QCOMPARE(cleaning[1].dropped.at(dari::CleanRule::SameText), size_t{1});
        QCOMPARE(cleaning[1].dropped.at(dari::CleanRule::TooLong), size_t{1});
        QCOMPARE(cleaning[1].kept(), size_t{20});
        QCOMPARE(QString::fromStdString(cleaning[1].corpus), QStringLiteral("manual"));
        QVERIFY(report->findChild<QLabel*>(QStringLiteral("report"))
                    ->text()
                    .contains(QStringLiteral("manual: kept 20 of 23")));
        QStringList rules;
        for (const auto& row : report->issues()->rows())
            rules << row.at(1);
        QVERIFY2(rules.contains(QStringLiteral("cleaning: duplicate")),
                 qPrintable(rules.join(',')));
        QVERIFY(report->isComplete());
        wizard.next();
        QStringList args;
        QString error;
        QVERIFY2(wizard.plan().arguments(&args, &error), qPrintable(error));
        QCOMPARE(args.mid(0, 4),
                 (QStringList{"--train", first, "--train", second + QStringLiteral(":0.5")}));
    }

    // `dari train` reads aligned files as PREFIX.SRC + PREFIX.TGT: files of any
    // other names are linked into the run folder, and the engine reads the links.
    void alignedFilesReachTheEngine() {
        dari::TrainingPlan plan;
        plan.train = {CorpusSource::Format::Aligned, write(dir_, "korean side.txt", "하나\n둘\n")};
        plan.train.targetPath = write(dir_, "english.dat", "one\ntwo\n");
        plan.outDir = dir_.filePath("models/aligned");
        QStringList args;
        QString error;
        QVERIFY2(plan.arguments(&args, &error), qPrintable(error));
        const QString prefix = plan.outDir + QStringLiteral("/corpus/train");
        QCOMPARE(args.mid(0, 4), (QStringList{"--train", prefix, "--langs", "src,tgt"}));
        QVERIFY(args.join(' ').contains(
            "--set data.src_lang=ko --set data.tgt_lang=en"));  // the real codes
        const dari::Corpus corpus = dari::readCorpus({prefix.toStdString(), "src", "tgt"});
        QCOMPARE(corpus.pairs.size(), size_t(2));
        QCOMPARE(QString::fromStdString(corpus.pairs.at(1).target), QStringLiteral("two"));
        QVERIFY(plan.arguments(&args, &error));  // again (a second attempt): links are replaced
    }

    void settingsMapToOptions() {
        dari::TrainingSettings s;
        s.cell = QStringLiteral("lstm");
        s.preset = dari::TrainingSettings::Preset::Tiny;
        s.bidirectional = false;
        s.budget = dari::TrainingSettings::Budget::Epochs;
        s.epochs = 3;
        const QStringList args = s.arguments(false);
        QVERIFY(args.join(' ').contains("--cell lstm"));
        QVERIFY(args.join(' ').contains("--epochs 3"));
        QVERIFY(!args.contains("--minutes"));
        // model.bidirectional comes before --hidden, which sizes the decoder from it.
        QVERIFY(args.indexOf("model.bidirectional=false") < args.indexOf("--hidden"));
        QVERIFY(!args.contains("--nproc"));  // one process unless asked
        dari::TrainingSettings two = s;
        two.processes = 2;
        QVERIFY(two.arguments(false).join(' ').contains("--nproc 2"));
        // Fine-tuning passes no architecture: the base bundle's network is kept.
        QVERIFY(!s.arguments(true).contains("--cell"));
        // Sizes grow with the preset, and the count follows the cell type.
        dari::TrainingSettings small = s;
        small.preset = dari::TrainingSettings::Preset::Small;
        QVERIFY(small.parameterCount() > s.parameterCount());
        // Remembered with QSettings, the languages with the task.
        QSettings store(dir_.filePath("settings.ini"), QSettings::IniFormat);
        dari::TrainingSettings chat = s;
        chat.task = QStringLiteral("chat");
        chat.tgtLang = QStringLiteral("ko");
        chat.processes = 2;
        chat.save(store);
        dari::TrainingSettings loaded;
        loaded.load(store);
        QCOMPARE(loaded.task, QStringLiteral("chat"));
        QCOMPARE(loaded.tgtLang, QStringLiteral("ko"));
        QCOMPARE(loaded.cell, QStringLiteral("lstm"));
        QCOMPARE(loaded.epochs, 3);
        QCOMPARE(loaded.processes, 2);
        QCOMPARE(loaded.budget, dari::TrainingSettings::Budget::Epochs);
        dari::TrainingSettings gru = s;
        gru.cell = QStringLiteral("gru");
        QVERIFY(gru.parameterCount() < s.parameterCount());  // 3 gates instead of 4
    }

private:
    QTemporaryDir dir_;
};

QTEST_MAIN(TestCorpusImport)
#include "test_corpus_import.moc"
