#include "app/aws/FixedClock.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/FleetActions.h"
#include "emulator/service/FleetGenerator.h"
#include "emulator/service/FleetSimulator.h"
#include "emulator/service/FleetState.h"
#include "emulator/service/JobSimulator.h"
#include "emulator/service/MgnService.h"
#include "emulator/service/ReplicationSimulator.h"
#include "emulator/service/ServerFields.h"
#include "models/codec/SourceServerCodec.h"
#include "models/json/JsonTextWriter.h"
#include "models/rules/ActionRules.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <chrono>
#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace mgn;

using LC = LifeCycleState;
using RS = DataReplicationState;

namespace {

const QDateTime startTime = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;

FleetGenerator::Parameters parameters(int servers, quint32 seed, double speed = 1.0)
{
    return { servers, seed, speed, u"111122223333"_s, u"eu-west-1"_s };
}

Fleet generate(int servers, quint32 seed, double speed = 1.0)
{
    return FleetGenerator::generate(parameters(servers, seed, speed), startTime.toMSecsSinceEpoch());
}

QByteArray stateJson(const Fleet &fleet)
{
    return QJsonDocument(FleetState::toJson(fleet)).toJson(QJsonDocument::Compact);
}

// Moves the fleet to `wall` (ms since the epoch) as MgnService does.
void advanceToWall(Fleet &fleet, qint64 wall)
{
    FleetSimulator::advanceTo(fleet, fleet.simAt(wall));
    FleetSimulator::refreshAll(fleet);
}

RS replicationOf(const SourceServer &server)
{
    return server.replicationState().value_or(RS::Unrecognized);
}

qsizetype firstWith(const Fleet &fleet, const std::function<bool(const FleetServer &)> &predicate)
{
    for (qsizetype i = 0; i < qsizetype(fleet.servers.size()); ++i) {
        if (predicate(fleet.servers[std::size_t(i)]))
            return i;
    }
    return -1;
}

qint64 replicatedBytes(const SourceServer &server)
{
    qint64 total = 0;
    for (const ReplicatedDisk &disk :
        server.dataReplicationInfo->replicatedDisks.value_or(QList<ReplicatedDisk>()))
        total += disk.replicatedStorageBytes.value_or(0);
    return total;
}

QList<JobLogEvent> events(const FleetJob &job)
{
    QList<JobLogEvent> list;
    for (const JobLog &item : job.log)
        list << item.event->value();
    return list;
}

} // namespace

class TestEmulatorFleet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameFleet();
    void differentSeedDifferentFleet();
    void everyStatePresent();
    void statesConsistent();
    void identitiesRealistic();
    void initialSyncGrowsThenContinuous();
    void initiationStepsOneByOne();
    void lagWanders();
    void simulationIndependentOfSampling();
    void launchJobProgresses();
    void terminateJobAndSkippedServer();
    void persistenceRoundTrip();
    void corruptStateRefused_data();
    void corruptStateRefused();
    void serviceLoadKeepsStateOnError();
    void largeFleetAdvancesQuickly();
    void writtenAsQJson();
};

void TestEmulatorFleet::sameSeedSameFleet()
{
    const Fleet a = generate(120, 42);
    const Fleet b = generate(120, 42);
    QCOMPARE(a.servers.size(), std::size_t(120));
    QVERIFY(a == b);
    QCOMPARE(stateJson(a), stateJson(b));
}

void TestEmulatorFleet::differentSeedDifferentFleet()
{
    const Fleet a = generate(120, 42);
    const Fleet b = generate(120, 43);
    QVERIFY(!(a == b));
    QVERIFY(a.servers.front().server.sourceServerID != b.servers.front().server.sourceServerID);
    int sameHostname = 0;
    for (std::size_t i = 0; i < a.servers.size(); ++i)
        sameHostname += a.servers[i].server.displayName() == b.servers[i].server.displayName() ? 1 : 0;
    QVERIFY2(sameHostname < 60, "two seeds should not give mostly the same fleet");
}

void TestEmulatorFleet::everyStatePresent()
{
    const Fleet fleet = generate(200, 7);
    QSet<QString> lifeCycles;
    QSet<QString> replications;
    for (const FleetServer &entry : fleet.servers) {
        lifeCycles.insert(entry.server.lifeCycle->state->toWire());
        if (entry.server.dataReplicationInfo && entry.server.dataReplicationInfo->dataReplicationState)
            replications.insert(entry.server.dataReplicationInfo->dataReplicationState->toWire());
    }
    for (const auto &name : EnumTraits<LC>::wireNames)
        QVERIFY2(lifeCycles.contains(QString(name)), qPrintable(QString(name)));
    for (const auto &name : EnumTraits<RS>::wireNames)
        QVERIFY2(replications.contains(QString(name)), qPrintable(QString(name)));

    int archived = 0;
    int agentless = 0;
    for (const FleetServer &entry : fleet.servers) {
        archived += entry.server.archived() ? 1 : 0;
        agentless += *entry.server.replicationType == ReplicationType::SnapshotShipping ? 1 : 0;
    }
    QVERIFY(archived > 0);
    QVERIFY(agentless > 20 && agentless < 100);
    QVERIFY(!fleet.vcenterClients.isEmpty());
    QVERIFY(!fleet.jobs.empty());
}

void TestEmulatorFleet::statesConsistent()
{
    const Fleet fleet = generate(300, 11);
    QSet<QString> jobIds;
    for (const FleetJob &job : fleet.jobs)
        jobIds.insert(job.job.jobID);
    QSet<QString> vcenterIds;
    for (const VcenterClient &client : fleet.vcenterClients)
        vcenterIds.insert(*client.vcenterClientID);

    for (const FleetServer &entry : fleet.servers) {
        const SourceServer &server = entry.server;
        const QByteArray label = server.id().toLatin1() + ' ' + server.lifeCycle->state->toWire().toLatin1()
            + '/'
            + (server.replicationState()
                    ? server.dataReplicationInfo->dataReplicationState->toWire().toLatin1()
                    : QByteArray("none"));
        const char *name = label.constData();
        const LC lifeCycle = *server.lifeCycleState();
        const RS replication = replicationOf(server);
        const bool lag = server.lag().has_value();
        switch (lifeCycle) {
        case LC::ReadyForTest:
        case LC::Testing:
        case LC::ReadyForCutover:
        case LC::CuttingOver:
            QVERIFY2(lag, name);
            QVERIFY2(ActionRules::evaluate(Action::MarkReadyForCutover, server).allowed, name);
            break;
        case LC::NotReady:
            QVERIFY2(!lag, name);
            QVERIFY2(QList<RS>({ RS::Initiating, RS::InitialSync, RS::Stalled, RS::Paused,
                                   RS::PendingSnapshotShipping, RS::ShippingSnapshot })
                         .contains(replication),
                name);
            QVERIFY2(!ActionRules::evaluate(Action::StartTest, server).allowed, name);
            break;
        case LC::Cutover:
        case LC::Disconnected:
            QCOMPARE(replication, RS::Disconnected);
            QVERIFY2(!lag, name);
            for (const ReplicatedDisk &disk : *server.dataReplicationInfo->replicatedDisks)
                QCOMPARE(disk.totalStorageBytes.value_or(-1), qint64(0));
            QCOMPARE(ActionRules::evaluate(Action::MarkAsArchived, server).allowed, !server.archived());
            break;
        case LC::Stopped:
            QCOMPARE(replication, RS::Stopped);
            QVERIFY2(ActionRules::evaluate(Action::StartReplication, server).allowed, name);
            break;
        case LC::Discovered:
            QCOMPARE(*server.replicationType, ReplicationType::SnapshotShipping);
            QVERIFY2(ActionRules::evaluate(Action::StartReplication, server).allowed, name);
            break;
        case LC::PendingInstallation:
            QVERIFY2(!server.dataReplicationInfo, name);
            break;
        case LC::Unrecognized:
            QFAIL(name);
        }
        if (server.archived())
            QVERIFY2(lifeCycle == LC::Cutover || lifeCycle == LC::Disconnected, name);
        QCOMPARE(
            ActionRules::evaluate(Action::FinalizeCutover, server).allowed, lifeCycle == LC::CuttingOver);

        if (replication == RS::InitialSync) {
            QVERIFY2(server.dataReplicationInfo->etaDateTime, name);
            QVERIFY2(*server.dataReplicationInfo->etaDateTime > startTime.toMSecsSinceEpoch(), name);
            QVERIFY2(replicatedBytes(server) > 0, name);
            QVERIFY2(server.lifeCycle->firstByteDateTime, name);
        }
        if (replication == RS::Stalled)
            QVERIFY2(server.dataReplicationInfo->dataReplicationError, name);
        if (replication == RS::Backlog) {
            qint64 backlog = 0;
            for (const ReplicatedDisk &disk : *server.dataReplicationInfo->replicatedDisks)
                backlog += disk.backloggedStorageBytes.value_or(0);
            QVERIFY2(backlog > 0, name);
        }
        if (replication == RS::Initiating) {
            const auto &steps = *server.dataReplicationInfo->dataReplicationInitiation->steps;
            QCOMPARE(steps.size(), 11);
            QCOMPARE(int(std::count_if(steps.begin(), steps.end(),
                         [](const auto &step) {
                             return *step.status == DataReplicationInitiationStepStatus::InProgress;
                         })),
                1);
        }
        if (lifeCycle == LC::Testing || lifeCycle == LC::ReadyForCutover) {
            QVERIFY2(jobIds.contains(*server.lifeCycle->lastTest->initiated->jobID), name);
        }
        if (lifeCycle == LC::ReadyForCutover)
            QVERIFY2(server.lifeCycle->lastTest->finalized, name);
        if (lifeCycle == LC::CuttingOver || lifeCycle == LC::Cutover)
            QVERIFY2(jobIds.contains(*server.lifeCycle->lastCutover->initiated->jobID), name);
        if (lifeCycle == LC::Cutover) {
            QVERIFY2(server.lifeCycle->lastCutover->finalized, name);
            QVERIFY2(server.launchedInstance && server.launchedInstance->ec2InstanceID, name);
        }
        if (*server.replicationType == ReplicationType::SnapshotShipping)
            QVERIFY2(vcenterIds.contains(server.vcenterClientID.value_or(QString())), name);
        if (lifeCycle != LC::PendingInstallation && lifeCycle != LC::Cutover && lifeCycle != LC::Disconnected
            && !(replication == RS::Stalled
                && server.dataReplicationInfo->dataReplicationError->error
                    == DataReplicationErrorString::AgentNotSeen)) {
            QVERIFY2(server.lifeCycle->lastSeenByServiceDateTime, name);
            QVERIFY2(
                startTime.toMSecsSinceEpoch() - *server.lifeCycle->lastSeenByServiceDateTime <= 20 * second,
                name);
        }
        QVERIFY2(server.lifeCycle->addedToServiceDateTime <= startTime.toMSecsSinceEpoch(), name);
    }
}

void TestEmulatorFleet::identitiesRealistic()
{
    const Fleet fleet = generate(250, 3);
    const QRegularExpression id(u"^s-[0-9a-f]{17}$"_s);
    const QRegularExpression arn(u"^arn:aws:mgn:eu-west-1:111122223333:source-server/s-[0-9a-f]{17}$"_s);
    const QRegularExpression hostname(u"^[a-z0-9]+(-[a-z0-9]+)*-[0-9]{2}$"_s);
    const QRegularExpression mac(u"^([0-9a-f]{2}:){5}[0-9a-f]{2}$"_s);
    const QRegularExpression ip(u"^(10|192)\\.[0-9]+\\.[0-9]+\\.[0-9]+$"_s);
    const QRegularExpression instanceType(u"^[cmr](5|6i)\\.[0-9]*x?large$"_s);
    QSet<QString> ids;
    QSet<QString> hostnames;
    QSet<QString> systems;
    for (const FleetServer &entry : fleet.servers) {
        const SourceServer &server = entry.server;
        QVERIFY(id.match(server.id()).hasMatch());
        QVERIFY(arn.match(*server.arn).hasMatch());
        ids.insert(server.id());
        const auto &properties = *server.sourceProperties;
        const QString host = *properties.identificationHints->hostname;
        QVERIFY2(hostname.match(host).hasMatch(), qPrintable(host));
        QVERIFY(properties.identificationHints->fqdn->startsWith(host + u'.'));
        hostnames.insert(host);
        systems.insert(*properties.os->fullString);
        QVERIFY(properties.disks->size() >= 1 && properties.disks->size() <= 8);
        QCOMPARE(server.dataReplicationInfo ? server.dataReplicationInfo->replicatedDisks->size()
                                            : properties.disks->size(),
            properties.disks->size());
        for (const Disk &disk : *properties.disks)
            QVERIFY(*disk.bytes >= 20LL << 30 && *disk.bytes <= 4096LL << 30);
        QVERIFY(!properties.networkInterfaces->isEmpty());
        QCOMPARE(*properties.networkInterfaces->first().isPrimary, true);
        for (const NetworkInterface &nic : *properties.networkInterfaces) {
            QVERIFY(mac.match(*nic.macAddress).hasMatch());
            QVERIFY(ip.match(nic.ips->first()).hasMatch());
        }
        QVERIFY(*properties.ramBytes >= 4LL << 30);
        QVERIFY(!properties.cpus->isEmpty());
        QVERIFY2(instanceType.match(*properties.recommendedInstanceType).hasMatch(),
            qPrintable(*properties.recommendedInstanceType));
    }
    QCOMPARE(ids.size(), 250);
    QCOMPARE(hostnames.size(), 250);
    QVERIFY(systems.size() >= 10);
    QVERIFY(systems.contains(u"Ubuntu 22.04.3 LTS"_s) || systems.contains(u"Ubuntu 20.04.6 LTS"_s));
    QVERIFY(std::any_of(
        systems.begin(), systems.end(), [](const QString &os) { return os.contains(u"Windows"_s); }));
}

void TestEmulatorFleet::initialSyncGrowsThenContinuous()
{
    Fleet fleet = generate(200, 5);
    const qsizetype index = firstWith(fleet, [](const FleetServer &entry) {
        return replicationOf(entry.server) == RS::InitialSync
            && entry.server.lifeCycleState() == LC::NotReady;
    });
    QVERIFY(index >= 0);
    const qint64 before = replicatedBytes(fleet.servers[std::size_t(index)].server);
    const qint64 eta = *fleet.servers[std::size_t(index)].server.dataReplicationInfo->etaDateTime;

    advanceToWall(fleet, startTime.toMSecsSinceEpoch() + 30 * second);
    const SourceServer &later = fleet.servers[std::size_t(index)].server;
    QCOMPARE(replicationOf(later), RS::InitialSync);
    QVERIFY2(replicatedBytes(later) > before, "replicated bytes grow during the initial sync");
    QVERIFY(!later.lag());

    advanceToWall(fleet, eta + 1);
    const SourceServer &synced = fleet.servers[std::size_t(index)].server;
    QCOMPARE(replicationOf(synced), RS::Continuous);
    QCOMPARE(*synced.lifeCycleState(), LC::ReadyForTest);
    QVERIFY(synced.lag());
    QVERIFY(!synced.dataReplicationInfo->etaDateTime);
    for (const ReplicatedDisk &disk : *synced.dataReplicationInfo->replicatedDisks)
        QVERIFY(disk.replicatedStorageBytes == disk.totalStorageBytes);
    QVERIFY(ActionRules::evaluate(Action::StartTest, synced).allowed);
}

void TestEmulatorFleet::initiationStepsOneByOne()
{
    Fleet fleet = generate(400, 9);
    int checked = 0;
    for (qsizetype index = 0; index < qsizetype(fleet.servers.size()); ++index) {
        if (replicationOf(fleet.servers[std::size_t(index)].server) != RS::Initiating)
            continue;
        ++checked;
        int succeeded = -1;
        qint64 wall = startTime.toMSecsSinceEpoch();
        Fleet copy = fleet;
        for (int tick = 0; tick < 200; ++tick) {
            wall += 5 * second;
            advanceToWall(copy, wall);
            const SourceServer &server = copy.servers[std::size_t(index)].server;
            const RS state = replicationOf(server);
            const auto &steps = *server.dataReplicationInfo->dataReplicationInitiation->steps;
            const int done = int(
                std::count_if(steps.begin(), steps.end(), [](const DataReplicationInitiationStep &step) {
                    return *step.status == DataReplicationInitiationStepStatus::Succeeded;
                }));
            QVERIFY2(done >= succeeded, "steps never go back");
            succeeded = done;
            if (state == RS::Stalled) {
                const auto failed = std::find_if(steps.begin(), steps.end(), [](const auto &step) {
                    return *step.status == DataReplicationInitiationStepStatus::Failed;
                });
                QVERIFY(failed != steps.end());
                QCOMPARE(server.dataReplicationInfo->dataReplicationError->error->value(),
                    ReplicationSimulator::errorForStep(failed->name->value()));
                QVERIFY(server.dataReplicationInfo->dataReplicationInitiation->nextAttemptDateTime);
                break;
            }
            if (state != RS::Initiating) {
                QCOMPARE(succeeded, 11);
                QVERIFY(
                    state == RS::InitialSync || state == RS::Rescan || state == RS::PendingSnapshotShipping);
                break;
            }
        }
        QVERIFY2(replicationOf(copy.servers[std::size_t(index)].server) != RS::Initiating, "initiation ends");
    }
    QVERIFY(checked >= 5);
}

void TestEmulatorFleet::lagWanders()
{
    Fleet fleet = generate(100, 13);
    const qsizetype index = firstWith(fleet, [](const FleetServer &entry) {
        return replicationOf(entry.server) == RS::Continuous && !ServerFields::isAgentless(entry.server);
    });
    QVERIFY(index >= 0);
    QSet<qint64> lags;
    for (int i = 1; i <= 20; ++i) {
        Fleet copy = fleet;
        copy.servers[std::size_t(index)].sim.nextEvent = ServerSimulation::never; // stay CONTINUOUS
        advanceToWall(copy, startTime.toMSecsSinceEpoch() + i * 2 * minute);
        const auto lag = copy.servers[std::size_t(index)].server.lag();
        QVERIFY(lag);
        QVERIFY(*lag > 0 && *lag < 2 * minute);
        lags.insert(*lag);
    }
    QVERIFY2(lags.size() >= 10, "the lag wanders");
}

void TestEmulatorFleet::simulationIndependentOfSampling()
{
    Fleet once = generate(150, 21, 60.0);
    Fleet often = once;
    const qint64 end = startTime.toMSecsSinceEpoch() + 10 * minute; // ten hours simulated
    for (qint64 wall = startTime.toMSecsSinceEpoch(); wall < end; wall += 7 * second)
        advanceToWall(often, wall);
    advanceToWall(often, end);
    advanceToWall(once, end);
    QCOMPARE(stateJson(once), stateJson(often));

    // Things happened meanwhile.
    const Fleet start = generate(150, 21, 60.0);
    int changed = 0;
    for (std::size_t i = 0; i < once.servers.size(); ++i)
        changed += once.servers[i].server.replicationState() != start.servers[i].server.replicationState()
            ? 1
            : 0;
    QVERIFY(changed > 20);
}

void TestEmulatorFleet::launchJobProgresses()
{
    Fleet fleet = generate(200, 17);
    QStringList ids;
    for (const FleetServer &entry : fleet.servers) {
        if (entry.server.lifeCycleState() == LC::ReadyForTest && ids.size() < 4)
            ids << entry.server.id();
    }
    QCOMPARE(ids.size(), 4);
    const qsizetype jobIndex
        = FleetActions::startLaunch(fleet, ids, InitiatedBy::StartTest, std::nullopt, fleet.simNow);
    {
        const Job &job = fleet.jobs[std::size_t(jobIndex)].job;
        QVERIFY(QRegularExpression(u"^mgnjob-[0-9a-f]{17}$"_s).match(job.jobID).hasMatch());
        QCOMPARE(*job.arn, u"arn:aws:mgn:eu-west-1:111122223333:job/"_s + job.jobID);
        QCOMPARE(job.type->value(), JobType::Launch);
        QCOMPARE(job.initiatedBy->value(), InitiatedBy::StartTest);
        QCOMPARE(job.status->value(), JobStatus::Pending);
        QCOMPARE(*job.creationDateTime, startTime.toMSecsSinceEpoch());
        for (const ParticipatingServer &participant : *job.participatingServers)
            QCOMPARE(participant.launchStatus->value(), LaunchStatus::Pending);
    }
    for (const QString &id : ids) {
        const SourceServer &server = fleet.servers[std::size_t(fleet.findServer(id))].server;
        QCOMPARE(*server.lifeCycleState(), LC::Testing);
        QCOMPARE(*server.lifeCycle->lastTest->initiated->jobID, fleet.jobs[std::size_t(jobIndex)].job.jobID);
        QCOMPARE(*server.lifeCycle->lastTest->initiated->apiCallDateTime, startTime.toMSecsSinceEpoch());
    }

    advanceToWall(fleet, startTime.toMSecsSinceEpoch() + 60 * second);
    {
        const FleetJob &job = fleet.jobs[std::size_t(jobIndex)];
        QCOMPARE(job.job.status->value(), JobStatus::Started);
        QCOMPARE(events(job).first(), JobLogEvent::JobStart);
        QVERIFY(std::any_of(job.job.participatingServers->begin(), job.job.participatingServers->end(),
            [](const ParticipatingServer &p) { return *p.launchStatus == LaunchStatus::InProgress; }));
    }

    advanceToWall(fleet, startTime.toMSecsSinceEpoch() + 1 * hour);
    const FleetJob &job = fleet.jobs[std::size_t(jobIndex)];
    QCOMPARE(job.job.status->value(), JobStatus::Completed);
    QVERIFY(job.job.endDateTime > job.job.creationDateTime);
    const QList<JobLogEvent> log = events(job);
    QCOMPARE(log.first(), JobLogEvent::JobStart);
    QCOMPARE(log.last(), JobLogEvent::JobEnd);
    QVERIFY(log.contains(JobLogEvent::ConversionStart));
    QVERIFY(log.contains(JobLogEvent::LaunchStart));
    for (qsizetype i = 1; i < job.log.size(); ++i)
        QVERIFY(*job.log.at(i).logDateTime >= *job.log.at(i - 1).logDateTime);
    int launched = 0;
    for (const ParticipatingServer &participant : *job.job.participatingServers) {
        const SourceServer &server
            = fleet.servers[std::size_t(fleet.findServer(participant.sourceServerID))].server;
        if (*participant.launchStatus == LaunchStatus::Failed) {
            QVERIFY(log.contains(JobLogEvent::LaunchFailed));
            continue;
        }
        QCOMPARE(participant.launchStatus->value(), LaunchStatus::Launched);
        QVERIFY(
            QRegularExpression(u"^i-[0-9a-f]{17}$"_s).match(*participant.launchedEc2InstanceID).hasMatch());
        QVERIFY(server.launchedInstance->ec2InstanceID == participant.launchedEc2InstanceID);
        QCOMPARE(*server.launchedInstance->jobID, job.job.jobID);
        QCOMPARE(server.launchedInstance->firstBoot->value(), FirstBoot::Succeeded);
        QCOMPARE(*server.lifeCycleState(), LC::Testing);
        ++launched;
    }
    QVERIFY(launched >= 3);
}

void TestEmulatorFleet::terminateJobAndSkippedServer()
{
    Fleet fleet = generate(200, 19);
    const qsizetype withInstance = firstWith(fleet, [](const FleetServer &entry) {
        return entry.server.lifeCycleState() == LC::ReadyForCutover && entry.server.launchedInstance;
    });
    const qsizetype withoutInstance = firstWith(fleet, [](const FleetServer &entry) {
        return entry.server.lifeCycleState() == LC::ReadyForTest && !entry.server.launchedInstance;
    });
    QVERIFY(withInstance >= 0 && withoutInstance >= 0);
    const QString a = fleet.servers[std::size_t(withInstance)].server.id();
    const QString b = fleet.servers[std::size_t(withoutInstance)].server.id();
    const QString instance = *fleet.servers[std::size_t(withInstance)].server.launchedInstance->ec2InstanceID;
    const qsizetype jobIndex = FleetActions::startTermination(fleet, { a, b }, std::nullopt, fleet.simNow);
    QCOMPARE(fleet.jobs[std::size_t(jobIndex)].job.type->value(), JobType::Terminate);
    QCOMPARE(fleet.jobs[std::size_t(jobIndex)].job.initiatedBy->value(), InitiatedBy::Terminate);

    advanceToWall(fleet, startTime.toMSecsSinceEpoch() + 10 * minute);
    const FleetJob &job = fleet.jobs[std::size_t(jobIndex)];
    QCOMPARE(job.job.status->value(), JobStatus::Completed);
    QCOMPARE(job.job.participatingServers->at(0).launchStatus->value(), LaunchStatus::Terminated);
    QCOMPARE(job.job.participatingServers->at(1).launchStatus->value(), LaunchStatus::Failed);
    QVERIFY(!fleet.servers[std::size_t(withInstance)].server.launchedInstance);
    const QList<JobLogEvent> log = events(job);
    QVERIFY(log.contains(JobLogEvent::ServerSkipped));
    QVERIFY(log.contains(JobLogEvent::CleanupEnd));
    const auto cleanup = std::find_if(job.log.begin(), job.log.end(),
        [](const JobLog &item) { return *item.event == JobLogEvent::CleanupEnd; });
    QCOMPARE(*cleanup->eventData->targetInstanceID, instance);
    QCOMPARE(*cleanup->eventData->sourceServerID, a);
}

void TestEmulatorFleet::persistenceRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"state.json"_s);
    Fleet fleet = generate(150, 23, 30.0);
    FleetActions::startLaunch(fleet, { fleet.servers.front().server.id() }, InitiatedBy::StartTest,
        Tags { { u"k"_s, u"v"_s } }, fleet.simNow);
    advanceToWall(fleet, startTime.toMSecsSinceEpoch() + 5 * second);
    fleet.initialized = false;
    QString error;
    QVERIFY2(FleetState::save(fleet, path, &error), qPrintable(error));
    QVERIFY(!QFile::exists(path + u".tmp"_s));
    auto loaded = FleetState::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    loaded->anchorSim = fleet.anchorSim;
    loaded->anchorWall = fleet.anchorWall;
    QVERIFY(*loaded == fleet);
    QVERIFY(!loaded->initialized);

    // Both go on the same way.
    advanceToWall(fleet, startTime.toMSecsSinceEpoch() + 10 * minute);
    advanceToWall(*loaded, startTime.toMSecsSinceEpoch() + 10 * minute);
    QCOMPARE(stateJson(*loaded), stateJson(fleet));
}

void TestEmulatorFleet::corruptStateRefused_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("expected");

    const QByteArray valid = stateJson(generate(20, 1));
    QJsonObject object = QJsonDocument::fromJson(valid).object();

    QTest::newRow("not JSON") << QByteArray("this is not a state") << u"not a valid state file"_s;
    QTest::newRow("truncated") << valid.left(valid.size() / 2) << u"not a valid state file"_s;
    QTest::newRow("array") << QByteArray("[]") << u"not a JSON object"_s;
    QTest::newRow("empty") << QByteArray() << u"not a valid state file"_s;

    QJsonObject wrongFormat = object;
    wrongFormat.insert("format"_L1, u"something-else"_s);
    QTest::newRow("format") << QJsonDocument(wrongFormat).toJson() << u"not an mgn-emulator state file"_s;

    QJsonObject wrongVersion = object;
    wrongVersion.insert("version"_L1, 99);
    QTest::newRow("version") << QJsonDocument(wrongVersion).toJson() << u"version 99"_s;

    QJsonObject badServer = object;
    QJsonArray servers = badServer.value("servers"_L1).toArray();
    QJsonObject first = servers.at(3).toObject();
    QJsonObject server = first.value("server"_L1).toObject();
    server.insert("isArchived"_L1, u"yes"_s);
    first.insert("server"_L1, server);
    servers.replace(3, first);
    badServer.insert("servers"_L1, servers);
    QTest::newRow("server member type") << QJsonDocument(badServer).toJson() << u"servers[3].server"_s;

    QJsonObject badSim = object;
    servers = badSim.value("servers"_L1).toArray();
    first = servers.at(5).toObject();
    QJsonObject sim = first.value("sim"_L1).toObject();
    sim.insert("phaseStart"_L1, u"soon"_s);
    first.insert("sim"_L1, sim);
    servers.replace(5, first);
    badSim.insert("servers"_L1, servers);
    QTest::newRow("sim member") << QJsonDocument(badSim).toJson() << u"servers[5].sim.phaseStart"_s;

    QJsonObject duplicate = object;
    servers = duplicate.value("servers"_L1).toArray();
    servers.append(servers.at(0));
    duplicate.insert("servers"_L1, servers);
    QTest::newRow("duplicate server") << QJsonDocument(duplicate).toJson() << u"appears twice"_s;
}

void TestEmulatorFleet::corruptStateRefused()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"state.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
    file.close();
    QString error;
    QVERIFY(!FleetState::load(path, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestEmulatorFleet::serviceLoadKeepsStateOnError()
{
    auto clock = std::make_shared<FixedClock>(startTime);
    MgnService service({ 40, 5, 1.0, u"111122223333"_s, u"us-east-1"_s }, clock);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"state.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\":\"mgn-emulator-state\",\"version\":1,\"servers\":[{\"server\":");
    file.close();
    const QByteArray before = stateJson(service.fleet());
    QString error;
    QVERIFY(!service.load(path, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(stateJson(service.fleet()), before);
    QVERIFY(!service.load(dir.filePath(u"missing.json"_s), &error));
    QVERIFY(error.contains(u"cannot read"_s));

    // A good file replaces the fleet and resumes at the time it was saved.
    MgnService other({ 25, 6, 1.0, u"444455556666"_s, u"eu-central-1"_s }, clock);
    QVERIFY2(other.save(path, &error), qPrintable(error));
    clock->advance(std::chrono::hours(5));
    QVERIFY2(service.load(path, &error), qPrintable(error));
    QCOMPARE(service.fleet().servers.size(), std::size_t(25));
    QCOMPARE(service.options().accountId, u"444455556666"_s);
    QCOMPARE(service.fleet().simNow, other.fleet().simNow);
    QCOMPARE(service.fleet().wallNow(), clock->currentDateTimeUtc().toMSecsSinceEpoch());
}

void TestEmulatorFleet::largeFleetAdvancesQuickly()
{
    QElapsedTimer timer;
    timer.start();
    Fleet fleet = generate(10000, 31, 60.0);
    const qint64 generation = timer.elapsed();
    QCOMPARE(fleet.servers.size(), std::size_t(10000));

    // One request a second for a minute at speed 60: an hour of replication.
    timer.restart();
    qint64 slowest = 0;
    for (int s = 1; s <= 60; ++s) {
        QElapsedTimer step;
        step.start();
        FleetSimulator::advanceTo(fleet, fleet.simAt(startTime.toMSecsSinceEpoch() + s * second));
        slowest = std::max(slowest, step.elapsed());
    }
    const qint64 advancing = timer.elapsed();
    qInfo("10,000 servers: generated in %lld ms; 60 advances (1 s each at speed 60) in %lld ms, slowest %lld "
          "ms",
        generation, advancing, slowest);
    QVERIFY2(slowest < 100, "an advance of the whole fleet takes milliseconds");
}

// The emulator writes its pages with JsonTextWriter: every generated server
// comes out byte for byte as QJsonDocument would write it (tst_jsontextwriter
// checks the writer itself).
void TestEmulatorFleet::writtenAsQJson()
{
    for (const quint32 seed : { 1u, 7u, 42u }) {
        const Fleet fleet = generate(400, seed);
        for (const FleetServer &entry : fleet.servers) {
            const QJsonObject object = SourceServerCodec::encode(entry.server);
            for (const auto &[format, qjsonFormat] :
                { std::pair { JsonTextWriter::Format::Compact, QJsonDocument::Compact },
                    std::pair { JsonTextWriter::Format::Indented, QJsonDocument::Indented } }) {
                QByteArray text;
                JsonTextWriter writer(text, format);
                SourceServerCodec::write(writer, entry.server);
                QCOMPARE(text, QJsonDocument(object).toJson(qjsonFormat));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestEmulatorFleet)
#include "tst_emulatorfleet.moc"
