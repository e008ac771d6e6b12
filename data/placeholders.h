#pragma once
// Numbers, Latin-script words, URLs and e-mail addresses pass through translation unchanged.
//
// A network trained on 5,000 sentences has seen few numbers and fewer brand names: it turns
// "1992년" into "130". Before translation each such span is replaced by a placeholder piece
// (⟦1⟧ … ⟦9⟧, SentencePiece user-defined symbols), the search must output every placeholder
// the source holds (model/search/placeholder_constraint.h), and after it each placeholder is
// replaced by the span it stands for. Training pairs get the same placeholders where a span
// stands verbatim on both sides, so that the network learns to copy them.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dari {

class Vocabulary;

// How many distinct spans a sentence can protect; later ones stay as they are.
inline constexpr int kMaxPlaceholders = 9;

// "⟦k⟧" for k in 1..kMaxPlaceholders.
std::string placeholderSymbol(int k);
// All of them, in order: the vocabularies' user-defined symbols.
std::vector<std::string> placeholderSymbols();

struct ProtectedText {
    std::string text;                // with placeholders
    std::vector<std::string> spans;  // spans[k - 1] is what ⟦k⟧ stands for
};

// Every URL, e-mail address, number ("2:30", "10,000", "3.14") and Latin-script word ("iPhone",
// "COVID-19") of `text` replaced by a placeholder, the first distinct span by ⟦1⟧; the same span
// twice gets the same placeholder. Text that already holds a "⟦…⟧" has it protected as well.
ProtectedText protect(const std::string& text);

// A pair with placeholders: the same on both sides for a span that stands verbatim in both (as a
// whole number or word in the target, not inside a longer one). `onlyShared` (training pairs):
// the source's other spans stay as they are. Otherwise (dev pairs, scored as the translator
// translates) every source span becomes one. `spans` restores the target.
struct ProtectedPair {
    std::string source, target;
    std::vector<std::string> spans;
};
ProtectedPair protectPair(const std::string& source, const std::string& target,
                          bool onlyShared = true);

// Each ⟦k⟧ of `text` replaced by spans[k - 1]; one without a span is left out. A span that would
// touch a letter or digit is kept apart from it by a space.
std::string restore(const std::string& text, const std::vector<std::string>& spans);

// (source id, target id) of each placeholder piece, when both vocabularies were trained with
// them (data.placeholders); else empty, and texts are translated as they are.
std::vector<std::pair<int64_t, int64_t>> placeholderPieces(const Vocabulary& src,
                                                           const Vocabulary& tgt);

}  // namespace dari
