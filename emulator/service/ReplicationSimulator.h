#pragma once

#include "emulator/service/FleetServer.h"
#include "models/domain/MgnEnums.h"

#include <QString>

namespace mgn {

class Fleet;

// How one server's data replication moves on in simulated time.
//
// Agent-based: INITIATING (the eleven initiation steps one by one, each of
// which can fail: STALLED with the matching FAILED_TO_... error and a next
// attempt) -> INITIAL_SYNC (bytes growing per disk, with an ETA) ->
// CONTINUOUS (lifecycle NOT_READY -> READY_FOR_TEST, a lag that wanders)
// with occasional BACKLOG, RESCAN or STALLED spells. Agentless (snapshot
// shipping): INITIATING -> PENDING_SNAPSHOT_SHIPPING -> SHIPPING_SNAPSHOT ->
// CREATING_SNAPSHOT -> CONTINUOUS, and a snapshot cycle again every half hour
// or so, the lag being the age of the last snapshot.
//
// Discrete changes happen at ServerSimulation::nextEvent (advance); the
// values in between (bytes, lag, ETA, last seen) are recomputed by refresh
// as a function of the record and the time.
class ReplicationSimulator final
{
public:
    // Applies every change due at or before `until`, in order.
    static void advance(const Fleet &fleet, FleetServer &entry, qint64 until);
    // Brings the moving values to `at` (normally fleet.simNow).
    static void refresh(const Fleet &fleet, FleetServer &entry, qint64 at);

    // Entering a phase at simulated time `at`; the server's values must be
    // fresh (refresh) at `at`.
    static void beginInitiation(const Fleet &fleet, FleetServer &entry, qint64 at, int fromStep = 0);
    static void beginInitialSync(const Fleet &fleet, FleetServer &entry, qint64 at);
    static void beginContinuous(const Fleet &fleet, FleetServer &entry, qint64 at);
    static void beginBacklog(const Fleet &fleet, FleetServer &entry, qint64 at);
    static void beginRescan(const Fleet &fleet, FleetServer &entry, qint64 at);
    static void beginStall(
        const Fleet &fleet, FleetServer &entry, qint64 at, mgn::DataReplicationErrorString error);
    static void beginSnapshotCycle(const Fleet &fleet, FleetServer &entry, qint64 at);
    static void beginSnapshotShipping(const Fleet &fleet, FleetServer &entry, qint64 at);
    static void beginSnapshotCreation(const Fleet &fleet, FleetServer &entry, qint64 at);
    // The initiation step in progress fails: STALLED with the step's error and
    // a next attempt.
    static void failInitiation(const Fleet &fleet, FleetServer &entry, qint64 at);

    // The eleven steps, those before `current` SUCCEEDED, `current`
    // IN_PROGRESS, the rest NOT_STARTED (current = initiationStepCount():
    // all SUCCEEDED).
    static void setInitiationSteps(mgn::SourceServer &server, int current);
    static int initiationStepCount();

    // The replication calls (the rules were checked by the caller).
    static void stop(FleetServer &entry);
    static void start(const Fleet &fleet, FleetServer &entry, qint64 at);
    static void pause(FleetServer &entry, qint64 at);
    static void resume(const Fleet &fleet, FleetServer &entry, qint64 at);
    // Nothing moves on any more (disconnected, cut over).
    static void halt(FleetServer &entry);

    // The error a failed initiation step reports, and a raw text for it.
    static mgn::DataReplicationErrorString errorForStep(mgn::DataReplicationInitiationStepName step);
    static QString rawErrorText(mgn::DataReplicationErrorString error);
};

} // namespace mgn
