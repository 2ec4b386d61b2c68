#include "emulator/service/JobSimulator.h"

#include "emulator/service/EmulatorRandom.h"
#include "emulator/service/Fleet.h"

#include <algorithm>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

using Kind = JobSimulation::Kind;
using Event = JobLogEvent;

constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;

constexpr double launchFailureChance = 0.03;

FleetJob newJob(Fleet &fleet, const QStringList &ids, JobType type, InitiatedBy initiatedBy,
    const std::optional<Tags> &tags, qint64 at)
{
    FleetJob entry;
    Job &job = entry.job;
    job.jobID = fleet.newId("mgnjob-"_L1);
    job.arn = fleet.arn("job"_L1, job.jobID);
    job.type = EnumValue<JobType>(type);
    job.initiatedBy = EnumValue<InitiatedBy>(initiatedBy);
    job.creationDateTime = fleet.wallAt(at);
    job.status = EnumValue<JobStatus>(JobStatus::Pending);
    QList<ParticipatingServer> participants;
    for (const QString &id : ids) {
        ParticipatingServer participant;
        participant.sourceServerID = id;
        participant.launchStatus = EnumValue<LaunchStatus>(LaunchStatus::Pending);
        participants.append(participant);
    }
    job.participatingServers = participants;
    job.tags = tags.value_or(Tags());
    return entry;
}

void add(JobSimulation &sim, qint64 at, Kind kind, int participant = -1, Event event = Event::Unrecognized,
    const QString &detail = {})
{
    sim.pending.append({ at, kind, participant, event, detail });
}

void sortSteps(JobSimulation &sim)
{
    std::stable_sort(sim.pending.begin(), sim.pending.end(),
        [](const JobSimulation::Step &a, const JobSimulation::Step &b) { return a.at < b.at; });
}

void log(Fleet &fleet, FleetJob &job, const JobSimulation::Step &step, const JobLogEventData &data)
{
    JobLog item;
    item.logDateTime = fleet.wallAt(step.at);
    item.event = EnumValue<Event>(step.logEvent);
    if (data != JobLogEventData())
        item.eventData = data;
    job.log.append(item);
}

JobLogEventData dataFor(const QString &sourceServerID)
{
    JobLogEventData data;
    data.sourceServerID = sourceServerID;
    return data;
}

ParticipatingServer &participantOf(FleetJob &job, int index)
{
    return (*job.job.participatingServers)[index];
}

FleetServer *serverOf(Fleet &fleet, const QString &sourceServerID)
{
    const qsizetype index = fleet.findServer(sourceServerID);
    return index < 0 ? nullptr : &fleet.servers[std::size_t(index)];
}

// Why a participant cannot go on when the job starts, or an empty string.
QString skipReason(const Fleet &fleet, const FleetJob &job, const QString &sourceServerID)
{
    const qsizetype index = fleet.findServer(sourceServerID);
    if (index < 0)
        return u"The source server was deleted"_s;
    const SourceServer &server = fleet.servers[std::size_t(index)].server;
    if (*job.job.type == JobType::Terminate) {
        if (!server.launchedInstance || !server.launchedInstance->ec2InstanceID)
            return u"The source server has no launched instance to terminate"_s;
        return {};
    }
    const LifeCycleState expected = *job.job.initiatedBy == InitiatedBy::StartCutover
        ? LifeCycleState::CuttingOver
        : LifeCycleState::Testing;
    if (server.lifeCycleState() != expected)
        return u"The source server is no longer %1"_s.arg(EnumValue<LifeCycleState>::wireName(expected));
    return {};
}

void start(Fleet &fleet, FleetJob &job, const JobSimulation::Step &step)
{
    job.job.status = EnumValue<JobStatus>(JobStatus::Started);
    log(fleet, job, step, {});
    const int count = int(job.job.participatingServers->size());
    for (int p = 0; p < count; ++p) {
        ParticipatingServer &participant = participantOf(job, p);
        const QString reason = skipReason(fleet, job, participant.sourceServerID);
        if (reason.isEmpty())
            continue;
        participant.launchStatus = EnumValue<LaunchStatus>(LaunchStatus::Failed);
        JobLogEventData data = dataFor(participant.sourceServerID);
        data.rawError = reason;
        log(fleet, job, { step.at, Kind::Log, p, Event::ServerSkipped, {} }, data);
        job.sim.pending.removeIf([p](const JobSimulation::Step &later) { return later.participant == p; });
    }
}

void apply(Fleet &fleet, FleetJob &job, const JobSimulation::Step &step)
{
    if (step.kind == Kind::Start) {
        start(fleet, job, step);
        return;
    }
    if (step.kind == Kind::End) {
        job.job.status = EnumValue<JobStatus>(JobStatus::Completed);
        job.job.endDateTime = fleet.wallAt(step.at);
        log(fleet, job, step, {});
        for (const ParticipatingServer &participant : *job.job.participatingServers) {
            FleetServer *server = serverOf(fleet, participant.sourceServerID);
            if (!server)
                continue;
            auto &instance = server->server.launchedInstance;
            if (instance && instance->jobID == job.job.jobID)
                instance->firstBoot = EnumValue<FirstBoot>(FirstBoot::Succeeded);
        }
        return;
    }

    ParticipatingServer &participant = participantOf(job, step.participant);
    FleetServer *server = serverOf(fleet, participant.sourceServerID);
    JobLogEventData data = dataFor(participant.sourceServerID);
    switch (step.kind) {
    case Kind::Log:
        participant.launchStatus = EnumValue<LaunchStatus>(LaunchStatus::InProgress);
        if (step.logEvent == Event::ConversionStart || step.logEvent == Event::ConversionEnd) {
            data.conversionServerID = step.detail;
        } else if (step.logEvent == Event::CleanupStart && server && server->server.launchedInstance) {
            data.targetInstanceID = server->server.launchedInstance->ec2InstanceID;
        } else if (!step.detail.isEmpty()) {
            data.targetInstanceID = step.detail;
        }
        log(fleet, job, step, data);
        break;
    case Kind::Launched:
        participant.launchStatus = EnumValue<LaunchStatus>(LaunchStatus::Launched);
        participant.launchedEc2InstanceID = step.detail;
        if (server) {
            LaunchedInstance instance;
            instance.ec2InstanceID = step.detail;
            instance.jobID = job.job.jobID;
            instance.firstBoot = EnumValue<FirstBoot>(FirstBoot::Waiting);
            server->server.launchedInstance = instance;
        }
        break;
    case Kind::Failed:
        participant.launchStatus = EnumValue<LaunchStatus>(LaunchStatus::Failed);
        data.rawError = step.detail;
        log(fleet, job, step, data);
        break;
    case Kind::Terminated:
        participant.launchStatus = EnumValue<LaunchStatus>(LaunchStatus::Terminated);
        if (server && server->server.launchedInstance) {
            data.targetInstanceID = server->server.launchedInstance->ec2InstanceID;
            server->server.launchedInstance.reset();
        }
        log(fleet, job, step, data);
        break;
    case Kind::Start:
    case Kind::End:
        break;
    }
}

} // namespace

FleetJob JobSimulator::launchJob(Fleet &fleet, const QStringList &sourceServerIDs, InitiatedBy initiatedBy,
    const std::optional<Tags> &tags, qint64 at)
{
    FleetJob job = newJob(fleet, sourceServerIDs, JobType::Launch, initiatedBy, tags, at);
    EmulatorRandom random(fleet.ids.next());
    const qint64 started = at + random.range(5 * second, 20 * second);
    add(job.sim, started, Kind::Start, -1, Event::JobStart);
    qint64 last = started;
    for (int p = 0; p < int(sourceServerIDs.size()); ++p) {
        const FleetServer *server = serverOf(fleet, sourceServerIDs.at(p));
        qint64 t = started + random.range(2 * second, 30 * second);
        if (server && server->server.launchedInstance && server->server.launchedInstance->ec2InstanceID) {
            // The instance of an earlier launch is replaced.
            add(job.sim, t, Kind::Log, p, Event::CleanupStart);
            t += random.range(20 * second, 60 * second);
            add(job.sim, t, Kind::Log, p, Event::CleanupEnd, *server->server.launchedInstance->ec2InstanceID);
        }
        t += random.range(1 * second, 5 * second);
        add(job.sim, t, Kind::Log, p, Event::SnapshotStart);
        t += random.range(10 * second, 60 * second);
        add(job.sim, t, Kind::Log, p, Event::SnapshotEnd);
        const QString conversionServer = fleet.newId("i-"_L1);
        t += random.range(5 * second, 30 * second);
        add(job.sim, t, Kind::Log, p, Event::ConversionStart, conversionServer);
        t += random.range(2 * minute, 6 * minute);
        add(job.sim, t, Kind::Log, p, Event::ConversionEnd, conversionServer);
        const QString instance = fleet.newId("i-"_L1);
        t += random.range(5 * second, 20 * second);
        add(job.sim, t, Kind::Log, p, Event::LaunchStart, instance);
        t += random.range(30 * second, 2 * minute);
        if (random.chance(launchFailureChance))
            add(job.sim, t, Kind::Failed, p, Event::LaunchFailed,
                u"InsufficientInstanceCapacity: there is not enough capacity for the instance type"_s);
        else
            add(job.sim, t, Kind::Launched, p, Event::Unrecognized, instance);
        last = std::max(last, t);
    }
    add(job.sim, last + random.range(5 * second, 20 * second), Kind::End, -1, Event::JobEnd);
    sortSteps(job.sim);
    return job;
}

FleetJob JobSimulator::terminateJob(
    Fleet &fleet, const QStringList &sourceServerIDs, const std::optional<Tags> &tags, qint64 at)
{
    FleetJob job = newJob(fleet, sourceServerIDs, JobType::Terminate, InitiatedBy::Terminate, tags, at);
    EmulatorRandom random(fleet.ids.next());
    const qint64 started = at + random.range(5 * second, 15 * second);
    add(job.sim, started, Kind::Start, -1, Event::JobStart);
    qint64 last = started;
    for (int p = 0; p < int(sourceServerIDs.size()); ++p) {
        qint64 t = started + random.range(2 * second, 10 * second);
        add(job.sim, t, Kind::Log, p, Event::CleanupStart);
        t += random.range(20 * second, 90 * second);
        add(job.sim, t, Kind::Terminated, p, Event::CleanupEnd);
        last = std::max(last, t);
    }
    add(job.sim, last + random.range(2 * second, 10 * second), Kind::End, -1, Event::JobEnd);
    sortSteps(job.sim);
    return job;
}

void JobSimulator::advance(Fleet &fleet, FleetJob &job, qint64 until)
{
    // start() may drop later steps of skipped participants, so take one at a time.
    while (!job.sim.pending.isEmpty() && job.sim.pending.constFirst().at <= until) {
        const JobSimulation::Step step = job.sim.pending.takeFirst();
        apply(fleet, job, step);
    }
}

} // namespace mgn
