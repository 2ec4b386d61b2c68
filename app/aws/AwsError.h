#pragma once

#include "app/aws/AwsHttpResponse.h"
#include "models/domain/EnumValue.h"
#include "models/domain/MgnEnums.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace mgn {

// A failed call to an AWS service, typed: an error the service answered
// (every error shape of the MGN API model, the SigV4/authentication errors
// AWS sends, any other code kept verbatim), or a transport failure (no
// answer, a broken or truncated answer, a timeout, a cancellation).
//
// Nothing here holds a secret: messages of signature errors are cut before
// the canonical request some services echo (it can contain the session token).
class AwsError final
{
    Q_DECLARE_TR_FUNCTIONS(AwsError)

public:
    enum class Kind {
        // The error shapes of the MGN API model.
        Validation,
        UninitializedAccount,
        ServiceQuotaExceeded,
        AccessDenied,
        ResourceNotFound,
        Conflict,
        Throttling,
        InternalServer,
        // Authentication and signature errors AWS answers for any service.
        InvalidSignature,
        UnrecognizedClient,
        ExpiredToken,
        IncompleteSignature,
        SignatureDoesNotMatch,
        MissingAuthenticationToken,
        // A code this build does not know (see `code`).
        UnknownServiceError,
        // An HTTP error status without an error type (e.g. a proxy's 502 page).
        UnexpectedHttpStatus,
        // Transport failures: no usable answer.
        ConnectionRefused,
        ConnectionClosed, // reset or dropped before a response
        HostNotFound,
        Tls,
        Timeout,
        Cancelled,
        TruncatedResponse, // fewer body bytes than Content-Length, connection closed
        MalformedResponse, // a body that is not what the protocol says (e.g. not JSON)
        NetworkError, // any other network failure
        CredentialsUnavailable,
    };

    // What kind of fault it is, which decides whether it is retried.
    enum class Category {
        CallerFault, // the request is wrong for the service's state: never retried
        Auth, // credentials or signature not accepted: never retried (clock skew aside)
        Throttling, // too many requests: retried
        ServerFault, // the service (or a gateway) failed: 500/502/503/504 retried
        Transport, // no usable answer: retried, but TLS failures and malformed bodies
        Cancelled, // the caller gave up: never retried
    };

    // ConflictException.errors: one per resource in conflict.
    struct Detail final {
        QString message;
        QString code;
        QString resourceId;
        QString resourceType;
        bool operator==(const Detail &) const = default;
    };
    // ValidationException.fieldList.
    struct Field final {
        QString name;
        QString message;
        bool operator==(const Field &) const = default;
    };

    Kind kind = Kind::NetworkError;
    int httpStatus = 0; // 0 when no response arrived
    QString code; // the error type as the service named it, e.g. "ConflictException"
    QString message;
    QString requestId; // x-amzn-RequestId
    // The body's `code` member (ConflictException, ValidationException, ...).
    QString bodyCode;
    QString resourceId;
    QString resourceType;
    QList<Detail> errors;
    std::optional<mgn::EnumValue<mgn::ValidationExceptionReason>> reason;
    QList<Field> fieldList;
    QString serviceCode;
    QString quotaCode;
    std::optional<qint64> quotaValue;
    // From Retry-After (ThrottlingException's and InternalServerException's
    // retryAfterSeconds): delta-seconds or an HTTP-date (measured against the
    // response's Date header when there is one).
    std::optional<std::chrono::milliseconds> retryAfter;

    // A failure with no (usable) response (AwsError.cpp).
    static AwsError transport(Kind kind, const QString &message = {});

    // Wire decoding (AwsErrorDecoder.cpp).
    //
    // Decodes an error response: the type from x-amzn-ErrorType, else the
    // body's `__type`, else its `code`/`Code`; anything after ':' and before
    // '#' dropped; the message from `message` or `Message`. botocore looks at
    // `code` before `__type`, but in MGN's shapes `code` is a member of the
    // error, not its type.
    static AwsError fromHttpResponse(
        int httpStatus, const AwsHttpResponse::Headers &headers, const QByteArray &body);
    static AwsError fromHttpResponse(const AwsHttpResponse &response);

    // The kind an error type names; UnknownServiceError for others.
    static Kind kindForCode(QStringView code);
    // "ValidationException", ...; the type a kind stands for, empty for kinds
    // that are not service errors.
    static QString codeForKind(Kind kind);
    // The bare type of a raw x-amzn-ErrorType / __type value.
    static QString normalizeCode(QStringView raw);

    // Retry classification (AwsErrorClassification.cpp).
    static Category categoryOf(Kind kind, QStringView code, int httpStatus);
    Category category() const { return categoryOf(kind, code, httpStatus); }

    static bool isThrottlingCode(QStringView code);
    static bool isTransientCode(QStringView code);
    static bool isTransientStatus(int httpStatus);

    bool isServiceError() const { return httpStatus != 0; }
    bool isThrottling() const { return category() == Category::Throttling; }
    // Worth sending again (attempts and quota aside): throttling, 500/502/
    // 503/504, transient codes, and transport failures but TLS and malformed
    // bodies. Never a 4xx that is the caller's fault, an auth error or a
    // cancellation.
    bool isRetryable() const;
    bool isTimeout() const { return kind == Kind::Timeout; }
    // An authentication error that may come from the local clock being off.
    bool isClockSkewError() const;

    // User-facing text (AwsErrorText.cpp).
    //
    // A short title for the kind, e.g. "Conflict".
    static QString kindTitle(Kind kind);
    static QString categoryTitle(Category category);
    // For the UI: "Conflict: <message> (resource s-123)", with the fields of
    // the error that help (invalid fields, retry delay). Holds no secret.
    QString userMessage() const;
    QString toString() const { return userMessage(); }

    bool operator==(const AwsError &) const = default;
};

} // namespace mgn
