#include "app/aws/SigV4Request.h"

#include <QUrl>

namespace mgn {

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QByteArray withoutLeadingWhitespace(const QByteArray &line)
{
    qsizetype start = 0;
    while (start < line.size() && (line.at(start) == ' ' || line.at(start) == '\t'))
        ++start;
    return line.mid(start);
}

} // namespace

SigV4Request SigV4Request::fromUrl(QByteArrayView method, const QUrl &url, const QByteArray &body)
{
    SigV4Request request;
    request.method = method.toByteArray();
    request.path = url.path(QUrl::FullyEncoded).toLatin1();
    if (request.path.isEmpty())
        request.path = "/";
    request.query = url.query(QUrl::FullyEncoded).toLatin1();
    request.headers.append({ "Host", hostHeaderValue(url) });
    request.body = body;
    return request;
}

QByteArray SigV4Request::hostHeaderValue(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']'; // IPv6 literal
    const int port = url.port();
    const QString scheme = url.scheme().toLower();
    const bool defaultPort = (scheme == u"https" && port == 443) || (scheme == u"http" && port == 80);
    if (port != -1 && !defaultPort)
        host += ':' + QByteArray::number(port);
    return host;
}

std::optional<SigV4Request> SigV4Request::fromHttpText(QByteArrayView text, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<SigV4Request> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    QByteArray content = text.toByteArray();
    content.replace("\r\n", "\n");
    const qsizetype headEnd = content.indexOf("\n\n");
    const QByteArray head = headEnd < 0 ? content : content.left(headEnd);
    QList<QByteArray> lines = head.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    if (lines.isEmpty() || lines.constFirst().isEmpty())
        return fail(QStringLiteral("missing request line"));

    SigV4Request request;
    // The target may contain spaces (the suite's get-space-unnormalized), so
    // the method ends at the first space and the version starts at the last.
    const QByteArray &requestLine = lines.constFirst();
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        return fail(QStringLiteral("malformed request line"));
    request.method = requestLine.left(firstSpace);
    request.httpVersion = requestLine.mid(lastSpace + 1);
    const QByteArray target = requestLine.mid(firstSpace + 1, lastSpace - firstSpace - 1);
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (request.headers.isEmpty())
                return fail(QStringLiteral("line %1: continuation line before any header").arg(i + 1));
            // Obsolete line folding (RFC 9112, 5.2): the fold, with the
            // whitespace around it, becomes one space, as a server that
            // accepts it must read it and as the suite signs it.
            QByteArray &value = request.headers.last().second;
            while (value.endsWith(' ') || value.endsWith('\t'))
                value.chop(1);
            value += ' ' + withoutLeadingWhitespace(line);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return fail(QStringLiteral("line %1: header line without a name and ':'").arg(i + 1));
        request.headers.append({ line.left(colon), line.mid(colon + 1) });
    }
    if (headEnd >= 0)
        request.body = content.mid(headEnd + 2);
    return request;
}

QByteArray SigV4Request::toHttpText() const
{
    QByteArray text = method + ' ' + path;
    if (!query.isEmpty())
        text += '?' + query;
    text += ' ' + httpVersion + '\n';
    for (const auto &[name, value] : headers)
        text += name + ':' + value + '\n';
    text += '\n' + body;
    return text;
}

bool SigV4Request::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (sameName(header.first, name))
            return true;
    }
    return false;
}

QByteArray SigV4Request::headerValue(QByteArrayView name) const
{
    QByteArray value;
    bool first = true;
    for (const auto &header : headers) {
        if (!sameName(header.first, name))
            continue;
        if (!first)
            value += ',';
        value += header.second;
        first = false;
    }
    return value;
}

void SigV4Request::removeHeader(QByteArrayView name)
{
    headers.removeIf([name](const Header &header) { return sameName(header.first, name); });
}

void SigV4Request::appendHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({ name, value });
}

} // namespace mgn
