#include "emulator/service/WaveOperations.h"

#include "emulator/service/Fleet.h"
#include "emulator/service/PlanningStatus.h"
#include "emulator/service/PlanningSupport.h"
#include "emulator/service/ServiceErrors.h"

#include <QSet>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

using namespace PlanningSupport;

EmulatorResponse missing(const OperationCall &call)
{
    return notFound(u"Wave"_s, call.input.value("waveID"_L1).toString(), ServiceErrors::waveType);
}

EmulatorResponse conflict(const PlanningRecord &record, const QString &message)
{
    return ServiceErrors::conflict(message, { { record.id, QString(ServiceErrors::waveType), message } });
}

const PlanningRecord *named(const Fleet &fleet, const QString &name, const QString &exceptID = {})
{
    for (const PlanningRecord &record : fleet.waves) {
        if (record.id != exceptID && record.fields.value("name"_L1).toString() == name)
            return &record;
    }
    return nullptr;
}

EmulatorResponse nameTaken(const PlanningRecord &other)
{
    return conflict(other,
        u"A wave named '%1' already exists (%2)"_s.arg(other.fields.value("name"_L1).toString(), other.id));
}

EmulatorResponse setArchived(Fleet &fleet, const OperationCall &call, bool archived)
{
    const qsizetype index = find(fleet, fleet.waves, call, "waveID"_L1);
    if (index < 0)
        return missing(call);
    PlanningRecord &record = fleet.waves[std::size_t(index)];
    if (record.fields.value("isArchived"_L1).toBool() != archived) {
        record.fields.insert("isArchived"_L1, archived);
        record.fields.insert("lastModifiedDateTime"_L1, now(fleet));
    }
    return answer(call, PlanningStatus::wave(fleet, record));
}

// The applications the call names, by index; a response when one is unknown.
std::optional<QList<qsizetype>> applications(
    const Fleet &fleet, const OperationCall &call, EmulatorResponse *error)
{
    QList<qsizetype> indexes;
    for (const QString &id : strings(call.input, "applicationIDs"_L1)) {
        const qsizetype index = Fleet::find(fleet.applications, id);
        if (index < 0) {
            *error = notFound(u"Application"_s, id, ServiceErrors::applicationType);
            return std::nullopt;
        }
        if (!indexes.contains(index))
            indexes << index;
    }
    return indexes;
}

ServiceErrors::Conflict applicationConflict(const PlanningRecord &application, const QString &message)
{
    return { application.id, QString(ServiceErrors::applicationType), message };
}

} // namespace

EmulatorResponse WaveOperations::create(Fleet &fleet, const OperationCall &call)
{
    const QString name = call.input.value("name"_L1).toString();
    if (const PlanningRecord *other = named(fleet, name))
        return nameTaken(*other);
    PlanningRecord record = make(fleet, "wave-"_L1, "wave"_L1, call.input);
    record.fields = QJsonObject { { "name"_L1, name },
        { "description"_L1, call.input.value("description"_L1).toString() }, { "isArchived"_L1, false },
        { "creationDateTime"_L1, now(fleet) }, { "lastModifiedDateTime"_L1, now(fleet) } };
    fleet.waves.push_back(record);
    return answer(call, PlanningStatus::wave(fleet, record));
}

EmulatorResponse WaveOperations::update(Fleet &fleet, const OperationCall &call)
{
    const qsizetype index = find(fleet, fleet.waves, call, "waveID"_L1);
    if (index < 0)
        return missing(call);
    PlanningRecord &record = fleet.waves[std::size_t(index)];
    if (call.input.contains("name"_L1)) {
        if (const PlanningRecord *other = named(fleet, call.input.value("name"_L1).toString(), record.id))
            return nameTaken(*other);
    }
    for (const auto member : { "name"_L1, "description"_L1 }) {
        if (call.input.contains(member))
            record.fields.insert(member, call.input.value(member));
    }
    record.fields.insert("lastModifiedDateTime"_L1, now(fleet));
    return answer(call, PlanningStatus::wave(fleet, record));
}

EmulatorResponse WaveOperations::archive(Fleet &fleet, const OperationCall &call)
{
    return setArchived(fleet, call, true);
}

EmulatorResponse WaveOperations::unarchive(Fleet &fleet, const OperationCall &call)
{
    return setArchived(fleet, call, false);
}

EmulatorResponse WaveOperations::remove(Fleet &fleet, const OperationCall &call)
{
    const qsizetype index = find(fleet, fleet.waves, call, "waveID"_L1);
    if (index < 0)
        return missing(call);
    const PlanningRecord &record = fleet.waves[std::size_t(index)];
    const auto members = std::count_if(
        fleet.applications.cbegin(), fleet.applications.cend(), [&record](const PlanningRecord &app) {
            return app.fields.value("waveID"_L1).toString() == record.id;
        });
    if (members > 0)
        return conflict(record,
            u"Wave %1 has %2 application(s); disassociate them (DisassociateApplications) before deleting it"_s
                .arg(record.id, QString::number(members)));
    fleet.waves.erase(fleet.waves.begin() + index);
    return answer(call, {});
}

EmulatorResponse WaveOperations::list(Fleet &fleet, const OperationCall &call)
{
    const QJsonValue account = call.input.value("accountID"_L1);
    const QJsonObject filters = call.input.value("filters"_L1).toObject();
    const QStringList ids = strings(filters, "waveIDs"_L1);
    const QSet<QString> idSet(ids.cbegin(), ids.cend());
    QJsonArray items;
    if (!account.isString() || account.toString() == fleet.accountId) {
        for (const PlanningRecord &record : fleet.waves) {
            if (!idSet.isEmpty() && !idSet.contains(record.id))
                continue;
            if (filters.contains("isArchived"_L1)
                && record.fields.value("isArchived"_L1).toBool() != filters.value("isArchived"_L1).toBool())
                continue;
            items.append(PlanningStatus::wave(fleet, record));
        }
    }
    return page(call, items);
}

EmulatorResponse WaveOperations::associateApplications(Fleet &fleet, const OperationCall &call)
{
    const qsizetype index = find(fleet, fleet.waves, call, "waveID"_L1);
    if (index < 0)
        return missing(call);
    const PlanningRecord &record = fleet.waves[std::size_t(index)];
    if (record.fields.value("isArchived"_L1).toBool())
        return conflict(record,
            u"Wave %1 is archived; unarchive it (UnarchiveWave) before adding applications"_s.arg(record.id));
    EmulatorResponse error;
    const auto indexes = applications(fleet, call, &error);
    if (!indexes)
        return error;
    QList<ServiceErrors::Conflict> refused;
    for (const qsizetype i : *indexes) {
        const PlanningRecord &app = fleet.applications[std::size_t(i)];
        const QString current = app.fields.value("waveID"_L1).toString();
        if (!current.isEmpty() && current != record.id)
            refused << applicationConflict(app,
                u"Application %1 already belongs to wave %2; an application joins one wave at most"_s.arg(
                    app.id, current));
        else if (app.fields.value("isArchived"_L1).toBool())
            refused << applicationConflict(app, u"Application %1 is archived"_s.arg(app.id));
    }
    if (!refused.isEmpty())
        return ServiceErrors::conflict(refused.constFirst().message, refused);
    for (const qsizetype i : *indexes)
        fleet.applications[std::size_t(i)].fields.insert("waveID"_L1, record.id);
    return answer(call, {});
}

EmulatorResponse WaveOperations::disassociateApplications(Fleet &fleet, const OperationCall &call)
{
    const qsizetype index = find(fleet, fleet.waves, call, "waveID"_L1);
    if (index < 0)
        return missing(call);
    const PlanningRecord &record = fleet.waves[std::size_t(index)];
    EmulatorResponse error;
    const auto indexes = applications(fleet, call, &error);
    if (!indexes)
        return error;
    QList<ServiceErrors::Conflict> strangers;
    for (const qsizetype i : *indexes) {
        const PlanningRecord &app = fleet.applications[std::size_t(i)];
        if (app.fields.value("waveID"_L1).toString() != record.id)
            strangers << applicationConflict(
                app, u"Application %1 does not belong to wave %2"_s.arg(app.id, record.id));
    }
    if (!strangers.isEmpty())
        return ServiceErrors::conflict(strangers.constFirst().message, strangers);
    for (const qsizetype i : *indexes)
        fleet.applications[std::size_t(i)].fields.remove("waveID"_L1);
    return answer(call, {});
}

} // namespace mgn
