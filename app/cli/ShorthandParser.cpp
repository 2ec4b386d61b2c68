#include "app/cli/ShorthandParser.h"

#include "app/cli/ParamFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace mgn {

using namespace Qt::Literals::StringLiterals;
using api::Shape;
using api::ShapeType;

namespace {

// Python's str.isspace() (what \s and rstrip() match in Python 3).
bool isPythonSpace(char32_t c)
{
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
        || c == 0x3000;
}

QString pythonRstrip(const QString &text)
{
    qsizetype end = text.size();
    while (end > 0 && isPythonSpace(text.at(end - 1).unicode()))
        --end;
    return text.left(end);
}

QString pythonStrip(const QString &text)
{
    qsizetype start = 0;
    while (start < text.size() && isPythonSpace(text.at(start).unicode()))
        ++start;
    return pythonRstrip(text.mid(start));
}

// The character classes of shorthand.py, with \s spelled out as Python's.
#define MGN_PY_SPACE                                                                                         \
    u"\\x{9}-\\x{d}\\x{1c}-\\x{20}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{" \
    u"205f}\\x{3000}"
#define MGN_START_WORD                                                                                       \
    u"\\x{21}\\x{23}-\\x{26}\\x{28}-\\x{2b}\\x{2d}-\\x{3c}\\x{3e}-\\x{5a}\\x{5c}-\\x{7a}\\x{7c}-\\x{ffff}"
#define MGN_FIRST_FOLLOW                                                                                     \
    MGN_PY_SPACE u"\\x{21}\\x{23}-\\x{26}\\x{28}-\\x{2b}\\x{2d}-\\x{5c}\\x{5e}-\\x{7c}\\x{7e}-\\x{ffff}"
#define MGN_SECOND_FOLLOW                                                                                    \
    MGN_PY_SPACE u"\\x{21}\\x{23}-\\x{26}\\x{28}-\\x{2b}\\x{2d}-\\x{3c}\\x{3e}-\\x{ffff}"

struct NamedRegex final {
    QString name;
    QRegularExpression regex;
};

const NamedRegex &singleQuoted()
{
    static const NamedRegex r { u"singled quoted"_s, QRegularExpression(uR"('(?:\\'|[^'])*')"_s) };
    return r;
}

const NamedRegex &doubleQuoted()
{
    static const NamedRegex r { u"double quoted"_s, QRegularExpression(uR"("(?:\\"|[^"])*")"_s) };
    return r;
}

const NamedRegex &firstValue()
{
    static const NamedRegex r { u"first"_s,
        QRegularExpression(u"((\\\\,)|[" MGN_START_WORD u"])((\\\\,)|[" MGN_FIRST_FOLLOW u"])*"_s) };
    return r;
}

const NamedRegex &secondValue()
{
    static const NamedRegex r { u"second"_s,
        QRegularExpression(u"((\\\\,)|[" MGN_START_WORD u"])((\\\\,)|[" MGN_SECOND_FOLLOW u"])*"_s) };
    return r;
}

#undef MGN_PY_SPACE
#undef MGN_START_WORD
#undef MGN_FIRST_FOLLOW
#undef MGN_SECOND_FOLLOW

qsizetype codePoints(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++count;
    }
    return count;
}

// ShorthandParseError._error_location: the input with a caret under `index`.
QString errorLocation(const QString &value, qsizetype index)
{
    QString consumed = value;
    QString remaining;
    qsizetype spaces = codePoints(QStringView(value).left(index));
    const qsizetype lastNewline = value.left(index).lastIndexOf(u'\n');
    if (lastNewline >= 0)
        spaces = codePoints(QStringView(value).mid(lastNewline + 1, index - lastNewline - 1));
    const qsizetype nextNewline = value.indexOf(u'\n', index);
    if (nextNewline >= 0) {
        consumed = value.left(nextNewline);
        remaining = value.mid(nextNewline);
    }
    return consumed + u'\n' + QString(spaces, u' ') + u'^' + remaining;
}

enum class Failure { None, Syntax, Duplicate, Resource };

// shorthand.ShorthandParser, method for method. A failure is a state rather
// than an exception; the one place the CLI catches a syntax error (a value
// list that turns out to be the next key) clears it and backtracks.
class Parser final
{
public:
    explicit Parser(const QString &input)
        : m_input(input)
    { }

    std::optional<QJsonObject> parse(ShorthandParser::Error *error)
    {
        const QJsonObject params = parameter();
        if (m_failure != Failure::None) {
            *error = { m_message, m_failure != Failure::Resource };
            return std::nullopt;
        }
        return params;
    }

private:
    static constexpr int eofChar = -1;

    bool failed() const { return m_failure != Failure::None; }
    bool atEof() const { return m_index >= m_input.size(); }
    int current() const { return atEof() ? eofChar : int(m_input.at(m_index).unicode()); }

    void syntaxError(const QString &expected, const QString &actual)
    {
        m_failure = Failure::Syntax;
        // awscli 1.45.11 prints "{self._error_location()}" here instead of the
        // location (an f-string prefix missing on the second part); this prints
        // the location, as DuplicateKeyInObjectError and older versions do.
        m_message = u"Expected: '%1', received: '%2' for input:\n%3"_s.arg(
            expected, actual, errorLocation(m_input, m_index));
    }

    void consumeWhitespace()
    {
        // string.whitespace: ASCII only.
        while (!atEof() && QStringView(u" \t\n\r\x0b\x0c").contains(m_input.at(m_index)))
            ++m_index;
    }

    void expect(QChar c, bool whitespace = false)
    {
        if (whitespace)
            consumeWhitespace();
        if (atEof())
            return syntaxError(QString(c), u"EOF"_s);
        if (m_input.at(m_index) != c) {
            const bool pair = m_input.at(m_index).isHighSurrogate() && m_index + 1 < m_input.size()
                && m_input.at(m_index + 1).isLowSurrogate();
            return syntaxError(QString(c), m_input.mid(m_index, pair ? 2 : 1));
        }
        ++m_index;
        if (whitespace)
            consumeWhitespace();
    }

    // Tries `c`, keeping the whitespace it skipped, as the CLI's try/except does.
    bool tryExpect(QChar c)
    {
        expect(c, true);
        if (m_failure == Failure::Syntax) {
            m_failure = Failure::None;
            return false;
        }
        return true;
    }

    std::optional<QString> consumeRegex(const NamedRegex &regex, bool must)
    {
        const QRegularExpressionMatch match = regex.regex.match(
            m_input, m_index, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch()) {
            if (must)
                syntaxError(u'<' + regex.name + u'>', u"<none>"_s);
            return std::nullopt;
        }
        m_index = match.capturedEnd();
        return match.captured();
    }

    QString resolveParamFiles(const QString &value)
    {
        if (!m_resolveParamFiles)
            return value;
        QString error;
        const std::optional<QString> contents = ParamFile::load(value, &error);
        if (!error.isEmpty()) {
            m_failure = Failure::Resource;
            m_message = error;
            return value;
        }
        return contents.value_or(value);
    }

    QJsonObject parameter()
    {
        QJsonObject params;
        auto [key, value] = keyval();
        if (failed())
            return {};
        params.insert(key, value);
        qsizetype lastIndex = m_index;
        while (m_index < m_input.size()) {
            expect(u',', true);
            if (failed())
                return {};
            auto [nextKey, nextValue] = keyval();
            if (failed())
                return {};
            if (params.contains(nextKey)) {
                m_failure = Failure::Duplicate;
                m_message
                    = u"Second instance of key \"%1\" encountered for input:\n%2\nThis is often because "
                      u"there is a preceding \",\" instead of a space."_s.arg(
                          nextKey, errorLocation(m_input, lastIndex + 1));
                return {};
            }
            params.insert(nextKey, nextValue);
            lastIndex = m_index;
        }
        return params;
    }

    std::pair<QString, QJsonValue> keyval()
    {
        const QString k = key();
        m_resolveParamFiles = tryExpect(u'@');
        expect(u'=', true);
        if (failed())
            return {};
        return { k, values() };
    }

    QString key()
    {
        const qsizetype start = m_index;
        while (!atEof()) {
            const QChar c = m_input.at(m_index);
            const bool valid
                = (c.unicode() < 0x80 && c.isLetterOrNumber()) || QStringView(u"-_.#/:").contains(c);
            if (!valid)
                break;
            ++m_index;
        }
        return m_input.mid(start, m_index - start);
    }

    QJsonValue values()
    {
        if (atEof())
            return u""_s;
        if (current() == '[')
            return explicitList();
        if (current() == '{')
            return hashLiteral();
        return csvValue();
    }

    QJsonValue csvValue()
    {
        const QJsonValue first = firstValueOf();
        if (failed())
            return {};
        consumeWhitespace();
        if (atEof() || m_input.at(m_index) != u',')
            return first;
        expect(u',', true);
        QJsonArray list { first };
        while (true) {
            const QJsonValue next = secondValueOf();
            if (!failed()) {
                consumeWhitespace();
                if (atEof()) {
                    list.append(next);
                    break;
                }
                expect(u',', true);
                if (!failed()) {
                    list.append(next);
                    continue;
                }
            }
            if (m_failure != Failure::Syntax || atEof())
                return {};
            // "foo=a,b,c=d": "c" was the next key; back to the comma before it.
            m_failure = Failure::None;
            while (m_index >= 0 && m_input.at(m_index) != u',')
                --m_index;
            break;
        }
        if (list.size() == 1)
            return first;
        return list;
    }

    QString plainValue(const QString &consumed)
    {
        return resolveParamFiles(pythonRstrip(QString(consumed).replace(u"\\,"_s, u","_s)));
    }

    QJsonValue value()
    {
        const std::optional<QString> consumed = consumeRegex(firstValue(), false);
        if (!consumed)
            return u""_s;
        return plainValue(*consumed);
    }

    QJsonValue explicitList()
    {
        expect(u'[', true);
        if (failed())
            return {};
        QJsonArray list;
        while (!failed() && current() != ']') {
            const QJsonValue item = explicitValues();
            if (failed())
                return {};
            list.append(item);
            consumeWhitespace();
            if (current() != ']') {
                expect(u',');
                if (failed())
                    return {};
                consumeWhitespace();
            }
        }
        expect(u']');
        return failed() ? QJsonValue() : QJsonValue(list);
    }

    QJsonValue explicitValues()
    {
        if (current() == '[')
            return explicitList();
        if (current() == '{')
            return hashLiteral();
        return firstValueOf();
    }

    QJsonValue hashLiteral()
    {
        expect(u'{', true);
        if (failed())
            return {};
        QJsonObject object;
        while (!failed() && current() != '}') {
            const QString k = key();
            m_resolveParamFiles = tryExpect(u'@');
            expect(u'=', true);
            if (failed())
                return {};
            const QJsonValue v = explicitValues();
            if (failed())
                return {};
            consumeWhitespace();
            if (current() != '}') {
                expect(u',');
                if (failed())
                    return {};
                consumeWhitespace();
            }
            object.insert(k, v);
        }
        expect(u'}');
        return failed() ? QJsonValue() : QJsonValue(object);
    }

    QJsonValue firstValueOf()
    {
        if (current() == '\'')
            return quoted(singleQuoted(), u'\'');
        if (current() == '"')
            return quoted(doubleQuoted(), u'"');
        return value();
    }

    QJsonValue quoted(const NamedRegex &regex, QChar quote)
    {
        const std::optional<QString> consumed = consumeRegex(regex, true);
        if (!consumed)
            return {};
        QString text = consumed->mid(1, consumed->size() - 2);
        text.replace(u'\\' + QString(quote), QString(quote));
        text.replace(u"\\\\"_s, u"\\"_s);
        return resolveParamFiles(text);
    }

    QJsonValue secondValueOf()
    {
        if (current() == '\'')
            return quoted(singleQuoted(), u'\'');
        if (current() == '"')
            return quoted(doubleQuoted(), u'"');
        const std::optional<QString> consumed = consumeRegex(secondValue(), true);
        if (!consumed)
            return {};
        return plainValue(*consumed);
    }

    QString m_input;
    qsizetype m_index = 0;
    bool m_resolveParamFiles = false;
    Failure m_failure = Failure::None;
    QString m_message;
};

QString pythonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Array:
        return u"list"_s;
    case QJsonValue::Object:
        return u"dict"_s;
    case QJsonValue::Bool:
        return u"bool"_s;
    case QJsonValue::Double:
        return value.toDouble() == std::floor(value.toDouble()) ? u"int"_s : u"float"_s;
    case QJsonValue::String:
        return u"str"_s;
    default:
        return u"NoneType"_s;
    }
}

bool isComplex(const Shape &shape)
{
    return shape.type == ShapeType::Structure || shape.type == ShapeType::List
        || shape.type == ShapeType::Map;
}

// unpack_scalar_cli_arg for a value of a list option.
std::optional<QJsonValue> unpackScalar(const Shape &shape, const QString &word, QString *error)
{
    switch (shape.type) {
    case ShapeType::Integer:
    case ShapeType::Long: {
        const auto number = ShorthandParser::pythonInt(word, error);
        return number ? std::optional<QJsonValue>(QJsonValue(*number)) : std::nullopt;
    }
    case ShapeType::Float:
    case ShapeType::Double: {
        const auto number = ShorthandParser::pythonFloat(word, error);
        return number ? std::optional<QJsonValue>(QJsonValue(*number)) : std::nullopt;
    }
    case ShapeType::Boolean:
        return QJsonValue(word.toLower() != u"false"_s && !word.isEmpty());
    default:
        return QJsonValue(word);
    }
}

} // namespace

std::optional<QJsonObject> ShorthandParser::parse(const QString &text, Error *error)
{
    return Parser(text).parse(error);
}

bool ShorthandParser::supportsShorthand(const Shape &shape)
{
    if (!isComplex(shape))
        return false;
    return shape.type != ShapeType::List || (shape.member && isComplex(*shape.member));
}

bool ShorthandParser::applyModel(QJsonValue &value, const Shape &shape, Error *error, bool topLevel)
{
    switch (shape.type) {
    case ShapeType::Structure: {
        if (!value.isObject())
            return true;
        QJsonObject object = value.toObject();
        for (const api::Member &member : shape.members) {
            if (!object.contains(member.name))
                continue;
            QJsonValue child = object.value(member.name);
            if (!applyModel(child, *member.shape, error, false))
                return false;
            object.insert(member.name, child);
        }
        value = object;
        return true;
    }
    case ShapeType::Map: {
        if (!value.isObject())
            return true;
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            QJsonValue child = it.value();
            if (!applyModel(child, *shape.value, error, false))
                return false;
            it.value() = child;
        }
        value = object;
        return true;
    }
    case ShapeType::List: {
        if (!value.isArray()) {
            // "foo=bar" where the model wants ["bar"]; the option's own value
            // is not wrapped (the CLI wraps it in a parent it throws away).
            if (!topLevel && !value.isNull() && !value.isUndefined())
                value = QJsonArray { value };
            return true;
        }
        QJsonArray list = value.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            QJsonValue child = list.at(i);
            if (!applyModel(child, *shape.member, error, false))
                return false;
            list.replace(i, child);
        }
        value = list;
        return true;
    }
    case ShapeType::Integer:
    case ShapeType::Long: {
        if (value.isDouble())
            return true;
        QString message;
        if (!value.isString())
            message
                = u"int() argument must be a string, a bytes-like object or a real number, not '%1'"_s.arg(
                    pythonTypeName(value));
        else if (const auto number = pythonInt(value.toString(), &message))
            value = QJsonValue(*number);
        if (!message.isEmpty()) {
            *error = { message, false };
            return false;
        }
        return true;
    }
    case ShapeType::Float:
    case ShapeType::Double: {
        if (value.isDouble())
            return true;
        QString message;
        if (!value.isString())
            message = u"float() argument must be a string or a real number, not '%1'"_s.arg(
                pythonTypeName(value));
        else if (const auto number = pythonFloat(value.toString(), &message))
            value = QJsonValue(*number);
        if (!message.isEmpty()) {
            *error = { message, false };
            return false;
        }
        return true;
    }
    case ShapeType::Boolean: {
        if (value.isBool())
            return true;
        if (!value.isString()) {
            *error = { u"'%1' object has no attribute 'lower'"_s.arg(pythonTypeName(value)), false };
            return false;
        }
        // Only "true" and "false" change; anything else is left for validation.
        const QString lower = value.toString().toLower();
        if (lower == u"true"_s)
            value = true;
        else if (lower == u"false"_s)
            value = false;
        return true;
    }
    default:
        return true;
    }
}

std::optional<QJsonValue> ShorthandParser::argumentValue(
    const Shape &shape, const QStringList &givenWords, bool givenIsList, const QString &cliName, Error *error)
{
    auto parameterError = [&](const QString &message) {
        *error = { u"Error parsing parameter '%1': %2"_s.arg(cliName, message), true };
        return std::nullopt;
    };
    QStringList words = givenWords;
    bool isList = givenIsList;

    // load-cli-arg: a parameter file replaces the value, a list's one word too.
    if (!isList || words.size() == 1) {
        QString fileError;
        const std::optional<QString> contents = ParamFile::load(words.value(0), &fileError);
        if (!fileError.isEmpty())
            return parameterError(fileError);
        if (contents) {
            words = { *contents };
            isList = false;
        }
    }

    // process-cli-arg: shorthand, unless the value looks like JSON.
    const QString check = words.value(0);
    const bool looksLikeJson = !(isList && words.isEmpty())
        && (pythonStrip(check).startsWith(u'[') || pythonStrip(check).startsWith(u'{'));
    if (!looksLikeJson && supportsShorthand(shape)) {
        // A structure of one string member "Value" takes the bare value.
        if (shape.type == ShapeType::Structure && shape.members.size() == 1
            && shape.members.first().name == u"Value"_s
            && shape.members.first().shape->type == ShapeType::String && !isList && !check.contains(u'=')) {
            return QJsonValue(QJsonObject { { u"Value"_s, check } });
        }
        QJsonValue parsed;
        Error parseError;
        if (isList) {
            QJsonArray list;
            for (const QString &word : words) {
                const std::optional<QJsonObject> object = parse(word, &parseError);
                if (!object)
                    return parseError.parameterError ? parameterError(parseError.message)
                                                     : (*error = parseError, std::nullopt);
                list.append(*object);
            }
            parsed = list;
        } else {
            const std::optional<QJsonObject> object = parse(check, &parseError);
            if (!object)
                return parseError.parameterError ? parameterError(parseError.message)
                                                 : (*error = parseError, std::nullopt);
            parsed = *object;
        }
        if (!applyModel(parsed, shape, error))
            return std::nullopt;
        return parsed;
    }

    // unpack_cli_arg
    auto json = [&](const QString &text) -> std::optional<QJsonValue> {
        QString jsonError;
        const std::optional<QJsonValue> value = parseJson(text, &jsonError);
        if (!value)
            return parameterError(u"Invalid JSON: %1\nJSON received: %2"_s.arg(jsonError, text));
        return value;
    };
    switch (shape.type) {
    case ShapeType::Structure:
    case ShapeType::Map:
        if (pythonStrip(check).startsWith(u'{'))
            return json(check);
        return parameterError(u"Invalid JSON:\n%1"_s.arg(check));
    case ShapeType::List: {
        if (!isList && pythonStrip(check).startsWith(u'['))
            return json(check);
        if (isList && words.size() == 1 && pythonStrip(check).startsWith(u'['))
            return json(check);
        // A file's text where a list goes: Python iterates its characters.
        QStringList items = words;
        if (!isList) {
            items.clear();
            for (const QChar c : check)
                items.append(QString(c));
        }
        QJsonArray list;
        for (const QString &item : items) {
            std::optional<QJsonValue> element;
            if (isComplex(*shape.member)) {
                if (shape.member->type == ShapeType::List && !pythonStrip(item).startsWith(u'['))
                    return parameterError(words.value(0));
                if (shape.member->type != ShapeType::List && !pythonStrip(item).startsWith(u'{'))
                    return parameterError(u"Invalid JSON:\n%1"_s.arg(item));
                element = json(item);
                if (!element)
                    return std::nullopt;
            } else {
                QString scalarError;
                element = unpackScalar(*shape.member, item, &scalarError);
                if (!element)
                    return parameterError(words.value(0));
            }
            list.append(*element);
        }
        return QJsonValue(list);
    }
    case ShapeType::Integer:
    case ShapeType::Long:
    case ShapeType::Float:
    case ShapeType::Double: {
        QString scalarError;
        const std::optional<QJsonValue> number = unpackScalar(shape, check, &scalarError);
        if (!number)
            *error = { scalarError, false };
        return number;
    }
    case ShapeType::Boolean:
        return QJsonValue(check.toLower() != u"false"_s && !check.isEmpty());
    default:
        return QJsonValue(check);
    }
}

std::optional<qint64> ShorthandParser::pythonInt(const QString &text, QString *error)
{
    const QString stripped = pythonStrip(text);
    qsizetype i = 0;
    bool negative = false;
    if (i < stripped.size() && (stripped.at(i) == u'+' || stripped.at(i) == u'-')) {
        negative = stripped.at(i) == u'-';
        ++i;
    }
    qint64 number = 0;
    bool digits = false;
    bool ok = i < stripped.size();
    for (; ok && i < stripped.size(); ++i) {
        const QChar c = stripped.at(i);
        if (c == u'_' && digits && i + 1 < stripped.size() && stripped.at(i + 1).isDigit())
            continue;
        const int digit = c.digitValue();
        if (!c.isDigit() || digit < 0) {
            ok = false;
            break;
        }
        digits = true;
        number = number * 10 + digit;
    }
    if (!ok || !digits) {
        *error = u"invalid literal for int() with base 10: %1"_s.arg(pythonRepr(text));
        return std::nullopt;
    }
    return negative ? -number : number;
}

std::optional<double> ShorthandParser::pythonFloat(const QString &text, QString *error)
{
    QString stripped = pythonStrip(text).toLower();
    const QString unsignedText
        = stripped.startsWith(u'+') || stripped.startsWith(u'-') ? stripped.mid(1) : stripped;
    const double sign = stripped.startsWith(u'-') ? -1.0 : 1.0;
    if (unsignedText == u"inf"_s || unsignedText == u"infinity"_s)
        return sign * HUGE_VAL;
    if (unsignedText == u"nan"_s)
        return std::nan("");
    static const QRegularExpression number(
        u"^[+-]?(\\d(_?\\d)*)?(\\.(\\d(_?\\d)*)?)?(e[+-]?\\d(_?\\d)*)?$"_s);
    bool ok = number.match(stripped).hasMatch() && stripped.contains(QRegularExpression(u"\\d"_s));
    double value = 0;
    if (ok)
        value = stripped.remove(u'_').toDouble(&ok);
    if (!ok) {
        *error = u"could not convert string to float: %1"_s.arg(pythonRepr(text));
        return std::nullopt;
    }
    return value;
}

QString ShorthandParser::pythonRepr(const QString &text)
{
    const QChar quote = text.contains(u'\'') && !text.contains(u'"') ? u'"' : u'\'';
    QString repr(quote);
    for (const QChar c : text) {
        if (c == u'\\')
            repr += u"\\\\"_s;
        else if (c == quote)
            repr += u'\\' + QString(c);
        else if (c == u'\n')
            repr += u"\\n"_s;
        else if (c == u'\r')
            repr += u"\\r"_s;
        else if (c == u'\t')
            repr += u"\\t"_s;
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            repr += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
        else
            repr += c;
    }
    return repr + quote;
}

std::optional<QJsonValue> ShorthandParser::parseJson(const QString &text, QString *error)
{
    // QJsonDocument reads an object or an array; a scalar is read as the one
    // element of an array.
    const QString trimmed = pythonStrip(text);
    const bool container = trimmed.startsWith(u'{') || trimmed.startsWith(u'[');
    QJsonParseError parseError;
    const QByteArray utf8 = container ? trimmed.toUtf8() : (u'[' + trimmed + u']').toUtf8();
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError || trimmed.isEmpty()) {
        const int offset = container ? parseError.offset : qMax(0, parseError.offset - 1);
        *error = trimmed.isEmpty() ? u"Expecting value: line 1 column 1 (char 0)"_s
                                   : u"%1 (char %2)"_s.arg(parseError.errorString()).arg(offset);
        return std::nullopt;
    }
    if (document.isObject())
        return QJsonValue(document.object());
    if (container)
        return QJsonValue(document.array());
    if (document.array().size() != 1) {
        *error = u"Extra data (char %1)"_s.arg(trimmed.size());
        return std::nullopt;
    }
    return document.array().first();
}

} // namespace mgn
