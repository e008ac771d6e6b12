#pragma once
// Which writing system a text is in, as far as Dari cares: its models read Korean, and a
// line of English typed into the translator comes out as nonsense rather than an error.

#include <string_view>

namespace dari {

enum class Script {
    Hangul,  // any Hangul letter: Korean, even with Latin words in it (톰은 iPhone을 샀다)
    Latin,   // no Hangul, and at least two letters of which most are Latin
    Other,   // digits and punctuation only, other scripts, empty
};

// The script of valid UTF-8 text (ICU's Script property of its letters).
Script dominantScript(std::string_view text);

}  // namespace dari
