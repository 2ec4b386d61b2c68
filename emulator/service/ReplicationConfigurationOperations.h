#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

namespace mgn {

class Fleet;

// GetReplicationConfiguration and UpdateReplicationConfiguration: how a
// server's data reaches the staging area. replicatedDisks lists the server's
// own disks; an update names some of them by deviceName and changes those.
namespace ReplicationConfigurationOperations {
EmulatorResponse get(Fleet &fleet, const EmulatorRequest &request);
// Refused: a disk the server does not have, a disk named twice, iops or
// throughput on a staging disk type that has none, EBS encryption rules
// (ReplicationSettingsRules) (ValidationException); a disconnected or
// archived server (ConflictException).
EmulatorResponse update(Fleet &fleet, const EmulatorRequest &request);
} // namespace ReplicationConfigurationOperations

} // namespace mgn
