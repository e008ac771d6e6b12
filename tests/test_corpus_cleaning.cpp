// data/markup and data/corpus_cleaning: every rule drops a pair it must drop and keeps one it
// must keep, and every drop is counted per corpus and reason.

#include <QtTest>

#include "data/corpus_cleaning.h"
#include "data/markup.h"

using dari::CleanReport;
using dari::CleanRule;
using dari::CorpusCleaner;
using dari::SentencePair;

namespace {

// Cleans `pairs` as one ko-en corpus; `report` gets the counts.
std::vector<SentencePair> cleaned(std::vector<SentencePair> pairs, CleanReport& report,
                                  dari::CleanOptions options = {}) {
    CorpusCleaner cleaner(options);
    return cleaner.clean("test", std::move(pairs), report);
}

// Ordinary pairs, so that the corpus's median length ratio is an ordinary one.
std::vector<SentencePair> ordinary() {
    return {{"오늘은 날씨가 좋네요.", "The weather is nice today.", 1},
            {"저는 학생이에요.", "I am a student.", 2},
            {"화장실이 어디예요?", "Where is the bathroom?", 3},
            {"배터리가 거의 다 떨어졌어요.", "My battery is almost dead.", 4},
            {"이 근처에 맛있는 식당 있어요?", "Is there a good restaurant near here?", 5},
            {"다음 주 월요일까지 보고서를 제출해야 합니다.",
             "I have to hand in the report by next Monday.", 6}};
}

bool keeps(const std::vector<SentencePair>& pairs, const std::string& source) {
    for (const auto& p : pairs)
        if (p.source == source) return true;
    return false;
}

}  // namespace

class TestCorpusCleaning : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void restructuredTextRoles();
    void literalsEscapesAndEmphasis();
    void xmlElements();
    void textWithoutMarkupIsUnchanged();
    void markupWithoutTextDropsThePair();
    void tooLong();
    void copiedTarget();
    void wrongScript();
    void chatPairsAreOneLanguage();
    void lengthRatio();
    void duplicatesAcrossCorpora();
    void nearDuplicates();
    void devSources();
    void cleaningOffKeepsAllButExactDuplicates();
    void reportCountsAndWarns();
};

void TestCorpusCleaning::restructuredTextRoles() {
    QCOMPARE(dari::stripMarkup(":func:`os.open` 을 호출합니다").text,
             std::string("os.open 을 호출합니다"));
    QCOMPARE(dari::stripMarkup("see :meth:`~Option.dest`").text, std::string("see dest"));
    QCOMPARE(dari::stripMarkup(":ref:`감사 이벤트 <auditing>`\\를 발생시킵니다").text,
             std::string("감사 이벤트를 발생시킵니다"));
    QCOMPARE(dari::stripMarkup("Raises :exc:`!ValueError` now").text,
             std::string("Raises ValueError now"));
    QCOMPARE(dari::stripMarkup("the :py:class:`int` type").text, std::string("the int type"));
    QCOMPARE(dari::stripMarkup("read `the guide <https://x.org>`_ first").text,
             std::string("read the guide first"));
    QVERIFY(dari::stripMarkup(":func:`f`").changed);
}

void TestCorpusCleaning::literalsEscapesAndEmphasis() {
    QCOMPARE(dari::stripMarkup("``-v``\\를 스크립트에 전달하면").text,
             std::string("-v를 스크립트에 전달하면"));
    QCOMPARE(dari::stripMarkup("``'\\n'`` ends a line").text, std::string("'\\n' ends a line"));
    QCOMPARE(dari::stripMarkup("**소스 코드:** Lib/keyword.py").text,
             std::string("소스 코드: Lib/keyword.py"));
    QCOMPARE(dari::stripMarkup("*timeout*\\(기본값) 초").text, std::string("timeout(기본값) 초"));
    QCOMPARE(dari::stripMarkup("a\\ b").text, std::string("ab"));
    // A literal block follows: "::" reads ":", and " ::" nothing.
    QCOMPARE(dari::stripMarkup("원래 접미사가 제거됩니다::").text,
             std::string("원래 접미사가 제거됩니다:"));
    QCOMPARE(dari::stripMarkup("For example ::").text, std::string("For example"));
    // Not markup: arithmetic, a lone star, a Windows path.
    QCOMPARE(dari::stripMarkup("2*3*4 = 24").text, std::string("2*3*4 = 24"));
    QCOMPARE(dari::stripMarkup("use *args here").text, std::string("use *args here"));
    QCOMPARE(dari::stripMarkup("C:\\Users\\tom").text, std::string("C:\\Users\\tom"));
    QCOMPARE(dari::stripMarkup("at 12:30 today").text, std::string("at 12:30 today"));
}

void TestCorpusCleaning::xmlElements() {
    const auto gui = dari::stripMarkup("Click <gui>Default Applications</gui>.");
    QCOMPARE(gui.text, std::string("Click Default Applications."));
    QVERIFY(gui.changed);
    QVERIFY(!gui.lost);
    QCOMPARE(
        dari::stripMarkup("<link style=\"button\" href=\"apt:sushi\"><app>스시</app> 설치</link>")
            .text,
        std::string("스시 설치"));
    // <lambda> has no closing tag: it is text, not markup.
    QCOMPARE(dari::stripMarkup("share the name <lambda>").text,
             std::string("share the name <lambda>"));
    // A link whose title the viewer fills in: the sentence is not all here.
    QVERIFY(dari::stripMarkup("See <link xref=\"mouse-wakeup\"/>.").lost);
}

void TestCorpusCleaning::textWithoutMarkupIsUnchanged() {
    for (const char* text : {"오늘은 날씨가 좋네요.", "Where is Tom?", "3 < 4 and 5 > 2", "a: b"}) {
        const auto s = dari::stripMarkup(text);
        QCOMPARE(s.text, std::string(text));
        QVERIFY(!s.changed);
        QVERIFY(!s.lost);
    }
}

void TestCorpusCleaning::markupWithoutTextDropsThePair() {
    auto pairs = ordinary();
    pairs.push_back({"<link xref=\"a\"/>를 참고합니다.", "See <link xref=\"a\"/>.", 7});
    pairs.push_back({"``x``\\를 씁니다", "Use ``x``.", 8});
    CleanReport report;
    const auto kept = cleaned(pairs, report);
    QCOMPARE(report.dropped[CleanRule::MarkupOnly], size_t{1});
    QVERIFY(keeps(kept, "x를 씁니다"));  // stripped, kept
    QCOMPARE(report.stripped, size_t{1});
    QCOMPARE(report.examples[CleanRule::MarkupOnly].front().line, 7L);
}

void TestCorpusCleaning::tooLong() {
    auto pairs = ordinary();
    pairs.push_back({std::string(50, 'A') + "가", "long", 7});
    dari::CleanOptions options;
    options.maxChars = 48;  // the longest ordinary side has 44
    options.maxLengthRatio = 0;
    CleanReport report;
    const auto kept = cleaned(pairs, report, options);
    QCOMPARE(report.dropped[CleanRule::TooLong], size_t{1});
    QCOMPARE(kept.size(), ordinary().size());
}

void TestCorpusCleaning::copiedTarget() {
    auto pairs = ordinary();
    pairs.push_back({"LibreOffice Calc", "LibreOffice Calc", 7});
    CleanReport report;
    cleaned(pairs, report);
    // Copied, and also no Hangul: counted under the first rule it fails.
    QCOMPARE(report.dropped[CleanRule::SameText], size_t{1});
    QCOMPARE(report.droppedCount(), size_t{1});
}

void TestCorpusCleaning::wrongScript() {
    auto pairs = ordinary();
    pairs.push_back({"Printing from the command line", "Print from the command line", 7});
    pairs.push_back({"메뉴를 엽니다.", "메뉴를 엽니다 (Open the menu).", 8});
    pairs.push_back({"톰은 iPhone을 샀다.", "Tom bought an iPhone.", 9});  // must stay
    CleanReport report;
    const auto kept = cleaned(pairs, report);
    QCOMPARE(report.dropped[CleanRule::SourceScript], size_t{1});
    QCOMPARE(report.dropped[CleanRule::TargetScript], size_t{1});
    QVERIFY(keeps(kept, "톰은 iPhone을 샀다."));
}

// A chat corpus is Korean on both sides although data.tgt_lang defaults to English.
void TestCorpusCleaning::chatPairsAreOneLanguage() {
    dari::CleanOptions chat;
    chat.translation = false;
    CleanReport report;
    const auto kept =
        cleaned({{"배고파", "뭐 좀 먹을까요?", 1}, {"안녕", "안녕하세요!", 2}}, report, chat);
    QCOMPARE(kept.size(), size_t{2});
    QCOMPARE(report.dropped[CleanRule::TargetScript], size_t{0});
}

void TestCorpusCleaning::lengthRatio() {
    auto pairs = ordinary();
    pairs.push_back({"네.",
                     "Yes, and then he went on to explain at great length why the plan, "
                     "which everyone had agreed on, could never work.",
                     7});
    pairs.push_back(
        {"예를 들면 이렇게 아주 긴 한국어 문장이 있고 그 뒤에 또 다른 긴 설명이 "
         "이어지는데 영어 쪽에는 한 단어만 있습니다.",
         "Yes.", 8});
    pairs.push_back({"네, 맞아요.", "Yes, that's right.", 9});  // short, but in proportion
    CleanReport report;
    const auto kept = cleaned(pairs, report);
    QCOMPARE(report.dropped[CleanRule::LengthRatio], size_t{2});
    QVERIFY(keeps(kept, "네, 맞아요."));
}

void TestCorpusCleaning::duplicatesAcrossCorpora() {
    CorpusCleaner cleaner{dari::CleanOptions{}};
    CleanReport a, b;
    cleaner.clean("a", ordinary(), a);
    auto more = ordinary();
    more.resize(2);
    more.push_back({"새로운 문장입니다.", "This is a new sentence.", 3});
    const auto kept = cleaner.clean("b", more, b);
    QCOMPARE(a.droppedCount(), size_t{0});
    QCOMPARE(b.dropped[CleanRule::Duplicate], size_t{2});  // the first corpus keeps them
    QCOMPARE(kept.size(), size_t{1});
}

void TestCorpusCleaning::nearDuplicates() {
    auto pairs = ordinary();
    pairs.push_back({"저는 학생이에요", "i am a student", 7});  // only case and punctuation
    pairs.push_back({"저는 학생이에요.", "I am a pupil.", 8});  // another translation: kept
    CleanReport report;
    const auto kept = cleaned(pairs, report);
    QCOMPARE(report.dropped[CleanRule::NearDuplicate], size_t{1});
    QCOMPARE(report.dropped[CleanRule::Duplicate], size_t{0});
    QVERIFY(keeps(kept, "저는 학생이에요."));
    QCOMPARE(kept.size(), ordinary().size() + 1);
    QCOMPARE(dari::nearDuplicateKey("Hello, World!"), dari::nearDuplicateKey("hello world"));
}

void TestCorpusCleaning::devSources() {
    CorpusCleaner cleaner{dari::CleanOptions{}};
    cleaner.addDevSources({{"화장실이 어디예요", "Where's the toilet?", 1}});
    CleanReport report;
    const auto kept = cleaner.clean("test", ordinary(), report);
    QCOMPARE(report.dropped[CleanRule::InDev], size_t{1});
    QVERIFY(!keeps(kept, "화장실이 어디예요?"));
    QCOMPARE(kept.size(), ordinary().size() - 1);
}

void TestCorpusCleaning::cleaningOffKeepsAllButExactDuplicates() {
    dari::CleanOptions options;
    options.enabled = false;
    auto pairs = ordinary();
    pairs.push_back(pairs.front());
    pairs.push_back({"LibreOffice", "LibreOffice", 8});
    pairs.push_back({"``x``\\를", "``x``", 9});
    CleanReport report;
    const auto kept = cleaned(pairs, report, options);
    QCOMPARE(report.dropped[CleanRule::Duplicate], size_t{1});
    QCOMPARE(report.droppedCount(), size_t{1});
    QCOMPARE(kept.size(), ordinary().size() + 2);
    QCOMPARE(kept.back().source, std::string("``x``\\를"));  // as it was
}

void TestCorpusCleaning::reportCountsAndWarns() {
    auto pairs = ordinary();
    for (int i = 0; i < 3; ++i)
        pairs.push_back(pairs.front());
    CleanReport report;
    cleaned(pairs, report);
    QCOMPARE(report.read, size_t{9});
    QCOMPARE(report.kept(), size_t{6});
    QCOMPARE(report.dropped[CleanRule::Duplicate], size_t{3});
    QCOMPARE(report.summary(), std::string("9 read, 6 kept; dropped: 3 duplicate"));
    const auto warnings = report.warnings(0.25);  // 3 of 9 is over a quarter
    QCOMPARE(warnings.size(), size_t{1});
    QVERIFY(warnings.front().find("'duplicate' dropped 33%") != std::string::npos);
    QVERIFY(report.warnings(0.5).empty());
    QCOMPARE(report.examples[CleanRule::Duplicate].size(),
             size_t{3});  // at most CleanOptions::examples
}

QTEST_GUILESS_MAIN(TestCorpusCleaning)
#include "test_corpus_cleaning.moc"
