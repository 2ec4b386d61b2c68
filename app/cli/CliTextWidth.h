#pragma once

#include <QStringView>

namespace mgn {

// How many columns the AWS CLI's table output gives a text: awscli/table.py's
// get_text_length counts each code point as 2 when its East Asian Width is
// W, F or A (ambiguous ones included) and as 1 otherwise, control characters
// too. The table of wide code points is generated from Python's unicodedata
// by tools/gen_east_asian_width.py (CliTextWidthTable.cpp).
class CliTextWidth final
{
public:
    static bool isWide(char32_t codePoint);
    // get_text_length(text); an unpaired surrogate counts as the code point it is.
    static int length(QStringView text);

    // The Unicode version of the unicodedata the table came from.
    static const char unicodeVersion[];
};

} // namespace mgn
