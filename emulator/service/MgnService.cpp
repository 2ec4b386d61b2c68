#include "emulator/service/MgnService.h"

#include "app/aws/Clock.h"
#include "emulator/service/AccountOperations.h"
#include "emulator/service/ApplicationOperations.h"
#include "emulator/service/ConfigurationDefaults.h"
#include "emulator/service/ConfigurationOperations.h"
#include "emulator/service/ConnectorOperations.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/FleetGenerator.h"
#include "emulator/service/FleetSimulator.h"
#include "emulator/service/FleetState.h"
#include "emulator/service/JobOperations.h"
#include "emulator/service/OperationCall.h"
#include "emulator/service/OperationRouter.h"
#include "emulator/service/RequestValidation.h"
#include "emulator/service/ServiceErrors.h"
#include "emulator/service/SourceServerOperations.h"
#include "emulator/service/TagOperations.h"
#include "emulator/service/VcenterClientOperations.h"
#include "emulator/service/WaveOperations.h"
#include "models/api/ApiModel.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

// The handlers written before the model-driven dispatch read the request
// themselves.
template<EmulatorResponse (*handler)(Fleet &, const EmulatorRequest &)>
EmulatorResponse onRequest(Fleet &fleet, const OperationCall &call)
{
    return handler(fleet, call.request);
}

template<Action action> EmulatorResponse serverAction(Fleet &fleet, const OperationCall &call)
{
    EmulatorResponse response = SourceServerOperations::act(fleet, call.request, action);
    // A server that starts replication takes its settings from the templates.
    if (action == Action::StartReplication && response.status == 200) {
        const QString id
            = QJsonDocument::fromJson(response.body).object().value("sourceServerID"_L1).toString();
        if (const qsizetype index = fleet.findServer(id); index >= 0)
            ConfigurationDefaults::applyTemplates(fleet, index);
    }
    return response;
}

template<Action action> EmulatorResponse startJob(Fleet &fleet, const OperationCall &call)
{
    return JobOperations::start(fleet, call.request, action);
}

// Every operation this emulator plays, by the model's name; one line each.
// A modelled operation missing here answers NotEmulatedException.
const QHash<QString, OperationHandler> &handlers()
{
    static const QHash<QString, OperationHandler> table {
        // Source servers
        { u"DescribeSourceServers"_s, &onRequest<&SourceServerOperations::describe> },
        { u"ChangeServerLifeCycleState"_s, &onRequest<&SourceServerOperations::changeLifeCycleState> },
        { u"UpdateSourceServerReplicationType"_s,
            &onRequest<&SourceServerOperations::updateReplicationType> },
        { u"UpdateSourceServer"_s, &SourceServerOperations::update },
        { u"FinalizeCutover"_s, &serverAction<Action::FinalizeCutover> },
        { u"DisconnectFromService"_s, &serverAction<Action::DisconnectFromService> },
        { u"MarkAsArchived"_s, &serverAction<Action::MarkAsArchived> },
        { u"RetryDataReplication"_s, &serverAction<Action::RetryDataReplication> },
        { u"StartReplication"_s, &serverAction<Action::StartReplication> },
        { u"StopReplication"_s, &serverAction<Action::StopReplication> },
        { u"PauseReplication"_s, &serverAction<Action::PauseReplication> },
        { u"ResumeReplication"_s, &serverAction<Action::ResumeReplication> },
        { u"DeleteSourceServer"_s, &serverAction<Action::DeleteSourceServer> },
        // Jobs
        { u"StartTest"_s, &startJob<Action::StartTest> },
        { u"StartCutover"_s, &startJob<Action::StartCutover> },
        { u"TerminateTargetInstances"_s, &startJob<Action::TerminateTargetInstances> },
        { u"DescribeJobs"_s, &onRequest<&JobOperations::describeJobs> },
        { u"DescribeJobLogItems"_s, &onRequest<&JobOperations::describeJobLogItems> },
        { u"DeleteJob"_s, &JobOperations::remove },
        // vCenter clients, tags, the account
        { u"DescribeVcenterClients"_s, &onRequest<&VcenterClientOperations::describe> },
        { u"DeleteVcenterClient"_s, &onRequest<&VcenterClientOperations::remove> },
        { u"ListTagsForResource"_s, &onRequest<&TagOperations::handle> },
        { u"TagResource"_s, &onRequest<&TagOperations::handle> },
        { u"UntagResource"_s, &onRequest<&TagOperations::handle> },
        { u"InitializeService"_s, &AccountOperations::initializeService },
        { u"ListManagedAccounts"_s, &AccountOperations::listManagedAccounts },
        // Planning: applications
        { u"CreateApplication"_s, &ApplicationOperations::create },
        { u"UpdateApplication"_s, &ApplicationOperations::update },
        { u"ArchiveApplication"_s, &ApplicationOperations::archive },
        { u"UnarchiveApplication"_s, &ApplicationOperations::unarchive },
        { u"DeleteApplication"_s, &ApplicationOperations::remove },
        { u"ListApplications"_s, &ApplicationOperations::list },
        { u"AssociateSourceServers"_s, &ApplicationOperations::associateSourceServers },
        { u"DisassociateSourceServers"_s, &ApplicationOperations::disassociateSourceServers },
        // Planning: waves
        { u"CreateWave"_s, &WaveOperations::create },
        { u"UpdateWave"_s, &WaveOperations::update },
        { u"ArchiveWave"_s, &WaveOperations::archive },
        { u"UnarchiveWave"_s, &WaveOperations::unarchive },
        { u"DeleteWave"_s, &WaveOperations::remove },
        { u"ListWaves"_s, &WaveOperations::list },
        { u"AssociateApplications"_s, &WaveOperations::associateApplications },
        { u"DisassociateApplications"_s, &WaveOperations::disassociateApplications },
        // Connectors
        { u"CreateConnector"_s, &ConnectorOperations::create },
        { u"UpdateConnector"_s, &ConnectorOperations::update },
        { u"DeleteConnector"_s, &ConnectorOperations::remove },
        { u"ListConnectors"_s, &ConnectorOperations::list },
    };
    return table;
}

bool declares(const api::Operation &operation, QStringView error)
{
    return std::any_of(operation.errors.cbegin(), operation.errors.cend(),
        [error](const api::Shape *shape) { return shape->name == error; });
}

} // namespace

class MgnService::Private final
{
public:
    std::shared_ptr<const Clock> clock;
    Fleet fleet;

    qint64 wallNow() const { return clock->currentDateTimeUtc().toMSecsSinceEpoch(); }
    void advance() { FleetSimulator::advanceTo(fleet, fleet.simAt(wallNow())); }
};

MgnService::MgnService(const Options &options, std::shared_ptr<const Clock> clock, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , d(std::make_unique<Private>())
{
    d->clock = clock ? std::move(clock) : Clock::instance();
    d->fleet = FleetGenerator::generate(
        { options.servers, options.seed, options.speed, options.accountId, options.region }, d->wallNow());
    d->fleet.initialized = options.initialized;
}

MgnService::~MgnService() = default;

EmulatorResponse MgnService::handle(const EmulatorRequest &request)
{
    d->advance();
    const auto route = OperationRouter::match(api::ApiModel::mgn(), request.method, request.path);
    if (!route.operation)
        return ServiceErrors::unknownOperation(request.method, request.path);
    const api::Operation &operation = *route.operation;
    if (operation.requestUri.startsWith(u"/network-migration/"_s))
        return ServiceErrors::notEmulated(
            operation.name, u"the network-migration operations are out of its scope"_s);
    const OperationHandler handler = handlers().value(operation.name);
    // The configuration operations read their requests themselves.
    const ConfigurationOperations::Handler configuration
        = handler ? nullptr : ConfigurationOperations::find(request.path);
    if (!handler && !configuration)
        return ServiceErrors::notEmulated(operation.name, u"it is not implemented yet"_s);
    if (!d->fleet.initialized && declares(operation, u"UninitializedAccountException"))
        return ServiceErrors::uninitializedAccount();
    EmulatorResponse error;
    auto input = RequestValidation::input(operation, request, route.labels, &error);
    if (!input)
        return error;
    if (configuration)
        return configuration(d->fleet, request);
    return handler(d->fleet, { operation, request, std::move(*input) });
}

bool MgnService::save(const QString &path, QString *error) const
{
    // The file holds the fleet as of now.
    d->advance();
    FleetSimulator::refreshAll(d->fleet);
    QString fault;
    const bool saved = FleetState::save(d->fleet, path, &fault);
    if (!saved && error)
        *error = fault;
    return saved;
}

bool MgnService::load(const QString &path, QString *error)
{
    QString fault;
    auto loaded = FleetState::load(path, &fault);
    if (!loaded) {
        if (error)
            *error = fault;
        return false;
    }
    // The speed is this run's; the fleet resumes where it was saved.
    loaded->speed = m_options.speed;
    loaded->anchorAt(d->wallNow());
    loaded->s3Root = d->fleet.s3Root; // an option of this run, not state
    d->fleet = std::move(*loaded);
    m_options.accountId = d->fleet.accountId;
    m_options.region = d->fleet.region;
    m_options.seed = d->fleet.seed;
    return true;
}

Fleet &MgnService::fleet()
{
    return d->fleet;
}

const Fleet &MgnService::fleet() const
{
    return d->fleet;
}

void MgnService::advance()
{
    d->advance();
}

} // namespace mgn
