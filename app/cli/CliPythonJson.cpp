#include "app/cli/CliPythonJson.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

namespace mgn::CliPythonJson {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isPySpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isPySpace(text[begin]))
        ++begin;
    while (end > begin && isPySpace(text[end - 1]))
        --end;
    return text.sliced(begin, end - begin);
}

// Digits with single underscores between them (Python's literal grammar),
// the underscores dropped; nullopt when it is not that.
std::optional<QByteArray> digitsOf(QByteArrayView text)
{
    QByteArray digits;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isDigit(c)) {
            digits.append(c);
        } else if (c != '_' || i == 0 || i + 1 == text.size() || !isDigit(text[i - 1])
            || !isDigit(text[i + 1])) {
            return std::nullopt;
        }
    }
    if (digits.isEmpty())
        return std::nullopt;
    return digits;
}

const char hexDigits[] = "0123456789abcdef";

void appendUnicodeEscape(QByteArray &out, uint unit)
{
    const char escape[6] = { '\\', 'u', hexDigits[(unit >> 12) & 0xF], hexDigits[(unit >> 8) & 0xF],
        hexDigits[(unit >> 4) & 0xF], hexDigits[unit & 0xF] };
    out.append(escape, 6);
}

// The escape json.dumps writes for a character below 0x20, ", \, or nullptr.
const char *shortEscape(uchar c)
{
    switch (c) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    case '\b':
        return "\\b";
    case '\f':
        return "\\f";
    default:
        return nullptr;
    }
}

} // namespace

int floatRepr(double value, char *out)
{
    if (std::isnan(value)) {
        std::memcpy(out, "NaN", 3);
        return 3;
    }
    if (std::isinf(value)) {
        if (value < 0) {
            std::memcpy(out, "-Infinity", 9);
            return 9;
        }
        std::memcpy(out, "Infinity", 8);
        return 8;
    }
    // The shortest round-trip digits, as Python's repr finds them, then
    // Python's layout of them: positional when the decimal point falls
    // within -4 < decpt <= 16, else exponent notation.
    char sci[floatReprSize];
    const auto result = std::to_chars(sci, sci + sizeof sci, value, std::chars_format::scientific);
    const char *p = sci;
    int n = 0;
    if (*p == '-') {
        out[n++] = '-';
        ++p;
    }
    char digits[24];
    int count = 0;
    for (; p < result.ptr && *p != 'e'; ++p) {
        if (*p != '.')
            digits[count++] = *p;
    }
    int exponent = 0;
    std::from_chars(*(p + 1) == '+' ? p + 2 : p + 1, result.ptr, exponent);
    const int decpt = exponent + 1;
    if (decpt <= -4 || decpt > 16) {
        out[n++] = digits[0];
        if (count > 1) {
            out[n++] = '.';
            std::memcpy(out + n, digits + 1, size_t(count - 1));
            n += count - 1;
        }
        const int e = decpt - 1;
        out[n++] = 'e';
        out[n++] = e < 0 ? '-' : '+';
        const int magnitude = e < 0 ? -e : e;
        if (magnitude < 10)
            out[n++] = '0';
        n += int(std::to_chars(out + n, out + floatReprSize, magnitude).ptr - (out + n));
    } else if (decpt <= 0) {
        out[n++] = '0';
        out[n++] = '.';
        for (int i = 0; i < -decpt; ++i)
            out[n++] = '0';
        std::memcpy(out + n, digits, size_t(count));
        n += count;
    } else if (decpt >= count) {
        std::memcpy(out + n, digits, size_t(count));
        n += count;
        for (int i = count; i < decpt; ++i)
            out[n++] = '0';
        out[n++] = '.';
        out[n++] = '0';
    } else {
        std::memcpy(out + n, digits, size_t(decpt));
        n += decpt;
        out[n++] = '.';
        std::memcpy(out + n, digits + decpt, size_t(count - decpt));
        n += count - decpt;
    }
    return n;
}

double toDouble(QByteArrayView number)
{
    double value = 0;
    const char *begin = number.data();
    const char *end = begin + number.size();
    const auto result = std::from_chars(begin, end, value);
    if (result.ec != std::errc::result_out_of_range)
        return value;
    // Out of a double's range: Python gives an infinity for a magnitude too
    // large, a zero for one too small. The decimal exponent tells which.
    const bool negative = *begin == '-';
    const char *p = negative ? begin + 1 : begin;
    long long leading = 0; // digits before the point, leading zeros skipped
    long long zerosAfterPoint = 0;
    bool seenNonZero = false;
    bool afterPoint = false;
    for (; p < end && *p != 'e' && *p != 'E'; ++p) {
        if (*p == '.') {
            afterPoint = true;
        } else if (!seenNonZero && *p == '0') {
            if (afterPoint)
                ++zerosAfterPoint;
        } else {
            seenNonZero = true;
            if (!afterPoint)
                ++leading;
        }
    }
    long long exponent = 0;
    if (p < end) {
        ++p;
        const bool negativeExponent = *p == '-';
        if (*p == '-' || *p == '+')
            ++p;
        for (; p < end && exponent < 1000000000LL; ++p)
            exponent = exponent * 10 + (*p - '0');
        if (negativeExponent)
            exponent = -exponent;
    }
    const long long magnitude = exponent + (leading > 0 ? leading : -zerosAfterPoint);
    const double result2 = magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
    return negative ? -result2 : result2;
}

QByteArrayView intRepr(QByteArrayView integer)
{
    if (integer.size() == 2 && integer[0] == '-' && integer[1] == '0')
        return integer.sliced(1);
    return integer;
}

std::optional<QByteArray> truncatedRepr(double value)
{
    if (!std::isfinite(value))
        return std::nullopt;
    const double whole = std::trunc(value);
    if (std::fabs(whole) < 9.0e18)
        return QByteArray::number(qint64(whole));
    // glibc prints a double's exact decimal value.
    char text[400];
    const int n = std::snprintf(text, sizeof text, "%.0f", whole);
    return QByteArray(text, n);
}

std::optional<QByteArray> intOfString(QByteArrayView text)
{
    QByteArrayView body = trimmed(text);
    bool negative = false;
    if (!body.isEmpty() && (body[0] == '-' || body[0] == '+')) {
        negative = body[0] == '-';
        body = body.sliced(1);
    }
    std::optional<QByteArray> digits = digitsOf(body);
    if (!digits)
        return std::nullopt;
    qsizetype first = 0;
    while (first + 1 < digits->size() && digits->at(first) == '0')
        ++first;
    QByteArray result = digits->mid(first);
    if (negative && result != "0")
        result.prepend('-');
    return result;
}

std::optional<double> floatOfString(QByteArrayView text)
{
    QByteArrayView body = trimmed(text);
    bool negative = false;
    if (!body.isEmpty() && (body[0] == '-' || body[0] == '+')) {
        negative = body[0] == '-';
        body = body.sliced(1);
    }
    const QByteArray lower = body.toByteArray().toLower();
    double value = 0;
    if (lower == "inf" || lower == "infinity") {
        value = std::numeric_limits<double>::infinity();
    } else if (lower == "nan") {
        value = std::numeric_limits<double>::quiet_NaN();
    } else {
        // [digits][.digits][e[sign]digits], underscores between digits.
        QByteArray plain;
        qsizetype i = 0;
        auto digitRun = [&](bool required) {
            const qsizetype start = i;
            while (i < body.size() && (isDigit(body[i]) || body[i] == '_'))
                ++i;
            if (i == start)
                return !required;
            const std::optional<QByteArray> digits = digitsOf(body.sliced(start, i - start));
            if (!digits)
                return false;
            plain.append(*digits);
            return true;
        };
        if (!digitRun(false))
            return std::nullopt;
        const bool hadInteger = !plain.isEmpty();
        if (i < body.size() && body[i] == '.') {
            ++i;
            plain.append('.');
            const qsizetype before = plain.size();
            if (!digitRun(false))
                return std::nullopt;
            if (!hadInteger && plain.size() == before)
                return std::nullopt;
        } else if (!hadInteger) {
            return std::nullopt;
        }
        if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
            ++i;
            plain.append('e');
            if (i < body.size() && (body[i] == '+' || body[i] == '-'))
                plain.append(body[i++]);
            if (!digitRun(true))
                return std::nullopt;
        }
        if (i != body.size())
            return std::nullopt;
        if (plain.startsWith('.'))
            plain.prepend('0');
        if (plain.endsWith('.'))
            plain.append('0');
        plain.replace(".e", ".0e");
        value = toDouble(plain);
    }
    return negative ? -value : value;
}

void appendString(QByteArray &out, QByteArrayView utf8)
{
    out.append('"');
    qsizetype plain = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const uchar c = uchar(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(utf8.data() + plain, i - plain);
        plain = i + 1;
        if (const char *escape = shortEscape(c))
            out.append(escape, 2);
        else
            appendUnicodeEscape(out, c);
    }
    out.append(utf8.data() + plain, utf8.size() - plain);
    out.append('"');
}

void appendAsciiString(QByteArray &out, QByteArrayView utf8)
{
    out.append('"');
    for (qsizetype i = 0; i < utf8.size();) {
        const uchar c = uchar(utf8[i]);
        if (c < 0x80) {
            if (const char *escape = shortEscape(c))
                out.append(escape, 2);
            else if (c < 0x20 || c == 0x7F)
                appendUnicodeEscape(out, c);
            else
                out.append(char(c));
            ++i;
            continue;
        }
        // Valid UTF-8 (the tape checked it).
        uint cp = 0;
        int length = 0;
        if (c >= 0xF0) {
            cp = c & 0x07;
            length = 4;
        } else if (c >= 0xE0) {
            cp = c & 0x0F;
            length = 3;
        } else {
            cp = c & 0x1F;
            length = 2;
        }
        for (int k = 1; k < length && i + k < utf8.size(); ++k)
            cp = (cp << 6) | (uchar(utf8[i + k]) & 0x3F);
        i += length;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            appendUnicodeEscape(out, 0xD800 + (cp >> 10));
            appendUnicodeEscape(out, 0xDC00 + (cp & 0x3FF));
        } else {
            appendUnicodeEscape(out, cp);
        }
    }
    out.append('"');
}

} // namespace mgn::CliPythonJson
