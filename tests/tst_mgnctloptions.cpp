#include "app/cli/CliNames.h"
#include "app/cli/MgnCtlOptions.h"
#include "tests/support/PeerTool.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

namespace {

// A command line, and what mgnctl must make of it: the input document (JSON)
// or the error, with the exit status the AWS CLI gives it.
struct Row final {
    const char *name;
    QStringList words;
    QString input; // JSON; empty when an error is expected
    QString error; // a part of the message
    int status = 0; // 0 when it parses
    // Where awscli's message stops being comparable (Python's own JSON
    // errors, awscli's unformatted "{self._error_location()}"); empty: all of it.
    QString compareUpTo = u"{self."_s;
};

QList<Row> rows(const QString &dir)
{
    const QString ssm = u"deployment=TEST_AND_CUTOVER,ssmDocuments=[{actionName=a,ssmDocumentName=d,"
                        u"timeoutSeconds=30,mustSucceedForCutover=false}]"_s;
    const QString put = u"put-template-action --launch-configuration-template-id lct-1234567890abcdef0 "
                        u"--action-id a1 --action-name n --document-identifier d"_s;
    auto w = [](const QString &line) { return line.split(u' '); };
    return {
        { "no options", w(u"describe-source-servers"_s), u"{}"_s, {}, 0 },
        { "structure shorthand",
            { u"describe-source-servers"_s, u"--filters"_s, u"isArchived=true,sourceServerIDs=s-1,s-2"_s },
            u"{\"filters\":{\"isArchived\":true,\"sourceServerIDs\":[\"s-1\",\"s-2\"]}}"_s, {}, 0 },
        { "structure JSON",
            { u"describe-source-servers"_s, u"--filters"_s, u"{\"lifeCycleStates\":[\"CUTOVER\"]}"_s },
            u"{\"filters\":{\"lifeCycleStates\":[\"CUTOVER\"]}}"_s, {}, 0 },
        { "list of words and map", w(u"start-test --source-server-ids s-1 s-2 --tags Wave=7,Team=Blue"_s),
            u"{\"sourceServerIDs\":[\"s-1\",\"s-2\"],\"tags\":{\"Wave\":\"7\",\"Team\":\"Blue\"}}"_s, {}, 0 },
        { "IDs member names", w(u"start-test --source-server-ids s-1 --account-id 111122223333"_s),
            u"{\"sourceServerIDs\":[\"s-1\"],\"accountID\":\"111122223333\"}"_s, {}, 0 },
        { "hidden alias", w(u"start-test --source-server-i-ds s-1"_s), u"{\"sourceServerIDs\":[\"s-1\"]}"_s,
            {}, 0 },
        { "empty list", w(u"start-test --source-server-ids"_s), u"{\"sourceServerIDs\":[]}"_s, {}, 0 },
        { "ambiguous prefix", w(u"start-test --source s-1"_s), {},
            u"ambiguous option: --source could match --source-server-ids, --source-server-i-ds"_s, 2 },
        { "unique prefix", w(u"finalize-cutover --source-server s-1"_s), u"{\"sourceServerID\":\"s-1\"}"_s,
            {}, 0 },
        { "long and booleans",
            w(u"update-replication-configuration --source-server-id s-1 --bandwidth-throttling 100 "
              u"--no-create-public-ip --use-dedicated-replication-server"_s),
            u"{\"sourceServerID\":\"s-1\",\"bandwidthThrottling\":100,\"createPublicIP\":false,"
            u"\"useDedicatedReplicationServer\":true}"_s,
            {}, 0 },
        { "flag then its negation",
            w(u"update-replication-configuration --source-server-id s-1 --create-public-ip --no-create-public-ip"_s),
            u"{\"sourceServerID\":\"s-1\",\"createPublicIP\":false}"_s, {}, 0 },
        { "long that is not",
            w(u"update-replication-configuration --source-server-id s-1 --bandwidth-throttling abc"_s), {},
            u"argument --bandwidth-throttling: invalid int value: 'abc'"_s, 2 },
        { "boolean with a value",
            w(u"update-replication-configuration --source-server-id s-1 --create-public-ip=yes"_s), {},
            u"argument --create-public-ip: ignored explicit argument 'yes'"_s, 2 },
        { "integer", w(put + u" --order 5 --active --timeout-seconds 60"_s),
            u"{\"launchConfigurationTemplateID\":\"lct-1234567890abcdef0\",\"actionID\":\"a1\","
            u"\"actionName\":"
            u"\"n\",\"documentIdentifier\":\"d\",\"order\":5,\"active\":true,\"timeoutSeconds\":60}"_s,
            {}, 0 },
        { "integer that is not", w(put + u" --order abc"_s), {},
            u"invalid literal for int() with base 10: 'abc'"_s, 255 },
        { "explicit value", w(u"finalize-cutover --source-server-id=s-1"_s),
            u"{\"sourceServerID\":\"s-1\"}"_s, {}, 0 },
        { "last one wins", w(u"finalize-cutover --source-server-id s-1 --source-server-id s-2"_s),
            u"{\"sourceServerID\":\"s-2\"}"_s, {}, 0 },
        { "required", w(u"finalize-cutover --account-id 1"_s), {},
            u"the following arguments are required: --source-server-id"_s, 2 },
        { "required, several", w(u"create-wave --description d"_s), {},
            u"the following arguments are required: --name"_s, 2 },
        { "value missing", w(u"finalize-cutover --source-server-id"_s), {},
            u"argument --source-server-id: expected one argument"_s, 2 },
        { "unknown options", w(u"finalize-cutover --source-server-id s-1 --bogus x"_s), {},
            u"Unknown options: --bogus, x"_s, 255 },
        { "cli-input-json",
            { u"finalize-cutover"_s, u"--cli-input-json"_s, u"{\"sourceServerID\":\"s-9\"}"_s },
            u"{\"sourceServerID\":\"s-9\"}"_s, {}, 0 },
        { "options over cli-input-json",
            { u"finalize-cutover"_s, u"--source-server-id"_s, u"s-1"_s, u"--cli-input-json"_s,
                u"{\"sourceServerID\":\"s-9\",\"accountID\":\"111122223333\"}"_s },
            u"{\"sourceServerID\":\"s-1\",\"accountID\":\"111122223333\"}"_s, {}, 0 },
        { "cli-input-json from a file",
            { u"finalize-cutover"_s, u"--cli-input-json"_s, u"file://"_s + dir + u"/input.json"_s },
            u"{\"sourceServerID\":\"s-from-file\"}"_s, {}, 0 },
        { "cli-input-json not an object", { u"finalize-cutover"_s, u"--cli-input-json"_s, u"[1]"_s }, {},
            u"'list' object has no attribute 'keys'"_s, 255 },
        { "cli-input-json not JSON", { u"finalize-cutover"_s, u"--cli-input-json"_s, u"{bad"_s }, {},
            u"Error parsing parameter 'cli-input-json': Invalid JSON: "_s, 255, u"Invalid JSON: "_s },
        { "string from a file",
            { u"finalize-cutover"_s, u"--source-server-id"_s, u"file://"_s + dir + u"/id.txt"_s },
            u"{\"sourceServerID\":\"s-1\\n\"}"_s, {}, 0 },
        { "file that is not there",
            { u"finalize-cutover"_s, u"--source-server-id"_s, u"file://"_s + dir + u"/none.txt"_s }, {},
            u"Error parsing parameter '--source-server-id': Unable to load paramfile file://"_s, 255 },
        { "paging options",
            w(u"describe-jobs --filters jobIDs=j-1 --max-items 5 --page-size 2 --starting-token t"_s),
            u"{\"filters\":{\"jobIDs\":[\"j-1\"]}}"_s, {}, 0 },
        { "no-paginate with paging options", w(u"describe-jobs --no-paginate --max-items 3"_s), {},
            u"Error during pagination: Cannot specify --no-paginate along with pagination arguments: --max-items"_s,
            255 },
        { "own token turns paging off", w(u"describe-jobs --next-token abc"_s), u"{\"nextToken\":\"abc\"}"_s,
            {}, 0 },
        { "paging option not a number", w(u"describe-jobs --max-items abc"_s), {},
            u"argument --max-items: invalid int value: 'abc'"_s, 2 },
        { "no paging options where no paging", w(u"finalize-cutover --source-server-id s-1 --max-items 3"_s),
            {}, u"Unknown options: --max-items, 3"_s, 255 },
        { "tags with spaces",
            { u"tag-resource"_s, u"--resource-arn"_s, u"arn:aws:mgn:us-east-1:1:wave/w-1"_s, u"--tags"_s,
                u"Team=Blue Team,Wave=7"_s },
            u"{\"resourceArn\":\"arn:aws:mgn:us-east-1:1:wave/w-1\",\"tags\":{\"Team\":\"Blue Team\",\"Wave\":\"7\"}}"_s,
            {}, 0 },
        { "query list", w(u"untag-resource --resource-arn arn --tag-keys a b"_s),
            u"{\"resourceArn\":\"arn\",\"tagKeys\":[\"a\",\"b\"]}"_s, {}, 0 },
        { "life cycle",
            w(u"change-server-life-cycle-state --source-server-id s-1 --life-cycle state=READY_FOR_TEST"_s),
            u"{\"sourceServerID\":\"s-1\",\"lifeCycle\":{\"state\":\"READY_FOR_TEST\"}}"_s, {}, 0 },
        { "nested shorthand",
            { u"update-launch-configuration"_s, u"--source-server-id"_s, u"s-1"_s, u"--post-launch-actions"_s,
                ssm },
            u"{\"sourceServerID\":\"s-1\",\"postLaunchActions\":{\"deployment\":\"TEST_AND_CUTOVER\","
            u"\"ssmDocuments\":[{\"actionName\":\"a\",\"ssmDocumentName\":\"d\",\"timeoutSeconds\":30,"
            u"\"mustSucceedForCutover\":false}]}}"_s,
            {}, 0 },
        { "boolean text kept for validation", w(u"list-applications --filters isArchived=maybe"_s),
            u"{\"filters\":{\"isArchived\":\"maybe\"}}"_s, {}, 0 },
        { "shorthand error", w(u"list-applications --filters a==b"_s), {},
            u"Error parsing parameter '--filters': Expected: ',', received: '=' for input:\na==b\n  ^"_s,
            255 },
        { "structure neither", w(u"list-applications --filters [a]"_s), {},
            u"Error parsing parameter '--filters': Invalid JSON:\n[a]"_s, 255, QString() },
        { "unicode", { u"create-wave"_s, u"--name"_s, u"Vague d'été 東京"_s, u"--tags"_s, u"owner=Zoë"_s },
            u"{\"name\":\"Vague d'été 東京\",\"tags\":{\"owner\":\"Zoë\"}}"_s, {}, 0 },
        { "negative number is a value", w(put + u" --order -5"_s),
            u"{\"launchConfigurationTemplateID\":\"lct-1234567890abcdef0\",\"actionID\":\"a1\","
            u"\"actionName\":"
            u"\"n\",\"documentIdentifier\":\"d\",\"order\":-5}"_s,
            {}, 0 },
        { "unknown command", w(u"launch-everything"_s), {}, u"Unknown command: launch-everything"_s, 2, {} },
    };
}

// The message of a command-line error, without mgnctl's hint or the CLI's usage.
QString problemOf(const MgnCtlOptions &options)
{
    QString message = options.message;
    if (message.startsWith(u"mgnctl: error: "_s))
        message = message.mid(15).section(u"\n\nRun mgnctl"_s, 0, 0);
    return message;
}

QString awsProblem(const QString &stderrText)
{
    const QString text = stderrText.trimmed();
    const qsizetype error = text.lastIndexOf(u": error: "_s);
    if (error >= 0)
        return text.mid(error + 9);
    const qsizetype blank = text.lastIndexOf(u"\n\n"_s);
    return blank >= 0 ? text.mid(blank + 2) : text;
}

QJsonValue json(const QString &text)
{
    return QJsonDocument::fromJson((u"["_s + text + u"]"_s).toUtf8()).array().first();
}

const QRegularExpression &htmlTag()
{
    static const QRegularExpression tag(
        u"</?(p|a|b|i|code|ul|ol|li|br|note|important|div|dd|dt|dl|fullname|strong|em)\\b[^>]*>"_s,
        QRegularExpression::CaseInsensitiveOption);
    return tag;
}

MgnCtlOptions parse(const QStringList &words)
{
    return MgnCtlOptions::parse(QStringList { u"mgnctl"_s } + words);
}

} // namespace

class TestMgnCtlOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void commandsFromTheModel();
    void optionNames_data();
    void optionNames();
    void parse_data();
    void parse();
    void sameAsAwsCli();
    void skeleton_data();
    void skeleton();
    void help();
    void commandHelp_data();
    void commandHelp();

private:
    QTemporaryDir m_dir;
};

void TestMgnCtlOptions::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile input(m_dir.filePath(u"input.json"_s));
    QVERIFY(input.open(QIODevice::WriteOnly));
    input.write("{\"sourceServerID\": \"s-from-file\"}");
    input.close();
    QFile id(m_dir.filePath(u"id.txt"_s));
    QVERIFY(id.open(QIODevice::WriteOnly));
    id.write("s-1\r\n");
}

void TestMgnCtlOptions::commandsFromTheModel()
{
    const QStringList names = MgnCtlOptions::commandNames();
    QCOMPARE(names.size(), 96);
    QCOMPARE(names.last(), u"debug-sign"_s);
    QCOMPARE(qsizetype(api::ApiModel::mgn().operations().size()), 95);
    for (const api::Operation &operation : api::ApiModel::mgn().operations())
        QCOMPARE(MgnCtlOptions::operationOf(CliNames::xform(operation.name)), &operation);
    QVERIFY(names.contains(u"describe-source-servers"_s));
    QVERIFY(names.contains(u"update-source-server-replication-type"_s));
    QVERIFY(names.contains(u"list-network-migration-code-generation-segments"_s));
}

// botocore's xform_name on the model's tricky names.
void TestMgnCtlOptions::optionNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("cli");
    QTest::newRow("plural IDs") << u"sourceServerIDs"_s << u"source-server-ids"_s;
    QTest::newRow("ID") << u"accountID"_s << u"account-id"_s;
    QTest::newRow("IP") << u"createPublicIP"_s << u"create-public-ip"_s;
    QTest::newRow("acronym inside") << u"replicationServersSecurityGroupsIDs"_s
                                    << u"replication-servers-security-groups-ids"_s;
    QTest::newRow("ARN") << u"resourceArn"_s << u"resource-arn"_s;
    QTest::newRow("operation") << u"DescribeVcenterClients"_s << u"describe-vcenter-clients"_s;
    QTest::newRow("digits") << u"s3BucketSource"_s << u"s3-bucket-source"_s;
    QTest::newRow("already separated") << u"a-b"_s << u"a-b"_s;
}

void TestMgnCtlOptions::optionNames()
{
    QFETCH(QString, name);
    QFETCH(QString, cli);
    QCOMPARE(CliNames::xform(name), cli);
}

void TestMgnCtlOptions::parse_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("status");
    for (const Row &row : rows(m_dir.path()))
        QTest::newRow(row.name) << row.words << row.input << row.error << row.status;
}

void TestMgnCtlOptions::parse()
{
    QFETCH(QStringList, words);
    QFETCH(QString, input);
    QFETCH(QString, error);
    QFETCH(int, status);
    const MgnCtlOptions options = ::parse(words);
    if (error.isEmpty()) {
        QVERIFY2(options.outcome == MgnCtlOptions::Outcome::Run, qPrintable(options.message));
        QCOMPARE(QJsonValue(options.input), json(input));
    } else {
        QCOMPARE(options.outcome, MgnCtlOptions::Outcome::Error);
        QVERIFY2(problemOf(options).startsWith(error), qPrintable(options.message));
        QCOMPARE(options.errorStatus, status);
    }
}

// The rows and every command's input skeleton through awscli itself: the same
// parameters for botocore, the same errors and exit statuses, the same bytes.
void TestMgnCtlOptions::sameAsAwsCli()
{
    const QString python = testsupport::findPython3();
    if (python.isEmpty())
        MGN_PEER_TOOL_MISSING("python3 with awscli (pip install awscli)");
    const QList<Row> table = rows(m_dir.path());
    QJsonArray argvs;
    for (const Row &row : table)
        argvs.append(QJsonArray::fromStringList(QStringList { u"mgn"_s } + row.words));
    QStringList commands = MgnCtlOptions::commandNames();
    commands.removeLast(); // debug-sign
    for (const QString &command : commands)
        argvs.append(QJsonArray::fromStringList({ u"mgn"_s, command, u"--generate-cli-skeleton"_s }));

    QProcessEnvironment env;
    env.insert(u"PATH"_s, qEnvironmentVariable("PATH"));
    env.insert(u"HOME"_s, m_dir.path());
    env.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDEXAMPLE"_s);
    env.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"not-a-secret"_s);
    env.insert(u"AWS_DEFAULT_REGION"_s, u"us-east-1"_s);
    env.insert(u"AWS_CONFIG_FILE"_s, m_dir.filePath(u"no-config"_s));
    env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_dir.filePath(u"no-credentials"_s));
    // Two interpreters side by side, half of the command lines each.
    const qsizetype half = argvs.size() / 2;
    QProcess processes[2];
    for (int p = 0; p < 2; ++p) {
        processes[p].setProcessEnvironment(env);
        processes[p].start(python, { QStringLiteral(MGN_TEST_DATA_DIR "/../interop/awscli_mgn_oracle.py") });
        QVERIFY(processes[p].waitForStarted());
        QJsonArray part;
        for (qsizetype i = p == 0 ? 0 : half; i < (p == 0 ? half : argvs.size()); ++i)
            part.append(argvs.at(i));
        processes[p].write(QJsonDocument(part).toJson(QJsonDocument::Compact));
        processes[p].closeWriteChannel();
    }
    QJsonArray results;
    for (QProcess &process : processes) {
        QVERIFY(process.waitForFinished(120000));
        if (process.exitCode() == 3)
            MGN_PEER_TOOL_MISSING("awscli for python3 (pip install awscli)");
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        for (const QJsonValue &result : QJsonDocument::fromJson(process.readAllStandardOutput()).array())
            results.append(result);
    }
    QCOMPARE(results.size(), argvs.size());

    for (qsizetype i = 0; i < table.size(); ++i) {
        const Row &row = table.at(i);
        const QJsonObject theirs = results.at(i).toObject();
        const MgnCtlOptions ours = ::parse(row.words);
        const QByteArray context = QByteArray(row.name) + ": " + QJsonDocument(theirs).toJson();
        if (row.status == 0) {
            QVERIFY2(ours.outcome == MgnCtlOptions::Outcome::Run, context.constData());
            QJsonObject input = ours.input;
            // The paginator sends the page size and the starting token as the operation's own.
            if (ours.operation && ours.operation->paginator && ours.paginate) {
                if (ours.pageSize)
                    input.insert(ours.operation->paginator->limitKey, *ours.pageSize);
                if (ours.startingToken)
                    input.insert(ours.operation->paginator->inputToken, *ours.startingToken);
            }
            QVERIFY2(QJsonValue(input) == theirs.value("params"_L1), context.constData());
            continue;
        }
        QVERIFY2(ours.outcome == MgnCtlOptions::Outcome::Error, context.constData());
        QCOMPARE(ours.errorStatus, theirs.value("rc"_L1).toInt());
        if (row.compareUpTo.isNull() && row.name == QByteArrayView("unknown command"))
            continue; // the CLI lists the valid choices instead
        QString expected = awsProblem(theirs.value("stderr"_L1).toString());
        if (!row.compareUpTo.isEmpty() && expected.contains(row.compareUpTo))
            expected = expected.left(expected.indexOf(row.compareUpTo)
                + (row.compareUpTo.startsWith(u'{') ? 0 : row.compareUpTo.size()));
        QVERIFY2(problemOf(ours).startsWith(expected),
            qPrintable(u"%1:\n ours:   %2\n theirs: %3"_s.arg(
                QString::fromLatin1(row.name), problemOf(ours), expected)));
    }
    for (qsizetype i = 0; i < commands.size(); ++i) {
        const QJsonObject theirs = results.at(table.size() + i).toObject();
        const MgnCtlOptions ours = ::parse({ commands.at(i), u"--generate-cli-skeleton"_s });
        QCOMPARE(ours.outcome, MgnCtlOptions::Outcome::ShowSkeleton);
        QCOMPARE(ours.message, theirs.value("stdout"_L1).toString());
    }
}

void TestMgnCtlOptions::skeleton_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no input members")
        << QStringList { u"initialize-service"_s, u"--generate-cli-skeleton"_s } << u"{}\n"_s;
    QTest::newRow("input, required options not needed")
        << QStringList { u"finalize-cutover"_s, u"--generate-cli-skeleton"_s, u"input"_s }
        << u"{\n    \"sourceServerID\": \"\",\n    \"accountID\": \"\"\n}\n"_s;
    QTest::newRow("map, list, enum") << QStringList { u"start-test"_s, u"--generate-cli-skeleton"_s }
                                     << u"{\n    \"sourceServerIDs\": [\n        \"\"\n    ],\n    \"tags\": "
                                        u"{\n        \"KeyName\": \"\"\n    },\n"
                                        u"    \"accountID\": \"\"\n}\n"_s;
}

void TestMgnCtlOptions::skeleton()
{
    QFETCH(QStringList, words);
    QFETCH(QString, expected);
    const MgnCtlOptions options = ::parse(words);
    QCOMPARE(options.outcome, MgnCtlOptions::Outcome::ShowSkeleton);
    QCOMPARE(options.message, expected);
}

void TestMgnCtlOptions::help()
{
    const MgnCtlOptions options = ::parse({ u"--help"_s });
    QCOMPARE(options.outcome, MgnCtlOptions::Outcome::ShowHelp);
    static const QRegularExpression commandLine(u"^  ([a-z0-9-]+)$"_s, QRegularExpression::MultilineOption);
    QStringList listed;
    for (auto it = commandLine.globalMatch(options.message); it.hasNext();)
        listed.append(it.next().captured(1));
    QCOMPARE(listed, MgnCtlOptions::commandNames());
    QVERIFY2(!options.message.contains(htmlTag()), "no HTML tag in the help");
    // Each command with a summary from the model: the line after it.
    QVERIFY(
        options.message.contains(u"  describe-source-servers\n      Retrieves all SourceServers or multiple "
                                 u"SourceServers by ID.\n"_s));
}

void TestMgnCtlOptions::commandHelp_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("parts");
    QTest::newRow("start-test") << u"start-test"_s
                                << QStringList { u"--source-server-ids (list) [required]"_s,
                                       u"--tags (map)"_s, u"--account-id (string)"_s,
                                       u"Launches a Test Instance"_s };
    QTest::newRow("booleans and paging") << u"describe-source-servers"_s
                                         << QStringList { u"--filters (structure)"_s,
                                                u"--max-items (integer)"_s, u"is a paginated operation"_s };
    QTest::newRow("flags") << u"update-replication-configuration"_s
                           << QStringList { u"--create-public-ip | --no-create-public-ip (boolean)"_s,
                                  u"--bandwidth-throttling (long)"_s };
    QTest::newRow("enum") << u"update-source-server-replication-type"_s
                          << QStringList { u"* AGENT_BASED"_s, u"--replication-type (string) [required]"_s };
}

void TestMgnCtlOptions::commandHelp()
{
    QFETCH(QString, command);
    QFETCH(QStringList, parts);
    for (const QStringList &words :
        { QStringList { command, u"--help"_s }, QStringList { command, u"help"_s } }) {
        const MgnCtlOptions options = ::parse(words);
        QCOMPARE(options.outcome, MgnCtlOptions::Outcome::ShowHelp);
        for (const QString &part : parts)
            QVERIFY2(options.message.contains(part), qPrintable(part + u"\n"_s + options.message));
        QVERIFY2(!options.message.contains(htmlTag()), qPrintable(options.message));
        // The documentation is wrapped (an option's name alone may be longer).
        for (const QString &line : options.message.split(u'\n')) {
            if (line.startsWith(u"        "_s))
                QVERIFY2(line.size() <= 80, qPrintable(line));
        }
    }
}

QTEST_GUILESS_MAIN(TestMgnCtlOptions)
#include "tst_mgnctloptions.moc"
