#include "models/json/JsonTextWriter.h"

#include "models/json/Iso8601.h"

namespace mgn {

namespace {

char hexDigit(uint value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

// QJsonDocument's escapes: \" \\ \b \f \n \r \t, \u00XX for the other
// control characters; everything else as UTF-8.
void appendEscapedAscii(QByteArray &out, char16_t c)
{
    out.append('\\');
    switch (c) {
    case u'"':
        out.append('"');
        break;
    case u'\\':
        out.append('\\');
        break;
    case 0x8:
        out.append('b');
        break;
    case 0xc:
        out.append('f');
        break;
    case 0xa:
        out.append('n');
        break;
    case 0xd:
        out.append('r');
        break;
    case 0x9:
        out.append('t');
        break;
    default:
        out.append("u00", 3);
        out.append(hexDigit(c >> 4));
        out.append(hexDigit(c & 0xf));
    }
}

bool needsEscape(char16_t c)
{
    return c < 0x20 || c == u'"' || c == u'\\';
}

} // namespace

JsonTextWriter::JsonTextWriter(QByteArray &out, Format format, int baseIndent)
    : m_out(out)
    , m_indented(format == Format::Indented)
    , m_baseIndent(baseIndent)
{
    m_levels.reserve(16);
}

void JsonTextWriter::indent(qsizetype depth)
{
    m_out.append(4 * (depth + m_baseIndent), ' ');
}

void JsonTextWriter::separate(Level &level)
{
    if (!level.empty)
        m_out.append(m_indented ? ",\n" : ",", m_indented ? 2 : 1);
    level.empty = false;
}

void JsonTextWriter::beforeValue()
{
    if (m_levels.empty() || m_levels.back().object)
        return; // the top level, or a member's value: its key has done it
    separate(m_levels.back());
    if (m_indented)
        indent(qsizetype(m_levels.size()));
}

void JsonTextWriter::openContainer(char bracket, bool object)
{
    beforeValue();
    m_out.append(bracket);
    if (m_indented)
        m_out.append('\n');
    Level level;
    level.object = object;
    m_levels.push_back(level);
}

void JsonTextWriter::closeContainer(char bracket)
{
    Q_ASSERT(!m_levels.empty());
    const bool empty = m_levels.back().empty;
    m_levels.pop_back();
    if (m_indented) {
        if (!empty)
            m_out.append('\n');
        indent(qsizetype(m_levels.size()));
    }
    m_out.append(bracket);
    if (m_indented && m_levels.empty())
        m_out.append('\n');
}

void JsonTextWriter::beginObject()
{
    openContainer('{', true);
}

void JsonTextWriter::endObject()
{
    Q_ASSERT(m_levels.back().object);
    closeContainer('}');
}

void JsonTextWriter::beginArray()
{
    openContainer('[', false);
}

void JsonTextWriter::endArray()
{
    Q_ASSERT(!m_levels.back().object);
    closeContainer(']');
}

void JsonTextWriter::key(QLatin1StringView key)
{
    Q_ASSERT(!m_levels.empty() && m_levels.back().object);
#ifndef QT_NO_DEBUG
    Q_ASSERT_X(m_levels.back().empty || m_levels.back().lastKey < key, "JsonTextWriter::key",
        "members must come in key order");
    m_levels.back().lastKey = key;
#endif
    separate(m_levels.back());
    if (m_indented)
        indent(qsizetype(m_levels.size()));
    m_out.append('"');
    escaped(key);
    m_out.append(m_indented ? "\": " : "\":", m_indented ? 3 : 2);
}

void JsonTextWriter::key(QStringView key)
{
    Q_ASSERT(!m_levels.empty() && m_levels.back().object);
#ifndef QT_NO_DEBUG
    Q_ASSERT_X(m_levels.back().empty || m_levels.back().lastKey < key, "JsonTextWriter::key",
        "members must come in key order");
    m_levels.back().lastKey = key.toString();
#endif
    separate(m_levels.back());
    if (m_indented)
        indent(qsizetype(m_levels.size()));
    m_out.append('"');
    escaped(key);
    m_out.append(m_indented ? "\": " : "\":", m_indented ? 3 : 2);
}

void JsonTextWriter::value(QStringView text)
{
    beforeValue();
    m_out.append('"');
    escaped(text);
    m_out.append('"');
}

void JsonTextWriter::value(QLatin1StringView text)
{
    beforeValue();
    m_out.append('"');
    escaped(text);
    m_out.append('"');
}

void JsonTextWriter::value(bool value)
{
    beforeValue();
    if (value)
        m_out.append("true", 4);
    else
        m_out.append("false", 5);
}

void JsonTextWriter::value(qint64 value)
{
    beforeValue();
    // The digits backwards into a buffer: no allocation, as QByteArray::number.
    char digits[24];
    char *end = digits + sizeof(digits);
    char *cursor = end;
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    do {
        *--cursor = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0)
        *--cursor = '-';
    m_out.append(cursor, end - cursor);
}

void JsonTextWriter::escaped(QLatin1StringView text)
{
    const char *cursor = text.data();
    const char *const end = cursor + text.size();
    while (cursor != end) {
        // Runs of plain ASCII in one append.
        const char *run = cursor;
        while (cursor != end && uchar(*cursor) < 0x80 && !needsEscape(uchar(*cursor)))
            ++cursor;
        m_out.append(run, cursor - run);
        if (cursor == end)
            break;
        const uchar c = uchar(*cursor++);
        if (c < 0x80) {
            appendEscapedAscii(m_out, c);
        } else {
            m_out.append(char(0xc0 | (c >> 6)));
            m_out.append(char(0x80 | (c & 0x3f)));
        }
    }
}

void JsonTextWriter::escaped(QStringView text)
{
    const char16_t *cursor = text.utf16();
    const char16_t *const end = cursor + text.size();
    while (cursor != end) {
        const char16_t *run = cursor;
        while (cursor != end && *cursor < 0x80 && !needsEscape(*cursor))
            ++cursor;
        if (cursor != run) {
            const qsizetype start = m_out.size();
            m_out.resize(start + (cursor - run));
            char *to = m_out.data() + start;
            for (const char16_t *from = run; from != cursor; ++from)
                *to++ = char(*from);
        }
        if (cursor == end)
            break;
        const char16_t c = *cursor++;
        if (c < 0x80) {
            appendEscapedAscii(m_out, c);
        } else if (c < 0x800) {
            m_out.append(char(0xc0 | (c >> 6)));
            m_out.append(char(0x80 | (c & 0x3f)));
        } else if (!QChar::isSurrogate(c)) {
            m_out.append(char(0xe0 | (c >> 12)));
            m_out.append(char(0x80 | ((c >> 6) & 0x3f)));
            m_out.append(char(0x80 | (c & 0x3f)));
        } else if (QChar::isHighSurrogate(c) && cursor != end && QChar::isLowSurrogate(*cursor)) {
            const char32_t ucs4 = QChar::surrogateToUcs4(c, *cursor++);
            m_out.append(char(0xf0 | (ucs4 >> 18)));
            m_out.append(char(0x80 | ((ucs4 >> 12) & 0x3f)));
            m_out.append(char(0x80 | ((ucs4 >> 6) & 0x3f)));
            m_out.append(char(0x80 | (ucs4 & 0x3f)));
        } else {
            // A lone surrogate is no UTF-8: QJsonDocument writes it as \uXXXX.
            m_out.append("\\u", 2);
            m_out.append(hexDigit((c >> 12) & 0xf));
            m_out.append(hexDigit((c >> 8) & 0xf));
            m_out.append(hexDigit((c >> 4) & 0xf));
            m_out.append(hexDigit(c & 0xf));
        }
    }
}

void JsonTextWriter::string(QLatin1StringView name, const std::optional<QString> &value)
{
    if (!value)
        return;
    key(name);
    this->value(QStringView(*value));
}

void JsonTextWriter::boolean(QLatin1StringView name, const std::optional<bool> &value)
{
    if (!value)
        return;
    key(name);
    this->value(*value);
}

void JsonTextWriter::integer(QLatin1StringView name, const std::optional<qint64> &value)
{
    if (!value)
        return;
    key(name);
    this->value(*value);
}

void JsonTextWriter::dateTime(QLatin1StringView name, const std::optional<qint64> &value)
{
    if (!value)
        return;
    key(name);
    this->value(QStringView(Iso8601::formatDateTime(*value)));
}

void JsonTextWriter::duration(QLatin1StringView name, const std::optional<qint64> &value)
{
    if (!value)
        return;
    key(name);
    this->value(QStringView(Iso8601::formatDuration(*value)));
}

void JsonTextWriter::stringList(QLatin1StringView name, const std::optional<QStringList> &value)
{
    if (!value)
        return;
    key(name);
    beginArray();
    for (const QString &text : *value)
        this->value(QStringView(text));
    endArray();
}

void JsonTextWriter::stringMap(QLatin1StringView name, const std::optional<QMap<QString, QString>> &value)
{
    if (!value)
        return;
    key(name);
    beginObject();
    for (auto it = value->cbegin(); it != value->cend(); ++it) {
        key(QStringView(it.key()));
        this->value(QStringView(it.value()));
    }
    endObject();
}

} // namespace mgn
