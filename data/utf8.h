#pragma once
// UTF-8 text as the corpus readers accept it: valid, NFC, trimmed.

#include <cstddef>
#include <string>
#include <string_view>

namespace dari {

constexpr std::size_t kValidUtf8 = std::string_view::npos;

// Byte offset (0-based) of the first invalid sequence in `text`, or kValidUtf8.
// Invalid: stray continuation bytes, truncated sequences, overlong forms,
// surrogates (U+D800..U+DFFF) and code points above U+10FFFF.
std::size_t findInvalidUtf8(std::string_view text);
inline bool isValidUtf8(std::string_view text) {
    return findInvalidUtf8(text) == kValidUtf8;
}

// Unicode Normalization Form C of valid UTF-8 text (ICU). Throws std::runtime_error if ICU fails.
std::string toNfc(std::string_view text);

// Removes ASCII and Unicode White_Space code points (U+00A0, U+3000, ...) at both ends.
// (The metrics follow Python's slightly wider rule instead: model/metrics/sacrebleu_text.h.)
std::string_view trimSpaces(std::string_view text);

// Removes a leading UTF-8 byte order mark.
std::string_view stripBom(std::string_view text);

// Number of code points in valid UTF-8 text.
std::size_t codepointCount(std::string_view text);

// NFC, then trimmed: the form every corpus side is stored in. `text` must be valid UTF-8.
std::string cleanText(std::string_view text);

}  // namespace dari
