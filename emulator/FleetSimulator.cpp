#include "FleetSimulator.h"

#include "Fleet.h"
#include "JobSimulator.h"
#include "ReplicationSimulator.h"

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
