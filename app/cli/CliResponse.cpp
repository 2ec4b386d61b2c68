#include "app/cli/CliResponse.h"

#include "app/cli/CliPythonJson.h"
#include "app/cli/CliTableFormatter.h"
#include "app/cli/CliTextFormatter.h"

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

using Type = CliWireTape::Type;

// A value as json.loads holds it, for the text and table formatters.
CliValue cliValueOf(const CliWireTape &tape, quint32 node)
{
    CliValue value;
    const CliWireTape::Node &n = tape.node(node);
    switch (n.type) {
    case Type::Null:
        break;
    case Type::False:
    case Type::True:
        value.type = CliValue::Type::Bool;
        value.boolean = n.type == Type::True;
        break;
    case Type::Integer: {
        bool ok = false;
        value.integer = tape.text(node).toLongLong(&ok);
        value.type = CliValue::Type::Integer;
        if (!ok) {
            // Beyond qint64, which CliValue holds: the digits as a string,
            // which str() prints alike (repr() would add quotes).
            value.type = CliValue::Type::String;
            value.string = QString::fromLatin1(tape.text(node));
        }
        break;
    }
    case Type::Float:
        value.type = CliValue::Type::Double;
        value.real = CliPythonJson::toDouble(tape.text(node));
        break;
    case Type::String:
        value.type = CliValue::Type::String;
        value.string = QString::fromUtf8(tape.string(node));
        break;
    case Type::Array: {
        value.type = CliValue::Type::List;
        value.items.reserve(n.length);
        for (quint32 i = CliWireTape::firstChild(node); i < n.next; i = tape.next(i))
            value.items.append(cliValueOf(tape, i));
        break;
    }
    case Type::Object: {
        value.type = CliValue::Type::Object;
        value.members.reserve(n.length);
        for (quint32 i = CliWireTape::firstChild(node); i < n.next; i = tape.next(i + 1))
            value.members.append({ QString::fromUtf8(tape.string(i)), cliValueOf(tape, i + 1) });
        break;
    }
    }
    return value;
}

// A document this class wrote (one value per name), read back.
CliValue cliValueOfJson(const QByteArray &json)
{
    CliWireTape tape;
    QString error;
    if (json.isEmpty() || !tape.parse(json, &error)) {
        CliValue empty;
        empty.type = CliValue::Type::Object;
        return empty;
    }
    return cliValueOf(tape, 0);
}

// Python's truthiness of a parsed token.
bool isTruthy(const CliWireTape &tape, quint32 node)
{
    const CliWireTape::Node &n = tape.node(node);
    switch (n.type) {
    case Type::Null:
    case Type::False:
        return false;
    case Type::Integer:
    case Type::Float:
        return CliPythonJson::toDouble(tape.text(node)) != 0;
    case Type::String:
    case Type::Array:
    case Type::Object:
        return n.length != 0;
    case Type::True:
        return true;
    }
    return false;
}

// Python's repr() of a str, for an error message.
QString pythonRepr(const QString &text)
{
    return u"'%1'"_s.arg(QString(text).replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s));
}

} // namespace

CliResponse::CliResponse(const api::Operation &operation, Paging paging)
    : m_operation(&operation)
    , m_paging(std::move(paging))
    , m_writer(operation.output)
{
    const auto &paginator = operation.paginator;
    m_paginated = m_paging.paginate && paginator && !paginator->resultKeys.isEmpty();
    if (!m_paginated)
        return;
    m_resultKey = paginator->resultKeys.constFirst();
    m_inputToken = paginator->inputToken;
    m_outputToken = paginator->outputToken;
    if (m_paging.startingToken)
        decodeStartingToken();
    // The document's head, so that the items written after it are the
    // document printed at the end, with no copy.
    QByteArray head = "{\n    ";
    CliPythonJson::appendString(head, m_resultKey.toUtf8());
    head.append(": [");
    m_writer.append(head);
    m_itemsBegin = m_writer.size();
}

// botocore's PageIterator._parse_starting_token: base64 of a JSON object
// holding the input token and, when --max-items stopped inside a page,
// boto_truncate_amount (the page's items to skip); or the deprecated form
// "token___index".
bool CliResponse::decodeStartingToken()
{
    const QString token = *m_paging.startingToken;
    const QByteArray utf8 = token.toUtf8();
    QByteArray alphabet = utf8;
    alphabet.removeIf([](char c) {
        return !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
            || c == '/' || c == '=');
    });
    const auto decoded = QByteArray::fromBase64Encoding(alphabet);
    CliWireTape tape;
    QString ignored;
    const bool isJson = alphabet.size() % 4 == 0 && decoded && tape.parse(decoded.decoded, &ignored);
    if (isJson) {
        if (tape.node(0).type != Type::Object) {
            m_error = u"Bad starting token: %1"_s.arg(token);
            return false;
        }
        const quint32 end = tape.next(0);
        for (quint32 i = CliWireTape::firstChild(0); i < end; i = tape.next(i + 1)) {
            const QByteArray name = tape.string(i);
            const quint32 value = i + 1;
            const Type type = tape.node(value).type;
            if (name == "boto_truncate_amount") {
                if (type == Type::Integer) {
                    bool ok = false;
                    m_startingTruncation = tape.text(value).toLongLong(&ok);
                    if (!ok)
                        return (m_error = u"Bad starting token: %1"_s.arg(token)), false;
                } else if (type == Type::Null) {
                    m_startingTruncation = 0;
                } else {
                    m_error = u"Bad starting token: %1"_s.arg(token);
                    return false;
                }
            } else if (name == m_inputToken.toUtf8()) {
                if (type == Type::Null) {
                    m_firstToken.reset();
                    m_requestTokenJson = "null";
                } else if (type == Type::String) {
                    const QByteArray text = tape.string(value);
                    m_requestTokenJson.clear();
                    CliPythonJson::appendAsciiString(m_requestTokenJson, text);
                    // "None" is no token to botocore either.
                    if (text == "None")
                        m_firstToken.reset();
                    else
                        m_firstToken = QString::fromUtf8(text);
                } else {
                    m_error = u"Bad starting token: %1"_s.arg(token);
                    return false;
                }
            } else if (name != "boto_encoded_keys") {
                m_error = u"Bad starting token: %1"_s.arg(token);
                return false;
            }
        }
        return true;
    }
    // The deprecated form: the token, then "___" and the items to skip.
    QStringList parts = token.split(u"___"_s);
    if (parts.size() == 2) {
        const auto index = CliPythonJson::intOfString(parts.constLast().toUtf8());
        bool ok = false;
        const qint64 value = index ? index->toLongLong(&ok) : 0;
        if (ok) {
            m_startingTruncation = value;
            parts.removeLast();
        } else {
            parts = { token };
        }
    }
    if (parts.size() > 1) {
        m_error = u"Bad starting token: %1"_s.arg(token);
        return false;
    }
    if (parts.constFirst() == u"None"_s) {
        m_firstToken.reset();
        m_requestTokenJson = "null";
    } else {
        m_firstToken = parts.constFirst();
        m_requestTokenJson.clear();
        CliPythonJson::appendAsciiString(m_requestTokenJson, parts.constFirst().toUtf8());
    }
    return true;
}

std::optional<QString> CliResponse::firstToken() const
{
    return m_paginated ? m_firstToken : std::nullopt;
}

std::optional<QString> CliResponse::nextToken() const
{
    return m_paginated && !m_done ? m_nextToken : std::nullopt;
}

bool CliResponse::addPage(const QByteArray &body, QString *error)
{
    if (m_error) {
        *error = *m_error;
        return false;
    }
    // botocore reads an empty body as {}.
    static const QByteArray emptyObject = QByteArrayLiteral("{}");
    if (!m_tape.parse(body.isEmpty() ? emptyObject : body, error))
        return false;
    if (m_tape.node(0).type != Type::Object) {
        *error = u"the response body is not a JSON object"_s;
        return false;
    }
    if (m_paginated)
        return addPaginatedPage(error);
    m_writer.clear();
    m_hasDocument = true;
    // botocore does not read the body of an operation without an output
    // shape: the answer is {}, and nothing is printed.
    if (!m_operation->output)
        return true;
    if (!m_writer.writeValue(m_tape, 0, m_writer.rootPlan(), 0)) {
        *error = m_writer.error();
        m_writer.clear();
        m_hasDocument = false;
        return false;
    }
    return true;
}

bool CliResponse::addPaginatedPage(QString *error)
{
    if (m_done) {
        *error = u"the listing has ended: no page was asked for"_s;
        return false;
    }
    const bool first = m_pages.isEmpty();
    const auto *root = m_writer.rootPlan();
    const auto *listPlan = CliShapeWriter::memberPlan(root, m_resultKey.toUtf8());
    quint32 items = m_tape.member(0, m_resultKey.toUtf8());
    if (items && m_tape.node(items).type == Type::Null)
        items = 0;
    if (items && m_tape.node(items).type != Type::Array) {
        *error = u"%1 in the response is not a list"_s.arg(m_resultKey);
        return false;
    }
    const qint64 count = items ? m_tape.node(items).length : 0;
    qint64 from = 0;
    qint64 startingTruncation = 0;
    if (first && m_paging.startingToken) {
        // Python's items[starting_truncation:].
        startingTruncation = m_startingTruncation;
        from = startingTruncation >= 0 ? qMin(startingTruncation, count)
                                       : qMax<qint64>(0, count + startingTruncation);
    }
    const qint64 current = count - from;
    qint64 to = count;
    bool truncated = false;
    if (m_paging.maxItems) {
        const qint64 truncateAmount = m_totalItems + current - *m_paging.maxItems;
        if (truncateAmount > 0) {
            // original[:amount_to_keep], a negative amount counting from the end.
            const qint64 keep = current - truncateAmount;
            to = from + (keep >= 0 ? qMin(keep, current) : qMax<qint64>(0, current + keep));
            truncated = true;
            QByteArray json = "{" + QByteArray("\"") + m_inputToken.toUtf8() + "\": " + m_requestTokenJson
                + ", \"boto_truncate_amount\": " + QByteArray::number(keep + startingTruncation) + "}";
            m_resumeToken = QString::fromLatin1(json.toBase64());
        }
    }

    PageItems page;
    page.present = items != 0 || truncated;
    page.begin = m_writer.size();
    if (items) {
        const auto *element = CliShapeWriter::elementPlan(listPlan);
        if (!m_writer.writeElements(m_tape, items, element, 2, from, to, &m_firstItem)) {
            *error = m_writer.error();
            return false;
        }
    }
    page.end = m_writer.size();
    m_hasItems = m_hasItems || page.present;
    m_pages.append(page);
    if (truncated) {
        m_done = true;
        return true;
    }
    m_totalItems += current;

    const quint32 tokenNode = m_tape.member(0, m_outputToken.toUtf8());
    if (!tokenNode || !isTruthy(m_tape, tokenNode)) {
        m_done = true;
        return true;
    }
    if (m_tape.node(tokenNode).type != Type::String) {
        *error = u"Invalid type for parameter %1: the response's %2 is not a string"_s.arg(
            m_inputToken, m_outputToken);
        return false;
    }
    const QByteArray tokenText = m_tape.string(tokenNode);
    QByteArray tokenJson;
    CliPythonJson::appendAsciiString(tokenJson, tokenText);
    const QString token = QString::fromUtf8(tokenText);
    if (m_paging.maxItems && m_totalItems == *m_paging.maxItems) {
        const QByteArray json = "{\"" + m_inputToken.toUtf8() + "\": " + tokenJson + "}";
        m_resumeToken = QString::fromLatin1(json.toBase64());
        m_done = true;
        return true;
    }
    if (m_previousToken && *m_previousToken == token) {
        *error = u"Error during pagination: The same next token was received twice: {'%1': %2}"_s.arg(
            m_inputToken, pythonRepr(token));
        return false;
    }
    m_previousToken = token;
    m_nextToken = token;
    m_requestTokenJson = tokenJson;
    return true;
}

QByteArray CliResponse::paginatedJson() const
{
    if (!m_hasItems && !m_resumeToken)
        return {};
    QByteArray nextToken;
    if (m_resumeToken) {
        nextToken = "\"NextToken\": ";
        CliPythonJson::appendString(nextToken, m_resumeToken->toUtf8());
    }
    if (!m_hasItems)
        return "{\n    " + nextToken + "\n}\n";
    QByteArray tail = m_firstItem ? "]" : "\n    ]";
    if (m_resumeToken)
        tail += ",\n    " + nextToken;
    tail += "\n}\n";
    return m_writer.finish(tail);
}

CliValue CliResponse::fullDocument() const
{
    return cliValueOfJson(output(Format::Json));
}

QString CliResponse::textOutput() const
{
    if (!m_paginated)
        return CliTextFormatter::format(fullDocument());
    // awscli's TextFormatter on a PageIterator: each page on its own, as
    // {result key: the page's items (None when it has none)}, then the
    // resume token.
    QString text;
    const QByteArrayView written = m_writer.written();
    for (const PageItems &page : m_pages) {
        CliValue document;
        document.type = CliValue::Type::Object;
        CliValue items;
        if (page.present) {
            QByteArrayView slice = written.sliced(page.begin, page.end - page.begin);
            if (slice.startsWith(','))
                slice = slice.sliced(1);
            items = cliValueOfJson("[" + slice.toByteArray() + "]");
        }
        document.members.append({ m_resultKey, items });
        text += CliTextFormatter::format(document);
    }
    if (m_resumeToken) {
        CliValue inner;
        inner.type = CliValue::Type::Object;
        CliValue token;
        token.type = CliValue::Type::String;
        token.string = *m_resumeToken;
        inner.members.append({ u"NextToken"_s, token });
        CliValue outer;
        outer.type = CliValue::Type::Object;
        outer.members.append({ u"NextToken"_s, inner });
        text += CliTextFormatter::format(outer);
    }
    return text;
}

QByteArray CliResponse::output(Format format) const
{
    switch (format) {
    case Format::Json:
        if (m_paginated)
            return paginatedJson();
        if (!m_hasDocument || m_writer.size() == 0 || m_writer.written() == "{}")
            return {};
        return m_writer.finish("\n");
    case Format::Text:
        return textOutput().toUtf8();
    case Format::Table:
        // awscli's TableFormatter: the whole result, as for JSON, one table
        // as wide as the terminal on stdout (80 when it is not one).
        return CliTableFormatter::format(
            m_operation->name, fullDocument(), CliTableFormatter::stdoutTerminalWidth())
            .toUtf8();
    }
    return {};
}

} // namespace mgn
