#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

namespace mgn {

class Fleet;

// Replication and launch configuration templates: Create (201), Update,
// Delete (204) and Describe (paged, filtered by IDs). The account's first
// replication template is the one servers that start replication take.
// The account keeps at least one template of each kind: deleting the last
// one is a ConflictException, as servers added later need it.
namespace TemplateOperations {
EmulatorResponse createReplicationTemplate(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse updateReplicationTemplate(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse deleteReplicationTemplate(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse describeReplicationTemplates(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse createLaunchTemplate(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse updateLaunchTemplate(Fleet &fleet, const EmulatorRequest &request);
// Also removes the template's post-launch actions.
EmulatorResponse deleteLaunchTemplate(Fleet &fleet, const EmulatorRequest &request);
EmulatorResponse describeLaunchTemplates(Fleet &fleet, const EmulatorRequest &request);
} // namespace TemplateOperations

} // namespace mgn
