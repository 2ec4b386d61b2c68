#include "emulator/service/FleetState.h"

#include "emulator/service/ConfigurationDefaults.h"
#include "emulator/service/ConfigurationState.h"
#include "models/codec/JobCodec.h"
#include "models/codec/JobLogCodec.h"
#include "models/codec/SourceServerCodec.h"
#include "models/codec/TagsCodec.h"
#include "models/codec/VcenterClientCodec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <cmath>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr QLatin1StringView formatName("mgn-emulator-state");
constexpr double largestExactInteger = 9007199254740992.0; // 2^53

QString hex64(quint64 value)
{
    return QString::number(value, 16);
}

QJsonValue time(qint64 value)
{
    return value == ServerSimulation::never ? QJsonValue(QJsonValue::Null) : QJsonValue(double(value));
}

QJsonObject simToJson(const ServerSimulation &sim)
{
    QJsonArray diskBase;
    for (const qint64 bytes : sim.diskBase)
        diskBase.append(double(bytes));
    QJsonObject object { { "random"_L1, hex64(sim.random) }, { "noiseKey"_L1, hex64(sim.noiseKey) },
        { "nextEvent"_L1, time(sim.nextEvent) }, { "phaseStart"_L1, double(sim.phaseStart) },
        { "lagBase"_L1, double(sim.lagBase) }, { "bytesPerSecond"_L1, double(sim.bytesPerSecond) },
        { "diskBase"_L1, diskBase }, { "lastSnapshot"_L1, double(sim.lastSnapshot) },
        { "replicationStart"_L1, double(sim.replicationStart) }, { "initiationStep"_L1, sim.initiationStep },
        { "synced"_L1, sim.synced }, { "launchable"_L1, sim.launchable },
        { "initiationFailed"_L1, sim.initiationFailed }, { "pinned"_L1, sim.pinned } };
    if (sim.pausedFrom)
        object.insert("pausedFrom"_L1, QString(EnumValue<DataReplicationState>::wireName(*sim.pausedFrom)));
    return object;
}

QJsonObject jobSimToJson(const JobSimulation &sim)
{
    QJsonArray pending;
    for (const auto &step : sim.pending) {
        QJsonObject object { { "at"_L1, double(step.at) }, { "kind"_L1, int(step.kind) },
            { "participant"_L1, step.participant } };
        if (step.logEvent != JobLogEvent::Unrecognized)
            object.insert("event"_L1, QString(EnumValue<JobLogEvent>::wireName(step.logEvent)));
        if (!step.detail.isEmpty())
            object.insert("detail"_L1, step.detail);
        pending.append(object);
    }
    return QJsonObject { { "pending"_L1, pending } };
}

// Reads the members of the state's own records, remembering the first fault
// with its path.
class StateReader final
{
public:
    StateReader(const QJsonObject &object, QString path, QString *error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    { }

    bool failed() const { return !m_error->isEmpty(); }

    void fail(const QString &member, const QString &what)
    {
        if (m_error->isEmpty())
            *m_error = u"%1: %2"_s.arg(m_path.isEmpty() ? member : QString(m_path + u'.' + member), what);
    }

    qint64 integer(QLatin1StringView key)
    {
        const QJsonValue value = m_object.value(key);
        const double number = value.toDouble();
        if (!value.isDouble() || std::floor(number) != number || std::fabs(number) > largestExactInteger) {
            fail(key, u"expected a whole number"_s);
            return 0;
        }
        return qint64(number);
    }

    qint64 timeOrNever(QLatin1StringView key)
    {
        if (m_object.value(key).isNull())
            return ServerSimulation::never;
        return integer(key);
    }

    bool boolean(QLatin1StringView key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isBool())
            fail(key, u"expected true or false"_s);
        return value.toBool();
    }

    QString string(QLatin1StringView key, bool required = true)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined() && !required)
            return {};
        if (!value.isString())
            fail(key, u"expected a string"_s);
        return value.toString();
    }

    quint64 hex(QLatin1StringView key)
    {
        bool ok = false;
        const quint64 value = string(key).toULongLong(&ok, 16);
        if (!ok)
            fail(key, u"expected a hexadecimal number"_s);
        return value;
    }

    QJsonArray array(QLatin1StringView key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isArray())
            fail(key, u"expected an array"_s);
        return value.toArray();
    }

    QJsonObject object(QLatin1StringView key)
    {
        const QJsonValue value = m_object.value(key);
        if (!value.isObject())
            fail(key, u"expected an object"_s);
        return value.toObject();
    }

    template<typename E> std::optional<E> enumeration(QLatin1StringView key)
    {
        if (!m_object.contains(key))
            return std::nullopt;
        const auto value = EnumValue<E>::fromWire(string(key));
        if (!value.isKnown()) {
            fail(key, u"unknown value"_s);
            return std::nullopt;
        }
        return value.value();
    }

    const QString &path() const { return m_path; }

private:
    QJsonObject m_object;
    QString m_path;
    QString *m_error;
};

ServerSimulation simFromJson(const QJsonObject &object, const QString &path, QString *error)
{
    StateReader r(object, path, error);
    ServerSimulation sim;
    sim.random = r.hex("random"_L1);
    sim.noiseKey = r.hex("noiseKey"_L1);
    sim.nextEvent = r.timeOrNever("nextEvent"_L1);
    sim.phaseStart = r.integer("phaseStart"_L1);
    sim.lagBase = r.integer("lagBase"_L1);
    sim.bytesPerSecond = r.integer("bytesPerSecond"_L1);
    const QJsonArray diskBase = r.array("diskBase"_L1);
    for (qsizetype i = 0; i < diskBase.size(); ++i) {
        const double bytes = diskBase.at(i).toDouble(-1);
        if (!diskBase.at(i).isDouble() || bytes < 0 || std::floor(bytes) != bytes)
            r.fail(u"diskBase[%1]"_s.arg(i), u"expected a whole number"_s);
        sim.diskBase.append(qint64(bytes));
    }
    sim.lastSnapshot = r.integer("lastSnapshot"_L1);
    sim.replicationStart = r.integer("replicationStart"_L1);
    sim.initiationStep = int(r.integer("initiationStep"_L1));
    if (sim.initiationStep < 0 || sim.initiationStep > 10)
        r.fail(u"initiationStep"_s, u"out of range"_s);
    sim.synced = r.boolean("synced"_L1);
    sim.launchable = r.boolean("launchable"_L1);
    sim.initiationFailed = r.boolean("initiationFailed"_L1);
    sim.pinned = r.boolean("pinned"_L1);
    sim.pausedFrom = r.enumeration<DataReplicationState>("pausedFrom"_L1);
    return sim;
}

JobSimulation jobSimFromJson(const QJsonObject &object, const QString &path, int participants, QString *error)
{
    StateReader r(object, path, error);
    JobSimulation sim;
    const QJsonArray pending = r.array("pending"_L1);
    for (qsizetype i = 0; i < pending.size() && !r.failed(); ++i) {
        StateReader s(pending.at(i).toObject(), path + u".pending["_s + QString::number(i) + u']', error);
        JobSimulation::Step step;
        step.at = s.integer("at"_L1);
        const qint64 kind = s.integer("kind"_L1);
        if (kind < 0 || kind > qint64(JobSimulation::Kind::End))
            s.fail(u"kind"_s, u"out of range"_s);
        step.kind = JobSimulation::Kind(kind);
        step.participant = int(s.integer("participant"_L1));
        if (step.participant < -1 || step.participant >= participants)
            s.fail(u"participant"_s, u"out of range"_s);
        step.logEvent = s.enumeration<JobLogEvent>("event"_L1).value_or(JobLogEvent::Unrecognized);
        step.detail = s.string("detail"_L1, false);
        sim.pending.append(step);
    }
    return sim;
}

// planning: a record as its API shape, with the ID under `idMember`.
QJsonArray recordsToJson(const std::vector<PlanningRecord> &records, QLatin1StringView idMember)
{
    QJsonArray array;
    for (const PlanningRecord &record : records) {
        QJsonObject object = record.fields;
        object.insert(idMember, record.id);
        object.insert("arn"_L1, record.arn);
        if (record.tags)
            object.insert("tags"_L1, TagsCodec::encode(*record.tags));
        array.append(object);
    }
    return array;
}

// Files written before planning existed have none of these arrays.
std::vector<PlanningRecord> recordsFromJson(
    const QJsonObject &state, QLatin1StringView member, QLatin1StringView idMember, QString *fault)
{
    std::vector<PlanningRecord> records;
    const QJsonArray array = state.value(member).toArray();
    for (qsizetype i = 0; i < array.size() && fault->isEmpty(); ++i) {
        const QString path = u"%1[%2]"_s.arg(member).arg(i);
        StateReader r(array.at(i).toObject(), path, fault);
        PlanningRecord record;
        record.id = r.string(idMember);
        record.arn = r.string("arn"_L1);
        record.fields = array.at(i).toObject();
        record.fields.remove(idMember);
        record.fields.remove("arn"_L1);
        record.fields.remove("tags"_L1);
        if (array.at(i).toObject().contains("tags"_L1)) {
            auto tags = TagsCodec::decodeMember(array.at(i).toObject(), "tags"_L1);
            if (!tags.value)
                r.fail(u"tags"_s, u"expected a map of strings"_s);
            record.tags = tags.value;
        }
        if (fault->isEmpty() && Fleet::find(records, record.id) >= 0)
            r.fail(idMember, u"%1 appears twice"_s.arg(record.id));
        records.push_back(record);
    }
    return records;
}

QString decodeError(const QString &path, const std::optional<JsonError> &error)
{
    return u"%1: %2"_s.arg(path, error ? error->toString() : u"not readable"_s);
}

} // namespace

QJsonObject FleetState::toJson(const Fleet &fleet)
{
    QJsonArray servers;
    for (const FleetServer &entry : fleet.servers)
        servers.append(QJsonObject {
            { "server"_L1, SourceServerCodec::encode(entry.server) }, { "sim"_L1, simToJson(entry.sim) } });
    QJsonArray jobs;
    for (const FleetJob &job : fleet.jobs) {
        QJsonArray log;
        for (const JobLog &item : job.log)
            log.append(JobLogCodec::encode(item));
        jobs.append(QJsonObject { { "job"_L1, JobCodec::encode(job.job) }, { "log"_L1, log },
            { "sim"_L1, jobSimToJson(job.sim) } });
    }
    QJsonArray clients;
    for (const VcenterClient &client : fleet.vcenterClients)
        clients.append(VcenterClientCodec::encode(client));
    return QJsonObject { { "format"_L1, QString(formatName) }, { "version"_L1, version },
        { "accountId"_L1, fleet.accountId }, { "region"_L1, fleet.region }, { "seed"_L1, double(fleet.seed) },
        { "speed"_L1, fleet.speed }, { "simNow"_L1, double(fleet.simNow) },
        { "ids"_L1, hex64(fleet.ids.state()) }, { "initialized"_L1, fleet.initialized },
        { "vcenterClients"_L1, clients }, { "servers"_L1, servers }, { "jobs"_L1, jobs },
        // planning
        { "applications"_L1, recordsToJson(fleet.applications, "applicationID"_L1) },
        { "waves"_L1, recordsToJson(fleet.waves, "waveID"_L1) },
        { "connectors"_L1, recordsToJson(fleet.connectors, "connectorID"_L1) },
        { "configuration"_L1, ConfigurationState::toJson(fleet) } };
}

std::optional<Fleet> FleetState::fromJson(const QJsonObject &object, QString *error)
{
    QString fault;
    StateReader r(object, QString(), &fault);
    if (r.string("format"_L1) != formatName) {
        *error = u"not an mgn-emulator state file (\"format\" is not \"%1\")"_s.arg(formatName);
        return std::nullopt;
    }
    if (r.integer("version"_L1) != version) {
        *error = u"state file version %1 is not supported (this build reads version %2)"_s.arg(
            QString::number(r.integer("version"_L1)), QString::number(version));
        return std::nullopt;
    }
    Fleet fleet;
    fleet.accountId = r.string("accountId"_L1);
    fleet.region = r.string("region"_L1);
    fleet.seed = quint32(r.integer("seed"_L1));
    fleet.speed = object.value("speed"_L1).toDouble(1.0);
    fleet.simNow = r.integer("simNow"_L1);
    fleet.ids = EmulatorRandom(r.hex("ids"_L1));
    // Files written before the member existed hold initialized accounts.
    fleet.initialized = object.value("initialized"_L1).toBool(true);

    const QJsonArray clients = r.array("vcenterClients"_L1);
    for (qsizetype i = 0; i < clients.size() && fault.isEmpty(); ++i) {
        const QString path = u"vcenterClients["_s + QString::number(i) + u']';
        auto decoded = VcenterClientCodec::decode(clients.at(i).toObject());
        if (!clients.at(i).isObject() || !decoded.value)
            fault = decodeError(path, decoded.error);
        else
            fleet.vcenterClients.append(*decoded.value);
    }

    const QJsonArray servers = r.array("servers"_L1);
    fleet.servers.reserve(std::size_t(servers.size()));
    for (qsizetype i = 0; i < servers.size() && fault.isEmpty(); ++i) {
        const QString path = u"servers["_s + QString::number(i) + u']';
        StateReader item(servers.at(i).toObject(), path, &fault);
        auto decoded = SourceServerCodec::decode(item.object("server"_L1));
        if (!fault.isEmpty())
            break;
        if (!decoded.value || decoded.value->id().isEmpty()) {
            fault = decodeError(path + u".server"_s, decoded.error);
            break;
        }
        if (fleet.findServer(decoded.value->id()) >= 0) {
            fault = u"%1: source server %2 appears twice"_s.arg(path, decoded.value->id());
            break;
        }
        FleetServer entry { *decoded.value, simFromJson(item.object("sim"_L1), path + u".sim"_s, &fault) };
        if (fault.isEmpty())
            fleet.addServer(std::move(entry));
    }

    const QJsonArray jobs = r.array("jobs"_L1);
    for (qsizetype i = 0; i < jobs.size() && fault.isEmpty(); ++i) {
        const QString path = u"jobs["_s + QString::number(i) + u']';
        StateReader item(jobs.at(i).toObject(), path, &fault);
        auto decoded = JobCodec::decode(item.object("job"_L1));
        if (!fault.isEmpty())
            break;
        if (!decoded.value) {
            fault = decodeError(path + u".job"_s, decoded.error);
            break;
        }
        FleetJob job;
        job.job = *decoded.value;
        const QJsonArray log = item.array("log"_L1);
        for (qsizetype l = 0; l < log.size() && fault.isEmpty(); ++l) {
            auto logItem = JobLogCodec::decode(log.at(l).toObject());
            if (!logItem.value)
                fault = decodeError(path + u".log["_s + QString::number(l) + u']', logItem.error);
            else
                job.log.append(*logItem.value);
        }
        const int participants = job.job.participatingServers ? int(job.job.participatingServers->size()) : 0;
        job.sim = jobSimFromJson(item.object("sim"_L1), path + u".sim"_s, participants, &fault);
        if (fault.isEmpty())
            fleet.addJob(std::move(job));
    }

    // planning
    if (fault.isEmpty())
        fleet.applications = recordsFromJson(object, "applications"_L1, "applicationID"_L1, &fault);
    if (fault.isEmpty())
        fleet.waves = recordsFromJson(object, "waves"_L1, "waveID"_L1, &fault);
    if (fault.isEmpty())
        fleet.connectors = recordsFromJson(object, "connectors"_L1, "connectorID"_L1, &fault);
    // Files written before the configuration member existed get the account's defaults.
    if (fault.isEmpty() && !object.contains("configuration"_L1))
        ConfigurationDefaults::addAccountDefaults(fleet);
    else if (fault.isEmpty() && !object.value("configuration"_L1).isObject())
        fault = u"configuration: expected an object"_s;
    else if (fault.isEmpty())
        ConfigurationState::fromJson(object.value("configuration"_L1).toObject(), fleet, &fault);

    if (!fault.isEmpty()) {
        *error = fault;
        return std::nullopt;
    }
    return fleet;
}

bool FleetState::save(const Fleet &fleet, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(toJson(fleet)).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        *error = u"cannot write %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<Fleet> FleetState::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = u"%1 is not a valid state file: %2 at offset %3"_s.arg(path,
            parseError.error != QJsonParseError::NoError ? parseError.errorString() : u"not a JSON object"_s,
            QString::number(parseError.offset));
        return std::nullopt;
    }
    QString fault;
    auto fleet = fromJson(document.object(), &fault);
    if (!fleet) {
        *error = u"%1 is not a valid state file: %2"_s.arg(path, fault);
        return std::nullopt;
    }
    return fleet;
}

} // namespace mgn
