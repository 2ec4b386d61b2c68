#include "app/aws/AwsError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <array>
#include <cmath>

namespace mgn {

using namespace Qt::StringLiterals;

namespace {

struct CodeKind {
    QLatin1StringView code;
    AwsError::Kind kind;
};

// The first code of a kind is the one codeForKind gives; the others are the
// spellings of the same error by other AWS front ends (query protocol, EC2).
constexpr std::array codeKinds {
    CodeKind { "ValidationException"_L1, AwsError::Kind::Validation },
    CodeKind { "UninitializedAccountException"_L1, AwsError::Kind::UninitializedAccount },
    CodeKind { "ServiceQuotaExceededException"_L1, AwsError::Kind::ServiceQuotaExceeded },
    CodeKind { "AccessDeniedException"_L1, AwsError::Kind::AccessDenied },
    CodeKind { "AccessDenied"_L1, AwsError::Kind::AccessDenied },
    CodeKind { "ResourceNotFoundException"_L1, AwsError::Kind::ResourceNotFound },
    CodeKind { "ConflictException"_L1, AwsError::Kind::Conflict },
    CodeKind { "ThrottlingException"_L1, AwsError::Kind::Throttling },
    CodeKind { "InternalServerException"_L1, AwsError::Kind::InternalServer },
    CodeKind { "InvalidSignatureException"_L1, AwsError::Kind::InvalidSignature },
    CodeKind { "RequestTimeTooSkewed"_L1, AwsError::Kind::InvalidSignature },
    CodeKind { "RequestExpired"_L1, AwsError::Kind::InvalidSignature },
    CodeKind { "RequestInTheFuture"_L1, AwsError::Kind::InvalidSignature },
    CodeKind { "UnrecognizedClientException"_L1, AwsError::Kind::UnrecognizedClient },
    CodeKind { "InvalidClientTokenId"_L1, AwsError::Kind::UnrecognizedClient },
    CodeKind { "InvalidAccessKeyId"_L1, AwsError::Kind::UnrecognizedClient },
    CodeKind { "AuthFailure"_L1, AwsError::Kind::UnrecognizedClient },
    CodeKind { "ExpiredTokenException"_L1, AwsError::Kind::ExpiredToken },
    CodeKind { "ExpiredToken"_L1, AwsError::Kind::ExpiredToken },
    CodeKind { "IncompleteSignatureException"_L1, AwsError::Kind::IncompleteSignature },
    CodeKind { "IncompleteSignature"_L1, AwsError::Kind::IncompleteSignature },
    CodeKind { "SignatureDoesNotMatch"_L1, AwsError::Kind::SignatureDoesNotMatch },
    CodeKind { "MissingAuthenticationTokenException"_L1, AwsError::Kind::MissingAuthenticationToken },
    CodeKind { "MissingAuthenticationToken"_L1, AwsError::Kind::MissingAuthenticationToken },
};

// botocore's ThrottledRetryableChecker list.
constexpr std::array throttlingCodes {
    "Throttling"_L1,
    "ThrottlingException"_L1,
    "ThrottledException"_L1,
    "RequestThrottledException"_L1,
    "TooManyRequestsException"_L1,
    "ProvisionedThroughputExceededException"_L1,
    "TransactionInProgressException"_L1,
    "RequestLimitExceeded"_L1,
    "BandwidthLimitExceeded"_L1,
    "LimitExceededException"_L1,
    "RequestThrottled"_L1,
    "SlowDown"_L1,
    "PriorRequestNotComplete"_L1,
    "EC2ThrottledException"_L1,
};

// botocore's TransientRetryableChecker codes.
constexpr std::array transientCodes {
    "RequestTimeout"_L1,
    "RequestTimeoutException"_L1,
    "PriorRequestNotComplete"_L1,
};

// Codes that say the signing time is off, whatever the message.
constexpr std::array clockSkewCodes {
    "RequestTimeTooSkewed"_L1,
    "RequestExpired"_L1,
    "RequestInTheFuture"_L1,
};

template<std::size_t N> bool contains(const std::array<QLatin1StringView, N> &list, QStringView code)
{
    for (const auto &entry : list) {
        if (code == entry)
            return true;
    }
    return false;
}

QString stringMember(const QJsonObject &object, QLatin1StringView name)
{
    const QJsonValue value = object.value(name);
    return value.isString() ? value.toString() : QString();
}

// Some services echo the canonical request and the string to sign in a
// signature error's message; the canonical request holds the values of the
// signed headers, the session token among them.
QString sanitizeMessage(QString message)
{
    for (const auto marker : { "The Canonical String"_L1, "The String-to-Sign"_L1, "Canonical request"_L1 }) {
        const qsizetype at = message.indexOf(marker, 0, Qt::CaseInsensitive);
        if (at >= 0)
            message.truncate(at);
    }
    return message.trimmed();
}

// A body that is not JSON (a proxy's error page, a truncated document) is kept
// as the message, as botocore does, shortened for display; of an HTML page,
// its title, or else its text without the markup.
QString textMessage(const QByteArray &body)
{
    constexpr qsizetype maxLength = 300;
    QString text = QString::fromUtf8(body);
    if (text.trimmed().startsWith(u'<')) {
        static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
            QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression invisible(QStringLiteral("<(script|style|head)[^>]*>.*?</\\1>"),
            QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
        const QRegularExpressionMatch match = title.match(text);
        if (match.hasMatch() && !match.captured(1).trimmed().isEmpty())
            text = match.captured(1);
        else
            text.remove(invisible).remove(tag);
    }
    text = text.simplified();
    if (text.size() > maxLength)
        text = text.left(maxLength) + u'\x2026';
    return text;
}

std::optional<std::chrono::milliseconds> parseRetryAfter(const AwsHttpResponse &response)
{
    const QByteArray value = response.header("Retry-After").trimmed();
    if (value.isEmpty())
        return std::nullopt;
    // Delta-seconds; ThrottlingException's is a string in the model, so a
    // fraction is accepted too.
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (ok) {
        if (seconds < 0 || !std::isfinite(seconds))
            return std::nullopt;
        return std::chrono::milliseconds(std::llround(std::min(seconds, 1e9) * 1000));
    }
    const auto when = AwsHttpResponse::parseHttpDate(value);
    if (!when)
        return std::nullopt;
    // Against the server's own clock when it says what time it is.
    const QDateTime reference = response.date().value_or(QDateTime::currentDateTimeUtc());
    return std::chrono::milliseconds(std::max<qint64>(0, reference.msecsTo(*when)));
}

} // namespace

QString AwsError::normalizeCode(QStringView raw)
{
    QStringView code = raw.trimmed();
    const qsizetype colon = code.indexOf(u':');
    if (colon >= 0)
        code = code.left(colon);
    const qsizetype hash = code.lastIndexOf(u'#');
    if (hash >= 0)
        code = code.mid(hash + 1);
    return code.toString();
}

AwsError::Kind AwsError::kindForCode(QStringView code)
{
    for (const auto &entry : codeKinds) {
        if (code == entry.code)
            return entry.kind;
    }
    return Kind::UnknownServiceError;
}

QString AwsError::codeForKind(Kind kind)
{
    for (const auto &entry : codeKinds) {
        if (entry.kind == kind)
            return entry.code;
    }
    return {};
}

bool AwsError::isThrottlingCode(QStringView code)
{
    return contains(throttlingCodes, code);
}

bool AwsError::isTransientCode(QStringView code)
{
    return contains(transientCodes, code);
}

bool AwsError::isTransientStatus(int httpStatus)
{
    return httpStatus == 500 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
}

AwsError AwsError::fromHttpResponse(const AwsHttpResponse &response)
{
    AwsError error;
    error.httpStatus = response.httpStatus;
    error.requestId = response.requestId();
    error.retryAfter = parseRetryAfter(response);

    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    const bool isJson = parseError.error == QJsonParseError::NoError;
    const QJsonObject body = document.object();

    QString rawCode = QString::fromLatin1(response.header("x-amzn-ErrorType"));
    if (rawCode.isEmpty())
        rawCode = stringMember(body, "__type"_L1);
    if (rawCode.isEmpty())
        rawCode = stringMember(body, "code"_L1);
    if (rawCode.isEmpty())
        rawCode = stringMember(body, "Code"_L1);
    error.code = normalizeCode(rawCode);
    error.kind = error.code.isEmpty() ? Kind::UnexpectedHttpStatus : kindForCode(error.code);

    if (isJson) {
        error.message = stringMember(body, "message"_L1);
        if (error.message.isEmpty())
            error.message = stringMember(body, "Message"_L1);
    } else if (!response.body.isEmpty()) {
        error.message = textMessage(response.body);
    }
    error.message = sanitizeMessage(error.message);

    error.bodyCode = stringMember(body, "code"_L1);
    error.resourceId = stringMember(body, "resourceId"_L1);
    error.resourceType = stringMember(body, "resourceType"_L1);
    error.serviceCode = stringMember(body, "serviceCode"_L1);
    error.quotaCode = stringMember(body, "quotaCode"_L1);
    const QJsonValue quotaValue = body.value("quotaValue"_L1);
    if (quotaValue.isDouble())
        error.quotaValue = quotaValue.toInteger();

    const QJsonArray details = body.value("errors"_L1).toArray();
    for (const QJsonValue &value : details) {
        const QJsonObject detail = value.toObject();
        error.errors.append(
            { sanitizeMessage(stringMember(detail, "message"_L1)), stringMember(detail, "code"_L1),
                stringMember(detail, "resourceId"_L1), stringMember(detail, "resourceType"_L1) });
    }
    const QString reason = stringMember(body, "reason"_L1);
    if (!reason.isEmpty())
        error.reason = mgn::EnumValue<mgn::ValidationExceptionReason>::fromWire(reason);
    const QJsonArray fields = body.value("fieldList"_L1).toArray();
    for (const QJsonValue &value : fields) {
        const QJsonObject field = value.toObject();
        error.fieldList.append({ stringMember(field, "name"_L1), stringMember(field, "message"_L1) });
    }
    return error;
}

AwsError AwsError::fromHttpResponse(
    int httpStatus, const AwsHttpResponse::Headers &headers, const QByteArray &body)
{
    return fromHttpResponse(AwsHttpResponse { httpStatus, headers, body });
}

AwsError AwsError::transport(Kind kind, const QString &message)
{
    AwsError error;
    error.kind = kind;
    error.message = message;
    return error;
}

AwsError::Category AwsError::categoryOf(Kind kind, QStringView code, int httpStatus)
{
    switch (kind) {
    case Kind::Validation:
    case Kind::UninitializedAccount:
    case Kind::ServiceQuotaExceeded:
    case Kind::AccessDenied:
    case Kind::ResourceNotFound:
    case Kind::Conflict:
        return Category::CallerFault;
    case Kind::Throttling:
        return Category::Throttling;
    case Kind::InternalServer:
        return Category::ServerFault;
    case Kind::InvalidSignature:
    case Kind::UnrecognizedClient:
    case Kind::ExpiredToken:
    case Kind::IncompleteSignature:
    case Kind::SignatureDoesNotMatch:
    case Kind::MissingAuthenticationToken:
    case Kind::CredentialsUnavailable:
        return Category::Auth;
    case Kind::ConnectionRefused:
    case Kind::ConnectionClosed:
    case Kind::HostNotFound:
    case Kind::Tls:
    case Kind::Timeout:
    case Kind::TruncatedResponse:
    case Kind::MalformedResponse:
    case Kind::NetworkError:
        return Category::Transport;
    case Kind::Cancelled:
        return Category::Cancelled;
    case Kind::UnknownServiceError:
    case Kind::UnexpectedHttpStatus:
        break;
    }
    // 429 counts as throttling whatever the body says (botocore looks at the
    // code only): a gateway in front of the service may answer it bare.
    if (isThrottlingCode(code) || httpStatus == 429)
        return Category::Throttling;
    if (isTransientCode(code))
        return Category::Transport;
    if (httpStatus >= 500)
        return Category::ServerFault;
    return Category::CallerFault;
}

bool AwsError::isRetryable() const
{
    switch (category()) {
    case Category::Throttling:
        return true;
    case Category::Transport:
        // A certificate or a body the protocol does not allow will not be
        // different on the next attempt.
        return kind != Kind::Tls && kind != Kind::MalformedResponse;
    case Category::ServerFault:
        return isTransientStatus(httpStatus);
    case Category::CallerFault:
    case Category::Auth:
    case Category::Cancelled:
        break;
    }
    return false;
}

QString AwsError::categoryTitle(Category category)
{
    switch (category) {
    case Category::CallerFault:
        return tr("Request rejected");
    case Category::Auth:
        return tr("Authentication failed");
    case Category::Throttling:
        return tr("Throttled");
    case Category::ServerFault:
        return tr("Service failure");
    case Category::Transport:
        return tr("Network failure");
    case Category::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

bool AwsError::isClockSkewError() const
{
    if (contains(clockSkewCodes, code))
        return true;
    if (kind != Kind::InvalidSignature && kind != Kind::SignatureDoesNotMatch && code != "AuthFailure"_L1)
        return false;
    return message.contains("Signature expired"_L1, Qt::CaseInsensitive)
        || message.contains("Signature not yet current"_L1, Qt::CaseInsensitive)
        || message.contains("skew"_L1, Qt::CaseInsensitive);
}

QString AwsError::kindTitle(Kind kind)
{
    switch (kind) {
    case Kind::Validation:
        return tr("Invalid request");
    case Kind::UninitializedAccount:
        return tr("Application Migration Service is not initialized in this account and region");
    case Kind::ServiceQuotaExceeded:
        return tr("Service quota exceeded");
    case Kind::AccessDenied:
        return tr("Access denied");
    case Kind::ResourceNotFound:
        return tr("Not found");
    case Kind::Conflict:
        return tr("Conflict");
    case Kind::Throttling:
        return tr("Too many requests");
    case Kind::InternalServer:
        return tr("Internal service error");
    case Kind::InvalidSignature:
    case Kind::SignatureDoesNotMatch:
    case Kind::IncompleteSignature:
        return tr("Request signature rejected");
    case Kind::UnrecognizedClient:
        return tr("Access key not recognized");
    case Kind::MissingAuthenticationToken:
        return tr("Request not signed");
    case Kind::ExpiredToken:
        return tr("Credentials expired");
    case Kind::UnknownServiceError:
        return tr("Unknown service error");
    case Kind::UnexpectedHttpStatus:
        return tr("Unexpected HTTP status");
    case Kind::ConnectionRefused:
        return tr("Connection refused");
    case Kind::ConnectionClosed:
        return tr("Connection closed");
    case Kind::HostNotFound:
        return tr("Host not found");
    case Kind::Tls:
        return tr("Secure connection failed");
    case Kind::Timeout:
        return tr("Timed out");
    case Kind::Cancelled:
        return tr("Cancelled");
    case Kind::TruncatedResponse:
        return tr("Incomplete response");
    case Kind::MalformedResponse:
        return tr("Malformed response");
    case Kind::NetworkError:
        return tr("Network error");
    case Kind::CredentialsUnavailable:
        return tr("No credentials");
    }
    return {};
}

QString AwsError::userMessage() const
{
    QString text = kindTitle(kind);
    if (kind == Kind::UnknownServiceError)
        text = tr("Service error %1").arg(code);
    else if (kind == Kind::UnexpectedHttpStatus)
        text = tr("HTTP status %1 without an AWS error (from a proxy or gateway?)").arg(httpStatus);
    if (!message.isEmpty())
        text += u": "_s + message;
    if (!resourceId.isEmpty())
        text += u' ' + tr("(resource %1)").arg(resourceId);
    if (!fieldList.isEmpty()) {
        QStringList fields;
        for (const Field &field : fieldList)
            fields.append(field.message.isEmpty() ? field.name : field.name + u": "_s + field.message);
        text += u' ' + tr("[%1]").arg(fields.join(u"; "_s));
    }
    if (!errors.isEmpty()) {
        QStringList details;
        for (const Detail &detail : errors) {
            const QString subject = detail.resourceId.isEmpty() ? detail.code : detail.resourceId;
            details.append(subject.isEmpty() ? detail.message : subject + u": "_s + detail.message);
        }
        text += u' ' + tr("[%1]").arg(details.join(u"; "_s));
    }
    if (!quotaCode.isEmpty() && quotaValue)
        text += u' ' + tr("(quota %1: %2)").arg(quotaCode).arg(*quotaValue);
    if (retryAfter && isThrottling())
        text += u' ' + tr("Try again in %n second(s).", nullptr, int((retryAfter->count() + 999) / 1000));
    return text;
}

} // namespace mgn
