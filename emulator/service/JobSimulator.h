#pragma once

#include "emulator/service/FleetJob.h"
#include "models/domain/MgnEnums.h"
#include "models/domain/SourceServer.h"

#include <QStringList>

#include <optional>

namespace mgn {

class Fleet;

// The jobs of the fleet: a LAUNCH job (StartTest, StartCutover) or a
// TERMINATE job (TerminateTargetInstances) is drawn whole when it is created
// and then revealed as simulated time passes:
// job PENDING -> STARTED -> COMPLETED; each participating server PENDING ->
// IN_PROGRESS -> LAUNCHED (with an EC2 instance ID; now and then FAILED) or
// TERMINATED, with the log items the service writes (JOB_START,
// CLEANUP_START/END when an earlier instance is replaced, SNAPSHOT_*,
// CONVERSION_*, LAUNCH_START, LAUNCH_FAILED, SERVER_SKIPPED, JOB_END).
namespace JobSimulator {
FleetJob launchJob(Fleet &fleet, const QStringList &sourceServerIDs, mgn::InitiatedBy initiatedBy,
    const std::optional<mgn::Tags> &tags, qint64 at);
FleetJob terminateJob(
    Fleet &fleet, const QStringList &sourceServerIDs, const std::optional<mgn::Tags> &tags, qint64 at);

// Applies every step due at or before `until`, to the job and to the
// servers it acts on.
void advance(Fleet &fleet, FleetJob &job, qint64 until);
} // namespace JobSimulator

} // namespace mgn
