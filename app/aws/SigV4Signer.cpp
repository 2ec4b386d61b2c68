#include "app/aws/SigV4Signer.h"

#include "app/aws/SigV4SigningKeyCache.h"

#include <QCryptographicHash>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QNetworkRequest>
#include <QUrl>

#include <algorithm>

namespace mgn {

namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView message)
{
    return QMessageAuthenticationCode::hash(
        message.toByteArray(), key.toByteArray(), QCryptographicHash::Sha256);
}

// Trims a header value and collapses each run of whitespace (line breaks too) to one space.
QByteArray trimAll(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    bool pendingSpace = false;
    for (const char c : value) {
        if (isSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

QByteArray joinQuery(const QByteArray &query, const QByteArray &more)
{
    return query.isEmpty() ? more : query + '&' + more;
}

// The credentials as the signing steps want them: UTF-8, the token empty when absent.
QByteArray sessionTokenOf(const AwsCredentials &credentials)
{
    return credentials.hasSessionToken() ? credentials.sessionToken->toUtf8() : QByteArray();
}

} // namespace

SigV4Signer::SigV4Signer(Options options, std::shared_ptr<const Clock> clock)
    : m_options(std::move(options))
    , m_clock(std::move(clock))
    , m_keyCache(std::make_shared<SigV4SigningKeyCache>())
{ }

QDateTime SigV4Signer::now() const
{
    return (m_clock ? m_clock : Clock::instance())->currentDateTimeUtc();
}

QByteArray SigV4Signer::payloadHash(const SigV4Request &request) const
{
    if (m_options.unsignedPayload)
        return unsignedPayloadValue.toByteArray();
    // A caller that hashed the body itself (e.g. a stream) says so in this header.
    const QByteArray declared = request.headerValue("x-amz-content-sha256");
    if (!declared.isEmpty() && !m_options.addContentSha256Header)
        return declared;
    return hexSha256(request.body);
}

SigV4Signer::Result SigV4Signer::signHeaders(
    const SigV4Request &request, const AwsCredentials &credentials) const
{
    return signHeaders(request, credentials, now());
}

SigV4Signer::Result SigV4Signer::signHeaders(
    const SigV4Request &request, const AwsCredentials &credentials, const QDateTime &time) const
{
    Result result;
    SigV4Request &out = result.request;
    out = request;
    const QByteArray date = amzDate(time);
    const QByteArray token = sessionTokenOf(credentials);
    const QByteArray payload = payloadHash(request);

    out.removeHeader("Authorization");
    out.removeHeader("X-Amz-Date");
    out.removeHeader("X-Amz-Security-Token");
    if (!token.isEmpty())
        out.appendHeader("X-Amz-Security-Token", token);
    out.appendHeader("X-Amz-Date", date);
    if (m_options.addContentSha256Header) {
        out.removeHeader("x-amz-content-sha256");
        out.appendHeader("x-amz-content-sha256", payload);
    }

    SigV4Request::Headers toSign = out.headers;
    if (m_options.omitSessionTokenFromSignature) {
        toSign.removeIf([](const SigV4Request::Header &header) {
            return header.first.compare("X-Amz-Security-Token", Qt::CaseInsensitive) == 0;
        });
    }
    QByteArray signedHeaders;
    const QByteArray headers = canonicalHeaders(toSign, &signedHeaders);
    result.canonicalRequest
        = canonicalRequest(out.method, canonicalUri(out.path, m_options.normalizePath, m_options.encodePath),
            canonicalQueryString(out.query), headers, signedHeaders, payload);

    const QByteArray scope = credentialScope(date, m_options.region, m_options.service);
    result.stringToSign = stringToSign(date, scope, result.canonicalRequest);
    const QByteArray key = m_keyCache->signingKey(
        credentials.secretAccessKey, date.left(8), m_options.region, m_options.service);
    result.signature = signature(key, result.stringToSign);

    out.appendHeader("Authorization",
        algorithm.toByteArray() + " Credential=" + credentials.accessKeyId.toUtf8() + '/' + scope
            + ", SignedHeaders=" + signedHeaders + ", Signature=" + result.signature);
    return result;
}

SigV4Signer::Result SigV4Signer::signQuery(
    const SigV4Request &request, const AwsCredentials &credentials) const
{
    return signQuery(request, credentials, now());
}

SigV4Signer::Result SigV4Signer::signQuery(
    const SigV4Request &request, const AwsCredentials &credentials, const QDateTime &time) const
{
    Result result;
    SigV4Request &out = result.request;
    out = request;
    const QByteArray date = amzDate(time);
    const QByteArray token = sessionTokenOf(credentials);
    const QByteArray scope = credentialScope(date, m_options.region, m_options.service);

    QByteArray signedHeaders;
    const QByteArray headers = canonicalHeaders(out.headers, &signedHeaders);

    // The suite's order, which is also what the SDKs send.
    QByteArray authQuery = "X-Amz-Algorithm=" + algorithm.toByteArray()
        + "&X-Amz-Credential=" + uriEncode(QByteArray(credentials.accessKeyId.toUtf8() + '/' + scope))
        + "&X-Amz-Date=" + date + "&X-Amz-SignedHeaders=" + uriEncode(signedHeaders)
        + "&X-Amz-Expires=" + QByteArray::number(m_options.expiresInSeconds);
    const QByteArray tokenQuery
        = token.isEmpty() ? QByteArray() : "&X-Amz-Security-Token=" + uriEncode(token);
    if (!m_options.omitSessionTokenFromSignature)
        authQuery += tokenQuery;

    const QByteArray payload
        = m_options.unsignedPayload ? unsignedPayloadValue.toByteArray() : hexSha256(out.body);
    result.canonicalRequest
        = canonicalRequest(out.method, canonicalUri(out.path, m_options.normalizePath, m_options.encodePath),
            canonicalQueryString(joinQuery(out.query, authQuery)), headers, signedHeaders, payload);
    result.stringToSign = stringToSign(date, scope, result.canonicalRequest);
    const QByteArray key = m_keyCache->signingKey(
        credentials.secretAccessKey, date.left(8), m_options.region, m_options.service);
    result.signature = signature(key, result.stringToSign);

    if (m_options.omitSessionTokenFromSignature)
        authQuery += tokenQuery;
    out.query = joinQuery(out.query, authQuery + "&X-Amz-Signature=" + result.signature);
    return result;
}

void SigV4Signer::signNetworkRequest(QNetworkRequest &request, QByteArrayView verb, const QByteArray &body,
    const AwsCredentials &credentials) const
{
    signNetworkRequest(request, verb, body, credentials, now());
}

void SigV4Signer::signNetworkRequest(QNetworkRequest &request, QByteArrayView verb, const QByteArray &body,
    const AwsCredentials &credentials, const QDateTime &time) const
{
    SigV4Request toSign = SigV4Request::fromUrl(verb, request.url(), body);
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names) {
        if (name.compare("Host", Qt::CaseInsensitive) != 0)
            toSign.appendHeader(name, request.rawHeader(name));
    }
    const Result result = signHeaders(toSign, credentials, time);

    // An empty value removes a header: clear what an earlier signing may have
    // left (e.g. a session token the new credentials do not have).
    for (const char *managed : { "Authorization", "X-Amz-Date", "X-Amz-Security-Token" })
        request.setRawHeader(managed, QByteArray());
    if (m_options.addContentSha256Header)
        request.setRawHeader("x-amz-content-sha256", QByteArray());
    for (const auto &[name, value] : result.request.headers)
        request.setRawHeader(name, value);
}

QByteArray SigV4Signer::uriEncode(QByteArrayView bytes, bool encodeSlash)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char c : bytes) {
        if (isUnreserved(c) || (c == '/' && !encodeSlash)) {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
    }
    return out;
}

QByteArray SigV4Signer::normalizePath(QByteArrayView path)
{
    QList<QByteArray> kept;
    const QList<QByteArray> segments = path.toByteArray().split('/');
    for (const QByteArray &segment : segments) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept.append(segment);
    }
    QByteArray out = '/' + kept.join('/');
    if (!kept.isEmpty() && path.endsWith('/'))
        out += '/';
    return out;
}

QByteArray SigV4Signer::canonicalUri(QByteArrayView path, bool normalize, bool encode)
{
    QByteArray uri = path.isEmpty() ? QByteArray("/") : path.toByteArray();
    if (normalize)
        uri = normalizePath(uri);
    return encode ? uriEncode(uri, false) : uri;
}

QByteArray SigV4Signer::canonicalQueryString(QByteArrayView query)
{
    QList<std::pair<QByteArray, QByteArray>> items;
    const QList<QByteArray> pairs = query.toByteArray().split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArray key = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        items.append({ uriEncode(QByteArray::fromPercentEncoding(key)),
            uriEncode(QByteArray::fromPercentEncoding(value)) });
    }
    std::sort(items.begin(), items.end());
    QByteArray out;
    for (const auto &[key, value] : std::as_const(items)) {
        if (!out.isEmpty())
            out += '&';
        out += key + '=' + value;
    }
    return out;
}

QByteArray SigV4Signer::canonicalHeaderValue(QByteArrayView value)
{
    // A line break is whitespace like any other: a value folded over several
    // lines reads as its lines joined by single spaces.
    return trimAll(value);
}

bool SigV4Signer::isSignableHeader(QByteArrayView lowerCaseName)
{
    static constexpr QByteArrayView unsignable[] = { "authorization", "connection", "expect", "keep-alive",
        "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade",
        "user-agent", "x-amzn-trace-id" };
    return std::find(std::begin(unsignable), std::end(unsignable), lowerCaseName) == std::end(unsignable);
}

QByteArray SigV4Signer::canonicalHeaders(const SigV4Request::Headers &headers, QByteArray *signedHeaders)
{
    QMap<QByteArray, QByteArray> byName; // sorted by byte value
    for (const auto &[name, value] : headers) {
        const QByteArray lowerName = name.trimmed().toLower();
        if (!isSignableHeader(lowerName))
            continue;
        const QByteArray canonicalValue = canonicalHeaderValue(value);
        const auto existing = byName.find(lowerName);
        if (existing == byName.end())
            byName.insert(lowerName, canonicalValue);
        else
            existing.value() += ',' + canonicalValue;
    }
    QByteArray out;
    QByteArray names;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        out += it.key() + ':' + it.value() + '\n';
        if (!names.isEmpty())
            names += ';';
        names += it.key();
    }
    if (signedHeaders)
        *signedHeaders = names;
    return out;
}

QByteArray SigV4Signer::hexSha256(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Signer::canonicalRequest(QByteArrayView method, QByteArrayView canonicalUri,
    QByteArrayView canonicalQuery, QByteArrayView canonicalHeaders, QByteArrayView signedHeaders,
    QByteArrayView payloadHash)
{
    // canonicalHeaders ends with '\n' already, hence the blank line before the signed headers.
    return method.toByteArray().toUpper() + '\n' + canonicalUri.toByteArray() + '\n'
        + canonicalQuery.toByteArray() + '\n' + canonicalHeaders.toByteArray() + '\n'
        + signedHeaders.toByteArray() + '\n' + payloadHash.toByteArray();
}

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    // ISODate of a UTC time is yyyy-MM-ddTHH:mm:ssZ, without milliseconds.
    QByteArray iso = time.toUTC().toString(Qt::ISODate).toLatin1();
    iso.replace('-', QByteArray()).replace(':', QByteArray());
    return iso;
}

QByteArray SigV4Signer::credentialScope(QByteArrayView amzDate, const QString &region, const QString &service)
{
    return amzDate.first(std::min<qsizetype>(8, amzDate.size())).toByteArray() + '/' + region.toUtf8() + '/'
        + service.toUtf8() + "/aws4_request";
}

QByteArray SigV4Signer::stringToSign(
    QByteArrayView amzDate, QByteArrayView credentialScope, QByteArrayView canonicalRequest)
{
    return algorithm.toByteArray() + '\n' + amzDate.toByteArray() + '\n' + credentialScope.toByteArray()
        + '\n' + hexSha256(canonicalRequest);
}

QByteArray SigV4Signer::deriveSigningKey(
    const QString &secretAccessKey, QByteArrayView date, const QString &region, const QString &service)
{
    const QByteArray dateKey = hmacSha256(QByteArray("AWS4" + secretAccessKey.toUtf8()), date);
    const QByteArray regionKey = hmacSha256(dateKey, region.toUtf8());
    const QByteArray serviceKey = hmacSha256(regionKey, service.toUtf8());
    return hmacSha256(serviceKey, "aws4_request");
}

QByteArray SigV4Signer::signature(QByteArrayView signingKey, QByteArrayView stringToSign)
{
    return hmacSha256(signingKey, stringToSign).toHex();
}

} // namespace mgn
