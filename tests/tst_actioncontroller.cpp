#include "app/aws/AwsTransport.h"
#include "app/mgn/MgnClient.h"
#include "tests/support/ServerBuilder.h"
#include "tests/support/TestHttpServer.h"
#include "ui/ActionController.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

#include <memory>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;
using mgn::Action;
using LC = mgn::LifeCycleState;
using RS = mgn::DataReplicationState;

class TestActionController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void disabledWithoutClient();
    void enablementFollowsTheRules_data();
    void enablementFollowsTheRules();
    void menusGroupLikeTheConsole();
    void destructiveActionAsksFirst();
    void acceptedActionUpdatesTheServer();
    void refusalIsReported();
    void bulkJobCallsIn200s();

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<MgnClient> m_client;
    std::unique_ptr<QWidget> m_window;
    std::unique_ptr<ActionController> m_controller;
    QStringList m_confirmations;
    bool m_confirmAnswer = true;
};

void TestActionController::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    AwsTransport::Options options;
    options.region = u"us-east-1"_s;
    m_transport = std::make_unique<AwsTransport>(options);
    m_transport->setCredentials({ u"AKIDEXAMPLE"_s, u"static-secret"_s, std::nullopt, std::nullopt });
    m_transport->setScheduler(
        [](std::chrono::milliseconds, QObject *, std::function<void()> fire) { fire(); });
    m_client = std::make_unique<MgnClient>(m_transport.get(), m_server->url());
    m_window = std::make_unique<QWidget>();
    m_controller = std::make_unique<ActionController>(m_window.get());
    m_confirmations.clear();
    m_confirmAnswer = true;
    m_controller->setConfirm([this](const QString &title, const QString &text) {
        m_confirmations.append(title + u'\n' + text);
        return m_confirmAnswer;
    });
    m_controller->setClient(m_client.get());
}

void TestActionController::cleanup()
{
    m_controller.reset();
    m_window.reset();
    m_client.reset();
    m_transport.reset();
    m_server.reset();
}

void TestActionController::disabledWithoutClient()
{
    m_controller->setClient(nullptr);
    m_controller->setSelection(
        { ServerBuilder(u"s-1"_s).lifeCycle(LC::ReadyForTest).replication(RS::Continuous).lagMs(1) });
    for (const auto &rule : ActionRules::allRules()) {
        if (QAction *action = m_controller->action(rule.action)) {
            QVERIFY(!action->isEnabled());
            QCOMPARE(action->toolTip(), u"Not connected to the service."_s);
        }
    }
}

void TestActionController::enablementFollowsTheRules_data()
{
    QTest::addColumn<QList<mgn::SourceServer>>("selection");
    QTest::newRow("nothing") << QList<mgn::SourceServer> {};
    const QList<std::pair<LC, RS>> states = { { LC::NotReady, RS::InitialSync },
        { LC::ReadyForTest, RS::Continuous }, { LC::Testing, RS::Continuous },
        { LC::ReadyForCutover, RS::Continuous }, { LC::CuttingOver, RS::Continuous },
        { LC::Cutover, RS::Disconnected }, { LC::Disconnected, RS::Disconnected },
        { LC::Stopped, RS::Stopped }, { LC::ReadyForTest, RS::Paused }, { LC::ReadyForTest, RS::Stalled },
        { LC::Discovered, RS::Unrecognized } };
    int i = 0;
    QList<mgn::SourceServer> all;
    for (const auto &[lc, rs] : states) {
        ServerBuilder builder(u"s-%1"_s.arg(++i));
        builder.lifeCycle(lc).replicationType(mgn::ReplicationType::AgentBased);
        if (rs != RS::Unrecognized)
            builder.replication(rs);
        if (rs == RS::Continuous)
            builder.lagMs(1000);
        if (lc == LC::Testing || lc == LC::CuttingOver || lc == LC::ReadyForCutover)
            builder.launched(u"i-0123456789abcdef0"_s);
        const mgn::SourceServer server = builder;
        all.append(server);
        const QString name = QString::fromLatin1(mgn::EnumValue<LC>::wireName(lc)) + u" / "_s
            + (rs == RS::Unrecognized ? u"none"_s : QString(mgn::EnumValue<RS>::wireName(rs)));
        QTest::newRow(qPrintable(name)) << QList<mgn::SourceServer> { server };
    }
    QTest::newRow("all of them") << all;
    QTest::newRow("archived") << QList<mgn::SourceServer> {
        ServerBuilder(u"s-a"_s).lifeCycle(LC::Disconnected).replication(RS::Disconnected).archived()
    };
}

void TestActionController::enablementFollowsTheRules()
{
    QFETCH(QList<mgn::SourceServer>, selection);
    m_controller->setSelection(selection);
    int checked = 0;
    for (const auto &rule : ActionRules::allRules()) {
        QAction *action = m_controller->action(rule.action);
        if (rule.scope != ActionRules::Scope::SourceServer) {
            QVERIFY(!action);
            continue;
        }
        QVERIFY(action);
        const ActionRules::Evaluation expected = ActionRules::evaluate(rule.action, selection);
        bool allowed = expected.anyAllowed();
        if (rule.action == Action::ChangeReplicationType) {
            allowed = false;
            for (const auto &server : selection)
                allowed = allowed
                    || (expected.eligibleIds.contains(server.id())
                        && ActionRules::replicationTypeTarget(server).has_value());
        }
        QVERIFY2(action->isEnabled() == allowed, rule.apiCall.data());
        if (!expected.summary.isEmpty() && rule.action != Action::ChangeReplicationType)
            QCOMPARE(action->toolTip(), expected.summary);
        ++checked;
    }
    QCOMPARE(checked, 15);
}

void TestActionController::menusGroupLikeTheConsole()
{
    const QList<QMenu *> menus = m_controller->createMenus(m_window.get());
    QCOMPARE(menus.size(), 3);
    int entries = 0;
    for (QMenu *menu : menus)
        entries += int(menu->actions().size());
    QCOMPARE(entries, 15);
    QVERIFY(menus.at(1)->actions().contains(m_controller->action(Action::StartTest)));
    // No destructive action has a shortcut (Del is not bound to any).
    for (const auto &rule : ActionRules::allRules()) {
        if (QAction *action = m_controller->action(rule.action))
            QVERIFY(action->shortcut().isEmpty());
    }
}

void TestActionController::destructiveActionAsksFirst()
{
    m_controller->setSelection({ ServerBuilder(u"s-1"_s)
                                     .hostname(u"web-01"_s)
                                     .lifeCycle(LC::CuttingOver)
                                     .replication(RS::Continuous)
                                     .lagMs(1)
                                     .launched(u"i-1"_s) });
    QAction *finalize = m_controller->action(Action::FinalizeCutover);
    QVERIFY(finalize->isEnabled());
    m_confirmAnswer = false;
    finalize->trigger();
    QCOMPARE(m_confirmations.size(), 1);
    QVERIFY2(m_confirmations.first().contains(u"web-01 (s-1)"_s), qPrintable(m_confirmations.first()));
    QVERIFY(m_confirmations.first().contains(ActionRules::rule(Action::FinalizeCutover).consequence()));
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 0);
}

void TestActionController::acceptedActionUpdatesTheServer()
{
    m_server->enqueue(TestHttpServer::Response::json(200,
        R"({"sourceServerID":"s-1","lifeCycle":{"state":"READY_FOR_CUTOVER"},"dataReplicationInfo":{"dataReplicationState":"CONTINUOUS","lagDuration":"PT1S"}})"));
    m_controller->setSelection({ ServerBuilder(u"s-1"_s)
                                     .lifeCycle(LC::Testing)
                                     .replication(RS::Continuous)
                                     .lagMs(1)
                                     .launched(u"i-1"_s) });
    QSignalSpy updated(m_controller.get(), &ActionController::serversUpdated);
    QSignalSpy finished(m_controller.get(), &ActionController::actionFinished);
    m_controller->action(Action::MarkReadyForCutover)->trigger();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(updated.size(), 1);
    const auto servers = updated.first().first().value<QList<mgn::SourceServer>>();
    QCOMPARE(servers.first().lifeCycleState(), LC::ReadyForCutover);
    const QJsonObject body = QJsonDocument::fromJson(m_server->requests().first().body).object();
    QCOMPARE(m_server->requests().first().path, QByteArray("/ChangeServerLifeCycleState"));
    QCOMPARE(body.value("lifeCycle"_L1).toObject().value("state"_L1).toString(), u"READY_FOR_CUTOVER"_s);
    QVERIFY(m_confirmations.isEmpty()); // not destructive
}

void TestActionController::refusalIsReported()
{
    m_server->enqueue(TestHttpServer::Response::awsError(409, "ConflictException",
        R"({"message":"Source server s-1 cannot be paused now","code":"ConflictException"})"));
    m_controller->setSelection(
        { ServerBuilder(u"s-1"_s).lifeCycle(LC::ReadyForTest).replication(RS::Continuous).lagMs(1) });
    QSignalSpy finished(m_controller.get(), &ActionController::actionFinished);
    QSignalSpy message(m_controller.get(), &ActionController::message);
    QAction *pause = m_controller->action(Action::PauseReplication);
    QVERIFY(pause->isEnabled());
    pause->trigger();
    QTRY_COMPARE(finished.size(), 1);
    const auto outcomes = finished.first().at(1).value<QList<BulkOutcome>>();
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.first().error->kind, AwsError::Kind::Conflict);
    QVERIFY(outcomes.first().error->userMessage().contains(u"cannot be paused now"_s));
    QVERIFY(message.first().first().toString().contains(u"1 of 1 call(s) failed"_s));
}

void TestActionController::bulkJobCallsIn200s()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        return TestHttpServer::Response::json(202, R"({"job":{"jobID":"mgnjob-1"}})");
    });
    QList<mgn::SourceServer> selection;
    for (int i = 0; i < 250; ++i)
        selection.append(
            ServerBuilder(u"s-%1"_s.arg(i)).lifeCycle(LC::ReadyForTest).replication(RS::Continuous).lagMs(1));
    m_controller->setSelection(selection);
    QSignalSpy jobs(m_controller.get(), &ActionController::jobStarted);
    QSignalSpy finished(m_controller.get(), &ActionController::actionFinished);
    m_controller->action(Action::StartTest)->trigger();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(jobs.size(), 2);
}

QTEST_MAIN(TestActionController)
#include "tst_actioncontroller.moc"
