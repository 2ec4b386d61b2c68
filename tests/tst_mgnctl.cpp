#include "app/cli/MgnCtl.h"
#include "app/cli/MgnCtlOptions.h"
#include "tests/support/ProgramRun.h"
#include "tests/support/TestHttpServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

namespace {

const QString secret = u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s;

QByteArray server(const QString &id, const QString &host, const QString &state, const QString &replication,
    const QString &lag = {})
{
    QJsonObject info { { "dataReplicationState"_L1, replication } };
    if (!lag.isEmpty())
        info.insert("lagDuration"_L1, lag);
    return QJsonDocument(
        QJsonObject { { "sourceServerID"_L1, id }, { "lifeCycle"_L1, QJsonObject { { "state"_L1, state } } },
            { "dataReplicationInfo"_L1, info },
            { "sourceProperties"_L1,
                QJsonObject { { "identificationHints"_L1, QJsonObject { { "hostname"_L1, host } } } } } })
        .toJson(QJsonDocument::Compact);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestMgnCtl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void parse_data();
    void parse();
    void helpListsEveryCommand();

    void describeMergesPagesLikeTheCli();
    void describeAsTable();
    void mutatingCommandPrintsTheServer();
    void serviceErrorLikeTheCli();
    void listOptionsAndTags();
    void dryRunSaysWhyPerServer();
    void dryRunAllAllowed();
    void dryRunOfALifecycleChange();
    void noRegionIsAConfigurationError();
    void malformedConfigNamesFileAndLine();
    void unreachableEndpoint();
    void debugSignPrintsTheSteps_data();
    void debugSignPrintsTheSteps();
    void stderrOfTheProgram_data();
    void stderrOfTheProgram();

private:
    // Runs mgnctl with these words against the test server; returns the exit status.
    int run(QStringList words, QString *out = nullptr, QString *err = nullptr, bool withEndpoint = true);

    std::unique_ptr<TestHttpServer> m_server;
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
};

void TestMgnCtl::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_env = QProcessEnvironment();
    m_env.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDEXAMPLE"_s);
    m_env.insert(u"AWS_SECRET_ACCESS_KEY"_s, secret);
    m_env.insert(u"AWS_CONFIG_FILE"_s, m_home.filePath(u"config"_s));
    m_env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home.filePath(u"credentials"_s));
}

int TestMgnCtl::run(QStringList words, QString *out, QString *err, bool withEndpoint)
{
    if (withEndpoint)
        words << u"--endpoint-url"_s << m_server->url().toString();
    words.prepend(u"mgnctl"_s);
    const MgnCtlOptions options = MgnCtlOptions::parse(words);
    if (options.outcome != MgnCtlOptions::Outcome::Run) {
        if (err)
            *err = options.message;
        return options.errorStatus;
    }
    QString outText;
    QString errText;
    QTextStream outStream(&outText);
    QTextStream errStream(&errText);
    MgnCtl ctl(options, m_env, m_home.path(), outStream, errStream);
    QSignalSpy finished(&ctl, &MgnCtl::finished);
    ctl.start();
    if (!finished.wait(20000))
        return -1;
    if (out)
        *out = outText;
    if (err)
        *err = errText;
    // Whatever happened, no secret went out.
    if (outText.contains(secret) || errText.contains(secret))
        return -2;
    return finished.first().first().toInt();
}

void TestMgnCtl::parse_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<MgnCtlOptions::Outcome>("outcome");
    QTest::addColumn<QString>("message"); // a part of it

    using O = MgnCtlOptions::Outcome;
    QTest::newRow("help") << QStringList { u"--help"_s } << O::ShowHelp << u"Usage: mgnctl"_s;
    QTest::newRow("version") << QStringList { u"--version"_s } << O::ShowVersion << u"mgnctl"_s;
    QTest::newRow("nothing") << QStringList {} << O::Error << u"No command given"_s;
    QTest::newRow("unknown command") << QStringList { u"launch-everything"_s } << O::Error
                                     << u"Unknown command: launch-everything"_s;
    QTest::newRow("missing required") << QStringList { u"finalize-cutover"_s } << O::Error
                                      << u"the following arguments are required: --source-server-id"_s;
    QTest::newRow("foreign option") << QStringList { u"finalize-cutover"_s, u"--source-server-id"_s, u"s-1"_s,
        u"--tags"_s, u"a=b"_s } << O::Error
                                    << u"Unknown options: --tags, a=b"_s;
    QTest::newRow("option without value")
        << QStringList { u"finalize-cutover"_s, u"--source-server-id"_s } << O::Error
        << u"argument --source-server-id: expected one argument"_s;
    // argparse keeps the last of repeated options, as the AWS CLI does.
    QTest::newRow("twice") << QStringList { u"finalize-cutover"_s, u"--source-server-id"_s, u"a"_s,
        u"--source-server-id"_s, u"b"_s }
                           << O::Run << QString();
    QTest::newRow("stray word") << QStringList { u"finalize-cutover"_s, u"--source-server-id"_s, u"a"_s,
        u"b"_s } << O::Error << u"Unknown options: b"_s;
    QTest::newRow("dry run of a listing") << QStringList { u"describe-source-servers"_s,
        u"--dry-run"_s } << O::Error << u"--dry-run is for the commands that change servers"_s;
    QTest::newRow("dry run of a lifecycle change") << QStringList { u"change-server-life-cycle-state"_s,
        u"--source-server-id"_s, u"s-1"_s, u"--life-cycle"_s, u"state=READY_FOR_TEST"_s, u"--dry-run"_s }
                                                   << O::Run << QString();
    QTest::newRow("dry run of tagging") << QStringList { u"tag-resource"_s, u"--resource-arn"_s, u"arn"_s,
        u"--tags"_s, u"a=b"_s, u"--dry-run"_s }
                                        << O::Run << QString();
    QTest::newRow("bad output") << QStringList { u"describe-jobs"_s, u"--output"_s, u"yaml"_s } << O::Error
                                << u"argument --output: Invalid choice, valid choices are:"_s;
    QTest::newRow("list option") << QStringList { u"start-test"_s, u"--source-server-ids"_s, u"s-1"_s,
        u"s-2"_s, u"--dry-run"_s }
                                 << O::Run << QString();
    QTest::newRow("global options anywhere")
        << QStringList { u"--region"_s, u"eu-west-1"_s, u"describe-jobs"_s, u"--profile"_s, u"p"_s } << O::Run
        << QString();
}

void TestMgnCtl::parse()
{
    QFETCH(QStringList, words);
    QFETCH(MgnCtlOptions::Outcome, outcome);
    QFETCH(QString, message);
    words.prepend(u"mgnctl"_s);
    const MgnCtlOptions options = MgnCtlOptions::parse(words);
    QCOMPARE(options.outcome, outcome);
    QVERIFY2(options.message.contains(message), qPrintable(options.message));
}

void TestMgnCtl::helpListsEveryCommand()
{
    const QString help = MgnCtlOptions::helpText();
    for (const QString &command : MgnCtlOptions::commandNames())
        QVERIFY2(help.contains(u"\n  "_s + command + u'\n'), qPrintable(command));
    // The model's 95 operations and debug-sign.
    QCOMPARE(MgnCtlOptions::commandNames().size(), 96);
}

void TestMgnCtl::describeMergesPagesLikeTheCli()
{
    m_server->enqueue(TestHttpServer::Response::json(200,
        "{\"items\":[" + server(u"s-1"_s, u"web"_s, u"READY_FOR_TEST"_s, u"CONTINUOUS"_s, u"PT5S"_s)
            + "],\"nextToken\":\"n1\"}"));
    m_server->enqueue(TestHttpServer::Response::json(
        200, "{\"items\":[" + server(u"s-2"_s, u"db"_s, u"NOT_READY"_s, u"INITIAL_SYNC"_s) + "]}"));
    QString out;
    QCOMPARE(run({ u"describe-source-servers"_s, u"--filters"_s, u"isArchived=false"_s }, &out), 0);
    const QJsonObject document = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(document.keys(), QStringList { u"items"_s });
    const QJsonArray items = document.value("items"_L1).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(1).toObject().value("sourceServerID"_L1).toString(), u"s-2"_s);
    QCOMPARE(
        items.at(0).toObject().value("dataReplicationInfo"_L1).toObject().value("lagDuration"_L1).toString(),
        u"PT5S"_s);
    const QJsonObject body = QJsonDocument::fromJson(m_server->requests().first().body).object();
    QCOMPARE(body.value("filters"_L1).toObject().value("isArchived"_L1), QJsonValue(false));
}

void TestMgnCtl::describeAsTable()
{
    m_server->enqueue(TestHttpServer::Response::json(200,
        "{\"items\":[" + server(u"s-1"_s, u"web"_s, u"READY_FOR_TEST"_s, u"CONTINUOUS"_s, u"PT1H2M3S"_s)
            + "]}"));
    QString out;
    QCOMPARE(run({ u"describe-source-servers"_s, u"--output"_s, u"table"_s }, &out), 0);
    // The AWS CLI's table: the operation as the title, then the items.
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() > 3, qPrintable(out));
    QVERIFY2(lines.at(1).contains(u"DescribeSourceServers"_s), qPrintable(out));
    QVERIFY2(out.contains(u"sourceServerID"_s) && out.contains(u"s-1"_s) && out.contains(u"PT1H2M3S"_s),
        qPrintable(out));
}

void TestMgnCtl::mutatingCommandPrintsTheServer()
{
    m_server->enqueue(
        TestHttpServer::Response::json(200, server(u"s-1"_s, u"web"_s, u"CUTOVER"_s, u"CONTINUOUS"_s)));
    QString out;
    // A source server ID the model accepts: mgnctl checks the input before sending it.
    QCOMPARE(run({ u"finalize-cutover"_s, u"--source-server-id"_s, u"s-1234567890abcdef0"_s }, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out.toUtf8()).object().value("sourceServerID"_L1).toString(), u"s-1"_s);
    QCOMPARE(m_server->requests().first().path, QByteArray("/FinalizeCutover"));
}

void TestMgnCtl::serviceErrorLikeTheCli()
{
    m_server->enqueue(TestHttpServer::Response::awsError(409, "ConflictException",
        R"({"message":"Source server s-1 is not CUTTING_OVER","code":"ConflictException"})"));
    QString out;
    QString err;
    QCOMPARE(run({ u"finalize-cutover"_s, u"--source-server-id"_s, u"s-1234567890abcdef0"_s }, &out, &err),
        int(MgnCtl::ServiceError));
    QVERIFY(out.isEmpty());
    QVERIFY2(err.startsWith(
                 u"An error occurred (ConflictException) when calling the FinalizeCutover operation: "_s),
        qPrintable(err));
    QVERIFY(err.contains(u"Source server s-1 is not CUTTING_OVER"_s));
}

void TestMgnCtl::listOptionsAndTags()
{
    m_server->enqueue(TestHttpServer::Response::json(202, R"({"job":{"jobID":"mgnjob-1"}})"));
    QString out;
    QCOMPARE(run({ u"start-test"_s, u"--source-server-ids"_s, u"s-1234567890abcdef1"_s,
                     u"s-1234567890abcdef2"_s, u"--tags"_s, u"{\"wave\":\"1\"}"_s },
                 &out),
        0);
    const QJsonObject body = QJsonDocument::fromJson(m_server->requests().first().body).object();
    QCOMPARE(body.value("sourceServerIDs"_L1).toArray(),
        (QJsonArray { u"s-1234567890abcdef1"_s, u"s-1234567890abcdef2"_s }));
    QCOMPARE(body.value("tags"_L1).toObject(), (QJsonObject { { "wave"_L1, u"1"_s } }));
    QCOMPARE(QJsonDocument::fromJson(out.toUtf8())
                 .object()
                 .value("job"_L1)
                 .toObject()
                 .value("jobID"_L1)
                 .toString(),
        u"mgnjob-1"_s);

    QString err;
    QCOMPARE(
        run({ u"start-test"_s, u"--source-server-ids"_s, u"s-1"_s, u"--tags"_s, u"{oops"_s }, &out, &err),
        255);
    QVERIFY2(err.startsWith(u"Error parsing parameter '--tags': Invalid JSON: "_s), qPrintable(err));
    QVERIFY2(err.endsWith(u"\nJSON received: {oops"_s), qPrintable(err));
}

void TestMgnCtl::dryRunSaysWhyPerServer()
{
    // s-1 can be tested; s-2 has no lag yet; s-3 does not exist.
    m_server->enqueue(TestHttpServer::Response::json(200,
        "{\"items\":[" + server(u"s-1"_s, u"web"_s, u"READY_FOR_TEST"_s, u"CONTINUOUS"_s, u"PT1S"_s) + ","
            + server(u"s-2"_s, u"db"_s, u"NOT_READY"_s, u"INITIAL_SYNC"_s) + "]}"));
    QString out;
    QCOMPARE(run({ u"start-test"_s, u"--dry-run"_s, u"--source-server-ids"_s, u"s-1"_s, u"s-2"_s, u"s-3"_s },
                 &out),
        int(MgnCtl::Refused));
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), u"s-1 (web): allowed"_s);
    QVERIFY2(lines.at(1).startsWith(u"s-2 (db): refused: "_s), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).contains(u"lag"_s), qPrintable(lines.at(1)));
    QCOMPARE(lines.at(2), u"s-3: refused: no such source server"_s);
    // Only the look-up went out: nothing was started.
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_server->requests().first().path, QByteArray("/DescribeSourceServers"));
    const QJsonObject body = QJsonDocument::fromJson(m_server->requests().first().body).object();
    QCOMPARE(body.value("filters"_L1).toObject().value("sourceServerIDs"_L1).toArray().size(), 3);
}

void TestMgnCtl::dryRunAllAllowed()
{
    m_server->enqueue(TestHttpServer::Response::json(200,
        "{\"items\":[" + server(u"s-1"_s, u"web"_s, u"CUTTING_OVER"_s, u"CONTINUOUS"_s, u"PT1S"_s) + "]}"));
    QString out;
    QCOMPARE(run({ u"finalize-cutover"_s, u"--source-server-id"_s, u"s-1"_s, u"--dry-run"_s }, &out), 0);
    QCOMPARE(out, u"s-1 (web): allowed\n"_s);
}

void TestMgnCtl::dryRunOfALifecycleChange()
{
    m_server->enqueue(TestHttpServer::Response::json(
        200, "{\"items\":[" + server(u"s-1"_s, u"web"_s, u"NOT_READY"_s, u"INITIAL_SYNC"_s) + "]}"));
    QString out;
    QCOMPARE(run({ u"change-server-life-cycle-state"_s, u"--source-server-id"_s, u"s-1"_s, u"--life-cycle"_s,
                     u"state=READY_FOR_CUTOVER"_s, u"--dry-run"_s },
                 &out),
        int(MgnCtl::Refused));
    QVERIFY2(out.startsWith(u"s-1 (web): refused: "_s), qPrintable(out));
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(run({ u"change-server-life-cycle-state"_s, u"--source-server-id"_s, u"s-1"_s, u"--life-cycle"_s,
                     u"state=CUTOVER"_s, u"--dry-run"_s },
                 &out),
        int(MgnCtl::Refused));
    QCOMPARE(m_server->requestCount(), 1);
}

void TestMgnCtl::noRegionIsAConfigurationError()
{
    QString err;
    QCOMPARE(run({ u"describe-jobs"_s }, nullptr, &err, false), int(MgnCtl::ConfigurationError));
    QVERIFY2(err.contains(u"No region"_s), qPrintable(err));
}

void TestMgnCtl::malformedConfigNamesFileAndLine()
{
    QFile config(m_home.filePath(u"config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[default]\nregion = eu-west-1\nthis line is not a setting\n");
    config.close();
    QString err;
    QCOMPARE(run({ u"describe-jobs"_s }, nullptr, &err), int(MgnCtl::ConfigurationError));
    QVERIFY2(err.contains(m_home.filePath(u"config"_s) + u":3"_s), qPrintable(err));
    QFile::remove(m_home.filePath(u"config"_s));
}

void TestMgnCtl::unreachableEndpoint()
{
    const QString url = m_server->url().toString();
    m_server.reset();
    QString err;
    QCOMPARE(run({ u"describe-jobs"_s, u"--endpoint-url"_s, url }, nullptr, &err, false),
        int(MgnCtl::TransportError));
    QVERIFY2(err.startsWith(u"DescribeJobs failed: "_s), qPrintable(err));
}

void TestMgnCtl::debugSignPrintsTheSteps_data()
{
    QTest::addColumn<QString>("testCase");
    QTest::addColumn<QString>("mode");
    QTest::newRow("post-x-www-form-urlencoded header") << u"post-x-www-form-urlencoded"_s << u"header"_s;
    QTest::newRow("get-vanilla-query-order-key-case query")
        << u"get-vanilla-query-order-key-case"_s << u"query"_s;
    QTest::newRow("post-sts-header-after header") << u"post-sts-header-after"_s << u"header"_s;
    QTest::newRow("get-header-value-multiline header") << u"get-header-value-multiline"_s << u"header"_s;
    QTest::newRow("get-header-value-multiline query") << u"get-header-value-multiline"_s << u"query"_s;
}

void TestMgnCtl::debugSignPrintsTheSteps()
{
    QFETCH(QString, testCase);
    QFETCH(QString, mode);
    const QString dir = QStringLiteral(MGN_TEST_DATA_DIR) + u"/sigv4-test-suite/"_s + testCase;
    QVERIFY2(QFile::exists(dir + u"/context.json"_s), qPrintable(dir));
    QString out;
    QCOMPARE(run({ u"debug-sign"_s, u"--context"_s, dir + u"/context.json"_s, u"--request"_s,
                     dir + u"/request.txt"_s, u"--mode"_s, mode },
                 &out, nullptr, false),
        0);
    for (const char *step : { "canonical-request", "string-to-sign", "signature" }) {
        const QByteArray expected
            = readFile(dir + u'/' + mode + u'-' + QString::fromLatin1(step) + u".txt"_s);
        QVERIFY2(!expected.isEmpty(), step);
        QVERIFY2(out.contains(QString::fromUtf8(expected.trimmed())), step);
    }
    // The request reader replaces each obs-fold by one space (RFC 9112, 5.2).
    if (testCase == u"get-header-value-multiline"_s) {
        QVERIFY2(out.contains(u"\nmy-header1:value1 value2 value3\n"_s), qPrintable(out));
        QVERIFY2(out.contains(u"\nMy-Header1:value1 value2 value3\n"_s), qPrintable(out));
    }
}

// The built mgnctl as a user runs it: a command that succeeds, retried or
// not, writes nothing on stderr; --debug or QT_LOGGING_RULES show the request
// log; a request that fails in the end is said once, on one line.
void TestMgnCtl::stderrOfTheProgram_data()
{
    QTest::addColumn<QList<int>>("statuses"); // the server's answers, in order
    QTest::addColumn<bool>("debug");
    QTest::addColumn<QString>("rules"); // QT_LOGGING_RULES
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("errLines"); // what each line of stderr starts with

    const QString line = u"mgn.aws.transport: DescribeSourceServers #1 attempt "_s;
    const QString failure = u"An error occurred (InternalServerException) when calling the "
                            u"DescribeSourceServers operation"_s;
    QTest::newRow("success") << QList<int> { 200 } << false << QString() << 0 << QStringList();
    QTest::newRow("success, --debug")
        << QList<int> { 200 } << true << QString() << 0 << QStringList { line + u"1: HTTP 200 in "_s };
    QTest::newRow("retried success") << QList<int> { 500, 200 } << false << QString() << 0 << QStringList();
    QTest::newRow("retried success, --debug")
        << QList<int> { 500, 200 } << true << QString() << 0
        << QStringList { line + u"1: HTTP 500 in "_s, line + u"2: HTTP 200 in "_s };
    QTest::newRow("failure") << QList<int> { 500, 500, 500 } << false << QString()
                             << int(MgnCtl::ServiceError) << QStringList { failure };
    QTest::newRow("failure, --debug")
        << QList<int> { 500, 500, 500 } << true << QString() << int(MgnCtl::ServiceError)
        << QStringList { line + u"1: HTTP 500 in "_s, line + u"2: HTTP 500 in "_s,
               line + u"3: HTTP 500 in "_s, failure };
    QTest::newRow("QT_LOGGING_RULES turns it on")
        << QList<int> { 200 } << false << u"mgn.aws.transport.debug=true"_s << 0
        << QStringList { line + u"1: HTTP 200 in "_s };
    QTest::newRow("QT_LOGGING_RULES has the last word")
        << QList<int> { 500, 200 } << true << u"mgn.*=false"_s << 0 << QStringList();
}

void TestMgnCtl::stderrOfTheProgram()
{
    QFETCH(QList<int>, statuses);
    QFETCH(bool, debug);
    QFETCH(QString, rules);
    QFETCH(int, exitCode);
    QFETCH(QStringList, errLines);

    for (const int status : statuses) {
        m_server->enqueue(status == 200 ? TestHttpServer::Response::json(200, "{\"items\":[]}")
                                        : TestHttpServer::Response::awsError(
                                            status, "InternalServerException", R"({"message":"Try again"})"));
    }
    QProcessEnvironment extra = m_env;
    extra.insert(u"AWS_REGION"_s, u"us-east-1"_s);
    if (!rules.isEmpty())
        extra.insert(u"QT_LOGGING_RULES"_s, rules);
    QStringList arguments { u"describe-source-servers"_s, u"--endpoint-url"_s, m_server->url().toString() };
    if (debug)
        arguments.append(u"--debug"_s);
    const ProgramRun run = ProgramRun::run(
        QStringLiteral(MGN_MGNCTL_EXECUTABLE), arguments, ProgramRun::environment(m_home.path(), extra));
    QVERIFY(run.finished);
    const QString err = QString::fromUtf8(run.err);
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(m_server->requestCount(), int(statuses.size()));
    if (exitCode == 0)
        QVERIFY(run.out.contains("\"items\""));

    QStringList lines = err.split(u'\n');
    QCOMPARE(lines.takeLast(), QString()); // every line ends
    QCOMPARE(lines.size(), errLines.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        QVERIFY2(lines.at(i).startsWith(errLines.at(i)), qPrintable(err));
    QVERIFY(!err.contains(secret));
    QVERIFY(!err.contains(u"Signature="_s));
}

QTEST_GUILESS_MAIN(TestMgnCtl)
#include "tst_mgnctl.moc"
