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
namespace ReplicationSimulator {
// Applies every change due at or before `until`, in order.
void advance(const Fleet &fleet, FleetServer &entry, qint64 until);
// Brings the moving values to `at` (normally fleet.simNow).
void refresh(const Fleet &fleet, FleetServer &entry, qint64 at);

// Entering a phase at simulated time `at`; the server's values must be
// fresh (refresh) at `at`.
void beginInitiation(const Fleet &fleet, FleetServer &entry, qint64 at, int fromStep = 0);
void beginInitialSync(const Fleet &fleet, FleetServer &entry, qint64 at);
void beginContinuous(const Fleet &fleet, FleetServer &entry, qint64 at);
void beginBacklog(const Fleet &fleet, FleetServer &entry, qint64 at);
void beginRescan(const Fleet &fleet, FleetServer &entry, qint64 at);
void beginStall(const Fleet &fleet, FleetServer &entry, qint64 at, mgn::DataReplicationErrorString error);
void beginSnapshotCycle(const Fleet &fleet, FleetServer &entry, qint64 at);
void beginSnapshotShipping(const Fleet &fleet, FleetServer &entry, qint64 at);
void beginSnapshotCreation(const Fleet &fleet, FleetServer &entry, qint64 at);
// The initiation step in progress fails: STALLED with the step's error and
// a next attempt.
void failInitiation(const Fleet &fleet, FleetServer &entry, qint64 at);

// The eleven steps, those before `current` SUCCEEDED, `current`
// IN_PROGRESS, the rest NOT_STARTED (current = initiationStepCount():
// all SUCCEEDED).
void setInitiationSteps(mgn::SourceServer &server, int current);
int initiationStepCount();

// The replication calls (the rules were checked by the caller).
void stop(FleetServer &entry);
void start(const Fleet &fleet, FleetServer &entry, qint64 at);
void pause(FleetServer &entry, qint64 at);
void resume(const Fleet &fleet, FleetServer &entry, qint64 at);
// Nothing moves on any more (disconnected, cut over).
void halt(FleetServer &entry);

// The error a failed initiation step reports, and a raw text for it.
mgn::DataReplicationErrorString errorForStep(mgn::DataReplicationInitiationStepName step);
QString rawErrorText(mgn::DataReplicationErrorString error);
} // namespace ReplicationSimulator

} // namespace mgn
