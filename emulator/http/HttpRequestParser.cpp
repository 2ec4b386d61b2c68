#include "emulator/http/HttpRequestParser.h"

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Optional whitespace around a field value is spaces and tabs only (RFC 9112,
// 5.1): QByteArray::trimmed() would also drop other control characters (VT,
// FF, CR), which must make the request malformed instead, or the value read
// differs from the one the client signed.
QByteArray trimOptionalWhitespace(QByteArrayView value)
{
    qsizetype begin = 0;
    qsizetype end = value.size();
    while (begin < end && (value.at(begin) == ' ' || value.at(begin) == '\t'))
        ++begin;
    while (end > begin && (value.at(end - 1) == ' ' || value.at(end - 1) == '\t'))
        --end;
    return value.sliced(begin, end - begin).toByteArray();
}

bool isFieldValue(QByteArrayView value)
{
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && byte != '\t') || byte == 0x7f)
            return false;
    }
    return true;
}

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// The comma-separated elements of every header of that name, trimmed and lower-case.
QList<QByteArray> listElements(const EmulatorRequest::Headers &headers, QByteArrayView name)
{
    QList<QByteArray> elements;
    for (const auto &[key, value] : headers) {
        if (!sameName(key, name))
            continue;
        const QList<QByteArray> parts = value.split(',');
        for (const QByteArray &part : parts) {
            const QByteArray element = part.trimmed().toLower();
            if (!element.isEmpty())
                elements.append(element);
        }
    }
    return elements;
}

int countHeaders(const EmulatorRequest::Headers &headers, QByteArrayView name)
{
    int count = 0;
    for (const auto &header : headers) {
        if (sameName(header.first, name))
            ++count;
    }
    return count;
}

// Decimal digits only, no sign, no overflow.
bool parseLength(QByteArrayView text, qint64 *length)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + (c - '0');
    }
    *length = value;
    return true;
}

} // namespace

HttpRequestParser::HttpRequestParser()
    : HttpRequestParser(Limits {})
{ }

HttpRequestParser::HttpRequestParser(Limits limits)
    : m_limits(limits)
{ }

void HttpRequestParser::append(QByteArrayView bytes)
{
    if (m_phase != Phase::Failed)
        m_buffer.append(bytes);
}

HttpRequestParser::State HttpRequestParser::fail(int status, const QString &message)
{
    m_phase = Phase::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    m_buffer.clear();
    m_keepAlive = false;
    return State::Error;
}

HttpRequestParser::State HttpRequestParser::parse()
{
    for (;;) {
        switch (m_phase) {
        case Phase::Head: {
            const State state = parseHead();
            if (state != State::Complete)
                return state;
            break;
        }
        case Phase::Body:
            if (m_buffer.size() < m_remaining)
                return State::NeedMore;
            m_request.body = m_buffer.left(m_remaining);
            m_buffer.remove(0, m_remaining);
            m_remaining = 0;
            m_phase = Phase::Done;
            break;
        case Phase::ChunkSize: {
            const State state = parseChunkSize();
            if (state != State::Complete)
                return state;
            break;
        }
        case Phase::ChunkData:
            if (m_buffer.size() < m_remaining)
                return State::NeedMore;
            m_request.body.append(m_buffer.constData(), m_remaining);
            m_buffer.remove(0, m_remaining);
            m_remaining = 0;
            m_phase = Phase::ChunkDataEnd;
            break;
        case Phase::ChunkDataEnd:
            if (m_buffer.startsWith("\r\n")) {
                m_buffer.remove(0, 2);
            } else if (m_buffer.startsWith('\n')) {
                m_buffer.remove(0, 1);
            } else if (m_buffer.isEmpty() || m_buffer == "\r") {
                return State::NeedMore;
            } else {
                return fail(400, u"A chunk of the body does not end with CRLF"_s);
            }
            m_phase = Phase::ChunkSize;
            break;
        case Phase::Trailers: {
            const State state = parseTrailers();
            if (state != State::Complete)
                return state;
            break;
        }
        case Phase::Done:
            return State::Complete;
        case Phase::Failed:
            return State::Error;
        }
    }
}

EmulatorRequest HttpRequestParser::takeRequest()
{
    EmulatorRequest request = std::move(m_request);
    m_request = {};
    m_phase = Phase::Head;
    m_scanFrom = 0;
    m_expectContinue = false;
    return request;
}

bool HttpRequestParser::takeContinueRequest()
{
    const bool waitingForBody = m_phase == Phase::Body || m_phase == Phase::ChunkSize
        || m_phase == Phase::ChunkData || m_phase == Phase::ChunkDataEnd;
    if (!m_expectContinue || !waitingForBody)
        return false;
    m_expectContinue = false;
    return true;
}

bool HttpRequestParser::takeLine(QByteArray *line, qsizetype maxLength, bool *tooLong)
{
    *tooLong = false;
    const qsizetype end = m_buffer.indexOf('\n');
    if (end < 0) {
        *tooLong = m_buffer.size() > maxLength;
        return false;
    }
    if (end > maxLength) {
        *tooLong = true;
        return false;
    }
    *line = m_buffer.left(end);
    if (line->endsWith('\r'))
        line->chop(1);
    m_buffer.remove(0, end + 1);
    return true;
}

HttpRequestParser::State HttpRequestParser::parseHead()
{
    // A client may send empty lines between requests (RFC 9112, 2.2): CRLF or
    // LF, never a CR alone, which would make "\rGET" a GET.
    qsizetype leading = 0;
    for (;;) {
        if (leading < m_buffer.size() && m_buffer.at(leading) == '\n')
            leading += 1;
        else if (leading + 1 < m_buffer.size() && m_buffer.at(leading) == '\r'
            && m_buffer.at(leading + 1) == '\n')
            leading += 2;
        else
            break;
    }
    if (leading > 0) {
        m_buffer.remove(0, leading);
        m_scanFrom = 0;
    }
    if (m_buffer.isEmpty())
        return State::NeedMore;

    // The head ends with an empty line: "\n\r\n" or, from lenient clients, "\n\n".
    const qsizetype from = std::max<qsizetype>(0, m_scanFrom - 2);
    const qsizetype crlf = m_buffer.indexOf("\n\r\n", from);
    const qsizetype lf = m_buffer.indexOf("\n\n", from);
    qsizetype end = -1;
    qsizetype terminator = 0;
    if (crlf >= 0 && (lf < 0 || crlf < lf)) {
        end = crlf;
        terminator = 3;
    } else if (lf >= 0) {
        end = lf;
        terminator = 2;
    }
    if (end < 0) {
        if (m_buffer.size() > m_limits.maxHeadBytes)
            return fail(
                431, u"The request line and headers are longer than %1 bytes"_s.arg(m_limits.maxHeadBytes));
        m_scanFrom = m_buffer.size();
        return State::NeedMore;
    }
    if (end + terminator > m_limits.maxHeadBytes)
        return fail(
            431, u"The request line and headers are longer than %1 bytes"_s.arg(m_limits.maxHeadBytes));
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + terminator);
    m_scanFrom = 0;
    return parseHeadText(head);
}

HttpRequestParser::State HttpRequestParser::parseHeadText(const QByteArray &head)
{
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.contains('\r'))
            return fail(400, u"A bare CR in the request head"_s);
    }

    const QList<QByteArray> parts = lines.constFirst().split(' ');
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty() || parts.at(2).isEmpty())
        return fail(400, u"Malformed request line: expected METHOD TARGET HTTP/1.1"_s);
    const QByteArray &method = parts.at(0);
    const QByteArray &target = parts.at(1);
    const QByteArray &version = parts.at(2);
    if (!isToken(method))
        return fail(400, u"Malformed request method"_s);
    if (version == "HTTP/1.1") {
        m_http10 = false;
    } else if (version == "HTTP/1.0") {
        m_http10 = true;
    } else if (version.size() == 8 && version.startsWith("HTTP/") && version.at(6) == '.') {
        return fail(505, u"Only HTTP/1.0 and HTTP/1.1 are supported"_s);
    } else {
        return fail(400, u"Malformed request line: unknown protocol version"_s);
    }

    for (const char c : target) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte >= 0x7f || c == '#')
            return fail(400, u"Malformed request target"_s);
    }
    QByteArray pathAndQuery;
    if (target.startsWith('/')) {
        pathAndQuery = target;
    } else {
        // absolute-form, as sent to a proxy: keep the path and the query.
        const qsizetype scheme = target.indexOf("://");
        const QByteArray schemeName = scheme > 0 ? target.left(scheme).toLower() : QByteArray();
        if (schemeName != "http" && schemeName != "https")
            return fail(400, u"Malformed request target: expected a path"_s);
        const qsizetype slash = target.indexOf('/', scheme + 3);
        const qsizetype question = target.indexOf('?', scheme + 3);
        if (slash >= 0 && (question < 0 || slash < question))
            pathAndQuery = target.mid(slash);
        else
            pathAndQuery = '/' + (question >= 0 ? target.mid(question) : QByteArray());
    }
    const qsizetype question = pathAndQuery.indexOf('?');
    m_request.method = method;
    m_request.path = question < 0 ? pathAndQuery : pathAndQuery.left(question);
    m_request.query = question < 0 ? QByteArray() : pathAndQuery.mid(question + 1);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t')) {
            // Obsolete line folding (RFC 9112, 5.2). A server must either
            // refuse it with 400 or replace each obs-fold by spaces before
            // reading the value; this one replaces it by one space. It is the
            // origin server and forwards nothing, so the unfolded value is the
            // only one anybody reads, and the framing headers are judged on it
            // below; the official SigV4 suite signs a folded header with the
            // fold read as a space (get-header-value-multiline), and the
            // emulator verifies what the suite signs.
            if (m_request.headers.isEmpty())
                return fail(400, u"Whitespace before the first header line"_s);
            auto &[name, folded] = m_request.headers.last();
            const QByteArray continued = trimOptionalWhitespace(line);
            if (!isFieldValue(continued))
                return fail(
                    400, u"A control character in the value of header %1"_s.arg(QString::fromLatin1(name)));
            if (!continued.isEmpty())
                folded = folded.isEmpty() ? continued : folded + ' ' + continued;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
            return fail(400, u"Malformed header line %1"_s.arg(i + 1));
        const QByteArray value = trimOptionalWhitespace(QByteArrayView(line).sliced(colon + 1));
        if (!isFieldValue(value))
            return fail(400,
                u"A control character in the value of header %1"_s.arg(
                    QString::fromLatin1(line.left(colon))));
        if (m_request.headers.size() >= m_limits.maxHeaders)
            return fail(431, u"More than %1 headers"_s.arg(m_limits.maxHeaders));
        m_request.headers.append({ line.left(colon), value });
    }
    const EmulatorRequest::Headers &headers = m_request.headers;

    if (!m_http10 && countHeaders(headers, "Host") != 1)
        return fail(400, u"An HTTP/1.1 request needs exactly one Host header"_s);

    m_keepAlive = !m_http10;
    const QList<QByteArray> connection = listElements(headers, "Connection");
    if (connection.contains("close"))
        m_keepAlive = false;
    else if (connection.contains("keep-alive"))
        m_keepAlive = true;

    const QList<QByteArray> codings = listElements(headers, "Transfer-Encoding");
    const bool hasLength = countHeaders(headers, "Content-Length") > 0;
    bool chunked = false;
    qint64 length = 0;
    if (!codings.isEmpty()) {
        if (m_http10)
            return fail(400, u"Transfer-Encoding in an HTTP/1.0 request"_s);
        if (hasLength)
            return fail(400, u"Both Transfer-Encoding and Content-Length"_s);
        if (codings != QList<QByteArray> { "chunked" })
            return fail(501, u"Only the chunked transfer coding is supported"_s);
        chunked = true;
    } else if (hasLength) {
        const QList<QByteArray> values = listElements(headers, "Content-Length");
        if (values.isEmpty())
            return fail(400, u"An empty Content-Length"_s);
        for (const QByteArray &value : values) {
            qint64 parsed = 0;
            if (!parseLength(value, &parsed))
                return fail(400, u"A malformed Content-Length"_s);
            if (value != values.constFirst())
                return fail(400, u"Conflicting Content-Length values"_s);
            length = parsed;
        }
        if (length > m_limits.maxBodyBytes)
            return fail(413, u"The body is larger than %1 bytes"_s.arg(m_limits.maxBodyBytes));
    }

    m_expectContinue = false;
    const QList<QByteArray> expectations = listElements(headers, "Expect");
    if (!expectations.isEmpty()) {
        if (expectations != QList<QByteArray> { "100-continue" })
            return fail(417, u"Only the expectation 100-continue is supported"_s);
        m_expectContinue = !m_http10 && (chunked || length > 0);
    }

    if (chunked) {
        m_phase = Phase::ChunkSize;
    } else if (length > 0) {
        m_remaining = length;
        m_phase = Phase::Body;
    } else {
        m_phase = Phase::Done;
    }
    return State::Complete;
}

HttpRequestParser::State HttpRequestParser::parseChunkSize()
{
    QByteArray line;
    bool tooLong = false;
    if (!takeLine(&line, 1024, &tooLong))
        return tooLong ? fail(400, u"A chunk size line longer than 1024 bytes"_s) : State::NeedMore;
    const qsizetype extension = line.indexOf(';');
    const QByteArray digits = (extension < 0 ? line : line.left(extension)).trimmed();
    if (digits.isEmpty() || digits.size() > 15)
        return fail(400, u"A malformed chunk size"_s);
    qint64 size = 0;
    for (const char c : digits) {
        int value = 0;
        if (c >= '0' && c <= '9')
            value = c - '0';
        else if (c >= 'a' && c <= 'f')
            value = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            value = c - 'A' + 10;
        else
            return fail(400, u"A malformed chunk size"_s);
        size = size * 16 + value;
    }
    if (size > m_limits.maxBodyBytes - m_request.body.size())
        return fail(413, u"The body is larger than %1 bytes"_s.arg(m_limits.maxBodyBytes));
    if (size == 0) {
        m_phase = Phase::Trailers;
    } else {
        m_remaining = size;
        m_phase = Phase::ChunkData;
    }
    return State::Complete;
}

HttpRequestParser::State HttpRequestParser::parseTrailers()
{
    // Trailer fields are read and dropped: nothing the emulator needs comes in them.
    for (;;) {
        QByteArray line;
        bool tooLong = false;
        if (!takeLine(&line, m_limits.maxHeadBytes, &tooLong))
            return tooLong ? fail(431, u"A trailer line that is too long"_s) : State::NeedMore;
        if (line.isEmpty()) {
            m_phase = Phase::Done;
            return State::Complete;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(QByteArrayView(line).first(colon)))
            return fail(400, u"A malformed trailer line"_s);
    }
}

} // namespace mgn
