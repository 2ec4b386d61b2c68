#include "app/cli/CliWireTape.h"

#include <cstring>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

// Python's json module nests at most about a thousand levels (its recursion
// limit); a body this deep is no answer of the service.
constexpr int maxDepth = 512;

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Four hex digits at p (the caller checked there are four bytes), or -1.
int hex4(const char *p)
{
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(p[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

// Whether any of 8 bytes is a quote, a backslash, a control character or
// from 0x80 up: the bytes a string's fast scan stops at.
bool hasSpecialByte(quint64 x)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 highs = 0x8080808080808080ULL;
    const quint64 quote = x ^ (ones * '"');
    const quint64 backslash = x ^ (ones * '\\');
    const quint64 zeroQuote = (quote - ones) & ~quote;
    const quint64 zeroBackslash = (backslash - ones) & ~backslash;
    const quint64 control = (x - ones * 0x20) & ~x;
    return ((zeroQuote | zeroBackslash | control) & highs) != 0 || (x & highs) != 0;
}

// The length of a valid UTF-8 sequence at p (lead byte from 0x80 up), or 0.
int utf8Sequence(const uchar *p, const uchar *end)
{
    const uchar c = p[0];
    int length = 0;
    uint min = 0;
    uint cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
        cp = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        cp = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        cp = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (end - p < length)
        return 0;
    for (int i = 1; i < length; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return length;
}

void appendUtf8(QByteArray &out, uint cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

} // namespace

bool CliWireTape::parse(const QByteArray &text, QString *error)
{
    m_text = text;
    m_nodes.clear();
    m_error.clear();
    if (text.size() >= 0xFFFFFFFFLL) {
        *error = u"the response body is too large (%1 bytes)"_s.arg(text.size());
        return false;
    }
    m_nodes.reserve(size_t(text.size() / 16 + 4));
    m_cursor = m_text.constData();
    m_end = m_cursor + m_text.size();
    skipSpace();
    bool ok = parseValue(0);
    if (ok) {
        skipSpace();
        if (m_cursor != m_end)
            ok = fail(u"extra data after the JSON value"_s);
    }
    if (!ok) {
        *error = m_error;
        m_nodes.clear();
    }
    return ok;
}

bool CliWireTape::fail(const QString &what)
{
    if (m_error.isEmpty()) {
        m_error = u"the response body is not JSON: %1 at offset %2"_s.arg(what).arg(
            m_cursor - m_text.constData());
    }
    return false;
}

void CliWireTape::skipSpace()
{
    while (m_cursor < m_end && isSpace(*m_cursor))
        ++m_cursor;
}

bool CliWireTape::parseValue(int depth)
{
    if (m_cursor == m_end)
        return fail(u"a value expected"_s);
    const quint32 offset = quint32(m_cursor - m_text.constData());
    switch (*m_cursor) {
    case '{':
    case '[': {
        if (depth >= maxDepth)
            return fail(u"nested too deeply"_s);
        const bool isObject = *m_cursor == '{';
        const char close = isObject ? '}' : ']';
        const size_t index = m_nodes.size();
        m_nodes.push_back({ isObject ? Type::Object : Type::Array, 0, 0, offset, 0 });
        ++m_cursor;
        skipSpace();
        quint32 count = 0;
        if (m_cursor < m_end && *m_cursor == close) {
            ++m_cursor;
        } else {
            for (;;) {
                if (isObject) {
                    if (m_cursor == m_end || *m_cursor != '"')
                        return fail(u"a member name in double quotes expected"_s);
                    if (!parseString())
                        return false;
                    skipSpace();
                    if (m_cursor == m_end || *m_cursor != ':')
                        return fail(u"':' expected"_s);
                    ++m_cursor;
                    skipSpace();
                }
                if (!parseValue(depth + 1))
                    return false;
                ++count;
                skipSpace();
                if (m_cursor == m_end)
                    return fail(isObject ? u"',' or '}' expected"_s : u"',' or ']' expected"_s);
                if (*m_cursor == ',') {
                    ++m_cursor;
                    skipSpace();
                    continue;
                }
                if (*m_cursor == close) {
                    ++m_cursor;
                    break;
                }
                return fail(isObject ? u"',' or '}' expected"_s : u"',' or ']' expected"_s);
            }
        }
        m_nodes[index].length = count;
        m_nodes[index].next = quint32(m_nodes.size());
        return true;
    }
    case '"':
        return parseString();
    case 't':
        return parseLiteral("true", 4, Type::True, offset);
    case 'f':
        return parseLiteral("false", 5, Type::False, offset);
    case 'n':
        return parseLiteral("null", 4, Type::Null, offset);
    case 'N':
        return parseLiteral("NaN", 3, Type::Float, offset);
    case 'I':
        return parseLiteral("Infinity", 8, Type::Float, offset);
    default:
        if (*m_cursor == '-' && m_end - m_cursor >= 9 && std::memcmp(m_cursor, "-Infinity", 9) == 0)
            return parseLiteral("-Infinity", 9, Type::Float, offset);
        return parseNumber();
    }
}

bool CliWireTape::parseLiteral(const char *word, qsizetype size, Type type, quint32 offset)
{
    if (m_end - m_cursor < size || std::memcmp(m_cursor, word, size_t(size)) != 0)
        return fail(u"a value expected"_s);
    m_cursor += size;
    const quint32 index = quint32(m_nodes.size());
    m_nodes.push_back({ type, 0, index + 1, offset, quint32(size) });
    return true;
}

bool CliWireTape::parseNumber()
{
    const char *start = m_cursor;
    const char *p = m_cursor;
    if (p < m_end && *p == '-')
        ++p;
    if (p == m_end || !isDigit(*p))
        return fail(u"a value expected"_s);
    if (*p == '0') {
        ++p;
    } else {
        while (p < m_end && isDigit(*p))
            ++p;
    }
    Type type = Type::Integer;
    if (p < m_end && *p == '.' && p + 1 < m_end && isDigit(p[1])) {
        type = Type::Float;
        p += 2;
        while (p < m_end && isDigit(*p))
            ++p;
    }
    if (p < m_end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        if (q < m_end && (*q == '+' || *q == '-'))
            ++q;
        if (q < m_end && isDigit(*q)) {
            type = Type::Float;
            while (q < m_end && isDigit(*q))
                ++q;
            p = q;
        }
    }
    m_cursor = p;
    const quint32 index = quint32(m_nodes.size());
    m_nodes.push_back({ type, 0, index + 1, quint32(start - m_text.constData()), quint32(p - start) });
    return true;
}

bool CliWireTape::parseString()
{
    const char *p = m_cursor + 1;
    const quint32 offset = quint32(p - m_text.constData());
    quint8 flags = 0;
    for (;;) {
        while (m_end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, 8);
            if (hasSpecialByte(word))
                break;
            p += 8;
        }
        if (p == m_end) {
            m_cursor = p;
            return fail(u"unterminated string"_s);
        }
        const uchar c = uchar(*p);
        if (c == '"')
            break;
        if (c < 0x20) {
            m_cursor = p;
            return fail(u"control character in a string"_s);
        }
        if (c == '\\') {
            flags |= Escaped;
            if (m_end - p < 2) {
                m_cursor = p;
                return fail(u"unterminated string"_s);
            }
            const char e = p[1];
            if (e == 'u') {
                const int cp = m_end - p >= 6 ? hex4(p + 2) : -1;
                if (cp < 0) {
                    m_cursor = p;
                    return fail(u"invalid \\u escape"_s);
                }
                p += 6;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    const int low = m_end - p >= 6 && p[0] == '\\' && p[1] == 'u' ? hex4(p + 2) : -1;
                    if (low < 0xDC00 || low > 0xDFFF) {
                        m_cursor = p;
                        return fail(u"a \\u escape of a lone surrogate"_s);
                    }
                    p += 6;
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    m_cursor = p;
                    return fail(u"a \\u escape of a lone surrogate"_s);
                }
                continue;
            }
            if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r'
                && e != 't') {
                m_cursor = p;
                return fail(u"invalid escape"_s);
            }
            p += 2;
            continue;
        }
        if (c >= 0x80) {
            const int length
                = utf8Sequence(reinterpret_cast<const uchar *>(p), reinterpret_cast<const uchar *>(m_end));
            if (length == 0) {
                m_cursor = p;
                return fail(u"invalid UTF-8"_s);
            }
            flags |= NonAscii;
            p += length;
            continue;
        }
        ++p;
    }
    const quint32 index = quint32(m_nodes.size());
    m_nodes.push_back({ Type::String, flags, index + 1, offset, quint32(p - m_text.constData()) - offset });
    m_cursor = p + 1;
    return true;
}

QByteArray CliWireTape::string(quint32 index) const
{
    const QByteArrayView raw = text(index);
    if (!(m_nodes[index].flags & Escaped))
        return raw.toByteArray();
    QByteArray out;
    out.reserve(raw.size());
    const char *p = raw.data();
    const char *end = p + raw.size();
    while (p < end) {
        if (*p != '\\') {
            out.append(*p++);
            continue;
        }
        const char e = p[1];
        p += 2;
        switch (e) {
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case 'u': {
            uint cp = uint(hex4(p));
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (uint(hex4(p + 2)) - 0xDC00);
                p += 6;
            }
            appendUtf8(out, cp);
            break;
        }
        default: // " \ /
            out.append(e);
        }
    }
    return out;
}

bool CliWireTape::stringEquals(quint32 index, QByteArrayView name) const
{
    if (!(m_nodes[index].flags & Escaped))
        return text(index) == name;
    return QByteArrayView(string(index)) == name;
}

quint32 CliWireTape::member(quint32 object, QByteArrayView name) const
{
    quint32 found = 0;
    const quint32 end = m_nodes[object].next;
    for (quint32 i = firstChild(object); i < end; i = m_nodes[i + 1].next) {
        if (stringEquals(i, name))
            found = i + 1;
    }
    return found;
}

} // namespace mgn
