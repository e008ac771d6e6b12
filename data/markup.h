#pragma once
// Markup that corpora carry over from the documents they were aligned from, taken out where
// the words it wraps survive: reStructuredText roles, literals, links and escapes (the Python
// documentation), Markdown-style emphasis, and paired XML elements (Mallard's <gui>, <app>,
// ... in the GNOME guides, HTML tags). Nobody types it into a translator.

#include <string>
#include <string_view>

namespace dari {

struct StrippedMarkup {
    std::string text;      // the text as a reader sees it, spaces collapsed
    bool changed = false;  // some markup was taken out
    // Part of the text is gone with the markup (an element such as <link xref="..."/> that a
    // viewer replaces with a title), or nothing but markup was there: the pair is not usable.
    bool lost = false;
};

// ":func:`os.open`" -> "os.open", ":meth:`~Option.dest`" -> "dest",
// ":ref:`감사 이벤트 <auditing>`" -> "감사 이벤트", "``-v``\를" -> "-v를", "**굵게**" -> "굵게",
// "Click <gui>Default Applications</gui>." -> "Click Default Applications.".
// Text without markup comes back unchanged. `text` must be valid UTF-8.
StrippedMarkup stripMarkup(std::string_view text);

}  // namespace dari
