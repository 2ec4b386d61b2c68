#include "app/aws/FixedClock.h"
#include "emulator/http/EmulatorOptions.h"
#include "emulator/http/MgnEmulator.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/MgnService.h"
#include "tests/support/PeerTool.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mgn;

// The AWS CLI v1 (`python3 -m awscli`, with the newest API model) against the
// emulator's configuration operations over HTTP: it signs, serialises and
// decodes with its own code and model. Two emulators of one fleet share an
// --s3-root: what the first exports, the second imports. A CLI call costs
// seconds (python loads botocore and its model), so the test makes few and
// reads the rest from the emulators' services in this process.

namespace {

constexpr int fleetSize = 12;

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestEmulatorConfigurationCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void launchAndReplicationConfiguration();
    void templateAndPostLaunchAction();
    void exportThenImportIntoAFreshEmulator();

private:
    std::unique_ptr<MgnEmulator> startEmulator();
    CliResult aws(const MgnEmulator &emulator, const QStringList &arguments);
    QJsonObject awsJson(const MgnEmulator &emulator, const QStringList &arguments);

    QString m_python;
    QTemporaryDir m_home;
    QTemporaryDir m_s3;
    std::shared_ptr<FixedClock> m_clock;
    std::unique_ptr<MgnEmulator> m_emulator;
    QString m_server;
};

std::unique_ptr<MgnEmulator> TestEmulatorConfigurationCli::startEmulator()
{
    auto emulator = std::make_unique<MgnEmulator>();
    emulator->setServiceClock(m_clock);
    EmulatorOptions options;
    options.servers = fleetSize;
    options.seed = 3;
    options.speed = 1;
    options.s3Root = m_s3.path();
    QString error;
    if (!emulator->start(options, &error)) {
        qWarning("cannot start the emulator: %s", qPrintable(error));
        return {};
    }
    return emulator;
}

void TestEmulatorConfigurationCli::initTestCase()
{
    QVERIFY(m_home.isValid() && m_s3.isValid());
    QVERIFY(QDir(m_s3.path()).mkdir(u"migration-bucket"_s));
    m_python = testsupport::findPython3();
    if (m_python.isEmpty())
        MGN_PEER_TOOL_MISSING("python3 is not installed: cannot run the AWS CLI v1 (python3 -m awscli)");
    QProcess probe;
    probe.start(m_python, { u"-c"_s, u"import awscli"_s });
    if (!probe.waitForFinished(60000) || probe.exitCode() != 0)
        MGN_PEER_TOOL_MISSING("The AWS CLI v1 is not installed for python3 (pip install awscli)");
    m_clock = std::make_shared<FixedClock>(QDateTime::currentDateTimeUtc());
    m_emulator = startEmulator();
    QVERIFY(m_emulator);
    for (const FleetServer &entry : m_emulator->service()->fleet().servers) {
        if (!entry.server.archived())
            m_server = entry.server.id();
    }
    QVERIFY(!m_server.isEmpty());
}

CliResult TestEmulatorConfigurationCli::aws(const MgnEmulator &emulator, const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(u"AWS_"_s))
            environment.remove(name);
    }
    environment.insert(u"HOME"_s, m_home.path());
    environment.insert(u"AWS_CONFIG_FILE"_s, m_home.filePath(u"config"_s));
    environment.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home.filePath(u"credentials"_s));
    environment.insert(u"AWS_EC2_METADATA_DISABLED"_s, u"true"_s);
    environment.insert(u"AWS_ACCESS_KEY_ID"_s, emulator.credentials().accessKeyId);
    environment.insert(u"AWS_SECRET_ACCESS_KEY"_s, emulator.credentials().secretAccessKey);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(m_python,
        QStringList { u"-m"_s, u"awscli"_s, u"mgn"_s } + arguments
            + QStringList { u"--endpoint-url"_s, emulator.url().toString(), u"--region"_s, emulator.region(),
                u"--output"_s, u"json"_s });
    CliResult result;
    // The event loop serves the emulator while the CLI runs.
    if (!process.waitForStarted(30000)
        || !QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 180000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QJsonObject TestEmulatorConfigurationCli::awsJson(const MgnEmulator &emulator, const QStringList &arguments)
{
    const CliResult result = aws(emulator, arguments);
    if (result.exitCode != 0)
        qWarning("aws mgn %s: exit %d: %s", qPrintable(arguments.join(u' ')), result.exitCode,
            result.err.constData());
    return result.json();
}

void TestEmulatorConfigurationCli::launchAndReplicationConfiguration()
{
    const QJsonObject launch
        = awsJson(*m_emulator, { u"get-launch-configuration"_s, u"--source-server-id"_s, m_server });
    QCOMPARE(launch.value("sourceServerID"_L1).toString(), m_server);
    QCOMPARE(launch.value("launchDisposition"_L1).toString(), u"STARTED"_s);

    const QJsonObject updated = awsJson(*m_emulator,
        { u"update-launch-configuration"_s, u"--source-server-id"_s, m_server, u"--launch-disposition"_s,
            u"STOPPED"_s, u"--copy-private-ip"_s, u"--boot-mode"_s, u"UEFI"_s });
    QCOMPARE(updated.value("launchDisposition"_L1).toString(), u"STOPPED"_s);
    QCOMPARE(updated.value("copyPrivateIp"_L1).toBool(), true);
    QCOMPARE(m_emulator->service()->fleet().launchConfigurations.value(m_server), updated);

    // The documented rule: an update takes LEGACY_BIOS or UEFI only.
    const CliResult refused = aws(*m_emulator,
        { u"update-launch-configuration"_s, u"--source-server-id"_s, m_server, u"--boot-mode"_s,
            u"USE_SOURCE"_s });
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.err.contains("(ValidationException)"), refused.err.constData());

    const QJsonObject replication
        = awsJson(*m_emulator, { u"get-replication-configuration"_s, u"--source-server-id"_s, m_server });
    const QJsonArray disks = replication.value("replicatedDisks"_L1).toArray();
    QVERIFY(!disks.isEmpty());
    const QString device = disks.at(0)["deviceName"_L1].toString();
    const QJsonObject changed = awsJson(*m_emulator,
        { u"update-replication-configuration"_s, u"--source-server-id"_s, m_server,
            u"--bandwidth-throttling"_s, u"250"_s, u"--replicated-disks"_s,
            QString::fromUtf8(QJsonDocument(QJsonArray { QJsonObject { { "deviceName"_L1, device },
                                                { "stagingDiskType"_L1, u"GP3"_s } } })
                                  .toJson(QJsonDocument::Compact)) });
    QCOMPARE(changed.value("bandwidthThrottling"_L1).toInt(), 250);
    for (const QJsonValue &disk : changed.value("replicatedDisks"_L1).toArray()) {
        if (disk["deviceName"_L1].toString() == device)
            QCOMPARE(disk["stagingDiskType"_L1].toString(), u"GP3"_s);
    }
    QCOMPARE(changed.value("replicatedDisks"_L1).toArray().size(), disks.size());
}

void TestEmulatorConfigurationCli::templateAndPostLaunchAction()
{
    const QJsonObject created = awsJson(*m_emulator,
        { u"create-replication-configuration-template"_s, u"--staging-area-subnet-id"_s,
            u"subnet-0123456789abcdef0"_s, u"--associate-default-security-group"_s,
            u"--replication-servers-security-groups-ids"_s, u"sg-0123456789abcdef0"_s,
            u"--replication-server-instance-type"_s, u"m5.large"_s,
            u"--no-use-dedicated-replication-server"_s, u"--default-large-staging-disk-type"_s, u"GP3"_s,
            u"--ebs-encryption"_s, u"DEFAULT"_s, u"--bandwidth-throttling"_s, u"0"_s,
            u"--data-plane-routing"_s, u"PRIVATE_IP"_s, u"--no-create-public-ip"_s, u"--staging-area-tags"_s,
            u"Team=migration"_s });
    const QString id = created.value("replicationConfigurationTemplateID"_L1).toString();
    QVERIFY2(id.startsWith(u"rct-"_s), QJsonDocument(created).toJson().constData());
    QCOMPARE(m_emulator->service()->fleet().replicationConfigurationTemplates.constLast(), created);
    QCOMPARE(created.value("replicationServerInstanceType"_L1).toString(), u"m5.large"_s);

    const QJsonObject action = awsJson(*m_emulator,
        { u"put-source-server-action"_s, u"--source-server-id"_s, m_server, u"--action-id"_s, u"smoke-test"_s,
            u"--action-name"_s, u"Smoke test"_s, u"--document-identifier"_s, u"AWS-RunShellScript"_s,
            u"--order"_s, u"2000"_s, u"--active"_s });
    QCOMPARE(action.value("order"_L1).toInt(), 2000);
    QCOMPARE(
        m_emulator->service()->fleet().sourceServerActions.value(m_server), QList<QJsonObject> { action });

    // The same order for another action: ConflictException.
    const CliResult conflict = aws(*m_emulator,
        { u"put-source-server-action"_s, u"--source-server-id"_s, m_server, u"--action-id"_s, u"other"_s,
            u"--action-name"_s, u"Other"_s, u"--document-identifier"_s, u"AWS-RunShellScript"_s, u"--order"_s,
            u"2000"_s });
    QVERIFY(conflict.exitCode != 0);
    QVERIFY2(conflict.err.contains("(ConflictException)"), conflict.err.constData());
}

void TestEmulatorConfigurationCli::exportThenImportIntoAFreshEmulator()
{
    const QJsonObject exported = awsJson(*m_emulator,
        { u"start-export"_s, u"--s3-bucket"_s, u"migration-bucket"_s, u"--s3-key"_s,
            u"exports/fleet.csv"_s });
    QCOMPARE(exported.value("exportTask"_L1)["status"_L1].toString(), u"SUCCEEDED"_s);
    QVERIFY(QFile::exists(m_s3.filePath(u"migration-bucket/exports/fleet.csv"_s)));
    QCOMPARE(m_emulator->service()->fleet().exportTasks.size(), 1);

    auto fresh = startEmulator();
    QVERIFY(fresh);
    const Fleet &source = m_emulator->service()->fleet();
    const Fleet &target = fresh->service()->fleet();
    QVERIFY(!target.launchConfigurations.contains(m_server));
    const QJsonObject imported = awsJson(*fresh,
        { u"start-import"_s, u"--s3-bucket-source"_s,
            u"s3Bucket=migration-bucket,s3Key=exports/fleet.csv"_s });
    const QJsonObject task = imported.value("importTask"_L1).toObject();
    QCOMPARE(task.value("status"_L1).toString(), u"SUCCEEDED"_s);
    QVERIFY(target.importErrors.isEmpty());

    // The same launch settings, tags and applications for every server.
    QCOMPARE(target.servers.size(), source.servers.size());
    for (std::size_t i = 0; i < source.servers.size(); ++i) {
        QCOMPARE(target.servers[i].server.tags, source.servers[i].server.tags);
        QCOMPARE(target.servers[i].server.applicationID, source.servers[i].server.applicationID);
    }
    QCOMPARE(awsJson(*fresh, { u"get-launch-configuration"_s, u"--source-server-id"_s, m_server }),
        source.launchConfigurations.value(m_server));
}

QTEST_GUILESS_MAIN(TestEmulatorConfigurationCli)
#include "tst_emulatorconfigurationcli.moc"
