#include "emulator/service/MgnService.h"

#include "app/aws/Clock.h"
#include "emulator/service/ConfigurationDefaults.h"
#include "emulator/service/ConfigurationOperations.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/FleetGenerator.h"
#include "emulator/service/FleetSimulator.h"
#include "emulator/service/FleetState.h"
#include "emulator/service/JobOperations.h"
#include "emulator/service/ServiceErrors.h"
#include "emulator/service/SourceServerOperations.h"
#include "emulator/service/TagOperations.h"
#include "emulator/service/VcenterClientOperations.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

// The POST /<Operation> calls, by operation name.
enum class Operation : quint8 {
    DescribeSourceServers,
    ChangeServerLifeCycleState,
    UpdateSourceServerReplicationType,
    SourceServerAction,
    StartJob,
    DescribeJobs,
    DescribeJobLogItems,
    DeleteVcenterClient,
    InitializeService,
};

struct Route final {
    Operation operation;
    Action action = Action::MarkReadyForTest; // for SourceServerAction and StartJob
};

const QHash<QByteArray, Route> &postRoutes()
{
    static const QHash<QByteArray, Route> routes {
        { "/DescribeSourceServers", { Operation::DescribeSourceServers } },
        { "/ChangeServerLifeCycleState", { Operation::ChangeServerLifeCycleState } },
        { "/UpdateSourceServerReplicationType", { Operation::UpdateSourceServerReplicationType } },
        { "/FinalizeCutover", { Operation::SourceServerAction, Action::FinalizeCutover } },
        { "/DisconnectFromService", { Operation::SourceServerAction, Action::DisconnectFromService } },
        { "/MarkAsArchived", { Operation::SourceServerAction, Action::MarkAsArchived } },
        { "/RetryDataReplication", { Operation::SourceServerAction, Action::RetryDataReplication } },
        { "/StartReplication", { Operation::SourceServerAction, Action::StartReplication } },
        { "/StopReplication", { Operation::SourceServerAction, Action::StopReplication } },
        { "/PauseReplication", { Operation::SourceServerAction, Action::PauseReplication } },
        { "/ResumeReplication", { Operation::SourceServerAction, Action::ResumeReplication } },
        { "/DeleteSourceServer", { Operation::SourceServerAction, Action::DeleteSourceServer } },
        { "/StartTest", { Operation::StartJob, Action::StartTest } },
        { "/StartCutover", { Operation::StartJob, Action::StartCutover } },
        { "/TerminateTargetInstances", { Operation::StartJob, Action::TerminateTargetInstances } },
        { "/DescribeJobs", { Operation::DescribeJobs } },
        { "/DescribeJobLogItems", { Operation::DescribeJobLogItems } },
        { "/DeleteVcenterClient", { Operation::DeleteVcenterClient } },
        { "/InitializeService", { Operation::InitializeService } },
    };
    return routes;
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
    Fleet &fleet = d->fleet;
    if (request.path.startsWith("/tags/"))
        return TagOperations::handle(fleet, request);
    if (request.method == "GET" && request.path == "/DescribeVcenterClients") {
        if (!fleet.initialized)
            return ServiceErrors::uninitializedAccount();
        return VcenterClientOperations::describe(fleet, request);
    }
    if (const auto handler = ConfigurationOperations::find(request.path); handler && request.method == "POST")
        return fleet.initialized ? handler(fleet, request) : ServiceErrors::uninitializedAccount();
    const auto route = postRoutes().constFind(request.path);
    if (request.method != "POST" || route == postRoutes().constEnd())
        return ServiceErrors::unknownOperation(request.method, request.path);
    // The API model declares the error on every operation but InitializeService and tagging.
    if (!fleet.initialized && route->operation != Operation::InitializeService)
        return ServiceErrors::uninitializedAccount();

    switch (route->operation) {
    case Operation::DescribeSourceServers:
        return SourceServerOperations::describe(fleet, request);
    case Operation::ChangeServerLifeCycleState:
        return SourceServerOperations::changeLifeCycleState(fleet, request);
    case Operation::UpdateSourceServerReplicationType:
        return SourceServerOperations::updateReplicationType(fleet, request);
    case Operation::SourceServerAction: {
        EmulatorResponse response = SourceServerOperations::act(fleet, request, route->action);
        // A server that starts replication takes its settings from the templates.
        if (route->action == Action::StartReplication && response.status == 200) {
            const QString id
                = QJsonDocument::fromJson(response.body).object().value("sourceServerID"_L1).toString();
            if (const qsizetype index = fleet.findServer(id); index >= 0)
                ConfigurationDefaults::applyTemplates(fleet, index);
        }
        return response;
    }
    case Operation::StartJob:
        return JobOperations::start(fleet, request, route->action);
    case Operation::DescribeJobs:
        return JobOperations::describeJobs(fleet, request);
    case Operation::DescribeJobLogItems:
        return JobOperations::describeJobLogItems(fleet, request);
    case Operation::DeleteVcenterClient:
        return VcenterClientOperations::remove(fleet, request);
    case Operation::InitializeService:
        // A second call succeeds too, as it does on AWS.
        fleet.initialized = true;
        return EmulatorResponse::empty(204);
    }
    return ServiceErrors::unknownOperation(request.method, request.path);
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
