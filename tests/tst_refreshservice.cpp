#include "app/aws/AwsTransport.h"
#include "app/services/RefreshService.h"
#include "tests/support/TestHttpServer.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray page(const QStringList &ids, const QString &next = {}, const QByteArray &extra = {})
{
    QByteArray items;
    for (const auto &id : ids)
        items += QByteArray(items.isEmpty() ? "" : ",") + "{\"sourceServerID\":\"" + id.toUtf8() + "\"}";
    if (!extra.isEmpty())
        items += QByteArray(items.isEmpty() ? "" : ",") + extra;
    QByteArray body = "{\"items\":[" + items + "]";
    if (!next.isEmpty())
        body += ",\"nextToken\":\"" + next.toUtf8() + "\"";
    return body + "}";
}

QStringList idsOf(const QList<mgn::SourceServer> &servers)
{
    QStringList ids;
    for (const auto &server : servers)
        ids.append(server.id());
    return ids;
}

} // namespace

class TestRefreshService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pagesThenSnapshot();
    void undecodableServersAreReported();
    void failureDeliversNoSnapshot();
    void refreshWhileRefreshingRunsOnceMore();
    void cancel();
    void interval();

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<MgnClient> m_client;
    std::unique_ptr<RefreshService> m_refresh;
};

void TestRefreshService::init()
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
    m_refresh = std::make_unique<RefreshService>(m_client.get());
}

void TestRefreshService::cleanup()
{
    m_refresh.reset();
    m_client.reset();
    m_transport.reset();
    m_server.reset();
}

void TestRefreshService::pagesThenSnapshot()
{
    m_server->enqueue(TestHttpServer::Response::json(200, page({ u"s-1"_s, u"s-2"_s }, u"t"_s)));
    m_server->enqueue(TestHttpServer::Response::json(200, page({ u"s-3"_s })));
    QSignalSpy started(m_refresh.get(), &RefreshService::started);
    QSignalSpy pages(m_refresh.get(), &RefreshService::pageReceived);
    QSignalSpy snapshot(m_refresh.get(), &RefreshService::snapshotReady);
    QSignalSpy finished(m_refresh.get(), &RefreshService::finished);
    QVERIFY(!m_refresh->lastSuccess());
    m_refresh->refresh();
    QVERIFY(m_refresh->isRefreshing());
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(started.size(), 1);
    QCOMPARE(pages.size(), 2);
    QCOMPARE(
        idsOf(pages.at(0).at(0).value<QList<mgn::SourceServer>>()), (QStringList { u"s-1"_s, u"s-2"_s }));
    QCOMPARE(snapshot.size(), 1);
    QCOMPARE(idsOf(snapshot.first().at(0).value<QList<mgn::SourceServer>>()),
        (QStringList { u"s-1"_s, u"s-2"_s, u"s-3"_s }));
    QVERIFY(snapshot.first().at(1).value<QSet<QString>>().isEmpty());
    QVERIFY(!m_refresh->isRefreshing());
    QVERIFY(m_refresh->lastSuccess());
    QCOMPARE(m_refresh->progress(), (PagingProgress { 2, 3, 0 }));
}

void TestRefreshService::undecodableServersAreReported()
{
    m_server->enqueue(TestHttpServer::Response::json(
        200, page({ u"s-1"_s }, {}, R"({"sourceServerID":"s-bad","replicationType":42})")));
    QSignalSpy snapshot(m_refresh.get(), &RefreshService::snapshotReady);
    QSignalSpy skipped(m_refresh.get(), &RefreshService::skipped);
    m_refresh->refresh();
    QTRY_COMPARE(snapshot.size(), 1);
    QCOMPARE(snapshot.first().at(1).value<QSet<QString>>(), QSet<QString> { u"s-bad"_s });
    QCOMPARE(skipped.size(), 1);
    QCOMPARE(skipped.first().first().toStringList(),
        QStringList { u"s-bad: items[1].replicationType: expected a string, got a number"_s });
}

void TestRefreshService::failureDeliversNoSnapshot()
{
    m_server->enqueue(TestHttpServer::Response::json(200, page({ u"s-1"_s }, u"t"_s)));
    m_server->enqueue(TestHttpServer::Response::awsError(403, "AccessDeniedException",
        R"({"message":"User is not authorized to perform: mgn:DescribeSourceServers"})"));
    QSignalSpy pages(m_refresh.get(), &RefreshService::pageReceived);
    QSignalSpy snapshot(m_refresh.get(), &RefreshService::snapshotReady);
    QSignalSpy failed(m_refresh.get(), &RefreshService::failed);
    QSignalSpy finished(m_refresh.get(), &RefreshService::finished);
    m_refresh->refresh();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(pages.size(), 1);
    QCOMPARE(snapshot.size(), 0);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<AwsError>().kind, AwsError::Kind::AccessDenied);
    QVERIFY(!m_refresh->lastSuccess());
}

void TestRefreshService::refreshWhileRefreshingRunsOnceMore()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        return TestHttpServer::Response::json(200, page({ u"s-1"_s }))
            .withDelay(std::chrono::milliseconds(50));
    });
    QSignalSpy started(m_refresh.get(), &RefreshService::started);
    QSignalSpy finished(m_refresh.get(), &RefreshService::finished);
    m_refresh->refresh();
    m_refresh->refresh();
    m_refresh->refresh();
    QTRY_COMPARE(finished.size(), 2);
    QTest::qWait(150);
    QCOMPARE(started.size(), 2);
    QCOMPARE(m_server->requestCount(), 2);
}

void TestRefreshService::cancel()
{
    m_server->enqueue(TestHttpServer::Response::neverAnswer());
    QSignalSpy failed(m_refresh.get(), &RefreshService::failed);
    QSignalSpy finished(m_refresh.get(), &RefreshService::finished);
    m_refresh->refresh();
    QTRY_COMPARE(m_server->requestCount(), 1);
    m_refresh->cancel();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(failed.first().first().value<AwsError>().kind, AwsError::Kind::Cancelled);
    QVERIFY(!m_refresh->isRefreshing());
}

void TestRefreshService::interval()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        return TestHttpServer::Response::json(200, page({ u"s-1"_s }));
    });
    QSignalSpy finished(m_refresh.get(), &RefreshService::finished);
    m_refresh->setInterval(std::chrono::seconds(1));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000);
    m_refresh->setInterval(std::chrono::seconds(0));
    const auto count = finished.size();
    QTest::qWait(1300);
    QCOMPARE(finished.size(), count);
}

QTEST_GUILESS_MAIN(TestRefreshService)
#include "tst_refreshservice.moc"
