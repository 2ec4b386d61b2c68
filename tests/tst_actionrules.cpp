#include "models/rules/ActionRules.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <optional>

using namespace mgn;

using LC = LifeCycleState;
using RS = DataReplicationState;
using Verdict = ActionRules::Verdict;

Q_DECLARE_METATYPE(mgn::Action)

namespace {

constexpr std::array<LC, 10> knownLifeCycles { { LC::Stopped, LC::NotReady, LC::ReadyForTest, LC::Testing,
    LC::ReadyForCutover, LC::CuttingOver, LC::Cutover, LC::Disconnected, LC::Discovered,
    LC::PendingInstallation } };
constexpr std::array<RS, 12> knownReplicationStates { { RS::Stopped, RS::Initiating, RS::InitialSync,
    RS::Backlog, RS::CreatingSnapshot, RS::Continuous, RS::Paused, RS::Rescan, RS::Stalled, RS::Disconnected,
    RS::PendingSnapshotShipping, RS::ShippingSnapshot } };

// A state in a cell: a known value, Unrecognized (the service sent a value
// this build does not know), or absent (nullopt).
template<typename E, std::size_t N> QList<std::optional<E>> cellValues(const std::array<E, N> &known)
{
    QList<std::optional<E>> values(known.begin(), known.end());
    values << E::Unrecognized << std::nullopt;
    return values;
}

template<typename E> QByteArray cellName(const std::optional<E> &value)
{
    if (!value)
        return "absent";
    if (*value == E::Unrecognized)
        return "unrecognized";
    return QString(EnumValue<E>::wireName(*value)).toLatin1();
}

template<typename E> EnumValue<E> enumValue(E value)
{
    return value == E::Unrecognized ? EnumValue<E>::fromWire(u"SOME_FUTURE_VALUE") : EnumValue<E>(value);
}

// Replication type and vCenter client, varied over the cells so that
// ChangeReplicationType meets every case.
enum class TypeVariant { AgentWithVcenter, AgentWithoutVcenter, SnapshotShipping, Absent, Unrecognized };
constexpr int typeVariantCount = 5;

struct Cell {
    std::optional<LC> lifeCycle;
    std::optional<RS> replication;
    bool lag = false;
    bool archived = false;
    TypeVariant type = TypeVariant::Absent;
    bool explicitNotArchived = false; // isArchived false on the wire rather than absent
};

SourceServer makeServer(const Cell &cell, const QString &id = QStringLiteral("s-00000000000000001"))
{
    SourceServer server;
    server.sourceServerID = id;
    if (cell.lifeCycle) {
        server.lifeCycle = LifeCycle {};
        server.lifeCycle->state = enumValue(*cell.lifeCycle);
    }
    if (cell.replication || cell.lag) {
        server.dataReplicationInfo = DataReplicationInfo {};
        if (cell.replication)
            server.dataReplicationInfo->dataReplicationState = enumValue(*cell.replication);
        if (cell.lag)
            server.dataReplicationInfo->lagDuration = 90'000;
    }
    if (cell.archived)
        server.isArchived = true;
    else if (cell.explicitNotArchived)
        server.isArchived = false;
    switch (cell.type) {
    case TypeVariant::AgentWithVcenter:
        server.replicationType = ReplicationType::AgentBased;
        server.vcenterClientID = QStringLiteral("vcc-0123456789abcdef0");
        break;
    case TypeVariant::AgentWithoutVcenter:
        server.replicationType = ReplicationType::AgentBased;
        break;
    case TypeVariant::SnapshotShipping:
        server.replicationType = ReplicationType::SnapshotShipping;
        server.vcenterClientID = QStringLiteral("vcc-0123456789abcdef0");
        break;
    case TypeVariant::Absent:
        break;
    case TypeVariant::Unrecognized:
        server.replicationType = EnumValue<ReplicationType>::fromWire(u"FUTURE_TYPE");
        server.vcenterClientID = QStringLiteral("vcc-0123456789abcdef0");
        break;
    }
    return server;
}

SourceServer server(
    std::optional<LC> lifeCycle, std::optional<RS> replication, bool lag, bool archived = false)
{
    Cell cell;
    cell.lifeCycle = lifeCycle;
    cell.replication = replication;
    cell.lag = lag;
    cell.archived = archived;
    return makeServer(cell);
}

SourceServer named(SourceServer s, const QString &id, const QString &hostname)
{
    s.sourceServerID = id;
    s.sourceProperties = SourceProperties {};
    s.sourceProperties->identificationHints = IdentificationHints {};
    s.sourceProperties->identificationHints->hostname = hostname;
    return s;
}

const char *actionName(Action action)
{
    switch (action) {
    case Action::MarkReadyForTest:
        return "MarkReadyForTest";
    case Action::MarkReadyForCutover:
        return "MarkReadyForCutover";
    case Action::StartTest:
        return "StartTest";
    case Action::StartCutover:
        return "StartCutover";
    case Action::FinalizeCutover:
        return "FinalizeCutover";
    case Action::TerminateTargetInstances:
        return "TerminateTargetInstances";
    case Action::StartReplication:
        return "StartReplication";
    case Action::StopReplication:
        return "StopReplication";
    case Action::PauseReplication:
        return "PauseReplication";
    case Action::ResumeReplication:
        return "ResumeReplication";
    case Action::RetryDataReplication:
        return "RetryDataReplication";
    case Action::ChangeReplicationType:
        return "ChangeReplicationType";
    case Action::DisconnectFromService:
        return "DisconnectFromService";
    case Action::MarkAsArchived:
        return "MarkAsArchived";
    case Action::DeleteSourceServer:
        return "DeleteSourceServer";
    case Action::DeleteVcenterClient:
        return "DeleteVcenterClient";
    }
    return "?";
}

// The documented rules, written out again per action, straight from the
// sentences (and DESIGN.md where the API documentation states only the
// effect), independently of ActionRules.
bool documentedAllowed(Action action, const Cell &c)
{
    const auto lc = [&](LC s) { return c.lifeCycle == s; };
    const auto rs = [&](RS s) { return c.replication == s; };
    switch (action) {
    case Action::MarkReadyForTest:
    case Action::MarkReadyForCutover:
        // "This command only works if the Source Server is already launchable
        // (dataReplicationInfo.lagDuration is not null.)"
        return c.lag;
    case Action::StartTest:
        // launchable and not already testing / cutting over / cut over / disconnected
        return c.lag && !lc(LC::Testing) && !lc(LC::CuttingOver) && !lc(LC::Cutover) && !lc(LC::Disconnected);
    case Action::StartCutover:
        return c.lag && !lc(LC::CuttingOver) && !lc(LC::Cutover) && !lc(LC::Disconnected);
    case Action::FinalizeCutover:
        return lc(LC::CuttingOver);
    case Action::TerminateTargetInstances:
        // "will not work for any Source Server with a lifecycle.state of
        // TESTING, CUTTING_OVER, or CUTOVER."
        return !lc(LC::Testing) && !lc(LC::CuttingOver) && !lc(LC::Cutover);
    case Action::StartReplication:
        // replication is stopped; agentless servers start here (DISCOVERED)
        return (rs(RS::Stopped) || lc(LC::Stopped) || lc(LC::Discovered)) && !rs(RS::Disconnected)
            && !lc(LC::Disconnected);
    case Action::StopReplication:
        return c.replication.has_value() && !rs(RS::Stopped) && !rs(RS::Disconnected);
    case Action::PauseReplication:
        return c.replication.has_value() && !rs(RS::Stopped) && !rs(RS::Disconnected) && !rs(RS::Paused);
    case Action::ResumeReplication:
        return rs(RS::Paused);
    case Action::RetryDataReplication:
        // "will not work if the SourceServer is not stalled or is in a
        // DISCONNECTED or STOPPED state."
        return rs(RS::Stalled) && !lc(LC::Disconnected) && !lc(LC::Stopped);
    case Action::ChangeReplicationType:
        return c.type == TypeVariant::SnapshotShipping || c.type == TypeVariant::AgentWithVcenter;
    case Action::DisconnectFromService:
        return !rs(RS::Disconnected) && !lc(LC::Disconnected);
    case Action::MarkAsArchived:
        // "only works for SourceServers with a lifecycle.state which equals
        // DISCONNECTED or CUTOVER."
        return (lc(LC::Disconnected) || lc(LC::Cutover)) && !c.archived;
    case Action::DeleteSourceServer:
        return lc(LC::Disconnected) || rs(RS::Disconnected);
    case Action::DeleteVcenterClient:
        return false;
    }
    return false;
}

QString withoutWhitespace(QString text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.remove(space);
}

QList<SourceServer> eligibleStartTestServers(int count)
{
    QList<SourceServer> servers;
    for (int i = 0; i < count; ++i) {
        servers << named(server(LC::ReadyForTest, RS::Continuous, true),
            QStringLiteral("s-%1").arg(i, 17, 10, QLatin1Char('0')), QStringLiteral("host%1").arg(i));
    }
    return servers;
}

} // namespace

class TestActionRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // Every cell against the documented sentences.
    void everyCell_data();
    void everyCell();
    void archivedOnlyMattersForMarkAsArchived();

    // The table itself.
    void tableHasOneRowPerAction();
    void apiCallsAreModelOperations();
    void documentationIsVerbatim();
    void consequenceIsVerbatimAndOnlyForDestructive();
    void destructiveActions();
    void maxIdsPerCallMatchModel();
    void refusalExceptionIsDeclaredByModel();
    void consoleLabelsAndMenus_data();
    void consoleLabelsAndMenus();
    void everyRuleSaysWhereItComesFrom();
    void lifeCycleTargets();
    void actionsForApiCall();

    // One test per documented sentence.
    void changeLifeCycleStateRefusedWhenLagIsNullEvenInReadyForTest();
    void changeLifeCycleStateOnlyNeedsLag();
    void startTestRefusedWhileTestInProgress();
    void startTestNeedsLaunchable();
    void startCutoverAllowedAfterTestingButNotTwice();
    void finalizeCutoverOnlyWhileCuttingOver();
    void terminateFollowsTheDocumentedStatesOnly();
    void startReplicationForStoppedAndDiscoveredServers();
    void stopPauseResume();
    void retryOnlyWhenStalledAndNotDisconnectedOrStopped();
    void changeReplicationTypeToAgentlessNeedsVcenterClient();
    void replicationTypeChangeWithExplicitTarget();
    void disconnectRefusedWhenAlreadyDisconnected();
    void archiveOnlyCutOverOrDisconnected();
    void archiveRefusesAlreadyArchived();
    void deleteOnlyDisconnectedServers();
    void deleteVcenterClientIsNotAServerAction();
    void unrecognizedStatesFollowTheLiteralWording();

    // Selections.
    void bulkBatchesOf200();
    void mixedSelection();
    void fanOutActionsHaveBatchSizeOne();
    void noneAllowedSummary();
    void singleServerSummary();
    void manyRefusedNamesAreShortened();
    void emptySelection();
    void duplicateAndMissingIds();
    void vcenterClientActionOverServers();
    void batchesHelper();

private:
    QJsonObject m_operations;
    QJsonObject m_shapes;
};

void TestActionRules::initTestCase()
{
    QFile file(QStringLiteral(MGN_API_MODEL_DIR "/service-2.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const auto model = QJsonDocument::fromJson(file.readAll()).object();
    m_operations = model.value(u"operations").toObject();
    m_shapes = model.value(u"shapes").toObject();
    QVERIFY(!m_operations.isEmpty());
    QVERIFY(!m_shapes.isEmpty());
}

void TestActionRules::everyCell_data()
{
    QTest::addColumn<Action>("action");
    QTest::addColumn<int>("lifeCycle"); // index into cellValues(knownLifeCycles)
    QTest::addColumn<int>("replication");
    QTest::addColumn<bool>("lag");
    QTest::addColumn<bool>("archived");
    QTest::addColumn<int>("typeVariant");

    const auto lifeCycles = cellValues(knownLifeCycles);
    const auto replications = cellValues(knownReplicationStates);
    for (const Action action : allActions) {
        int cellIndex = 0;
        for (int l = 0; l < lifeCycles.size(); ++l) {
            for (int r = 0; r < replications.size(); ++r) {
                for (const bool lag : { false, true }) {
                    for (const bool archived : { false, true }) {
                        QTest::addRow("%s/%s/%s/%s/%s", actionName(action),
                            cellName(lifeCycles[l]).constData(), cellName(replications[r]).constData(),
                            lag ? "lag" : "no-lag", archived ? "archived" : "active")
                            << action << l << r << lag << archived << cellIndex++ % typeVariantCount;
                    }
                }
            }
        }
    }
}

void TestActionRules::everyCell()
{
    QFETCH(Action, action);
    QFETCH(int, lifeCycle);
    QFETCH(int, replication);
    QFETCH(bool, lag);
    QFETCH(bool, archived);
    QFETCH(int, typeVariant);

    Cell cell;
    cell.lifeCycle = cellValues(knownLifeCycles).at(lifeCycle);
    cell.replication = cellValues(knownReplicationStates).at(replication);
    cell.lag = lag;
    cell.archived = archived;
    cell.type = static_cast<TypeVariant>(typeVariant);
    cell.explicitNotArchived = typeVariant % 2 == 0;

    const Verdict verdict = ActionRules::evaluate(action, makeServer(cell));
    QCOMPARE(verdict.allowed, documentedAllowed(action, cell));
    if (verdict.allowed)
        QVERIFY(verdict.reason.isEmpty());
    else
        QVERIFY2(!verdict.reason.trimmed().isEmpty(), "a refusal must say why");
}

void TestActionRules::archivedOnlyMattersForMarkAsArchived()
{
    for (const Action action : allActions) {
        for (const auto &lc : cellValues(knownLifeCycles)) {
            for (const auto &rs : cellValues(knownReplicationStates)) {
                for (const bool lag : { false, true }) {
                    const auto active = ActionRules::evaluate(action, server(lc, rs, lag, false));
                    const auto archived = ActionRules::evaluate(action, server(lc, rs, lag, true));
                    if (action == Action::MarkAsArchived) {
                        QVERIFY(!archived.allowed);
                        QCOMPARE(archived.reason, QStringLiteral("already archived"));
                    } else {
                        QCOMPARE(archived, active);
                    }
                }
            }
        }
    }
}

void TestActionRules::tableHasOneRowPerAction()
{
    const auto rules = ActionRules::allRules();
    QCOMPARE(rules.size(), allActions.size());
    for (const Action action : allActions) {
        QCOMPARE(ActionRules::rule(action).action, action);
        QVERIFY(ActionRules::rule(action).check != nullptr);
    }
}

void TestActionRules::apiCallsAreModelOperations()
{
    for (const auto &rule : ActionRules::allRules())
        QVERIFY2(m_operations.contains(QString(rule.apiCall)), rule.apiCall.data());
}

void TestActionRules::documentationIsVerbatim()
{
    for (const auto &rule : ActionRules::allRules()) {
        const QString documented = m_operations.value(QString(rule.apiCall))
                                       .toObject()
                                       .value(u"documentation")
                                       .toString()
                                       .remove(QRegularExpression(QStringLiteral("<[^>]+>")));
        QVERIFY2(!documented.isEmpty(), rule.apiCall.data());
        // Whitespace aside: the model has "lifecycle. state" where the seed
        // says "lifecycle.state", and joins paragraphs with two spaces.
        QVERIFY2(withoutWhitespace(documented) == withoutWhitespace(QString::fromUtf8(rule.documentation)),
            rule.apiCall.data());
    }
}

void TestActionRules::consequenceIsVerbatimAndOnlyForDestructive()
{
    for (const auto &rule : ActionRules::allRules()) {
        QCOMPARE(rule.consequenceText != nullptr, rule.destructive);
        QCOMPARE(!rule.consequence().isEmpty(), rule.destructive);
        if (rule.consequenceText) {
            QVERIFY2(withoutWhitespace(QString::fromUtf8(rule.documentation))
                         .contains(withoutWhitespace(QString::fromUtf8(rule.consequenceText))),
                rule.apiCall.data());
        }
    }
    QVERIFY(ActionRules::rule(Action::FinalizeCutover)
                .consequence()
                .startsWith(QStringLiteral(
                    "All AWS resources created by Application Migration Service for enabling the "
                    "replication of these source servers will be terminated / deleted within 90 "
                    "minutes. Launched Test or Cutover instances will NOT be terminated.")));
}

void TestActionRules::destructiveActions()
{
    const QList<Action> expected { Action::FinalizeCutover, Action::TerminateTargetInstances,
        Action::DisconnectFromService, Action::MarkAsArchived, Action::DeleteSourceServer,
        Action::DeleteVcenterClient };
    for (const Action action : allActions)
        QCOMPARE(ActionRules::rule(action).destructive, expected.contains(action));
}

void TestActionRules::maxIdsPerCallMatchModel()
{
    for (const auto &rule : ActionRules::allRules()) {
        const auto input = m_shapes
                               .value(m_operations.value(QString(rule.apiCall))
                                          .toObject()
                                          .value(u"input")
                                          .toObject()
                                          .value(u"shape")
                                          .toString())
                               .toObject()
                               .value(u"members")
                               .toObject();
        if (input.contains(u"sourceServerIDs")) {
            const auto list
                = m_shapes.value(input.value(u"sourceServerIDs").toObject().value(u"shape").toString())
                      .toObject();
            QCOMPARE(rule.maxIdsPerCall, list.value(u"max").toInt());
            QVERIFY(rule.isBulk());
        } else {
            QVERIFY2(
                input.contains(u"sourceServerID") || input.contains(u"vcenterClientID"), rule.apiCall.data());
            QCOMPARE(rule.maxIdsPerCall, 1);
            QVERIFY(!rule.isBulk());
        }
    }
    QCOMPARE(ActionRules::rule(Action::StartTest).maxIdsPerCall, 200);
    QCOMPARE(ActionRules::rule(Action::StartCutover).maxIdsPerCall, 200);
    QCOMPARE(ActionRules::rule(Action::TerminateTargetInstances).maxIdsPerCall, 200);
}

void TestActionRules::refusalExceptionIsDeclaredByModel()
{
    for (const auto &rule : ActionRules::allRules()) {
        QStringList errors;
        const auto declared = m_operations.value(QString(rule.apiCall)).toObject().value(u"errors").toArray();
        for (const auto &error : declared)
            errors << error.toObject().value(u"shape").toString();
        const QString expected = errors.contains(u"ConflictException")
            ? QStringLiteral("ConflictException")
            : QStringLiteral("ValidationException");
        QVERIFY2(errors.contains(expected), rule.apiCall.data());
        QCOMPARE(QString(rule.refusalException), expected);
    }
    QCOMPARE(QString(ActionRules::rule(Action::RetryDataReplication).refusalException),
        QStringLiteral("ValidationException"));
}

void TestActionRules::consoleLabelsAndMenus_data()
{
    using Group = ActionRules::MenuGroup;
    QTest::addColumn<Action>("action");
    QTest::addColumn<QString>("apiCall");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("alsoShownAs");
    QTest::addColumn<int>("group");

    const auto row = [](Action action, const char *call, const char *label, const char *also, Group group) {
        QTest::newRow(actionName(action)) << action << QString::fromLatin1(call) << QString::fromUtf8(label)
                                          << QString::fromUtf8(also) << int(group);
    };
    row(Action::MarkReadyForTest, "ChangeServerLifeCycleState", "Mark as ready for testing",
        "Revert to ready for testing", Group::TestAndCutover);
    row(Action::MarkReadyForCutover, "ChangeServerLifeCycleState", "Mark as ready for cutover",
        "Revert to ready for cutover", Group::TestAndCutover);
    row(Action::StartTest, "StartTest", "Launch test instances", "", Group::TestAndCutover);
    row(Action::StartCutover, "StartCutover", "Launch cutover instances", "", Group::TestAndCutover);
    row(Action::FinalizeCutover, "FinalizeCutover", "Finalize cutover", "", Group::TestAndCutover);
    row(Action::TerminateTargetInstances, "TerminateTargetInstances", "Terminate launched instances", "",
        Group::TestAndCutover);
    row(Action::StartReplication, "StartReplication", "Start data replication", "", Group::Replication);
    row(Action::StopReplication, "StopReplication", "Stop data replication", "", Group::Replication);
    row(Action::PauseReplication, "PauseReplication", "Pause data replication", "", Group::Replication);
    row(Action::ResumeReplication, "ResumeReplication", "Resume data replication", "", Group::Replication);
    row(Action::RetryDataReplication, "RetryDataReplication", "Retry data replication", "",
        Group::Replication);
    row(Action::ChangeReplicationType, "UpdateSourceServerReplicationType", "Change replication type", "",
        Group::Replication);
    row(Action::DisconnectFromService, "DisconnectFromService", "Disconnect from service", "",
        Group::Actions);
    row(Action::MarkAsArchived, "MarkAsArchived", "Mark as archived", "", Group::Actions);
    row(Action::DeleteSourceServer, "DeleteSourceServer", "Delete server", "", Group::Actions);
    row(Action::DeleteVcenterClient, "DeleteVcenterClient", "Delete vCenter client", "",
        Group::VcenterClients);
}

void TestActionRules::consoleLabelsAndMenus()
{
    QFETCH(Action, action);
    QFETCH(QString, apiCall);
    QFETCH(QString, label);
    QFETCH(QString, alsoShownAs);
    QFETCH(int, group);
    const auto &rule = ActionRules::rule(action);
    QCOMPARE(QString(rule.apiCall), apiCall);
    QCOMPARE(rule.label(), label);
    QCOMPARE(rule.alsoShownAs(), alsoShownAs);
    QCOMPARE(int(rule.menuGroup), group);
    QCOMPARE(rule.scope == ActionRules::Scope::VcenterClient, action == Action::DeleteVcenterClient);
}

void TestActionRules::everyRuleSaysWhereItComesFrom()
{
    for (const auto &rule : ActionRules::allRules()) {
        const QString source = QString::fromUtf8(rule.ruleSource);
        QVERIFY2(!source.isEmpty(), rule.apiCall.data());
        QVERIFY2(!rule.allowedWhen().isEmpty(), rule.apiCall.data());
        QVERIFY2(
            !rule.noneEligible(3).isEmpty() && !rule.noneEligible(3).contains(u"%n"), rule.apiCall.data());
        if (rule.origin == ActionRules::Origin::DesignNotes)
            QVERIFY2(source.contains(u"DESIGN.md") || source.contains(u"user guide"), rule.apiCall.data());
        else
            QVERIFY2(source.startsWith(u"API documentation"), rule.apiCall.data());
    }
}

void TestActionRules::lifeCycleTargets()
{
    using Target = ChangeServerLifeCycleStateSourceServerLifecycleState;
    QCOMPARE(
        ActionRules::lifeCycleTargets(), (QList<Target> { Target::ReadyForTest, Target::ReadyForCutover }));
    QCOMPARE(ActionRules::actionForLifeCycleTarget(Target::ReadyForTest), Action::MarkReadyForTest);
    QCOMPARE(ActionRules::actionForLifeCycleTarget(Target::ReadyForCutover), Action::MarkReadyForCutover);
    // In the enum, but not among the documented targets.
    QCOMPARE(ActionRules::actionForLifeCycleTarget(Target::Cutover), std::nullopt);
    QCOMPARE(ActionRules::actionForLifeCycleTarget(Target::Unrecognized), std::nullopt);
    QCOMPARE(ActionRules::rule(Action::StartTest).lifeCycleTarget, std::nullopt);
}

void TestActionRules::actionsForApiCall()
{
    QCOMPARE(ActionRules::actionsForApiCall(u"ChangeServerLifeCycleState"),
        (QList<Action> { Action::MarkReadyForTest, Action::MarkReadyForCutover }));
    QCOMPARE(ActionRules::actionsForApiCall(u"StartTest"), QList<Action> { Action::StartTest });
    QCOMPARE(ActionRules::actionsForApiCall(u"UpdateSourceServerReplicationType"),
        QList<Action> { Action::ChangeReplicationType });
    QVERIFY(ActionRules::actionsForApiCall(u"DescribeSourceServers").isEmpty());
}

void TestActionRules::changeLifeCycleStateRefusedWhenLagIsNullEvenInReadyForTest()
{
    for (const Action action : { Action::MarkReadyForTest, Action::MarkReadyForCutover }) {
        const auto refused = ActionRules::evaluate(action, server(LC::ReadyForTest, RS::Continuous, false));
        QVERIFY(!refused.allowed);
        QCOMPARE(
            refused.reason, QStringLiteral("lag is unknown: replication has not reached a launchable state"));
        QVERIFY(ActionRules::evaluate(action, server(LC::ReadyForTest, RS::Continuous, true)).allowed);
    }
}

void TestActionRules::changeLifeCycleStateOnlyNeedsLag()
{
    // The sentence names no lifecycle state: lag alone decides.
    for (const auto &lc : cellValues(knownLifeCycles)) {
        QVERIFY(ActionRules::evaluate(Action::MarkReadyForCutover, server(lc, std::nullopt, true)).allowed);
        QVERIFY(ActionRules::evaluate(Action::MarkReadyForTest, server(lc, RS::Stalled, true)).allowed);
        QVERIFY(!ActionRules::evaluate(Action::MarkReadyForTest, server(lc, RS::Continuous, false)).allowed);
    }
}

void TestActionRules::startTestRefusedWhileTestInProgress()
{
    const auto verdict = ActionRules::evaluate(Action::StartTest, server(LC::Testing, RS::Continuous, true));
    QVERIFY(!verdict.allowed);
    QCOMPARE(verdict.reason, QStringLiteral("test instances are already being launched (Test in progress)"));
    for (const LC lc : { LC::CuttingOver, LC::Cutover, LC::Disconnected })
        QVERIFY(!ActionRules::evaluate(Action::StartTest, server(lc, RS::Continuous, true)).allowed);
    for (const LC lc : { LC::NotReady, LC::ReadyForTest, LC::ReadyForCutover })
        QVERIFY(ActionRules::evaluate(Action::StartTest, server(lc, RS::Continuous, true)).allowed);
}

void TestActionRules::startTestNeedsLaunchable()
{
    const auto verdict
        = ActionRules::evaluate(Action::StartTest, server(LC::ReadyForTest, RS::InitialSync, false));
    QVERIFY(!verdict.allowed);
    QVERIFY(verdict.reason.contains(u"lag is unknown"));
}

void TestActionRules::startCutoverAllowedAfterTestingButNotTwice()
{
    QVERIFY(ActionRules::evaluate(Action::StartCutover, server(LC::ReadyForCutover, RS::Continuous, true))
                .allowed);
    QVERIFY(ActionRules::evaluate(Action::StartCutover, server(LC::Testing, RS::Continuous, true)).allowed);
    const auto twice
        = ActionRules::evaluate(Action::StartCutover, server(LC::CuttingOver, RS::Continuous, true));
    QVERIFY(!twice.allowed);
    QVERIFY(twice.reason.contains(u"Cutover in progress"));
    QVERIFY(
        !ActionRules::evaluate(Action::StartCutover, server(LC::Cutover, RS::Disconnected, true)).allowed);
    QVERIFY(!ActionRules::evaluate(Action::StartCutover, server(LC::ReadyForCutover, RS::Continuous, false))
                 .allowed);
}

void TestActionRules::finalizeCutoverOnlyWhileCuttingOver()
{
    QVERIFY(ActionRules::evaluate(Action::FinalizeCutover, server(LC::CuttingOver, RS::Continuous, true))
                .allowed);
    // A launched cutover needs no lag to be finalized.
    QVERIFY(
        ActionRules::evaluate(Action::FinalizeCutover, server(LC::CuttingOver, RS::Stalled, false)).allowed);
    for (const auto &lc : cellValues(knownLifeCycles)) {
        if (lc == LC::CuttingOver)
            continue;
        const auto verdict = ActionRules::evaluate(Action::FinalizeCutover, server(lc, RS::Continuous, true));
        QVERIFY(!verdict.allowed);
        QCOMPARE(verdict.reason, QStringLiteral("only servers with a cutover in progress can be finalized"));
    }
}

void TestActionRules::terminateFollowsTheDocumentedStatesOnly()
{
    for (const LC lc : { LC::Testing, LC::CuttingOver, LC::Cutover }) {
        const auto verdict
            = ActionRules::evaluate(Action::TerminateTargetInstances, server(lc, RS::Continuous, true));
        QVERIFY(!verdict.allowed);
        QVERIFY(verdict.reason.startsWith(u"launched instances cannot be terminated"));
    }
    // No launched instance is reported, and the documentation asks for none.
    auto ready = server(LC::ReadyForCutover, RS::Continuous, true);
    QVERIFY(!ready.launchedInstance);
    QVERIFY(ActionRules::evaluate(Action::TerminateTargetInstances, ready).allowed);
    QVERIFY(ActionRules::evaluate(
        Action::TerminateTargetInstances, server(LC::Disconnected, RS::Disconnected, false))
                .allowed);
    QVERIFY(ActionRules::evaluate(Action::TerminateTargetInstances, server(std::nullopt, std::nullopt, false))
                .allowed);
}

void TestActionRules::startReplicationForStoppedAndDiscoveredServers()
{
    QVERIFY(
        ActionRules::evaluate(Action::StartReplication, server(LC::NotReady, RS::Stopped, false)).allowed);
    QVERIFY(
        ActionRules::evaluate(Action::StartReplication, server(LC::Stopped, std::nullopt, false)).allowed);
    // Agentless servers start here: discovered, nothing replicated yet.
    auto agentless = server(LC::Discovered, std::nullopt, false);
    agentless.replicationType = ReplicationType::SnapshotShipping;
    QVERIFY(ActionRules::evaluate(Action::StartReplication, agentless).allowed);

    const auto replicating
        = ActionRules::evaluate(Action::StartReplication, server(LC::NotReady, RS::InitialSync, false));
    QVERIFY(!replicating.allowed);
    QVERIFY(!replicating.reason.isEmpty());
    QVERIFY(!ActionRules::evaluate(Action::StartReplication, server(LC::Disconnected, RS::Stopped, false))
                 .allowed);
    QVERIFY(!ActionRules::evaluate(Action::StartReplication, server(LC::Discovered, RS::Disconnected, false))
                 .allowed);
    QVERIFY(
        !ActionRules::evaluate(Action::StartReplication, server(std::nullopt, std::nullopt, false)).allowed);
}

void TestActionRules::stopPauseResume()
{
    const auto continuous = server(LC::ReadyForTest, RS::Continuous, true);
    QVERIFY(ActionRules::evaluate(Action::StopReplication, continuous).allowed);
    QVERIFY(ActionRules::evaluate(Action::PauseReplication, continuous).allowed);
    QVERIFY(!ActionRules::evaluate(Action::ResumeReplication, continuous).allowed);

    const auto paused = server(LC::ReadyForTest, RS::Paused, true);
    QVERIFY(ActionRules::evaluate(Action::StopReplication, paused).allowed);
    QCOMPARE(ActionRules::evaluate(Action::PauseReplication, paused).reason,
        QStringLiteral("replication is already paused"));
    QVERIFY(ActionRules::evaluate(Action::ResumeReplication, paused).allowed);

    const auto stopped = server(LC::Stopped, RS::Stopped, false);
    QCOMPARE(ActionRules::evaluate(Action::StopReplication, stopped).reason,
        QStringLiteral("replication is already stopped"));
    QVERIFY(!ActionRules::evaluate(Action::PauseReplication, stopped).allowed);
    QVERIFY(!ActionRules::evaluate(Action::ResumeReplication, stopped).allowed);

    const auto disconnected = server(LC::Disconnected, RS::Disconnected, false);
    for (const Action action :
        { Action::StopReplication, Action::PauseReplication, Action::ResumeReplication })
        QVERIFY(!ActionRules::evaluate(action, disconnected).allowed);

    // No replication state reported: no evidence that anything replicates.
    const auto unknown
        = ActionRules::evaluate(Action::StopReplication, server(LC::NotReady, std::nullopt, false));
    QVERIFY(!unknown.allowed);
    QCOMPARE(unknown.reason, QStringLiteral("the data replication state is not reported"));
}

void TestActionRules::retryOnlyWhenStalledAndNotDisconnectedOrStopped()
{
    QVERIFY(ActionRules::evaluate(Action::RetryDataReplication, server(LC::NotReady, RS::Stalled, false))
                .allowed);
    const auto notStalled
        = ActionRules::evaluate(Action::RetryDataReplication, server(LC::NotReady, RS::InitialSync, false));
    QVERIFY(!notStalled.allowed);
    QCOMPARE(notStalled.reason, QStringLiteral("data replication is not stalled"));
    QVERIFY(!ActionRules::evaluate(Action::RetryDataReplication, server(LC::Disconnected, RS::Stalled, false))
                 .allowed);
    QVERIFY(!ActionRules::evaluate(Action::RetryDataReplication, server(LC::Stopped, RS::Stalled, false))
                 .allowed);
    QVERIFY(!ActionRules::evaluate(Action::RetryDataReplication, server(LC::NotReady, RS::Stopped, false))
                 .allowed);
    QVERIFY(
        !ActionRules::evaluate(Action::RetryDataReplication, server(LC::NotReady, RS::Disconnected, false))
             .allowed);
}

void TestActionRules::changeReplicationTypeToAgentlessNeedsVcenterClient()
{
    auto agent = server(LC::NotReady, RS::InitialSync, false);
    agent.replicationType = ReplicationType::AgentBased;
    QCOMPARE(ActionRules::replicationTypeTarget(agent), ReplicationType::SnapshotShipping);
    const auto refused = ActionRules::evaluate(Action::ChangeReplicationType, agent);
    QVERIFY(!refused.allowed);
    QVERIFY(refused.reason.contains(u"vCenter client"));
    agent.vcenterClientID = QStringLiteral("vcc-1");
    QVERIFY(ActionRules::evaluate(Action::ChangeReplicationType, agent).allowed);
    agent.vcenterClientID = QString();
    QVERIFY(!ActionRules::evaluate(Action::ChangeReplicationType, agent).allowed);

    auto agentless = server(LC::Discovered, std::nullopt, false);
    agentless.replicationType = ReplicationType::SnapshotShipping;
    QCOMPARE(ActionRules::replicationTypeTarget(agentless), ReplicationType::AgentBased);
    QVERIFY(ActionRules::evaluate(Action::ChangeReplicationType, agentless).allowed);

    auto unknown = server(LC::NotReady, RS::InitialSync, false);
    QCOMPARE(ActionRules::replicationTypeTarget(unknown), std::nullopt);
    QCOMPARE(ActionRules::evaluate(Action::ChangeReplicationType, unknown).reason,
        QStringLiteral("the replication type is unknown"));
    unknown.replicationType = EnumValue<ReplicationType>::fromWire(u"FUTURE_TYPE");
    QCOMPARE(ActionRules::replicationTypeTarget(unknown), std::nullopt);
    QVERIFY(!ActionRules::evaluate(Action::ChangeReplicationType, unknown).allowed);
}

void TestActionRules::replicationTypeChangeWithExplicitTarget()
{
    auto s = server(LC::NotReady, RS::InitialSync, false);
    s.replicationType = ReplicationType::AgentBased;
    QCOMPARE(ActionRules::evaluateReplicationTypeChange(s, ReplicationType::AgentBased).reason,
        QStringLiteral("the server already uses this replication type"));
    QVERIFY(!ActionRules::evaluateReplicationTypeChange(s, ReplicationType::SnapshotShipping).allowed);
    QVERIFY(!ActionRules::evaluateReplicationTypeChange(s, ReplicationType::Unrecognized).allowed);
    s.vcenterClientID = QStringLiteral("vcc-1");
    QVERIFY(ActionRules::evaluateReplicationTypeChange(s, ReplicationType::SnapshotShipping).allowed);
    s.replicationType.reset();
    QVERIFY(ActionRules::evaluateReplicationTypeChange(s, ReplicationType::AgentBased).allowed);
}

void TestActionRules::disconnectRefusedWhenAlreadyDisconnected()
{
    QVERIFY(
        ActionRules::evaluate(Action::DisconnectFromService, server(LC::ReadyForTest, RS::Continuous, true))
            .allowed);
    QVERIFY(ActionRules::evaluate(Action::DisconnectFromService, server(std::nullopt, std::nullopt, false))
                .allowed);
    // A finalized cutover: CUTOVER with replication DISCONNECTED.
    const auto finalized
        = ActionRules::evaluate(Action::DisconnectFromService, server(LC::Cutover, RS::Disconnected, false));
    QVERIFY(!finalized.allowed);
    QCOMPARE(finalized.reason, QStringLiteral("already disconnected"));
    QVERIFY(
        !ActionRules::evaluate(Action::DisconnectFromService, server(LC::Disconnected, RS::Stopped, false))
             .allowed);
}

void TestActionRules::archiveOnlyCutOverOrDisconnected()
{
    QVERIFY(
        ActionRules::evaluate(Action::MarkAsArchived, server(LC::Cutover, RS::Disconnected, false)).allowed);
    QVERIFY(ActionRules::evaluate(Action::MarkAsArchived, server(LC::Disconnected, RS::Disconnected, false))
                .allowed);
    for (const LC lc : { LC::ReadyForCutover, LC::CuttingOver, LC::NotReady, LC::Unrecognized }) {
        const auto verdict
            = ActionRules::evaluate(Action::MarkAsArchived, server(lc, RS::Disconnected, false));
        QVERIFY(!verdict.allowed);
        QCOMPARE(
            verdict.reason, QStringLiteral("only servers that are cut over or disconnected can be archived"));
    }
    // The sentence is about lifeCycle.state: a disconnected replication is not enough.
    QVERIFY(!ActionRules::evaluate(Action::MarkAsArchived, server(LC::ReadyForTest, RS::Disconnected, false))
                 .allowed);
}

void TestActionRules::archiveRefusesAlreadyArchived()
{
    const auto verdict
        = ActionRules::evaluate(Action::MarkAsArchived, server(LC::Cutover, RS::Disconnected, false, true));
    QVERIFY(!verdict.allowed);
    QCOMPARE(verdict.reason, QStringLiteral("already archived"));
}

void TestActionRules::deleteOnlyDisconnectedServers()
{
    QVERIFY(
        ActionRules::evaluate(Action::DeleteSourceServer, server(LC::Disconnected, RS::Disconnected, false))
            .allowed);
    QVERIFY(
        ActionRules::evaluate(Action::DeleteSourceServer, server(LC::Cutover, RS::Disconnected, false, true))
            .allowed);
    const auto verdict
        = ActionRules::evaluate(Action::DeleteSourceServer, server(LC::ReadyForTest, RS::Continuous, true));
    QVERIFY(!verdict.allowed);
    QCOMPARE(
        verdict.reason, QStringLiteral("only servers that are disconnected from the service can be deleted"));
    // Exactly where Disconnect refuses as "already disconnected".
    for (const auto &lc : cellValues(knownLifeCycles)) {
        for (const auto &rs : cellValues(knownReplicationStates)) {
            const auto s = server(lc, rs, false);
            QCOMPARE(ActionRules::evaluate(Action::DeleteSourceServer, s).allowed,
                !ActionRules::evaluate(Action::DisconnectFromService, s).allowed);
        }
    }
}

void TestActionRules::deleteVcenterClientIsNotAServerAction()
{
    for (const auto &lc : cellValues(knownLifeCycles)) {
        const auto verdict
            = ActionRules::evaluate(Action::DeleteVcenterClient, server(lc, RS::Continuous, true));
        QVERIFY(!verdict.allowed);
        QCOMPARE(verdict.reason, QStringLiteral("deleting a vCenter client does not act on source servers"));
    }
    VcenterClient client;
    QVERIFY(!ActionRules::evaluateVcenterClientDeletion(client).allowed);
    client.vcenterClientID = QStringLiteral("vcc-0123456789abcdef0");
    QVERIFY(ActionRules::evaluateVcenterClientDeletion(client).allowed);
}

void TestActionRules::unrecognizedStatesFollowTheLiteralWording()
{
    // Negative conditions let an unknown value through ...
    QVERIFY(ActionRules::evaluate(
        Action::TerminateTargetInstances, server(LC::Unrecognized, RS::Continuous, true))
                .allowed);
    QVERIFY(ActionRules::evaluate(Action::StartTest, server(LC::Unrecognized, RS::Continuous, true)).allowed);
    QVERIFY(ActionRules::evaluate(Action::StopReplication, server(LC::NotReady, RS::Unrecognized, false))
                .allowed);
    QVERIFY(ActionRules::evaluate(
        Action::DisconnectFromService, server(LC::Unrecognized, RS::Unrecognized, false))
                .allowed);
    // ... positive ones do not.
    QVERIFY(!ActionRules::evaluate(Action::FinalizeCutover, server(LC::Unrecognized, RS::Continuous, true))
                 .allowed);
    QVERIFY(!ActionRules::evaluate(Action::MarkAsArchived, server(LC::Unrecognized, RS::Disconnected, false))
                 .allowed);
    QVERIFY(!ActionRules::evaluate(Action::ResumeReplication, server(LC::NotReady, RS::Unrecognized, false))
                 .allowed);
    QVERIFY(
        !ActionRules::evaluate(Action::RetryDataReplication, server(LC::NotReady, RS::Unrecognized, false))
             .allowed);
    QVERIFY(
        !ActionRules::evaluate(Action::DeleteSourceServer, server(LC::Unrecognized, RS::Unrecognized, false))
             .allowed);
}

void TestActionRules::bulkBatchesOf200()
{
    const auto servers = eligibleStartTestServers(450);
    const auto evaluation = ActionRules::evaluate(Action::StartTest, servers);
    QCOMPARE(evaluation.action, Action::StartTest);
    QCOMPARE(evaluation.verdicts.size(), 450);
    QCOMPARE(evaluation.eligibleIds.size(), 450);
    QVERIFY(evaluation.refused.isEmpty());
    QVERIFY(evaluation.allAllowed());
    QVERIFY(evaluation.anyAllowed());
    QVERIFY(evaluation.summary.isEmpty());
    QCOMPARE(evaluation.batches.size(), 3);
    QCOMPARE(evaluation.batches.at(0).size(), 200);
    QCOMPARE(evaluation.batches.at(1).size(), 200);
    QCOMPARE(evaluation.batches.at(2).size(), 50);
    QStringList joined;
    for (const auto &batch : evaluation.batches)
        joined << batch;
    QCOMPARE(joined, evaluation.eligibleIds);
    QCOMPARE(evaluation.eligibleIds.first(), servers.first().id());
    QCOMPARE(evaluation.eligibleIds.last(), servers.last().id());
}

void TestActionRules::mixedSelection()
{
    const QList<SourceServer> servers {
        named(server(LC::Cutover, RS::Disconnected, false), QStringLiteral("s-1"), QStringLiteral("web01")),
        named(server(LC::Cutover, RS::Disconnected, false, true), QStringLiteral("s-2"),
            QStringLiteral("web02")),
        named(server(LC::NotReady, RS::InitialSync, false), QStringLiteral("s-3"), QStringLiteral("db01")),
        named(
            server(LC::Disconnected, RS::Disconnected, false), QStringLiteral("s-4"), QStringLiteral("db02")),
    };
    const auto evaluation = ActionRules::evaluate(Action::MarkAsArchived, servers);
    QCOMPARE(evaluation.eligibleIds, (QStringList { QStringLiteral("s-1"), QStringLiteral("s-4") }));
    QCOMPARE(evaluation.refused.size(), 2);
    QCOMPARE(evaluation.refused.at(0).sourceServerID, QStringLiteral("s-2"));
    QCOMPARE(evaluation.refused.at(0).name, QStringLiteral("web02"));
    QCOMPARE(evaluation.refused.at(0).verdict.reason, QStringLiteral("already archived"));
    QCOMPARE(evaluation.refused.at(1).sourceServerID, QStringLiteral("s-3"));
    QCOMPARE(evaluation.refused.at(1).verdict.reason,
        QStringLiteral("only servers that are cut over or disconnected can be archived"));
    QCOMPARE(evaluation.verdicts.size(), 4);
    QCOMPARE(evaluation.verdicts.at(2).name, QStringLiteral("db01"));
    QVERIFY(evaluation.anyAllowed());
    QVERIFY(!evaluation.allAllowed());
    // Fan-out: one call per server.
    QCOMPARE(
        evaluation.batches, (QList<QStringList> { { QStringLiteral("s-1") }, { QStringLiteral("s-4") } }));
    QCOMPARE(evaluation.summary,
        QStringLiteral("2 of the 4 selected servers are eligible; skipped: already archived (web02); "
                       "only servers that are cut over or disconnected can be archived (db01)."));
}

void TestActionRules::fanOutActionsHaveBatchSizeOne()
{
    for (const auto &rule : ActionRules::allRules()) {
        const bool bulk = rule.action == Action::StartTest || rule.action == Action::StartCutover
            || rule.action == Action::TerminateTargetInstances;
        QCOMPARE(rule.maxIdsPerCall, bulk ? 200 : 1);
    }
    QList<SourceServer> servers;
    for (int i = 0; i < 3; ++i)
        servers << named(server(LC::NotReady, RS::InitialSync, false), QStringLiteral("s-%1").arg(i),
            QStringLiteral("h%1").arg(i));
    const auto evaluation = ActionRules::evaluate(Action::DisconnectFromService, servers);
    QCOMPARE(evaluation.eligibleIds.size(), 3);
    QCOMPARE(evaluation.batches.size(), 3);
    for (const auto &batch : evaluation.batches)
        QCOMPARE(batch.size(), 1);
}

void TestActionRules::noneAllowedSummary()
{
    const QList<SourceServer> servers {
        named(server(LC::NotReady, RS::InitialSync, false), QStringLiteral("s-1"), QStringLiteral("a")),
        named(server(LC::ReadyForTest, RS::Continuous, true), QStringLiteral("s-2"), QStringLiteral("b")),
        named(server(LC::Testing, RS::Continuous, true), QStringLiteral("s-3"), QStringLiteral("c")),
    };
    const auto evaluation = ActionRules::evaluate(Action::MarkAsArchived, servers);
    QVERIFY(!evaluation.anyAllowed());
    QVERIFY(!evaluation.allAllowed());
    QVERIFY(evaluation.batches.isEmpty());
    QCOMPARE(evaluation.summary,
        QStringLiteral("None of the 3 selected servers can be archived: only servers that are cut "
                       "over or disconnected can be archived (a, b, c)."));
}

void TestActionRules::singleServerSummary()
{
    const auto evaluation = ActionRules::evaluate(
        Action::StartTest, QList<SourceServer> { server(LC::NotReady, RS::InitialSync, false) });
    QCOMPARE(evaluation.summary,
        QStringLiteral("Lag is unknown: replication has not reached a launchable state."));
}

void TestActionRules::manyRefusedNamesAreShortened()
{
    QList<SourceServer> servers;
    for (int i = 1; i <= 5; ++i)
        servers << named(server(LC::NotReady, RS::InitialSync, false), QStringLiteral("s-%1").arg(i),
            QStringLiteral("h%1").arg(i));
    const auto evaluation = ActionRules::evaluate(Action::FinalizeCutover, servers);
    QCOMPARE(evaluation.summary,
        QStringLiteral("None of the 5 selected servers has a cutover to finalize: only servers with "
                       "a cutover in progress can be finalized (h1, h2, h3 and 2 more)."));
}

void TestActionRules::emptySelection()
{
    const auto evaluation = ActionRules::evaluate(Action::StartTest, QList<SourceServer> {});
    QVERIFY(evaluation.verdicts.isEmpty());
    QVERIFY(!evaluation.allAllowed());
    QVERIFY(!evaluation.anyAllowed());
    QVERIFY(evaluation.batches.isEmpty());
    QCOMPARE(evaluation.summary, QStringLiteral("No source server is selected."));
}

void TestActionRules::duplicateAndMissingIds()
{
    const auto ok
        = named(server(LC::ReadyForTest, RS::Continuous, true), QStringLiteral("s-1"), QStringLiteral("a"));
    auto noId = named(server(LC::ReadyForTest, RS::Continuous, true), QString(), QStringLiteral("b"));
    noId.sourceServerID.reset();
    const auto evaluation = ActionRules::evaluate(Action::StartTest, { ok, ok, noId });
    QCOMPARE(evaluation.verdicts.size(), 2);
    QCOMPARE(evaluation.eligibleIds, QStringList { QStringLiteral("s-1") });
    QCOMPARE(evaluation.refused.size(), 1);
    QCOMPARE(evaluation.refused.first().name, QStringLiteral("b"));
    QCOMPARE(evaluation.refused.first().verdict.reason, QStringLiteral("the server has no source server ID"));
}

void TestActionRules::vcenterClientActionOverServers()
{
    const auto evaluation = ActionRules::evaluate(Action::DeleteVcenterClient,
        { named(server(LC::Discovered, std::nullopt, false), QStringLiteral("s-1"), QStringLiteral("a")),
            named(server(LC::NotReady, RS::Continuous, true), QStringLiteral("s-2"), QStringLiteral("b")) });
    QVERIFY(!evaluation.anyAllowed());
    QCOMPARE(evaluation.summary,
        QStringLiteral("Deleting a vCenter client does not act on the 2 selected servers."));
}

void TestActionRules::batchesHelper()
{
    const QStringList ids { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") };
    QCOMPARE(ActionRules::batches(ids, 2),
        (QList<QStringList> { { QStringLiteral("a"), QStringLiteral("b") }, { QStringLiteral("c") } }));
    QCOMPARE(ActionRules::batches(ids, 1).size(), 3);
    QCOMPARE(ActionRules::batches(ids, 0).size(), 3);
    QCOMPARE(ActionRules::batches(ids, 200), QList<QStringList> { ids });
    QVERIFY(ActionRules::batches({}, 200).isEmpty());
}

QTEST_GUILESS_MAIN(TestActionRules)
#include "tst_actionrules.moc"
