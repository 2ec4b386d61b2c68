#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

namespace mgn {

class Fleet;

// GetLaunchConfiguration and UpdateLaunchConfiguration: how a server's test
// and cutover instances are launched. A server that never had its settings
// changed answers the ones made from the account's launch template.
namespace LaunchConfigurationOperations {
EmulatorResponse get(Fleet &fleet, const EmulatorRequest &request);
// Refused: bootMode USE_SOURCE (the operation takes LEGACY_BIOS or UEFI),
// enableMapAutoTagging without mapAutoTaggingMpeID, two SSM documents with
// one actionName (ValidationException); a disconnected or archived server
// (ConflictException).
EmulatorResponse update(Fleet &fleet, const EmulatorRequest &request);
} // namespace LaunchConfigurationOperations

} // namespace mgn
