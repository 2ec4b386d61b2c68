#include "emulator/service/FleetGenerator.h"

#include "emulator/service/ConfigurationDefaults.h"
#include "emulator/service/EmulatorRandom.h"
#include "emulator/service/FleetActions.h"
#include "emulator/service/FleetSimulator.h"
#include "emulator/service/JobSimulator.h"
#include "emulator/service/PlanningGenerator.h"
#include "emulator/service/ReplicationSimulator.h"
#include "emulator/service/ServerFields.h"

#include <QHash>
#include <QStringList>

#include <algorithm>
#include <array>

namespace mgn {

using namespace Qt::Literals::StringLiterals;
using namespace ServerFields;

namespace {

using LC = LifeCycleState;
using RS = DataReplicationState;
using ErrorString = DataReplicationErrorString;

constexpr qint64 second = 1000;
constexpr qint64 minute = 60 * second;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
constexpr qint64 GiB = qint64(1) << 30;

enum class Kind : quint8 { AgentBased, Agentless, Either };

// A consistent (lifecycle, replication) combination and how often it occurs.
struct Profile final {
    LC lifeCycle;
    std::optional<RS> replication; // nullopt: nothing reported yet
    Kind kind;
    int weight;
};

constexpr std::array<Profile, 20> profiles { {
    { LC::PendingInstallation, std::nullopt, Kind::AgentBased, 2 },
    { LC::Discovered, RS::Stopped, Kind::Agentless, 3 },
    { LC::Stopped, RS::Stopped, Kind::Either, 3 },
    { LC::NotReady, RS::Initiating, Kind::Either, 7 },
    { LC::NotReady, RS::InitialSync, Kind::AgentBased, 10 },
    { LC::NotReady, RS::Stalled, Kind::Either, 4 },
    { LC::NotReady, RS::Paused, Kind::AgentBased, 2 },
    { LC::NotReady, RS::PendingSnapshotShipping, Kind::Agentless, 2 },
    { LC::NotReady, RS::ShippingSnapshot, Kind::Agentless, 3 },
    { LC::ReadyForTest, RS::Continuous, Kind::Either, 14 },
    { LC::ReadyForTest, RS::Backlog, Kind::AgentBased, 4 },
    { LC::ReadyForTest, RS::Rescan, Kind::AgentBased, 3 },
    { LC::ReadyForTest, RS::Stalled, Kind::Either, 3 },
    { LC::ReadyForTest, RS::Paused, Kind::Either, 2 },
    { LC::ReadyForTest, RS::CreatingSnapshot, Kind::Agentless, 2 },
    { LC::Testing, RS::Continuous, Kind::Either, 8 },
    { LC::ReadyForCutover, RS::Continuous, Kind::Either, 8 },
    { LC::CuttingOver, RS::Continuous, Kind::Either, 5 },
    { LC::Cutover, RS::Disconnected, Kind::Either, 8 },
    { LC::Disconnected, RS::Disconnected, Kind::Either, 4 },
} };

const QStringList &windowsSystems()
{
    static const QStringList list { u"Microsoft Windows Server 2012 R2 Standard"_s,
        u"Microsoft Windows Server 2016 Datacenter"_s, u"Microsoft Windows Server 2019 Standard"_s,
        u"Microsoft Windows Server 2019 Datacenter"_s, u"Microsoft Windows Server 2022 Standard"_s,
        u"Microsoft Windows Server 2022 Datacenter"_s };
    return list;
}

const QStringList &linuxSystems()
{
    static const QStringList list { u"Red Hat Enterprise Linux Server 7.9 (Maipo)"_s,
        u"Red Hat Enterprise Linux 8.8 (Ootpa)"_s, u"Red Hat Enterprise Linux 9.2 (Plow)"_s,
        u"Ubuntu 20.04.6 LTS"_s, u"Ubuntu 22.04.3 LTS"_s, u"Amazon Linux 2"_s,
        u"SUSE Linux Enterprise Server 12 SP5"_s, u"SUSE Linux Enterprise Server 15 SP4"_s,
        u"CentOS Linux 7 (Core)"_s, u"Debian GNU/Linux 11 (bullseye)"_s, u"Oracle Linux Server 8.7"_s,
        u"Rocky Linux 9.2 (Blue Onyx)"_s };
    return list;
}

const QStringList &windowsRoles()
{
    static const QStringList list { u"ad"_s, u"sql"_s, u"iis"_s, u"file"_s, u"rds"_s, u"exch"_s, u"print"_s,
        u"sccm"_s, u"app"_s };
    return list;
}

const QStringList &linuxRoles()
{
    static const QStringList list { u"web"_s, u"app"_s, u"db"_s, u"api"_s, u"cache"_s, u"mq"_s, u"kafka"_s,
        u"es"_s, u"etl"_s, u"build"_s, u"log"_s, u"mon"_s, u"batch"_s, u"sftp"_s, u"proxy"_s, u"jump"_s,
        u"k8s-node"_s, u"pg"_s, u"mysql"_s, u"redis"_s, u"nginx"_s, u"tomcat"_s };
    return list;
}

const QStringList &cpuModels()
{
    static const QStringList list { u"Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz"_s,
        u"Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz"_s, u"Intel(R) Xeon(R) Silver 4214 CPU @ 2.20GHz"_s,
        u"Intel(R) Xeon(R) Platinum 8280 CPU @ 2.70GHz"_s, u"AMD EPYC 7543 32-Core Processor"_s,
        u"AMD EPYC 7763 64-Core Processor"_s };
    return list;
}

struct Environment final {
    QString suffix; // in the hostname
    QString tag; // the Environment tag
    QString domain;
    int octet; // second octet of the subnet
    int weight;
};

const QList<Environment> &environments()
{
    static const QList<Environment> list {
        { u"prod"_s, u"Production"_s, u"corp.example.com"_s, 10, 40 },
        { u"stg"_s, u"Staging"_s, u"stg.corp.example.com"_s, 20, 15 },
        { u"dev"_s, u"Development"_s, u"dev.corp.example.com"_s, 30, 20 },
        { u"qa"_s, u"QA"_s, u"qa.corp.example.com"_s, 40, 10 },
        { QString(), QString(), u"corp.example.com"_s, 50, 15 },
    };
    return list;
}

QString uuid(EmulatorRandom &random)
{
    return random.hex(8) + u'-' + random.hex(4) + u"-4"_s + random.hex(3) + u'-' + random.hex(4) + u'-'
        + random.hex(12);
}

QString macAddress(EmulatorRandom &random, bool vmware)
{
    QStringList bytes = vmware ? QStringList { u"00"_s, u"50"_s, u"56"_s } : QStringList { u"0a"_s };
    while (bytes.size() < 6)
        bytes << random.hex(2);
    return bytes.join(u':');
}

QString instanceType(qint64 cores, qint64 ramGiB, EmulatorRandom &random)
{
    const qint64 ratio = ramGiB / std::max<qint64>(1, cores);
    const QString family = ratio <= 2 ? u"c"_s : ratio <= 4 ? u"m"_s : u"r"_s;
    const QString generation = random.chance(0.5) ? u"5"_s : u"6i"_s;
    const QString size = cores <= 2 ? u"large"_s
        : cores <= 4                ? u"xlarge"_s
        : cores <= 8                ? u"2xlarge"_s
        : cores <= 16               ? u"4xlarge"_s
        : cores <= 32               ? u"8xlarge"_s
        : cores <= 48               ? u"12xlarge"_s
                                    : u"16xlarge"_s;
    return family + generation + u'.' + size;
}

QString twoDigits(int number)
{
    return QString::number(number).rightJustified(2, u'0');
}

class Generation final
{
public:
    Generation(Fleet &fleet, const FleetGenerator::Parameters &parameters, qint64 now)
        : m_fleet(fleet)
        , m_random(EmulatorRandom::mix(parameters.seed, 1))
        , m_seed(parameters.seed)
        , m_now(now)
    { }

    void vcenterClients(int count);
    void applications(int count);
    void servers(int count);

private:
    FleetServer makeServer(int number, const Profile &profile);
    void applyProfile(qsizetype index, const Profile &profile, bool archived);
    void fullDisks(FleetServer &entry);
    void replicating(FleetServer &entry, qint64 since);
    // Moves a phase begun now back in time by a fraction of what was left of
    // it, so that it shows progress (bytes, elapsed steps, lag) and its next
    // change is still ahead.
    void age(FleetServer &entry, double fraction);
    qint64 added(const FleetServer &entry) const;
    qsizetype launch(qsizetype index, InitiatedBy initiatedBy, qint64 at);

    Fleet &m_fleet;
    EmulatorRandom m_random;
    quint32 m_seed;
    qint64 m_now;
    QStringList m_applications;
    QHash<QString, int> m_names;
};

void Generation::vcenterClients(int count)
{
    static const QStringList datacenters { u"DC-East"_s, u"DC-West"_s, u"DC-Frankfurt"_s, u"DC-Singapore"_s };
    for (int i = 0; i < count; ++i) {
        VcenterClient client;
        client.vcenterClientID = m_fleet.newId("vcc-"_L1);
        client.arn = m_fleet.arn("vcenter-client"_L1, *client.vcenterClientID);
        client.hostname = u"vcenter-%1.corp.example.com"_s.arg(twoDigits(i + 1));
        client.vcenterUUID = uuid(m_random);
        client.datacenterName = datacenters.at(i % datacenters.size());
        client.lastSeenDatetime = m_now - m_random.range(5 * second, 60 * second);
        client.tags = Tags { { u"Datacenter"_s, *client.datacenterName } };
        m_fleet.vcenterClients.append(client);
    }
}

void Generation::applications(int count)
{
    for (int i = 0; i < count; ++i) {
        m_applications << m_fleet.newId("app-"_L1);
        PlanningGenerator::addApplication(m_fleet, m_applications.constLast(), i, m_now);
    }
}

void Generation::servers(int count)
{
    QList<int> weights;
    for (const Profile &profile : profiles)
        weights << profile.weight;
    // Every profile once, then drawn by weight; shuffled so the list is mixed.
    QList<qsizetype> assigned;
    for (int i = 0; i < count; ++i)
        assigned << (i < int(profiles.size()) ? qsizetype(i) : m_random.weighted(weights));
    for (qsizetype i = assigned.size() - 1; i > 0; --i)
        std::swap(assigned[i], assigned[m_random.range(0, i)]);

    QHash<qsizetype, int> occurrences;
    m_fleet.reserveServers(count);
    for (int i = 0; i < count; ++i) {
        const Profile &profile = profiles[std::size_t(assigned.at(i))];
        m_fleet.addServer(makeServer(i, profile));
        // Of the servers that can be archived, every second one is.
        const bool archived = occurrences[assigned.at(i)]++ % 2 == 1;
        applyProfile(qsizetype(m_fleet.servers.size()) - 1, profile, archived);
    }
}

FleetServer Generation::makeServer(int number, const Profile &profile)
{
    EmulatorRandom &r = m_random;
    FleetServer entry;
    SourceServer &server = entry.server;
    const bool agentless
        = profile.kind == Kind::Agentless || (profile.kind == Kind::Either && r.chance(0.25));
    const bool windows = r.chance(0.35);
    const bool vmware = agentless || r.chance(0.45);

    QString id;
    do {
        id = u"s-"_s + r.hex(17);
    } while (m_fleet.findServer(id) >= 0);
    server.sourceServerID = id;
    server.arn = m_fleet.arn("source-server"_L1, id);
    server.isArchived = false;
    server.replicationType = EnumValue<ReplicationType>(
        agentless ? ReplicationType::SnapshotShipping : ReplicationType::AgentBased);

    QList<int> environmentWeights;
    for (const Environment &environment : environments())
        environmentWeights << environment.weight;
    const Environment &environment = environments().at(r.weighted(environmentWeights));
    const QString role = r.pick(windows ? windowsRoles() : linuxRoles());
    const QString stem = environment.suffix.isEmpty() ? role : role + u'-' + environment.suffix;
    const QString hostname = stem + u'-' + twoDigits(++m_names[stem]);

    SourceProperties properties;
    IdentificationHints hints;
    hints.hostname = hostname;
    hints.fqdn = hostname + u'.' + environment.domain;
    if (vmware) {
        hints.vmWareUuid = uuid(r);
        hints.vmPath = u"/%1/vm/%2/%3"_s.arg(m_fleet.vcenterClients.isEmpty()
                ? u"DC-East"_s
                : *m_fleet.vcenterClients.constFirst().datacenterName,
            environment.tag.isEmpty() ? u"Shared"_s : environment.tag, hostname);
    }
    properties.identificationHints = hints;
    properties.os = OperatingSystem { r.pick(windows ? windowsSystems() : linuxSystems()) };

    static const QList<qint64> coreChoices { 2, 4, 8, 16, 32, 48, 64 };
    const qint64 cores = coreChoices.at(r.weighted({ 20, 30, 25, 12, 7, 3, 3 }));
    const qint64 sockets = cores >= 16 && r.chance(0.5) ? 2 : 1;
    const QString model = r.pick(cpuModels());
    QList<Cpu> cpus;
    for (qint64 s = 0; s < sockets; ++s)
        cpus.append(Cpu { cores / sockets, model });
    properties.cpus = cpus;
    static const QList<qint64> ratios { 2, 4, 8 };
    const qint64 ramGiB = std::max<qint64>(4, cores * ratios.at(r.weighted({ 25, 50, 25 })));
    properties.ramBytes = ramGiB * GiB;
    properties.recommendedInstanceType = instanceType(cores, ramGiB, r);

    static const QList<qint64> dataSizes { 50, 100, 200, 250, 500, 750, 1024, 2048, 4096 };
    const int diskCount = int(r.weighted({ 25, 30, 20, 12, 5, 4, 2, 2 })) + 1;
    const bool nvme = !windows && r.chance(0.2);
    QList<Disk> diskList;
    QList<ReplicatedDisk> replicated;
    for (int d = 0; d < diskCount; ++d) {
        const qint64 sizeGiB = d == 0 ? (windows ? r.range(60, 150) : r.range(20, 100))
                                      : dataSizes.at(r.weighted({ 15, 20, 15, 10, 15, 5, 10, 7, 3 }));
        QString device;
        if (windows)
            device = u"\\\\.\\PHYSICALDRIVE"_s + QString::number(d);
        else if (nvme)
            device = u"/dev/nvme%1n1"_s.arg(d);
        else
            device = u"/dev/sd"_s + QChar(char16_t(u'a' + d));
        diskList.append(Disk { device, sizeGiB * GiB });
        ReplicatedDisk disk;
        disk.deviceName = device;
        disk.totalStorageBytes = sizeGiB * GiB;
        disk.replicatedStorageBytes = 0;
        disk.rescannedStorageBytes = 0;
        disk.backloggedStorageBytes = 0;
        replicated.append(disk);
    }
    properties.disks = diskList;

    const int nicCount = int(r.weighted({ 70, 25, 5 })) + 1;
    QList<NetworkInterface> nics;
    for (int n = 0; n < nicCount; ++n) {
        NetworkInterface nic;
        nic.macAddress = macAddress(r, vmware);
        nic.ips = QStringList { n == 0
                ? u"10.%1.%2.%3"_s.arg(environment.octet).arg(r.range(0, 255)).arg(r.range(2, 254))
                : u"192.168.%1.%2"_s.arg(r.range(0, 255)).arg(r.range(2, 254)) };
        nic.isPrimary = n == 0;
        nics.append(nic);
    }
    properties.networkInterfaces = nics;
    properties.lastUpdatedDateTime = m_now - r.range(1 * minute, 24 * hour);
    server.sourceProperties = properties;

    if (!m_fleet.vcenterClients.isEmpty() && (agentless || (vmware && r.chance(0.5))))
        server.vcenterClientID = r.pick(m_fleet.vcenterClients).vcenterClientID;
    if (!m_applications.isEmpty() && r.chance(0.65))
        server.applicationID = r.pick(m_applications);

    Tags tags;
    if (!environment.tag.isEmpty())
        tags.insert(u"Environment"_s, environment.tag);
    if (r.chance(0.7))
        tags.insert(u"MigrationWave"_s, u"wave-%1"_s.arg(r.range(1, 6)));
    if (r.chance(0.5))
        tags.insert(u"Owner"_s,
            r.pick(
                QStringList { u"platform"_s, u"payments"_s, u"data"_s, u"identity"_s, u"web"_s, u"erp"_s }));
    if (r.chance(0.3))
        tags.insert(u"CostCenter"_s, u"CC-%1"_s.arg(r.range(1000, 1999)));
    server.tags = tags;

    DataReplicationInfo info;
    info.replicatedDisks = replicated;
    server.dataReplicationInfo = info;
    LifeCycle cycle;
    cycle.state = EnumValue<LC>(profile.lifeCycle);
    server.lifeCycle = cycle;

    entry.sim.random = EmulatorRandom::mix(m_seed, 0x10000u + quint64(number));
    entry.sim.noiseKey = EmulatorRandom::mix(m_seed, 0x20000u + quint64(number));
    return entry;
}

void Generation::fullDisks(FleetServer &entry)
{
    for (ReplicatedDisk &disk : disks(entry.server))
        disk.replicatedStorageBytes = disk.totalStorageBytes;
    entry.sim.synced = true;
}

// The history of a server that has been replicating since `since`.
void Generation::replicating(FleetServer &entry, qint64 since)
{
    entry.sim.replicationStart = since;
    auto &cycle = lifeCycle(entry.server);
    cycle.addedToServiceDateTime = m_fleet.wallAt(since - m_random.range(10 * minute, 2 * day));
    cycle.firstByteDateTime = m_fleet.wallAt(since);
    ReplicationSimulator::setInitiationSteps(entry.server, ReplicationSimulator::initiationStepCount());
    initiation(entry.server).startDateTime = m_fleet.wallAt(since - m_random.range(5 * minute, 12 * minute));
}

void Generation::age(FleetServer &entry, double fraction)
{
    ServerSimulation &sim = entry.sim;
    if (sim.nextEvent == ServerSimulation::never || sim.nextEvent <= m_now)
        return;
    const qint64 shift = static_cast<qint64>(static_cast<double>(sim.nextEvent - m_now - 1) * fraction);
    sim.phaseStart -= shift;
    sim.nextEvent -= shift;
    auto &info = replication(entry.server);
    if (info.etaDateTime)
        info.etaDateTime = m_fleet.wallAt(sim.nextEvent);
    if (info.dataReplicationInitiation && info.dataReplicationInitiation->nextAttemptDateTime)
        info.dataReplicationInitiation->nextAttemptDateTime = m_fleet.wallAt(sim.nextEvent);
}

qint64 Generation::added(const FleetServer &entry) const
{
    return entry.server.lifeCycle->addedToServiceDateTime.value_or(m_now);
}

qsizetype Generation::launch(qsizetype index, InitiatedBy initiatedBy, qint64 at)
{
    const QString id = m_fleet.servers[std::size_t(index)].server.id();
    const qsizetype job = FleetActions::startLaunch(m_fleet, { id }, initiatedBy, std::nullopt, at);
    JobSimulator::advance(m_fleet, m_fleet.jobs[std::size_t(job)], m_now);
    return job;
}

void Generation::applyProfile(qsizetype index, const Profile &profile, bool archived)
{
    EmulatorRandom &r = m_random;
    const Fleet &fleet = m_fleet;
    const qint64 now = m_now;
    auto entryAt = [this, index]() -> FleetServer & { return m_fleet.servers[std::size_t(index)]; };
    FleetServer &entry = entryAt();
    SourceServer &server = entry.server;
    const bool agentless = isAgentless(server);
    const RS state = profile.replication.value_or(RS::Unrecognized);
    auto &cycle = lifeCycle(server);

    switch (profile.lifeCycle) {
    case LC::PendingInstallation:
        server.dataReplicationInfo.reset();
        cycle.addedToServiceDateTime = now - r.range(1 * hour, 10 * day);
        return;
    case LC::Discovered:
        setReplicationState(server, RS::Stopped);
        cycle.addedToServiceDateTime = now - r.range(1 * hour, 20 * day);
        return;
    case LC::Stopped:
        if (r.chance(0.5)) {
            fullDisks(entry);
        } else {
            for (ReplicatedDisk &disk : disks(server))
                disk.replicatedStorageBytes = qint64(double(*disk.totalStorageBytes) * r.real());
        }
        replicating(entry, now - r.range(2 * day, 30 * day));
        setReplicationState(server, RS::Stopped);
        return;
    case LC::NotReady:
        break;
    case LC::ReadyForTest:
    case LC::Testing:
    case LC::ReadyForCutover:
    case LC::CuttingOver:
    case LC::Cutover:
    case LC::Disconnected:
    case LC::Unrecognized:
        fullDisks(entry);
        entry.sim.launchable = true;
        replicating(entry, now - r.range(3 * day, 60 * day));
        break;
    }

    if (profile.lifeCycle == LC::NotReady) {
        cycle.addedToServiceDateTime = now - r.range(5 * minute, 3 * day);
        switch (state) {
        case RS::Initiating: {
            const int step = int(r.range(0, ReplicationSimulator::initiationStepCount() - 1));
            ReplicationSimulator::beginInitiation(fleet, entry, now, step);
            age(entry, r.real() * 0.9);
            initiation(server).startDateTime = now - step * 45 * second - r.range(10 * second, 60 * second);
            break;
        }
        case RS::Stalled: {
            const int step = int(r.range(1, ReplicationSimulator::initiationStepCount() - 1));
            ReplicationSimulator::beginInitiation(fleet, entry, now, step);
            ReplicationSimulator::failInitiation(fleet, entry, now);
            age(entry, 0.2 + r.real() * 0.6);
            initiation(server).startDateTime = entry.sim.phaseStart - step * 45 * second;
            break;
        }
        case RS::InitialSync:
        case RS::Paused:
            ReplicationSimulator::setInitiationSteps(server, ReplicationSimulator::initiationStepCount());
            ReplicationSimulator::beginInitialSync(fleet, entry, now);
            age(entry, 0.05 + r.real() * 0.9);
            entry.sim.replicationStart = entry.sim.phaseStart;
            cycle.firstByteDateTime = fleet.wallAt(entry.sim.phaseStart);
            initiation(server).startDateTime = fleet.wallAt(entry.sim.phaseStart - 8 * minute);
            if (state == RS::Paused) {
                ReplicationSimulator::refresh(fleet, entry, now);
                ReplicationSimulator::pause(entry, now);
                entry.sim.phaseStart -= r.range(10 * minute, 1 * day);
            }
            break;
        case RS::PendingSnapshotShipping:
            ReplicationSimulator::setInitiationSteps(server, ReplicationSimulator::initiationStepCount());
            ReplicationSimulator::beginSnapshotCycle(fleet, entry, now);
            age(entry, r.real() * 0.9);
            break;
        case RS::ShippingSnapshot:
            ReplicationSimulator::setInitiationSteps(server, ReplicationSimulator::initiationStepCount());
            ReplicationSimulator::beginSnapshotShipping(fleet, entry, now);
            age(entry, 0.05 + r.real() * 0.9);
            entry.sim.replicationStart = entry.sim.phaseStart;
            cycle.firstByteDateTime = fleet.wallAt(entry.sim.phaseStart);
            break;
        default:
            break;
        }
        cycle.addedToServiceDateTime = std::min(
            added(entry), initiation(server).startDateTime.value_or(now) - r.range(1 * minute, 30 * minute));
        return;
    }

    // From here on the server has completed its initial sync.
    replication(server).lagDuration = r.range(1 * second, 10 * second);
    if (profile.lifeCycle == LC::ReadyForTest) {
        switch (state) {
        case RS::Backlog:
            ReplicationSimulator::beginBacklog(fleet, entry, now);
            age(entry, r.real() * 0.9);
            return;
        case RS::Rescan:
            ReplicationSimulator::beginRescan(fleet, entry, now);
            age(entry, r.real() * 0.9);
            return;
        case RS::Stalled: {
            const QList<ErrorString> causes = agentless
                ? QList<ErrorString> { ErrorString::SnapshotsFailure, ErrorString::LastSnapshotJobFailed }
                : QList<ErrorString> { ErrorString::AgentNotSeen, ErrorString::NotConverging,
                      ErrorString::UnstableNetwork };
            ReplicationSimulator::beginStall(fleet, entry, now, r.pick(causes));
            age(entry, 0.1 + r.real() * 0.8);
            cycle.lastSeenByServiceDateTime = fleet.wallAt(entry.sim.phaseStart);
            return;
        }
        case RS::Paused:
            ReplicationSimulator::beginContinuous(fleet, entry, now);
            ReplicationSimulator::pause(entry, now);
            entry.sim.phaseStart -= r.range(10 * minute, 2 * day);
            return;
        case RS::CreatingSnapshot:
            entry.sim.lastSnapshot = now - r.range(30 * minute, 60 * minute);
            replication(server).lastSnapshotDateTime = fleet.wallAt(entry.sim.lastSnapshot);
            ReplicationSimulator::beginSnapshotCreation(fleet, entry, now);
            age(entry, r.real() * 0.9);
            return;
        default:
            break;
        }
    }

    ReplicationSimulator::beginContinuous(fleet, entry, now);
    age(entry, r.real() * 0.9);
    if (agentless) {
        entry.sim.lastSnapshot = now - r.range(1 * minute, 25 * minute);
        replication(server).lastSnapshotDateTime = fleet.wallAt(entry.sim.lastSnapshot);
    }

    // Launch history. Times: t1 test launched, t2 test finalized (ready for
    // cutover), t3 cutover launched, t4 cutover finalized or disconnected.
    const qint64 start = std::max(added(entry), entry.sim.replicationStart) + 1 * day;
    switch (profile.lifeCycle) {
    case LC::Testing:
        launch(index, InitiatedBy::StartTest, now - r.range(1 * minute, std::min(5 * day, now - start)));
        break;
    case LC::ReadyForCutover: {
        const qint64 t1 = now - r.range(2 * day, std::max(2 * day, now - start));
        launch(index, InitiatedBy::StartTest, t1);
        FleetActions::changeLifeCycle(m_fleet, index,
            ChangeServerLifeCycleStateSourceServerLifecycleState::ReadyForCutover,
            t1 + r.range(1 * hour, 1 * day));
        break;
    }
    case LC::CuttingOver: {
        const qint64 t1 = now - r.range(2 * day, std::max(2 * day, now - start));
        launch(index, InitiatedBy::StartTest, t1);
        FleetActions::changeLifeCycle(m_fleet, index,
            ChangeServerLifeCycleStateSourceServerLifecycleState::ReadyForCutover,
            t1 + r.range(1 * hour, 12 * hour));
        launch(index, InitiatedBy::StartCutover, now - r.range(1 * minute, 1 * day));
        break;
    }
    case LC::Cutover:
    case LC::Disconnected: {
        const bool cutover = profile.lifeCycle == LC::Cutover;
        qint64 t = now - r.range(3 * day, std::max(3 * day, now - start));
        if (cutover || r.chance(0.5)) {
            launch(index, InitiatedBy::StartTest, t);
            t += r.range(1 * hour, 1 * day);
            FleetActions::changeLifeCycle(
                m_fleet, index, ChangeServerLifeCycleStateSourceServerLifecycleState::ReadyForCutover, t);
        }
        if (cutover) {
            t += r.range(1 * hour, 1 * day);
            launch(index, InitiatedBy::StartCutover, t);
            t += r.range(30 * minute, 12 * hour);
        }
        FleetServer &done = entryAt();
        ReplicationSimulator::refresh(fleet, done, t);
        if (cutover)
            FleetActions::finalizeCutover(m_fleet, index, t);
        else
            FleetActions::disconnect(m_fleet, index);
        lifeCycle(done.server).lastSeenByServiceDateTime = fleet.wallAt(t);
        lifeCycle(done.server).elapsedReplicationDuration = t - done.sim.replicationStart;
        done.server.isArchived = archived;
        break;
    }
    default:
        break;
    }
}

} // namespace

Fleet FleetGenerator::generate(const Parameters &parameters, qint64 wallMsecs)
{
    Fleet fleet;
    fleet.accountId = parameters.accountId;
    fleet.region = parameters.region;
    fleet.seed = parameters.seed;
    // The history before now is drawn at the wall clock's pace (a fleet that
    // has been migrating for weeks); the speed applies from now on.
    fleet.speed = 1.0;
    fleet.simNow = wallMsecs;
    fleet.anchorAt(wallMsecs);
    fleet.ids = EmulatorRandom(EmulatorRandom::mix(parameters.seed, 2));

    const int count = std::max(0, parameters.servers);
    Generation generation(fleet, parameters, wallMsecs);
    generation.vcenterClients(count == 0 ? 0 : std::clamp(1 + count / 150, 1, 4));
    generation.applications(count == 0 ? 0 : std::clamp(2 + count / 40, 2, 12));
    generation.servers(count);
    PlanningGenerator::addWaves(fleet, wallMsecs);
    fleet.speed = parameters.speed;
    fleet.anchorAt(wallMsecs);
    FleetSimulator::refreshAll(fleet);
    ConfigurationDefaults::addAccountDefaults(fleet);
    return fleet;
}

} // namespace mgn
