#include "app/cli/CliResponse.h"
#include "app/cli/CliTableFormatter.h"
#include "models/api/ApiModel.h"
#include "tests/support/PeerTool.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace mgn;
using namespace Qt::Literals::StringLiterals;

namespace {

// tests/interop/awscli_render.py prints what the AWS CLI prints for the same
// bodies (botocore's parser and paginator, awscli's formatter); every case
// goes to one python run.
const QString scriptPath = QStringLiteral(MGN_TEST_DATA_DIR "/../interop/awscli_render.py");

struct RenderCase final {
    RenderCase(QString name_, QString operation_, QList<QByteArray> bodies_, CliResponse::Paging paging_ = {})
        : name(std::move(name_))
        , operation(std::move(operation_))
        , bodies(std::move(bodies_))
        , paging(std::move(paging_))
    { }

    QString name;
    QString operation;
    QList<QByteArray> bodies;
    CliResponse::Paging paging;
    CliResponse::Format format = CliResponse::Format::Json;
};

CliResponse::Paging paging(
    std::optional<qint64> maxItems, std::optional<QString> startingToken = std::nullopt)
{
    CliResponse::Paging p;
    p.maxItems = maxItems;
    p.startingToken = std::move(startingToken);
    return p;
}

CliResponse::Paging noPaginate()
{
    CliResponse::Paging p;
    p.paginate = false;
    return p;
}

QString base64Of(const char *json)
{
    return QString::fromLatin1(QByteArray(json).toBase64());
}

// Three pages of DescribeSourceServers: two servers, three, one.
const QByteArray page1 = R"({"nextToken": "t1", "items": [
    {"arn": "arn:aws:mgn:us-east-1:111122223333:source-server/s-1", "sourceServerID": "s-1",
     "tags": {"b": "2", "a": "1"}, "futureMember": {"x": 1}},
    {"sourceServerID": "s-2", "isArchived": false, "replicationType": "AGENT_BASED"}]})";
const QByteArray page2 = R"({"items": [{"sourceServerID": "s-3"}, {"sourceServerID": "s-4"},
    {"sourceServerID": "s-5", "lifeCycle": {"state": "READY_FOR_TEST", "addedToServiceDateTime": "2026-11-01T20:30:37.000+00:00"}}],
    "nextToken": "t2"})";
const QByteArray page3 = R"({"items": [{"sourceServerID": "s-6", "tags": {}}], "nextToken": null})";

// Floats where Python's repr() is easy to get wrong: shortest round trip,
// the switch to exponent notation, integers read as floats, subnormals.
QByteArray floatsPage()
{
    const char *const numbers[] = { "0.1", "0.30000000000000004", "0.3333333333333333", "2e-7", "0.0001",
        "0.00001", "123456789.123", "1e22", "1e23", "9007199254740993", "5e-324", "2.2250738585072014e-308",
        "1.7976931348623157e308", "-1.5e-10", "1234567890123456.7", "12345678901234567.0",
        "10000000000000000", "1000000000000000", "-0.0", "0", "7", "1.0", "1E+2", "4.35", "0.1e1", "123e-20",
        "-12.5e300", "\"2.5\"", "\" -inf \"", "true" };
    QByteArray page = "{\"items\": [";
    bool first = true;
    for (const char *number : numbers) {
        if (!first)
            page += ", ";
        first = false;
        page += "{\"progressPercentage\": " + QByteArray(number) + "}";
    }
    return page + "]}";
}

QList<RenderCase> renderCases()
{
    const QString dss = u"DescribeSourceServers"_s;
    QList<RenderCase> cases {
        // Structures in the model's order, unknown and null members dropped.
        { u"model order, not the wire's"_s, u"GetReplicationConfiguration"_s,
            { R"({"useFipsEndpoint": true, "stagingAreaTags": {"z": "1", "a": "2"}, "name": "n",
                 "sourceServerID": "s-1", "unknown": [1, 2], "ebsEncryption": null,
                 "replicatedDisks": [{"iops": 3000, "deviceName": "/dev/sda"}, null]})" } },
        { u"a repeated member: the last one"_s, u"GetReplicationConfiguration"_s,
            { R"({"name": "first", "sourceServerID": "s-1", "name": "last",
                 "stagingAreaTags": {"k": "1", "j": "2", "k": "3"}})" } },
        { u"unicode and escapes"_s, u"GetReplicationConfiguration"_s,
            { "{\"name\": \"caf\xc3\xa9 \\u00e9 \\ud83d\\ude00 \xf0\x9f\x98\x80 \\u2028 \xe2\x80\xa8\", "
              "\"sourceServerID\": \"\\/ \\\" \\\\ \\b \\f \\n \\r \\t \\u0001 \\u001f \\u007f \x7f\"}" } },
        { u"member names with escapes"_s, u"GetReplicationConfiguration"_s,
            { R"({"n\u0061me": "escaped name", "sourceServerI\u0044": "s-1"})" } },
        { u"integers as Python keeps them"_s, u"GetReplicationConfiguration"_s,
            { R"({"bandwidthThrottling": 123456789012345678901234567890, "replicatedDisks": [
                 {"iops": -0}, {"iops": 12.9}, {"iops": -2.5}, {"iops": 1e20}, {"iops": "  0042 "},
                 {"iops": true}, {"throughput": 9223372036854775807}, {"throughput": -9223372036854775809}]})" } },
        { u"booleans as botocore reads them"_s, u"GetReplicationConfiguration"_s,
            { R"({"createPublicIP": "TRUE", "useFipsEndpoint": "yes", "associateDefaultSecurityGroup": 1,
                 "useDedicatedReplicationServer": false, "storeSnapshotOnLocalZone": "false"})" } },
        { u"strings kept whatever the wire sends"_s, u"GetReplicationConfiguration"_s,
            { R"({"name": {"b": 1, "a": [1, 2.50, {"x": null}, 1E2], "b": 3}, "sourceServerID": 12,
                 "stagingAreaSubnetId": 1.0, "replicationServerInstanceType": []})" } },
        { u"floats as Python prints them"_s, u"StartExport"_s,
            { R"({"exportTask": {"progressPercentage": 1.5, "summary": {"serversCount": 7}},
                 "unknown": 1})" } },
        { u"an integer read as a float"_s, u"StartExport"_s,
            { R"({"exportTask": {"progressPercentage": 100}})" } },
        { u"a float in a string"_s, u"StartExport"_s,
            { R"({"exportTask": {"progressPercentage": " 1_000.5 "}})" } },
        { u"an infinite float"_s, u"StartExport"_s, { R"({"exportTask": {"progressPercentage": 1e400}})" } },
        { u"a float out of range"_s, u"StartExport"_s,
            { R"({"exportTask": {"progressPercentage": -1e-400}})" } },
        { u"NaN"_s, u"StartExport"_s, { R"({"exportTask": {"progressPercentage": NaN}})" } },
        { u"timestamps as sent"_s, u"GetNetworkMigrationDefinition"_s,
            { R"({"updatedAt": 1700000000.5, "createdAt": "2026-11-01T20:30:37.000+00:00", "tags": {"é": "ü"}})" } },
        { u"a union member this model does not know"_s, u"GetLaunchConfiguration"_s,
            { R"({"sourceServerID": "s-1", "postLaunchActions": {"ssmDocuments": [{"actionName": "a",
                 "ssmDocumentName": "d", "externalParameters": {"p1": {"dynamicPath": "x"},
                 "p2": {"futurePath": "y"}, "p3": {"__type": "T", "dynamicPath": "z"}}}]}})" } },
        { u"a union with two members set"_s, u"GetLaunchConfiguration"_s,
            { R"({"postLaunchActions": {"ssmDocuments": [{"actionName": "a", "ssmDocumentName": "d",
                 "externalParameters": {"p1": {"dynamicPath": "x", "other": "y"}}}]}})" } },
        { u"a structure that is not an object"_s, u"GetReplicationConfiguration"_s,
            { R"({"replicatedDisks": ["a"]})" } },
        { u"an empty body"_s, u"GetReplicationConfiguration"_s, { "" } },
        { u"an empty document"_s, u"GetReplicationConfiguration"_s, { R"({"unknown": 1, "name": null})" } },
        { u"no output shape"_s, u"DeleteConnector"_s, { R"({"anything": 1})" } },
        { u"no output shape, empty body"_s, u"TagResource"_s, { "" } },
        { u"nested empty containers"_s, u"GetReplicationConfiguration"_s,
            { R"({"replicatedDisks": [], "stagingAreaTags": {}, "replicationServersSecurityGroupsIDs": [""]})" } },

        // Paging: botocore's PageIterator and build_full_result.
        { u"three pages merged"_s, dss, { page1, page2, page3 } },
        { u"--max-items inside a page"_s, dss, { page1, page2 }, paging(3) },
        { u"--max-items at a page's end"_s, dss, { page1 }, paging(2) },
        { u"--max-items beyond the end"_s, dss, { page1, page2, page3 }, paging(100) },
        { u"--max-items 0"_s, dss, { page1 }, paging(0) },
        { u"--starting-token from a cut page"_s, dss, { page2, page3 },
            paging(std::nullopt, base64Of(R"({"nextToken": "t1", "boto_truncate_amount": 1})")) },
        { u"--starting-token and --max-items"_s, dss, { page2 },
            paging(1, base64Of(R"({"nextToken": "t1", "boto_truncate_amount": 1})")) },
        { u"--starting-token without a token"_s, dss, { page1, page2, page3 },
            paging(4, base64Of(R"({"nextToken": null, "boto_truncate_amount": 1})")) },
        { u"--starting-token at a page's start"_s, dss, { page3 },
            paging(std::nullopt, base64Of(R"({"nextToken": "t2"})")) },
        { u"--starting-token in the deprecated form"_s, dss, { page2, page3 },
            paging(std::nullopt, u"t1___2"_s) },
        { u"--starting-token not base64"_s, dss, { page3 }, paging(std::nullopt, u"t2"_s) },
        { u"--no-paginate"_s, dss, { page1 }, noPaginate() },
        { u"a page without items"_s, dss,
            { R"({"nextToken": "t1"})", R"({"items": [{"sourceServerID": "s-9"}], "nextToken": ""})" } },
        { u"no page with items"_s, dss, { R"({"nextToken": "t1"})", R"({})" } },
        { u"no page with items, --max-items reached"_s, dss, { R"({"nextToken": "t1"})" }, paging(0) },
        { u"the same token twice"_s, dss,
            { page1, R"({"items": [], "nextToken": "t1"})", R"({"items": [], "nextToken": "t1"})" } },
        { u"a unicode token"_s, dss,
            { "{\"items\": [{\"sourceServerID\": \"s-1\"}, {\"sourceServerID\": \"s-2\"}], "
              "\"nextToken\": \"t\xc3\xa9\\u0001\xf0\x9f\x98\x80\\\"\"}" },
            paging(1) },
        { u"floats by repr()"_s, u"ListExports"_s, { floatsPage() } },
        { u"another paginator"_s, u"ListExports"_s,
            { R"({"items": [{"progressPercentage": 50, "exportID": "e-1"}], "nextToken": "x"})",
                R"({"items": [{"progressPercentage": 0.25}]})" } },
    };
    const QList<RenderCase> formatted = cases;
    for (const CliResponse::Format format : { CliResponse::Format::Text, CliResponse::Format::Table }) {
        for (RenderCase c : formatted) {
            c.name += format == CliResponse::Format::Text ? u" (text)"_s : u" (table)"_s;
            c.format = format;
            cases.append(c);
        }
    }
    return cases;
}

QString formatName(CliResponse::Format format)
{
    switch (format) {
    case CliResponse::Format::Json:
        return u"json"_s;
    case CliResponse::Format::Text:
        return u"text"_s;
    case CliResponse::Format::Table:
        return u"table"_s;
    }
    return {};
}

// What CliResponse makes of a case: the tokens it asks with, its output, or
// its error.
struct Run final {
    QList<std::optional<QString>> tokens;
    QByteArray output;
    QString error;
};

Run run(const RenderCase &c)
{
    Run result;
    const api::Operation *operation = api::ApiModel::mgn().operation(c.operation);
    if (!operation) {
        result.error = u"no operation "_s + c.operation;
        return result;
    }
    CliResponse response(*operation, c.paging);
    std::optional<QString> token = response.firstToken();
    for (const QByteArray &body : c.bodies) {
        result.tokens.append(token);
        if (!response.addPage(body, &result.error))
            return result;
        token = response.nextToken();
        if (!token)
            break;
    }
    if (token) {
        result.error = u"asks for a page the case does not have"_s;
        return result;
    }
    result.output = response.output(c.format);
    return result;
}

} // namespace

class TestCliResponse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameOutputAsAwsCli_data();
    void sameOutputAsAwsCli();
    void refusesWhatIsNotJson_data();
    void refusesWhatIsNotJson();
    void operationsWithoutPaginatorIgnorePaging();

private:
    QJsonObject m_results;
};

void TestCliResponse::initTestCase()
{
    const QString python = testsupport::findPython3();
    if (python.isEmpty())
        MGN_PEER_TOOL_MISSING(
            "python3 is not installed (or set MGN_PYTHON3): cannot run the AWS CLI's formatter");
    QVERIFY2(QFile::exists(scriptPath), qPrintable(scriptPath));

    QJsonArray cases;
    for (const RenderCase &c : renderCases()) {
        QJsonArray bodies;
        for (const QByteArray &body : c.bodies)
            bodies.append(QString::fromLatin1(body.toBase64()));
        QJsonObject paging { { u"paginate"_s, c.paging.paginate } };
        if (c.paging.maxItems)
            paging.insert(u"maxItems"_s, *c.paging.maxItems);
        if (c.paging.startingToken)
            paging.insert(u"startingToken"_s, *c.paging.startingToken);
        cases.append(QJsonObject { { u"name"_s, c.name }, { u"operation"_s, c.operation },
            { u"bodies_base64"_s, bodies }, { u"format"_s, formatName(c.format) }, { u"paging"_s, paging } });
    }
    QProcess process;
    process.start(python, { scriptPath });
    QVERIFY2(process.waitForStarted(30000), qPrintable(process.errorString()));
    process.write(QJsonDocument(
        QJsonObject { { u"model_dir"_s, QStringLiteral(MGN_API_MODEL_DIR) }, { u"cases"_s, cases } })
                      .toJson(QJsonDocument::Compact));
    process.closeWriteChannel();
    QVERIFY2(process.waitForFinished(120000), "awscli_render.py did not finish");
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 3)
        MGN_PEER_TOOL_MISSING("awscli and botocore are not installed for python3 (pip install awscli)");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        qPrintable(QString::fromUtf8(process.readAllStandardError())));
    QJsonParseError error;
    const QJsonDocument answer = QJsonDocument::fromJson(process.readAllStandardOutput(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    m_results = answer.object().value(u"results"_s).toObject();
    QCOMPARE(m_results.size(), renderCases().size());
    qInfo("awscli %s, botocore %s", qPrintable(answer.object().value(u"awscli_version"_s).toString()),
        qPrintable(answer.object().value(u"botocore_version"_s).toString()));
}

void TestCliResponse::sameOutputAsAwsCli_data()
{
    QTest::addColumn<int>("index");
    const QList<RenderCase> cases = renderCases();
    for (qsizetype i = 0; i < cases.size(); ++i)
        QTest::newRow(qPrintable(cases.at(i).name)) << int(i);
}

void TestCliResponse::sameOutputAsAwsCli()
{
    QFETCH(int, index);
    const RenderCase c = renderCases().at(index);
    const QJsonObject awscli = m_results.value(c.name).toObject();
    QVERIFY(!awscli.isEmpty());
    if (c.format == CliResponse::Format::Table && CliTableFormatter::stdoutTerminalWidth() != 80)
        QSKIP("stdout is a terminal: tables fit its width, the AWS CLI's render (a pipe) 80 columns");
    const Run ours = run(c);
    const QString awscliError = awscli.value(u"error"_s).toString();
    if (!ours.error.isEmpty()) {
        // Refused: the AWS CLI must fail on it too.
        QVERIFY2(!awscliError.isEmpty(),
            qPrintable(u"CliResponse fails (%1), the AWS CLI does not"_s.arg(ours.error)));
        return;
    }
    const QByteArray expected
        = QByteArray::fromBase64(awscli.value(u"output_base64"_s).toString().toLatin1());
    if (!awscliError.isEmpty()) {
        // The AWS CLI failed in its formatter: the same bytes before it did.
        QCOMPARE(ours.output, expected);
        return;
    }
    // The requests: the same tokens, in the same order.
    const QJsonArray requests = awscli.value(u"requests"_s).toArray();
    QCOMPARE(ours.tokens.size(), requests.size());
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const QJsonValue token = requests.at(i).toObject().value(u"token"_s);
        const std::optional<QString> awscliToken
            = token.isString() ? std::optional<QString>(token.toString()) : std::nullopt;
        QCOMPARE(ours.tokens.at(i), awscliToken);
    }
    if (ours.output != expected) {
        qWarning().noquote() << "CliResponse:\n"
                             << QString::fromUtf8(ours.output) << "\nAWS CLI:\n"
                             << QString::fromUtf8(expected);
    }
    QCOMPARE(ours.output, expected);
}

void TestCliResponse::refusesWhatIsNotJson_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::newRow("text") << u"GetReplicationConfiguration"_s << QByteArray("not json") << u"not JSON"_s;
    QTest::newRow("truncated") << u"DescribeSourceServers"_s << QByteArray(R"({"items": [{"sourceServerID")")
                               << u"not JSON"_s;
    QTest::newRow("trailing data") << u"GetReplicationConfiguration"_s << QByteArray("{} {}")
                                   << u"not JSON"_s;
    QTest::newRow("invalid UTF-8") << u"GetReplicationConfiguration"_s
                                   << QByteArray("{\"name\": \"\xc3\x28\"}") << u"UTF-8"_s;
    QTest::newRow("lone surrogate") << u"GetReplicationConfiguration"_s << QByteArray(R"({"name": "\ud800"})")
                                    << u"surrogate"_s;
    QTest::newRow("control character")
        << u"GetReplicationConfiguration"_s << QByteArray("{\"name\": \"a\x01\"}") << u"control"_s;
    QTest::newRow("an array") << u"GetReplicationConfiguration"_s << QByteArray("[]")
                              << u"not a JSON object"_s;
    QTest::newRow("no output shape") << u"DeleteConnector"_s << QByteArray("<html>") << u"not JSON"_s;
}

void TestCliResponse::refusesWhatIsNotJson()
{
    QFETCH(QString, operation);
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    const api::Operation *op = api::ApiModel::mgn().operation(operation);
    QVERIFY(op);
    CliResponse response(*op, {});
    QString error;
    QVERIFY(!response.addPage(body, &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
    QCOMPARE(response.output(CliResponse::Format::Json), QByteArray());
    QCOMPARE(response.nextToken(), std::nullopt);
}

// --max-items and --starting-token mean nothing to an operation without a
// paginator: one answer, printed whole.
void TestCliResponse::operationsWithoutPaginatorIgnorePaging()
{
    const api::Operation *op = api::ApiModel::mgn().operation(u"GetReplicationConfiguration");
    QVERIFY(op);
    CliResponse response(*op, paging(1, u"t1"_s));
    QCOMPARE(response.firstToken(), std::nullopt);
    QString error;
    QVERIFY2(response.addPage(R"({"sourceServerID": "s-1", "name": "n"})", &error), qPrintable(error));
    QCOMPARE(response.nextToken(), std::nullopt);
    QCOMPARE(response.output(CliResponse::Format::Json),
        QByteArray("{\n    \"sourceServerID\": \"s-1\",\n    \"name\": \"n\"\n}\n"));
}

QTEST_GUILESS_MAIN(TestCliResponse)
#include "tst_cliresponse.moc"
