#include "models/json/JsonTape.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <simdjson.h>
#include <string_view>

namespace mgn {

namespace {

constexpr size_t maxDepth = 256;

// Above this, a text is parsed by a parser of its own, freed after it, rather
// than growing the thread's parser for good (simdjson's buffers take several
// times the text).
constexpr qsizetype cachedParserCapacity = 16 * 1024 * 1024;

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isNumberChar(char c)
{
    return isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
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

// simdjson reads a number that underflows (1e-400) as 0, where
// QJsonDocument does not: when the tape has a zero double, the text's numbers
// outside strings are read again to find one.
bool hasUnderflowingNumber(const char *p, const char *end)
{
    bool inString = false;
    while (p < end) {
        const char c = *p;
        if (inString) {
            if (c == '\\') {
                p += 2;
                continue;
            }
            inString = c != '"';
            ++p;
            continue;
        }
        if (c == '"') {
            inString = true;
            ++p;
            continue;
        }
        if (c != '-' && !isDigit(c)) {
            ++p;
            continue;
        }
        const char *start = p;
        while (p < end && isNumberChar(*p))
            ++p;
        if (!hasNonZeroDigit(start, p))
            continue;
        double value = 0;
        const auto [last, error] = std::from_chars(start, p, value);
        if (error != std::errc() || last != p || std::fabs(value) < std::numeric_limits<double>::min())
            return true;
    }
    return false;
}

bool isAscii(const char *p, size_t length)
{
    quint64 bits = 0;
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        quint64 word;
        std::memcpy(&word, p + i, sizeof word);
        bits |= word;
    }
    for (; i < length; ++i)
        bits |= uchar(p[i]);
    return (bits & 0x8080808080808080ULL) == 0;
}

// Appends the UTF-16 of a string's unescaped, valid UTF-8 bytes.
void decodeUtf8(const char *p, const char *end, JsonTape::StringBuffer &out)
{
    while (p < end) {
        const uchar c = uchar(*p);
        if (c < 0x80) {
            out.append(char16_t(c));
            ++p;
            continue;
        }
        const int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
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

// simdjson reads up to SIMDJSON_PADDING bytes past a text, which a QByteArray
// does not promise: texts are copied into a buffer with room for them.
struct ThreadParser final {
    simdjson::dom::parser parser;
    std::vector<char> padded;

    simdjson::simdjson_result<simdjson::dom::element> parse(const QByteArray &text)
    {
        const size_t size = size_t(text.size());
        if (padded.size() < size + simdjson::SIMDJSON_PADDING)
            padded.resize(size + simdjson::SIMDJSON_PADDING);
        std::memcpy(padded.data(), text.constData(), size);
        if (parser.capacity() < size || parser.max_depth() != maxDepth) {
            if (const simdjson::error_code error = parser.allocate(size, maxDepth))
                return error;
        }
        return parser.parse(padded.data(), size, false);
    }
};

} // namespace

// simdjson's DOM (which validates the text: structure, UTF-8, escapes,
// surrogates, control characters, numbers, depth) copied into the tape's
// nodes, strings unescaped into the tape's own text.
class JsonTapeParser final
{
public:
    explicit JsonTapeParser(JsonTape &tape)
        : m_tape(tape)
        , m_text(tape.m_text.data())
    { }

    bool append(simdjson::dom::element element)
    {
        using Type = JsonTape::Type;
        switch (element.type()) {
        case simdjson::dom::element_type::OBJECT: {
            const quint32 index = appendNode(Type::Object);
            quint32 count = 0;
            for (const simdjson::dom::key_value_pair member : simdjson::dom::object(element)) {
                appendString(member.key);
                if (!append(member.value))
                    return false;
                ++count;
            }
            close(index, count);
            return true;
        }
        case simdjson::dom::element_type::ARRAY: {
            const quint32 index = appendNode(Type::Array);
            quint32 count = 0;
            for (const simdjson::dom::element child : simdjson::dom::array(element)) {
                if (!append(child))
                    return false;
                ++count;
            }
            close(index, count);
            return true;
        }
        case simdjson::dom::element_type::STRING:
            appendString(std::string_view(element));
            return true;
        case simdjson::dom::element_type::INT64:
            appendInteger(int64_t(element));
            return true;
        case simdjson::dom::element_type::UINT64:
            // Only those past qint64's range are UINT64: doubles, as in Qt.
            return appendDouble(double(uint64_t(element)));
        case simdjson::dom::element_type::DOUBLE:
            return appendDouble(double(element));
        case simdjson::dom::element_type::BOOL:
            appendNode(Type::Bool, bool(element) ? JsonTape::BoolTrue : 0);
            return true;
        case simdjson::dom::element_type::NULL_VALUE:
            appendNode(Type::Null);
            return true;
        }
        return false;
    }

    qsizetype textSize() const { return m_textSize; }
    bool sawZeroDouble() const { return m_sawZeroDouble; }

private:
    using Node = JsonTape::Node;

    quint32 appendNode(JsonTape::Type type, quint8 flags = 0)
    {
        const quint32 index = quint32(m_tape.m_nodes.size());
        Node &node = m_tape.m_nodes.emplace_back();
        node.type = type;
        node.flags = flags;
        node.next = index + 1;
        return index;
    }

    void close(quint32 index, quint32 count)
    {
        Node &node = m_tape.m_nodes[index];
        node.u.count = count;
        node.next = quint32(m_tape.m_nodes.size());
    }

    void appendString(std::string_view text)
    {
        std::memcpy(m_text + m_textSize, text.data(), text.size());
        const quint32 index
            = appendNode(JsonTape::Type::String, isAscii(text.data(), text.size()) ? 0 : JsonTape::NonAscii);
        Node &node = m_tape.m_nodes[index];
        node.u.text.offset = quint32(m_textSize);
        node.u.text.length = quint32(text.size());
        m_textSize += qsizetype(text.size());
    }

    void appendInteger(qint64 value)
    {
        const quint32 index = appendNode(JsonTape::Type::Number, JsonTape::Integer);
        m_tape.m_nodes[index].u.integer = value;
    }

    bool appendDouble(double real)
    {
        if (real == 0)
            m_sawZeroDouble = true;
        // A subnormal: left to QJsonDocument.
        else if (std::fabs(real) < std::numeric_limits<double>::min())
            return false;
        // Like QJsonDocument, a whole number in qint64's range is an integer,
        // however it is written (1.0, 1e2).
        if (real >= -9223372036854775808.0 && real < 9223372036854775808.0 && std::trunc(real) == real) {
            appendInteger(qint64(real));
            return true;
        }
        const quint32 index = appendNode(JsonTape::Type::Number);
        m_tape.m_nodes[index].u.real = real;
        return true;
    }

    JsonTape &m_tape;
    char *m_text;
    qsizetype m_textSize = 0;
    bool m_sawZeroDouble = false;
};

std::optional<JsonTape> JsonTape::parse(const QByteArray &text)
{
    if (text.size() >= qsizetype(std::numeric_limits<quint32>::max()))
        return std::nullopt;
    // An object at the top level, nothing before it (a byte order mark).
    const char *p = text.constData();
    const char *end = p + text.size();
    while (p < end && isSpace(*p))
        ++p;
    if (p == end || *p != '{')
        return std::nullopt;

    thread_local ThreadParser cached;
    ThreadParser own;
    ThreadParser &parser = text.size() <= cachedParserCapacity ? cached : own;
    simdjson::dom::element root;
    if (parser.parse(text).get(root))
        return std::nullopt;

    JsonTape tape;
    // Unescaped strings are never longer than the text.
    tape.m_text.resize(text.size());
    // About one value for every 12 bytes of a page of servers.
    tape.m_nodes.reserve(size_t(text.size() / 12 + 16));
    JsonTapeParser builder(tape);
    if (!builder.append(root))
        return std::nullopt;
    if (builder.sawZeroDouble() && hasUnderflowingNumber(text.constData(), end))
        return std::nullopt;
    tape.m_text.truncate(builder.textSize());
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
    return QString::fromUtf8(text, qsizetype(n.u.text.length));
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
        decodeUtf8(text, text + n.u.text.length, buffer);
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
