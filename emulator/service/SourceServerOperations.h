#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"
#include "emulator/service/OperationCall.h"
#include "models/rules/Action.h"

namespace mgn {

class Fleet;

// The operations on source servers: DescribeSourceServers and the calls that
// act on one server (ChangeServerLifeCycleState, FinalizeCutover,
// DisconnectFromService, MarkAsArchived, the replication calls,
// UpdateSourceServerReplicationType, DeleteSourceServer). Each checks its
// input against the API model, finds the server (ResourceNotFoundException),
// applies the rule of ActionRules (the declared refusal), then the documented
// effect (FleetActions), and answers the updated SourceServer.
namespace SourceServerOperations {
EmulatorResponse describe(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse changeLifeCycleState(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse updateReplicationType(Fleet &fleet, const EmulatorRequest &request);
// FinalizeCutover, DisconnectFromService, MarkAsArchived,
// RetryDataReplication, Start/Stop/Pause/ResumeReplication and
// DeleteSourceServer: {sourceServerID, accountID} in, the server out
// (DeleteSourceServer: 204, nothing).
// UpdateSourceServer: sets or clears (an empty structure) its
// connectorAction; the connector its ARN names must exist.
EmulatorResponse update(Fleet &fleet, const OperationCall &call);
EmulatorResponse act(Fleet &fleet, const EmulatorRequest &request, mgn::Action action);
} // namespace SourceServerOperations

} // namespace mgn
