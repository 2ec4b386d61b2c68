#include "emulator/service/ReplicationSimulator.h"

#include "emulator/service/EmulatorRandom.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/ServerFields.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace mgn {

using namespace Qt::Literals::StringLiterals;
using namespace ServerFields;

namespace {

using RS = DataReplicationState;
using LC = LifeCycleState;
using StepName = DataReplicationInitiationStepName;
using StepStatus = DataReplicationInitiationStepStatus;
using ErrorString = DataReplicationErrorString;

constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;
constexpr qint64 MiB = 1024 * 1024;

// The initiation steps in the order the service runs them, how long each
// takes, and the error it reports when it fails (WAIT does not fail).
struct StepInfo final {
    StepName name;
    qint64 minimum;
    qint64 maximum;
    ErrorString error;
};

constexpr std::array<StepInfo, 11> initiationSteps { {
    { StepName::Wait, 10 * second, 60 * second, ErrorString::Unrecognized },
    { StepName::CreateSecurityGroup, 5 * second, 20 * second, ErrorString::FailedToCreateSecurityGroup },
    { StepName::LaunchReplicationServer, 30 * second, 90 * second,
        ErrorString::FailedToLaunchReplicationServer },
    { StepName::BootReplicationServer, 60 * second, 180 * second,
        ErrorString::FailedToBootReplicationServer },
    { StepName::AuthenticateWithService, 5 * second, 20 * second,
        ErrorString::FailedToAuthenticateWithService },
    { StepName::DownloadReplicationSoftware, 30 * second, 120 * second,
        ErrorString::FailedToDownloadReplicationSoftware },
    { StepName::CreateStagingDisks, 20 * second, 60 * second, ErrorString::FailedToCreateStagingDisks },
    { StepName::AttachStagingDisks, 10 * second, 40 * second, ErrorString::FailedToAttachStagingDisks },
    { StepName::PairReplicationServerWithAgent, 10 * second, 30 * second,
        ErrorString::FailedToPairReplicationServerWithAgent },
    { StepName::ConnectAgentToReplicationServer, 10 * second, 30 * second,
        ErrorString::FailedToConnectAgentToReplicationServer },
    { StepName::StartDataTransfer, 5 * second, 20 * second, ErrorString::FailedToStartDataTransfer },
} };

constexpr double stepFailureChance = 0.015;

qint64 drawRange(FleetServer &entry, qint64 low, qint64 high)
{
    EmulatorRandom random(entry.sim.random);
    const qint64 value = random.range(low, high);
    entry.sim.random = random.state();
    return value;
}

double drawReal(FleetServer &entry)
{
    EmulatorRandom random(entry.sim.random);
    const double value = random.real();
    entry.sim.random = random.state();
    return value;
}

// An exponentially distributed wait, never shorter than `floor`.
qint64 drawWait(FleetServer &entry, qint64 mean, qint64 floor)
{
    const double wait = -static_cast<double>(mean) * std::log(1.0 - drawReal(entry));
    return std::max(floor, static_cast<qint64>(wait));
}

RS stateOf(const SourceServer &server)
{
    return server.replicationState().value_or(RS::Unrecognized);
}

void schedule(FleetServer &entry, qint64 at, qint64 delay)
{
    entry.sim.nextEvent = at + std::max<qint64>(1, delay);
}

// The time the slowest disk needs to move its remaining bytes.
qint64 transferTime(const QList<qint64> &remaining, qint64 bytesPerSecond)
{
    qint64 longest = 0;
    const double rate = static_cast<double>(std::max<qint64>(1, bytesPerSecond));
    for (const qint64 bytes : remaining)
        longest
            = std::max(longest, static_cast<qint64>(std::ceil(static_cast<double>(bytes) * 1000.0 / rate)));
    return longest;
}

qint64 movedBytes(const ServerSimulation &sim, qint64 at)
{
    const qint64 elapsed = std::max<qint64>(0, at - sim.phaseStart);
    return static_cast<qint64>(
        static_cast<double>(sim.bytesPerSecond) * static_cast<double>(elapsed) / 1000.0);
}

// A healthy lag of a few seconds that now and then wanders up to tens of
// seconds: smooth noise, a pure function of the server's key and the time.
qint64 wanderingLag(const ServerSimulation &sim, qint64 at)
{
    constexpr qint64 period = 90 * second;
    const qint64 slot = at / period;
    const double fraction = static_cast<double>(at - slot * period) / static_cast<double>(period);
    const double a = EmulatorRandom::unit(sim.noiseKey, quint64(slot));
    const double b = EmulatorRandom::unit(sim.noiseKey, quint64(slot + 1));
    const double noise = a + (b - a) * fraction;
    const qint64 base = 1500 + qint64(sim.noiseKey % 6000);
    return base + std::llround(40000.0 * noise * noise * noise);
}

// The last instant <= at of a period, shifted per server so the fleet does
// not tick in step.
qint64 lastTick(const ServerSimulation &sim, qint64 at, qint64 period)
{
    const qint64 offset = qint64(sim.noiseKey % quint64(period));
    return (at - offset) / period * period + offset;
}

void resetSteps(SourceServer &server, int current)
{
    QList<DataReplicationInitiationStep> steps;
    steps.reserve(qsizetype(initiationSteps.size()));
    for (int i = 0; i < int(initiationSteps.size()); ++i) {
        const StepStatus status = i < current ? StepStatus::Succeeded
            : i == current                    ? StepStatus::InProgress
                                              : StepStatus::NotStarted;
        steps.append(
            { EnumValue<StepName>(initiationSteps[std::size_t(i)].name), EnumValue<StepStatus>(status) });
    }
    initiation(server).steps = steps;
}

void setError(SourceServer &server, ErrorString error)
{
    DataReplicationError value;
    value.error = EnumValue<ErrorString>(error);
    value.rawError = ReplicationSimulator::rawErrorText(error);
    replication(server).dataReplicationError = value;
}

void clearTransients(SourceServer &server)
{
    auto &info = replication(server);
    info.dataReplicationError.reset();
    info.etaDateTime.reset();
    if (info.dataReplicationInitiation)
        info.dataReplicationInitiation->nextAttemptDateTime.reset();
}

qint64 currentLag(const FleetServer &entry)
{
    if (!entry.sim.launchable || !entry.server.dataReplicationInfo)
        return 0;
    return entry.server.dataReplicationInfo->lagDuration.value_or(0);
}

void markFirstByte(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    if (entry.sim.replicationStart == 0)
        entry.sim.replicationStart = at;
    auto &cycle = lifeCycle(entry.server);
    if (!cycle.firstByteDateTime)
        cycle.firstByteDateTime = fleet.wallAt(at);
}

void scheduleInitialSync(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    entry.sim.phaseStart = at;
    entry.sim.diskBase.clear();
    QList<qint64> remaining;
    for (const ReplicatedDisk &disk : disks(entry.server)) {
        const qint64 replicated = disk.replicatedStorageBytes.value_or(0);
        entry.sim.diskBase.append(replicated);
        remaining.append(std::max<qint64>(0, disk.totalStorageBytes.value_or(0) - replicated));
    }
    schedule(entry, at, transferTime(remaining, entry.sim.bytesPerSecond));
    replication(entry.server).etaDateTime = fleet.wallAt(entry.sim.nextEvent);
}

void scheduleRescan(FleetServer &entry, qint64 at)
{
    entry.sim.phaseStart = at;
    entry.sim.diskBase.clear();
    QList<qint64> remaining;
    for (const ReplicatedDisk &disk : disks(entry.server)) {
        const qint64 rescanned = disk.rescannedStorageBytes.value_or(0);
        entry.sim.diskBase.append(rescanned);
        remaining.append(std::max<qint64>(0, disk.totalStorageBytes.value_or(0) - rescanned));
    }
    schedule(entry, at, transferTime(remaining, entry.sim.bytesPerSecond));
}

void scheduleBacklog(FleetServer &entry, qint64 at)
{
    entry.sim.phaseStart = at;
    entry.sim.diskBase.clear();
    for (const ReplicatedDisk &disk : disks(entry.server))
        entry.sim.diskBase.append(disk.backloggedStorageBytes.value_or(0));
    schedule(entry, at, transferTime(entry.sim.diskBase, entry.sim.bytesPerSecond));
}

void scheduleStall(FleetServer &entry, qint64 at)
{
    entry.sim.phaseStart = at;
    entry.sim.lagBase = currentLag(entry);
    schedule(entry, at, drawRange(entry, 15 * minute, 120 * minute));
}

void scheduleStep(FleetServer &entry, qint64 at)
{
    const auto &step = initiationSteps[std::size_t(entry.sim.initiationStep)];
    entry.sim.phaseStart = at;
    entry.sim.lagBase = currentLag(entry);
    schedule(entry, at, drawRange(entry, step.minimum, step.maximum));
}

void shipSnapshot(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    setReplicationState(entry.server, RS::ShippingSnapshot);
    entry.sim.phaseStart = at;
    if (entry.sim.synced) {
        // An incremental snapshot: the bytes are there, the changes ship.
        schedule(entry, at, drawRange(entry, 2 * minute, 10 * minute));
        replication(entry.server).etaDateTime = fleet.wallAt(entry.sim.nextEvent);
        return;
    }
    markFirstByte(fleet, entry, at);
    entry.sim.bytesPerSecond = drawRange(entry, 20 * MiB, 80 * MiB);
    scheduleInitialSync(fleet, entry, at);
}

void onStepDone(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    auto &steps = *initiation(entry.server).steps;
    const int current = entry.sim.initiationStep;
    const auto &step = initiationSteps[std::size_t(current)];
    if (step.error != ErrorString::Unrecognized && drawReal(entry) < stepFailureChance) {
        ReplicationSimulator::failInitiation(fleet, entry, at);
        return;
    }
    if (current < steps.size())
        steps[current].status = EnumValue<StepStatus>(StepStatus::Succeeded);
    if (current + 1 < int(initiationSteps.size())) {
        entry.sim.initiationStep = current + 1;
        if (current + 1 < steps.size())
            steps[current + 1].status = EnumValue<StepStatus>(StepStatus::InProgress);
        scheduleStep(entry, at);
        return;
    }
    if (isAgentless(entry.server))
        ReplicationSimulator::beginSnapshotCycle(fleet, entry, at);
    else if (entry.sim.synced)
        ReplicationSimulator::beginRescan(fleet, entry, at);
    else
        ReplicationSimulator::beginInitialSync(fleet, entry, at);
}

void onContinuous(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    if (isAgentless(entry.server)) {
        if (drawReal(entry) < 0.08)
            ReplicationSimulator::beginStall(fleet, entry, at, ErrorString::SnapshotsFailure);
        else
            ReplicationSimulator::beginSnapshotCycle(fleet, entry, at);
        return;
    }
    EmulatorRandom random(entry.sim.random);
    const qsizetype spell = random.weighted({ 60, 15, 25 });
    const qsizetype cause = random.weighted({ 40, 30, 30 });
    entry.sim.random = random.state();
    if (spell == 0) {
        ReplicationSimulator::beginBacklog(fleet, entry, at);
    } else if (spell == 1) {
        ReplicationSimulator::beginRescan(fleet, entry, at);
    } else {
        static constexpr std::array<ErrorString, 3> causes { ErrorString::AgentNotSeen,
            ErrorString::NotConverging, ErrorString::UnstableNetwork };
        ReplicationSimulator::beginStall(fleet, entry, at, causes[std::size_t(cause)]);
    }
}

void onStallOver(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    if (entry.sim.initiationFailed)
        ReplicationSimulator::beginInitiation(fleet, entry, at);
    else if (isAgentless(entry.server))
        ReplicationSimulator::beginSnapshotCycle(fleet, entry, at);
    else if (entry.sim.synced)
        ReplicationSimulator::beginRescan(fleet, entry, at);
    else
        ReplicationSimulator::beginInitiation(fleet, entry, at);
}

void onEvent(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    switch (stateOf(entry.server)) {
    case RS::Initiating:
        onStepDone(fleet, entry, at);
        break;
    case RS::InitialSync:
        for (ReplicatedDisk &disk : disks(entry.server))
            disk.replicatedStorageBytes = disk.totalStorageBytes.value_or(0);
        entry.sim.synced = true;
        ReplicationSimulator::beginContinuous(fleet, entry, at);
        break;
    case RS::Continuous:
        onContinuous(fleet, entry, at);
        break;
    case RS::Backlog:
        for (ReplicatedDisk &disk : disks(entry.server))
            disk.backloggedStorageBytes = 0;
        ReplicationSimulator::beginContinuous(fleet, entry, at);
        break;
    case RS::Rescan:
        for (ReplicatedDisk &disk : disks(entry.server))
            disk.rescannedStorageBytes = 0;
        entry.sim.synced = true;
        ReplicationSimulator::beginContinuous(fleet, entry, at);
        break;
    case RS::Stalled:
        onStallOver(fleet, entry, at);
        break;
    case RS::PendingSnapshotShipping:
        ReplicationSimulator::beginSnapshotShipping(fleet, entry, at);
        break;
    case RS::ShippingSnapshot:
        for (ReplicatedDisk &disk : disks(entry.server))
            disk.replicatedStorageBytes = disk.totalStorageBytes.value_or(0);
        entry.sim.synced = true;
        ReplicationSimulator::beginSnapshotCreation(fleet, entry, at);
        break;
    case RS::CreatingSnapshot:
        entry.sim.lastSnapshot = at;
        replication(entry.server).lastSnapshotDateTime = fleet.wallAt(at);
        ReplicationSimulator::beginContinuous(fleet, entry, at);
        break;
    case RS::Unrecognized:
    case RS::Stopped:
    case RS::Paused:
    case RS::Disconnected:
        entry.sim.nextEvent = ServerSimulation::never;
        break;
    }
}

bool agentSeen(const SourceServer &server)
{
    const RS state = stateOf(server);
    if (state == RS::Disconnected)
        return false;
    const auto cycle = server.lifeCycleState();
    if (cycle && (*cycle == LC::PendingInstallation || *cycle == LC::Disconnected))
        return false;
    const auto &info = server.dataReplicationInfo;
    return !(state == RS::Stalled && info && info->dataReplicationError && info->dataReplicationError->error
        && *info->dataReplicationError->error == ErrorString::AgentNotSeen);
}

void refreshReplication(const Fleet &fleet, FleetServer &entry, RS state, qint64 elapsed, qint64 at);

} // namespace

void ReplicationSimulator::advance(const Fleet &fleet, FleetServer &entry, qint64 until)
{
    if (entry.sim.pinned)
        return;
    // Every event schedules the next one strictly later; the bound only
    // guards against a long catch-up turning into a hang.
    for (int guard = 0; entry.sim.nextEvent <= until && guard < 100000; ++guard) {
        const qint64 at = entry.sim.nextEvent;
        refresh(fleet, entry, at);
        onEvent(fleet, entry, at);
    }
}

void ReplicationSimulator::refresh(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    if (entry.sim.pinned)
        return;
    SourceServer &server = entry.server;
    const ServerSimulation &sim = entry.sim;
    const RS state = stateOf(server);
    const qint64 elapsed = std::max<qint64>(0, at - sim.phaseStart);
    if (server.dataReplicationInfo)
        refreshReplication(fleet, entry, state, elapsed, at);

    auto &cycle = lifeCycle(server);
    if (agentSeen(server)) {
        const qint64 seen = fleet.wallAt(lastTick(sim, at, 20 * second));
        cycle.lastSeenByServiceDateTime = std::max(seen, cycle.lastSeenByServiceDateTime.value_or(0));
    }
    const bool replicating = state != RS::Unrecognized && state != RS::Stopped && state != RS::Paused
        && state != RS::Disconnected;
    if (replicating && sim.replicationStart > 0)
        cycle.elapsedReplicationDuration = std::max<qint64>(0, at - sim.replicationStart);
}

namespace {

void refreshReplication(const Fleet &fleet, FleetServer &entry, RS state, qint64 elapsed, qint64 at)
{
    SourceServer &server = entry.server;
    const ServerSimulation &sim = entry.sim;
    auto &info = *server.dataReplicationInfo;

    const qint64 moved = movedBytes(sim, at);
    if (info.replicatedDisks) {
        auto &list = *info.replicatedDisks;
        for (qsizetype d = 0; d < list.size() && d < sim.diskBase.size(); ++d) {
            ReplicatedDisk &disk = list[d];
            const qint64 total = disk.totalStorageBytes.value_or(0);
            const qint64 base = sim.diskBase.at(d);
            if (state == RS::InitialSync || (state == RS::ShippingSnapshot && !sim.synced))
                disk.replicatedStorageBytes = std::min(total, base + moved);
            else if (state == RS::Rescan)
                disk.rescannedStorageBytes = std::min(total, base + moved);
            else if (state == RS::Backlog)
                disk.backloggedStorageBytes = std::max<qint64>(0, base - moved);
        }
    }

    // Dates of what is due are wall-clock dates of the next event: they
    // follow the speed, and a re-anchored (loaded) fleet.
    if (sim.nextEvent != ServerSimulation::never) {
        if (state == RS::InitialSync || state == RS::ShippingSnapshot)
            info.etaDateTime = fleet.wallAt(sim.nextEvent);
        if (state == RS::Stalled && sim.initiationFailed && info.dataReplicationInitiation)
            info.dataReplicationInitiation->nextAttemptDateTime = fleet.wallAt(sim.nextEvent);
    }

    const bool agentless = isAgentless(server);
    const bool healthy = state == RS::Continuous || state == RS::Rescan || state == RS::Backlog
        || (agentless
            && (state == RS::PendingSnapshotShipping || state == RS::ShippingSnapshot
                || state == RS::CreatingSnapshot));
    if (!sim.launchable) {
        info.lagDuration.reset();
    } else if (agentless && healthy) {
        info.lagDuration = std::max<qint64>(0, at - sim.lastSnapshot);
    } else if (state == RS::Backlog) {
        // Disks drain side by side: the lag is the slowest one's.
        qint64 backlog = 0;
        for (const ReplicatedDisk &disk : info.replicatedDisks.value_or(QList<ReplicatedDisk>()))
            backlog = std::max(backlog, disk.backloggedStorageBytes.value_or(0));
        info.lagDuration = wanderingLag(sim, at)
            + static_cast<qint64>(static_cast<double>(backlog) * 1000.0
                / static_cast<double>(std::max<qint64>(1, sim.bytesPerSecond)));
    } else if (healthy) {
        info.lagDuration = wanderingLag(sim, at);
    } else {
        info.lagDuration = sim.lagBase + elapsed;
    }

    if (!agentless && sim.synced
        && (state == RS::Continuous || state == RS::Backlog || state == RS::Rescan)) {
        // The service snapshots the staging disks every ten minutes or so.
        info.lastSnapshotDateTime = fleet.wallAt(lastTick(sim, at, 10 * minute));
    }
}

} // namespace

void ReplicationSimulator::beginInitiation(const Fleet &fleet, FleetServer &entry, qint64 at, int fromStep)
{
    SourceServer &server = entry.server;
    setReplicationState(server, RS::Initiating);
    clearTransients(server);
    fromStep = std::clamp(fromStep, 0, int(initiationSteps.size()) - 1);
    resetSteps(server, fromStep);
    initiation(server).startDateTime = fleet.wallAt(at);
    entry.sim.initiationStep = fromStep;
    entry.sim.initiationFailed = false;
    entry.sim.pausedFrom.reset();
    scheduleStep(entry, at);
}

void ReplicationSimulator::beginInitialSync(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    setReplicationState(entry.server, RS::InitialSync);
    clearTransients(entry.server);
    markFirstByte(fleet, entry, at);
    entry.sim.bytesPerSecond = drawRange(entry, 15 * MiB, 90 * MiB);
    scheduleInitialSync(fleet, entry, at);
}

void ReplicationSimulator::beginContinuous(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    SourceServer &server = entry.server;
    setReplicationState(server, RS::Continuous);
    clearTransients(server);
    entry.sim.synced = true;
    entry.sim.launchable = true;
    entry.sim.initiationFailed = false;
    entry.sim.phaseStart = at;
    markFirstByte(fleet, entry, at);
    // Initial sync complete: the server becomes launchable (console: "Ready for testing").
    if (server.lifeCycleState() == LC::NotReady)
        setLifeCycleState(server, LC::ReadyForTest);
    if (isAgentless(server)) {
        entry.sim.lastSnapshot = std::max(entry.sim.lastSnapshot, at);
        replication(server).lastSnapshotDateTime = fleet.wallAt(entry.sim.lastSnapshot);
        schedule(entry, at, drawRange(entry, 30 * minute, 60 * minute));
    } else {
        schedule(entry, at, drawWait(entry, 4 * hour, 10 * minute));
    }
}

void ReplicationSimulator::beginBacklog(const Fleet &, FleetServer &entry, qint64 at)
{
    setReplicationState(entry.server, RS::Backlog);
    clearTransients(entry.server);
    for (ReplicatedDisk &disk : disks(entry.server)) {
        const qint64 ceiling = std::max<qint64>(
            64 * MiB, std::min<qint64>(8192 * MiB, disk.totalStorageBytes.value_or(0) / 20));
        disk.backloggedStorageBytes = drawRange(entry, 16 * MiB, ceiling);
    }
    entry.sim.bytesPerSecond = drawRange(entry, 10 * MiB, 60 * MiB);
    scheduleBacklog(entry, at);
}

void ReplicationSimulator::beginRescan(const Fleet &, FleetServer &entry, qint64 at)
{
    setReplicationState(entry.server, RS::Rescan);
    clearTransients(entry.server);
    for (ReplicatedDisk &disk : disks(entry.server))
        disk.rescannedStorageBytes = 0;
    entry.sim.bytesPerSecond = drawRange(entry, 80 * MiB, 300 * MiB);
    scheduleRescan(entry, at);
}

void ReplicationSimulator::beginStall(const Fleet &, FleetServer &entry, qint64 at, ErrorString error)
{
    setReplicationState(entry.server, RS::Stalled);
    clearTransients(entry.server);
    setError(entry.server, error);
    entry.sim.initiationFailed = false;
    scheduleStall(entry, at);
}

void ReplicationSimulator::beginSnapshotCycle(const Fleet &, FleetServer &entry, qint64 at)
{
    setReplicationState(entry.server, RS::PendingSnapshotShipping);
    clearTransients(entry.server);
    entry.sim.phaseStart = at;
    schedule(entry, at, drawRange(entry, 1 * minute, 8 * minute));
}

void ReplicationSimulator::beginSnapshotShipping(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    clearTransients(entry.server);
    shipSnapshot(fleet, entry, at);
}

void ReplicationSimulator::beginSnapshotCreation(const Fleet &, FleetServer &entry, qint64 at)
{
    setReplicationState(entry.server, RS::CreatingSnapshot);
    clearTransients(entry.server);
    entry.sim.phaseStart = at;
    schedule(entry, at, drawRange(entry, 1 * minute, 4 * minute));
}

void ReplicationSimulator::failInitiation(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    const int current = std::clamp(entry.sim.initiationStep, 0, int(initiationSteps.size()) - 1);
    auto &steps = initiation(entry.server).steps;
    if (steps && current < steps->size())
        (*steps)[current].status = EnumValue<StepStatus>(StepStatus::Failed);
    ErrorString error = initiationSteps[std::size_t(current)].error;
    if (error == ErrorString::Unrecognized)
        error = ErrorString::FailedToCreateSecurityGroup;
    beginStall(fleet, entry, at, error);
    entry.sim.initiationFailed = true;
    initiation(entry.server).nextAttemptDateTime = fleet.wallAt(entry.sim.nextEvent);
}

void ReplicationSimulator::setInitiationSteps(SourceServer &server, int current)
{
    resetSteps(server, current);
}

int ReplicationSimulator::initiationStepCount()
{
    return int(initiationSteps.size());
}

void ReplicationSimulator::stop(FleetServer &entry)
{
    SourceServer &server = entry.server;
    setReplicationState(server, RS::Stopped);
    clearTransients(server);
    replication(server).lagDuration.reset();
    setLifeCycleState(server, LC::Stopped);
    halt(entry);
}

void ReplicationSimulator::start(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    const auto cycle = entry.server.lifeCycleState();
    if (!cycle || *cycle == LC::Stopped || *cycle == LC::Discovered)
        setLifeCycleState(entry.server, LC::NotReady);
    entry.sim.launchable = false;
    replication(entry.server).lagDuration.reset();
    beginInitiation(fleet, entry, at);
}

void ReplicationSimulator::pause(FleetServer &entry, qint64 at)
{
    entry.sim.pausedFrom = stateOf(entry.server);
    entry.sim.lagBase = currentLag(entry);
    entry.sim.phaseStart = at;
    entry.sim.nextEvent = ServerSimulation::never;
    setReplicationState(entry.server, RS::Paused);
    replication(entry.server).etaDateTime.reset();
}

void ReplicationSimulator::resume(const Fleet &fleet, FleetServer &entry, qint64 at)
{
    const RS previous = entry.sim.pausedFrom.value_or(RS::Unrecognized);
    entry.sim.pausedFrom.reset();
    setReplicationState(entry.server, previous);
    switch (previous) {
    case RS::Initiating:
        resetSteps(entry.server, entry.sim.initiationStep);
        scheduleStep(entry, at);
        break;
    case RS::InitialSync:
        scheduleInitialSync(fleet, entry, at);
        break;
    case RS::Rescan:
        scheduleRescan(entry, at);
        break;
    case RS::Backlog:
        scheduleBacklog(entry, at);
        break;
    case RS::Stalled:
        scheduleStall(entry, at);
        break;
    case RS::PendingSnapshotShipping:
        beginSnapshotCycle(fleet, entry, at);
        break;
    case RS::ShippingSnapshot:
        ReplicationSimulator::beginSnapshotShipping(fleet, entry, at);
        break;
    case RS::Continuous:
    case RS::CreatingSnapshot:
        beginContinuous(fleet, entry, at);
        break;
    case RS::Unrecognized:
    case RS::Stopped:
    case RS::Paused:
    case RS::Disconnected:
        beginInitiation(fleet, entry, at);
        break;
    }
}

void ReplicationSimulator::halt(FleetServer &entry)
{
    entry.sim.nextEvent = ServerSimulation::never;
    entry.sim.launchable = false;
    entry.sim.initiationFailed = false;
    entry.sim.pausedFrom.reset();
}

ErrorString ReplicationSimulator::errorForStep(StepName step)
{
    for (const auto &info : initiationSteps) {
        if (info.name == step)
            return info.error;
    }
    return ErrorString::Unrecognized;
}

QString ReplicationSimulator::rawErrorText(ErrorString error)
{
    switch (error) {
    case ErrorString::AgentNotSeen:
        return u"The AWS Replication Agent has not been seen by the service for more than 10 minutes"_s;
    case ErrorString::SnapshotsFailure:
        return u"Failed to take an EBS snapshot of the staging disks: SnapshotCreationPerVolumeRateExceeded"_s;
    case ErrorString::NotConverging:
        return u"The rate of writes on the source server exceeds the replication bandwidth; data is not converging"_s;
    case ErrorString::UnstableNetwork:
        return u"The connection between the agent and the replication server keeps dropping (TCP 1500)"_s;
    case ErrorString::FailedToCreateSecurityGroup:
        return u"UnauthorizedOperation: not authorized to perform ec2:CreateSecurityGroup"_s;
    case ErrorString::FailedToLaunchReplicationServer:
        return u"InsufficientInstanceCapacity: not enough t3.small capacity in the requested Availability Zone"_s;
    case ErrorString::FailedToBootReplicationServer:
        return u"The replication server did not pass its status checks in time"_s;
    case ErrorString::FailedToAuthenticateWithService:
        return u"The replication server could not reach the MGN endpoint on TCP 443"_s;
    case ErrorString::FailedToDownloadReplicationSoftware:
        return u"The replication server could not download the replication software from Amazon S3"_s;
    case ErrorString::FailedToCreateStagingDisks:
        return u"VolumeLimitExceeded: the EBS volume quota of the account is reached"_s;
    case ErrorString::FailedToAttachStagingDisks:
        return u"The staging disks could not be attached to the replication server"_s;
    case ErrorString::FailedToPairReplicationServerWithAgent:
        return u"The agent could not be paired with the replication server"_s;
    case ErrorString::FailedToConnectAgentToReplicationServer:
        return u"The agent could not connect to the replication server on TCP 1500"_s;
    case ErrorString::FailedToStartDataTransfer:
        return u"The data transfer could not be started"_s;
    case ErrorString::UnsupportedVmConfiguration:
        return u"The virtual machine configuration is not supported for agentless replication"_s;
    case ErrorString::LastSnapshotJobFailed:
        return u"The last vCenter snapshot job failed"_s;
    case ErrorString::Unrecognized:
        break;
    }
    return {};
}

} // namespace mgn
