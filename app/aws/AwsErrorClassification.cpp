#include "app/aws/AwsError.h"

#include <array>

// Retry classification: which kind of fault an error is, and whether sending
// the request again can help (RetryStrategy decides when and how often).

namespace mgn {

using namespace Qt::StringLiterals;

namespace {

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

} // namespace

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

} // namespace mgn
