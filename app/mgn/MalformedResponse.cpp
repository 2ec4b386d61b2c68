#include "app/mgn/MalformedResponse.h"

#include <QCoreApplication>

namespace mgn {

AwsError malformedResponse(const AwsHttpResponse &response, const QString &operation, const JsonError &error)
{
    AwsError result = AwsError::transport(AwsError::Kind::MalformedResponse,
        QCoreApplication::translate("mgn::MgnClient", "The answer to %1 could not be read: %2")
            .arg(operation, error.toString()));
    result.requestId = response.requestId();
    return result;
}

} // namespace mgn
