#pragma once

#include <QtGlobal>

namespace mgn {

class Fleet;

// Moves the whole fleet on in simulated time: each server's replication
// (ReplicationSimulator) and each job (JobSimulator). Cheap enough to run on
// every request: a pass over the servers compares one time each, and only
// servers with a change due do any work. The moving values of a server
// (bytes, lag, last seen) are brought up to date only when it is read
// (refresh), which is what keeps a page of 1000 out of 10,000 cheap.
namespace FleetSimulator {
// To simulated time `to`; time never goes back.
void advanceTo(Fleet &fleet, qint64 to);
// The server's moving values as of fleet.simNow.
void refresh(Fleet &fleet, qsizetype index);
void refreshAll(Fleet &fleet);
} // namespace FleetSimulator

} // namespace mgn
