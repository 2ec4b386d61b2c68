#include "models/json/JsonTape.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace mgn {

namespace {

constexpr int maxDepth = 256;

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Whether a number's significand has a digit other than 0.
bool hasNonZeroDigit(const char *p, const char *end)
{
    for (; p < end && *p != 'e' && *p != 'E'; ++p) {
        if (*p >= '1' && *p <= '9')
            return true;
    }
    return false;
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

// Four hex digits at p (p + 4 <= end checked by the caller), or -1.
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

bool isContinuation(uchar c)
{
    return (c & 0xC0) == 0x80;
}

// The length of the well-formed UTF-8 sequence at p (Unicode's table 3-7:
// no overlong forms, no surrogates, nothing above U+10FFFF), or 0.
int utf8SequenceLength(const uchar *p, const uchar *end)
{
    const uchar lead = p[0];
    const qsizetype left = end - p;
    if (lead >= 0xC2 && lead <= 0xDF)
        return left >= 2 && isContinuation(p[1]) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (left < 3 || !isContinuation(p[2]))
            return 0;
        const uchar low = lead == 0xE0 ? 0xA0 : 0x80;
        const uchar high = lead == 0xED ? 0x9F : 0xBF;
        return p[1] >= low && p[1] <= high ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (left < 4 || !isContinuation(p[2]) || !isContinuation(p[3]))
            return 0;
        const uchar low = lead == 0xF0 ? 0x90 : 0x80;
        const uchar high = lead == 0xF4 ? 0x8F : 0xBF;
        return p[1] >= low && p[1] <= high ? 4 : 0;
    }
    return 0;
}

// Appends the UTF-16 of a validated string's raw bytes (escapes and UTF-8).
void decodeString(const char *p, const char *end, JsonTape::StringBuffer &out)
{
    while (p < end) {
        const uchar c = uchar(*p);
        if (c == '\\') {
            const char escape = p[1];
            p += 2;
            switch (escape) {
            case 'b':
                out.append(u'\b');
                break;
            case 'f':
                out.append(u'\f');
                break;
            case 'n':
                out.append(u'\n');
                break;
            case 'r':
                out.append(u'\r');
                break;
            case 't':
                out.append(u'\t');
                break;
            case 'u':
                out.append(char16_t(hex4(p)));
                p += 4;
                break;
            default: // '"', '\\', '/'
                out.append(char16_t(escape));
                break;
            }
        } else if (c < 0x80) {
            out.append(char16_t(c));
            ++p;
        } else {
            const int length = utf8SequenceLength(
                reinterpret_cast<const uchar *>(p), reinterpret_cast<const uchar *>(end));
            char32_t code = c & (0xFF >> (length + 1));
            for (int i = 1; i < length; ++i)
                code = (code << 6) | (uchar(p[i]) & 0x3F);
            if (code >= 0x10000) {
                code -= 0x10000;
                out.append(char16_t(0xD800 + (code >> 10)));
                out.append(char16_t(0xDC00 + (code & 0x3FF)));
            } else {
                out.append(char16_t(code));
            }
            p += length;
        }
    }
}

} // namespace

// Recursive descent over the text, appending nodes in document order.
class JsonTapeParser final
{
public:
    JsonTapeParser(const QByteArray &text, std::vector<JsonTape::Node> &nodes)
        : m_begin(text.constData())
        , m_p(text.constData())
        , m_end(text.constData() + text.size())
        , m_nodes(nodes)
    { }

    bool parseDocument()
    {
        skipSpace();
        if (m_p == m_end || *m_p != '{')
            return false;
        if (!parseValue(0))
            return false;
        skipSpace();
        return m_p == m_end;
    }

private:
    using Node = JsonTape::Node;

    void skipSpace()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
    }

    quint32 append(JsonTape::Type type)
    {
        Node node;
        node.type = type;
        m_nodes.push_back(node);
        return quint32(m_nodes.size() - 1);
    }

    void close(quint32 index) { m_nodes[index].next = quint32(m_nodes.size()); }

    bool parseValue(int depth)
    {
        if (m_p == m_end)
            return false;
        switch (*m_p) {
        case '{':
            return parseContainer(JsonTape::Type::Object, depth + 1);
        case '[':
            return parseContainer(JsonTape::Type::Array, depth + 1);
        case '"':
            return parseString();
        case 't':
            return parseLiteral("true", JsonTape::Type::Bool, JsonTape::BoolTrue);
        case 'f':
            return parseLiteral("false", JsonTape::Type::Bool, 0);
        case 'n':
            return parseLiteral("null", JsonTape::Type::Null, 0);
        default:
            return parseNumber();
        }
    }

    bool parseLiteral(const char *word, JsonTape::Type type, quint8 flags)
    {
        const qsizetype length = qsizetype(std::strlen(word));
        if (m_end - m_p < length || std::memcmp(m_p, word, size_t(length)) != 0)
            return false;
        m_p += length;
        const quint32 index = append(type);
        m_nodes[index].flags = flags;
        close(index);
        return true;
    }

    // An object or an array: its members or elements, then its end.
    bool parseContainer(JsonTape::Type type, int depth)
    {
        if (depth > maxDepth)
            return false;
        const bool object = type == JsonTape::Type::Object;
        const char closing = object ? '}' : ']';
        const quint32 index = append(type);
        ++m_p; // '{' or '['
        skipSpace();
        quint32 count = 0;
        if (m_p < m_end && *m_p == closing) {
            ++m_p;
        } else {
            for (;;) {
                if (object && !parseMemberName())
                    return false;
                if (!parseValue(depth))
                    return false;
                ++count;
                skipSpace();
                if (m_p == m_end)
                    return false;
                const char separator = *m_p++;
                if (separator == closing)
                    break;
                if (separator != ',')
                    return false;
                skipSpace();
            }
        }
        m_nodes[index].u.count = count;
        close(index);
        return true;
    }

    // A member's name and the colon after it.
    bool parseMemberName()
    {
        if (m_p == m_end || *m_p != '"' || !parseString())
            return false;
        skipSpace();
        if (m_p == m_end || *m_p != ':')
            return false;
        ++m_p;
        skipSpace();
        return true;
    }

    bool parseString()
    {
        ++m_p; // '"'
        const char *start = m_p;
        quint8 flags = 0;
        for (;;) {
            // The common case, printable ASCII, in a tight loop.
            while (m_p < m_end) {
                const uchar c = uchar(*m_p);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                    break;
                ++m_p;
            }
            if (m_p == m_end)
                return false;
            const uchar c = uchar(*m_p);
            if (c == '"')
                break;
            if (c < 0x20)
                return false;
            if (c == '\\') {
                flags |= JsonTape::Escaped;
                if (!skipEscape())
                    return false;
                continue;
            }
            flags |= JsonTape::NonAscii;
            const int length = utf8SequenceLength(
                reinterpret_cast<const uchar *>(m_p), reinterpret_cast<const uchar *>(m_end));
            if (length == 0)
                return false;
            m_p += length;
        }
        const quint32 index = append(JsonTape::Type::String);
        Node &node = m_nodes[index];
        node.flags = flags;
        node.u.text.offset = quint32(start - m_begin);
        node.u.text.length = quint32(m_p - start);
        close(index);
        ++m_p; // '"'
        return true;
    }

    // At a backslash: one of JSON's escapes, a \u escape of a surrogate only
    // as a high one followed by a low one.
    bool skipEscape()
    {
        if (m_end - m_p < 2)
            return false;
        const char escape = m_p[1];
        if (escape != 'u') {
            if (!std::strchr("\"\\/bfnrt", escape) || escape == '\0')
                return false;
            m_p += 2;
            return true;
        }
        if (m_end - m_p < 6)
            return false;
        const int code = hex4(m_p + 2);
        if (code < 0)
            return false;
        m_p += 6;
        if (code >= 0xDC00 && code <= 0xDFFF)
            return false;
        if (code >= 0xD800 && code <= 0xDBFF) {
            if (m_end - m_p < 6 || m_p[0] != '\\' || m_p[1] != 'u')
                return false;
            const int low = hex4(m_p + 2);
            if (low < 0xDC00 || low > 0xDFFF)
                return false;
            m_p += 6;
        }
        return true;
    }

    bool parseNumber()
    {
        const char *start = m_p;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return false;
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        bool whole = true;
        if (m_p < m_end && *m_p == '.') {
            whole = false;
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return false;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            whole = false;
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return false;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        const quint32 index = append(JsonTape::Type::Number);
        if (whole) {
            qint64 integer = 0;
            const auto [end, error] = std::from_chars(start, m_p, integer);
            if (error == std::errc() && end == m_p) {
                m_nodes[index].flags = JsonTape::Integer;
                m_nodes[index].u.integer = integer;
                close(index);
                return true;
            }
        }
        double real = 0;
        const auto [end, error] = std::from_chars(start, m_p, real);
        if (error != std::errc() || end != m_p || !std::isfinite(real))
            return false;
        // Underflow to zero or to a subnormal: left to QJsonDocument.
        if (std::fabs(real) < std::numeric_limits<double>::min() && hasNonZeroDigit(start, m_p))
            return false;
        // Like QJsonDocument, a whole number in qint64's range is an integer,
        // however it is written (1.0, 1e2, -9223372036854775809).
        if (real >= -9223372036854775808.0 && real < 9223372036854775808.0 && std::trunc(real) == real) {
            m_nodes[index].flags = JsonTape::Integer;
            m_nodes[index].u.integer = qint64(real);
            close(index);
            return true;
        }
        m_nodes[index].u.real = real;
        close(index);
        return true;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    std::vector<Node> &m_nodes;
};

std::optional<JsonTape> JsonTape::parse(const QByteArray &text)
{
    if (text.size() >= qsizetype(std::numeric_limits<quint32>::max()))
        return std::nullopt;
    JsonTape tape;
    tape.m_text = text;
    // About one value for every 12 bytes of a page of servers.
    tape.m_nodes.reserve(size_t(text.size() / 12 + 16));
    JsonTapeParser parser(tape.m_text, tape.m_nodes);
    if (!parser.parseDocument())
        return std::nullopt;
    return tape;
}

JsonTape::Type JsonTape::Value::type() const
{
    return m_tape->node(m_index).type;
}

bool JsonTape::Value::toBool() const
{
    const Node &n = m_tape->node(m_index);
    return n.type == Type::Bool && (n.flags & BoolTrue);
}

bool JsonTape::Value::isInteger() const
{
    const Node &n = m_tape->node(m_index);
    return n.type == Type::Number && (n.flags & Integer);
}

qint64 JsonTape::Value::toInteger() const
{
    return m_tape->node(m_index).u.integer;
}

double JsonTape::Value::toDouble() const
{
    const Node &n = m_tape->node(m_index);
    if (n.type != Type::Number)
        return 0;
    return (n.flags & Integer) ? double(n.u.integer) : n.u.real;
}

QString JsonTape::Value::toString() const
{
    const Node &n = m_tape->node(m_index);
    if (n.type != Type::String)
        return QString();
    const char *text = m_tape->m_text.constData() + n.u.text.offset;
    if (n.flags == 0)
        return QString::fromLatin1(text, qsizetype(n.u.text.length));
    if (n.flags == NonAscii)
        return QString::fromUtf8(text, qsizetype(n.u.text.length));
    StringBuffer buffer;
    decodeString(text, text + n.u.text.length, buffer);
    return QString(reinterpret_cast<const QChar *>(buffer.constData()), buffer.size());
}

QStringView JsonTape::Value::toStringView(StringBuffer &buffer) const
{
    buffer.clear();
    const Node &n = m_tape->node(m_index);
    if (n.type != Type::String)
        return QStringView();
    const char *text = m_tape->m_text.constData() + n.u.text.offset;
    if (n.flags == 0) {
        buffer.resize(qsizetype(n.u.text.length));
        for (quint32 i = 0; i < n.u.text.length; ++i)
            buffer[i] = char16_t(uchar(text[i]));
    } else {
        decodeString(text, text + n.u.text.length, buffer);
    }
    return QStringView(buffer.constData(), buffer.size());
}

bool JsonTape::Value::equals(QLatin1StringView key) const
{
    const Node &n = m_tape->node(m_index);
    if (n.type != Type::String)
        return false;
    const char *text = m_tape->m_text.constData() + n.u.text.offset;
    if (n.flags == 0) {
        return qsizetype(n.u.text.length) == key.size()
            && std::memcmp(text, key.data(), size_t(key.size())) == 0;
    }
    StringBuffer buffer;
    return toStringView(buffer) == key;
}

qsizetype JsonTape::Value::size() const
{
    const Node &n = m_tape->node(m_index);
    return n.type == Type::Array || n.type == Type::Object ? qsizetype(n.u.count) : 0;
}

JsonTape::Value JsonTape::Value::firstChild() const
{
    const Node &n = m_tape->node(m_index);
    if ((n.type != Type::Array && n.type != Type::Object) || n.u.count == 0)
        return Value();
    return Value(m_tape, m_index + 1, n.next);
}

JsonTape::Value JsonTape::Value::next() const
{
    const quint32 index = m_tape->node(m_index).next;
    if (index >= m_end)
        return Value();
    return Value(m_tape, index, m_end);
}

JsonTape::Value JsonTape::Value::member(QLatin1StringView key) const
{
    Value found;
    if (type() != Type::Object)
        return found;
    for (Value name = firstChild(); name.isValid();) {
        const Value value = name.next();
        if (name.equals(key))
            found = value;
        name = value.next();
    }
    return found;
}

} // namespace mgn
