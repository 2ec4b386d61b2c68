#include "app/cli/CliPythonText.h"

#include <QChar>
#include <QSet>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>
#include <system_error>

using namespace Qt::Literals::StringLiterals;

namespace mgn {

namespace {

// Python's str.isprintable() for one code point: false for the categories
// Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs (the space excepted).
bool isPrintable(char32_t codePoint)
{
    if (codePoint == U' ')
        return true;
    switch (QChar::category(codePoint)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Separator_Space:
        return false;
    default:
        return true;
    }
}

void appendHexEscape(QString &out, char prefix, char32_t codePoint, int digits)
{
    out += u'\\';
    out += QLatin1Char(prefix);
    out += QString::number(uint(codePoint), 16).rightJustified(digits, u'0');
}

// unicode_repr in CPython's Objects/unicodeobject.c.
QString stringRepr(const QString &text)
{
    const char16_t quote = text.contains(u'\'') && !text.contains(u'"') ? u'"' : u'\'';
    QString out;
    out.reserve(text.size() + 2);
    out += QChar(quote);
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t codePoint = text.at(i).unicode();
        if (QChar::isHighSurrogate(codePoint) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        if (codePoint == quote || codePoint == U'\\') {
            out += u'\\';
            out += QChar(char16_t(codePoint));
        } else if (codePoint == U'\t') {
            out += u"\\t"_s;
        } else if (codePoint == U'\n') {
            out += u"\\n"_s;
        } else if (codePoint == U'\r') {
            out += u"\\r"_s;
        } else if (codePoint < U' ' || codePoint == 0x7f) {
            appendHexEscape(out, 'x', codePoint, 2);
        } else if (codePoint < 0x7f || isPrintable(codePoint)) {
            out += QStringView(QChar::fromUcs4(codePoint));
        } else if (codePoint <= 0xff) {
            appendHexEscape(out, 'x', codePoint, 2);
        } else if (codePoint <= 0xffff) {
            appendHexEscape(out, 'u', codePoint, 4);
        } else {
            appendHexEscape(out, 'U', codePoint, 8);
        }
    }
    out += QChar(quote);
    return out;
}

} // namespace

QString CliPythonText::str(const CliValue &value)
{
    return value.type == CliValue::Type::String ? value.string : repr(value);
}

QString CliPythonText::repr(const CliValue &value)
{
    switch (value.type) {
    case CliValue::Type::Null:
        return u"None"_s;
    case CliValue::Type::Bool:
        return value.boolean ? u"True"_s : u"False"_s;
    case CliValue::Type::Integer:
        return QString::number(value.integer);
    case CliValue::Type::Double:
        return floatRepr(value.real);
    case CliValue::Type::String:
        return stringRepr(value.string);
    case CliValue::Type::List: {
        QString out = u"["_s;
        for (qsizetype i = 0; i < value.items.size(); ++i) {
            if (i > 0)
                out += u", "_s;
            out += repr(value.items.at(i));
        }
        return out + u']';
    }
    case CliValue::Type::Object: {
        QString out = u"{"_s;
        const auto items = dictItems(value);
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i > 0)
                out += u", "_s;
            out += stringRepr(items.at(i).first) + u": "_s + repr(*items.at(i).second);
        }
        return out + u'}';
    }
    }
    return {};
}

QString CliPythonText::floatRepr(double value)
{
    if (std::isnan(value))
        return u"nan"_s;
    if (std::isinf(value))
        return value < 0 ? u"-inf"_s : u"inf"_s;

    // The shortest digits that read back the same double, as "d.ddde+XX".
    char buffer[64];
    const auto [end, error]
        = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    if (error != std::errc())
        return QString::number(value);
    const std::string_view text(buffer, end - buffer);
    const bool negative = text.front() == '-';
    const std::string_view mantissa = text.substr(negative ? 1 : 0, text.find('e') - (negative ? 1 : 0));
    const int exponent = std::stoi(std::string(text.substr(text.find('e') + 1)));
    QString digits;
    for (const char c : mantissa) {
        if (c != '.')
            digits += QLatin1Char(c);
    }

    // CPython's float_repr_style "short": fixed notation when the decimal
    // point falls after at most 16 digits and before at most 4 zeros.
    const int decimalPoint = exponent + 1;
    QString out = negative ? u"-"_s : QString();
    if (decimalPoint > -4 && decimalPoint <= 16) {
        if (decimalPoint <= 0) {
            out += u"0."_s + QString(-decimalPoint, u'0') + digits;
        } else if (decimalPoint >= digits.size()) {
            out += digits + QString(decimalPoint - digits.size(), u'0') + u".0"_s;
        } else {
            out += digits.left(decimalPoint) + u'.' + digits.mid(decimalPoint);
        }
        return out;
    }
    out += digits.at(0);
    if (digits.size() > 1)
        out += u'.' + digits.mid(1);
    out += u'e';
    out += exponent < 0 ? u'-' : u'+';
    out += QString::number(std::abs(exponent)).rightJustified(2, u'0');
    return out;
}

bool CliPythonText::lessThan(QStringView left, QStringView right)
{
    const qsizetype size = std::min(left.size(), right.size());
    for (qsizetype i = 0; i < size; ++i) {
        char16_t a = left.at(i).unicode();
        char16_t b = right.at(i).unicode();
        if (a == b)
            continue;
        // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF,
        // so they sort after U+E000..U+FFFF.
        if (a >= 0xd800 && b >= 0xd800) {
            a = QChar::isSurrogate(a) ? char16_t(a + 0x2000) : char16_t(a - 0x800);
            b = QChar::isSurrogate(b) ? char16_t(b + 0x2000) : char16_t(b - 0x800);
        }
        return a < b;
    }
    return left.size() < right.size();
}

QList<std::pair<QString, const CliValue *>> CliPythonText::dictItems(const CliValue &object)
{
    QList<std::pair<QString, const CliValue *>> items;
    items.reserve(object.members.size());
    // A set only for large objects: the service's are small.
    const bool large = object.members.size() > 16;
    QSet<QString> seen;
    bool duplicates = false;
    for (const auto &member : object.members) {
        const bool known = large ? seen.contains(member.first)
                                 : std::any_of(items.cbegin(), items.cend(),
                                     [&](const auto &item) { return item.first == member.first; });
        if (known) {
            duplicates = true;
            continue;
        }
        if (large)
            seen.insert(member.first);
        items.append({ member.first, &member.second });
    }
    if (duplicates) {
        for (auto &item : items)
            item.second = dictGet(object, item.first);
    }
    return items;
}

const CliValue *CliPythonText::dictGet(const CliValue &object, QStringView key)
{
    for (auto it = object.members.crbegin(); it != object.members.crend(); ++it) {
        if (it->first == key)
            return &it->second;
    }
    return nullptr;
}

bool CliPythonText::isTruthy(const CliValue &value)
{
    switch (value.type) {
    case CliValue::Type::Null:
        return false;
    case CliValue::Type::Bool:
        return value.boolean;
    case CliValue::Type::Integer:
        return value.integer != 0;
    case CliValue::Type::Double:
        return value.real != 0; // NaN is true
    case CliValue::Type::String:
        return !value.string.isEmpty();
    case CliValue::Type::List:
        return !value.items.empty();
    case CliValue::Type::Object:
        return !value.members.empty();
    }
    return false;
}

} // namespace mgn
