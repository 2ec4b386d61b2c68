#include "models/rules/ActionRules.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <utility>

namespace mgn {

namespace {

using Verdict = ActionRules::Verdict;
using Rule = ActionRules::Rule;
using LC = LifeCycleState;
using RS = DataReplicationState;
using LifeCycleTarget = ChangeServerLifeCycleStateSourceServerLifecycleState;

constexpr char trContext[] = "mgn::ActionRules";

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate(trContext, text, nullptr, n);
}

// Refusal reasons, lower case: they are shown after a server's name.
constexpr const char *lagUnknown
    = QT_TRANSLATE_NOOP("mgn::ActionRules", "lag is unknown: replication has not reached a launchable state");
constexpr const char *testInProgress
    = QT_TRANSLATE_NOOP("mgn::ActionRules", "test instances are already being launched (Test in progress)");
constexpr const char *cutoverInProgress = QT_TRANSLATE_NOOP(
    "mgn::ActionRules", "a cutover instance is already being launched (Cutover in progress)");
constexpr const char *alreadyCutOver
    = QT_TRANSLATE_NOOP("mgn::ActionRules", "the server is already cut over (Cutover complete)");
constexpr const char *serverDisconnected
    = QT_TRANSLATE_NOOP("mgn::ActionRules", "the server is disconnected from the service");
constexpr const char *replicationStateUnknown
    = QT_TRANSLATE_NOOP("mgn::ActionRules", "the data replication state is not reported");

Verdict allow()
{
    return { true, QString() };
}

Verdict refuse(const char *reason)
{
    return { false, tr(reason) };
}

bool lifeCycleIs(const SourceServer &server, std::initializer_list<LC> states)
{
    const auto state = server.lifeCycleState();
    return state && std::find(states.begin(), states.end(), *state) != states.end();
}

bool replicationIs(const SourceServer &server, std::initializer_list<RS> states)
{
    const auto state = server.replicationState();
    return state && std::find(states.begin(), states.end(), *state) != states.end();
}

// A negative condition ("will not work in state S"): the first listed state
// the server is in refuses, with that row's reason.
struct LifeCycleRefusal final {
    LC state;
    const char *reason;
};

std::optional<Verdict> refusedIn(const SourceServer &server, std::initializer_list<LifeCycleRefusal> refusals)
{
    const auto state = server.lifeCycleState();
    for (const auto &refusal : refusals) {
        if (state && *state == refusal.state)
            return refuse(refusal.reason);
    }
    return std::nullopt;
}

Verdict launchable(const SourceServer &server)
{
    return server.lag() ? allow() : refuse(lagUnknown);
}

Verdict checkChangeLifeCycleState(const SourceServer &server)
{
    return launchable(server);
}

Verdict checkStartTest(const SourceServer &server)
{
    if (auto refused = refusedIn(server,
            { { LC::Testing, testInProgress }, { LC::CuttingOver, cutoverInProgress },
                { LC::Cutover, alreadyCutOver }, { LC::Disconnected, serverDisconnected } }))
        return *refused;
    return launchable(server);
}

Verdict checkStartCutover(const SourceServer &server)
{
    if (auto refused = refusedIn(server,
            { { LC::CuttingOver, cutoverInProgress }, { LC::Cutover, alreadyCutOver },
                { LC::Disconnected, serverDisconnected } }))
        return *refused;
    return launchable(server);
}

Verdict checkFinalizeCutover(const SourceServer &server)
{
    if (lifeCycleIs(server, { LC::CuttingOver }))
        return allow();
    return refuse(
        QT_TRANSLATE_NOOP("mgn::ActionRules", "only servers with a cutover in progress can be finalized"));
}

Verdict checkTerminateTargetInstances(const SourceServer &server)
{
    if (auto refused = refusedIn(server,
            { { LC::Testing,
                  QT_TRANSLATE_NOOP("mgn::ActionRules",
                      "launched instances cannot be terminated while a "
                      "test is in progress (Test in progress)") },
                { LC::CuttingOver,
                    QT_TRANSLATE_NOOP("mgn::ActionRules",
                        "launched instances cannot be terminated while "
                        "a cutover is in progress (Cutover in progress)") },
                { LC::Cutover,
                    QT_TRANSLATE_NOOP("mgn::ActionRules",
                        "launched instances cannot be terminated once the "
                        "server is cut over (Cutover complete)") } }))
        return *refused;
    return allow();
}

Verdict checkStartReplication(const SourceServer &server)
{
    if (lifeCycleIs(server, { LC::Disconnected }) || replicationIs(server, { RS::Disconnected }))
        return refuse(serverDisconnected);
    if (replicationIs(server, { RS::Stopped }) || lifeCycleIs(server, { LC::Stopped, LC::Discovered }))
        return allow();
    return refuse(QT_TRANSLATE_NOOP("mgn::ActionRules",
        "only stopped servers, or agentless servers not yet "
        "replicating (Discovered), can start replication"));
}

Verdict checkStopReplication(const SourceServer &server)
{
    if (!server.replicationState())
        return refuse(replicationStateUnknown);
    if (replicationIs(server, { RS::Stopped }))
        return refuse(QT_TRANSLATE_NOOP("mgn::ActionRules", "replication is already stopped"));
    if (replicationIs(server, { RS::Disconnected }))
        return refuse(serverDisconnected);
    return allow();
}

Verdict checkPauseReplication(const SourceServer &server)
{
    if (replicationIs(server, { RS::Paused }))
        return refuse(QT_TRANSLATE_NOOP("mgn::ActionRules", "replication is already paused"));
    return checkStopReplication(server);
}

Verdict checkResumeReplication(const SourceServer &server)
{
    if (replicationIs(server, { RS::Paused }))
        return allow();
    return refuse(QT_TRANSLATE_NOOP("mgn::ActionRules", "replication is not paused"));
}

Verdict checkRetryDataReplication(const SourceServer &server)
{
    if (!replicationIs(server, { RS::Stalled }))
        return refuse(QT_TRANSLATE_NOOP("mgn::ActionRules", "data replication is not stalled"));
    if (auto refused = refusedIn(server,
            { { LC::Disconnected, serverDisconnected },
                { LC::Stopped, QT_TRANSLATE_NOOP("mgn::ActionRules", "the server is stopped") } }))
        return *refused;
    return allow();
}

Verdict checkChangeReplicationType(const SourceServer &server)
{
    const auto target = ActionRules::replicationTypeTarget(server);
    if (!target)
        return refuse(QT_TRANSLATE_NOOP("mgn::ActionRules", "the replication type is unknown"));
    return ActionRules::evaluateReplicationTypeChange(server, *target);
}

Verdict checkDisconnectFromService(const SourceServer &server)
{
    if (lifeCycleIs(server, { LC::Disconnected }) || replicationIs(server, { RS::Disconnected }))
        return refuse(QT_TRANSLATE_NOOP("mgn::ActionRules", "already disconnected"));
    return allow();
}

Verdict checkMarkAsArchived(const SourceServer &server)
{
    if (server.archived())
        return refuse(QT_TRANSLATE_NOOP("mgn::ActionRules", "already archived"));
    if (lifeCycleIs(server, { LC::Disconnected, LC::Cutover }))
        return allow();
    return refuse(QT_TRANSLATE_NOOP(
        "mgn::ActionRules", "only servers that are cut over or disconnected can be archived"));
}

Verdict checkDeleteSourceServer(const SourceServer &server)
{
    if (lifeCycleIs(server, { LC::Disconnected }) || replicationIs(server, { RS::Disconnected }))
        return allow();
    return refuse(QT_TRANSLATE_NOOP("mgn::ActionRules",
        "only servers that are disconnected from the service can be "
        "deleted"));
}

Verdict checkDeleteVcenterClient(const SourceServer &)
{
    return refuse(
        QT_TRANSLATE_NOOP("mgn::ActionRules", "deleting a vCenter client does not act on source servers"));
}

using Group = ActionRules::MenuGroup;
using Scope = ActionRules::Scope;
using Origin = ActionRules::Origin;

constexpr QLatin1String conflict("ConflictException");
constexpr QLatin1String validation("ValidationException");

// The table. Rows are in Action order (checked by a static_assert below).
constexpr std::array<Rule, allActions.size()> rules { {
    {
        .action = Action::MarkReadyForTest,
        .apiCall = QLatin1String("ChangeServerLifeCycleState"),
        .menuGroup = Group::TestAndCutover,
        .scope = Scope::SourceServer,
        .destructive = false,
        .maxIdsPerCall = 1,
        .origin = Origin::ApiDocumentation,
        .refusalException = conflict,
        .lifeCycleTarget = LifeCycleTarget::ReadyForTest,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Mark as ready for testing"),
        .alsoShownAsText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Revert to ready for testing"),
        .allowedWhenText
        = QT_TRANSLATE_NOOP("mgn::ActionRules", "Replication has reached a launchable state (lag is known)."),
        .noneEligibleText = QT_TRANSLATE_N_NOOP(
            "mgn::ActionRules", "None of the %n selected servers can be marked as ready for testing"),
        .consequenceText = nullptr,
        .documentation
        = "Allows the user to set the SourceServer.LifeCycle.state property for specific Source Server "
          "IDs to one of the following: READY_FOR_TEST or READY_FOR_CUTOVER. This command only works if "
          "the Source Server is already launchable (dataReplicationInfo.lagDuration is not null.)",
        .ruleSource
        = "API documentation of ChangeServerLifeCycleState, quoted: the only condition is a non-null "
          "lagDuration, whatever the lifecycle state. The console's Revert to \"ready for testing\" is "
          "the same call with the same target, so the same sentence permits it: one action, two labels.",
        .check = &checkChangeLifeCycleState,
    },
    {
        .action = Action::MarkReadyForCutover,
        .apiCall = QLatin1String("ChangeServerLifeCycleState"),
        .menuGroup = Group::TestAndCutover,
        .scope = Scope::SourceServer,
        .destructive = false,
        .maxIdsPerCall = 1,
        .origin = Origin::ApiDocumentation,
        .refusalException = conflict,
        .lifeCycleTarget = LifeCycleTarget::ReadyForCutover,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Mark as ready for cutover"),
        .alsoShownAsText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Revert to ready for cutover"),
        .allowedWhenText
        = QT_TRANSLATE_NOOP("mgn::ActionRules", "Replication has reached a launchable state (lag is known)."),
        .noneEligibleText = QT_TRANSLATE_N_NOOP(
            "mgn::ActionRules", "None of the %n selected servers can be marked as ready for cutover"),
        .consequenceText = nullptr,
        .documentation
        = "Allows the user to set the SourceServer.LifeCycle.state property for specific Source Server "
          "IDs to one of the following: READY_FOR_TEST or READY_FOR_CUTOVER. This command only works if "
          "the Source Server is already launchable (dataReplicationInfo.lagDuration is not null.)",
        .ruleSource
        = "API documentation of ChangeServerLifeCycleState, quoted: the only condition is a non-null "
          "lagDuration. The console's Revert to \"ready for cutover\" is the same call with the same "
          "target, so the same sentence permits it: one action, two labels.",
        .check = &checkChangeLifeCycleState,
    },
    {
        .action = Action::StartTest,
        .apiCall = QLatin1String("StartTest"),
        .menuGroup = Group::TestAndCutover,
        .scope = Scope::SourceServer,
        .destructive = false,
        .maxIdsPerCall = 200,
        .origin = Origin::DesignNotes,
        .refusalException = conflict,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Launch test instances"),
        .alsoShownAsText = nullptr,
        .allowedWhenText = QT_TRANSLATE_NOOP("mgn::ActionRules",
            "Launchable (lag is known) and not testing, cutting over, cut over or "
            "disconnected."),
        .noneEligibleText = QT_TRANSLATE_N_NOOP(
            "mgn::ActionRules", "None of the %n selected servers can launch a test instance"),
        .consequenceText = nullptr,
        .documentation
        = "Launches a Test Instance for specific Source Servers. This command starts a LAUNCH job whose "
          "initiatedBy property is StartTest and changes the SourceServer.lifeCycle.state property to "
          "TESTING.",
        .ruleSource
        = "Not in the API documentation, which states only the effect. From DESIGN.md's rules table "
          "(the MGN console user guide): launchable and not already testing / cutting over / cut over / "
          "disconnected.",
        .check = &checkStartTest,
    },
    {
        .action = Action::StartCutover,
        .apiCall = QLatin1String("StartCutover"),
        .menuGroup = Group::TestAndCutover,
        .scope = Scope::SourceServer,
        .destructive = false,
        .maxIdsPerCall = 200,
        .origin = Origin::DesignNotes,
        .refusalException = conflict,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Launch cutover instances"),
        .alsoShownAsText = nullptr,
        .allowedWhenText = QT_TRANSLATE_NOOP(
            "mgn::ActionRules", "Launchable (lag is known) and not cutting over, cut over or disconnected."),
        .noneEligibleText = QT_TRANSLATE_N_NOOP(
            "mgn::ActionRules", "None of the %n selected servers can launch a cutover instance"),
        .consequenceText = nullptr,
        .documentation
        = "Launches a Cutover Instance for specific Source Servers. This command starts a LAUNCH job "
          "whose initiatedBy property is StartCutover and changes the SourceServer.lifeCycle.state "
          "property to CUTTING_OVER.",
        .ruleSource
        = "Not in the API documentation, which states only the effect. From DESIGN.md's rules table "
          "(\"launchable, as the console requires\") and the console user guide: not while a cutover is "
          "in progress or complete, nor once disconnected.",
        .check = &checkStartCutover,
    },
    {
        .action = Action::FinalizeCutover,
        .apiCall = QLatin1String("FinalizeCutover"),
        .menuGroup = Group::TestAndCutover,
        .scope = Scope::SourceServer,
        .destructive = true,
        .maxIdsPerCall = 1,
        .origin = Origin::DesignNotes,
        .refusalException = conflict,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Finalize cutover"),
        .alsoShownAsText = nullptr,
        .allowedWhenText
        = QT_TRANSLATE_NOOP("mgn::ActionRules", "A cutover instance was launched (Cutover in progress)."),
        .noneEligibleText = QT_TRANSLATE_N_NOOP(
            "mgn::ActionRules", "None of the %n selected servers has a cutover to finalize"),
        .consequenceText = QT_TRANSLATE_NOOP("mgn::ActionRules",
            "All AWS resources created by Application Migration Service for enabling "
            "the replication of these source servers will be terminated / deleted "
            "within 90 minutes. Launched Test or Cutover instances will NOT be "
            "terminated. The AWS Replication Agent will receive a command to uninstall "
            "itself (within 10 minutes)."),
        .documentation
        = "Finalizes the cutover immediately for specific Source Servers. All AWS resources created by "
          "Application Migration Service for enabling the replication of these source servers will be "
          "terminated / deleted within 90 minutes. Launched Test or Cutover instances will NOT be "
          "terminated. The AWS Replication Agent will receive a command to uninstall itself (within 10 "
          "minutes). The following properties of the SourceServer will be changed immediately: "
          "dataReplicationInfo.dataReplicationState will be changed to DISCONNECTED; The "
          "SourceServer.lifeCycle.state will be changed to CUTOVER; The totalStorageBytes property fo "
          "each of dataReplicationInfo.replicatedDisks will be set to zero; "
          "dataReplicationInfo.lagDuration and dataReplicationInfo.lagDuration will be nullified.",
        .ruleSource
        = "Not in the API documentation, which states only the effect. From DESIGN.md's rules table "
          "and the console user guide: a cutover was launched, i.e. lifeCycle.state is CUTTING_OVER.",
        .check = &checkFinalizeCutover,
    },
    {
        .action = Action::TerminateTargetInstances,
        .apiCall = QLatin1String("TerminateTargetInstances"),
        .menuGroup = Group::TestAndCutover,
        .scope = Scope::SourceServer,
        .destructive = true,
        .maxIdsPerCall = 200,
        .origin = Origin::ApiDocumentation,
        .refusalException = conflict,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Terminate launched instances"),
        .alsoShownAsText = nullptr,
        .allowedWhenText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Not testing, cutting over or cut over."),
        .noneEligibleText = QT_TRANSLATE_N_NOOP("mgn::ActionRules",
            "None of the %n selected servers can have its launched instances "
            "terminated"),
        .consequenceText = QT_TRANSLATE_NOOP("mgn::ActionRules",
            "Starts a job that terminates specific launched EC2 Test and Cutover "
            "instances."),
        .documentation
        = "Starts a job that terminates specific launched EC2 Test and Cutover instances. This command "
          "will not work for any Source Server with a lifecycle.state of TESTING, CUTTING_OVER, or "
          "CUTOVER.",
        .ruleSource
        = "API documentation of TerminateTargetInstances, quoted: the state restriction only. No \"has a "
          "launched instance\" condition is added: the service documents none, and the emulator must "
          "not refuse what the service accepts.",
        .check = &checkTerminateTargetInstances,
    },
    {
        .action = Action::StartReplication,
        .apiCall = QLatin1String("StartReplication"),
        .menuGroup = Group::Replication,
        .scope = Scope::SourceServer,
        .destructive = false,
        .maxIdsPerCall = 1,
        .origin = Origin::DesignNotes,
        .refusalException = conflict,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Start data replication"),
        .alsoShownAsText = nullptr,
        .allowedWhenText = QT_TRANSLATE_NOOP("mgn::ActionRules",
            "Replication is stopped, or an agentless server is discovered and not yet "
            "replicating; not disconnected."),
        .noneEligibleText = QT_TRANSLATE_N_NOOP(
            "mgn::ActionRules", "None of the %n selected servers can start data replication"),
        .consequenceText = nullptr,
        .documentation = "Start replication for source server irrespective of its replication type.",
        .ruleSource
        = "Not in the API documentation (\"irrespective of its replication type\" only). From "
          "DESIGN.md's rules table: replication is stopped (dataReplicationState STOPPED or "
          "lifeCycle.state STOPPED), and agentless servers start here (lifeCycle.state DISCOVERED). A "
          "disconnected server is refused: its replication resources are gone.",
        .check = &checkStartReplication,
    },
    {
        .action = Action::StopReplication,
        .apiCall = QLatin1String("StopReplication"),
        .menuGroup = Group::Replication,
        .scope = Scope::SourceServer,
        .destructive = false,
        .maxIdsPerCall = 1,
        .origin = Origin::DesignNotes,
        .refusalException = conflict,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Stop data replication"),
        .alsoShownAsText = nullptr,
        .allowedWhenText = QT_TRANSLATE_NOOP("mgn::ActionRules",
            "Replicating: the data replication state is reported and is neither "
            "stopped nor disconnected."),
        .noneEligibleText = QT_TRANSLATE_N_NOOP(
            "mgn::ActionRules", "None of the %n selected servers can stop data replication"),
        .consequenceText = nullptr,
        .documentation = "Stop Replication.",
        .ruleSource
        = "Not in the API documentation (\"Stop Replication.\" only). From DESIGN.md's rules table: "
          "replicating, i.e. a reported dataReplicationState other than STOPPED and DISCONNECTED. An "
          "unrecognized state is one the service reports as neither, so it is allowed; an absent one "
          "is no evidence of replication, so it is refused.",
        .check = &checkStopReplication,
    },
    {
        .action = Action::PauseReplication,
        .apiCall = QLatin1String("PauseReplication"),
        .menuGroup = Group::Replication,
        .scope = Scope::SourceServer,
        .destructive = false,
        .maxIdsPerCall = 1,
        .origin = Origin::DesignNotes,
        .refusalException = conflict,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Pause data replication"),
        .alsoShownAsText = nullptr,
        .allowedWhenText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Replicating and not already paused."),
        .noneEligibleText = QT_TRANSLATE_N_NOOP(
            "mgn::ActionRules", "None of the %n selected servers can pause data replication"),
        .consequenceText = nullptr,
        .documentation = "Pause Replication.",
        .ruleSource
        = "Not in the API documentation (\"Pause Replication.\" only). From DESIGN.md's rules table: "
          "replicating (as for StopReplication) and dataReplicationState not PAUSED.",
        .check = &checkPauseReplication,
    },
    {
        .action = Action::ResumeReplication,
        .apiCall = QLatin1String("ResumeReplication"),
        .menuGroup = Group::Replication,
        .scope = Scope::SourceServer,
        .destructive = false,
        .maxIdsPerCall = 1,
        .origin = Origin::DesignNotes,
        .refusalException = conflict,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Resume data replication"),
        .alsoShownAsText = nullptr,
        .allowedWhenText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Replication is paused."),
        .noneEligibleText = QT_TRANSLATE_N_NOOP(
            "mgn::ActionRules", "None of the %n selected servers can resume data replication"),
        .consequenceText = nullptr,
        .documentation = "Resume Replication.",
        .ruleSource
        = "Not in the API documentation (\"Resume Replication.\" only). From DESIGN.md's rules table: "
          "dataReplicationState PAUSED.",
        .check = &checkResumeReplication,
    },
    {
        .action = Action::RetryDataReplication,
        .apiCall = QLatin1String("RetryDataReplication"),
        .menuGroup = Group::Replication,
        .scope = Scope::SourceServer,
        .destructive = false,
        .maxIdsPerCall = 1,
        .origin = Origin::ApiDocumentation,
        .refusalException = validation,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Retry data replication"),
        .alsoShownAsText = nullptr,
        .allowedWhenText = QT_TRANSLATE_NOOP("mgn::ActionRules",
            "Data replication is stalled, and the server is neither disconnected nor "
            "stopped."),
        .noneEligibleText = QT_TRANSLATE_N_NOOP(
            "mgn::ActionRules", "None of the %n selected servers can retry data replication"),
        .consequenceText = nullptr,
        .documentation
        = "Causes the data replication initiation sequence to begin immediately upon next Handshake for "
          "specified SourceServer IDs, regardless of when the previous initiation started. This command "
          "will not work if the SourceServer is not stalled or is in a DISCONNECTED or STOPPED state.",
        .ruleSource
        = "API documentation of RetryDataReplication, quoted. \"Stalled\" is dataReplicationState "
          "STALLED; a stalled server cannot also have a DISCONNECTED or STOPPED dataReplicationState, so "
          "\"in a DISCONNECTED or STOPPED state\" is read as lifeCycle.state. The API model declares no "
          "ConflictException for this call, so a refusal is a ValidationException.",
        .check = &checkRetryDataReplication,
    },
    {
        .action = Action::ChangeReplicationType,
        .apiCall = QLatin1String("UpdateSourceServerReplicationType"),
        .menuGroup = Group::Replication,
        .scope = Scope::SourceServer,
        .destructive = false,
        .maxIdsPerCall = 1,
        .origin = Origin::DesignNotes,
        .refusalException = conflict,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Change replication type"),
        .alsoShownAsText = nullptr,
        .allowedWhenText = QT_TRANSLATE_NOOP("mgn::ActionRules",
            "The replication type is known; switching to agentless (snapshot "
            "shipping) needs a vCenter client."),
        .noneEligibleText = QT_TRANSLATE_N_NOOP(
            "mgn::ActionRules", "None of the %n selected servers can change its replication type"),
        .consequenceText = nullptr,
        .documentation
        = "Allows you to change between the AGENT_BASED replication type and the SNAPSHOT_SHIPPING "
          "replication type. SNAPSHOT_SHIPPING should be used for agentless replication.",
        .ruleSource
        = "API documentation (the two types, SNAPSHOT_SHIPPING for agentless) with DESIGN.md's rules "
          "table: agentless needs a vCenter client, so switching to SNAPSHOT_SHIPPING needs a "
          "vcenterClientID. The action switches to the other type; an absent or unrecognized current "
          "type gives no target and is refused. No lifecycle state is excluded: none is documented.",
        .check = &checkChangeReplicationType,
    },
    {
        .action = Action::DisconnectFromService,
        .apiCall = QLatin1String("DisconnectFromService"),
        .menuGroup = Group::Actions,
        .scope = Scope::SourceServer,
        .destructive = true,
        .maxIdsPerCall = 1,
        .origin = Origin::DesignNotes,
        .refusalException = conflict,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Disconnect from service"),
        .alsoShownAsText = nullptr,
        .allowedWhenText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Not already disconnected."),
        .noneEligibleText
        = QT_TRANSLATE_N_NOOP("mgn::ActionRules", "None of the %n selected servers can be disconnected"),
        .consequenceText = QT_TRANSLATE_NOOP("mgn::ActionRules",
            "Data replication is stopped immediately. All AWS resources created by "
            "Application Migration Service for enabling the replication of these source "
            "servers will be terminated / deleted within 90 minutes. Launched Test or "
            "Cutover instances will NOT be terminated. If the agent on the source server "
            "has not been prevented from communicating with the Application Migration "
            "Service service, then it will receive a command to uninstall itself "
            "(within approximately 10 minutes)."),
        .documentation
        = "Disconnects specific Source Servers from Application Migration Service. Data replication is "
          "stopped immediately. All AWS resources created by Application Migration Service for enabling "
          "the replication of these source servers will be terminated / deleted within 90 minutes. "
          "Launched Test or Cutover instances will NOT be terminated. If the agent on the source server "
          "has not been prevented from communicating with the Application Migration Service service, "
          "then it will receive a command to uninstall itself (within approximately 10 minutes). The "
          "following properties of the SourceServer will be changed immediately: "
          "dataReplicationInfo.dataReplicationState will be set to DISCONNECTED; The totalStorageBytes "
          "property for each of dataReplicationInfo.replicatedDisks will be set to zero; "
          "dataReplicationInfo.lagDuration and dataReplicationInfo.lagDuration will be nullified.",
        .ruleSource
        = "Not in the API documentation, which states only the effect. From DESIGN.md's rules table: "
          "not already disconnected, i.e. neither dataReplicationState nor lifeCycle.state is "
          "DISCONNECTED (a finalized cutover is disconnected too).",
        .check = &checkDisconnectFromService,
    },
    {
        .action = Action::MarkAsArchived,
        .apiCall = QLatin1String("MarkAsArchived"),
        .menuGroup = Group::Actions,
        .scope = Scope::SourceServer,
        .destructive = true,
        .maxIdsPerCall = 1,
        .origin = Origin::ApiDocumentation,
        .refusalException = conflict,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Mark as archived"),
        .alsoShownAsText = nullptr,
        .allowedWhenText
        = QT_TRANSLATE_NOOP("mgn::ActionRules", "Cut over or disconnected, and not already archived."),
        .noneEligibleText
        = QT_TRANSLATE_N_NOOP("mgn::ActionRules", "None of the %n selected servers can be archived"),
        .consequenceText = QT_TRANSLATE_NOOP("mgn::ActionRules",
            "Archives specific Source Servers by setting the SourceServer.isArchived "
            "property to true for specified SourceServers by ID."),
        // The seed's wording; service-2.json has a stray space in "lifecycle. state".
        .documentation
        = "Archives specific Source Servers by setting the SourceServer.isArchived property to true for "
          "specified SourceServers by ID. This command only works for SourceServers with a "
          "lifecycle.state which equals DISCONNECTED or CUTOVER.",
        .ruleSource
        = "API documentation of MarkAsArchived, quoted. \"Not already archived\" is DESIGN.md's: the "
          "call would change nothing, so it is not offered.",
        .check = &checkMarkAsArchived,
    },
    {
        .action = Action::DeleteSourceServer,
        .apiCall = QLatin1String("DeleteSourceServer"),
        .menuGroup = Group::Actions,
        .scope = Scope::SourceServer,
        .destructive = true,
        .maxIdsPerCall = 1,
        .origin = Origin::DesignNotes,
        .refusalException = conflict,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Delete server"),
        .alsoShownAsText = nullptr,
        .allowedWhenText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Disconnected from the service."),
        .noneEligibleText
        = QT_TRANSLATE_N_NOOP("mgn::ActionRules", "None of the %n selected servers can be deleted"),
        .consequenceText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Deletes a single source server by ID."),
        .documentation = "Deletes a single source server by ID.",
        .ruleSource
        = "Not in the API documentation (\"Deletes a single source server by ID.\" only). From the MGN "
          "console user guide as the project reads it: a source server is deleted only after it has "
          "been disconnected, i.e. lifeCycle.state or dataReplicationState is DISCONNECTED (a finalized "
          "cutover is disconnected too).",
        .check = &checkDeleteSourceServer,
    },
    {
        .action = Action::DeleteVcenterClient,
        .apiCall = QLatin1String("DeleteVcenterClient"),
        .menuGroup = Group::VcenterClients,
        .scope = Scope::VcenterClient,
        .destructive = true,
        .maxIdsPerCall = 1,
        .origin = Origin::ApiDocumentation,
        .refusalException = validation,
        .lifeCycleTarget = std::nullopt,
        .labelText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Delete vCenter client"),
        .alsoShownAsText = nullptr,
        .allowedWhenText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Any vCenter client, by its ID."),
        .noneEligibleText = QT_TRANSLATE_N_NOOP(
            "mgn::ActionRules", "Deleting a vCenter client does not act on the %n selected servers"),
        .consequenceText = QT_TRANSLATE_NOOP("mgn::ActionRules", "Deletes a given vCenter client by ID."),
        .documentation = "Deletes a given vCenter client by ID.",
        .ruleSource
        = "API documentation of DeleteVcenterClient, quoted: by vCenter client ID, no condition. It "
          "is not a source server action: evaluated over source servers it refuses every one; use "
          "evaluateVcenterClientDeletion(). The API model declares no ConflictException for it.",
        .check = &checkDeleteVcenterClient,
    },
} };

constexpr bool rowsInActionOrder()
{
    for (std::size_t i = 0; i < rules.size(); ++i) {
        if (static_cast<std::size_t>(rules[i].action) != i || allActions[i] != rules[i].action)
            return false;
    }
    return true;
}
static_assert(rowsInActionOrder(), "the rules table and allActions must follow the Action order");

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

// "already archived: web01, web02 and 3 more; lag is unknown: ...: db01"
QString groupedReasons(const QList<ActionRules::ServerVerdict> &refused)
{
    constexpr int namesShown = 3;
    QStringList reasons;
    QHash<QString, QStringList> names;
    for (const auto &entry : refused) {
        if (!names.contains(entry.verdict.reason))
            reasons << entry.verdict.reason;
        names[entry.verdict.reason] << entry.name;
    }
    QStringList parts;
    for (const auto &reason : std::as_const(reasons)) {
        const auto &all = names.value(reason);
        QString list = QStringList(all.mid(0, namesShown)).join(QLatin1String(", "));
        if (all.size() > namesShown)
            list = tr(QT_TRANSLATE_N_NOOP("mgn::ActionRules", "%1 and %n more"), int(all.size() - namesShown))
                       .arg(list);
        parts << reason + QLatin1String(" (") + list + QLatin1Char(')');
    }
    return parts.join(QLatin1String("; "));
}

} // namespace

QString ActionRules::Rule::label() const
{
    return tr(labelText);
}

QString ActionRules::Rule::alsoShownAs() const
{
    return alsoShownAsText ? tr(alsoShownAsText) : QString();
}

QString ActionRules::Rule::allowedWhen() const
{
    return tr(allowedWhenText);
}

QString ActionRules::Rule::noneEligible(int selected) const
{
    return tr(noneEligibleText, selected);
}

QString ActionRules::Rule::consequence() const
{
    return consequenceText ? tr(consequenceText) : QString();
}

const ActionRules::Rule &ActionRules::rule(Action action)
{
    return rules[static_cast<std::size_t>(action)];
}

std::span<const ActionRules::Rule> ActionRules::allRules()
{
    return rules;
}

ActionRules::Verdict ActionRules::evaluate(Action action, const SourceServer &server)
{
    return rule(action).check(server);
}

ActionRules::Evaluation ActionRules::evaluate(Action action, const QList<SourceServer> &servers)
{
    const auto &row = rule(action);
    Evaluation result;
    result.action = action;
    QSet<QString> seen;
    for (const auto &server : servers) {
        const QString id = server.id();
        if (!id.isEmpty() && seen.contains(id))
            continue;
        seen.insert(id);
        ServerVerdict entry { id, server.displayName(), {} };
        entry.verdict = id.isEmpty() ? Verdict { false,
            tr(QT_TRANSLATE_NOOP("mgn::ActionRules", "the server has no source server ID")) }
                                     : row.check(server);
        if (entry.verdict.allowed)
            result.eligibleIds << id;
        else
            result.refused << entry;
        result.verdicts << entry;
    }
    result.batches = batches(result.eligibleIds, row.maxIdsPerCall);

    const int selected = int(result.verdicts.size());
    if (selected == 0) {
        result.summary = tr(QT_TRANSLATE_NOOP("mgn::ActionRules", "No source server is selected."));
    } else if (result.refused.isEmpty()) {
        result.summary.clear();
    } else if (row.scope != Scope::SourceServer) {
        result.summary = row.noneEligible(selected) + QLatin1Char('.');
    } else if (result.eligibleIds.isEmpty() && selected == 1) {
        result.summary = capitalized(result.refused.constFirst().verdict.reason) + QLatin1Char('.');
    } else if (result.eligibleIds.isEmpty()) {
        result.summary = row.noneEligible(selected) + QLatin1String(": ") + groupedReasons(result.refused)
            + QLatin1Char('.');
    } else {
        result.summary = tr(QT_TRANSLATE_N_NOOP("mgn::ActionRules",
                                "%1 of the %n selected servers are eligible; "
                                "skipped: %2."),
            selected)
                             .arg(QString::number(result.eligibleIds.size()), groupedReasons(result.refused));
    }
    return result;
}

QList<Action> ActionRules::actionsForApiCall(QStringView apiCall)
{
    QList<Action> actions;
    for (const auto &row : rules) {
        if (apiCall == row.apiCall)
            actions << row.action;
    }
    return actions;
}

QList<LifeCycleTarget> ActionRules::lifeCycleTargets()
{
    QList<LifeCycleTarget> targets;
    for (const auto &row : rules) {
        if (row.lifeCycleTarget)
            targets << *row.lifeCycleTarget;
    }
    return targets;
}

std::optional<Action> ActionRules::actionForLifeCycleTarget(LifeCycleTarget target)
{
    for (const auto &row : rules) {
        if (row.lifeCycleTarget == target)
            return row.action;
    }
    return std::nullopt;
}

std::optional<ReplicationType> ActionRules::replicationTypeTarget(const SourceServer &server)
{
    if (!server.replicationType)
        return std::nullopt;
    switch (server.replicationType->value()) {
    case ReplicationType::AgentBased:
        return ReplicationType::SnapshotShipping;
    case ReplicationType::SnapshotShipping:
        return ReplicationType::AgentBased;
    case ReplicationType::Unrecognized:
        break;
    }
    return std::nullopt;
}

ActionRules::Verdict ActionRules::evaluateReplicationTypeChange(
    const SourceServer &server, ReplicationType target)
{
    if (target == ReplicationType::Unrecognized)
        return refuse(QT_TRANSLATE_NOOP("mgn::ActionRules", "the target replication type is unknown"));
    if (server.replicationType && server.replicationType->value() == target)
        return refuse(QT_TRANSLATE_NOOP("mgn::ActionRules", "the server already uses this replication type"));
    if (target == ReplicationType::SnapshotShipping && server.vcenterClientID.value_or(QString()).isEmpty())
        return refuse(QT_TRANSLATE_NOOP("mgn::ActionRules",
            "agentless (snapshot shipping) replication needs a vCenter "
            "client, and this server has none"));
    return allow();
}

ActionRules::Verdict ActionRules::evaluateVcenterClientDeletion(const VcenterClient &client)
{
    if (client.vcenterClientID.value_or(QString()).isEmpty())
        return refuse(QT_TRANSLATE_NOOP("mgn::ActionRules", "the vCenter client has no ID"));
    return allow();
}

QList<QStringList> ActionRules::batches(const QStringList &ids, int maxPerCall)
{
    const qsizetype size = std::max(maxPerCall, 1);
    QList<QStringList> result;
    for (qsizetype i = 0; i < ids.size(); i += size)
        result << ids.mid(i, size);
    return result;
}

} // namespace mgn
