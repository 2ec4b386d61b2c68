#include "emulator/http/SigV4Verifier.h"

#include "app/aws/AwsHttpResponse.h"
#include "app/aws/SigV4Signer.h"

#include <QStringList>

#include <algorithm>
#include <optional>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

struct SigV4Verifier::Authorization final {
    QByteArray accessKeyId;
    QByteArray scopeDate;
    QByteArray scopeRegion;
    QByteArray scopeService;
    QByteArray scopeTerminator;
    QByteArray signedHeaders; // as given: "content-type;host;x-amz-date"
    QByteArray signature;
    QByteArray amzDate; // yyyyMMddTHHmmssZ
    std::optional<QByteArray> sessionToken;
    QList<QByteArray> canonicalQueries; // the canonical query strings a valid signature may have used
    QList<QByteArray> payloadHashes; // the payload hashes a valid signature may have used
    std::optional<qint64> expiresSeconds; // presigned requests only
};

namespace {

using Failure = SigV4Verifier::Failure;
using Result = SigV4Verifier::Result;

Result refuse(Failure failure, const QString &message)
{
    Result result;
    result.failure = failure;
    result.message = message;
    switch (failure) {
    case Failure::None:
        result.status = 200;
        break;
    case Failure::MissingAuthentication:
        result.status = 403;
        result.errorType = u"MissingAuthenticationTokenException"_s;
        break;
    case Failure::IncompleteSignature:
        result.status = 403;
        result.errorType = u"IncompleteSignatureException"_s;
        break;
    case Failure::UnrecognizedClient:
        result.status = 403;
        result.errorType = u"UnrecognizedClientException"_s;
        break;
    case Failure::SignatureExpired:
    case Failure::SignatureNotYetCurrent:
    case Failure::InvalidScope:
    case Failure::SignatureMismatch:
        result.status = 403;
        result.errorType = u"InvalidSignatureException"_s;
        break;
    }
    return result;
}

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool hasHeader(const EmulatorRequest::Headers &headers, QByteArrayView name)
{
    return std::any_of(headers.cbegin(), headers.cend(),
        [name](const auto &header) { return sameName(header.first, name); });
}

// The values of every header of that name, each canonicalised, joined by ','.
QByteArray canonicalValues(const EmulatorRequest::Headers &headers, QByteArrayView name)
{
    QByteArray value;
    bool first = true;
    for (const auto &[key, headerValue] : headers) {
        if (!sameName(key.trimmed(), name))
            continue;
        if (!first)
            value += ',';
        value += SigV4Signer::canonicalHeaderValue(headerValue);
        first = false;
    }
    return value;
}

QByteArray rawValues(const EmulatorRequest::Headers &headers, QByteArrayView name)
{
    QByteArray value;
    bool first = true;
    for (const auto &[key, headerValue] : headers) {
        if (!sameName(key, name))
            continue;
        if (!first)
            value += ',';
        value += headerValue;
        first = false;
    }
    return value.trimmed();
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

// yyyyMMddTHHmmssZ, in UTC.
std::optional<QDateTime> parseAmzDate(const QByteArray &text)
{
    if (text.size() != 16 || text.at(8) != 'T' || text.at(15) != 'Z')
        return std::nullopt;
    const QDate date = QDate::fromString(QString::fromLatin1(text.left(8)), u"yyyyMMdd"_s);
    const QTime time = QTime::fromString(QString::fromLatin1(text.mid(9, 6)), u"HHmmss"_s);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

} // namespace

EmulatorResponse SigV4Verifier::Result::response() const
{
    return EmulatorResponse::error(status, errorType, message);
}

SigV4Verifier::SigV4Verifier(Options options, std::shared_ptr<const Clock> clock)
    : m_options(std::move(options))
    , m_clock(std::move(clock))
{ }

bool SigV4Verifier::parseCredential(const QByteArray &credential, Authorization *authorization)
{
    // AKID/20150830/us-east-1/mgn/aws4_request
    const QList<QByteArray> parts = credential.split('/');
    if (parts.size() != 5 || parts.at(0).isEmpty())
        return false;
    authorization->accessKeyId = parts.at(0);
    authorization->scopeDate = parts.at(1);
    authorization->scopeRegion = parts.at(2);
    authorization->scopeService = parts.at(3);
    authorization->scopeTerminator = parts.at(4);
    return true;
}

SigV4Verifier::Result SigV4Verifier::verify(const EmulatorRequest &request) const
{
    const QList<QByteArray> pairs = request.query.split('&');
    for (const QByteArray &pair : pairs) {
        const QByteArray key = QByteArray::fromPercentEncoding(pair.left(pair.indexOf('=')));
        if (key == "X-Amz-Signature" || key == "X-Amz-Algorithm" || key == "X-Amz-Credential")
            return verifyQuery(request);
    }
    if (!hasHeader(request.headers, "Authorization"))
        return refuse(Failure::MissingAuthentication, u"Missing Authentication Token"_s);
    return verifyHeaders(request);
}

SigV4Verifier::Result SigV4Verifier::verifyHeaders(const EmulatorRequest &request) const
{
    const QByteArray header = rawValues(request.headers, "Authorization");
    const QByteArray algorithm = SigV4Signer::algorithm.toByteArray();
    if (!header.startsWith(QByteArray(algorithm + ' '))) {
        return refuse(Failure::IncompleteSignature,
            u"Authorization header requires the AWS4-HMAC-SHA256 scheme with the Credential, SignedHeaders "
            u"and "
            "Signature parameters."_s);
    }

    Authorization authorization;
    QByteArray credential;
    const QList<QByteArray> components = header.mid(algorithm.size() + 1).split(',');
    for (const QByteArray &component : components) {
        const QByteArray item = component.trimmed();
        const qsizetype equals = item.indexOf('=');
        const QByteArray name = equals < 0 ? item : item.left(equals).trimmed();
        const QByteArray value = equals < 0 ? QByteArray() : item.mid(equals + 1).trimmed();
        if (name == "Credential")
            credential = value;
        else if (name == "SignedHeaders")
            authorization.signedHeaders = value;
        else if (name == "Signature")
            authorization.signature = value;
    }
    authorization.amzDate = rawValues(request.headers, "X-Amz-Date");
    if (authorization.amzDate.isEmpty() && hasHeader(request.headers, "Date")) {
        // The Date header may stand in for X-Amz-Date (in HTTP-date form).
        if (const auto date = AwsHttpResponse::parseHttpDate(rawValues(request.headers, "Date")))
            authorization.amzDate = SigV4Signer::amzDate(*date);
        else
            authorization.amzDate = rawValues(request.headers, "Date");
    }

    QStringList missing;
    if (credential.isEmpty())
        missing.append(u"Authorization header requires 'Credential' parameter."_s);
    if (authorization.signature.isEmpty())
        missing.append(u"Authorization header requires 'Signature' parameter."_s);
    if (authorization.signedHeaders.isEmpty())
        missing.append(u"Authorization header requires 'SignedHeaders' parameter."_s);
    if (authorization.amzDate.isEmpty())
        missing.append(
            u"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."_s);
    if (!missing.isEmpty())
        return refuse(Failure::IncompleteSignature, missing.join(u' '));
    if (!parseCredential(credential, &authorization)) {
        return refuse(Failure::IncompleteSignature,
            u"Credential must have the form ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/aws4_request."_s);
    }

    if (hasHeader(request.headers, "X-Amz-Security-Token"))
        authorization.sessionToken = rawValues(request.headers, "X-Amz-Security-Token");
    authorization.canonicalQueries = { SigV4Signer::canonicalQueryString(request.query) };

    const QByteArray bodyHash = SigV4Signer::hexSha256(request.body);
    const QByteArray declared = rawValues(request.headers, "x-amz-content-sha256");
    if (declared.isEmpty()) {
        authorization.payloadHashes = { bodyHash };
    } else if (declared == SigV4Signer::unsignedPayloadValue) {
        authorization.payloadHashes = { declared };
    } else if (declared.toLower() == bodyHash) {
        authorization.payloadHashes = { declared };
    } else {
        return refuse(Failure::SignatureMismatch,
            u"The provided 'x-amz-content-sha256' header does not match what was computed."_s);
    }
    return check(request, authorization);
}

SigV4Verifier::Result SigV4Verifier::verifyQuery(const EmulatorRequest &request) const
{
    Authorization authorization;
    QByteArray algorithm;
    QByteArray credential;
    QByteArray expires;
    QByteArray unsignedQuery;
    QByteArray unsignedQueryWithoutToken;
    const QList<QByteArray> pairs = request.query.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArray key = QByteArray::fromPercentEncoding(equals < 0 ? pair : pair.left(equals));
        const QByteArray value
            = equals < 0 ? QByteArray() : QByteArray::fromPercentEncoding(pair.mid(equals + 1));
        if (key == "X-Amz-Signature") {
            authorization.signature = value;
            continue; // the one parameter not signed
        }
        if (key == "X-Amz-Algorithm")
            algorithm = value;
        else if (key == "X-Amz-Credential")
            credential = value;
        else if (key == "X-Amz-Date")
            authorization.amzDate = value;
        else if (key == "X-Amz-SignedHeaders")
            authorization.signedHeaders = value;
        else if (key == "X-Amz-Expires")
            expires = value;
        else if (key == "X-Amz-Security-Token")
            authorization.sessionToken = value;
        if (!unsignedQuery.isEmpty())
            unsignedQuery += '&';
        unsignedQuery += pair;
        if (key != "X-Amz-Security-Token") {
            if (!unsignedQueryWithoutToken.isEmpty())
                unsignedQueryWithoutToken += '&';
            unsignedQueryWithoutToken += pair;
        }
    }
    if (algorithm.isEmpty() || credential.isEmpty() || authorization.signature.isEmpty()
        || authorization.amzDate.isEmpty() || authorization.signedHeaders.isEmpty()) {
        return refuse(Failure::IncompleteSignature,
            u"AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', "
            "'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders'. Re-examine the query-string parameters."_s);
    }
    if (algorithm != SigV4Signer::algorithm)
        return refuse(Failure::IncompleteSignature, u"X-Amz-Algorithm only supports 'AWS4-HMAC-SHA256'."_s);
    if (!parseCredential(credential, &authorization)) {
        return refuse(Failure::IncompleteSignature,
            u"X-Amz-Credential must have the form ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/aws4_request."_s);
    }
    bool ok = false;
    const qint64 seconds = expires.toLongLong(&ok);
    if (!ok || seconds < 1 || seconds > 604800) {
        return refuse(Failure::IncompleteSignature,
            u"X-Amz-Expires must be a number of seconds between 1 and 604800."_s);
    }
    authorization.expiresSeconds = seconds;
    authorization.canonicalQueries = { SigV4Signer::canonicalQueryString(unsignedQuery) };
    // A client may add the session token after signing (the suite's
    // post-sts-header-after), as a header request may leave it out of its
    // signed headers; either way it must still be the credentials' token.
    if (authorization.sessionToken)
        authorization.canonicalQueries.append(SigV4Signer::canonicalQueryString(unsignedQueryWithoutToken));
    // A presigned request cannot know its payload: the SDKs sign
    // UNSIGNED-PAYLOAD (S3 style) or, over plain HTTP, the body's hash.
    authorization.payloadHashes
        = { SigV4Signer::hexSha256(request.body), SigV4Signer::unsignedPayloadValue.toByteArray() };
    return check(request, authorization);
}

SigV4Verifier::Result SigV4Verifier::check(
    const EmulatorRequest &request, const Authorization &authorization) const
{
    const AwsCredentials &credentials = m_options.credentials;
    if (authorization.accessKeyId != credentials.accessKeyId.toUtf8())
        return refuse(Failure::UnrecognizedClient, QString::fromLatin1(unrecognizedClientMessage));
    const QByteArray expectedToken
        = credentials.hasSessionToken() ? credentials.sessionToken->toUtf8() : QByteArray();
    const QByteArray givenToken = authorization.sessionToken.value_or(QByteArray());
    if (!constantTimeEquals(givenToken, expectedToken))
        return refuse(Failure::UnrecognizedClient, QString::fromLatin1(unrecognizedClientMessage));

    const std::optional<QDateTime> signedAt = parseAmzDate(authorization.amzDate);
    if (!signedAt) {
        return refuse(Failure::IncompleteSignature,
            u"Date must be in ISO-8601 'basic format'. Got '%1'. See http://en.wikipedia.org/wiki/ISO_8601"_s
                .arg(text(authorization.amzDate)));
    }
    const QDateTime now = (m_clock ? m_clock : Clock::instance())->currentDateTimeUtc();
    const qint64 skew = m_options.maxSkew.count();
    const QByteArray nowText = SigV4Signer::amzDate(now);
    const QString minutes = QString::number(double(skew) / 60, 'g', 6);
    if (authorization.expiresSeconds) {
        if (now > signedAt->addSecs(*authorization.expiresSeconds)) {
            return refuse(Failure::SignatureExpired,
                u"Signature expired: %1 is now earlier than %2 (%3 - %4 sec.)"_s.arg(
                    text(authorization.amzDate),
                    text(SigV4Signer::amzDate(now.addSecs(-*authorization.expiresSeconds))), text(nowText),
                    QString::number(*authorization.expiresSeconds)));
        }
    } else if (*signedAt < now.addSecs(-skew)) {
        return refuse(Failure::SignatureExpired,
            u"Signature expired: %1 is now earlier than %2 (%3 - %4 min.)"_s.arg(text(authorization.amzDate),
                text(SigV4Signer::amzDate(now.addSecs(-skew))), text(nowText), minutes));
    }
    if (*signedAt > now.addSecs(skew)) {
        return refuse(Failure::SignatureNotYetCurrent,
            u"Signature not yet current: %1 is still later than %2 (%3 + %4 min.)"_s.arg(
                text(authorization.amzDate), text(SigV4Signer::amzDate(now.addSecs(skew))), text(nowText),
                minutes));
    }

    if (authorization.scopeTerminator != "aws4_request") {
        return refuse(Failure::InvalidScope,
            u"Credential should be scoped with a valid terminator: 'aws4_request', not '%1'."_s.arg(
                text(authorization.scopeTerminator)));
    }
    if (authorization.scopeService != m_options.service.toUtf8()) {
        return refuse(Failure::InvalidScope,
            u"Credential should be scoped to correct service: '%1'."_s.arg(m_options.service));
    }
    if (authorization.scopeRegion != m_options.region.toUtf8()) {
        return refuse(Failure::InvalidScope,
            u"Credential should be scoped to a valid region, not '%1'. This emulator serves '%2'."_s.arg(
                text(authorization.scopeRegion), m_options.region));
    }
    if (authorization.scopeDate != authorization.amzDate.left(8)) {
        return refuse(Failure::InvalidScope,
            u"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '%1' "
            u"!= "
            "'%2', from '%3'."_s.arg(text(authorization.scopeDate), text(authorization.amzDate.left(8)),
                text(authorization.amzDate)));
    }

    const QList<QByteArray> signedNames = authorization.signedHeaders.split(';');
    if (!signedNames.contains("host")) {
        return refuse(Failure::IncompleteSignature,
            u"'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."_s);
    }
    // The signed headers only, in the order the client listed them (which it
    // sorted when it signed).
    QByteArray canonicalHeaders;
    for (const QByteArray &name : signedNames)
        canonicalHeaders += name + ':' + canonicalValues(request.headers, name) + '\n';

    const QByteArray scope = authorization.scopeDate + '/' + authorization.scopeRegion + '/'
        + authorization.scopeService + '/' + authorization.scopeTerminator;
    const QByteArray signingKey = SigV4Signer::deriveSigningKey(credentials.secretAccessKey,
        authorization.scopeDate, text(authorization.scopeRegion), text(authorization.scopeService));
    const QByteArray uri = SigV4Signer::canonicalUri(request.path, m_options.normalizePath, true);
    for (const QByteArray &canonicalQuery : authorization.canonicalQueries) {
        for (const QByteArray &payloadHash : authorization.payloadHashes) {
            const QByteArray canonicalRequest = SigV4Signer::canonicalRequest(request.method, uri,
                canonicalQuery, canonicalHeaders, authorization.signedHeaders, payloadHash);
            const QByteArray expected = SigV4Signer::signature(
                signingKey, SigV4Signer::stringToSign(authorization.amzDate, scope, canonicalRequest));
            if (constantTimeEquals(expected, authorization.signature))
                return {};
        }
    }
    return refuse(Failure::SignatureMismatch, QString::fromLatin1(signatureMismatchMessage));
}

} // namespace mgn
