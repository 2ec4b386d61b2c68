#include "app/cli/CliTextWidth.h"

namespace mgn {

int CliTextWidth::length(QStringView text)
{
    int width = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t codePoint = text.at(i).unicode();
        if (QChar::isHighSurrogate(codePoint) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        width += isWide(codePoint) ? 2 : 1;
    }
    return width;
}

} // namespace mgn
