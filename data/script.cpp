#include "data/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace dari {

Script dominantScript(std::string_view text) {
    int letters = 0, latin = 0;
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        if (c < 0 || !u_isalpha(c)) continue;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (U_FAILURE(status)) continue;
        if (script == USCRIPT_HANGUL) return Script::Hangul;
        ++letters;
        if (script == USCRIPT_LATIN) ++latin;
    }
    return latin >= 2 && 2 * latin > letters ? Script::Latin : Script::Other;
}

}  // namespace dari
