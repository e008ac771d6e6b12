#pragma once
// Text as sacreBLEU sees it, for the metrics: code-point decoding and Python's notion of
// whitespace (sacreBLEU splits and strips with str.split()/str.strip()).
//
// The one place where Dari's whitespace differs: everywhere else (data/utf8.h's
// trimSpaces, the corpus readers) white space is Unicode's White_Space property; Python's
// str.isspace() also counts U+001C..U+001F (the ASCII file, group, record and unit
// separators). Scores match sacreBLEU only with Python's rule, so the metrics keep it.

#include <string>
#include <string_view>

namespace dari::utf8 {

// Decodes the code point starting at text[pos] and advances pos past it. An invalid byte
// becomes 0xDC00 + byte, as with Python's "surrogateescape", and consumes one byte.
inline char32_t next(std::string_view text, size_t& pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    const size_t length = lead < 0x80             ? 1
                          : (lead & 0xE0) == 0xC0 ? 2
                          : (lead & 0xF0) == 0xE0 ? 3
                          : (lead & 0xF8) == 0xF0 ? 4
                                                  : 0;
    bool valid = length > 0 && pos + length <= text.size();
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t k = 1; valid && k < length; ++k) {
        const auto byte = static_cast<unsigned char>(text[pos + k]);
        valid = (byte & 0xC0) == 0x80;
        cp = (cp << 6) | (byte & 0x3F);
    }
    if (!valid) {
        ++pos;
        return 0xDC00 + lead;
    }
    pos += length;
    return cp;
}

inline std::u32string decode(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();)
        out.push_back(next(text, pos));
    return out;
}

// True for the code points Python's str.isspace() accepts: White_Space and U+001C..U+001F.
inline bool isSpace(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

}  // namespace dari::utf8
