#include "data/placeholders.h"

#include <algorithm>
#include <cstring>

#include "data/vocabulary.h"

namespace dari {

namespace {

const std::string kOpen = "\u27e6", kClose = "\u27e7";  // ⟦ ⟧

bool isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool oneOf(char c, const char* set) {
    return c != '\0' && std::strchr(set, c) != nullptr;
}

bool startsWith(const std::string& s, size_t i, const char* prefix) {
    return s.compare(i, std::strlen(prefix), prefix) == 0;
}

// A URL's end: printable ASCII up to white space or other text, less closing punctuation.
size_t urlEnd(const std::string& s, size_t i) {
    if (!startsWith(s, i, "http://") && !startsWith(s, i, "https://") && !startsWith(s, i, "www."))
        return i;
    size_t j = i;
    while (j < s.size() && s[j] > ' ' && s[j] < 0x7f)
        ++j;
    while (j > i && oneOf(s[j - 1], ".,;:!?)]}'\""))
        --j;
    return j;
}

// An e-mail address's end (local@domain.tld), or i.
size_t emailEnd(const std::string& s, size_t i) {
    size_t j = i;
    while (j < s.size() && (isAsciiAlnum(s[j]) || oneOf(s[j], "._%+-")))
        ++j;
    if (j == i || j >= s.size() || s[j] != '@') return i;
    const size_t domain = ++j;
    while (j < s.size() && (isAsciiAlnum(s[j]) || s[j] == '.' || s[j] == '-'))
        ++j;
    while (j > domain && (s[j - 1] == '.' || s[j - 1] == '-'))
        --j;
    const size_t dot = s.rfind('.', j);
    if (dot == std::string::npos || dot <= domain || j - dot < 3) return i;
    return j;
}

// A number or Latin word: letters and digits, joined by one of - . , : ' & _ between two of them
// ("2:30", "10,000", "COVID-19", "Tom's").
size_t wordEnd(const std::string& s, size_t i) {
    size_t j = i;
    while (j < s.size()) {
        if (isAsciiAlnum(s[j])) {
            ++j;
        } else if (oneOf(s[j], "-.,:'&_") && j + 1 < s.size() && isAsciiAlnum(s[j + 1])) {
            j += 2;
        } else {
            break;
        }
    }
    return j;
}

// The protectable span that starts at i (its end), or i.
size_t spanEnd(const std::string& s, size_t i) {
    if (startsWith(s, i, kOpen.c_str())) {
        const size_t close = s.find(kClose, i + kOpen.size());
        return close == std::string::npos ? i + kOpen.size() : close + kClose.size();
    }
    if (startsWith(s, i, kClose.c_str())) return i + kClose.size();
    if (i > 0 && isAsciiAlnum(s[i - 1])) return i;  // inside a word
    if (const size_t end = urlEnd(s, i); end > i) return end;
    if (const size_t end = emailEnd(s, i); end > i) return end;
    return isAsciiAlnum(s[i]) ? wordEnd(s, i) : i;
}

// `text` with each protectable span replaced by the placeholder placeholderOf(span) gives, or
// kept as it is where that is 0.
template <typename PlaceholderOf>
std::string replaceSpans(const std::string& text, PlaceholderOf placeholderOf) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        const size_t end = spanEnd(text, i);
        if (end == i) {
            out += text[i++];
            continue;
        }
        const std::string span = text.substr(i, end - i);
        const int k = placeholderOf(span);
        out += k > 0 ? placeholderSymbol(k) : span;
        i = end;
    }
    return out;
}

// 1 + the index of `span` in `spans`, or 0.
int indexIn(const std::vector<std::string>& spans, const std::string& span) {
    const auto found = std::find(spans.begin(), spans.end(), span);
    return found == spans.end() ? 0 : static_cast<int>(found - spans.begin()) + 1;
}

}  // namespace

std::string placeholderSymbol(int k) {
    return kOpen + std::to_string(k) + kClose;
}

std::vector<std::string> placeholderSymbols() {
    std::vector<std::string> symbols;
    for (int k = 1; k <= kMaxPlaceholders; ++k)
        symbols.push_back(placeholderSymbol(k));
    return symbols;
}

ProtectedText protect(const std::string& text) {
    ProtectedText p;
    p.text = replaceSpans(text, [&](const std::string& span) {
        if (!indexIn(p.spans, span) && p.spans.size() < static_cast<size_t>(kMaxPlaceholders))
            p.spans.push_back(span);
        return indexIn(p.spans, span);
    });
    return p;
}

ProtectedPair protectPair(const std::string& source, const std::string& target, bool onlyShared) {
    std::vector<std::string> inTarget;
    replaceSpans(target, [&](const std::string& span) {
        inTarget.push_back(span);
        return 0;
    });
    ProtectedPair pair;
    for (const auto& span : protect(source).spans)
        if (!onlyShared || indexIn(inTarget, span)) pair.spans.push_back(span);
    const auto placeholderOf = [&](const std::string& span) { return indexIn(pair.spans, span); };
    pair.source = replaceSpans(source, placeholderOf);
    pair.target = replaceSpans(target, placeholderOf);
    return pair;
}

std::string restore(const std::string& text, const std::vector<std::string>& spans) {
    std::string out;
    bool spanEnded = false;  // the last thing written was a restored span
    const auto separate = [&](char next) {
        // A span never touches a letter or digit where it stood; where a network put it there
        // ("nothing13", "1326"), a space keeps the words apart.
        if (!out.empty() && isAsciiAlnum(out.back()) && isAsciiAlnum(next)) out += ' ';
    };
    for (size_t i = 0; i < text.size();) {
        const size_t digit = i + kOpen.size();
        if (startsWith(text, i, kOpen.c_str()) && digit < text.size() && text[digit] >= '1' &&
            text[digit] <= '9' && startsWith(text, digit + 1, kClose.c_str())) {
            const size_t k = text[digit] - '0';
            if (k <= spans.size() && !spans[k - 1].empty()) {
                separate(spans[k - 1].front());
                out += spans[k - 1];
                spanEnded = true;
            }
            i = digit + 1 + kClose.size();
            continue;
        }
        if (spanEnded) separate(text[i]);
        spanEnded = false;
        out += text[i++];
    }
    return out;
}

std::vector<std::pair<int64_t, int64_t>> placeholderPieces(const Vocabulary& src,
                                                           const Vocabulary& tgt) {
    std::vector<std::pair<int64_t, int64_t>> pieces;
    for (const auto& symbol : placeholderSymbols()) {
        const int64_t s = src.pieceId(symbol), t = tgt.pieceId(symbol);
        if (s < 0 || t < 0) return {};
        pieces.emplace_back(s, t);
    }
    return pieces;
}

}  // namespace dari
