#include "app/aws/AwsError.h"

// User-facing text: the titles and the one-line message of an error. Holds no
// secret (the decoder cut what could hold one).

namespace mgn {

using namespace Qt::StringLiterals;

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
