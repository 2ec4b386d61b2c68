#pragma once

#include <QString>

namespace mgn {

// The API model's documentation (a little HTML: <p>, <ul>/<ol>/<li>, <code>,
// <a>, <b>, <i>, <note>, entities) as plain text for a terminal.
class HtmlText final
{
public:
    // Paragraphs separated by a blank line, list items as "* " with a hanging
    // indent, each line at most `width` columns after `indent` spaces.
    static QString wrapped(const QString &html, int indent, int width = 79);
    // The first sentence, on one line (a command's summary).
    static QString summary(const QString &html);
    // Tags dropped, entities decoded, whitespace collapsed: one line.
    static QString plain(const QString &html);
};

} // namespace mgn
