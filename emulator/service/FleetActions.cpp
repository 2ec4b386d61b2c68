#include "emulator/service/FleetActions.h"

#include "emulator/service/Fleet.h"
#include "emulator/service/JobSimulator.h"
#include "emulator/service/ReplicationSimulator.h"
#include "emulator/service/ServerFields.h"

namespace mgn {

using namespace ServerFields;

namespace {

using LC = LifeCycleState;
using Target = ChangeServerLifeCycleStateSourceServerLifecycleState;

FleetServer &entryAt(Fleet &fleet, qsizetype index)
{
    return fleet.servers[std::size_t(index)];
}

LifeCycleApiCall apiCallAt(qint64 wall)
{
    LifeCycleApiCall call;
    call.apiCallDateTime = wall;
    return call;
}

// The documented effect of leaving replication for good: DISCONNECTED,
// totalStorageBytes zero, lag and ETA nullified.
void disconnectReplication(FleetServer &entry)
{
    SourceServer &server = entry.server;
    setReplicationState(server, DataReplicationState::Disconnected);
    auto &info = replication(server);
    info.lagDuration.reset();
    info.etaDateTime.reset();
    if (info.replicatedDisks) {
        for (ReplicatedDisk &disk : *info.replicatedDisks)
            disk.totalStorageBytes = 0;
    }
    ReplicationSimulator::halt(entry);
}

} // namespace

void FleetActions::changeLifeCycle(Fleet &fleet, qsizetype index, Target target, qint64 at)
{
    SourceServer &server = entryAt(fleet, index).server;
    const auto previous = server.lifeCycleState();
    auto &cycle = lifeCycle(server);
    const qint64 wall = fleet.wallAt(at);
    if (target == Target::ReadyForTest) {
        if (cycle.lastTest && (previous == LC::Testing || previous == LC::ReadyForCutover))
            cycle.lastTest->reverted = apiCallAt(wall);
        setLifeCycleState(server, LC::ReadyForTest);
    } else if (target == Target::ReadyForCutover) {
        if (cycle.lastTest && previous == LC::Testing)
            cycle.lastTest->finalized = apiCallAt(wall);
        if (cycle.lastCutover && previous == LC::CuttingOver)
            cycle.lastCutover->reverted = apiCallAt(wall);
        setLifeCycleState(server, LC::ReadyForCutover);
    }
}

qsizetype FleetActions::startLaunch(Fleet &fleet, const QStringList &sourceServerIDs, InitiatedBy initiatedBy,
    const std::optional<Tags> &tags, qint64 at)
{
    FleetJob job = JobSimulator::launchJob(fleet, sourceServerIDs, initiatedBy, tags, at);
    const bool cutover = initiatedBy == InitiatedBy::StartCutover;
    for (const QString &id : sourceServerIDs) {
        const qsizetype index = fleet.findServer(id);
        if (index < 0)
            continue;
        SourceServer &server = entryAt(fleet, index).server;
        LifeCycleLastLaunch launch;
        LifeCycleLastInitiated initiated;
        initiated.apiCallDateTime = fleet.wallAt(at);
        initiated.jobID = job.job.jobID;
        launch.initiated = initiated;
        auto &cycle = lifeCycle(server);
        (cutover ? cycle.lastCutover : cycle.lastTest) = launch;
        setLifeCycleState(server, cutover ? LC::CuttingOver : LC::Testing);
    }
    fleet.addJob(std::move(job));
    return qsizetype(fleet.jobs.size()) - 1;
}

qsizetype FleetActions::startTermination(
    Fleet &fleet, const QStringList &sourceServerIDs, const std::optional<Tags> &tags, qint64 at)
{
    fleet.addJob(JobSimulator::terminateJob(fleet, sourceServerIDs, tags, at));
    return qsizetype(fleet.jobs.size()) - 1;
}

void FleetActions::finalizeCutover(Fleet &fleet, qsizetype index, qint64 at)
{
    FleetServer &entry = entryAt(fleet, index);
    disconnectReplication(entry);
    setLifeCycleState(entry.server, LC::Cutover);
    auto &cycle = lifeCycle(entry.server);
    if (!cycle.lastCutover)
        cycle.lastCutover.emplace();
    cycle.lastCutover->finalized = apiCallAt(fleet.wallAt(at));
}

void FleetActions::disconnect(Fleet &fleet, qsizetype index)
{
    FleetServer &entry = entryAt(fleet, index);
    disconnectReplication(entry);
    setLifeCycleState(entry.server, LC::Disconnected);
}

void FleetActions::markAsArchived(Fleet &fleet, qsizetype index)
{
    entryAt(fleet, index).server.isArchived = true;
}

void FleetActions::startReplication(Fleet &fleet, qsizetype index, qint64 at)
{
    ReplicationSimulator::start(fleet, entryAt(fleet, index), at);
}

void FleetActions::stopReplication(Fleet &fleet, qsizetype index)
{
    ReplicationSimulator::stop(entryAt(fleet, index));
}

void FleetActions::pauseReplication(Fleet &fleet, qsizetype index, qint64 at)
{
    ReplicationSimulator::pause(entryAt(fleet, index), at);
}

void FleetActions::resumeReplication(Fleet &fleet, qsizetype index, qint64 at)
{
    ReplicationSimulator::resume(fleet, entryAt(fleet, index), at);
}

void FleetActions::retryReplication(Fleet &fleet, qsizetype index, qint64 at)
{
    ReplicationSimulator::beginInitiation(fleet, entryAt(fleet, index), at);
}

void FleetActions::changeReplicationType(Fleet &fleet, qsizetype index, ReplicationType type)
{
    entryAt(fleet, index).server.replicationType = EnumValue<ReplicationType>(type);
}

void FleetActions::deleteServer(Fleet &fleet, qsizetype index)
{
    fleet.removeServer(index);
}

} // namespace mgn
