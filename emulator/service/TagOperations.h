#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

namespace mgn {

class Fleet;

// ListTagsForResource (GET), TagResource (POST) and UntagResource (DELETE)
// on /tags/{resourceArn}: the ARN of a source server, job or vCenter client,
// percent-encoded in the path; UntagResource's keys are repeated tagKeys
// query parameters.
namespace TagOperations {
EmulatorResponse handle(Fleet &fleet, const EmulatorRequest &request);
} // namespace TagOperations

} // namespace mgn
