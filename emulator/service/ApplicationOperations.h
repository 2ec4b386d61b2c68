#pragma once

#include "emulator/service/EmulatorResponse.h"
#include "emulator/service/OperationCall.h"

namespace mgn {

class Fleet;

// Applications: groups of source servers (CreateApplication ... ListApplications,
// AssociateSourceServers, DisassociateSourceServers). The emulator's rules,
// where the documentation leaves them open: a server belongs to at most one
// application, an application holds at most 200 servers
// (ServiceQuotaExceededException), an archived application takes no servers
// and an application with servers is not deleted (ConflictException).
namespace ApplicationOperations {
inline constexpr int maxSourceServers = 200;

EmulatorResponse create(Fleet &fleet, const OperationCall &call);
EmulatorResponse update(Fleet &fleet, const OperationCall &call);
EmulatorResponse archive(Fleet &fleet, const OperationCall &call);
EmulatorResponse unarchive(Fleet &fleet, const OperationCall &call);
EmulatorResponse remove(Fleet &fleet, const OperationCall &call);
EmulatorResponse list(Fleet &fleet, const OperationCall &call);
EmulatorResponse associateSourceServers(Fleet &fleet, const OperationCall &call);
EmulatorResponse disassociateSourceServers(Fleet &fleet, const OperationCall &call);
} // namespace ApplicationOperations

} // namespace mgn
