#include "emulator/service/SourceServerOperations.h"

#include "emulator/service/ApiShapes.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/FleetActions.h"
#include "emulator/service/FleetSimulator.h"
#include "emulator/service/OperationSupport.h"
#include "emulator/service/PageToken.h"
#include "emulator/service/RequestReader.h"
#include "emulator/service/ServiceErrors.h"
#include "models/codec/SourceServerCodec.h"
#include "models/json/JsonTextWriter.h"
#include "models/rules/ActionRules.h"

#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <vector>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

EmulatorResponse serverResponse(Fleet &fleet, qsizetype index)
{
    FleetSimulator::refresh(fleet, index);
    QByteArray body;
    JsonTextWriter writer(body);
    SourceServerCodec::write(writer, fleet.servers[std::size_t(index)].server);
    return EmulatorResponse::json(200, std::move(body));
}

struct Target final {
    QString sourceServerID;
    std::optional<QString> accountID;
};

// {sourceServerID, accountID}: the member every single-server call has.
std::optional<Target> readTarget(RequestReader &reader)
{
    Target target;
    const auto id = reader.string("sourceServerID"_L1, ApiShapes::sourceServerID(), true);
    target.accountID = reader.string("accountID"_L1, ApiShapes::accountID());
    if (!id)
        return std::nullopt;
    target.sourceServerID = *id;
    return target;
}

} // namespace

EmulatorResponse SourceServerOperations::describe(Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    auto reader = RequestReader::fromBody(request.body, &error);
    if (!reader)
        return error;
    std::optional<QStringList> ids;
    std::optional<bool> archived;
    std::optional<QList<ReplicationType>> types;
    std::optional<QList<LifeCycleState>> states;
    std::optional<QStringList> applications;
    if (auto filters = reader->object("filters"_L1)) {
        ids = filters->stringList("sourceServerIDs"_L1, 0, 200, ApiShapes::sourceServerID());
        archived = filters->boolean("isArchived"_L1);
        types = filters->enumList<ReplicationType>("replicationTypes"_L1, 2);
        states = filters->enumList<LifeCycleState>("lifeCycleStates"_L1, 10);
        applications = filters->stringList("applicationIDs"_L1, 0, 200, ApiShapes::applicationID());
    }
    const auto account = reader->string("accountID"_L1, ApiShapes::accountID());
    std::optional<qint64> maxResults;
    std::optional<QString> nextToken;
    if (!OperationSupport::readPaging(*reader, &maxResults, &nextToken) || !reader->ok())
        return reader->error();

    // An empty list filters nothing, as an absent one.
    const QSet<QString> idSet = ids ? QSet<QString>(ids->begin(), ids->end()) : QSet<QString>();
    const QSet<QString> applicationSet
        = applications ? QSet<QString>(applications->begin(), applications->end()) : QSet<QString>();
    const bool foreignAccount = account && *account != fleet.accountId;
    std::vector<qsizetype> matches;
    if (!foreignAccount) {
        matches.reserve(fleet.servers.size());
        for (qsizetype i = 0; i < qsizetype(fleet.servers.size()); ++i) {
            const SourceServer &server = fleet.servers[std::size_t(i)].server;
            if (!idSet.isEmpty() && !idSet.contains(server.id()))
                continue;
            if (archived && server.archived() != *archived)
                continue;
            if (types && !types->isEmpty()
                && !(server.replicationType && types->contains(server.replicationType->value())))
                continue;
            if (states && !states->isEmpty()
                && !(server.lifeCycleState() && states->contains(*server.lifeCycleState())))
                continue;
            if (!applicationSet.isEmpty()
                && !applicationSet.contains(server.applicationID.value_or(QString())))
                continue;
            matches.push_back(i);
        }
    }

    const QJsonObject filters = QJsonDocument::fromJson(request.body).object().value("filters"_L1).toObject();
    const QByteArray fingerprint = PageToken::fingerprint(
        QJsonDocument(filters).toJson(QJsonDocument::Compact) + '|' + account.value_or(QString()).toUtf8());
    const auto page = OperationSupport::page(
        "DescribeSourceServers"_L1, fingerprint, maxResults, nextToken, qsizetype(matches.size()), &error);
    if (!page)
        return error;
    // Written as text straight from the servers (OperationSupport::envelope's
    // document, byte for byte): a page of 1000 through QJsonObjects took
    // most of the time of a listing.
    QByteArray body;
    body.reserve(page->size * 4096);
    JsonTextWriter writer(body);
    writer.beginObject();
    writer.key("items"_L1);
    writer.beginArray();
    for (qsizetype i = page->offset; i < page->offset + page->size; ++i) {
        const qsizetype index = matches[std::size_t(i)];
        FleetSimulator::refresh(fleet, index);
        SourceServerCodec::write(writer, fleet.servers[std::size_t(index)].server);
    }
    writer.endArray();
    if (page->nextToken) {
        writer.key("nextToken"_L1);
        writer.value(QStringView(*page->nextToken));
    }
    writer.endObject();
    return EmulatorResponse::json(200, std::move(body));
}

EmulatorResponse SourceServerOperations::changeLifeCycleState(Fleet &fleet, const EmulatorRequest &request)
{
    using LifeCycleTarget = ChangeServerLifeCycleStateSourceServerLifecycleState;
    EmulatorResponse error;
    auto reader = RequestReader::fromBody(request.body, &error);
    if (!reader)
        return error;
    const auto target = readTarget(*reader);
    std::optional<LifeCycleTarget> state;
    if (auto lifeCycle = reader->object("lifeCycle"_L1, true))
        state = lifeCycle->enumeration<LifeCycleTarget>("state"_L1, true);
    // The documentation names two targets; CUTOVER is in the enum but is
    // reached by FinalizeCutover only.
    if (state && !ActionRules::actionForLifeCycleTarget(*state))
        reader->fail(u"lifeCycle.state"_s, u"Member must be READY_FOR_TEST or READY_FOR_CUTOVER"_s,
            QString(u'\'' + EnumValue<LifeCycleTarget>::wireName(*state) + u'\''));
    if (!reader->ok() || !target || !state)
        return reader->error();
    const Action action = ActionRules::actionForLifeCycleTarget(*state).value_or(Action::MarkReadyForTest);

    const qsizetype index = OperationSupport::findServer(fleet, target->sourceServerID, target->accountID);
    if (index < 0)
        return OperationSupport::serverNotFound(target->sourceServerID);
    FleetSimulator::refresh(fleet, index);
    const SourceServer &server = fleet.servers[std::size_t(index)].server;
    const auto verdict = ActionRules::evaluate(action, server);
    if (!verdict.allowed)
        return OperationSupport::refuse(action, { { &server, verdict } }, 1);
    FleetActions::changeLifeCycle(fleet, index, *state, fleet.simNow);
    return serverResponse(fleet, index);
}

EmulatorResponse SourceServerOperations::updateReplicationType(Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    auto reader = RequestReader::fromBody(request.body, &error);
    if (!reader)
        return error;
    const auto target = readTarget(*reader);
    const auto type = reader->enumeration<ReplicationType>("replicationType"_L1, true);
    if (!reader->ok() || !target || !type)
        return reader->error();

    const qsizetype index = OperationSupport::findServer(fleet, target->sourceServerID, target->accountID);
    if (index < 0)
        return OperationSupport::serverNotFound(target->sourceServerID);
    FleetSimulator::refresh(fleet, index);
    const SourceServer &server = fleet.servers[std::size_t(index)].server;
    const auto verdict = ActionRules::evaluateReplicationTypeChange(server, *type);
    if (!verdict.allowed)
        return OperationSupport::refuse(Action::ChangeReplicationType, { { &server, verdict } }, 1);
    FleetActions::changeReplicationType(fleet, index, *type);
    return serverResponse(fleet, index);
}

EmulatorResponse SourceServerOperations::update(Fleet &fleet, const OperationCall &call)
{
    const QString id = call.input.value("sourceServerID"_L1).toString();
    const QJsonValue account = call.input.value("accountID"_L1);
    const qsizetype index = OperationSupport::findServer(
        fleet, id, account.isString() ? std::optional<QString>(account.toString()) : std::nullopt);
    if (index < 0)
        return OperationSupport::serverNotFound(id);
    if (call.input.contains("connectorAction"_L1)) {
        const QJsonObject action = call.input.value("connectorAction"_L1).toObject();
        const QString connectorArn = action.value("connectorArn"_L1).toString();
        const bool known = std::any_of(fleet.connectors.cbegin(), fleet.connectors.cend(),
            [&connectorArn](const PlanningRecord &connector) { return connector.arn == connectorArn; });
        if (!connectorArn.isEmpty() && !known)
            return ServiceErrors::notFound(
                u"Connector %1 not found"_s.arg(connectorArn), connectorArn, ServiceErrors::connectorType);
        SourceServer &server = fleet.servers[std::size_t(index)].server;
        if (action.isEmpty()) {
            server.connectorAction.reset();
        } else {
            SourceServerConnectorAction updated;
            if (action.contains("connectorArn"_L1))
                updated.connectorArn = connectorArn;
            if (action.contains("credentialsSecretArn"_L1))
                updated.credentialsSecretArn = action.value("credentialsSecretArn"_L1).toString();
            server.connectorAction = updated;
        }
    }
    return serverResponse(fleet, index);
}

EmulatorResponse SourceServerOperations::act(Fleet &fleet, const EmulatorRequest &request, Action action)
{
    EmulatorResponse error;
    auto reader = RequestReader::fromBody(request.body, &error);
    if (!reader)
        return error;
    const auto target = readTarget(*reader);
    if (!reader->ok() || !target)
        return reader->error();

    const qsizetype index = OperationSupport::findServer(fleet, target->sourceServerID, target->accountID);
    if (index < 0)
        return OperationSupport::serverNotFound(target->sourceServerID);
    FleetSimulator::refresh(fleet, index);
    const SourceServer &server = fleet.servers[std::size_t(index)].server;
    const auto verdict = ActionRules::evaluate(action, server);
    if (!verdict.allowed)
        return OperationSupport::refuse(action, { { &server, verdict } }, 1);

    const qint64 now = fleet.simNow;
    switch (action) {
    case Action::FinalizeCutover:
        FleetActions::finalizeCutover(fleet, index, now);
        break;
    case Action::DisconnectFromService:
        FleetActions::disconnect(fleet, index);
        break;
    case Action::MarkAsArchived:
        FleetActions::markAsArchived(fleet, index);
        break;
    case Action::RetryDataReplication:
        FleetActions::retryReplication(fleet, index, now);
        break;
    case Action::StartReplication:
        FleetActions::startReplication(fleet, index, now);
        break;
    case Action::StopReplication:
        FleetActions::stopReplication(fleet, index);
        break;
    case Action::PauseReplication:
        FleetActions::pauseReplication(fleet, index, now);
        break;
    case Action::ResumeReplication:
        FleetActions::resumeReplication(fleet, index, now);
        break;
    case Action::DeleteSourceServer:
        FleetActions::deleteServer(fleet, index);
        return EmulatorResponse::empty(204);
    case Action::MarkReadyForTest:
    case Action::MarkReadyForCutover:
    case Action::StartTest:
    case Action::StartCutover:
    case Action::TerminateTargetInstances:
    case Action::ChangeReplicationType:
    case Action::DeleteVcenterClient:
        return ServiceErrors::unknownOperation(request.method, request.path);
    }
    return serverResponse(fleet, index);
}

} // namespace mgn
