#pragma once

#include "emulator/service/EmulatorResponse.h"
#include "emulator/service/OperationCall.h"

namespace mgn {

class Fleet;

// Waves: groups of applications migrated together (CreateWave ... ListWaves,
// AssociateApplications, DisassociateApplications). The emulator's rules,
// where the documentation leaves them open: an application belongs to at
// most one wave, an archived wave takes no applications and an archived
// application joins no wave, a wave with applications is not deleted
// (ConflictException).
namespace WaveOperations {
EmulatorResponse create(Fleet &fleet, const OperationCall &call);
EmulatorResponse update(Fleet &fleet, const OperationCall &call);
EmulatorResponse archive(Fleet &fleet, const OperationCall &call);
EmulatorResponse unarchive(Fleet &fleet, const OperationCall &call);
EmulatorResponse remove(Fleet &fleet, const OperationCall &call);
EmulatorResponse list(Fleet &fleet, const OperationCall &call);
EmulatorResponse associateApplications(Fleet &fleet, const OperationCall &call);
EmulatorResponse disassociateApplications(Fleet &fleet, const OperationCall &call);
} // namespace WaveOperations

} // namespace mgn
