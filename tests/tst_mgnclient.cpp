#include "app/aws/AwsTransport.h"
#include "app/mgn/MgnClient.h"
#include "models/api/ApiModel.h"
#include "models/codec/SourceServerCodec.h"
#include "models/rules/ActionRules.h"
#include "tests/support/TestHttpServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;
using mgn::Action;
using ServerStart = std::function<MgnCall *(MgnClient *, MgnCallback<mgn::SourceServer>)>;
Q_DECLARE_METATYPE(ServerStart)

namespace {

const AwsCredentials testCredentials { u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s,
    std::nullopt, std::nullopt };

QByteArray serverJson(const QString &id, const QString &state = u"READY_FOR_TEST"_s)
{
    return QJsonDocument(
        QJsonObject { { "sourceServerID"_L1, id },
            { "arn"_L1, QString(u"arn:aws:mgn:us-east-1:111122223333:source-server/"_s + id) },
            { "lifeCycle"_L1, QJsonObject { { "state"_L1, state } } } })
        .toJson(QJsonDocument::Compact);
}

QByteArray pageJson(const QStringList &ids, const QString &nextToken = {}, const QByteArray &extraItem = {})
{
    QByteArray items;
    for (const auto &id : ids) {
        if (!items.isEmpty())
            items += ',';
        items += serverJson(id);
    }
    if (!extraItem.isEmpty())
        items += (items.isEmpty() ? "" : ",") + extraItem;
    QByteArray body = "{\"items\":[" + items + "]";
    if (!nextToken.isEmpty())
        body += ",\"nextToken\":\"" + nextToken.toUtf8() + "\"";
    return body + "}";
}

QJsonObject bodyOf(const TestHttpServer::Request &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

QByteArray jobJson(const QString &jobId, const QString &type)
{
    return "{\"job\":{\"jobID\":\"" + jobId.toUtf8() + "\",\"type\":\"" + type.toUtf8()
        + "\",\"status\":\"PENDING\",\"initiatedBy\":\"START_TEST\",\"participatingServers\":"
          "[{\"sourceServerID\":\"s-1\",\"launchStatus\":\"PENDING\"}]}}";
}

} // namespace

class TestMgnClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idempotenceFollowsTheApiModel_data();
    void idempotenceFollowsTheApiModel();
    void init();
    void cleanup();

    void requestsAreSigned();
    void pagingFollowsNextToken();
    void pageWithABadServerKeepsTheOthers();
    void pageThatIsNotJsonStopsPaging();
    void repeatedNextTokenStops();
    void abortBetweenPages();
    void serverIdOperations_data();
    void serverIdOperations();
    void responseThatDoesNotDecode();
    void jobOperations_data();
    void jobOperations();
    void jobResponseWithoutJob();
    void operationsWithoutBody();
    void tagsByArnInThePath();
    void vcenterClientsByGetWithQuery();
    void jobsAndJobLogs();
    void accountIdIsSent();
    void conflictIsTypedAndNotRetried();
    void bulkBoundsConcurrencyAndReportsEachServer();
    void bulkBatchesJobCalls();
    void bulkAbortCancelsTheRest();
    void callbacksNeverRunFromTheStartingCall();
    void invokeRefusesAnInvalidInputUnsent();
    void invokeAddsTheClientsAccount();
    void invokeAnswersTheBodyAsItCame();
    void invokeRetriesAsTheModelSays_data();
    void invokeRetriesAsTheModelSays();
    void invokePagesFollowsThePaginator();
    void invokePagesUsesTheDescriptorsNames();
    void invokePagesRefusesAnInvalidInputUnsent();

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<MgnClient> m_client;
};

void TestMgnClient::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    AwsTransport::Options options;
    options.region = u"us-east-1"_s;
    options.timeout = std::chrono::seconds(10);
    m_transport = std::make_unique<AwsTransport>(options);
    m_transport->setCredentials(testCredentials);
    // Retries without waiting: the delays are RetryStrategy's business and tested there.
    m_transport->setScheduler(
        [](std::chrono::milliseconds, QObject *, std::function<void()> fire) { fire(); });
    m_client = std::make_unique<MgnClient>(m_transport.get(), m_server->url());
}

void TestMgnClient::cleanup()
{
    m_client.reset();
    m_transport.reset();
    m_server.reset();
}

void TestMgnClient::requestsAreSigned()
{
    m_server->enqueue(TestHttpServer::Response::json(200, serverJson(u"s-1"_s)));
    bool done = false;
    m_client->startReplication(u"s-1"_s, [&](const MgnResult<mgn::SourceServer> &) { done = true; });
    QTRY_VERIFY(done);
    const auto &request = m_server->requests().first();
    const QByteArray authorization = request.header("Authorization");
    QVERIFY2(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), authorization.constData());
    QVERIFY(authorization.contains("/us-east-1/mgn/aws4_request"));
    QVERIFY(authorization.contains("SignedHeaders="));
    QVERIFY(!request.header("X-Amz-Date").isEmpty());
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
}

void TestMgnClient::pagingFollowsNextToken()
{
    m_client->setPageSize(2);
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({ u"s-1"_s, u"s-2"_s }, u"t1"_s)));
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({ u"s-3"_s, u"s-4"_s }, u"t2/+="_s)));
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({ u"s-5"_s })));

    SourceServerFilters filters;
    filters.isArchived = false;
    filters.lifeCycleStates = QList<mgn::EnumValue<mgn::LifeCycleState>> { mgn::LifeCycleState::ReadyForTest,
        mgn::EnumValue<mgn::LifeCycleState>::fromWire(u"NEW_STATE"_s) };
    QStringList ids;
    QList<PagingProgress> progress;
    std::optional<MgnResult<PagingProgress>> result;
    QPointer<MgnCall> call = m_client->describeSourceServers(
        filters,
        [&](const mgn::Page<mgn::SourceServer> &page, const PagingProgress &soFar) {
            for (const auto &server : page.items)
                ids.append(server.id());
            progress.append(soFar);
        },
        [&](const MgnResult<PagingProgress> &r) { result = r; });
    QSignalSpy finished(call.data(), &MgnCall::finished);
    QTRY_VERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(*result->value, (PagingProgress { 3, 5, 0 }));
    QCOMPARE(ids, (QStringList { u"s-1"_s, u"s-2"_s, u"s-3"_s, u"s-4"_s, u"s-5"_s }));
    QCOMPARE(progress, (QList<PagingProgress> { { 1, 2, 0 }, { 2, 4, 0 }, { 3, 5, 0 } }));
    QCOMPARE(finished.size(), 1);

    QCOMPARE(m_server->requestCount(), 3);
    const auto first = bodyOf(m_server->requests().at(0));
    QCOMPARE(m_server->requests().at(0).path, QByteArray("/DescribeSourceServers"));
    QCOMPARE(first.value("maxResults"_L1).toInt(), 2);
    QVERIFY(!first.contains("nextToken"_L1));
    QCOMPARE(first.value("filters"_L1).toObject(),
        (QJsonObject { { "isArchived"_L1, false },
            { "lifeCycleStates"_L1, QJsonArray { u"READY_FOR_TEST"_s, u"NEW_STATE"_s } } }));
    QCOMPARE(bodyOf(m_server->requests().at(1)).value("nextToken"_L1).toString(), u"t1"_s);
    QCOMPARE(bodyOf(m_server->requests().at(2)).value("nextToken"_L1).toString(), u"t2/+="_s);
    QTRY_VERIFY(!call); // deletes itself
}

void TestMgnClient::pageWithABadServerKeepsTheOthers()
{
    m_server->enqueue(TestHttpServer::Response::json(
        200, pageJson({ u"s-1"_s, u"s-2"_s }, {}, R"({"sourceServerID":"s-bad","lifeCycle":{"state":7}})")));
    QList<mgn::DecodeError> errors;
    QStringList ids;
    std::optional<MgnResult<PagingProgress>> result;
    m_client->describeSourceServers(
        {},
        [&](const mgn::Page<mgn::SourceServer> &page, const PagingProgress &) {
            errors += page.errors;
            for (const auto &server : page.items)
                ids.append(server.id());
        },
        [&](const MgnResult<PagingProgress> &r) { result = r; });
    QTRY_VERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(*result->value, (PagingProgress { 1, 2, 1 }));
    QCOMPARE(ids, (QStringList { u"s-1"_s, u"s-2"_s }));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().id, u"s-bad"_s);
    QCOMPARE(errors.first().index, 2);
    QCOMPARE(errors.first().path, u"items[2].lifeCycle.state"_s);
}

void TestMgnClient::pageThatIsNotJsonStopsPaging()
{
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({ u"s-1"_s }, u"t1"_s)));
    m_server->enqueue(
        TestHttpServer::Response::json(200, R"({"items":[{"sourceServerID":"s-2"},{"sourceSe)"));
    int pages = 0;
    std::optional<MgnResult<PagingProgress>> result;
    m_client->describeSourceServers(
        {}, [&](const mgn::Page<mgn::SourceServer> &, const PagingProgress &) { ++pages; },
        [&](const MgnResult<PagingProgress> &r) { result = r; });
    QTRY_VERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(pages, 1);
    QCOMPARE(result->error->kind, AwsError::Kind::MalformedResponse);
    QVERIFY2(result->error->message.contains(u"DescribeSourceServers"_s), qPrintable(result->error->message));
    QVERIFY2(result->error->message.contains(u"page 2: the response is not valid JSON"_s),
        qPrintable(result->error->message));
    QCOMPARE(m_server->requestCount(), 2); // a malformed body is not retried
}

void TestMgnClient::repeatedNextTokenStops()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        return TestHttpServer::Response::json(200, pageJson({ u"s-1"_s }, u"same"_s));
    });
    std::optional<MgnResult<PagingProgress>> result;
    m_client->describeSourceServers({}, {}, [&](const MgnResult<PagingProgress> &r) { result = r; });
    QTRY_VERIFY(result);
    QCOMPARE(result->error->kind, AwsError::Kind::MalformedResponse);
    QVERIFY(result->error->message.contains(u"nextToken"_s));
    QCOMPARE(m_server->requestCount(), 2);
}

void TestMgnClient::abortBetweenPages()
{
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({ u"s-1"_s }, u"t1"_s)));
    m_server->enqueue(TestHttpServer::Response::neverAnswer());
    std::optional<MgnResult<PagingProgress>> result;
    QPointer<MgnCall> call;
    call = m_client->describeSourceServers(
        {}, [&](const mgn::Page<mgn::SourceServer> &, const PagingProgress &) {},
        [&](const MgnResult<PagingProgress> &r) { result = r; });
    QSignalSpy finished(call.data(), &MgnCall::finished);
    QTRY_COMPARE(m_server->requestCount(), 2);
    QVERIFY(!result);
    call->abort();
    QTRY_VERIFY(result);
    QCOMPARE(result->error->kind, AwsError::Kind::Cancelled);
    QCOMPARE(finished.size(), 1);
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1);
}

void TestMgnClient::serverIdOperations_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonObject>("extra"); // body members besides sourceServerID
    using Start = ServerStart;
    QTest::addColumn<Start>("start");

    const auto id = u"s-0123456789abcdef0"_s;
    auto row = [&](const char *operation, Start start, QJsonObject extra = {}) {
        QTest::newRow(operation) << QString::fromLatin1(operation) << extra << start;
    };
    row("FinalizeCutover", [id](MgnClient *c, auto done) { return c->finalizeCutover(id, done); });
    row("DisconnectFromService",
        [id](MgnClient *c, auto done) { return c->disconnectFromService(id, done); });
    row("MarkAsArchived", [id](MgnClient *c, auto done) { return c->markAsArchived(id, done); });
    row("RetryDataReplication", [id](MgnClient *c, auto done) { return c->retryDataReplication(id, done); });
    row("StartReplication", [id](MgnClient *c, auto done) { return c->startReplication(id, done); });
    row("StopReplication", [id](MgnClient *c, auto done) { return c->stopReplication(id, done); });
    row("PauseReplication", [id](MgnClient *c, auto done) { return c->pauseReplication(id, done); });
    row("ResumeReplication", [id](MgnClient *c, auto done) { return c->resumeReplication(id, done); });
    row(
        "ChangeServerLifeCycleState",
        [id](MgnClient *c, auto done) {
            return c->changeServerLifeCycleState(
                id, mgn::ChangeServerLifeCycleStateSourceServerLifecycleState::ReadyForCutover, done);
        },
        QJsonObject { { "lifeCycle"_L1, QJsonObject { { "state"_L1, u"READY_FOR_CUTOVER"_s } } } });
    row(
        "UpdateSourceServerReplicationType",
        [id](MgnClient *c, auto done) {
            return c->updateSourceServerReplicationType(id, mgn::ReplicationType::SnapshotShipping, done);
        },
        QJsonObject { { "replicationType"_L1, u"SNAPSHOT_SHIPPING"_s } });
}

void TestMgnClient::serverIdOperations()
{
    QFETCH(QString, operation);
    QFETCH(QJsonObject, extra);
    QFETCH(ServerStart, start);
    m_server->enqueue(TestHttpServer::Response::json(200, serverJson(u"s-0123456789abcdef0"_s, u"CUTOVER"_s))
                          .withHeader("x-amzn-RequestId", "req-42"));
    std::optional<MgnResult<mgn::SourceServer>> result;
    MgnCall *call = start(m_client.get(), [&](const MgnResult<mgn::SourceServer> &r) { result = r; });
    QCOMPARE(call->operation(), operation);
    QTRY_VERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(result->value->id(), u"s-0123456789abcdef0"_s);
    QCOMPARE(result->value->lifeCycleState(), mgn::LifeCycleState::Cutover);
    QCOMPARE(result->requestId, u"req-42"_s);
    const auto &request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, "/" + operation.toLatin1());
    QJsonObject expected = extra;
    expected.insert("sourceServerID"_L1, u"s-0123456789abcdef0"_s);
    QCOMPARE(bodyOf(request), expected);
}

void TestMgnClient::responseThatDoesNotDecode()
{
    m_server->enqueue(TestHttpServer::Response::json(200, R"({"sourceServerID":"s-1","isArchived":"yes"})"));
    std::optional<MgnResult<mgn::SourceServer>> result;
    m_client->markAsArchived(u"s-1"_s, [&](const MgnResult<mgn::SourceServer> &r) { result = r; });
    QTRY_VERIFY(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error->kind, AwsError::Kind::MalformedResponse);
    QCOMPARE(result->error->message,
        u"The answer to MarkAsArchived could not be read: isArchived: expected a boolean, got a string"_s);
}

void TestMgnClient::jobOperations_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<int>("which");
    QTest::newRow("StartTest") << u"StartTest"_s << 0;
    QTest::newRow("StartCutover") << u"StartCutover"_s << 1;
    QTest::newRow("TerminateTargetInstances") << u"TerminateTargetInstances"_s << 2;
}

void TestMgnClient::jobOperations()
{
    QFETCH(QString, operation);
    QFETCH(int, which);
    m_server->enqueue(TestHttpServer::Response::json(202, jobJson(u"mgnjob-1"_s, u"LAUNCH"_s)));
    std::optional<MgnResult<mgn::Job>> result;
    const QStringList ids { u"s-1"_s, u"s-2"_s };
    const mgn::Tags tags { { u"wave"_s, u"3"_s } };
    auto done = [&](const MgnResult<mgn::Job> &r) { result = r; };
    switch (which) {
    case 0:
        m_client->startTest(ids, tags, done);
        break;
    case 1:
        m_client->startCutover(ids, tags, done);
        break;
    default:
        m_client->terminateTargetInstances(ids, tags, done);
    }
    QTRY_VERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(result->value->jobID, u"mgnjob-1"_s);
    QCOMPARE(result->value->participatingServers->size(), 1);
    const auto &request = m_server->requests().first();
    QCOMPARE(request.path, "/" + operation.toLatin1());
    QCOMPARE(bodyOf(request),
        (QJsonObject { { "sourceServerIDs"_L1, QJsonArray { u"s-1"_s, u"s-2"_s } },
            { "tags"_L1, QJsonObject { { "wave"_L1, u"3"_s } } } }));
}

void TestMgnClient::jobResponseWithoutJob()
{
    m_server->enqueue(TestHttpServer::Response::json(202, "{}"));
    std::optional<MgnResult<mgn::Job>> result;
    m_client->startTest({ u"s-1"_s }, {}, [&](const MgnResult<mgn::Job> &r) { result = r; });
    QTRY_VERIFY(result);
    QCOMPARE(result->error->kind, AwsError::Kind::MalformedResponse);
    QVERIFY(result->error->message.endsWith(u"job: expected an object, got nothing"_s)
        || result->error->message.contains(u"job: expected an object"_s));
    // No tags given: none sent.
    QVERIFY(!bodyOf(m_server->requests().first()).contains("tags"_L1));
}

void TestMgnClient::operationsWithoutBody()
{
    m_server->enqueue(TestHttpServer::Response::json(204, {}));
    m_server->enqueue(TestHttpServer::Response::json(204, {}));
    m_server->enqueue(TestHttpServer::Response::json(204, {}));
    int ok = 0;
    auto count = [&](const MgnResult<MgnNothing> &r) { ok += r.ok() ? 1 : 0; };
    m_client->deleteSourceServer(u"s-1"_s, count);
    QTRY_COMPARE(ok, 1);
    m_client->deleteVcenterClient(u"vcc-1"_s, count);
    QTRY_COMPARE(ok, 2);
    m_client->initializeService(count);
    QTRY_COMPARE(ok, 3);
    QCOMPARE(m_server->requests().at(0).path, QByteArray("/DeleteSourceServer"));
    QCOMPARE(bodyOf(m_server->requests().at(0)), (QJsonObject { { "sourceServerID"_L1, u"s-1"_s } }));
    QCOMPARE(m_server->requests().at(1).path, QByteArray("/DeleteVcenterClient"));
    QCOMPARE(bodyOf(m_server->requests().at(1)), (QJsonObject { { "vcenterClientID"_L1, u"vcc-1"_s } }));
    QCOMPARE(m_server->requests().at(2).path, QByteArray("/InitializeService"));
}

void TestMgnClient::tagsByArnInThePath()
{
    const auto arn = u"arn:aws:mgn:us-east-1:111122223333:source-server/s-1"_s;
    const QByteArray encodedPath = "/tags/arn%3Aaws%3Amgn%3Aus-east-1%3A111122223333%3Asource-server%2Fs-1";
    m_server->enqueue(TestHttpServer::Response::json(200, R"({"tags":{"Name":"web","wave":"2"}})"));
    m_server->enqueue(TestHttpServer::Response::json(200, "{}"));
    m_server->enqueue(TestHttpServer::Response::json(200, "{}"));

    std::optional<MgnResult<mgn::Tags>> tags;
    m_client->listTagsForResource(arn, [&](const MgnResult<mgn::Tags> &r) { tags = r; });
    QTRY_VERIFY(tags);
    QVERIFY(tags->ok());
    QCOMPARE(*tags->value, (mgn::Tags { { u"Name"_s, u"web"_s }, { u"wave"_s, u"2"_s } }));
    QCOMPARE(m_server->requests().at(0).method, QByteArray("GET"));
    QCOMPARE(m_server->requests().at(0).path, encodedPath);
    QVERIFY(m_server->requests().at(0).body.isEmpty());

    bool tagged = false;
    m_client->tagResource(
        arn, { { u"owner"_s, u"team a"_s } }, [&](const MgnResult<MgnNothing> &r) { tagged = r.ok(); });
    QTRY_VERIFY(tagged);
    QCOMPARE(m_server->requests().at(1).method, QByteArray("POST"));
    QCOMPARE(m_server->requests().at(1).path, encodedPath);
    QCOMPARE(bodyOf(m_server->requests().at(1)),
        (QJsonObject { { "tags"_L1, QJsonObject { { "owner"_L1, u"team a"_s } } } }));

    bool untagged = false;
    m_client->untagResource(
        arn, { u"owner"_s, u"cost center"_s }, [&](const MgnResult<MgnNothing> &r) { untagged = r.ok(); });
    QTRY_VERIFY(untagged);
    QCOMPARE(m_server->requests().at(2).method, QByteArray("DELETE"));
    QCOMPARE(m_server->requests().at(2).path, encodedPath);
    QCOMPARE(m_server->requests().at(2).query, QByteArray("tagKeys=owner&tagKeys=cost%20center"));
}

void TestMgnClient::vcenterClientsByGetWithQuery()
{
    m_server->enqueue(TestHttpServer::Response::json(
        200, R"({"items":[{"vcenterClientID":"vcc-1","hostname":"vc01"}],"nextToken":"a b/c"})"));
    m_server->enqueue(TestHttpServer::Response::json(200, R"({"items":[{"vcenterClientID":"vcc-2"}]})"));
    QStringList ids;
    std::optional<MgnResult<PagingProgress>> result;
    m_client->describeVcenterClients(
        [&](const mgn::Page<mgn::VcenterClient> &page, const PagingProgress &) {
            for (const auto &client : page.items)
                ids.append(client.vcenterClientID.value_or(QString()));
        },
        [&](const MgnResult<PagingProgress> &r) { result = r; });
    QTRY_VERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(ids, (QStringList { u"vcc-1"_s, u"vcc-2"_s }));
    QCOMPARE(m_server->requests().at(0).method, QByteArray("GET"));
    QCOMPARE(m_server->requests().at(0).path, QByteArray("/DescribeVcenterClients"));
    QCOMPARE(m_server->requests().at(0).query, QByteArray("maxResults=1000"));
    QCOMPARE(m_server->requests().at(1).query, QByteArray("maxResults=1000&nextToken=a%20b%2Fc"));
}

void TestMgnClient::jobsAndJobLogs()
{
    m_server->enqueue(
        TestHttpServer::Response::json(200, R"({"items":[{"jobID":"mgnjob-1","type":"LAUNCH"}]})"));
    m_server->enqueue(TestHttpServer::Response::json(
        200, R"({"items":[{"event":"JOB_START","logDateTime":"2026-11-23T10:00:00+00:00"}]})"));
    JobFilters filters;
    filters.jobIDs = QStringList { u"mgnjob-1"_s };
    filters.fromDate = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    std::optional<MgnResult<PagingProgress>> jobs;
    m_client->describeJobs(filters, {}, [&](const MgnResult<PagingProgress> &r) { jobs = r; });
    QTRY_VERIFY(jobs);
    QCOMPARE(jobs->value->items, qsizetype(1));
    const auto body = bodyOf(m_server->requests().at(0));
    QCOMPARE(body.value("filters"_L1).toObject().value("jobIDs"_L1).toArray(), QJsonArray { u"mgnjob-1"_s });
    QVERIFY(body.value("filters"_L1)
                .toObject()
                .value("fromDate"_L1)
                .toString()
                .startsWith(u"2026-11-01T00:00:00"_s));

    QList<mgn::JobLog> logs;
    std::optional<MgnResult<PagingProgress>> logResult;
    m_client->describeJobLogItems(
        u"mgnjob-1"_s,
        [&](const mgn::Page<mgn::JobLog> &page, const PagingProgress &) { logs += page.items; },
        [&](const MgnResult<PagingProgress> &r) { logResult = r; });
    QTRY_VERIFY(logResult);
    QCOMPARE(logs.size(), 1);
    QCOMPARE(bodyOf(m_server->requests().at(1)).value("jobID"_L1).toString(), u"mgnjob-1"_s);
    QCOMPARE(m_server->requests().at(1).path, QByteArray("/DescribeJobLogItems"));
}

void TestMgnClient::accountIdIsSent()
{
    m_client->setAccountId(u"444455556666"_s);
    m_server->enqueue(TestHttpServer::Response::json(200, serverJson(u"s-1"_s)));
    m_server->enqueue(TestHttpServer::Response::json(200, pageJson({})));
    bool done = false;
    m_client->stopReplication(u"s-1"_s, [&](const MgnResult<mgn::SourceServer> &) { done = true; });
    QTRY_VERIFY(done);
    done = false;
    m_client->describeSourceServers({}, {}, [&](const MgnResult<PagingProgress> &) { done = true; });
    QTRY_VERIFY(done);
    for (const auto &request : m_server->requests())
        QCOMPARE(bodyOf(request).value("accountID"_L1).toString(), u"444455556666"_s);
}

void TestMgnClient::conflictIsTypedAndNotRetried()
{
    m_server->enqueue(TestHttpServer::Response::awsError(409, "ConflictException",
        R"({"message":"Cannot finalize cutover","code":"ConflictException","resourceId":"s-1","resourceType":"SOURCE_SERVER","errors":[{"message":"not in CUTTING_OVER","code":"INVALID_STATE","resourceId":"s-1","resourceType":"SOURCE_SERVER"}]})"));
    std::optional<MgnResult<mgn::SourceServer>> result;
    m_client->finalizeCutover(u"s-1"_s, [&](const MgnResult<mgn::SourceServer> &r) { result = r; });
    QTRY_VERIFY(result);
    QCOMPARE(result->error->kind, AwsError::Kind::Conflict);
    QCOMPARE(result->error->httpStatus, 409);
    QCOMPARE(result->error->resourceId, u"s-1"_s);
    QCOMPARE(result->error->errors.size(), 1);
    QCOMPARE(result->error->errors.first().message, u"not in CUTTING_OVER"_s);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestMgnClient::bulkBoundsConcurrencyAndReportsEachServer()
{
    // Slow answers, so that calls overlap; s-3 and s-7 are refused.
    m_server->setHandler([](const TestHttpServer::Request &request) {
        const QString id
            = QJsonDocument::fromJson(request.body).object().value("sourceServerID"_L1).toString();
        if (id == u"s-3"_s || id == u"s-7"_s)
            return TestHttpServer::Response::awsError(409, "ConflictException",
                R"({"message":"Source server is not in a state that allows this","code":"ConflictException"})")
                .withDelay(std::chrono::milliseconds(30));
        return TestHttpServer::Response::json(200, serverJson(id, u"READY_FOR_CUTOVER"_s))
            .withDelay(std::chrono::milliseconds(30));
    });
    QList<QStringList> units;
    for (int i = 1; i <= 10; ++i)
        units.append({ u"s-%1"_s.arg(i) });
    int maxInFlight = 0;
    connect(m_transport.get(), &AwsTransport::requestsInFlightChanged, this,
        [&](int count) { maxInFlight = qMax(maxInFlight, count); });
    QPointer<MgnBulkCall> bulk = m_client->bulk(Action::MarkReadyForCutover, units, 3);
    QSignalSpy unitFinished(bulk.data(), &MgnBulkCall::unitFinished);
    QSignalSpy finished(bulk.data(), &MgnBulkCall::finished);
    // The call deletes itself once finished: read it then.
    QList<BulkOutcome> outcomes;
    int failed = -1;
    connect(bulk.data(), &MgnBulkCall::finished, this, [&] {
        outcomes = bulk->outcomes();
        failed = bulk->failedCount();
    });
    bulk->start();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(unitFinished.size(), 10);
    QCOMPARE(maxInFlight, 3);
    QCOMPARE(failed, 2);
    for (int i = 0; i < 10; ++i) {
        const BulkOutcome &outcome = outcomes.at(i);
        QCOMPARE(outcome.sourceServerIDs, units.at(i));
        const bool refused = i == 2 || i == 6;
        QCOMPARE(outcome.ok(), !refused);
        if (refused)
            QCOMPARE(outcome.error->kind, AwsError::Kind::Conflict);
        else
            QCOMPARE(outcome.server->lifeCycleState(), mgn::LifeCycleState::ReadyForCutover);
    }
    for (const auto &request : m_server->requests()) {
        QCOMPARE(request.path, QByteArray("/ChangeServerLifeCycleState"));
        QCOMPARE(bodyOf(request).value("lifeCycle"_L1).toObject().value("state"_L1).toString(),
            u"READY_FOR_CUTOVER"_s);
    }
    QTRY_VERIFY(!bulk);
}

void TestMgnClient::bulkBatchesJobCalls()
{
    m_server->setHandler([](const TestHttpServer::Request &) {
        return TestHttpServer::Response::json(202, jobJson(u"mgnjob-x"_s, u"LAUNCH"_s));
    });
    QStringList ids;
    for (int i = 0; i < 450; ++i)
        ids.append(u"s-%1"_s.arg(i));
    const auto batches = mgn::ActionRules::batches(ids, MgnClient::maxIdsPerCall);
    QCOMPARE(batches.size(), 3);
    QPointer<MgnBulkCall> bulk = m_client->bulk(Action::StartTest, batches, 2);
    QSignalSpy finished(bulk.data(), &MgnBulkCall::finished);
    QList<BulkOutcome> outcomes;
    connect(bulk.data(), &MgnBulkCall::finished, this, [&] { outcomes = bulk->outcomes(); });
    bulk->start();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(m_server->requestCount(), 3);
    QList<int> sizes;
    for (const auto &request : m_server->requests())
        sizes.append(int(bodyOf(request).value("sourceServerIDs"_L1).toArray().size()));
    std::sort(sizes.begin(), sizes.end());
    QCOMPARE(sizes, (QList<int> { 50, 200, 200 }));
    QCOMPARE(outcomes.size(), 3);
    for (const auto &outcome : outcomes)
        QCOMPARE(outcome.job->jobID, u"mgnjob-x"_s);
}

void TestMgnClient::bulkAbortCancelsTheRest()
{
    m_server->setHandler(
        [](const TestHttpServer::Request &) { return TestHttpServer::Response::neverAnswer(); });
    QList<QStringList> units;
    for (int i = 1; i <= 6; ++i)
        units.append({ u"s-%1"_s.arg(i) });
    QPointer<MgnBulkCall> bulk = m_client->bulk(Action::PauseReplication, units, 2);
    QSignalSpy finished(bulk.data(), &MgnBulkCall::finished);
    bulk->start();
    QTRY_COMPARE(m_server->requestCount(), 2);
    bulk->abort();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(bulk->finishedCount(), 6);
    QCOMPARE(bulk->failedCount(), 6);
    for (const auto &outcome : bulk->outcomes())
        QCOMPARE(outcome.error->kind, AwsError::Kind::Cancelled);
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 2);
}

void TestMgnClient::callbacksNeverRunFromTheStartingCall()
{
    // Even an answer that cannot be sent (the server is gone) comes later.
    m_server.reset();
    bool called = false;
    std::optional<MgnResult<mgn::SourceServer>> result;
    m_client->startReplication(u"s-1"_s, [&](const MgnResult<mgn::SourceServer> &r) {
        called = true;
        result = r;
    });
    QVERIFY(!called);
    QTRY_VERIFY_WITH_TIMEOUT(called, 15000);
    QVERIFY(!result->ok());
    QCOMPARE(result->error->kind, AwsError::Kind::ConnectionRefused);
}

void TestMgnClient::idempotenceFollowsTheApiModel_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<bool>("idempotent");

    QFile file(QStringLiteral(MGN_API_MODEL_DIR "/service-2.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject operations
        = QJsonDocument::fromJson(file.readAll()).object().value("operations"_L1).toObject();
    // Every operation the client sends.
    for (const char *name :
        { "DescribeSourceServers", "DescribeJobs", "DescribeJobLogItems", "DescribeVcenterClients",
            "ListTagsForResource", "ChangeServerLifeCycleState", "StartTest", "StartCutover",
            "TerminateTargetInstances", "FinalizeCutover", "DisconnectFromService", "MarkAsArchived",
            "RetryDataReplication", "StartReplication", "StopReplication", "PauseReplication",
            "ResumeReplication", "UpdateSourceServerReplicationType", "DeleteSourceServer",
            "DeleteVcenterClient", "TagResource", "UntagResource", "InitializeService" }) {
        const QString operation = QLatin1StringView(name);
        const QJsonObject shape = operations.value(operation).toObject();
        QVERIFY2(!shape.isEmpty(), name);
        // Reads are answered with GET or a Describe/List POST that changes nothing.
        const bool read = operation.startsWith("Describe"_L1) || operation.startsWith("List"_L1);
        QTest::newRow(name) << operation << (read || shape.value("idempotent"_L1).toBool());
    }
    // Operations only invoke() sends: Get* reads, the model's idempotent trait, neither.
    QTest::newRow("GetNetworkMigrationDefinition") << u"GetNetworkMigrationDefinition"_s << true;
    QTest::newRow("ListManagedAccounts") << u"ListManagedAccounts"_s << true;
    QTest::newRow("CreateWave (idempotent in the model)") << u"CreateWave"_s << true;
    QTest::newRow("UpdateLaunchConfiguration (idempotent in the model)")
        << u"UpdateLaunchConfiguration"_s << true;
    QTest::newRow("StartImport") << u"StartImport"_s << false;
    QTest::newRow("ArchiveWave") << u"ArchiveWave"_s << false;
    QTest::newRow("not in the model") << u"DescribeNothing"_s << false;
}

void TestMgnClient::idempotenceFollowsTheApiModel()
{
    QFETCH(QString, operation);
    QFETCH(bool, idempotent);
    QCOMPARE(MgnClient::isIdempotent(operation), idempotent);
}

namespace {

const api::Operation &modelOperation(const QString &name)
{
    const api::Operation *op = api::ApiModel::mgn().operation(name);
    if (!op)
        qFatal("no operation %s", qPrintable(name));
    return *op;
}

const QString validServer = u"s-12345678901234567"_s;

} // namespace

void TestMgnClient::invokeRefusesAnInvalidInputUnsent()
{
    bool called = false;
    std::optional<MgnResult<QByteArray>> result;
    QPointer<MgnCall> call = m_client->invoke(modelOperation(u"CreateApplication"_s),
        QJsonObject { { "description"_L1, 5 }, { "nmae"_L1, u"x"_s } }, [&](const MgnResult<QByteArray> &r) {
            called = true;
            result = r;
        });
    QVERIFY(call);
    QSignalSpy finished(call.data(), &MgnCall::finished);
    QVERIFY(!called);
    QTRY_VERIFY(called);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!result->ok());
    QCOMPARE(result->error->kind, AwsError::Kind::Validation);
    QCOMPARE(result->error->category(), AwsError::Category::CallerFault);
    QStringList paths;
    for (const AwsError::Field &field : result->error->fieldList)
        paths.append(field.name);
    QCOMPARE(paths, (QStringList { u"name"_s, u"nmae"_s, u"description"_s }));
    QCOMPARE(result->error->fieldList.first().message, u"Missing required parameter in input: \"name\""_s);
    QVERIFY2(result->error->userMessage().contains(u"nmae"_s), qPrintable(result->error->userMessage()));
    QTest::qWait(20);
    QCOMPARE(m_server->requestCount(), 0);
}

void TestMgnClient::invokeAddsTheClientsAccount()
{
    m_client->setAccountId(u"444455556666"_s);
    m_server->setHandler(
        [](const TestHttpServer::Request &) { return TestHttpServer::Response::json(200, "{}"); });
    int done = 0;
    auto count = [&](const MgnResult<QByteArray> &r) { done += r.ok() ? 1 : 0; };
    const QJsonObject ids { { "sourceServerIDs"_L1, QJsonArray { validServer } } };
    m_client->invoke(modelOperation(u"StartCutover"_s), ids, count);
    QTRY_COMPARE(done, 1);
    QJsonObject own = ids;
    own.insert("accountID"_L1, u"111122223333"_s);
    m_client->invoke(modelOperation(u"StartCutover"_s), own, count);
    QTRY_COMPARE(done, 2);
    // The input shape has no accountID.
    m_client->invoke(modelOperation(u"ListTagsForResource"_s),
        QJsonObject { { "resourceArn"_L1,
            QString(u"arn:aws:mgn:us-east-1:111122223333:source-server/"_s + validServer) } },
        count);
    QTRY_COMPARE(done, 3);
    QCOMPARE(bodyOf(m_server->requests().at(0)),
        (QJsonObject {
            { "sourceServerIDs"_L1, QJsonArray { validServer } }, { "accountID"_L1, u"444455556666"_s } }));
    QCOMPARE(bodyOf(m_server->requests().at(1)).value("accountID"_L1).toString(), u"111122223333"_s);
    QCOMPARE(m_server->requests().at(2).method, QByteArray("GET"));
    QVERIFY(m_server->requests().at(2).body.isEmpty());
    QVERIFY(!m_server->requests().at(2).target.contains("444455556666"));
}

void TestMgnClient::invokeAnswersTheBodyAsItCame()
{
    const QByteArray answer = R"({"sourceServerID":"s-12345678901234567", "unknownMember": [1, 2]})";
    m_server->enqueue(TestHttpServer::Response::json(200, answer));
    m_server->enqueue(TestHttpServer::Response::json(204, {}));
    m_server->enqueue(TestHttpServer::Response::json(200, "not json"));
    QList<MgnResult<QByteArray>> results;
    auto keep = [&](const MgnResult<QByteArray> &r) { results.append(r); };
    const QJsonObject server { { "sourceServerID"_L1, validServer } };
    m_client->invoke(modelOperation(u"StartReplication"_s), server, keep);
    QTRY_COMPARE(results.size(), 1);
    m_client->invoke(modelOperation(u"DeleteSourceServer"_s), server, keep);
    QTRY_COMPARE(results.size(), 2);
    m_client->invoke(modelOperation(u"StopReplication"_s), server, keep);
    QTRY_COMPARE(results.size(), 3);
    QCOMPARE(results.at(0).value, std::optional<QByteArray>(answer));
    QCOMPARE(results.at(1).value, std::optional<QByteArray>("{}"));
    QVERIFY(!results.at(2).ok());
    QCOMPARE(results.at(2).error->kind, AwsError::Kind::MalformedResponse);
    QCOMPARE(m_server->requests().at(0).path, QByteArray("/StartReplication"));
}

void TestMgnClient::invokeRetriesAsTheModelSays_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<int>("requests");
    const QJsonObject server { { "sourceServerID"_L1, validServer } };
    // A 500 leaves open whether the service acted: only what may run twice goes again.
    QTest::newRow("not idempotent: once") << u"StartReplication"_s << server << 1;
    QTest::newRow("idempotent in the model: again") << u"DeleteSourceServer"_s << server << 2;
    QTest::newRow("a read: again") << u"GetNetworkMigrationDefinition"_s
                                   << QJsonObject { { "networkMigrationDefinitionID"_L1,
                                          u"nmd-12345678901234567"_s } }
                                   << 2;
}

void TestMgnClient::invokeRetriesAsTheModelSays()
{
    QFETCH(QString, operation);
    QFETCH(QJsonObject, input);
    QFETCH(int, requests);
    m_server->enqueue(
        TestHttpServer::Response::awsError(500, "InternalServerException", R"({"message":"oops"})"));
    m_server->enqueue(TestHttpServer::Response::json(200, "{}"));
    std::optional<MgnResult<QByteArray>> result;
    m_client->invoke(modelOperation(operation), input, [&](const MgnResult<QByteArray> &r) { result = r; });
    QTRY_VERIFY(result);
    QCOMPARE(result->ok(), requests == 2);
    QCOMPARE(m_server->requestCount(), requests);
}

void TestMgnClient::invokePagesFollowsThePaginator()
{
    m_client->setPageSize(2);
    m_server->enqueue(
        TestHttpServer::Response::json(200, R"({"items":[{"a":1},{"a":2}],"nextToken":"t 1/"})"));
    m_server->enqueue(TestHttpServer::Response::json(200, R"({"items":[{"a":3}]})"));
    m_server->enqueue(TestHttpServer::Response::json(200, R"({"items":[]})"));
    QList<QByteArray> bodies;
    QList<PagingProgress> progress;
    std::optional<MgnResult<PagingProgress>> result;
    const api::Operation &vcenters = modelOperation(u"DescribeVcenterClients"_s);
    m_client->invokePages(
        vcenters, {},
        [&](const QByteArray &body, const PagingProgress &p) {
            bodies.append(body);
            progress.append(p);
        },
        [&](const MgnResult<PagingProgress> &r) { result = r; });
    QTRY_VERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(result->value->pages, 2);
    QCOMPARE(result->value->items, qsizetype(3));
    QCOMPARE(bodies.size(), 2);
    QCOMPARE(bodies.at(1), QByteArray(R"({"items":[{"a":3}]})"));
    QCOMPARE(progress.at(0).items, qsizetype(2));
    QCOMPARE(m_server->requests().at(0).query, QByteArray("maxResults=2"));
    QCOMPARE(m_server->requests().at(1).query, QByteArray("maxResults=2&nextToken=t%201%2F"));

    // A limit the input sets is kept.
    result.reset();
    m_client->invokePages(vcenters, QJsonObject { { "maxResults"_L1, 7 } }, {},
        [&](const MgnResult<PagingProgress> &r) { result = r; });
    QTRY_VERIFY(result);
    QCOMPARE(m_server->requests().at(2).query, QByteArray("maxResults=7"));
}

void TestMgnClient::invokePagesUsesTheDescriptorsNames()
{
    // Another model, whose paginator names nothing "nextToken" or "maxResults".
    const QByteArray service = R"({"metadata": {"apiVersion": "2020-01-01", "protocol": "rest-json",
        "signingName": "mgn", "endpointPrefix": "mgn"},
      "operations": {"ListWidgets": {"name": "ListWidgets", "http": {"method": "POST", "requestUri": "/widgets"},
        "input": {"shape": "ListWidgetsRequest"}, "output": {"shape": "ListWidgetsResponse"}}},
      "shapes": {
        "ListWidgetsRequest": {"type": "structure", "members": {"cursor": {"shape": "Text"},
          "pageLimit": {"shape": "Count"}, "accountID": {"shape": "Text"}}},
        "ListWidgetsResponse": {"type": "structure", "members": {"widgets": {"shape": "Widgets"},
          "gadgets": {"shape": "Widgets"}, "continuation": {"shape": "Text"}}},
        "Widgets": {"type": "list", "member": {"shape": "Text"}},
        "Text": {"type": "string"},
        "Count": {"type": "integer", "min": 1, "max": 10}}})";
    const QByteArray paginators = R"({"pagination": {"ListWidgets": {"input_token": "cursor",
        "output_token": "continuation", "limit_key": "pageLimit", "result_key": ["widgets", "gadgets"]}}})";
    QString error;
    const std::unique_ptr<api::ApiModel> model = api::ApiModel::fromJson(service, paginators, &error);
    QVERIFY2(model, qPrintable(error));
    m_client->setPageSize(3);
    m_server->enqueue(TestHttpServer::Response::json(
        200, R"({"widgets":["a","b"],"gadgets":["g"],"continuation":"c1","nextToken":"ignored"})"));
    m_server->enqueue(TestHttpServer::Response::json(200, R"({"widgets":["c"],"nextToken":"ignored"})"));
    std::optional<MgnResult<PagingProgress>> result;
    m_client->invokePages(
        *model->operation(u"ListWidgets"), {}, {}, [&](const MgnResult<PagingProgress> &r) { result = r; });
    QTRY_VERIFY(result);
    QVERIFY(result->ok());
    QCOMPARE(result->value->pages, 2);
    QCOMPARE(result->value->items, qsizetype(4));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(bodyOf(m_server->requests().at(0)), (QJsonObject { { "pageLimit"_L1, 3 } }));
    QCOMPARE(bodyOf(m_server->requests().at(1)),
        (QJsonObject { { "pageLimit"_L1, 3 }, { "cursor"_L1, u"c1"_s } }));
}

void TestMgnClient::invokePagesRefusesAnInvalidInputUnsent()
{
    std::optional<MgnResult<PagingProgress>> result;
    bool paged = false;
    m_client->invokePages(
        modelOperation(u"DescribeJobs"_s), QJsonObject { { "maxResults"_L1, 5000 } },
        [&](const QByteArray &, const PagingProgress &) { paged = true; },
        [&](const MgnResult<PagingProgress> &r) { result = r; });
    QVERIFY(!result);
    QTRY_VERIFY(result);
    QCOMPARE(result->error->kind, AwsError::Kind::Validation);
    QCOMPARE(result->error->fieldList.size(), 1);
    QCOMPARE(result->error->fieldList.first().name, u"maxResults"_s);
    QVERIFY(!paged);
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestMgnClient)
#include "tst_mgnclient.moc"
