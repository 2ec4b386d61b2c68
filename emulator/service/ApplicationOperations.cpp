#include "emulator/service/ApplicationOperations.h"

#include "emulator/service/Fleet.h"
#include "emulator/service/OperationSupport.h"
#include "emulator/service/PlanningStatus.h"
#include "emulator/service/PlanningSupport.h"
#include "emulator/service/ServiceErrors.h"

#include <QSet>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

using namespace PlanningSupport;

const QString application = u"Application"_s;

EmulatorResponse missing(const OperationCall &call)
{
    return notFound(
        application, call.input.value("applicationID"_L1).toString(), ServiceErrors::applicationType);
}

EmulatorResponse conflict(const PlanningRecord &record, const QString &message)
{
    return ServiceErrors::conflict(
        message, { { record.id, QString(ServiceErrors::applicationType), message } });
}

// Another application with that name, or nullptr.
const PlanningRecord *named(const Fleet &fleet, const QString &name, const QString &exceptID = {})
{
    for (const PlanningRecord &record : fleet.applications) {
        if (record.id != exceptID && record.fields.value("name"_L1).toString() == name)
            return &record;
    }
    return nullptr;
}

EmulatorResponse nameTaken(const PlanningRecord &other)
{
    return conflict(other,
        u"An application named '%1' already exists (%2)"_s.arg(
            other.fields.value("name"_L1).toString(), other.id));
}

EmulatorResponse setArchived(Fleet &fleet, const OperationCall &call, bool archived)
{
    const qsizetype index = find(fleet, fleet.applications, call, "applicationID"_L1);
    if (index < 0)
        return missing(call);
    PlanningRecord &record = fleet.applications[std::size_t(index)];
    if (record.fields.value("isArchived"_L1).toBool() != archived) {
        record.fields.insert("isArchived"_L1, archived);
        record.fields.insert("lastModifiedDateTime"_L1, now(fleet));
    }
    return answer(call, PlanningStatus::application(fleet, record));
}

// The servers the call names, by index; a response when one is unknown.
std::optional<QList<qsizetype>> servers(
    const Fleet &fleet, const OperationCall &call, EmulatorResponse *error)
{
    const std::optional<QString> account = call.input.contains("accountID"_L1)
        ? std::optional<QString>(call.input.value("accountID"_L1).toString())
        : std::nullopt;
    QList<qsizetype> indexes;
    for (const QString &id : strings(call.input, "sourceServerIDs"_L1)) {
        const qsizetype index = OperationSupport::findServer(fleet, id, account);
        if (index < 0) {
            *error = OperationSupport::serverNotFound(id);
            return std::nullopt;
        }
        if (!indexes.contains(index))
            indexes << index;
    }
    return indexes;
}

} // namespace

EmulatorResponse ApplicationOperations::create(Fleet &fleet, const OperationCall &call)
{
    const QString name = call.input.value("name"_L1).toString();
    if (const PlanningRecord *other = named(fleet, name))
        return nameTaken(*other);
    PlanningRecord record = make(fleet, "app-"_L1, "application"_L1, call.input);
    record.fields = QJsonObject { { "name"_L1, name },
        { "description"_L1, call.input.value("description"_L1).toString() }, { "isArchived"_L1, false },
        { "creationDateTime"_L1, now(fleet) }, { "lastModifiedDateTime"_L1, now(fleet) } };
    fleet.applications.push_back(record);
    return answer(call, PlanningStatus::application(fleet, record));
}

EmulatorResponse ApplicationOperations::update(Fleet &fleet, const OperationCall &call)
{
    const qsizetype index = find(fleet, fleet.applications, call, "applicationID"_L1);
    if (index < 0)
        return missing(call);
    PlanningRecord &record = fleet.applications[std::size_t(index)];
    if (call.input.contains("name"_L1)) {
        if (const PlanningRecord *other = named(fleet, call.input.value("name"_L1).toString(), record.id))
            return nameTaken(*other);
    }
    for (const auto member : { "name"_L1, "description"_L1 }) {
        if (call.input.contains(member))
            record.fields.insert(member, call.input.value(member));
    }
    record.fields.insert("lastModifiedDateTime"_L1, now(fleet));
    return answer(call, PlanningStatus::application(fleet, record));
}

EmulatorResponse ApplicationOperations::archive(Fleet &fleet, const OperationCall &call)
{
    return setArchived(fleet, call, true);
}

EmulatorResponse ApplicationOperations::unarchive(Fleet &fleet, const OperationCall &call)
{
    return setArchived(fleet, call, false);
}

EmulatorResponse ApplicationOperations::remove(Fleet &fleet, const OperationCall &call)
{
    const qsizetype index = find(fleet, fleet.applications, call, "applicationID"_L1);
    if (index < 0)
        return missing(call);
    const PlanningRecord &record = fleet.applications[std::size_t(index)];
    const auto members = std::count_if(fleet.servers.cbegin(), fleet.servers.cend(),
        [&record](const FleetServer &entry) { return entry.server.applicationID == record.id; });
    if (members > 0)
        return conflict(record,
            u"Application %1 has %2 source server(s); disassociate them (DisassociateSourceServers) before "
            u"deleting it"_s.arg(record.id, QString::number(members)));
    fleet.applications.erase(fleet.applications.begin() + index);
    return answer(call, {});
}

EmulatorResponse ApplicationOperations::list(Fleet &fleet, const OperationCall &call)
{
    const QJsonValue account = call.input.value("accountID"_L1);
    const QJsonObject filters = call.input.value("filters"_L1).toObject();
    const QStringList ids = strings(filters, "applicationIDs"_L1);
    const QStringList waves = strings(filters, "waveIDs"_L1);
    const QSet<QString> idSet(ids.cbegin(), ids.cend());
    const QSet<QString> waveSet(waves.cbegin(), waves.cend());
    QJsonArray items;
    if (!account.isString() || account.toString() == fleet.accountId) {
        for (const PlanningRecord &record : fleet.applications) {
            if (!idSet.isEmpty() && !idSet.contains(record.id))
                continue;
            if (filters.contains("isArchived"_L1)
                && record.fields.value("isArchived"_L1).toBool() != filters.value("isArchived"_L1).toBool())
                continue;
            if (!waveSet.isEmpty() && !waveSet.contains(record.fields.value("waveID"_L1).toString()))
                continue;
            items.append(PlanningStatus::application(fleet, record));
        }
    }
    return page(call, items);
}

EmulatorResponse ApplicationOperations::associateSourceServers(Fleet &fleet, const OperationCall &call)
{
    const qsizetype index = find(fleet, fleet.applications, call, "applicationID"_L1);
    if (index < 0)
        return missing(call);
    const PlanningRecord &record = fleet.applications[std::size_t(index)];
    if (record.fields.value("isArchived"_L1).toBool())
        return conflict(record,
            u"Application %1 is archived; unarchive it (UnarchiveApplication) before adding source servers"_s
                .arg(record.id));
    EmulatorResponse error;
    const auto indexes = servers(fleet, call, &error);
    if (!indexes)
        return error;
    QList<ServiceErrors::Conflict> taken;
    qsizetype added = 0;
    for (const qsizetype i : *indexes) {
        const SourceServer &server = fleet.servers[std::size_t(i)].server;
        const QString current = server.applicationID.value_or(QString());
        if (current.isEmpty())
            ++added;
        else if (current != record.id)
            taken.append({ server.id(), QString(ServiceErrors::sourceServerType),
                u"Source server %1 already belongs to application %2"_s.arg(server.id(), current) });
    }
    if (!taken.isEmpty())
        return ServiceErrors::conflict(
            u"A source server belongs to one application at most: %1"_s.arg(taken.constFirst().message),
            taken);
    const auto members = std::count_if(fleet.servers.cbegin(), fleet.servers.cend(),
        [&record](const FleetServer &entry) { return entry.server.applicationID == record.id; });
    if (members + added > maxSourceServers)
        return ServiceErrors::quotaExceeded(
            u"Application %1 would hold %2 source servers; an application holds at most %3"_s.arg(
                record.id, QString::number(members + added), QString::number(maxSourceServers)),
            record.id, ServiceErrors::applicationType, maxSourceServers);
    for (const qsizetype i : *indexes)
        fleet.servers[std::size_t(i)].server.applicationID = record.id;
    return answer(call, {});
}

EmulatorResponse ApplicationOperations::disassociateSourceServers(Fleet &fleet, const OperationCall &call)
{
    const qsizetype index = find(fleet, fleet.applications, call, "applicationID"_L1);
    if (index < 0)
        return missing(call);
    const PlanningRecord &record = fleet.applications[std::size_t(index)];
    EmulatorResponse error;
    const auto indexes = servers(fleet, call, &error);
    if (!indexes)
        return error;
    QList<ServiceErrors::Conflict> strangers;
    for (const qsizetype i : *indexes) {
        const SourceServer &server = fleet.servers[std::size_t(i)].server;
        if (server.applicationID != record.id)
            strangers.append({ server.id(), QString(ServiceErrors::sourceServerType),
                u"Source server %1 does not belong to application %2"_s.arg(server.id(), record.id) });
    }
    if (!strangers.isEmpty())
        return ServiceErrors::conflict(strangers.constFirst().message, strangers);
    for (const qsizetype i : *indexes)
        fleet.servers[std::size_t(i)].server.applicationID.reset();
    return answer(call, {});
}

} // namespace mgn
