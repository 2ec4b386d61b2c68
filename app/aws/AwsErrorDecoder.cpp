#include "app/aws/AwsError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <array>
#include <cmath>

// Wire decoding: what an error response says, as an AwsError.

namespace mgn {

using namespace Qt::StringLiterals;

namespace {

struct CodeKind final {
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

} // namespace mgn
