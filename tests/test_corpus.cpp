// Parallel corpus readers: formats, text clean-up, every bad-input report, dev split.

#include <QtTest>

#include <algorithm>
#include <fstream>
#include <set>

#include "data/corpus.h"
#include "data/corpus_sources.h"
#include "data/split.h"

using dari::Corpus;
using dari::CorpusError;
using dari::Problem;
using dari::ReadOptions;

namespace {

const char* const kHint = " (use --skip-invalid to skip such pairs)";

ReadOptions skipping() {
    ReadOptions options;
    options.skipInvalid = true;
    return options;
}

std::vector<dari::SentencePair> numberedPairs(int count) {
    std::vector<dari::SentencePair> pairs;
    for (int i = 1; i <= count; ++i)
        pairs.push_back({"문장 " + std::to_string(i), "sentence " + std::to_string(i), i});
    return pairs;
}

std::vector<long> lines(const std::vector<dari::SentencePair>& pairs) {
    std::vector<long> result;
    for (const auto& pair : pairs)
        result.push_back(pair.line);
    return result;
}

}  // namespace

class TestCorpus : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    // Writes `bytes` to a file in the temporary folder and returns its path.
    std::string write(const QString& name, const QByteArray& bytes) {
        const QString path = dir_.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path.toStdString();
    }

    // Reads `spec`, expecting a CorpusError; returns it.
    static Problem expectError(const dari::CorpusSpec& spec, const ReadOptions& options = {}) {
        try {
            dari::readCorpus(spec, options);
        } catch (const CorpusError& error) {
            return error.problem();
        }
        qFatal("no CorpusError for %s", spec.path.c_str());
    }

    // A TSV with one good pair, then `bad` on line 2: the error names the file and line 2.
    void checkTsvProblem(const QByteArray& bad, Problem::Kind kind, const std::string& what,
                         ReadOptions options = {}) {
        const std::string path = write("bad.tsv", "좋아\tGood\n" + bad + "\n마지막\tLast\n");
        const std::string message = path + ":2: " + what;
        try {
            dari::readTsv(path, options);
            QFAIL("no CorpusError");
        } catch (const CorpusError& error) {
            QCOMPARE(error.problem().kind, kind);
            QCOMPARE(error.problem().file, path);
            QCOMPARE(error.problem().line, 2L);
            QCOMPARE(error.problem().message, message);
            QCOMPARE(std::string(error.what()), message + kHint);
        }
        options.skipInvalid = true;
        const Corpus corpus = dari::readTsv(path, options);
        QCOMPARE(lines(corpus.pairs), (std::vector<long>{1, 3}));
        QCOMPARE(corpus.problems.size(), std::size_t(1));
        QCOMPARE(corpus.problems[0].message, message);
        QCOMPARE(corpus.skipped.at(kind), std::size_t(1));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    // The default models' corpora are recognised wherever they lie; others are not.
    void knownCorporaByFolder() {
        const dari::KnownCorpus* tatoeba = dari::knownCorpusOf("/x/data/tatoeba-ko-en/train.tsv");
        QVERIFY(tatoeba);
        QCOMPARE(tatoeba->licence, std::string("CC-BY-2.0-FR"));
        QVERIFY(tatoeba->attribution.find("manythings.org") != std::string::npos);
        QCOMPARE(dari::knownCorpusOf("chatbot-ko/train.tsv")->licence, std::string("MIT"));
        QVERIFY(!dari::knownCorpusOf("/home/me/corpus/train.tsv"));
        QVERIFY(!dari::knownCorpusOf(""));
        QVERIFY(!dari::knownCorpusOf("/"));
        // Every corpus the shared data README names.
        std::ifstream readme(DARI_SHARED_DATA "/README.md");
        const std::string text(std::istreambuf_iterator<char>(readme), {});
        for (const auto& corpus : dari::knownCorpora())
            QVERIFY2(text.find("`" + corpus.folder + "/`") != std::string::npos,
                     corpus.folder.c_str());
    }

    void readsTsv() {
        const auto path = write("a.tsv", "\xEF\xBB\xBF가.\tGo.\r\n  뛰어! \u3000\t Run!\u00A0\r\n");
        const Corpus corpus = dari::readCorpus({path});
        QCOMPARE(corpus.pairs.size(), std::size_t(2));
        QCOMPARE(corpus.pairs[0].source, std::string("가."));
        QCOMPARE(corpus.pairs[0].target, std::string("Go."));
        QCOMPARE(corpus.pairs[1].source, std::string("뛰어!"));
        QCOMPARE(corpus.pairs[1].target, std::string("Run!"));
        QCOMPARE(lines(corpus.pairs), (std::vector<long>{1, 2}));
        QVERIFY(corpus.problems.empty());
        QCOMPARE(corpus.report(), std::string());
    }
    void normalisesNfdToNfc() {
        const auto path = write("nfd.tsv", "\u1112\u1161\u11AB\u1100\u116E\u11A8\tKorea\n");
        const Corpus corpus = dari::readTsv(path);
        QCOMPARE(corpus.pairs.at(0).source, std::string("\uD55C\uAD6D"));  // 한국
    }
    void lastLineWithoutLineBreak() {
        const Corpus corpus = dari::readTsv(write("end.tsv", "a\tb\nc\td"));
        QCOMPARE(corpus.pairs.size(), std::size_t(2));
        QCOMPARE(corpus.pairs[1].target, std::string("d"));
    }

    void readsCsvWithQuoting() {
        const auto path = write("chat.csv",
                                "\xEF\xBB\xBFQ,A,label\r\n"
                                "\"안녕, 친구\",\"그가 \"\"안녕\"\"이라고 했어요\",0\r\n"
                                "\"두 줄\r\n질문\",답,1\r\n"
                                "끝,\"\",2\r\n"
                                "마지막 ,  대답 ,0\r\n");
        const Corpus corpus = dari::readCorpus({path}, skipping());
        QCOMPARE(corpus.pairs.size(), std::size_t(3));
        QCOMPARE(corpus.pairs[0].source, std::string("안녕, 친구"));
        QCOMPARE(corpus.pairs[0].target, std::string("그가 \"안녕\"이라고 했어요"));
        QCOMPARE(corpus.pairs[1].source, std::string("두 줄\n질문"));
        QCOMPARE(corpus.pairs[2].source, std::string("마지막"));
        QCOMPARE(corpus.pairs[2].target, std::string("대답"));
        QCOMPARE(lines(corpus.pairs), (std::vector<long>{2, 3, 6}));
        QCOMPARE(corpus.problems.size(),
                 std::size_t(1));  // the empty answer, after the record on 2 lines
        QCOMPARE(corpus.problems[0].message, path + ":5: empty target");
    }
    void choosesCsvColumnsByName() {
        const auto path = write("named.csv", "label,A,Q\n0,answer,question\n");
        dari::CorpusSpec spec{path};
        spec.srcColumn = "Q";
        spec.tgtColumn = "A";
        const Corpus corpus = dari::readCorpus(spec);
        QCOMPARE(corpus.pairs.at(0).source, std::string("question"));
        QCOMPARE(corpus.pairs.at(0).target, std::string("answer"));
        const Corpus defaults = dari::readCorpus({path});
        QCOMPARE(defaults.pairs.at(0).source, std::string("0"));
        QCOMPARE(defaults.pairs.at(0).target, std::string("answer"));
    }
    void unknownCsvColumnIsFatal() {
        const auto path = write("cols.csv", "Q,A,label\nq,a,0\n");
        dari::CorpusSpec spec{path};
        spec.srcColumn = "question";
        const Problem problem = expectError(spec, skipping());
        QCOMPARE(problem.kind, Problem::Kind::MissingColumn);
        QCOMPARE(problem.message,
                 path + ":1: no column named 'question' in the header (Q, A, label)");
    }
    void csvFieldCountProblems() {
        const auto path =
            write("fields.csv", "Q,A,label\nq,a\nq,a,0,extra\n\"q\"x,a,0\n\"open,a,0\n");
        const Corpus corpus = dari::readCsv(path, "", "", skipping());
        QVERIFY(corpus.pairs.empty());
        QCOMPARE(corpus.problems.size(), std::size_t(4));
        QCOMPARE(corpus.problems[0].message, path + ":2: 2 fields, but the header has 3 columns");
        QCOMPARE(corpus.problems[0].kind, Problem::Kind::MissingColumn);
        QCOMPARE(corpus.problems[1].message, path + ":3: 4 fields, but the header has 3 columns");
        QCOMPARE(corpus.problems[1].kind, Problem::Kind::ExtraColumns);
        QCOMPARE(corpus.problems[2].message, path + ":4: text after the closing quote of a field");
        QCOMPARE(corpus.problems[3].message,
                 path + ":5: quoted field starting on line 5 is never closed");
        QCOMPARE(corpus.skipped.at(Problem::Kind::BadQuoting), std::size_t(2));
    }
    void csvInvalidUtf8NamesPhysicalLine() {
        const auto path = write("utf.csv", "Q,A\n\"one\ntw\xC3\x28o\",a\n");
        const Problem problem = expectError({path});
        QCOMPARE(problem.kind, Problem::Kind::InvalidUtf8);
        QCOMPARE(problem.message, path + ":3: invalid UTF-8 at byte 3");
    }
    void emptyCsvIsAnError() {
        const auto path = write("empty.csv", "");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, dari::readCorpus({path}));
    }

    void invalidUtf8() {
        checkTsvProblem("ab\tc\xE0\x80\xAF", Problem::Kind::InvalidUtf8, "invalid UTF-8 at byte 5");
    }
    void surrogateIsInvalid() {
        checkTsvProblem("\xED\xA0\x80\tx", Problem::Kind::InvalidUtf8, "invalid UTF-8 at byte 1");
    }
    void missingColumn() {
        checkTsvProblem("no tab here", Problem::Kind::MissingColumn,
                        "no tab: expected source<TAB>target");
    }
    void extraColumns() {
        checkTsvProblem("a\tb\tc", Problem::Kind::ExtraColumns,
                        "2 tabs: expected source<TAB>target");
    }
    void emptySource() {
        checkTsvProblem(" \u3000\ttarget", Problem::Kind::EmptySide, "empty source");
    }
    void emptyTarget() { checkTsvProblem("source\t", Problem::Kind::EmptySide, "empty target"); }
    void emptyLine() { checkTsvProblem("", Problem::Kind::EmptySide, "empty line"); }
    void tooLong() {
        ReadOptions options;
        options.maxChars = 4;
        checkTsvProblem("한국어다.\tok", Problem::Kind::TooLong,
                        "source has 5 characters, more than the limit of 4", options);
    }
    void defaultLengthLimit() {
        const std::string longSide(dari::kDefaultMaxChars + 1, 'x');
        const auto path = write("long.tsv", QByteArray("a\t") + longSide.c_str() + "\n");
        QCOMPARE(expectError({path}).kind, Problem::Kind::TooLong);
        ReadOptions unlimited;
        unlimited.maxChars = 0;
        QCOMPARE(dari::readTsv(path, unlimited).pairs.size(), std::size_t(1));
    }

    void skipInvalidCountsByKind() {
        const auto path = write("mixed.tsv", "a\tb\n\xFF\tx\nno tab\n\tx\ny\t\nc\xC0\tz\nd\te\n");
        const Corpus corpus = dari::readTsv(path, skipping());
        QCOMPARE(lines(corpus.pairs), (std::vector<long>{1, 7}));
        QCOMPARE(corpus.skippedCount(), std::size_t(5));
        QCOMPARE(corpus.skipped.at(Problem::Kind::InvalidUtf8), std::size_t(2));
        QCOMPARE(corpus.skipped.at(Problem::Kind::EmptySide), std::size_t(2));
        QCOMPARE(corpus.skipped.at(Problem::Kind::MissingColumn), std::size_t(1));
        QCOMPARE(corpus.report(),
                 std::string("skipped 5 pairs: 2 invalid UTF-8, 1 missing column, 2 empty side"));
        QCOMPARE(corpus.problems.size(), std::size_t(5));
        QCOMPARE(corpus.problems[4].message, path + ":6: invalid UTF-8 at byte 2");
    }

    void readsAlignedFiles() {
        const auto prefix = dir_.filePath("corpus").toStdString();
        write("corpus.ko", "\xEF\xBB\xBF안녕하세요.\r\n고마워요.\r\n");
        write("corpus.en", "Hello.\nThank you.\n");
        dari::CorpusSpec spec{prefix};
        spec.srcLang = "ko";
        spec.tgtLang = "en";
        const Corpus corpus = dari::readCorpus(spec);
        QCOMPARE(corpus.pairs.size(), std::size_t(2));
        QCOMPARE(corpus.pairs[0].source, std::string("안녕하세요."));
        QCOMPARE(corpus.pairs[1].target, std::string("Thank you."));
        QCOMPARE(lines(corpus.pairs), (std::vector<long>{1, 2}));
    }
    void alignedProblemNamesTheRightFile() {
        const auto ko = write("side.ko", "하나\n둘\n");
        const auto en = write("side.en", "one\n\xC3\n");
        const Problem problem = expectError({dir_.filePath("side").toStdString(), "ko", "en"});
        QCOMPARE(problem.file, en);
        QCOMPARE(problem.message, en + ":2: invalid UTF-8 at byte 1");
        write("side.en", "one\n \n");
        QCOMPARE(expectError({dir_.filePath("side").toStdString(), "ko", "en"}).message,
                 en + ":2: empty target");
    }
    void alignedLineCountMismatch() {
        const auto ko = write("m.ko", "하나\n둘\n셋\n");
        const auto en = write("m.en", "one\ntwo\n");
        const dari::CorpusSpec spec{dir_.filePath("m").toStdString(), "ko", "en"};
        const Problem problem = expectError(spec);
        QCOMPARE(problem.kind, Problem::Kind::MismatchedLineCount);
        QCOMPARE(problem.message, ko + ":3: " + ko + " has 3 lines but " + en + " has 2");
        const Corpus corpus = dari::readCorpus(spec, skipping());
        QCOMPARE(corpus.pairs.size(), std::size_t(2));
        QCOMPARE(corpus.skipped.at(Problem::Kind::MismatchedLineCount), std::size_t(1));
        QCOMPARE(corpus.report(), std::string("skipped 1 pair: 1 unpaired line"));
    }

    void missingFileIsNamed() {
        const auto path = dir_.filePath("nowhere.tsv").toStdString();
        try {
            dari::readCorpus({path});
            QFAIL("no error for a missing file");
        } catch (const std::runtime_error& error) {
            QCOMPARE(std::string(error.what()), path + ": corpus file not found");
        }
        const dari::CorpusSpec aligned{dir_.filePath("nowhere").toStdString(), "ko", "en"};
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, dari::readCorpus(aligned));
    }
    void unknownFormatIsAnError() {
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, dari::readCorpus({write("x.txt", "a\tb\n")}));
    }

    void deduplicates() {
        const auto path = write("dup.tsv", "a\tb\nc\td\na\tb\na\tB\n a \tb\n");
        QCOMPARE(dari::readTsv(path).pairs.size(), std::size_t(5));
        ReadOptions options;
        options.deduplicate = true;
        const Corpus corpus = dari::readTsv(path, options);
        QCOMPARE(lines(corpus.pairs), (std::vector<long>{1, 2, 4}));
        QCOMPARE(corpus.duplicates, std::size_t(2));
        QCOMPARE(corpus.report(), std::string("removed 2 duplicate pairs"));
    }

    void devSplitIsDeterministic() {
        const auto pairs = numberedPairs(200);
        const auto a = dari::splitDev(pairs, 20, 7);
        const auto b = dari::splitDev(pairs, 20, 7);
        QCOMPARE(lines(a.dev), lines(b.dev));
        QVERIFY(lines(dari::splitDev(pairs, 20, 8).dev) != lines(a.dev));
        // std::mt19937_64 is fixed by the standard: this split is the same everywhere.
        QCOMPARE(lines(dari::splitDev(numberedPairs(10), 3, 42).dev), (std::vector<long>{1, 5, 7}));
        ;
    }
    void devSplitIsDisjointAndCovering() {
        const auto pairs = numberedPairs(137);
        const auto split = dari::splitDev(pairs, 30, 1);
        QCOMPARE(split.dev.size(), std::size_t(30));
        QCOMPARE(split.train.size(), std::size_t(107));
        std::set<long> all;
        for (long line : lines(split.dev))
            all.insert(line);
        for (long line : lines(split.train))
            QVERIFY(all.insert(line).second);
        QCOMPARE(all.size(), std::size_t(137));
        QVERIFY(std::is_sorted(split.train.begin(), split.train.end(),
                               [](const auto& x, const auto& y) { return x.line < y.line; }));
        QCOMPARE(dari::splitDev(pairs, 1000, 1).dev.size(), std::size_t(137));
    }
    void devSizes() {
        QCOMPARE(dari::defaultDevCount(0), std::size_t(0));
        QCOMPARE(dari::defaultDevCount(1), std::size_t(0));
        QCOMPARE(dari::defaultDevCount(5), std::size_t(1));
        QCOMPARE(dari::defaultDevCount(300), std::size_t(30));
        QCOMPARE(dari::defaultDevCount(4749), std::size_t(50));
        QCOMPARE(dari::defaultDevCount(20000), std::size_t(200));
        QCOMPARE(dari::defaultDevCount(5000000), std::size_t(1000));
        QCOMPARE(dari::devCountFromFraction(4749, 0.05), std::size_t(237));
        QCOMPARE(dari::devCountFromFraction(10, 2.0), std::size_t(10));
    }
    void fingerprint() {
        QCOMPARE(dari::fingerprint({}), std::string("cbf29ce484222325"));  // FNV-1a offset basis
        const auto pairs = numberedPairs(3);
        QCOMPARE(dari::fingerprint(pairs), dari::fingerprint(numberedPairs(3)));
        QCOMPARE(dari::fingerprint(pairs).size(), std::size_t(16));
        auto changed = pairs;
        changed[1].target += ".";
        QVERIFY(dari::fingerprint(changed) != dari::fingerprint(pairs));
        QVERIFY(dari::fingerprint({{"ab", "c", 1}}) != dari::fingerprint({{"a", "bc", 1}}));
    }

    void readsSharedCorpora_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("pairs");
        QTest::newRow("tatoeba") << QStringLiteral(DARI_SHARED_DATA "/tatoeba-ko-en/train.tsv")
                                 << 4749;
        QTest::newRow("chatbot") << QStringLiteral(DARI_SHARED_DATA "/chatbot-ko/train.tsv")
                                 << 10823;
        QTest::newRow("news dev") << QStringLiteral(DARI_SHARED_DATA "/news-ko-en/dev.tsv") << 1000;
    }
    void readsSharedCorpora() {
        QFETCH(QString, path);
        QFETCH(int, pairs);
        const Corpus corpus = dari::readCorpus({path.toStdString()}, skipping());
        QVERIFY2(corpus.problems.empty(),
                 corpus.problems.empty() ? "" : corpus.problems[0].message.c_str());
        QCOMPARE(corpus.pairs.size(), static_cast<std::size_t>(pairs));
        QCOMPARE(corpus.pairs.back().line, static_cast<long>(pairs));
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "test_corpus.moc"
