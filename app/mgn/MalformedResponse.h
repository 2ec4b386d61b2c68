#pragma once

#include "app/aws/AwsError.h"
#include "app/aws/AwsHttpResponse.h"
#include "models/json/JsonError.h"

#include <QString>

namespace mgn {

// A 2xx answer whose body is not what the operation returns: a
// MalformedResponse error naming the operation and the member at fault.
AwsError malformedResponse(const AwsHttpResponse &response, const QString &operation, const JsonError &error);

} // namespace mgn
