#include "emulator/service/ConnectorOperations.h"

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
    return notFound(
        u"Connector"_s, call.input.value("connectorID"_L1).toString(), ServiceErrors::connectorType);
}

} // namespace

EmulatorResponse ConnectorOperations::create(Fleet &fleet, const OperationCall &call)
{
    PlanningRecord record = make(fleet, "connector-"_L1, "connector"_L1, call.input);
    for (const auto member : { "name"_L1, "ssmInstanceID"_L1, "ssmCommandConfig"_L1 }) {
        if (call.input.contains(member))
            record.fields.insert(member, call.input.value(member));
    }
    fleet.connectors.push_back(record);
    return answer(call, PlanningStatus::connector(record));
}

EmulatorResponse ConnectorOperations::update(Fleet &fleet, const OperationCall &call)
{
    const qsizetype index = Fleet::find(fleet.connectors, call.input.value("connectorID"_L1).toString());
    if (index < 0)
        return missing(call);
    PlanningRecord &record = fleet.connectors[std::size_t(index)];
    for (const auto member : { "name"_L1, "ssmCommandConfig"_L1 }) {
        if (call.input.contains(member))
            record.fields.insert(member, call.input.value(member));
    }
    return answer(call, PlanningStatus::connector(record));
}

EmulatorResponse ConnectorOperations::remove(Fleet &fleet, const OperationCall &call)
{
    const qsizetype index = Fleet::find(fleet.connectors, call.input.value("connectorID"_L1).toString());
    if (index < 0)
        return missing(call);
    const PlanningRecord &record = fleet.connectors[std::size_t(index)];
    for (const FleetServer &entry : fleet.servers) {
        const auto &action = entry.server.connectorAction;
        if (action && action->connectorArn == record.arn)
            return ServiceErrors::validationMessage(
                u"Connector %1 is used by source server %2; update the server (UpdateSourceServer) first"_s
                    .arg(record.id, entry.server.id()),
                ValidationExceptionReason::Other,
                { { u"connectorID"_s, u"Connector is in use"_s, u'\'' + record.id + u'\'' } });
    }
    fleet.connectors.erase(fleet.connectors.begin() + index);
    return answer(call, {});
}

EmulatorResponse ConnectorOperations::list(Fleet &fleet, const OperationCall &call)
{
    const QStringList ids = strings(call.input.value("filters"_L1).toObject(), "connectorIDs"_L1);
    const QSet<QString> idSet(ids.cbegin(), ids.cend());
    QJsonArray items;
    for (const PlanningRecord &record : fleet.connectors) {
        if (idSet.isEmpty() || idSet.contains(record.id))
            items.append(PlanningStatus::connector(record));
    }
    return page(call, items);
}

} // namespace mgn
