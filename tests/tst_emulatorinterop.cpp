#include "app/aws/AwsTransport.h"
#include "app/aws/FixedClock.h"
#include "app/mgn/MgnClient.h"
#include "emulator/http/EmulatorHttpServer.h"
#include "emulator/http/MgnEmulator.h"
#include "models/rules/ActionRules.h"
#include "tests/support/PeerTool.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mgn;

// Independent clients against the emulator: botocore (and boto3 when
// installed) through tests/interop/emulator_botocore.py, and the AWS CLI
// (`python3 -m awscli`, v1, or an `aws` executable) through a whole migration
// of one server, step by step. They sign with their own SigV4, page with
// their own paginators and decode with the API model of their release.
//
// The emulator runs in this process; the fleet's clock stands still (and is
// moved on by the test) while the signatures are checked against real time.

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using mgn::Action;

namespace {

const QString interopDir = QStringLiteral(MGN_TEST_DATA_DIR "/../interop");
constexpr int fleetSize = 40;

struct ProcessResult {
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestEmulatorInterop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void botocoreAndBoto3();
    void awsCliFullMigration_data();
    void awsCliFullMigration();
    void awsCliUninitializedAccount_data();
    void awsCliUninitializedAccount();
    void awsCliPlanning_data();
    void awsCliPlanning();

private:
    // Runs a child while the event loop serves the emulator.
    ProcessResult run(const QString &program, const QStringList &arguments, const QByteArray &input = {},
        const QList<std::pair<QString, QString>> &environment = {});
    struct Cli {
        QString program;
        QStringList prefix; // e.g. -m awscli
        QString version; // aws-cli/2.9.19
    };
    QList<Cli> findAwsClis();
    ProcessResult aws(const QStringList &arguments, const AwsCredentials &credentials);
    // The JSON the CLI printed on success; empty (and a warning) otherwise.
    QJsonObject awsJson(const QStringList &arguments);
    QList<mgn::SourceServer> listServers();
    QString pick(Action action, const QStringList &excluded, bool allowed);
    std::optional<mgn::Job> job(const QString &jobID);

    QString m_python;
    QString m_cliProgram;
    QStringList m_cliPrefix;
    QTemporaryDir m_home;
    std::shared_ptr<FixedClock> m_fleetClock;
    std::unique_ptr<MgnEmulator> m_emulator;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<MgnClient> m_client;
    QStringList m_used; // servers a test already acted on
};

void TestEmulatorInterop::initTestCase()
{
    m_python = testsupport::findPython3();
    QVERIFY(m_home.isValid());
    m_fleetClock = std::make_shared<FixedClock>(QDateTime::currentDateTimeUtc());
    m_emulator = std::make_unique<MgnEmulator>();
    m_emulator->setServiceClock(m_fleetClock);
    EmulatorOptions options;
    options.servers = fleetSize;
    options.seed = 5;
    options.speed = 1;
    QString error;
    QVERIFY2(m_emulator->start(options, &error), qPrintable(error));

    m_transport = std::make_unique<AwsTransport>();
    m_transport->setCredentials(m_emulator->credentials());
    m_client = std::make_unique<MgnClient>(m_transport.get(), m_emulator->url());
}

void TestEmulatorInterop::cleanupTestCase()
{
    m_client.reset();
    m_transport.reset();
    m_emulator.reset();
}

ProcessResult TestEmulatorInterop::run(const QString &program, const QStringList &arguments,
    const QByteArray &input, const QList<std::pair<QString, QString>> &extraEnvironment)
{
    constexpr int timeoutMs = 180000;
    // The child's environment: no AWS configuration of this machine, a home of its own.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(u"AWS_"_s))
            environment.remove(name);
    }
    environment.insert(u"HOME"_s, m_home.path());
    environment.insert(u"AWS_CONFIG_FILE"_s, m_home.filePath(u"config"_s));
    environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home.filePath(u"credentials"_s));
    environment.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
    environment.insert(u"AWS_PAGER"_s, QString());
    for (const auto &[name, value] : extraEnvironment)
        environment.insert(name, value);
    QProcess process;
    process.setProcessEnvironment(environment);
    ProcessResult result;
    process.start(program, arguments);
    if (!process.waitForStarted(30000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    result.finished = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QList<mgn::SourceServer> TestEmulatorInterop::listServers()
{
    QList<mgn::SourceServer> servers;
    std::optional<MgnResult<PagingProgress>> done;
    m_client->describeSourceServers(
        {}, [&](const mgn::Page<mgn::SourceServer> &page, const PagingProgress &) { servers += page.items; },
        [&](const MgnResult<PagingProgress> &result) { done = result; });
    if (!QTest::qWaitFor([&] { return done.has_value(); }, 30000) || !done->ok())
        return {};
    return servers;
}

// A server for which `action` is (or is not) allowed by the documented rules,
// preferring ones whose replication is healthy for the steps after.
QString TestEmulatorInterop::pick(Action action, const QStringList &excluded, bool allowed)
{
    const QList<mgn::SourceServer> servers = listServers();
    QString fallback;
    for (const mgn::SourceServer &server : servers) {
        if (excluded.contains(server.id()) || mgn::ActionRules::evaluate(action, server).allowed != allowed)
            continue;
        if (!allowed || server.replicationState() == mgn::DataReplicationState::Continuous)
            return server.id();
        if (fallback.isEmpty())
            fallback = server.id();
    }
    return fallback;
}

std::optional<mgn::Job> TestEmulatorInterop::job(const QString &jobID)
{
    std::optional<mgn::Job> found;
    std::optional<MgnResult<PagingProgress>> done;
    JobFilters filters;
    filters.jobIDs = QStringList { jobID };
    m_client->describeJobs(
        filters,
        [&](const mgn::Page<mgn::Job> &page, const PagingProgress &) {
            if (!page.items.isEmpty())
                found = page.items.constFirst();
        },
        [&](const MgnResult<PagingProgress> &result) { done = result; });
    if (!QTest::qWaitFor([&] { return done.has_value(); }, 30000))
        return std::nullopt;
    return found;
}

void TestEmulatorInterop::botocoreAndBoto3()
{
    if (m_python.isEmpty())
        MGN_PEER_TOOL_MISSING("python3 is not installed (or set MGN_PYTHON3): cannot run botocore");
    const QString eligible = pick(Action::StartTest, m_used, true);
    const QString ineligible = pick(Action::StartTest, m_used, false);
    QVERIFY(!eligible.isEmpty() && !ineligible.isEmpty());
    m_used << eligible;

    const AwsCredentials credentials = m_emulator->credentials();
    const QJsonObject spec { { u"url"_s, m_emulator->url().toString() },
        { u"region"_s, m_emulator->region() }, { u"access_key"_s, credentials.accessKeyId },
        { u"secret_key"_s, credentials.secretAccessKey }, { u"eligible_id"_s, eligible },
        { u"ineligible_id"_s, ineligible }, { u"page_size"_s, 7 } };
    const ProcessResult result = run(m_python, { interopDir + u"/emulator_botocore.py"_s },
        QJsonDocument(spec).toJson(QJsonDocument::Compact));
    QVERIFY2(result.finished, "emulator_botocore.py did not finish");
    if (result.exitCode == 3)
        MGN_PEER_TOOL_MISSING(
            "botocore is not installed for python3 (Debian's python3-botocore, or pip install botocore)");
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject output = QJsonDocument::fromJson(result.out).object();
    qInfo("botocore %s, boto3 %s", qPrintable(output.value(u"botocore_version"_s).toString()),
        qPrintable(output.value(u"boto3_version"_s).toString(u"not installed"_s)));

    QStringList expectedIds;
    for (const mgn::SourceServer &server : listServers())
        expectedIds.append(server.id());
    QCOMPARE(expectedIds.size(), fleetSize);

    for (const QString &clientName : { u"botocore"_s, u"boto3"_s }) {
        const QJsonObject seen = output.value(clientName).toObject();
        if (seen.isEmpty()) {
            QCOMPARE(clientName, u"boto3"_s); // botocore always runs
            // Optional here, required under CI (tools/install-deps.sh installs python3-boto3).
            MGN_PEER_TOOL_REQUIRED_UNDER_CI(
                "boto3 is not installed for python3 (Debian's python3-boto3, or pip install boto3)");
            continue;
        }
        QStringList ids;
        for (const QJsonValue &id : seen.value(u"server_ids"_s).toArray())
            ids.append(id.toString());
        QCOMPARE(ids, expectedIds);
        QCOMPARE(seen.value(u"pages"_s).toInt(), (fleetSize + 6) / 7);
        QVERIFY(!seen.value(u"vcenter_client_ids"_s).toArray().isEmpty());
        QVERIFY(seen.value(u"tags"_s).isObject());
        const QJsonObject refused = seen.value(u"refused"_s).toObject();
        QCOMPARE(refused.value(u"code"_s).toString(), u"ConflictException"_s);
        QCOMPARE(refused.value(u"status"_s).toInt(), 409);
        QCOMPARE(seen.value(u"unknown_server"_s).toString(), u"ResourceNotFoundException"_s);
        QCOMPARE(seen.value(u"wrong_secret"_s).toString(), u"InvalidSignatureException"_s);
    }
    const QJsonObject botocore = output.value(u"botocore"_s).toObject();
    const QJsonObject started = botocore.value(u"started_job"_s).toObject();
    QCOMPARE(started.value(u"type"_s).toString(), u"LAUNCH"_s);
    QCOMPARE(started.value(u"initiatedBy"_s).toString(), u"START_TEST"_s);
    QCOMPARE(started.value(u"servers"_s).toArray(), (QJsonArray { eligible }));
    QCOMPARE(botocore.value(u"state_after_start_test"_s).toString(), u"TESTING"_s);
}

ProcessResult TestEmulatorInterop::aws(const QStringList &arguments, const AwsCredentials &credentials)
{
    // As a user types it; the keys go through the environment.
    const QStringList command = m_cliPrefix + arguments
        + QStringList { u"--endpoint-url"_s, m_emulator->url().toString(), u"--region"_s,
              m_emulator->region(), u"--output"_s, u"json"_s };
    return run(m_cliProgram, command, {},
        { { u"AWS_ACCESS_KEY_ID"_s, credentials.accessKeyId },
            { u"AWS_SECRET_ACCESS_KEY"_s, credentials.secretAccessKey } });
}

QJsonObject TestEmulatorInterop::awsJson(const QStringList &arguments)
{
    const ProcessResult result = aws(arguments, m_emulator->credentials());
    if (!result.finished || result.exitCode != 0) {
        qWarning(
            "aws %s: exit %d: %s", qPrintable(arguments.join(u' ')), result.exitCode, result.err.constData());
        return {};
    }
    return QJsonDocument::fromJson(result.out).object();
}

QList<TestEmulatorInterop::Cli> TestEmulatorInterop::findAwsClis()
{
    // MGN_AWS_CLI alone when set; else the AWS CLI v1 of this python and every
    // `aws` found (Debian's awscli is v2), one per version.
    if (const QString configured = qEnvironmentVariable("MGN_AWS_CLI"); !configured.isEmpty())
        return { Cli { configured, {}, configured } };
    QList<Cli> candidates;
    if (!m_python.isEmpty() && run(m_python, { u"-c"_s, u"import awscli"_s }).exitCode == 0)
        candidates.append(Cli { m_python, { u"-m"_s, u"awscli"_s }, {} });
    for (const QString &path : { QStandardPaths::findExecutable(u"aws"_s), u"/usr/bin/aws"_s }) {
        if (!path.isEmpty() && QFile::exists(path))
            candidates.append(Cli { path, {}, {} });
    }
    QList<Cli> found;
    QStringList versions;
    for (Cli &cli : candidates) {
        const ProcessResult result = run(cli.program, cli.prefix + QStringList { u"--version"_s });
        const QString version = QString::fromUtf8(QByteArray(result.out + result.err)).section(u' ', 0, 0);
        if (result.exitCode != 0 || !version.startsWith(u"aws-cli/"_s) || versions.contains(version))
            continue;
        versions.append(version);
        cli.version = version;
        found.append(cli);
    }
    return found;
}

void TestEmulatorInterop::awsCliFullMigration_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("prefix");
    const QList<Cli> clis = findAwsClis();
    for (const Cli &cli : clis)
        QTest::newRow(qPrintable(cli.version)) << cli.program << cli.prefix;
    if (clis.isEmpty())
        QTest::newRow("no AWS CLI") << QString() << QStringList();
}

void TestEmulatorInterop::awsCliFullMigration()
{
    QFETCH(QString, program);
    QFETCH(QStringList, prefix);
    if (program.isEmpty())
        MGN_PEER_TOOL_MISSING(
            "The AWS CLI is not installed: neither `python3 -m awscli` nor `aws` (or set MGN_AWS_CLI)");
    m_cliProgram = program;
    m_cliPrefix = prefix;

    // The fleet, paged by the CLI itself.
    const QJsonObject all = awsJson({ u"mgn"_s, u"describe-source-servers"_s });
    QCOMPARE(all.value(u"items"_s).toArray().size(), fleetSize);

    // A wrong secret: a signature error.
    AwsCredentials wrong = m_emulator->credentials();
    wrong.secretAccessKey = u"not-the-emulator-secret"_s;
    const ProcessResult refusedSignature = aws({ u"mgn"_s, u"describe-source-servers"_s }, wrong);
    QVERIFY(refusedSignature.finished);
    QVERIFY(refusedSignature.exitCode != 0);
    QVERIFY2(refusedSignature.err.contains("(InvalidSignatureException)"), refusedSignature.err.constData());

    // A call the documented rules refuse: ConflictException.
    const QString ineligible = pick(Action::StartTest, m_used, false);
    QVERIFY(!ineligible.isEmpty());
    const ProcessResult conflict
        = aws({ u"mgn"_s, u"start-test"_s, u"--source-server-ids"_s, ineligible }, m_emulator->credentials());
    QVERIFY(conflict.exitCode != 0);
    QVERIFY2(
        conflict.err.contains("An error occurred (ConflictException) when calling the StartTest operation"),
        conflict.err.constData());

    // One server through its whole migration.
    const QString id = pick(Action::StartTest, m_used, true);
    QVERIFY(!id.isEmpty());
    m_used << id;
    const auto lifeCycleState = [](const QJsonObject &server) {
        return server.value(u"lifeCycle"_s).toObject().value(u"state"_s).toString();
    };

    QJsonObject server = awsJson({ u"mgn"_s, u"change-server-life-cycle-state"_s, u"--source-server-id"_s, id,
        u"--life-cycle"_s, u"state=READY_FOR_TEST"_s });
    QCOMPARE(lifeCycleState(server), u"READY_FOR_TEST"_s);

    const QJsonObject test
        = awsJson({ u"mgn"_s, u"start-test"_s, u"--source-server-ids"_s, id }).value(u"job"_s).toObject();
    QCOMPARE(test.value(u"type"_s).toString(), u"LAUNCH"_s);
    QCOMPARE(test.value(u"initiatedBy"_s).toString(), u"START_TEST"_s);
    const QString testJob = test.value(u"jobID"_s).toString();
    QVERIFY(!testJob.isEmpty());

    // The fleet's time moves on until the test instance is launched.
    for (int step = 0; step < 24; ++step) {
        const auto current = job(testJob);
        QVERIFY(current);
        if (current->status && current->status->value() == mgn::JobStatus::Completed)
            break;
        m_fleetClock->advance(5min);
    }
    const QJsonArray jobs = awsJson({ u"mgn"_s, u"describe-jobs"_s, u"--filters"_s, u"jobIDs="_s + testJob })
                                .value(u"items"_s)
                                .toArray();
    QCOMPARE(jobs.size(), 1);
    QCOMPARE(jobs.at(0).toObject().value(u"status"_s).toString(), u"COMPLETED"_s);
    const QJsonObject participant
        = jobs.at(0).toObject().value(u"participatingServers"_s).toArray().at(0).toObject();
    QCOMPARE(participant.value(u"launchStatus"_s).toString(), u"LAUNCHED"_s);
    QVERIFY(participant.value(u"launchedEc2InstanceID"_s).toString().startsWith(u"i-"_s));
    const QJsonObject logs = awsJson({ u"mgn"_s, u"describe-job-log-items"_s, u"--job-id"_s, testJob });
    QVERIFY(!logs.value(u"items"_s).toArray().isEmpty());

    server = awsJson({ u"mgn"_s, u"change-server-life-cycle-state"_s, u"--source-server-id"_s, id,
        u"--life-cycle"_s, u"state=READY_FOR_CUTOVER"_s });
    QCOMPARE(lifeCycleState(server), u"READY_FOR_CUTOVER"_s);

    const QJsonObject cutover
        = awsJson({ u"mgn"_s, u"start-cutover"_s, u"--source-server-ids"_s, id }).value(u"job"_s).toObject();
    QCOMPARE(cutover.value(u"initiatedBy"_s).toString(), u"START_CUTOVER"_s);
    server = awsJson({ u"mgn"_s, u"describe-source-servers"_s, u"--filters"_s, u"sourceServerIDs="_s + id })
                 .value(u"items"_s)
                 .toArray()
                 .at(0)
                 .toObject();
    QCOMPARE(lifeCycleState(server), u"CUTTING_OVER"_s);

    server = awsJson({ u"mgn"_s, u"finalize-cutover"_s, u"--source-server-id"_s, id });
    QCOMPARE(lifeCycleState(server), u"CUTOVER"_s);
    const QJsonObject replication = server.value(u"dataReplicationInfo"_s).toObject();
    QCOMPARE(replication.value(u"dataReplicationState"_s).toString(), u"DISCONNECTED"_s);
    for (const QJsonValue &disk : replication.value(u"replicatedDisks"_s).toArray())
        QCOMPARE(disk.toObject().value(u"totalStorageBytes"_s).toInteger(), 0);

    server = awsJson({ u"mgn"_s, u"mark-as-archived"_s, u"--source-server-id"_s, id });
    QCOMPARE(server.value(u"isArchived"_s).toBool(), true);
    const QJsonArray archived
        = awsJson({ u"mgn"_s, u"describe-source-servers"_s, u"--filters"_s, u"isArchived=true"_s })
              .value(u"items"_s)
              .toArray();
    QVERIFY(std::any_of(archived.begin(), archived.end(),
        [&](const QJsonValue &item) { return item.toObject().value(u"sourceServerID"_s).toString() == id; }));
}

void TestEmulatorInterop::awsCliUninitializedAccount_data()
{
    awsCliFullMigration_data();
}

// An account where MGN was never initialized, as the AWS CLI sees it: the
// error it names, then `aws mgn initialize-service`, then the fleet.
void TestEmulatorInterop::awsCliUninitializedAccount()
{
    QFETCH(QString, program);
    QFETCH(QStringList, prefix);
    if (program.isEmpty())
        MGN_PEER_TOOL_MISSING(
            "The AWS CLI is not installed: neither `python3 -m awscli` nor `aws` (or set MGN_AWS_CLI)");
    MgnEmulator emulator;
    EmulatorOptions options;
    options.servers = 5;
    options.seed = 9;
    options.speed = 1;
    options.uninitialized = true;
    QString error;
    QVERIFY2(emulator.start(options, &error), qPrintable(error));
    const auto cli = [&](const QStringList &arguments) {
        return run(program,
            prefix + arguments
                + QStringList { u"--endpoint-url"_s, emulator.url().toString(), u"--region"_s,
                    emulator.region(), u"--output"_s, u"json"_s },
            {},
            { { u"AWS_ACCESS_KEY_ID"_s, emulator.credentials().accessKeyId },
                { u"AWS_SECRET_ACCESS_KEY"_s, emulator.credentials().secretAccessKey } });
    };

    const ProcessResult refused = cli({ u"mgn"_s, u"describe-source-servers"_s });
    QVERIFY(refused.finished);
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.err.contains("An error occurred (UninitializedAccountException) when calling the "
                                  "DescribeSourceServers operation"),
        refused.err.constData());

    const ProcessResult initialized = cli({ u"mgn"_s, u"initialize-service"_s });
    QVERIFY2(initialized.finished && initialized.exitCode == 0, initialized.err.constData());
    const ProcessResult listed = cli({ u"mgn"_s, u"describe-source-servers"_s });
    QVERIFY2(listed.finished && listed.exitCode == 0, listed.err.constData());
    QCOMPARE(QJsonDocument::fromJson(listed.out).object().value(u"items"_s).toArray().size(), 5);
}

void TestEmulatorInterop::awsCliPlanning_data()
{
    awsCliFullMigration_data();
}

// Applications and waves as a user plans them with the AWS CLI, and the
// errors the CLI prints for what the service refuses.
void TestEmulatorInterop::awsCliPlanning()
{
    QFETCH(QString, program);
    QFETCH(QStringList, prefix);
    if (program.isEmpty())
        MGN_PEER_TOOL_MISSING(
            "The AWS CLI is not installed: neither `python3 -m awscli` nor `aws` (or set MGN_AWS_CLI)");
    m_cliProgram = program;
    m_cliPrefix = prefix;
    const auto refusal = [this](const QStringList &arguments) {
        const ProcessResult result = aws(arguments, m_emulator->credentials());
        return result.finished && result.exitCode != 0 ? result.err : QByteArray("(not refused)");
    };
    const QString name = u"Planning "_s + program.section(u'/', -1) + QString::number(prefix.size());

    const QJsonObject app = awsJson({ u"mgn"_s, u"create-application"_s, u"--name"_s, name });
    const QString appID = app.value(u"applicationID"_s).toString();
    QVERIFY(appID.startsWith(u"app-"_s));
    QStringList servers;
    for (const mgn::SourceServer &server : listServers()) {
        if (!server.applicationID && !server.archived() && servers.size() < 3)
            servers << server.id();
    }
    QCOMPARE(servers.size(), 3);
    awsJson(QStringList { u"mgn"_s, u"associate-source-servers"_s, u"--application-id"_s, appID,
                u"--source-server-ids"_s }
        + servers);
    const QJsonArray members
        = awsJson({ u"mgn"_s, u"describe-source-servers"_s, u"--filters"_s, u"applicationIDs="_s + appID })
              .value(u"items"_s)
              .toArray();
    QCOMPARE(members.size(), 3);

    const QJsonObject wave = awsJson({ u"mgn"_s, u"create-wave"_s, u"--name"_s, name });
    const QString waveID = wave.value(u"waveID"_s).toString();
    QVERIFY(waveID.startsWith(u"wave-"_s));
    awsJson({ u"mgn"_s, u"associate-applications"_s, u"--wave-id"_s, waveID, u"--application-ids"_s, appID });
    const QJsonObject listed
        = awsJson({ u"mgn"_s, u"list-applications"_s, u"--filters"_s, u"waveIDs="_s + waveID })
              .value(u"items"_s)
              .toArray()
              .at(0)
              .toObject();
    QCOMPARE(listed.value(u"applicationID"_s).toString(), appID);
    QCOMPARE(
        listed.value(u"applicationAggregatedStatus"_s).toObject().value(u"totalSourceServers"_s).toInt(), 3);
    const QJsonObject listedWave
        = awsJson({ u"mgn"_s, u"list-waves"_s, u"--filters"_s, u"waveIDs="_s + waveID })
              .value(u"items"_s)
              .toArray()
              .at(0)
              .toObject();
    QCOMPARE(listedWave.value(u"waveAggregatedStatus"_s).toObject().value(u"totalApplications"_s).toInt(), 1);

    QCOMPARE(awsJson({ u"mgn"_s, u"archive-application"_s, u"--application-id"_s, appID })
                 .value(u"isArchived"_s)
                 .toBool(),
        true);
    QCOMPARE(awsJson({ u"mgn"_s, u"unarchive-application"_s, u"--application-id"_s, appID })
                 .value(u"isArchived"_s)
                 .toBool(true),
        false);

    // Refused: deleting an application that still has servers, bad input,
    // an unknown ID, an operation the emulator does not play.
    QByteArray err = refusal({ u"mgn"_s, u"delete-application"_s, u"--application-id"_s, appID });
    QVERIFY2(
        err.contains("An error occurred (ConflictException) when calling the DeleteApplication operation"),
        err.constData());
    err = refusal({ u"mgn"_s, u"update-source-server-replication-type"_s, u"--source-server-id"_s,
        servers.at(0), u"--replication-type"_s, u"TELEPORT"_s });
    QVERIFY2(err.contains("(ValidationException)") && err.contains("'replicationType'"), err.constData());
    err = refusal({ u"mgn"_s, u"create-application"_s, u"--name"_s, QString(257, u'n') });
    QVERIFY2(err.contains("(ValidationException)") && err.contains("'name'")
            && err.contains("length less than or equal to 256"),
        err.constData());
    err = refusal({ u"mgn"_s, u"archive-application"_s, u"--application-id"_s, u"app_00000000000000000"_s });
    QVERIFY2(err.contains("(ValidationException)") && err.contains("'applicationID'"), err.constData());
    err = refusal({ u"mgn"_s, u"update-wave"_s, u"--wave-id"_s, u"wave-00000000000000000"_s });
    QVERIFY2(
        err.contains("An error occurred (ResourceNotFoundException) when calling the UpdateWave operation"),
        err.constData());
    err = refusal({ u"mgn"_s, u"create-wave"_s });
    QVERIFY2(err.contains("--name"), err.constData());
    // A CLI whose model predates the operation (Debian's v2) refuses it itself.
    err = refusal({ u"mgn"_s, u"list-network-migration-definitions"_s });
    if (!err.contains("Invalid choice"))
        QVERIFY2(err.contains("An error occurred (NotEmulatedException) when calling the "
                              "ListNetworkMigrationDefinitions operation"),
            err.constData());
    else
        QVERIFY2(
            !prefix.contains(u"awscli"_s), "the AWS CLI v1 with the newest model must know the operation");

    // Emptied, the application and the wave go.
    awsJson(QStringList { u"mgn"_s, u"disassociate-source-servers"_s, u"--application-id"_s, appID,
                u"--source-server-ids"_s }
        + servers);
    awsJson(
        { u"mgn"_s, u"disassociate-applications"_s, u"--wave-id"_s, waveID, u"--application-ids"_s, appID });
    const ProcessResult deleted
        = aws({ u"mgn"_s, u"delete-application"_s, u"--application-id"_s, appID }, m_emulator->credentials());
    QVERIFY2(deleted.finished && deleted.exitCode == 0, deleted.err.constData());
    const ProcessResult deletedWave
        = aws({ u"mgn"_s, u"delete-wave"_s, u"--wave-id"_s, waveID }, m_emulator->credentials());
    QVERIFY2(deletedWave.finished && deletedWave.exitCode == 0, deletedWave.err.constData());
}

QTEST_GUILESS_MAIN(TestEmulatorInterop)
#include "tst_emulatorinterop.moc"
