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
class FleetActions final
{
public:
    // READY_FOR_TEST or READY_FOR_CUTOVER. Leaving TESTING for
    // READY_FOR_CUTOVER finalizes the test (lastTest.finalized), going back to
    // READY_FOR_TEST from TESTING or READY_FOR_CUTOVER reverts it
    // (lastTest.reverted), and READY_FOR_CUTOVER from CUTTING_OVER reverts
    // the cutover (lastCutover.reverted), as the console's revert actions do.
    static void changeLifeCycle(Fleet &fleet, qsizetype index,
        mgn::ChangeServerLifeCycleStateSourceServerLifecycleState target, qint64 at);
    // A LAUNCH job; each server becomes TESTING (StartTest) or CUTTING_OVER
    // (StartCutover) with lastTest / lastCutover.initiated. Returns the job's index.
    static qsizetype startLaunch(Fleet &fleet, const QStringList &sourceServerIDs,
        mgn::InitiatedBy initiatedBy, const std::optional<mgn::Tags> &tags, qint64 at);
    // A TERMINATE job. Returns the job's index.
    static qsizetype startTermination(
        Fleet &fleet, const QStringList &sourceServerIDs, const std::optional<mgn::Tags> &tags, qint64 at);
    // dataReplicationState DISCONNECTED, lifeCycle.state CUTOVER, every
    // replicated disk's totalStorageBytes 0, lag and ETA null,
    // lastCutover.finalized.
    static void finalizeCutover(Fleet &fleet, qsizetype index, qint64 at);
    // dataReplicationState DISCONNECTED, every replicated disk's
    // totalStorageBytes 0, lag and ETA null; lifeCycle.state DISCONNECTED.
    static void disconnect(Fleet &fleet, qsizetype index);
    static void markAsArchived(Fleet &fleet, qsizetype index);
    static void startReplication(Fleet &fleet, qsizetype index, qint64 at);
    // dataReplicationState and lifeCycle.state STOPPED, lag and ETA null.
    static void stopReplication(Fleet &fleet, qsizetype index);
    static void pauseReplication(Fleet &fleet, qsizetype index, qint64 at);
    static void resumeReplication(Fleet &fleet, qsizetype index, qint64 at);
    // The initiation sequence begins again at once.
    static void retryReplication(Fleet &fleet, qsizetype index, qint64 at);
    static void changeReplicationType(Fleet &fleet, qsizetype index, mgn::ReplicationType type);
    static void deleteServer(Fleet &fleet, qsizetype index);
};

} // namespace mgn
