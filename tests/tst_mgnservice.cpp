#include "app/aws/FixedClock.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/FleetSimulator.h"
#include "emulator/service/MgnService.h"
#include "emulator/service/ServerFields.h"
#include "models/rules/ActionRules.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace mgn;

using LC = LifeCycleState;
using RS = DataReplicationState;

Q_DECLARE_METATYPE(mgn::Action)
Q_DECLARE_METATYPE(EmulatorRequest)

namespace {

const QDateTime startTime = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
const QString account = u"111122223333"_s;

EmulatorRequest post(const QByteArray &operation, const QJsonObject &body = {})
{
    return { "POST", '/' + operation, {}, {}, QJsonDocument(body).toJson(QJsonDocument::Compact) };
}

EmulatorRequest postRaw(const QByteArray &operation, const QByteArray &body)
{
    return { "POST", '/' + operation, {}, {}, body };
}

QJsonObject bodyOf(const EmulatorResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

QByteArray header(const EmulatorResponse &response, const QByteArray &name)
{
    for (const auto &[key, value] : response.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray describe(const EmulatorResponse &response)
{
    return QByteArray::number(response.status) + ' ' + header(response, "x-amzn-ErrorType") + ' '
        + response.body.left(600);
}

QJsonArray idArray(const QStringList &ids)
{
    QJsonArray array;
    for (const QString &id : ids)
        array.append(id);
    return array;
}

QStringList fakeIds(int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids << u"s-%1"_s.arg(i, 17, 16, QChar(u'0'));
    return ids;
}

QString tagsPath(const QString &arn)
{
    return u"/tags/"_s + QString::fromLatin1(QUrl::toPercentEncoding(arn));
}

struct Cell {
    const char *name;
    LC lifeCycle;
    std::optional<RS> replication;
    bool lag;
    bool archived;
};

const QList<Cell> &cells()
{
    static const QList<Cell> list {
        { "not-ready/initiating", LC::NotReady, RS::Initiating, false, false },
        { "not-ready/initial-sync", LC::NotReady, RS::InitialSync, false, false },
        { "ready-for-test/continuous", LC::ReadyForTest, RS::Continuous, true, false },
        { "ready-for-test/stalled", LC::ReadyForTest, RS::Stalled, true, false },
        { "ready-for-test/paused", LC::ReadyForTest, RS::Paused, true, false },
        { "testing/continuous", LC::Testing, RS::Continuous, true, false },
        { "ready-for-cutover/continuous", LC::ReadyForCutover, RS::Continuous, true, false },
        { "cutting-over/continuous", LC::CuttingOver, RS::Continuous, true, false },
        { "cutover/disconnected", LC::Cutover, RS::Disconnected, false, false },
        { "cutover/disconnected/archived", LC::Cutover, RS::Disconnected, false, true },
        { "disconnected/disconnected", LC::Disconnected, RS::Disconnected, false, false },
        { "stopped/stopped", LC::Stopped, RS::Stopped, false, false },
        { "discovered/stopped", LC::Discovered, RS::Stopped, false, false },
        { "not-ready/stalled", LC::NotReady, RS::Stalled, false, false },
        { "pending-installation/none", LC::PendingInstallation, std::nullopt, false, false },
    };
    return list;
}

// Puts the server into the cell's state by hand, and keeps the simulation off it.
void pin(FleetServer &entry, const Cell &cell)
{
    entry.sim.pinned = true;
    SourceServer &server = entry.server;
    ServerFields::setLifeCycleState(server, cell.lifeCycle);
    auto &info = ServerFields::replication(server);
    if (cell.replication)
        info.dataReplicationState = EnumValue<RS>(*cell.replication);
    else
        info.dataReplicationState.reset();
    info.lagDuration = cell.lag ? std::optional<qint64>(4200) : std::nullopt;
    server.isArchived = cell.archived;
}

class Harness
{
public:
    explicit Harness(int servers = 60, quint32 seed = 7)
        : clock(std::make_shared<FixedClock>(startTime))
        , service({ servers, seed, 1.0, account, u"us-east-1"_s }, clock)
    { }

    EmulatorResponse call(const EmulatorRequest &request) { return service.handle(request); }

    const SourceServer &server(const QString &id)
    {
        service.advance();
        const qsizetype index = service.fleet().findServer(id);
        FleetSimulator::refresh(service.fleet(), index);
        return service.fleet().servers[std::size_t(index)].server;
    }

    QString first(const std::function<bool(const SourceServer &)> &predicate)
    {
        for (const FleetServer &entry : service.fleet().servers) {
            if (predicate(entry.server))
                return entry.server.id();
        }
        return {};
    }

    QString inLifeCycle(LC state)
    {
        return first([state](const SourceServer &s) { return s.lifeCycleState() == state; });
    }

    QStringList listAllIds(const QJsonObject &filters, int maxResults, int *pages)
    {
        QStringList ids;
        std::optional<QString> token;
        *pages = 0;
        do {
            QJsonObject request { { "filters"_L1, filters }, { "maxResults"_L1, maxResults } };
            if (token)
                request.insert("nextToken"_L1, *token);
            const EmulatorResponse response = call(post("DescribeSourceServers", request));
            if (response.status != 200) {
                qWarning("%s", describe(response).constData());
                return {};
            }
            ++*pages;
            const QJsonObject body = bodyOf(response);
            const QJsonArray items = body.value("items"_L1).toArray();
            if (items.size() > maxResults)
                return {};
            for (const QJsonValue &item : items)
                ids << item.toObject().value("sourceServerID"_L1).toString();
            token = body.contains("nextToken"_L1)
                ? std::optional<QString>(body.value("nextToken"_L1).toString())
                : std::nullopt;
        } while (token && *pages < 10000);
        return ids;
    }

    std::shared_ptr<FixedClock> clock;
    MgnService service;
};

} // namespace

class TestMgnService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describeAll();
    void paging_data();
    void paging();
    void filters_data();
    void filters();
    void badNextToken();
    void validation_data();
    void validation();
    void malformedBody_data();
    void malformedBody();
    void unknownOperation_data();
    void unknownOperation();
    void resourceNotFound_data();
    void resourceNotFound();
    void refusals_data();
    void refusals();
    void replicationTypeChange();
    void bulkRefusalNamesEveryServer();
    void bulkUnknownIds();
    void lifeCycleChanges();
    void testAndCutoverMigration();
    void disconnectEffects();
    void replicationCalls();
    void terminateTargetInstances();
    void describeJobs();
    void describeJobLogItems();
    void vcenterClients();
    void tags();
    void initializeService();
    void uninitializedAccount_data();
    void uninitializedAccount();
    void largeFleetPages();
};

void TestMgnService::describeAll()
{
    Harness h;
    const EmulatorResponse response = h.call(post("DescribeSourceServers"));
    QCOMPARE(response.status, 200);
    QCOMPARE(header(response, "Content-Type"), QByteArray("application/json"));
    QVERIFY(!header(response, "x-amzn-RequestId").isEmpty());
    const QJsonObject body = bodyOf(response);
    QCOMPARE(body.value("items"_L1).toArray().size(), 60);
    QVERIFY(!body.contains("nextToken"_L1));
    const QJsonObject first = body.value("items"_L1).toArray().first().toObject();
    QVERIFY(first.value("arn"_L1).toString().startsWith(
        u"arn:aws:mgn:us-east-1:111122223333:source-server/s-"_s));
    QVERIFY(first.value("lifeCycle"_L1).isObject());
    QVERIFY(first.value("sourceProperties"_L1).toObject().value("identificationHints"_L1).isObject());

    // An empty body is an empty request, as for the AWS CLI without arguments.
    QCOMPARE(h.call(postRaw("DescribeSourceServers", QByteArray())).status, 200);
}

void TestMgnService::paging_data()
{
    QTest::addColumn<int>("maxResults");
    QTest::addColumn<int>("pages");
    QTest::newRow("1") << 1 << 60;
    QTest::newRow("7") << 7 << 9;
    QTest::newRow("30") << 30 << 2;
    QTest::newRow("59") << 59 << 2;
    QTest::newRow("60") << 60 << 1;
    QTest::newRow("1000") << 1000 << 1;
}

void TestMgnService::paging()
{
    QFETCH(int, maxResults);
    QFETCH(int, pages);
    Harness h;
    int pageCount = 0;
    const QStringList ids = h.listAllIds({}, maxResults, &pageCount);
    QCOMPARE(pageCount, pages);
    QCOMPARE(ids.size(), 60);
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), 60);
    QStringList expected;
    for (const FleetServer &entry : h.service.fleet().servers)
        expected << entry.server.id();
    QCOMPARE(ids, expected);
}

void TestMgnService::filters_data()
{
    QTest::addColumn<QString>("filter");

    QTest::newRow("archived") << u"isArchived"_s;
    QTest::newRow("not archived") << u"notArchived"_s;
    QTest::newRow("lifecycle") << u"lifeCycleStates"_s;
    QTest::newRow("type") << u"replicationTypes"_s;
    QTest::newRow("ids") << u"sourceServerIDs"_s;
    QTest::newRow("applications") << u"applicationIDs"_s;
    QTest::newRow("combined") << u"combined"_s;
}

void TestMgnService::filters()
{
    QFETCH(QString, filter);
    Harness h(120, 3);
    const auto &servers = h.service.fleet().servers;
    QJsonObject filters;
    std::function<bool(const SourceServer &)> expected;
    if (filter == u"isArchived"_s || filter == u"notArchived"_s) {
        const bool archived = filter == u"isArchived"_s;
        filters.insert("isArchived"_L1, archived);
        expected = [archived](const SourceServer &s) { return s.archived() == archived; };
    } else if (filter == u"lifeCycleStates"_s) {
        filters.insert("lifeCycleStates"_L1, QJsonArray { u"READY_FOR_TEST"_s, u"TESTING"_s });
        expected = [](const SourceServer &s) {
            return s.lifeCycleState() == LC::ReadyForTest || s.lifeCycleState() == LC::Testing;
        };
    } else if (filter == u"replicationTypes"_s) {
        filters.insert("replicationTypes"_L1, QJsonArray { u"SNAPSHOT_SHIPPING"_s });
        expected
            = [](const SourceServer &s) { return *s.replicationType == ReplicationType::SnapshotShipping; };
    } else if (filter == u"sourceServerIDs"_s) {
        const QStringList ids { servers[4].server.id(), servers[77].server.id(), u"s-0000000000000000f"_s };
        filters.insert("sourceServerIDs"_L1, idArray(ids));
        expected = [ids](const SourceServer &s) { return ids.contains(s.id()); };
    } else if (filter == u"applicationIDs"_s) {
        const QString application = *std::find_if(servers.begin(), servers.end(), [](const FleetServer &e) {
            return e.server.applicationID.has_value();
        })->server.applicationID;
        filters.insert("applicationIDs"_L1, QJsonArray { application });
        expected = [application](const SourceServer &s) { return s.applicationID == application; };
    } else {
        filters.insert("isArchived"_L1, false);
        filters.insert("replicationTypes"_L1, QJsonArray { u"AGENT_BASED"_s });
        filters.insert("lifeCycleStates"_L1, QJsonArray { u"NOT_READY"_s });
        expected = [](const SourceServer &s) {
            return !s.archived() && *s.replicationType == ReplicationType::AgentBased
                && s.lifeCycleState() == LC::NotReady;
        };
    }
    QStringList want;
    for (const FleetServer &entry : servers) {
        if (expected(entry.server))
            want << entry.server.id();
    }
    QVERIFY(!want.isEmpty());
    QVERIFY(want.size() < 120);
    int pages = 0;
    QCOMPARE(h.listAllIds(filters, 5, &pages), want);
    QCOMPARE(pages, int((want.size() + 4) / 5));
}

void TestMgnService::badNextToken()
{
    Harness h;
    const QJsonObject first = bodyOf(h.call(post("DescribeSourceServers", { { "maxResults"_L1, 10 } })));
    const QString token = first.value("nextToken"_L1).toString();
    QVERIFY(!token.isEmpty());

    const QList<QJsonObject> bad {
        { { "nextToken"_L1, u"garbage"_s } },
        { { "nextToken"_L1, QString(token.left(token.size() - 2) + u"xx"_s) } },
        // A token of other filters.
        { { "nextToken"_L1, token }, { "filters"_L1, QJsonObject { { "isArchived"_L1, true } } } },
    };
    for (const QJsonObject &request : bad) {
        const EmulatorResponse response = h.call(post("DescribeSourceServers", request));
        QCOMPARE(response.status, 400);
        QCOMPARE(header(response, "x-amzn-ErrorType"), QByteArray("ValidationException"));
        QCOMPARE(
            bodyOf(response).value("fieldList"_L1).toArray().first().toObject().value("name"_L1).toString(),
            u"nextToken"_s);
    }
    // A DescribeSourceServers token is no DescribeJobs token.
    const EmulatorResponse jobs = h.call(post("DescribeJobs", { { "nextToken"_L1, token } }));
    QCOMPARE(jobs.status, 400);
}

void TestMgnService::validation_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    auto json
        = [](const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); };
    const QString id = u"s-0123456789abcdef0"_s;
    QJsonArray many;
    for (const QString &fake : fakeIds(201))
        many.append(fake);

    QTest::newRow("maxResults 0") << QByteArray("DescribeSourceServers") << json({ { "maxResults"_L1, 0 } })
                                  << u"maxResults"_s << u"greater than or equal to 1"_s;
    QTest::newRow("maxResults 1001") << QByteArray("DescribeSourceServers")
                                     << json({ { "maxResults"_L1, 1001 } }) << u"maxResults"_s
                                     << u"less than or equal to 1000"_s;
    QTest::newRow("maxResults string")
        << QByteArray("DescribeSourceServers") << json({ { "maxResults"_L1, u"10"_s } }) << u"maxResults"_s
        << u"integer"_s;
    QTest::newRow("maxResults fraction")
        << QByteArray("DescribeSourceServers") << json({ { "maxResults"_L1, 1.5 } }) << u"maxResults"_s
        << u"integer"_s;
    QTest::newRow("201 sourceServerIDs filter")
        << QByteArray("DescribeSourceServers")
        << json({ { "filters"_L1, QJsonObject { { "sourceServerIDs"_L1, many } } } })
        << u"filters.sourceServerIDs"_s << u"less than or equal to 200"_s;
    QTest::newRow("malformed ID in filter")
        << QByteArray("DescribeSourceServers")
        << json({ { "filters"_L1, QJsonObject { { "sourceServerIDs"_L1, QJsonArray { u"s-123"_s } } } } })
        << u"filters.sourceServerIDs[0]"_s << u"s-[0-9a-zA-Z]{17}"_s;
    QTest::newRow("bad lifecycle state")
        << QByteArray("DescribeSourceServers")
        << json({ { "filters"_L1,
               QJsonObject { { "lifeCycleStates"_L1, QJsonArray { u"ALMOST_READY"_s } } } } })
        << u"filters.lifeCycleStates[0]"_s << u"enum value set"_s;
    QTest::newRow("three replication types")
        << QByteArray("DescribeSourceServers")
        << json({ { "filters"_L1,
               QJsonObject { { "replicationTypes"_L1,
                   QJsonArray { u"AGENT_BASED"_s, u"SNAPSHOT_SHIPPING"_s, u"AGENT_BASED"_s } } } } })
        << u"filters.replicationTypes"_s << u"less than or equal to 2"_s;
    QTest::newRow("isArchived string")
        << QByteArray("DescribeSourceServers")
        << json({ { "filters"_L1, QJsonObject { { "isArchived"_L1, u"yes"_s } } } })
        << u"filters.isArchived"_s << u"boolean"_s;
    QTest::newRow("filters not an object") << QByteArray("DescribeSourceServers")
                                           << json({ { "filters"_L1, 3 } }) << u"filters"_s << u"structure"_s;
    QTest::newRow("accountID") << QByteArray("DescribeSourceServers")
                               << json({ { "accountID"_L1, u"123"_s } }) << u"accountID"_s
                               << u"length greater than or equal to 12"_s;

    for (const char *operation : { "StartTest", "StartCutover", "TerminateTargetInstances" }) {
        QTest::addRow("%s without IDs", operation)
            << QByteArray(operation) << json({}) << u"sourceServerIDs"_s << u"must not be null"_s;
        QTest::addRow("%s with 0 IDs", operation)
            << QByteArray(operation) << json({ { "sourceServerIDs"_L1, QJsonArray() } })
            << u"sourceServerIDs"_s << u"greater than or equal to 1"_s;
        QTest::addRow("%s with 201 IDs", operation)
            << QByteArray(operation) << json({ { "sourceServerIDs"_L1, many } }) << u"sourceServerIDs"_s
            << u"less than or equal to 200"_s;
        QTest::addRow("%s with an ID of the wrong type", operation)
            << QByteArray(operation) << json({ { "sourceServerIDs"_L1, QJsonArray { 12 } } })
            << u"sourceServerIDs[0]"_s << u"string"_s;
    }
    QJsonObject tooManyTags;
    for (int i = 0; i < 51; ++i)
        tooManyTags.insert(u"key%1"_s.arg(i), u"v"_s);
    QTest::newRow("StartTest with 51 tags")
        << QByteArray("StartTest")
        << json({ { "sourceServerIDs"_L1, QJsonArray { id } }, { "tags"_L1, tooManyTags } }) << u"tags"_s
        << u"less than or equal to 50"_s;

    QTest::newRow("lifecycle without lifeCycle")
        << QByteArray("ChangeServerLifeCycleState") << json({ { "sourceServerID"_L1, id } }) << u"lifeCycle"_s
        << u"must not be null"_s;
    QTest::newRow("lifecycle unknown state")
        << QByteArray("ChangeServerLifeCycleState")
        << json({ { "sourceServerID"_L1, id },
               { "lifeCycle"_L1, QJsonObject { { "state"_L1, u"TESTING"_s } } } })
        << u"lifeCycle.state"_s << u"READY_FOR_TEST, READY_FOR_CUTOVER, CUTOVER"_s;
    QTest::newRow("lifecycle CUTOVER")
        << QByteArray("ChangeServerLifeCycleState")
        << json({ { "sourceServerID"_L1, id },
               { "lifeCycle"_L1, QJsonObject { { "state"_L1, u"CUTOVER"_s } } } })
        << u"lifeCycle.state"_s << u"READY_FOR_TEST or READY_FOR_CUTOVER"_s;
    QTest::newRow("lifecycle bad ID")
        << QByteArray("ChangeServerLifeCycleState")
        << json({ { "sourceServerID"_L1, u"s-123"_s },
               { "lifeCycle"_L1, QJsonObject { { "state"_L1, u"READY_FOR_TEST"_s } } } })
        << u"sourceServerID"_s << u"length greater than or equal to 19"_s;

    for (const char *operation : { "FinalizeCutover", "DisconnectFromService", "MarkAsArchived",
             "RetryDataReplication", "StartReplication", "StopReplication", "PauseReplication",
             "ResumeReplication", "DeleteSourceServer", "UpdateSourceServerReplicationType" }) {
        QTest::addRow("%s without ID", operation)
            << QByteArray(operation) << json({}) << u"sourceServerID"_s << u"must not be null"_s;
        QTest::addRow("%s with a number", operation)
            << QByteArray(operation) << json({ { "sourceServerID"_L1, 5 } }) << u"sourceServerID"_s
            << u"string"_s;
    }
    QTest::newRow("replication type unknown")
        << QByteArray("UpdateSourceServerReplicationType")
        << json({ { "sourceServerID"_L1, id }, { "replicationType"_L1, u"AGENTLESS"_s } })
        << u"replicationType"_s << u"AGENT_BASED, SNAPSHOT_SHIPPING"_s;
    QTest::newRow("jobs maxResults 0") << QByteArray("DescribeJobs") << json({ { "maxResults"_L1, 0 } })
                                       << u"maxResults"_s << u"greater than or equal to 1"_s;
    QTest::newRow("jobs fromDate") << QByteArray(
        "DescribeJobs") << json({ { "filters"_L1, QJsonObject { { "fromDate"_L1, u"yesterday"_s } } } })
                                   << u"filters.fromDate"_s << u"regular expression"_s;
    QTest::newRow("jobs jobIDs") << QByteArray("DescribeJobs")
                                 << json({ { "filters"_L1,
                                        QJsonObject { { "jobIDs"_L1, QJsonArray { u"job-1"_s } } } } })
                                 << u"filters.jobIDs[0]"_s << u"mgnjob-"_s;
    QTest::newRow("log without jobID")
        << QByteArray("DescribeJobLogItems") << json({}) << u"jobID"_s << u"must not be null"_s;
    QTest::newRow("log maxResults 1001")
        << QByteArray("DescribeJobLogItems")
        << json({ { "jobID"_L1, u"mgnjob-0123456789abcdef0"_s }, { "maxResults"_L1, 1001 } })
        << u"maxResults"_s << u"less than or equal to 1000"_s;
    QTest::newRow("vcenter without ID")
        << QByteArray("DeleteVcenterClient") << json({}) << u"vcenterClientID"_s << u"must not be null"_s;
    QTest::newRow("vcenter bad ID") << QByteArray("DeleteVcenterClient")
                                    << json({ { "vcenterClientID"_L1, u"vcc-1"_s } }) << u"vcenterClientID"_s
                                    << u"vcc-[0-9a-zA-Z]{17}"_s;
}

void TestMgnService::validation()
{
    QFETCH(QByteArray, operation);
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QString, message);
    Harness h;
    const EmulatorResponse response = h.call(postRaw(operation, body));
    QVERIFY2(response.status == 400, describe(response).constData());
    QCOMPARE(header(response, "x-amzn-ErrorType"), QByteArray("ValidationException"));
    const QJsonObject error = bodyOf(response);
    QCOMPARE(error.value("reason"_L1).toString(), u"fieldValidationFailed"_s);
    QVERIFY(error.value("message"_L1).toString().contains(u"validation error"_s));
    const QJsonArray fields = error.value("fieldList"_L1).toArray();
    bool found = false;
    for (const QJsonValue &value : fields) {
        const QJsonObject entry = value.toObject();
        if (entry.value("name"_L1).toString() == field
            && entry.value("message"_L1).toString().contains(message))
            found = true;
    }
    QVERIFY2(found, describe(response).constData());
    QVERIFY(error.value("message"_L1).toString().contains(u'\'' + field + u'\''));
}

void TestMgnService::malformedBody_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated") << QByteArray("DescribeSourceServers") << QByteArray("{\"maxResults\": 1");
    QTest::newRow("array") << QByteArray("StartTest") << QByteArray("[\"s-0123456789abcdef0\"]");
    QTest::newRow("string") << QByteArray("FinalizeCutover") << QByteArray("\"s-0123456789abcdef0\"");
    QTest::newRow("not JSON") << QByteArray("DescribeJobs") << QByteArray("maxResults=10");
    QTest::newRow("tag body") << QByteArray(
        "tags/arn%3Aaws%3Amgn%3Aus-east-1%3A111122223333%3Ajob%2Fmgnjob-0123456789abcdef0")
                              << QByteArray("{tags}");
}

void TestMgnService::malformedBody()
{
    QFETCH(QByteArray, operation);
    QFETCH(QByteArray, body);
    Harness h;
    const EmulatorResponse response = h.call(postRaw(operation, body));
    QVERIFY2(response.status == 400, describe(response).constData());
    QCOMPARE(header(response, "x-amzn-ErrorType"), QByteArray("ValidationException"));
    QCOMPARE(bodyOf(response).value("reason"_L1).toString(), u"cannotParse"_s);
    QVERIFY(!bodyOf(response).value("message"_L1).toString().isEmpty());
}

void TestMgnService::unknownOperation_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("unknown name") << QByteArray("POST") << QByteArray("/DescribeEverything");
    QTest::newRow("root") << QByteArray("POST") << QByteArray("/");
    QTest::newRow("GET of a POST operation") << QByteArray("GET") << QByteArray("/DescribeSourceServers");
    QTest::newRow("POST of the GET operation") << QByteArray("POST") << QByteArray("/DescribeVcenterClients");
    QTest::newRow("DELETE") << QByteArray("DELETE") << QByteArray("/StartTest");
    QTest::newRow("PUT tags") << QByteArray("PUT") << QByteArray("/tags/arn%3Aaws%3Amgn");
    QTest::newRow("case") << QByteArray("POST") << QByteArray("/describesourceservers");
}

void TestMgnService::unknownOperation()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    Harness h;
    const EmulatorResponse response = h.call({ method, path, {}, {}, "{}" });
    QCOMPARE(response.status, 404);
    QCOMPARE(header(response, "x-amzn-ErrorType"), QByteArray("UnknownOperationException"));
    QVERIFY(!bodyOf(response).value("message"_L1).toString().isEmpty());
}

void TestMgnService::resourceNotFound_data()
{
    QTest::addColumn<EmulatorRequest>("request");
    QTest::addColumn<QString>("resourceType");
    const QString unknown = u"s-0000000000000000a"_s;
    for (const char *operation : { "FinalizeCutover", "DisconnectFromService", "MarkAsArchived",
             "RetryDataReplication", "StartReplication", "StopReplication", "PauseReplication",
             "ResumeReplication", "DeleteSourceServer" })
        QTest::addRow("%s", operation)
            << post(operation, { { "sourceServerID"_L1, unknown } }) << u"SOURCE_SERVER"_s;
    QTest::newRow("ChangeServerLifeCycleState") << post("ChangeServerLifeCycleState",
        { { "sourceServerID"_L1, unknown },
            { "lifeCycle"_L1, QJsonObject { { "state"_L1, u"READY_FOR_TEST"_s } } } })
                                                << u"SOURCE_SERVER"_s;
    QTest::newRow("UpdateSourceServerReplicationType") << post("UpdateSourceServerReplicationType",
        { { "sourceServerID"_L1, unknown }, { "replicationType"_L1, u"AGENT_BASED"_s } })
                                                       << u"SOURCE_SERVER"_s;
    QTest::newRow("DeleteVcenterClient")
        << post("DeleteVcenterClient", { { "vcenterClientID"_L1, u"vcc-0000000000000000a"_s } })
        << u"VCENTER_CLIENT"_s;
    const QString serverArn = u"arn:aws:mgn:us-east-1:111122223333:source-server/"_s + unknown;
    QTest::newRow("ListTagsForResource")
        << EmulatorRequest { "GET", tagsPath(serverArn).toLatin1(), {}, {}, {} } << u"SOURCE_SERVER"_s;
    QTest::newRow("TagResource") << EmulatorRequest { "POST", tagsPath(serverArn).toLatin1(), {}, {},
        "{\"tags\":{\"a\":\"b\"}}" }
                                 << u"SOURCE_SERVER"_s;
    QTest::newRow("UntagResource") << EmulatorRequest { "DELETE",
        tagsPath(u"arn:aws:mgn:us-east-1:111122223333:job/mgnjob-0000000000000000a"_s).toLatin1(),
        "tagKeys=a", {}, {} } << u"JOB"_s;
}

void TestMgnService::resourceNotFound()
{
    QFETCH(EmulatorRequest, request);
    QFETCH(QString, resourceType);
    Harness h;
    const EmulatorResponse response = h.call(request);
    QVERIFY2(response.status == 404, describe(response).constData());
    QCOMPARE(header(response, "x-amzn-ErrorType"), QByteArray("ResourceNotFoundException"));
    const QJsonObject body = bodyOf(response);
    QCOMPARE(body.value("resourceType"_L1).toString(), resourceType);
    QVERIFY(!body.value("resourceId"_L1).toString().isEmpty());
    QVERIFY(body.value("message"_L1).toString().contains(body.value("resourceId"_L1).toString()));

    // A known server named with another account is not found either.
    if (resourceType == u"SOURCE_SERVER"_s && request.method == "POST"
        && !request.path.startsWith("/tags/")) {
        QJsonObject other = QJsonDocument::fromJson(request.body).object();
        other.insert("sourceServerID"_L1, h.service.fleet().servers.front().server.id());
        other.insert("accountID"_L1, u"999988887777"_s);
        QCOMPARE(h.call({ "POST", request.path, {}, {}, QJsonDocument(other).toJson() }).status, 404);
    }
}

void TestMgnService::refusals_data()
{
    QTest::addColumn<Action>("action");
    QTest::addColumn<int>("cell");
    for (const auto &rule : ActionRules::allRules()) {
        if (rule.scope != ActionRules::Scope::SourceServer)
            continue;
        for (int c = 0; c < cells().size(); ++c)
            QTest::addRow("%s %s", QString(rule.apiCall).toLatin1().constData(), cells().at(c).name)
                << rule.action << c;
    }
}

void TestMgnService::refusals()
{
    QFETCH(Action, action);
    QFETCH(int, cell);
    Harness h(30, 5);
    FleetServer &entry = h.service.fleet().servers[3];
    pin(entry, cells().at(cell));
    // Agent-based with a vCenter client, so the type change has a target.
    entry.server.replicationType = EnumValue<ReplicationType>(ReplicationType::AgentBased);
    entry.server.vcenterClientID = h.service.fleet().vcenterClients.first().vcenterClientID;
    const SourceServer server = entry.server;
    const QString id = server.id();
    const auto &rule = ActionRules::rule(action);
    const ActionRules::Verdict verdict = ActionRules::evaluate(action, server);

    EmulatorRequest request;
    const QByteArray call = QString(rule.apiCall).toLatin1();
    if (rule.lifeCycleTarget) {
        request = post(call,
            { { "sourceServerID"_L1, id },
                { "lifeCycle"_L1,
                    QJsonObject { { "state"_L1,
                        QString(EnumValue<ChangeServerLifeCycleStateSourceServerLifecycleState>::wireName(
                            *rule.lifeCycleTarget)) } } } });
    } else if (rule.isBulk()) {
        request = post(call, { { "sourceServerIDs"_L1, QJsonArray { id } } });
    } else if (action == Action::ChangeReplicationType) {
        request
            = post(call, { { "sourceServerID"_L1, id }, { "replicationType"_L1, u"SNAPSHOT_SHIPPING"_s } });
    } else {
        request = post(call, { { "sourceServerID"_L1, id } });
    }
    const EmulatorResponse response = h.call(request);

    if (verdict.allowed) {
        const int expected = rule.isBulk() ? 202 : action == Action::DeleteSourceServer ? 204 : 200;
        QVERIFY2(response.status == expected, describe(response).constData());
        return;
    }
    const QJsonObject body = bodyOf(response);
    const QString message = body.value("message"_L1).toString();
    QVERIFY2(message.contains(verdict.reason), describe(response).constData());
    QVERIFY2(message.contains(id), describe(response).constData());
    QCOMPARE(QString::fromLatin1(header(response, "x-amzn-ErrorType")), QString(rule.refusalException));
    if (rule.refusalException == "ConflictException"_L1) {
        QCOMPARE(response.status, 409);
        QCOMPARE(body.value("resourceId"_L1).toString(), id);
        QCOMPARE(body.value("resourceType"_L1).toString(), u"SOURCE_SERVER"_s);
        const QJsonArray errors = body.value("errors"_L1).toArray();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().toObject().value("resourceId"_L1).toString(), id);
        QVERIFY(errors.first().toObject().value("message"_L1).toString().contains(verdict.reason));
    } else {
        QCOMPARE(response.status, 400);
        QCOMPARE(body.value("fieldList"_L1).toArray().first().toObject().value("name"_L1).toString(),
            u"sourceServerID"_s);
    }
    // Refused: nothing changed.
    QVERIFY(h.service.fleet().servers[3].server == server);
}

void TestMgnService::replicationTypeChange()
{
    Harness h(120, 4);
    auto &fleet = h.service.fleet();
    const QString withoutClient = h.first([](const SourceServer &s) {
        return *s.replicationType == ReplicationType::AgentBased && !s.vcenterClientID;
    });
    const QString withClient = h.first([](const SourceServer &s) {
        return *s.replicationType == ReplicationType::AgentBased && s.vcenterClientID;
    });
    QVERIFY(!withoutClient.isEmpty() && !withClient.isEmpty());

    EmulatorResponse response = h.call(post("UpdateSourceServerReplicationType",
        { { "sourceServerID"_L1, withoutClient }, { "replicationType"_L1, u"SNAPSHOT_SHIPPING"_s } }));
    QCOMPARE(response.status, 409);
    QVERIFY(bodyOf(response).value("message"_L1).toString().contains(u"vCenter"_s));

    response = h.call(post("UpdateSourceServerReplicationType",
        { { "sourceServerID"_L1, withClient }, { "replicationType"_L1, u"AGENT_BASED"_s } }));
    QCOMPARE(response.status, 409);
    QVERIFY(bodyOf(response).value("message"_L1).toString().contains(u"already uses"_s));

    response = h.call(post("UpdateSourceServerReplicationType",
        { { "sourceServerID"_L1, withClient }, { "replicationType"_L1, u"SNAPSHOT_SHIPPING"_s } }));
    QVERIFY2(response.status == 200, describe(response).constData());
    QCOMPARE(bodyOf(response).value("replicationType"_L1).toString(), u"SNAPSHOT_SHIPPING"_s);
    QCOMPARE(*fleet.servers[std::size_t(fleet.findServer(withClient))].server.replicationType,
        ReplicationType::SnapshotShipping);
}

void TestMgnService::bulkRefusalNamesEveryServer()
{
    Harness h(120, 8);
    const QString ready = h.inLifeCycle(LC::ReadyForTest);
    const QString notReady = h.inLifeCycle(LC::NotReady);
    const QString cutover = h.inLifeCycle(LC::Cutover);
    QVERIFY(!ready.isEmpty() && !notReady.isEmpty() && !cutover.isEmpty());
    const std::size_t jobsBefore = h.service.fleet().jobs.size();

    const EmulatorResponse response = h.call(
        post("StartTest", { { "sourceServerIDs"_L1, idArray({ ready, notReady, cutover, notReady }) } }));
    QVERIFY2(response.status == 409, describe(response).constData());
    const QJsonObject body = bodyOf(response);
    const QJsonArray errors = body.value("errors"_L1).toArray();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.at(0).toObject().value("resourceId"_L1).toString(), notReady);
    QCOMPARE(errors.at(1).toObject().value("resourceId"_L1).toString(), cutover);
    QVERIFY(errors.at(0).toObject().value("message"_L1).toString().contains(u"lag is unknown"_s));
    QVERIFY(errors.at(1).toObject().value("message"_L1).toString().contains(u"cut over"_s));
    QVERIFY(body.value("message"_L1).toString().contains(u"2 of the 3"_s));
    QCOMPARE(h.service.fleet().jobs.size(), jobsBefore);
    QCOMPARE(*h.server(ready).lifeCycleState(), LC::ReadyForTest);
}

void TestMgnService::bulkUnknownIds()
{
    Harness h;
    const QString ready = h.inLifeCycle(LC::ReadyForTest);
    const EmulatorResponse response = h.call(
        post("StartCutover", { { "sourceServerIDs"_L1, idArray({ ready, u"s-0000000000000000b"_s }) } }));
    QVERIFY2(response.status == 400, describe(response).constData());
    QCOMPARE(header(response, "x-amzn-ErrorType"), QByteArray("ValidationException"));
    const QJsonObject field = bodyOf(response).value("fieldList"_L1).toArray().first().toObject();
    QCOMPARE(field.value("name"_L1).toString(), u"sourceServerIDs[1]"_s);
    QCOMPARE(*h.server(ready).lifeCycleState(), LC::ReadyForTest);
}

void TestMgnService::lifeCycleChanges()
{
    Harness h(120, 9);
    const QString testing = h.inLifeCycle(LC::Testing);
    QVERIFY(!testing.isEmpty());
    auto change = [&h](const QString &id, const QString &state) {
        return h.call(post("ChangeServerLifeCycleState",
            { { "sourceServerID"_L1, id }, { "lifeCycle"_L1, QJsonObject { { "state"_L1, state } } } }));
    };
    h.clock->advance(std::chrono::minutes(30));
    EmulatorResponse response = change(testing, u"READY_FOR_CUTOVER"_s);
    QVERIFY2(response.status == 200, describe(response).constData());
    QJsonObject lifeCycle = bodyOf(response).value("lifeCycle"_L1).toObject();
    QCOMPARE(lifeCycle.value("state"_L1).toString(), u"READY_FOR_CUTOVER"_s);
    const QString now = u"2026-03-02T09:30:00.000Z"_s;
    QCOMPARE(lifeCycle.value("lastTest"_L1)
                 .toObject()
                 .value("finalized"_L1)
                 .toObject()
                 .value("apiCallDateTime"_L1)
                 .toString(),
        now);

    response = change(testing, u"READY_FOR_TEST"_s);
    QVERIFY2(response.status == 200, describe(response).constData());
    lifeCycle = bodyOf(response).value("lifeCycle"_L1).toObject();
    QCOMPARE(lifeCycle.value("state"_L1).toString(), u"READY_FOR_TEST"_s);
    QCOMPARE(lifeCycle.value("lastTest"_L1)
                 .toObject()
                 .value("reverted"_L1)
                 .toObject()
                 .value("apiCallDateTime"_L1)
                 .toString(),
        now);
}

void TestMgnService::testAndCutoverMigration()
{
    Harness h(80, 12);
    const QString id = h.inLifeCycle(LC::ReadyForTest);
    QVERIFY(!id.isEmpty());

    // Launch a test.
    EmulatorResponse response = h.call(post("StartTest",
        { { "sourceServerIDs"_L1, idArray({ id }) },
            { "tags"_L1, QJsonObject { { "purpose"_L1, u"rehearsal"_s } } } }));
    QVERIFY2(response.status == 202, describe(response).constData());
    const QJsonObject job = bodyOf(response).value("job"_L1).toObject();
    const QString jobID = job.value("jobID"_L1).toString();
    QVERIFY(QRegularExpression(u"^mgnjob-[0-9a-f]{17}$"_s).match(jobID).hasMatch());
    QCOMPARE(job.value("type"_L1).toString(), u"LAUNCH"_s);
    QCOMPARE(job.value("initiatedBy"_L1).toString(), u"START_TEST"_s);
    QCOMPARE(job.value("status"_L1).toString(), u"PENDING"_s);
    QCOMPARE(job.value("creationDateTime"_L1).toString(), u"2026-03-02T09:00:00.000Z"_s);
    QCOMPARE(job.value("tags"_L1).toObject().value("purpose"_L1).toString(), u"rehearsal"_s);
    QCOMPARE(
        job.value("participatingServers"_L1).toArray().first().toObject().value("launchStatus"_L1).toString(),
        u"PENDING"_s);
    QCOMPARE(*h.server(id).lifeCycleState(), LC::Testing);
    QCOMPARE(*h.server(id).lifeCycle->lastTest->initiated->jobID, jobID);

    // Launching again while testing is refused.
    QCOMPARE(h.call(post("StartTest", { { "sourceServerIDs"_L1, idArray({ id }) } })).status, 409);

    h.clock->advance(std::chrono::hours(1));
    response = h.call(
        post("DescribeJobs", { { "filters"_L1, QJsonObject { { "jobIDs"_L1, QJsonArray { jobID } } } } }));
    QCOMPARE(response.status, 200);
    const QJsonObject done = bodyOf(response).value("items"_L1).toArray().first().toObject();
    QCOMPARE(done.value("status"_L1).toString(), u"COMPLETED"_s);
    const QJsonObject participant = done.value("participatingServers"_L1).toArray().first().toObject();
    if (participant.value("launchStatus"_L1).toString() == u"LAUNCHED"_s) {
        QVERIFY(QRegularExpression(u"^i-[0-9a-f]{17}$"_s)
                    .match(participant.value("launchedEc2InstanceID"_L1).toString())
                    .hasMatch());
        QCOMPARE(*h.server(id).launchedInstance->ec2InstanceID,
            participant.value("launchedEc2InstanceID"_L1).toString());
    }

    // Ready for cutover, cutover, finalize, archive.
    response = h.call(post("ChangeServerLifeCycleState",
        { { "sourceServerID"_L1, id },
            { "lifeCycle"_L1, QJsonObject { { "state"_L1, u"READY_FOR_CUTOVER"_s } } } }));
    QVERIFY2(response.status == 200, describe(response).constData());
    QCOMPARE(h.call(post("FinalizeCutover", { { "sourceServerID"_L1, id } })).status, 409);
    response = h.call(post("StartCutover", { { "sourceServerIDs"_L1, idArray({ id }) } }));
    QVERIFY2(response.status == 202, describe(response).constData());
    QCOMPARE(
        bodyOf(response).value("job"_L1).toObject().value("initiatedBy"_L1).toString(), u"START_CUTOVER"_s);
    QCOMPARE(*h.server(id).lifeCycleState(), LC::CuttingOver);
    QCOMPARE(h.call(post("MarkAsArchived", { { "sourceServerID"_L1, id } })).status, 409);

    h.clock->advance(std::chrono::hours(1));
    response = h.call(post("FinalizeCutover", { { "sourceServerID"_L1, id } }));
    QVERIFY2(response.status == 200, describe(response).constData());
    QJsonObject server = bodyOf(response);
    QCOMPARE(server.value("lifeCycle"_L1).toObject().value("state"_L1).toString(), u"CUTOVER"_s);
    const QJsonObject info = server.value("dataReplicationInfo"_L1).toObject();
    QCOMPARE(info.value("dataReplicationState"_L1).toString(), u"DISCONNECTED"_s);
    QVERIFY(!info.contains("lagDuration"_L1));
    QVERIFY(!info.contains("etaDateTime"_L1));
    for (const QJsonValue &disk : info.value("replicatedDisks"_L1).toArray())
        QCOMPARE(disk.toObject().value("totalStorageBytes"_L1).toInteger(), 0);
    QCOMPARE(server.value("lifeCycle"_L1)
                 .toObject()
                 .value("lastCutover"_L1)
                 .toObject()
                 .value("finalized"_L1)
                 .toObject()
                 .value("apiCallDateTime"_L1)
                 .toString(),
        u"2026-03-02T11:00:00.000Z"_s);

    response = h.call(post("MarkAsArchived", { { "sourceServerID"_L1, id } }));
    QVERIFY2(response.status == 200, describe(response).constData());
    QCOMPARE(bodyOf(response).value("isArchived"_L1).toBool(), true);
    QCOMPARE(h.call(post("MarkAsArchived", { { "sourceServerID"_L1, id } })).status, 409);

    // Disconnected servers can be deleted.
    response = h.call(post("DeleteSourceServer", { { "sourceServerID"_L1, id } }));
    QVERIFY2(response.status == 204, describe(response).constData());
    QVERIFY(response.body.isEmpty());
    response = h.call(post("DescribeSourceServers",
        { { "filters"_L1, QJsonObject { { "sourceServerIDs"_L1, idArray({ id }) } } } }));
    QCOMPARE(bodyOf(response).value("items"_L1).toArray().size(), 0);
    QCOMPARE(h.call(post("DeleteSourceServer", { { "sourceServerID"_L1, id } })).status, 404);
}

void TestMgnService::disconnectEffects()
{
    Harness h(80, 14);
    const QString id = h.first([](const SourceServer &s) { return s.replicationState() == RS::Continuous; });
    QVERIFY(!id.isEmpty());
    QCOMPARE(h.call(post("DeleteSourceServer", { { "sourceServerID"_L1, id } })).status, 409);
    const EmulatorResponse response = h.call(post("DisconnectFromService", { { "sourceServerID"_L1, id } }));
    QVERIFY2(response.status == 200, describe(response).constData());
    const QJsonObject server = bodyOf(response);
    const QJsonObject info = server.value("dataReplicationInfo"_L1).toObject();
    QCOMPARE(info.value("dataReplicationState"_L1).toString(), u"DISCONNECTED"_s);
    QVERIFY(!info.contains("lagDuration"_L1));
    QVERIFY(!info.contains("etaDateTime"_L1));
    for (const QJsonValue &disk : info.value("replicatedDisks"_L1).toArray())
        QCOMPARE(disk.toObject().value("totalStorageBytes"_L1).toInteger(), 0);
    QCOMPARE(server.value("lifeCycle"_L1).toObject().value("state"_L1).toString(), u"DISCONNECTED"_s);
    QCOMPARE(h.call(post("DisconnectFromService", { { "sourceServerID"_L1, id } })).status, 409);

    // Nothing moves on any more.
    h.clock->advance(std::chrono::hours(10));
    QCOMPARE(*h.server(id).replicationState(), RS::Disconnected);
    QVERIFY(!h.server(id).lag());
}

void TestMgnService::replicationCalls()
{
    Harness h(80, 15);
    const QString id = h.first([](const SourceServer &s) {
        return s.replicationState() == RS::Continuous && s.lifeCycleState() == LC::ReadyForTest;
    });
    QVERIFY(!id.isEmpty());
    auto act = [&h, &id](const char *operation) {
        return h.call(post(operation, { { "sourceServerID"_L1, id } }));
    };
    auto stateOf = [](const EmulatorResponse &response) {
        return bodyOf(response)
            .value("dataReplicationInfo"_L1)
            .toObject()
            .value("dataReplicationState"_L1)
            .toString();
    };

    QCOMPARE(act("ResumeReplication").status, 409);
    QCOMPARE(act("RetryDataReplication").status, 400); // the model declares ValidationException
    EmulatorResponse response = act("PauseReplication");
    QVERIFY2(response.status == 200, describe(response).constData());
    QCOMPARE(stateOf(response), u"PAUSED"_s);
    QCOMPARE(act("PauseReplication").status, 409);
    h.clock->advance(std::chrono::minutes(10));
    const qint64 pausedLag = *h.server(id).lag();
    QVERIFY(pausedLag >= 10 * 60 * 1000);
    response = act("ResumeReplication");
    QVERIFY2(response.status == 200, describe(response).constData());
    QCOMPARE(stateOf(response), u"CONTINUOUS"_s);

    response = act("StopReplication");
    QVERIFY2(response.status == 200, describe(response).constData());
    QCOMPARE(stateOf(response), u"STOPPED"_s);
    QCOMPARE(bodyOf(response).value("lifeCycle"_L1).toObject().value("state"_L1).toString(), u"STOPPED"_s);
    QVERIFY(!bodyOf(response).value("dataReplicationInfo"_L1).toObject().contains("lagDuration"_L1));
    QCOMPARE(act("StopReplication").status, 409);

    response = act("StartReplication");
    QVERIFY2(response.status == 200, describe(response).constData());
    QCOMPARE(stateOf(response), u"INITIATING"_s);
    QCOMPARE(bodyOf(response).value("lifeCycle"_L1).toObject().value("state"_L1).toString(), u"NOT_READY"_s);
    QCOMPARE(act("StartReplication").status, 409);

    // Initiation, then a rescan (the disks were copied before), then ready again.
    for (int minutes = 0; minutes < 24 * 60 && h.server(id).lifeCycleState() != LC::ReadyForTest;
         minutes += 5) {
        h.clock->advance(std::chrono::minutes(5));
        h.service.advance();
        if (h.server(id).replicationState() == RS::Stalled) {
            response = act("RetryDataReplication");
            QVERIFY2(response.status == 200, describe(response).constData());
            QCOMPARE(stateOf(response), u"INITIATING"_s);
        }
    }
    QCOMPARE(*h.server(id).lifeCycleState(), LC::ReadyForTest);
    QVERIFY(h.server(id).lag());
}

void TestMgnService::terminateTargetInstances()
{
    Harness h(120, 16);
    const QString id = h.first([](const SourceServer &s) {
        return s.lifeCycleState() == LC::ReadyForCutover && s.launchedInstance;
    });
    QVERIFY(!id.isEmpty());
    EmulatorResponse response
        = h.call(post("TerminateTargetInstances", { { "sourceServerIDs"_L1, idArray({ id }) } }));
    QVERIFY2(response.status == 202, describe(response).constData());
    const QJsonObject job = bodyOf(response).value("job"_L1).toObject();
    QCOMPARE(job.value("type"_L1).toString(), u"TERMINATE"_s);
    QCOMPARE(job.value("initiatedBy"_L1).toString(), u"TERMINATE"_s);
    h.clock->advance(std::chrono::minutes(10));
    response = h.call(post("DescribeJobs",
        { { "filters"_L1,
            QJsonObject { { "jobIDs"_L1, QJsonArray { job.value("jobID"_L1).toString() } } } } }));
    const QJsonObject done = bodyOf(response).value("items"_L1).toArray().first().toObject();
    QCOMPARE(done.value("status"_L1).toString(), u"COMPLETED"_s);
    QCOMPARE(done.value("participatingServers"_L1)
                 .toArray()
                 .first()
                 .toObject()
                 .value("launchStatus"_L1)
                 .toString(),
        u"TERMINATED"_s);
    QVERIFY(!h.server(id).launchedInstance);
}

void TestMgnService::describeJobs()
{
    Harness h(120, 18);
    const auto &jobs = h.service.fleet().jobs;
    QVERIFY(jobs.size() > 10);
    EmulatorResponse response = h.call(post("DescribeJobs"));
    QCOMPARE(response.status, 200);
    const QJsonArray all = bodyOf(response).value("items"_L1).toArray();
    QCOMPARE(all.size(), qsizetype(jobs.size()));
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1).toObject().value("creationDateTime"_L1).toString()
            >= all.at(i).toObject().value("creationDateTime"_L1).toString());

    // Paging.
    QStringList paged;
    std::optional<QString> token;
    int pages = 0;
    do {
        QJsonObject request { { "maxResults"_L1, 4 } };
        if (token)
            request.insert("nextToken"_L1, *token);
        const QJsonObject body = bodyOf(h.call(post("DescribeJobs", request)));
        for (const QJsonValue &job : body.value("items"_L1).toArray())
            paged << job.toObject().value("jobID"_L1).toString();
        token = body.contains("nextToken"_L1) ? std::optional<QString>(body.value("nextToken"_L1).toString())
                                              : std::nullopt;
        ++pages;
    } while (token);
    QCOMPARE(paged.size(), all.size());
    QCOMPARE(pages, int((all.size() + 3) / 4));

    // Dates.
    const QString middle = all.at(all.size() / 2).toObject().value("creationDateTime"_L1).toString();
    const QString from = QString(middle.left(19) + u"Z"_s);
    response = h.call(post("DescribeJobs", { { "filters"_L1, QJsonObject { { "fromDate"_L1, from } } } }));
    QVERIFY2(response.status == 200, describe(response).constData());
    const QJsonArray recent = bodyOf(response).value("items"_L1).toArray();
    QVERIFY(!recent.isEmpty() && recent.size() < all.size());
    const QDateTime fromTime = QDateTime::fromString(from, Qt::ISODate);
    for (const QJsonValue &job : recent)
        QVERIFY(
            QDateTime::fromString(job.toObject().value("creationDateTime"_L1).toString(), Qt::ISODateWithMs)
            >= fromTime);
    response = h.call(post("DescribeJobs", { { "filters"_L1, QJsonObject { { "toDate"_L1, from } } } }));
    QCOMPARE(bodyOf(response).value("items"_L1).toArray().size() + recent.size(), all.size());
}

void TestMgnService::describeJobLogItems()
{
    Harness h(120, 18);
    const FleetJob &job = *std::find_if(h.service.fleet().jobs.begin(), h.service.fleet().jobs.end(),
        [](const FleetJob &j) { return *j.job.status == JobStatus::Completed; });
    const QString jobID = job.job.jobID;
    EmulatorResponse response = h.call(post("DescribeJobLogItems", { { "jobID"_L1, jobID } }));
    QCOMPARE(response.status, 200);
    const QJsonArray items = bodyOf(response).value("items"_L1).toArray();
    QCOMPARE(items.size(), job.log.size());
    QCOMPARE(items.first().toObject().value("event"_L1).toString(), u"JOB_START"_s);
    QCOMPARE(items.last().toObject().value("event"_L1).toString(), u"JOB_END"_s);
    bool named = false;
    for (const QJsonValue &item : items)
        named = named || item.toObject().value("eventData"_L1).toObject().contains("sourceServerID"_L1);
    QVERIFY(named);

    QJsonArray paged;
    std::optional<QString> token;
    do {
        QJsonObject request { { "jobID"_L1, jobID }, { "maxResults"_L1, 3 } };
        if (token)
            request.insert("nextToken"_L1, *token);
        const QJsonObject body = bodyOf(h.call(post("DescribeJobLogItems", request)));
        for (const QJsonValue &item : body.value("items"_L1).toArray())
            paged.append(item);
        token = body.contains("nextToken"_L1) ? std::optional<QString>(body.value("nextToken"_L1).toString())
                                              : std::nullopt;
    } while (token);
    QCOMPARE(paged, items);

    response = h.call(post("DescribeJobLogItems", { { "jobID"_L1, u"mgnjob-0000000000000000a"_s } }));
    QCOMPARE(response.status, 200);
    QCOMPARE(bodyOf(response).value("items"_L1).toArray().size(), 0);
}

void TestMgnService::vcenterClients()
{
    Harness h(400, 19);
    const auto clients = h.service.fleet().vcenterClients;
    QVERIFY(clients.size() >= 2);
    EmulatorResponse response = h.call({ "GET", "/DescribeVcenterClients", {}, {}, {} });
    QCOMPARE(response.status, 200);
    const QJsonArray items = bodyOf(response).value("items"_L1).toArray();
    QCOMPARE(items.size(), clients.size());
    const QJsonObject first = items.first().toObject();
    QVERIFY(QRegularExpression(u"^vcc-[0-9a-f]{17}$"_s)
                .match(first.value("vcenterClientID"_L1).toString())
                .hasMatch());
    QVERIFY(first.value("arn"_L1).toString().contains(u":vcenter-client/vcc-"_s));
    QVERIFY(!first.value("hostname"_L1).toString().isEmpty());

    response = h.call({ "GET", "/DescribeVcenterClients", "maxResults=1", {}, {} });
    const QJsonObject page = bodyOf(response);
    QCOMPARE(page.value("items"_L1).toArray().size(), 1);
    const QString token = page.value("nextToken"_L1).toString();
    QVERIFY(!token.isEmpty());
    response = h.call({ "GET", "/DescribeVcenterClients",
        "maxResults=1&nextToken=" + QUrl::toPercentEncoding(token), {}, {} });
    QVERIFY2(response.status == 200, describe(response).constData());
    QCOMPARE(bodyOf(response).value("items"_L1).toArray().first().toObject().value("vcenterClientID"_L1),
        items.at(1).toObject().value("vcenterClientID"_L1));
    for (const QByteArray &query :
        { QByteArray("maxResults=0"), QByteArray("maxResults=abc"), QByteArray("maxResults=1001") }) {
        response = h.call({ "GET", "/DescribeVcenterClients", query, {}, {} });
        QVERIFY2(response.status == 400, describe(response).constData());
        QCOMPARE(
            bodyOf(response).value("fieldList"_L1).toArray().first().toObject().value("name"_L1).toString(),
            u"maxResults"_s);
    }

    const QString id = *clients.first().vcenterClientID;
    response = h.call(post("DeleteVcenterClient", { { "vcenterClientID"_L1, id } }));
    QVERIFY2(response.status == 204, describe(response).constData());
    QCOMPARE(
        bodyOf(h.call({ "GET", "/DescribeVcenterClients", {}, {}, {} })).value("items"_L1).toArray().size(),
        clients.size() - 1);
    QCOMPARE(h.call(post("DeleteVcenterClient", { { "vcenterClientID"_L1, id } })).status, 404);
}

void TestMgnService::tags()
{
    Harness h;
    const SourceServer &server = h.service.fleet().servers.front().server;
    const QString arn = *server.arn;
    const QByteArray path = tagsPath(arn).toLatin1();
    QVERIFY(path.contains("%3A") && path.contains("%2F"));

    EmulatorResponse response = h.call({ "GET", path, {}, {}, {} });
    QVERIFY2(response.status == 200, describe(response).constData());
    const QJsonObject before = bodyOf(response).value("tags"_L1).toObject();
    QCOMPARE(before.size(), server.tags->size());

    response = h.call({ "POST", path, {}, {}, R"({"tags":{"Team":"blue","Wave":"3"}})" });
    QVERIFY2(response.status == 200, describe(response).constData());
    QVERIFY(response.body.isEmpty());
    QJsonObject tags = bodyOf(h.call({ "GET", path, {}, {}, {} })).value("tags"_L1).toObject();
    QCOMPARE(tags.value("Team"_L1).toString(), u"blue"_s);
    QCOMPARE(tags.size(),
        before.size() + 2 - (before.contains("Team"_L1) ? 1 : 0) - (before.contains("Wave"_L1) ? 1 : 0));

    response = h.call({ "DELETE", path, "tagKeys=Team&tagKeys=Wave", {}, {} });
    QVERIFY2(response.status == 200, describe(response).constData());
    tags = bodyOf(h.call({ "GET", path, {}, {}, {} })).value("tags"_L1).toObject();
    QVERIFY(!tags.contains("Team"_L1) && !tags.contains("Wave"_L1));

    // A job's and a vCenter client's ARN work too.
    const QString jobArn = *h.service.fleet().jobs.front().job.arn;
    QCOMPARE(h.call({ "POST", tagsPath(jobArn).toLatin1(), {}, {}, R"({"tags":{"a":"b"}})" }).status, 200);
    QCOMPARE(bodyOf(h.call({ "GET", tagsPath(jobArn).toLatin1(), {}, {}, {} }))
                 .value("tags"_L1)
                 .toObject()
                 .value("a"_L1),
        QJsonValue(u"b"_s));
    const QString vcenterArn = *h.service.fleet().vcenterClients.front().arn;
    QCOMPARE(h.call({ "GET", tagsPath(vcenterArn).toLatin1(), {}, {}, {} }).status, 200);

    // Bad input.
    response = h.call({ "POST", path, {}, {}, R"({"tags":{"aws:owner":"x"}})" });
    QCOMPARE(response.status, 400);
    response = h.call({ "POST", path, {}, {}, "{}" });
    QCOMPARE(response.status, 400);
    QCOMPARE(bodyOf(response).value("fieldList"_L1).toArray().first().toObject().value("name"_L1).toString(),
        u"tags"_s);
    response = h.call({ "DELETE", path, {}, {}, {} });
    QCOMPARE(response.status, 400);
    QCOMPARE(bodyOf(response).value("fieldList"_L1).toArray().first().toObject().value("name"_L1).toString(),
        u"tagKeys"_s);
    response = h.call({ "GET", "/tags/short", {}, {}, {} });
    QCOMPARE(response.status, 400);
    QJsonObject many;
    for (int i = 0; i < 50; ++i)
        many.insert(u"k%1"_s.arg(i), u"v"_s);
    response = h.call({ "POST", path, {}, {}, QJsonDocument(QJsonObject { { "tags"_L1, many } }).toJson() });
    QVERIFY2(response.status == 400, describe(response).constData()); // 50 new ones on top of those it has
}

void TestMgnService::initializeService()
{
    Harness h;
    const EmulatorResponse response = h.call(post("InitializeService"));
    QCOMPARE(response.status, 204);
    QVERIFY(response.body.isEmpty());
}

void TestMgnService::uninitializedAccount_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("operation");
    for (const char *name : { "DescribeSourceServers", "ChangeServerLifeCycleState",
             "UpdateSourceServerReplicationType", "FinalizeCutover", "DisconnectFromService",
             "MarkAsArchived", "RetryDataReplication", "StartReplication", "StopReplication",
             "PauseReplication", "ResumeReplication", "DeleteSourceServer", "StartTest", "StartCutover",
             "TerminateTargetInstances", "DescribeJobs", "DescribeJobLogItems", "DeleteVcenterClient" })
        QTest::newRow(name) << QByteArray("POST") << QByteArray(name);
    QTest::newRow("DescribeVcenterClients") << QByteArray("GET") << QByteArray("DescribeVcenterClients");
}

// Every operation the API model declares UninitializedAccountException on
// answers it until InitializeService; tagging (which does not) goes on working.
void TestMgnService::uninitializedAccount()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, operation);
    const auto clock = std::make_shared<FixedClock>(startTime);
    MgnService::Options options { 20, 7, 1.0, account, u"us-east-1"_s };
    options.initialized = false;
    MgnService service(options, clock);
    const QString id = service.fleet().servers.front().server.id();
    const QByteArray body
        = QJsonDocument(QJsonObject { { "sourceServerID"_L1, id },
                            { "sourceServerIDs"_L1, QJsonArray { id } }, { "filters"_L1, QJsonObject {} } })
              .toJson();
    const EmulatorRequest request { method, QByteArray('/' + operation), {}, {},
        method == "GET" ? QByteArray() : body };
    const Fleet before = service.fleet();

    EmulatorResponse response = service.handle(request);
    QVERIFY2(response.status == 400, describe(response).constData());
    QCOMPARE(header(response, "x-amzn-ErrorType"), QByteArray("UninitializedAccountException"));
    QVERIFY(bodyOf(response).value("message"_L1).toString().contains("InitializeService"_L1));
    QVERIFY(service.fleet().servers == before.servers);
    QCOMPARE(service.fleet().jobs.size(), before.jobs.size());

    const QByteArray tags = tagsPath(*service.fleet().servers.front().server.arn).toLatin1();
    QCOMPARE(service.handle({ "GET", tags, {}, {}, {} }).status, 200);

    QCOMPARE(service.handle(post("InitializeService")).status, 204);
    QVERIFY(service.fleet().initialized);
    response = service.handle(request);
    QVERIFY2(header(response, "x-amzn-ErrorType") != "UninitializedAccountException",
        describe(response).constData());
    QCOMPARE(service.handle(post("InitializeService")).status, 204);
}

void TestMgnService::largeFleetPages()
{
    QElapsedTimer timer;
    timer.start();
    Harness h(10000, 2);
    const qint64 generation = timer.elapsed();
    timer.restart();
    std::optional<QString> token;
    int pages = 0;
    int servers = 0;
    qint64 slowest = 0;
    qint64 bytes = 0;
    do {
        QElapsedTimer page;
        page.start();
        QJsonObject request { { "maxResults"_L1, 1000 } };
        if (token)
            request.insert("nextToken"_L1, *token);
        h.clock->advance(std::chrono::milliseconds(100));
        const EmulatorResponse response = h.call(post("DescribeSourceServers", request));
        slowest = std::max(slowest, page.elapsed());
        QCOMPARE(response.status, 200);
        bytes += response.body.size();
        const QJsonObject body = bodyOf(response);
        servers += int(body.value("items"_L1).toArray().size());
        token = body.contains("nextToken"_L1) ? std::optional<QString>(body.value("nextToken"_L1).toString())
                                              : std::nullopt;
        ++pages;
    } while (token);
    const qint64 total = timer.elapsed();
    qInfo("10,000 servers: generated in %lld ms; 10 pages of 1000 (%lld bytes) in %lld ms (slowest page %lld "
          "ms, "
          "parsing included)",
        generation, bytes, total, slowest);
    QCOMPARE(pages, 10);
    QCOMPARE(servers, 10000);
    QVERIFY2(slowest < 2000, "a page of 1000 servers answers in well under two seconds");
}

QTEST_GUILESS_MAIN(TestMgnService)
#include "tst_mgnservice.moc"
