#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

namespace mgn {

class Fleet;

// DescribeVcenterClients (GET, maxResults and nextToken in the query) and
// DeleteVcenterClient (204).
namespace VcenterClientOperations {
EmulatorResponse describe(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse remove(Fleet &fleet, const EmulatorRequest &request);
} // namespace VcenterClientOperations

} // namespace mgn
