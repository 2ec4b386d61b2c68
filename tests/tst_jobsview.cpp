#include "app/aws/AwsTransport.h"
#include "app/services/JobTracker.h"
#include "tests/support/TestHttpServer.h"
#include "ui/pages/JobsView.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

class TestJobsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobsAndTheirLog();
};

void TestJobsView::jobsAndTheirLog()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const TestHttpServer::Request &request) {
        if (request.path == "/DescribeJobs")
            return TestHttpServer::Response::json(200,
                R"({"items":[{"jobID":"mgnjob-1","type":"LAUNCH","status":"COMPLETED","initiatedBy":"START_TEST","creationDateTime":"2026-11-20T10:00:00Z","participatingServers":[{"sourceServerID":"s-1"}]},)"
                R"({"jobID":"mgnjob-2","type":"TERMINATE","status":"STARTED","creationDateTime":"2026-11-21T10:00:00Z","participatingServers":[{"sourceServerID":"s-2"}]}]})");
        return TestHttpServer::Response::json(200,
            R"({"items":[{"event":"JOB_START","logDateTime":"2026-11-20T10:00:00Z"},)"
            R"({"event":"LAUNCH_FAILED","logDateTime":"2026-11-20T10:05:00Z","eventData":{"sourceServerID":"s-1","rawError":"capacity","attemptCount":2,"maxAttemptsCount":3}}]})");
    });
    AwsTransport::Options options;
    options.region = u"us-east-1"_s;
    AwsTransport transport(options);
    transport.setCredentials({ u"AKIDEXAMPLE"_s, u"static-secret"_s, std::nullopt, std::nullopt });
    MgnClient client(&transport, server.url());
    JobTracker tracker(&client);
    JobsView view;
    view.setClient(&client);
    view.setTracker(&tracker);
    QSignalSpy changed(&tracker, &JobTracker::jobsChanged);
    tracker.refresh();
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(view.jobsTable()->rowCount(), 2);
    QCOMPARE(view.jobsTable()->item(0, 0)->text(), u"mgnjob-2"_s); // newest first
    view.setServerFilter(u"s-1"_s);
    QCOMPARE(view.jobsTable()->rowCount(), 1);
    QCOMPARE(view.jobsTable()->item(0, 3)->text(), u"COMPLETED"_s);
    view.jobsTable()->selectRow(0);
    QTRY_COMPARE(view.logTable()->rowCount(), 2);
    QCOMPARE(view.logTable()->item(1, 1)->text(), u"LAUNCH_FAILED"_s);
    QCOMPARE(view.logTable()->item(1, 4)->text(), u"capacity (attempt 2 of 3)"_s);
    QCOMPARE(server.requests().last().path, QByteArray("/DescribeJobLogItems"));
}

QTEST_MAIN(TestJobsView)
#include "tst_jobsview.moc"
