#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

namespace mgn {

class Fleet;

// DescribeVcenterClients (GET, maxResults and nextToken in the query) and
// DeleteVcenterClient (204).
class VcenterClientOperations final
{
public:
    static EmulatorResponse describe(Fleet &fleet, const EmulatorRequest &request);
    static EmulatorResponse remove(Fleet &fleet, const EmulatorRequest &request);
};

} // namespace mgn
