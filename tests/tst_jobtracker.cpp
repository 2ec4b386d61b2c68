#include "app/aws/AwsTransport.h"
#include "app/services/JobTracker.h"
#include "tests/support/TestHttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray job(const QString &id, const QString &status, const QString &created, const QString &server)
{
    return QJsonDocument(
        QJsonObject { { "jobID"_L1, id }, { "type"_L1, u"LAUNCH"_s }, { "status"_L1, status },
            { "creationDateTime"_L1, created },
            { "participatingServers"_L1, QJsonArray { QJsonObject { { "sourceServerID"_L1, server } } } } })
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestJobTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsNewestFirst();
    void followsUntilCompleted();

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<MgnClient> m_client;
};

void TestJobTracker::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    AwsTransport::Options options;
    options.region = u"us-east-1"_s;
    m_transport = std::make_unique<AwsTransport>(options);
    m_transport->setCredentials({ u"AKIDEXAMPLE"_s, u"static-secret"_s, std::nullopt, std::nullopt });
    m_client = std::make_unique<MgnClient>(m_transport.get(), m_server->url());
}

void TestJobTracker::cleanup()
{
    m_client.reset();
    m_transport.reset();
    m_server.reset();
}

void TestJobTracker::listsNewestFirst()
{
    m_server->enqueue(TestHttpServer::Response::json(200,
        "{\"items\":[" + job(u"mgnjob-old"_s, u"COMPLETED"_s, u"2026-11-01T10:00:00Z"_s, u"s-1"_s) + ","
            + job(u"mgnjob-new"_s, u"STARTED"_s, u"2026-11-20T10:00:00Z"_s, u"s-2"_s) + "]}"));
    JobTracker tracker(m_client.get());
    QSignalSpy changed(&tracker, &JobTracker::jobsChanged);
    tracker.refresh();
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(tracker.jobs().size(), 2);
    QCOMPARE(tracker.jobs().first().jobID, u"mgnjob-new"_s);
    QCOMPARE(tracker.jobsOf(u"s-1"_s).size(), 1);
    QCOMPARE(tracker.jobsOf(u"s-1"_s).first().jobID, u"mgnjob-old"_s);
    QVERIFY(tracker.jobsOf(u"s-3"_s).isEmpty());
}

void TestJobTracker::followsUntilCompleted()
{
    int polls = 0;
    m_server->setHandler([&polls](const TestHttpServer::Request &request) {
        ++polls;
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QJsonArray ids = body.value("filters"_L1).toObject().value("jobIDs"_L1).toArray();
        const QString status = polls < 3 ? u"STARTED"_s : u"COMPLETED"_s;
        return TestHttpServer::Response::json(200,
            "{\"items\":[" + job(ids.first().toString(), status, u"2026-11-23T10:00:00Z"_s, u"s-1"_s) + "]}");
    });
    JobTracker tracker(m_client.get());
    tracker.setPollInterval(std::chrono::milliseconds(20));
    QSignalSpy finished(&tracker, &JobTracker::jobFinished);
    tracker.follow(u"mgnjob-1"_s);
    QVERIFY(tracker.isFollowing(u"mgnjob-1"_s));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<mgn::Job>().jobID, u"mgnjob-1"_s);
    QVERIFY(!tracker.isFollowing(u"mgnjob-1"_s));
    QCOMPARE(polls, 3);
    QTest::qWait(100);
    QCOMPARE(polls, 3); // no more polling once it is over
}

QTEST_GUILESS_MAIN(TestJobTracker)
#include "tst_jobtracker.moc"
