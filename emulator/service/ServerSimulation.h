#pragma once

#include "models/domain/MgnEnums.h"

#include <QList>
#include <QtGlobal>

#include <limits>
#include <optional>

namespace mgn {

// What the simulation keeps about one source server beside the API shape:
// where its replication phase started, when its next change is due, its own
// random stream. Times are on the simulated axis (Fleet::simNow), in ms.
// The server's DataReplicationInfo holds the values as of its last refresh;
// ReplicationSimulator::refresh() recomputes the moving ones (bytes, lag,
// ETA, last seen) as a pure function of this record and the time, so the
// outcome does not depend on how often the fleet is looked at.
struct ServerSimulation final {
    static constexpr qint64 never = std::numeric_limits<qint64>::max();

    quint64 random = 0; // EmulatorRandom state of this server
    quint64 noiseKey = 0; // lag wander, a pure function of (noiseKey, time)
    qint64 nextEvent = never;
    qint64 phaseStart = 0; // the current phase began (or resumed) here
    qint64 lagBase = 0; // lag at phaseStart, for phases where it grows
    qint64 bytesPerSecond = 0; // per disk, for phases that move bytes
    QList<qint64> diskBase; // per disk at phaseStart: replicated, rescanned or backlogged bytes
    qint64 lastSnapshot = 0;
    qint64 replicationStart = 0; // first byte, for elapsedReplicationDuration
    int initiationStep = 0; // the step in progress while INITIATING
    bool synced = false; // the disks were fully copied once (a restart rescans)
    bool launchable = false; // the lag is reported (dataReplicationInfo.lagDuration not null)
    bool initiationFailed = false; // STALLED because a step failed: the next attempt re-initiates
    // Left as it is by the simulation: no events, no refresh. For tests that
    // put a server into a state by hand.
    bool pinned = false;
    std::optional<mgn::DataReplicationState> pausedFrom;

    bool operator==(const ServerSimulation &) const = default;
};

} // namespace mgn
