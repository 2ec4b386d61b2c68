#include "emulator/service/FleetSimulator.h"

#include "emulator/service/Fleet.h"
#include "emulator/service/JobSimulator.h"
#include "emulator/service/ReplicationSimulator.h"

namespace mgn {

void FleetSimulator::advanceTo(Fleet &fleet, qint64 to)
{
    if (to <= fleet.simNow)
        return;
    for (FleetServer &entry : fleet.servers) {
        if (entry.sim.nextEvent <= to)
            ReplicationSimulator::advance(fleet, entry, to);
    }
    for (FleetJob &job : fleet.jobs) {
        if (!job.sim.pending.isEmpty())
            JobSimulator::advance(fleet, job, to);
    }
    fleet.simNow = to;
}

void FleetSimulator::refresh(Fleet &fleet, qsizetype index)
{
    ReplicationSimulator::refresh(fleet, fleet.servers[std::size_t(index)], fleet.simNow);
}

void FleetSimulator::refreshAll(Fleet &fleet)
{
    for (FleetServer &entry : fleet.servers)
        ReplicationSimulator::refresh(fleet, entry, fleet.simNow);
}

} // namespace mgn
