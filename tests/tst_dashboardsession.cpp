#include "app/aws/AwsCredentials.h"
#include "app/mgn/MgnConnection.h"
#include "app/services/DashboardSession.h"
#include "app/services/JobTracker.h"
#include "app/services/LagHistory.h"
#include "app/services/RefreshService.h"
#include "models/itemmodels/SourceServerTableModel.h"
#include "tests/support/TestHttpServer.h"

#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

namespace {

// A server of `account` with a replication lag of `lagSeconds`.
QByteArray serverJson(const QByteArray &id, const QByteArray &account, int lagSeconds)
{
    return R"({"sourceServerID":")" + id + R"(","arn":"arn:aws:mgn:us-east-1:)" + account
        + R"(:source-server/)" + id
        + R"(","dataReplicationInfo":{"dataReplicationState":"CONTINUOUS","lagDuration":"PT)"
        + QByteArray::number(lagSeconds) + R"(S"}})";
}

} // namespace

// The dashboard's session without any widget: connection, fleet, refresh,
// lag history and account, driven as the window drives it.
class TestDashboardSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void setConnectionStartsARefresh();
    void openConnectionResolvesTheProfile();
    void refreshDeliversPagesThenFinishes();
    void failureIsReportedAndKeepsTheFleet();
    void otherAccountEmptiesTheFleet();
    void lagHistoryIsFedPerRefreshAndPersists();
    void autoRefreshIntervalReachesTheRefresh();

private:
    // Two pages of servers of m_account (s-1 on the first, s-2 and s-3 on
    // the second), or m_failure while it is set.
    TestHttpServer::Response answer(const TestHttpServer::Request &request) const;
    MgnConnection *connectDirect(TestHttpServer &server);
    // Refreshes and waits for the end; false when it never ends.
    bool refreshAndWait();

    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DashboardSession> m_session;
    std::unique_ptr<MgnConnection> m_connection;
    QByteArray m_account = "111122223333";
    int m_lagSeconds = 10;
    bool m_failure = false;
};

void TestDashboardSession::init()
{
    m_account = "111122223333";
    m_lagSeconds = 10;
    m_failure = false;
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_server->setHandler([this](const TestHttpServer::Request &request) { return answer(request); });
    m_dir = std::make_unique<QTemporaryDir>();
    // No configuration of this machine: files of this test, keys of the environment.
    QFile config(m_dir->filePath(u"config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[default]\nregion = us-east-1\n");
    config.close();
    qputenv("AWS_CONFIG_FILE", m_dir->filePath(u"config"_s).toLocal8Bit());
    qputenv("AWS_SHARED_CREDENTIALS_FILE", m_dir->filePath(u"credentials"_s).toLocal8Bit());
    qputenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    qputenv("AWS_SECRET_ACCESS_KEY", "static-secret");
    for (const char *name : { "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL" })
        qunsetenv(name);
    m_session = std::make_unique<DashboardSession>(m_dir->filePath(u"lag-history.bin"_s));
}

void TestDashboardSession::cleanup()
{
    m_session.reset();
    m_connection.reset();
    m_server.reset();
    m_dir.reset();
    for (const char *name :
        { "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
        qunsetenv(name);
}

TestHttpServer::Response TestDashboardSession::answer(const TestHttpServer::Request &request) const
{
    if (request.path != "/DescribeSourceServers")
        return TestHttpServer::Response::json(200, R"({"items":[]})");
    if (m_failure) {
        return TestHttpServer::Response::awsError(403, "AccessDeniedException",
            R"({"message":"User is not authorized to perform: mgn:DescribeSourceServers"})");
    }
    if (!request.body.contains("\"nextToken\"")) {
        return TestHttpServer::Response::json(
            200, R"({"items":[)" + serverJson("s-1", m_account, m_lagSeconds) + R"(],"nextToken":"page2"})");
    }
    return TestHttpServer::Response::json(200,
        R"({"items":[)" + serverJson("s-2", m_account, m_lagSeconds) + ','
            + serverJson("s-3", m_account, m_lagSeconds) + "]}");
}

MgnConnection *TestDashboardSession::connectDirect(TestHttpServer &server)
{
    m_connection.reset(MgnConnection::openDirect(
        server.url(), u"us-east-1"_s, { u"AKIADEMO"_s, u"demo-secret"_s, std::nullopt, std::nullopt }));
    return m_connection.get();
}

bool TestDashboardSession::refreshAndWait()
{
    QSignalSpy finished(m_session.get(), &DashboardSession::refreshFinished);
    m_session->refresh();
    return finished.wait(10000);
}

void TestDashboardSession::setConnectionStartsARefresh()
{
    QSignalSpy changed(m_session.get(), &DashboardSession::connectionChanged);
    QSignalSpy started(m_session.get(), &DashboardSession::refreshStarted);
    QSignalSpy finished(m_session.get(), &DashboardSession::refreshFinished);
    QVERIFY(!m_session->connection());
    QVERIFY(!m_session->refreshService());
    m_session->refresh(); // disconnected: nothing happens
    QCOMPARE(started.size(), 0);

    MgnConnection *connection = connectDirect(*m_server);
    m_session->setConnection(connection);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_session->connection(), connection);
    QCOMPARE(m_session->client(), connection->client());
    QVERIFY(m_session->refreshService());
    QVERIFY(m_session->jobTracker());
    QCOMPARE(started.size(), 1);
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_session->servers()->rowCount(), 3);

    m_session->setConnection(nullptr);
    QCOMPARE(changed.size(), 2);
    QVERIFY(!m_session->connection());
    QVERIFY(!m_session->client());
    QVERIFY(!m_session->refreshService());
    QVERIFY(!m_session->jobTracker());
    // What was listed stays until another account is opened.
    QCOMPARE(m_session->servers()->rowCount(), 3);
}

void TestDashboardSession::openConnectionResolvesTheProfile()
{
    QFile config(m_dir->filePath(u"config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[default]\nregion = eu-west-1\n[profile staging]\nregion = eu-central-1\n");
    config.close();
    QVERIFY(DashboardSession::profileNames().contains(u"staging"_s));

    QSignalSpy opened(m_session.get(), &DashboardSession::connectionOpened);
    QSignalSpy failed(m_session.get(), &DashboardSession::connectionFailed);
    QSignalSpy finished(m_session.get(), &DashboardSession::refreshFinished);
    QVERIFY(m_session->openConnection({}, {}, m_server->url().toString()));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().at(0).toString(), u"default"_s);
    QCOMPARE(opened.first().at(1).toString(), u"eu-west-1"_s);
    QCOMPARE(m_session->endpointUrl(), m_server->url().toString());
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_session->servers()->rowCount(), 3);
    QVERIFY(m_server->requests().last().header("Authorization").contains("/eu-west-1/mgn/"));

    // A profile that does not exist: said so, and the connection stays.
    MgnConnection *before = m_session->connection();
    QVERIFY(!m_session->openConnection(u"no-such-profile"_s, {}, {}));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(u"could not be found"_s),
        qPrintable(failed.first().first().toString()));
    QCOMPARE(m_session->connection(), before);
    QCOMPARE(m_session->servers()->rowCount(), 3);
}

void TestDashboardSession::refreshDeliversPagesThenFinishes()
{
    QStringList events;
    connect(m_session.get(), &DashboardSession::refreshStarted, this, [&] { events << u"started"_s; });
    connect(m_session.get(), &DashboardSession::pageArrived, this,
        [&](const QList<mgn::SourceServer> &servers, const PagingProgress &progress) {
            // Each page is in the fleet when it is announced.
            for (const mgn::SourceServer &server : servers)
                QVERIFY(m_session->servers()->rowOf(server.id()) >= 0);
            events << u"page %1: %2"_s.arg(progress.pages).arg(servers.size());
        });
    connect(m_session.get(), &DashboardSession::refreshSucceeded, this,
        [&](const QList<mgn::SourceServer> &servers) { events << u"succeeded: %1"_s.arg(servers.size()); });
    connect(m_session.get(), &DashboardSession::refreshFailed, this, [&] { events << u"failed"_s; });
    connect(m_session.get(), &DashboardSession::refreshFinished, this, [&] { events << u"finished"_s; });
    QSignalSpy finished(m_session.get(), &DashboardSession::refreshFinished);
    m_session->setConnection(connectDirect(*m_server));
    QVERIFY(finished.wait(10000));
    QCOMPARE(events,
        (QStringList { u"started"_s, u"page 1: 1"_s, u"page 2: 2"_s, u"succeeded: 3"_s, u"finished"_s }));
    QCOMPARE(m_session->servers()->rowCount(), 3);
    QVERIFY(!m_session->refreshService()->isRefreshing());
}

void TestDashboardSession::failureIsReportedAndKeepsTheFleet()
{
    QSignalSpy finished(m_session.get(), &DashboardSession::refreshFinished);
    m_session->setConnection(connectDirect(*m_server));
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_session->servers()->rowCount(), 3);

    m_failure = true;
    m_lagSeconds = 99;
    QSignalSpy failed(m_session.get(), &DashboardSession::refreshFailed);
    QSignalSpy succeeded(m_session.get(), &DashboardSession::refreshSucceeded);
    QVERIFY(refreshAndWait());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<AwsError>().kind, AwsError::Kind::AccessDenied);
    QCOMPARE(succeeded.size(), 0);
    // The fleet and the lag history are as the last good refresh left them.
    QCOMPARE(m_session->servers()->rowCount(), 3);
    QCOMPARE(m_session->servers()->serverAt(m_session->servers()->rowOf(u"s-2"_s))->lag(),
        std::optional<qint64>(10000));
    QCOMPARE(m_session->lagHistory()->samples(u"s-1"_s).size(), 1);
    QCOMPARE(m_session->account(), u"111122223333"_s);

    m_failure = false;
    QVERIFY(refreshAndWait());
    QCOMPARE(succeeded.size(), 1);
    QCOMPARE(m_session->lagHistory()->samples(u"s-1"_s).size(), 2);
}

void TestDashboardSession::otherAccountEmptiesTheFleet()
{
    QSignalSpy account(m_session.get(), &DashboardSession::accountChanged);
    QSignalSpy finished(m_session.get(), &DashboardSession::refreshFinished);
    QVERIFY(m_session->openConnection({}, u"us-east-1"_s, m_server->url().toString()));
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_session->account(), u"111122223333"_s);
    QCOMPARE(account.size(), 1);

    // The same profile, region and endpoint again: the same servers stay in
    // sight (the default profile takes the keys of the environment).
    QVERIFY(m_session->openConnection({}, u"us-east-1"_s, m_server->url().toString()));
    QCOMPARE(m_session->servers()->rowCount(), 3);
    QCOMPARE(m_session->account(), u"111122223333"_s);
    QVERIFY(finished.wait(10000));

    // Another endpoint is another account: emptied at once, then filled with its servers.
    TestHttpServer other;
    QVERIFY(other.listen());
    other.setHandler([this](const TestHttpServer::Request &request) {
        auto scoped = qScopeGuard([this, saved = m_account] { m_account = saved; });
        m_account = "444455556666";
        return answer(request);
    });
    QVERIFY(m_session->openConnection({}, u"us-east-1"_s, other.url().toString()));
    QCOMPARE(m_session->servers()->rowCount(), 0);
    QCOMPARE(m_session->account(), QString());
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_session->servers()->rowCount(), 3);
    QCOMPARE(m_session->account(), u"444455556666"_s);
    QCOMPARE(account.size(), 3);
    QCOMPARE(account.at(1).first().toString(), QString());
    QCOMPARE(account.at(2).first().toString(), u"444455556666"_s);
    QCOMPARE(m_session->connection()->endpoint(), other.url());
    m_session->setConnection(nullptr);
}

void TestDashboardSession::lagHistoryIsFedPerRefreshAndPersists()
{
    QSignalSpy finished(m_session.get(), &DashboardSession::refreshFinished);
    m_session->setConnection(connectDirect(*m_server));
    QVERIFY(finished.wait(10000));
    m_lagSeconds = 20;
    QVERIFY(refreshAndWait());
    const QList<LagHistory::Sample> samples = m_session->lagHistory()->samples(u"s-3"_s);
    QCOMPARE(samples.size(), 2);
    QCOMPARE(samples.at(0).lagMs, std::optional<qint64>(10000));
    QCOMPARE(samples.at(1).lagMs, std::optional<qint64>(20000));
    QCOMPARE(m_session->lagHistory()->serverCount(), 3);

    // Kept in the cache file when the session ends, read by the next one.
    m_session.reset();
    m_session = std::make_unique<DashboardSession>(m_dir->filePath(u"lag-history.bin"_s));
    QCOMPARE(m_session->lagHistory()->samples(u"s-3"_s), samples);
}

void TestDashboardSession::autoRefreshIntervalReachesTheRefresh()
{
    QSignalSpy changed(m_session.get(), &DashboardSession::autoRefreshIntervalChanged);
    m_session->setAutoRefreshInterval(std::chrono::seconds(300));
    QCOMPARE(changed.size(), 1);
    m_session->setConnection(connectDirect(*m_server));
    QCOMPARE(m_session->refreshService()->interval(), std::chrono::seconds(300));
    m_session->setAutoRefreshInterval(std::chrono::seconds(0));
    QCOMPARE(m_session->refreshService()->interval(), std::chrono::seconds(0));
    QCOMPARE(m_session->autoRefreshInterval(), std::chrono::seconds(0));
    m_session->setConnection(nullptr);
}

QTEST_GUILESS_MAIN(TestDashboardSession)
#include "tst_dashboardsession.moc"
