#include "data/markup.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <set>

namespace dari {
namespace {

bool asciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool asciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool space(char c) {
    return c == ' ' || c == '\t';
}

// An XML tag at `at`: "<name ...>", "</name>" or "<name .../>".
struct Tag {
    std::string name;
    bool closing = false, selfClosing = false, attributes = false;
    size_t end = 0;  // one past '>'
};

bool readTag(std::string_view text, size_t at, Tag& tag) {
    if (text[at] != '<') return false;
    size_t i = at + 1;
    tag.closing = i < text.size() && text[i] == '/';
    if (tag.closing) ++i;
    if (i >= text.size() || !asciiLetter(text[i])) return false;
    const size_t nameStart = i;
    while (i < text.size() && (asciiAlnum(text[i]) || text[i] == '-' || text[i] == ':' ||
                               text[i] == '_' || text[i] == '.'))
        ++i;
    tag.name = std::string(text.substr(nameStart, i - nameStart));
    const size_t close = text.find_first_of("<>", i);
    if (close == std::string_view::npos || text[close] != '>') return false;
    const std::string_view inside = text.substr(i, close - i);
    if (!inside.empty() && !space(inside.front()) && inside != "/") return false;
    tag.selfClosing = !inside.empty() && inside.back() == '/';
    tag.attributes = inside.find('=') != std::string_view::npos;
    tag.end = close + 1;
    return true;
}

// Elements whose closing tag is in the text lose their tags and keep their content; an element
// with attributes and no content (<link xref="..."/>) stood for text that is not here.
std::string stripElements(std::string_view text, bool& changed, bool& lost) {
    std::set<std::string> paired;
    Tag tag;
    for (size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1))
        if (readTag(text, i, tag) && tag.closing) paired.insert(tag.name);
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '<' && readTag(text, i, tag)) {
            if (tag.selfClosing && tag.attributes) lost = true;
            if (paired.count(tag.name) || tag.selfClosing) {
                changed = true;
                i = tag.end;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

// What a reader sees of a role's or link's content: "title <target>" -> "title",
// "~a.b.name" -> "name", "!name" -> "name".
std::string displayed(std::string_view content) {
    if (!content.empty() && content.back() == '>') {
        const size_t open = content.rfind('<');
        if (open != std::string_view::npos && open > 0) {
            content = content.substr(0, open);
            while (!content.empty() && space(content.back()))
                content.remove_suffix(1);
        }
    }
    if (!content.empty() && content.front() == '~') {
        content.remove_prefix(1);
        const size_t dot = content.rfind('.');
        if (dot != std::string_view::npos) content = content.substr(dot + 1);
    } else if (!content.empty() && content.front() == '!') {
        content.remove_prefix(1);
    }
    return std::string(content);
}

// ":name:`" or ":domain:name:`" at `at`: returns where the content starts, or 0.
size_t roleContent(std::string_view text, size_t at) {
    if (text[at] != ':' || (at > 0 && asciiAlnum(text[at - 1]))) return 0;
    size_t i = at + 1;
    while (i < text.size() && asciiLetter(text[i])) {
        while (i < text.size() && (asciiAlnum(text[i]) || text[i] == '-' || text[i] == '_' ||
                                   text[i] == '.' || text[i] == '+'))
            ++i;
        if (i + 1 < text.size() && text[i] == ':' && text[i + 1] == '`') return i + 2;
        if (i < text.size() && text[i] == ':')
            ++i;  // a domain: ":py:func:`"
        else
            return 0;
    }
    return 0;
}

// reST's inline markup and escapes, and Markdown's **strong** and *emphasis*.
std::string stripInline(std::string_view text, bool& changed) {
    std::string out;
    const auto markupEnd = [&](size_t i) {
        return i > 0 && (text[i - 1] == '`' || text[i - 1] == '*' || text[i - 1] == '>' ||
                         text[i - 1] == '_');
    };
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (text.compare(i, 2, "``") == 0) {  // a literal: its content as it is
            const size_t close = text.find("``", i + 2);
            if (close != std::string_view::npos && close > i + 2) {
                out += text.substr(i + 2, close - i - 2);
                i = close + 2;
                changed = true;
                continue;
            }
        }
        if (c == ':') {
            if (const size_t start = roleContent(text, i)) {
                const size_t close = text.find('`', start);
                if (close != std::string_view::npos) {
                    out += displayed(text.substr(start, close - start));
                    i = close + 1;
                    changed = true;
                    continue;
                }
            }
        }
        if (c == '`') {  // `text <url>`_ links and `interpreted` text
            const size_t close = text.find('`', i + 1);
            if (close != std::string_view::npos && close > i + 1) {
                out += displayed(text.substr(i + 1, close - i - 1));
                i = close + 1;
                while (i < text.size() && text[i] == '_')
                    ++i;
                changed = true;
                continue;
            }
        }
        if (text.compare(i, 2, "**") == 0 && i + 2 < text.size() && !space(text[i + 2])) {
            const size_t close = text.find("**", i + 2);
            if (close != std::string_view::npos && close > i + 2 && !space(text[close - 1])) {
                out += text.substr(i + 2, close - i - 2);
                i = close + 2;
                changed = true;
                continue;
            }
        }
        if (c == '*' && (i == 0 || (!asciiAlnum(text[i - 1]) && text[i - 1] != '*')) &&
            i + 1 < text.size() && !space(text[i + 1]) && text[i + 1] != '*') {
            const size_t close = text.find('*', i + 1);
            if (close != std::string_view::npos && !space(text[close - 1]) &&
                (close + 1 == text.size() || !asciiAlnum(text[close + 1]))) {
                out += text.substr(i + 1, close - i - 1);
                i = close + 1;
                changed = true;
                continue;
            }
        }
        if (c == '\\' && i + 1 < text.size() && (text[i + 1] == ' ' || markupEnd(i))) {
            // "\ " is nothing in reST; "``x``\를" glues a particle to the markup before it.
            i += text[i + 1] == ' ' ? 2 : 1;
            changed = true;
            continue;
        }
        out += text[i++];
    }
    return out;
}

std::string collapseSpaces(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (space(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

bool hasLetterOrDigit(std::string_view text) {
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        if (c >= 0 && u_isalnum(c)) return true;
    }
    return false;
}

}  // namespace

namespace {

// reST's "text::" (a literal block follows) reads "text:"; " ::" alone reads as nothing.
std::string literalBlockMarker(std::string text, bool& changed) {
    if (text.size() < 2 || text.compare(text.size() - 2, 2, "::") != 0 ||
        (text.size() > 2 && text[text.size() - 3] == ':'))
        return text;
    changed = true;
    text.pop_back();
    if (text.size() >= 2 && text[text.size() - 2] == ' ') text.erase(text.size() - 2);
    return text;
}

}  // namespace

StrippedMarkup stripMarkup(std::string_view text) {
    StrippedMarkup result;
    const bool mayHaveMarkup = text.find_first_of("<`*:\\") != std::string_view::npos;
    if (!mayHaveMarkup) {
        result.text = std::string(text);
        return result;
    }
    bool changed = false;
    const std::string elements = stripElements(text, changed, result.lost);
    const std::string plain = literalBlockMarker(stripInline(elements, changed), changed);
    result.changed = changed;
    result.text = changed ? collapseSpaces(plain) : std::string(text);
    if (changed && !hasLetterOrDigit(result.text)) result.lost = true;
    return result;
}

}  // namespace dari
