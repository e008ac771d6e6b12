#include "data/utf8.h"

#include <stdexcept>

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace dari {

namespace {

bool isContinuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

// Length of the well-formed sequence at text[i], or 0 if it is not well formed
// (Unicode Table 3-7: the second byte's range depends on the lead byte).
std::size_t sequenceLength(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;   // overlong
        if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;   // overlong
        if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
        return 0;  // continuation byte, C0/C1 (overlong) or F5..FF
    }
    if (i + length > text.size()) return 0;
    if (byte(1) < low || byte(1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (!isContinuation(byte(k))) return 0;
    return length;
}

// Decodes the code point at text[i] of valid UTF-8 and advances i.
UChar32 next(std::string_view text, std::size_t& i) {
    UChar32 c;
    int32_t offset = static_cast<int32_t>(i);
    U8_NEXT(text.data(), offset, static_cast<int32_t>(text.size()), c);
    i = static_cast<std::size_t>(offset);
    return c;
}

// Decodes the code point that ends at text[end] of valid UTF-8 and moves end back.
UChar32 previous(std::string_view text, std::size_t& end) {
    UChar32 c;
    int32_t offset = static_cast<int32_t>(end);
    U8_PREV(text.data(), 0, offset, c);
    end = static_cast<std::size_t>(offset);
    return c;
}

}  // namespace

std::size_t findInvalidUtf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = sequenceLength(text, i);
        if (length == 0) return i;
        i += length;
    }
    return kValidUtf8;
}

std::string toNfc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    const icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
    if (U_SUCCESS(status) && nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status))
        return std::string(text);
    std::string result;
    icu::StringByteSink<std::string> sink(&result);
    status = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("NFC normalisation failed: ") + u_errorName(status));
    return result;
}

std::string_view trimSpaces(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t after = begin;
        if (!u_isUWhiteSpace(next(text, after))) break;
        begin = after;
    }
    std::size_t end = text.size();
    while (end > begin) {
        std::size_t before = end;
        if (!u_isUWhiteSpace(previous(text, before))) break;
        end = before;
    }
    return text.substr(begin, end - begin);
}

std::string_view stripBom(std::string_view text) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.substr(0, bom.size()) == bom) text.remove_prefix(bom.size());
    return text;
}

std::size_t codepointCount(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text)
        if (!isContinuation(static_cast<unsigned char>(c))) ++count;
    return count;
}

std::string cleanText(std::string_view text) {
    const std::string nfc = toNfc(text);
    return std::string(trimSpaces(nfc));
}

}  // namespace dari
