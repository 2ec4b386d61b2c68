#pragma once

#include "models/domain/MgnEnums.h"
#include "models/domain/SourceServer.h"

#include <QStringList>

#include <optional>

namespace mgn {

class Fleet;

// The effects of the API calls on the fleet, as the API documentation states
// them, at simulated time `at` on servers whose moving values are fresh
// (FleetSimulator::refresh). The rules are checked before (ActionRules, in the
// operations); these only apply.
namespace FleetActions {
// READY_FOR_TEST or READY_FOR_CUTOVER. Leaving TESTING for
// READY_FOR_CUTOVER finalizes the test (lastTest.finalized), going back to
// READY_FOR_TEST from TESTING or READY_FOR_CUTOVER reverts it
// (lastTest.reverted), and READY_FOR_CUTOVER from CUTTING_OVER reverts
// the cutover (lastCutover.reverted), as the console's revert actions do.
void changeLifeCycle(Fleet &fleet, qsizetype index,
    mgn::ChangeServerLifeCycleStateSourceServerLifecycleState target, qint64 at);
// A LAUNCH job; each server becomes TESTING (StartTest) or CUTTING_OVER
// (StartCutover) with lastTest / lastCutover.initiated. Returns the job's index.
qsizetype startLaunch(Fleet &fleet, const QStringList &sourceServerIDs, mgn::InitiatedBy initiatedBy,
    const std::optional<mgn::Tags> &tags, qint64 at);
// A TERMINATE job. Returns the job's index.
qsizetype startTermination(
    Fleet &fleet, const QStringList &sourceServerIDs, const std::optional<mgn::Tags> &tags, qint64 at);
// dataReplicationState DISCONNECTED, lifeCycle.state CUTOVER, every
// replicated disk's totalStorageBytes 0, lag and ETA null,
// lastCutover.finalized.
void finalizeCutover(Fleet &fleet, qsizetype index, qint64 at);
// dataReplicationState DISCONNECTED, every replicated disk's
// totalStorageBytes 0, lag and ETA null; lifeCycle.state DISCONNECTED.
void disconnect(Fleet &fleet, qsizetype index);
void markAsArchived(Fleet &fleet, qsizetype index);
void startReplication(Fleet &fleet, qsizetype index, qint64 at);
// dataReplicationState and lifeCycle.state STOPPED, lag and ETA null.
void stopReplication(Fleet &fleet, qsizetype index);
void pauseReplication(Fleet &fleet, qsizetype index, qint64 at);
void resumeReplication(Fleet &fleet, qsizetype index, qint64 at);
// The initiation sequence begins again at once.
void retryReplication(Fleet &fleet, qsizetype index, qint64 at);
void changeReplicationType(Fleet &fleet, qsizetype index, mgn::ReplicationType type);
void deleteServer(Fleet &fleet, qsizetype index);
} // namespace FleetActions

} // namespace mgn
