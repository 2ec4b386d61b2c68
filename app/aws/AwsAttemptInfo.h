#pragma once

#include "app/aws/AwsError.h"
#include "app/aws/RetryStrategy.h"

#include <QMetaType>
#include <QString>

#include <chrono>
#include <optional>

namespace mgn {

// What happened to one attempt of a request, for logs, status bars and tests.
// Holds no secret: no header, no body, no credentials.
struct AwsAttemptInfo final {
    enum class Next {
        Done, // the request finished with this attempt
        Retry, // another attempt follows after `delay`
        ClockSkewRetry, // re-signed at once with the corrected clock
    };

    quint64 requestSerial = 0;
    QString operation;
    int attempt = 0; // 1-based; every request sent counts, clock-skew re-sends too
    int httpStatus = 0;
    std::optional<AwsError::Kind> errorKind; // absent on success
    QString errorCode;
    QString requestId;
    std::chrono::milliseconds elapsed { 0 };
    Next next = Next::Done;
    // Why the retries stopped or go on; meaningful when errorKind is set.
    RetryStrategy::Verdict verdict = RetryStrategy::Verdict::NotRetryable;
    std::chrono::milliseconds delay { 0 }; // before the next attempt
};

} // namespace mgn

Q_DECLARE_METATYPE(mgn::AwsAttemptInfo)
