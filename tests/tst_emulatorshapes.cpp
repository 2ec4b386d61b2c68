#include "app/aws/FixedClock.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/MgnService.h"
#include "models/rules/ActionRules.h"
#include "tests/support/ApiShapeValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

// Every operation the client uses, called on the emulator's service; each
// success body is checked against the operation's output shape in the API
// model, and each error body against its error shape.
class TestEmulatorShapes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validatorCatchesMistakes_data();
    void validatorCatchesMistakes();
    void everyOperation();
    void everyServerOfABigFleet();

private:
    void expectValid(const QString &operation, const EmulatorRequest &request, int status);
    EmulatorRequest post(const QString &operation, const QJsonObject &body) const;
    QString idWhere(const std::function<bool(const mgn::SourceServer &)> &predicate) const;

    std::unique_ptr<ApiShapeValidator> m_model;
    std::shared_ptr<FixedClock> m_clock;
    std::unique_ptr<MgnService> m_service;
    QSet<QString> m_covered;
};

void TestEmulatorShapes::initTestCase()
{
    m_model = std::make_unique<ApiShapeValidator>(QStringLiteral(MGN_API_MODEL_DIR) + u"/service-2.json"_s);
    QVERIFY(m_model->isLoaded());
    m_clock = std::make_shared<FixedClock>(QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC));
    MgnService::Options options;
    options.servers = 120;
    options.seed = 5;
    options.speed = 60;
    m_service = std::make_unique<MgnService>(options, m_clock);
}

EmulatorRequest TestEmulatorShapes::post(const QString &operation, const QJsonObject &body) const
{
    return EmulatorRequest { "POST", "/" + operation.toLatin1(), {},
        { { "Content-Type", "application/json" } }, QJsonDocument(body).toJson(QJsonDocument::Compact) };
}

QString TestEmulatorShapes::idWhere(const std::function<bool(const mgn::SourceServer &)> &predicate) const
{
    for (const FleetServer &entry : m_service->fleet().servers) {
        if (predicate(entry.server))
            return entry.server.id();
    }
    return {};
}

void TestEmulatorShapes::expectValid(const QString &operation, const EmulatorRequest &request, int status)
{
    const EmulatorResponse response = m_service->handle(request);
    QVERIFY2(response.status == status,
        qPrintable(operation + u": HTTP "_s + QString::number(response.status) + u' '
            + QString::fromUtf8(response.body)));
    const QJsonObject op = m_model->operation(operation);
    QVERIFY2(!op.isEmpty(), qPrintable(operation));
    QString shape = op.value("output"_L1).toObject().value("shape"_L1).toString();
    if (status >= 400) {
        for (const auto &[name, value] : response.headers) {
            if (name.compare("x-amzn-ErrorType", Qt::CaseInsensitive) == 0)
                shape = QString::fromLatin1(value);
        }
    }
    if (shape.isEmpty()) {
        QVERIFY2(response.body.isEmpty() || response.body == "{}", qPrintable(operation));
        m_covered.insert(operation);
        return;
    }
    const QJsonValue body = QJsonDocument::fromJson(response.body).object();
    const QStringList problems = m_model->validate(body, shape);
    QVERIFY2(problems.isEmpty(), qPrintable(operation + u":\n"_s + problems.mid(0, 10).join(u'\n')));
    m_covered.insert(operation);
}

void TestEmulatorShapes::validatorCatchesMistakes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("problem");
    QTest::newRow("wrong type") << QByteArray(R"({"items":[{"sourceServerID":5}]})")
                                << u"$.items[0].sourceServerID: expected a string"_s;
    QTest::newRow("unknown member") << QByteArray(R"({"items":[{"sourceServerId":"s-1"}]})")
                                    << u"unknown member sourceServerId"_s;
    QTest::newRow("bad enum") << QByteArray(R"({"items":[{"replicationType":"MAGIC"}]})")
                              << u"not a value of the enum: MAGIC"_s;
    QTest::newRow("not a list") << QByteArray(R"({"items":{}})") << u"$.items: expected an array"_s;
    QTest::newRow("fraction") << QByteArray(R"({"items":[{"sourceProperties":{"ramBytes":1.5}}]})")
                              << u"expected an integer"_s;
}

void TestEmulatorShapes::validatorCatchesMistakes()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, problem);
    const QStringList problems
        = m_model->validate(QJsonDocument::fromJson(body).object(), u"DescribeSourceServersResponse"_s);
    QVERIFY2(!problems.isEmpty() && problems.first().contains(problem), qPrintable(problems.join(u'\n')));
}

void TestEmulatorShapes::everyOperation()
{
    using LC = mgn::LifeCycleState;
    expectValid(u"InitializeService"_s, post(u"InitializeService"_s, {}), 204);
    expectValid(
        u"DescribeSourceServers"_s, post(u"DescribeSourceServers"_s, { { "maxResults"_L1, 1000 } }), 200);
    expectValid(u"DescribeVcenterClients"_s,
        EmulatorRequest { "GET", "/DescribeVcenterClients", "maxResults=50", {}, {} }, 200);
    expectValid(u"DescribeJobs"_s, post(u"DescribeJobs"_s, {}), 200);

    const QString testable = idWhere([](const mgn::SourceServer &s) {
        return s.lifeCycleState() == LC::ReadyForTest && s.lag() && !s.archived();
    });
    QVERIFY(!testable.isEmpty());
    const EmulatorResponse started
        = m_service->handle(post(u"StartTest"_s, { { "sourceServerIDs"_L1, QJsonArray { testable } } }));
    QCOMPARE(started.status, 202);
    QVERIFY(
        m_model->validate(QJsonDocument::fromJson(started.body).object(), u"StartTestResponse"_s).isEmpty());
    m_covered.insert(u"StartTest"_s);
    const QString jobId = QJsonDocument::fromJson(started.body)
                              .object()
                              .value("job"_L1)
                              .toObject()
                              .value("jobID"_L1)
                              .toString();
    m_clock->advance(std::chrono::seconds(30));
    expectValid(u"DescribeJobs"_s,
        post(u"DescribeJobs"_s, { { "filters"_L1, QJsonObject { { "jobIDs"_L1, QJsonArray { jobId } } } } }),
        200);
    expectValid(u"DescribeJobLogItems"_s, post(u"DescribeJobLogItems"_s, { { "jobID"_L1, jobId } }), 200);

    const QString testing
        = idWhere([](const mgn::SourceServer &s) { return s.lifeCycleState() == LC::Testing; });
    QVERIFY(!testing.isEmpty());
    expectValid(u"ChangeServerLifeCycleState"_s,
        post(u"ChangeServerLifeCycleState"_s,
            { { "sourceServerID"_L1, testing },
                { "lifeCycle"_L1, QJsonObject { { "state"_L1, u"READY_FOR_CUTOVER"_s } } } }),
        200);
    const QString launched = idWhere([](const mgn::SourceServer &s) {
        return s.launchedInstance && s.launchedInstance->ec2InstanceID
            && s.lifeCycleState() == LC::ReadyForCutover;
    });
    if (!launched.isEmpty())
        expectValid(u"TerminateTargetInstances"_s,
            post(u"TerminateTargetInstances"_s, { { "sourceServerIDs"_L1, QJsonArray { launched } } }), 202);
    const QString cutoverReady = idWhere(
        [](const mgn::SourceServer &s) { return s.lifeCycleState() == LC::ReadyForCutover && s.lag(); });
    expectValid(u"StartCutover"_s,
        post(u"StartCutover"_s, { { "sourceServerIDs"_L1, QJsonArray { cutoverReady } } }), 202);
    const QString cuttingOver
        = idWhere([](const mgn::SourceServer &s) { return s.lifeCycleState() == LC::CuttingOver; });
    expectValid(
        u"FinalizeCutover"_s, post(u"FinalizeCutover"_s, { { "sourceServerID"_L1, cuttingOver } }), 200);
    expectValid(
        u"MarkAsArchived"_s, post(u"MarkAsArchived"_s, { { "sourceServerID"_L1, cuttingOver } }), 200);

    const QString continuous = idWhere([](const mgn::SourceServer &s) {
        return s.replicationState() == mgn::DataReplicationState::Continuous && !s.archived()
            && s.replicationType && *s.replicationType == mgn::ReplicationType::AgentBased;
    });
    expectValid(
        u"PauseReplication"_s, post(u"PauseReplication"_s, { { "sourceServerID"_L1, continuous } }), 200);
    expectValid(
        u"ResumeReplication"_s, post(u"ResumeReplication"_s, { { "sourceServerID"_L1, continuous } }), 200);
    expectValid(
        u"StopReplication"_s, post(u"StopReplication"_s, { { "sourceServerID"_L1, continuous } }), 200);
    expectValid(
        u"StartReplication"_s, post(u"StartReplication"_s, { { "sourceServerID"_L1, continuous } }), 200);
    const QString stalled = idWhere([](const mgn::SourceServer &s) {
        return s.replicationState() == mgn::DataReplicationState::Stalled && !s.archived();
    });
    if (!stalled.isEmpty())
        expectValid(u"RetryDataReplication"_s,
            post(u"RetryDataReplication"_s, { { "sourceServerID"_L1, stalled } }), 200);
    const QString disconnectable = idWhere([](const mgn::SourceServer &s) {
        return (s.lifeCycleState() == LC::NotReady || s.lifeCycleState() == LC::ReadyForTest)
            && !s.archived();
    });
    expectValid(u"DisconnectFromService"_s,
        post(u"DisconnectFromService"_s, { { "sourceServerID"_L1, disconnectable } }), 200);
    expectValid(u"DeleteSourceServer"_s,
        post(u"DeleteSourceServer"_s, { { "sourceServerID"_L1, disconnectable } }), 204);
    const QString agent = idWhere([](const mgn::SourceServer &s) {
        return mgn::ActionRules::evaluateReplicationTypeChange(s, mgn::ReplicationType::SnapshotShipping)
            .allowed;
    });
    if (!agent.isEmpty())
        expectValid(u"UpdateSourceServerReplicationType"_s,
            post(u"UpdateSourceServerReplicationType"_s,
                { { "sourceServerID"_L1, agent }, { "replicationType"_L1, u"SNAPSHOT_SHIPPING"_s } }),
            200);

    const QString arn = m_service->fleet().servers.front().server.arn.value_or(QString());
    const QByteArray tagsPath = "/tags/" + QUrl::toPercentEncoding(arn);
    expectValid(
        u"TagResource"_s, EmulatorRequest { "POST", tagsPath, {}, {}, R"({"tags":{"wave":"9"}})" }, 200);
    expectValid(u"ListTagsForResource"_s, EmulatorRequest { "GET", tagsPath, {}, {}, {} }, 200);
    expectValid(u"UntagResource"_s, EmulatorRequest { "DELETE", tagsPath, "tagKeys=wave", {}, {} }, 200);
    if (!m_service->fleet().vcenterClients.isEmpty()) {
        const QString vcenter = m_service->fleet().vcenterClients.first().vcenterClientID.value_or(QString());
        const EmulatorResponse deleted
            = m_service->handle(post(u"DeleteVcenterClient"_s, { { "vcenterClientID"_L1, vcenter } }));
        QVERIFY2(deleted.status == 204 || deleted.status == 200, deleted.body.constData());
        m_covered.insert(u"DeleteVcenterClient"_s);
    }

    // Errors have their shapes too.
    expectValid(u"FinalizeCutover"_s, post(u"FinalizeCutover"_s, { { "sourceServerID"_L1, testable } }), 409);
    expectValid(u"MarkAsArchived"_s,
        post(u"MarkAsArchived"_s, { { "sourceServerID"_L1, u"s-00000000000000000"_s } }), 404);
    expectValid(
        u"DescribeSourceServers"_s, post(u"DescribeSourceServers"_s, { { "maxResults"_L1, 1001 } }), 400);

    qInfo("operations checked: %lld", qlonglong(m_covered.size()));
    QVERIFY(m_covered.size() >= 20);
}

void TestEmulatorShapes::everyServerOfABigFleet()
{
    // Every generated state, every member: all 120 servers after some simulated time.
    m_clock->advance(std::chrono::minutes(5));
    const EmulatorResponse response = m_service->handle(post(u"DescribeSourceServers"_s, {}));
    QCOMPARE(response.status, 200);
    const QStringList problems = m_model->validate(
        QJsonDocument::fromJson(response.body).object(), u"DescribeSourceServersResponse"_s);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 10).join(u'\n')));
}

QTEST_GUILESS_MAIN(TestEmulatorShapes)
#include "tst_emulatorshapes.moc"
