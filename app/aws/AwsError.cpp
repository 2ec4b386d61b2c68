#include "app/aws/AwsError.h"

namespace mgn {

// The value itself. Its other members live by concern:
//   AwsErrorDecoder.cpp         an error response (status, headers, body) -> AwsError
//   AwsErrorClassification.cpp  category, retryable, throttling, clock skew
//   AwsErrorText.cpp            the titles and messages shown to the user

AwsError AwsError::transport(Kind kind, const QString &message)
{
    AwsError error;
    error.kind = kind;
    error.message = message;
    return error;
}

} // namespace mgn
