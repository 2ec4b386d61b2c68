#include "app/aws/FixedClock.h"
#include "emulator/service/ConfigurationState.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/FleetState.h"
#include "emulator/service/MgnService.h"
#include "models/rules/ActionRules.h"
#include "tests/support/ApiShapeValidator.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mgn;

// The configuration operations of the emulated service, through MgnService:
// launch and replication configurations, their templates, post-launch
// actions, import and export. Each success is checked against the operation's
// output shape in the API model, each refusal for its error type and for
// leaving the state as it was.

namespace {

const QDateTime startTime = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
constexpr int fleetSize = 30;

QJsonObject bodyOf(const EmulatorResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

QByteArray errorType(const EmulatorResponse &response)
{
    for (const auto &[key, value] : response.headers) {
        if (key.compare("x-amzn-ErrorType", Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray describe(const EmulatorResponse &response)
{
    return QByteArray::number(response.status) + ' ' + errorType(response) + ' ' + response.body.left(600);
}

// A member by dotted path ("licensing.osByol", "items[0].order").
QJsonValue at(const QJsonValue &root, const QString &path)
{
    QJsonValue value = root;
    static const QRegularExpression part(u"([^.\\[]+)|\\[(\\d+)\\]"_s);
    auto it = part.globalMatch(path);
    while (it.hasNext()) {
        const auto match = it.next();
        if (match.capturedView(1).isEmpty())
            value = value.toArray().at(match.captured(2).toInt());
        else
            value = value.toObject().value(match.captured(1));
    }
    return value;
}

QString text(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isUndefined())
        return u"<absent>"_s;
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact));
}

// One service on a clock that stands still, and the IDs its requests name.
class Fixture final
{
public:
    explicit Fixture(const QString &s3Root = {})
    {
        MgnService::Options options;
        options.servers = fleetSize;
        options.seed = 7;
        service = std::make_unique<MgnService>(options, std::make_shared<FixedClock>(startTime));
        service->fleet().s3Root = s3Root;
        const Fleet &fleet = service->fleet();
        server = fleet.servers.front().server.id();
        disk = *fleet.servers.front().server.sourceProperties->disks->constFirst().deviceName;
        rct = fleet.replicationConfigurationTemplates.constFirst()
                  .value("replicationConfigurationTemplateID"_L1)
                  .toString();
        lct = fleet.launchConfigurationTemplates.constFirst()
                  .value("launchConfigurationTemplateID"_L1)
                  .toString();
        for (const FleetServer &entry : fleet.servers) {
            if (entry.server.archived())
                archived = entry.server.id();
        }
    }

    EmulatorResponse call(const QByteArray &operation, const QString &bodyTemplate)
    {
        QString body = bodyTemplate;
        body.replace(u"$server"_s, server)
            .replace(u"$archived"_s, archived)
            .replace(u"$disk"_s, QString(disk).replace(u"\\"_s, u"\\\\"_s))
            .replace(u"$rct"_s, rct)
            .replace(u"$lct"_s, lct);
        return service->handle({ "POST", '/' + operation, {}, {}, body.toUtf8() });
    }

    QJsonObject state() const { return FleetState::toJson(service->fleet()); }

    std::unique_ptr<MgnService> service;
    QString server, archived, disk, rct, lct;
};

} // namespace

class TestEmulatorConfiguration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void accountDefaults();
    void serverDefaults();
    void succeeds_data();
    void succeeds();
    void refuses_data();
    void refuses();
    void paging();
    void startReplicationTakesTheTemplate();
    void persistence();
    void oldStateFileGetsDefaults();
    void exportAndImport();
    void importErrors_data();
    void importErrors();
    void withoutS3();

private:
    std::unique_ptr<ApiShapeValidator> m_model;
    void checkOutput(const QByteArray &operation, const EmulatorResponse &response);
};

void TestEmulatorConfiguration::initTestCase()
{
    m_model = std::make_unique<ApiShapeValidator>(QStringLiteral(MGN_API_MODEL_DIR) + u"/service-2.json"_s);
    QVERIFY(m_model->isLoaded());
    QVERIFY(!Fixture().archived.isEmpty());
}

void TestEmulatorConfiguration::checkOutput(const QByteArray &operation, const EmulatorResponse &response)
{
    const QJsonObject op = m_model->operation(QString::fromLatin1(operation));
    const QString shape = op.value("output"_L1).toObject().value("shape"_L1).toString();
    QCOMPARE(response.status, op.value("http"_L1).toObject().value("responseCode"_L1).toInt(200));
    if (!shape.isEmpty() && response.status != 204) {
        const QStringList problems = m_model->validate(bodyOf(response), shape);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }
}

void TestEmulatorConfiguration::accountDefaults()
{
    Fixture f;
    const Fleet &fleet = f.service->fleet();
    QCOMPARE(fleet.replicationConfigurationTemplates.size(), 1);
    const QJsonObject rct = fleet.replicationConfigurationTemplates.constFirst();
    QCOMPARE(rct.value("replicationServerInstanceType"_L1).toString(), u"t3.small"_s);
    QCOMPARE(rct.value("ebsEncryption"_L1).toString(), u"DEFAULT"_s);
    QCOMPARE(rct.value("bandwidthThrottling"_L1).toInt(-1), 0);
    QCOMPARE(rct.value("dataPlaneRouting"_L1).toString(), u"PRIVATE_IP"_s);
    QCOMPARE(rct.value("createPublicIP"_L1).toBool(true), false);
    QCOMPARE(rct.value("useDedicatedReplicationServer"_L1).toBool(true), false);
    QVERIFY(rct.value("stagingAreaSubnetId"_L1).toString().startsWith(u"subnet-"_s));
    QVERIFY(!rct.value("stagingAreaTags"_L1).toObject().isEmpty());
    QVERIFY(rct.value("arn"_L1).toString().endsWith(f.rct));

    const EmulatorResponse templates = f.call("DescribeReplicationConfigurationTemplates", u"{}"_s);
    checkOutput("DescribeReplicationConfigurationTemplates", templates);
    QCOMPARE(bodyOf(templates).value("items"_L1).toArray().size(), 1);
    const EmulatorResponse launch = f.call("DescribeLaunchConfigurationTemplates", u"{}"_s);
    checkOutput("DescribeLaunchConfigurationTemplates", launch);
    QCOMPARE(at(bodyOf(launch), u"items[0].launchConfigurationTemplateID"_s).toString(), f.lct);

    const EmulatorResponse actions
        = f.call("ListTemplateActions", u"{\"launchConfigurationTemplateID\":\"$lct\"}"_s);
    checkOutput("ListTemplateActions", actions);
    const QJsonArray items = bodyOf(actions).value("items"_L1).toArray();
    QVERIFY(items.size() >= 3);
    int previous = 0;
    for (const QJsonValue &item : items) {
        QVERIFY(item["documentIdentifier"_L1].toString().startsWith(u"AWSMigration-"_s));
        QVERIFY(item["order"_L1].toInt() > previous); // in order, each order once
        previous = item["order"_L1].toInt();
    }
}

void TestEmulatorConfiguration::serverDefaults()
{
    Fixture f;
    int windows = 0;
    for (const FleetServer &entry : f.service->fleet().servers) {
        const SourceServer &server = entry.server;
        const QString body = u"{\"sourceServerID\":\"%1\"}"_s.arg(server.id());
        const EmulatorResponse launch = f.call("GetLaunchConfiguration", body);
        checkOutput("GetLaunchConfiguration", launch);
        const QJsonObject l = bodyOf(launch);
        QCOMPARE(l.value("sourceServerID"_L1).toString(), server.id());
        QCOMPARE(l.value("name"_L1).toString(), server.displayName());
        QCOMPARE(l.value("ec2LaunchTemplateID"_L1).toString(), u"lt-"_s + server.id().mid(2));
        // BASIC: the instance type is the server's recommended one.
        QVERIFY(server.sourceProperties->recommendedInstanceType);
        QCOMPARE(l.value("targetInstanceTypeRightSizingMethod"_L1).toString(), u"BASIC"_s);
        const bool isWindows = server.sourceProperties->os->fullString->contains(u"Windows"_s);
        windows += isWindows ? 1 : 0;
        QCOMPARE(at(l, u"licensing.osByol"_s).toBool(), !isWindows);
        QCOMPARE(l.value("launchDisposition"_L1).toString(), u"STARTED"_s);

        const EmulatorResponse replication = f.call("GetReplicationConfiguration", body);
        checkOutput("GetReplicationConfiguration", replication);
        const QJsonArray disks = bodyOf(replication).value("replicatedDisks"_L1).toArray();
        const auto &serverDisks = *server.sourceProperties->disks;
        QCOMPARE(disks.size(), serverDisks.size());
        for (qsizetype i = 0; i < disks.size(); ++i) {
            QCOMPARE(disks.at(i)["deviceName"_L1].toString(), *serverDisks.at(i).deviceName);
            QCOMPARE(disks.at(i)["isBootDisk"_L1].toBool(), i == 0);
        }
        QCOMPARE(bodyOf(replication).value("replicationServerInstanceType"_L1).toString(), u"t3.small"_s);
    }
    QVERIFY(windows > 0 && windows < fleetSize); // both licensing cases were seen
    // Reading makes nothing: the configurations are stored only when they change.
    QVERIFY(f.service->fleet().launchConfigurations.isEmpty());
}

void TestEmulatorConfiguration::succeeds_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("expected"); // "path=value" of the answer
    QTest::addColumn<QByteArray>("readBack"); // an operation that shows the change; empty: none
    QTest::addColumn<QString>("readBody");

    QTest::newRow("UpdateLaunchConfiguration")
        << QByteArray("UpdateLaunchConfiguration")
        << u"{\"sourceServerID\":\"$server\",\"launchDisposition\":\"STOPPED\",\"copyPrivateIp\":true,"
           u"\"bootMode\":\"UEFI\",\"licensing\":{\"osByol\":true},\"enableMapAutoTagging\":true,"
           u"\"mapAutoTaggingMpeID\":\"MPE12345\"}"_s
        << QStringList { u"launchDisposition=STOPPED"_s, u"copyPrivateIp=true"_s, u"bootMode=UEFI"_s,
               u"licensing.osByol=true"_s, u"mapAutoTaggingMpeID=MPE12345"_s, u"copyTags=true"_s }
        << QByteArray("GetLaunchConfiguration") << u"{\"sourceServerID\":\"$server\"}"_s;
    QTest::newRow("UpdateLaunchConfiguration post-launch SSM documents")
        << QByteArray("UpdateLaunchConfiguration")
        << u"{\"sourceServerID\":\"$server\",\"postLaunchActions\":{\"deployment\":\"CUTOVER_ONLY\","
           u"\"ssmDocuments\":[{\"actionName\":\"a\",\"ssmDocumentName\":\"AWS-RunShellScript\"}]}}"_s
        << QStringList { u"postLaunchActions.deployment=CUTOVER_ONLY"_s,
               u"postLaunchActions.ssmDocuments[0].ssmDocumentName=AWS-RunShellScript"_s }
        << QByteArray("GetLaunchConfiguration") << u"{\"sourceServerID\":\"$server\"}"_s;
    QTest::newRow("UpdateReplicationConfiguration")
        << QByteArray("UpdateReplicationConfiguration")
        << u"{\"sourceServerID\":\"$server\",\"bandwidthThrottling\":100,\"dataPlaneRouting\":\"PUBLIC_IP\","
           u"\"createPublicIP\":true,\"ebsEncryption\":\"CUSTOM\",\"ebsEncryptionKeyArn\":"
           u"\"arn:aws:kms:us-east-1:111122223333:key/abcd\",\"replicatedDisks\":[{\"deviceName\":\"$disk\","
           u"\"stagingDiskType\":\"GP3\",\"iops\":4000,\"throughput\":250}]}"_s
        << QStringList { u"bandwidthThrottling=100"_s, u"dataPlaneRouting=PUBLIC_IP"_s,
               u"createPublicIP=true"_s, u"ebsEncryption=CUSTOM"_s, u"replicatedDisks[0].deviceName=$disk"_s,
               u"replicatedDisks[0].stagingDiskType=GP3"_s, u"replicatedDisks[0].iops=4000"_s,
               u"replicatedDisks[0].isBootDisk=true"_s }
        << QByteArray("GetReplicationConfiguration") << u"{\"sourceServerID\":\"$server\"}"_s;
    QTest::newRow("CreateReplicationConfigurationTemplate")
        << QByteArray("CreateReplicationConfigurationTemplate")
        << u"{\"stagingAreaSubnetId\":\"subnet-0123456789abcdef0\",\"associateDefaultSecurityGroup\":false,"
           u"\"replicationServersSecurityGroupsIDs\":[\"sg-0123456789abcdef0\"],"
           u"\"replicationServerInstanceType\":\"m5.large\",\"useDedicatedReplicationServer\":true,"
           u"\"defaultLargeStagingDiskType\":\"ST1\",\"ebsEncryption\":\"DEFAULT\",\"bandwidthThrottling\":"
           u"50,"
           u"\"dataPlaneRouting\":\"PRIVATE_IP\",\"createPublicIP\":false,\"stagingAreaTags\":{\"a\":\"b\"},"
           u"\"tags\":{\"team\":\"x\"}}"_s
        << QStringList { u"replicationServerInstanceType=m5.large"_s, u"useDedicatedReplicationServer=true"_s,
               u"tags.team=x"_s }
        << QByteArray("DescribeReplicationConfigurationTemplates") << u"{}"_s;
    QTest::newRow("UpdateReplicationConfigurationTemplate")
        << QByteArray("UpdateReplicationConfigurationTemplate")
        << u"{\"replicationConfigurationTemplateID\":\"$rct\",\"bandwidthThrottling\":10}"_s
        << QStringList { u"bandwidthThrottling=10"_s, u"replicationConfigurationTemplateID=$rct"_s,
               u"replicationServerInstanceType=t3.small"_s }
        << QByteArray("DescribeReplicationConfigurationTemplates")
        << u"{\"replicationConfigurationTemplateIDs\":[\"$rct\"]}"_s;
    QTest::newRow("CreateLaunchConfigurationTemplate")
        << QByteArray("CreateLaunchConfigurationTemplate")
        << u"{\"launchDisposition\":\"STOPPED\",\"bootMode\":\"UEFI\",\"tags\":{\"k\":\"v\"}}"_s
        << QStringList { u"launchDisposition=STOPPED"_s, u"bootMode=UEFI"_s, u"tags.k=v"_s }
        << QByteArray("DescribeLaunchConfigurationTemplates") << u"{}"_s;
    QTest::newRow("UpdateLaunchConfigurationTemplate")
        << QByteArray("UpdateLaunchConfigurationTemplate")
        << u"{\"launchConfigurationTemplateID\":\"$lct\",\"copyPrivateIp\":true}"_s
        << QStringList { u"copyPrivateIp=true"_s, u"launchConfigurationTemplateID=$lct"_s }
        << QByteArray("DescribeLaunchConfigurationTemplates") << u"{}"_s;
    QTest::newRow("PutSourceServerAction")
        << QByteArray("PutSourceServerAction")
        << u"{\"sourceServerID\":\"$server\",\"actionID\":\"check-1\",\"actionName\":\"Check\","
           u"\"documentIdentifier\":\"AWS-RunShellScript\",\"order\":1001,\"active\":true,"
           u"\"parameters\":{\"commands\":[{\"parameterName\":\"p\",\"parameterType\":\"STRING\"}]},"
           u"\"category\":\"VALIDATION\"}"_s
        << QStringList { u"actionID=check-1"_s, u"order=1001"_s, u"category=VALIDATION"_s }
        << QByteArray("ListSourceServerActions") << u"{\"sourceServerID\":\"$server\"}"_s;
    QTest::newRow("PutTemplateAction")
        << QByteArray("PutTemplateAction")
        << u"{\"launchConfigurationTemplateID\":\"$lct\",\"actionID\":\"mine\",\"actionName\":\"Mine\","
           u"\"documentIdentifier\":\"AWS-RunPowerShellScript\",\"order\":5000,\"operatingSystem\":\"windows\"}"_s
        << QStringList { u"actionID=mine"_s, u"order=5000"_s, u"operatingSystem=windows"_s }
        << QByteArray("ListTemplateActions") << u"{\"launchConfigurationTemplateID\":\"$lct\"}"_s;
    QTest::newRow("PutTemplateAction replaces its own order")
        << QByteArray("PutTemplateAction")
        << u"{\"launchConfigurationTemplateID\":\"$lct\",\"actionID\":\"validate-disk-space\",\"actionName\":"
           u"\"Disk\",\"documentIdentifier\":\"AWSMigration-ValidateDiskSpace\",\"order\":1001,\"active\":false}"_s
        << QStringList { u"actionID=validate-disk-space"_s, u"active=false"_s }
        << QByteArray("ListTemplateActions") << u"{\"launchConfigurationTemplateID\":\"$lct\"}"_s;
    QTest::newRow("RemoveTemplateAction")
        << QByteArray("RemoveTemplateAction")
        << u"{\"launchConfigurationTemplateID\":\"$lct\",\"actionID\":\"validate-disk-space\"}"_s
        << QStringList {} << QByteArray("ListTemplateActions")
        << u"{\"launchConfigurationTemplateID\":\"$lct\",\"filters\":{\"actionIDs\":[\"validate-disk-space\"]}}"_s;
}

void TestEmulatorConfiguration::succeeds()
{
    QFETCH(QByteArray, operation);
    QFETCH(QString, body);
    QFETCH(QStringList, expected);
    QFETCH(QByteArray, readBack);
    QFETCH(QString, readBody);

    Fixture f;
    const QJsonObject before = f.state();
    const EmulatorResponse response = f.call(operation, body);
    QVERIFY2(response.status < 300, describe(response).constData());
    checkOutput(operation, response);
    for (QString check : std::as_const(expected)) {
        check.replace(u"$disk"_s, f.disk).replace(u"$rct"_s, f.rct).replace(u"$lct"_s, f.lct);
        const qsizetype equals = check.indexOf(u'=');
        QCOMPARE(text(at(bodyOf(response), check.left(equals))), check.mid(equals + 1));
    }
    QVERIFY(f.state() != before);

    // The change shows in what the service answers afterwards.
    const EmulatorResponse read = f.call(readBack, readBody);
    QCOMPARE(read.status, 200);
    checkOutput(readBack, read);
    const QJsonObject shown = bodyOf(read);
    if (operation.startsWith("Remove")) {
        QCOMPARE(shown.value("items"_L1).toArray().size(), 0);
    } else if (shown.contains("items"_L1)) {
        QVERIFY2(shown.value("items"_L1).toArray().contains(bodyOf(response)), read.body.constData());
    } else {
        QCOMPARE(shown, bodyOf(response));
    }
}

void TestEmulatorConfiguration::refuses_data()
{
    QTest::addColumn<QByteArray>("operation");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QString>("message"); // a part of the message

    const QString unknownServer = u"s-0000000000000abcd"_s;
    QTest::newRow("get launch: unknown server")
        << QByteArray("GetLaunchConfiguration") << u"{\"sourceServerID\":\"%1\"}"_s.arg(unknownServer) << 404
        << QByteArray("ResourceNotFoundException") << unknownServer;
    QTest::newRow("get launch: another account")
        << QByteArray("GetLaunchConfiguration")
        << u"{\"sourceServerID\":\"$server\",\"accountID\":\"999988887777\"}"_s << 404
        << QByteArray("ResourceNotFoundException") << u"not found"_s;
    QTest::newRow("get launch: no ID") << QByteArray("GetLaunchConfiguration") << u"{}"_s << 400
                                       << QByteArray("ValidationException") << u"sourceServerID"_s;
    QTest::newRow("get replication: bad ID")
        << QByteArray("GetReplicationConfiguration") << u"{\"sourceServerID\":\"server-1\"}"_s << 400
        << QByteArray("ValidationException") << u"regular expression"_s;
    QTest::newRow("update launch: not JSON") << QByteArray("UpdateLaunchConfiguration") << u"{"_s << 400
                                             << QByteArray("ValidationException") << u"not valid JSON"_s;
    QTest::newRow("update launch: enum")
        << QByteArray("UpdateLaunchConfiguration")
        << u"{\"sourceServerID\":\"$server\",\"launchDisposition\":\"RUNNING\"}"_s << 400
        << QByteArray("ValidationException") << u"enum value set"_s;
    QTest::newRow("update launch: USE_SOURCE")
        << QByteArray("UpdateLaunchConfiguration")
        << u"{\"sourceServerID\":\"$server\",\"bootMode\":\"USE_SOURCE\"}"_s << 400
        << QByteArray("ValidationException") << u"LEGACY_BIOS or UEFI"_s;
    QTest::newRow("update launch: map tagging without MPE ID")
        << QByteArray("UpdateLaunchConfiguration")
        << u"{\"sourceServerID\":\"$server\",\"enableMapAutoTagging\":true}"_s << 400
        << QByteArray("ValidationException") << u"mapAutoTaggingMpeID"_s;
    QTest::newRow("update launch: one action name twice")
        << QByteArray("UpdateLaunchConfiguration")
        << u"{\"sourceServerID\":\"$server\",\"postLaunchActions\":{\"ssmDocuments\":["
           u"{\"actionName\":\"a\",\"ssmDocumentName\":\"AWS-X\"},{\"actionName\":\"a\",\"ssmDocumentName\":\"AWS-Y\"}]}}"_s
        << 400 << QByteArray("ValidationException") << u"unique"_s;
    QTest::newRow("update launch: archived server")
        << QByteArray("UpdateLaunchConfiguration")
        << u"{\"sourceServerID\":\"$archived\",\"copyTags\":false}"_s << 409
        << QByteArray("ConflictException") << u"archived"_s;
    QTest::newRow("update replication: archived server")
        << QByteArray("UpdateReplicationConfiguration")
        << u"{\"sourceServerID\":\"$archived\",\"bandwidthThrottling\":5}"_s << 409
        << QByteArray("ConflictException") << u"archived"_s;
    QTest::newRow("update replication: unknown disk")
        << QByteArray("UpdateReplicationConfiguration")
        << u"{\"sourceServerID\":\"$server\",\"replicatedDisks\":[{\"deviceName\":\"/dev/nope\"}]}"_s << 400
        << QByteArray("ValidationException") << u"one of the source server's disks"_s;
    QTest::newRow("update replication: disk twice")
        << QByteArray("UpdateReplicationConfiguration")
        << u"{\"sourceServerID\":\"$server\",\"replicatedDisks\":[{\"deviceName\":\"$disk\"},"
           u"{\"deviceName\":\"$disk\"}]}"_s
        << 400 << QByteArray("ValidationException") << u"each disk once"_s;
    QTest::newRow("update replication: iops on ST1")
        << QByteArray("UpdateReplicationConfiguration")
        << u"{\"sourceServerID\":\"$server\",\"replicatedDisks\":[{\"deviceName\":\"$disk\","
           u"\"stagingDiskType\":\"ST1\",\"iops\":3000}]}"_s
        << 400 << QByteArray("ValidationException") << u"IO1, IO2 or GP3"_s;
    QTest::newRow("update replication: CUSTOM without key")
        << QByteArray("UpdateReplicationConfiguration")
        << u"{\"sourceServerID\":\"$server\",\"ebsEncryption\":\"CUSTOM\"}"_s << 400
        << QByteArray("ValidationException") << u"CUSTOM"_s;
    QTest::newRow("update replication: throttling out of range")
        << QByteArray("UpdateReplicationConfiguration")
        << u"{\"sourceServerID\":\"$server\",\"bandwidthThrottling\":10001}"_s << 400
        << QByteArray("ValidationException") << u"less than or equal to 10000"_s;
    QTest::newRow("create replication template: missing members")
        << QByteArray("CreateReplicationConfigurationTemplate")
        << u"{\"stagingAreaSubnetId\":\"subnet-12345678\"}"_s << 400 << QByteArray("ValidationException")
        << u"10 validation errors"_s;
    QTest::newRow("update replication template: unknown")
        << QByteArray("UpdateReplicationConfigurationTemplate")
        << u"{\"replicationConfigurationTemplateID\":\"rct-0000000000000abcd\"}"_s << 404
        << QByteArray("ResourceNotFoundException") << u"rct-0000000000000abcd"_s;
    QTest::newRow("update replication template: DEFAULT with a key")
        << QByteArray("UpdateReplicationConfigurationTemplate")
        << u"{\"replicationConfigurationTemplateID\":\"$rct\",\"ebsEncryptionKeyArn\":"
           u"\"arn:aws:kms:us-east-1:111122223333:key/abcd\"}"_s
        << 400 << QByteArray("ValidationException") << u"DEFAULT"_s;
    QTest::newRow("delete replication template: the last one")
        << QByteArray("DeleteReplicationConfigurationTemplate")
        << u"{\"replicationConfigurationTemplateID\":\"$rct\"}"_s << 409 << QByteArray("ConflictException")
        << u"last one"_s;
    QTest::newRow("delete launch template: the last one")
        << QByteArray("DeleteLaunchConfigurationTemplate")
        << u"{\"launchConfigurationTemplateID\":\"$lct\"}"_s << 409 << QByteArray("ConflictException")
        << u"last one"_s;
    QTest::newRow("delete launch template: unknown")
        << QByteArray("DeleteLaunchConfigurationTemplate")
        << u"{\"launchConfigurationTemplateID\":\"lct-0000000000000abcd\"}"_s << 404
        << QByteArray("ResourceNotFoundException") << u"lct-0000000000000abcd"_s;
    QTest::newRow("create launch template: encryption without key")
        << QByteArray("CreateLaunchConfigurationTemplate") << u"{\"enableParametersEncryption\":true}"_s
        << 400 << QByteArray("ValidationException") << u"parametersEncryptionKey"_s;
    QTest::newRow("put template action: order taken")
        << QByteArray("PutTemplateAction")
        << u"{\"launchConfigurationTemplateID\":\"$lct\",\"actionID\":\"other\",\"actionName\":\"Other\","
           u"\"documentIdentifier\":\"AWS-RunShellScript\",\"order\":1001}"_s
        << 409 << QByteArray("ConflictException") << u"order 1001"_s;
    QTest::newRow("put template action: order out of range")
        << QByteArray("PutTemplateAction")
        << u"{\"launchConfigurationTemplateID\":\"$lct\",\"actionID\":\"other\",\"actionName\":\"Other\","
           u"\"documentIdentifier\":\"AWS-RunShellScript\",\"order\":1000}"_s
        << 400 << QByteArray("ValidationException") << u"greater than or equal to 1001"_s;
    QTest::newRow("put template action: unknown template")
        << QByteArray("PutTemplateAction")
        << u"{\"launchConfigurationTemplateID\":\"lct-0000000000000abcd\",\"actionID\":\"a\",\"actionName\":"
           u"\"A\","
           u"\"documentIdentifier\":\"AWS-RunShellScript\",\"order\":2000}"_s
        << 404 << QByteArray("ResourceNotFoundException") << u"lct-0000000000000abcd"_s;
    QTest::newRow("put server action: unknown server")
        << QByteArray("PutSourceServerAction")
        << u"{\"sourceServerID\":\"%1\",\"actionID\":\"a\",\"actionName\":\"A\","
           u"\"documentIdentifier\":\"AWS-RunShellScript\",\"order\":2000}"_s.arg(unknownServer)
        << 404 << QByteArray("ResourceNotFoundException") << unknownServer;
    QTest::newRow("remove server action: unknown action")
        << QByteArray("RemoveSourceServerAction")
        << u"{\"sourceServerID\":\"$server\",\"actionID\":\"none\"}"_s << 404
        << QByteArray("ResourceNotFoundException") << u"none"_s;
    QTest::newRow("remove template action: unknown template")
        << QByteArray("RemoveTemplateAction")
        << u"{\"launchConfigurationTemplateID\":\"lct-0000000000000abcd\",\"actionID\":\"a\"}"_s << 404
        << QByteArray("ResourceNotFoundException") << u"lct-0000000000000abcd"_s;
    QTest::newRow("list server actions: unknown server")
        << QByteArray("ListSourceServerActions") << u"{\"sourceServerID\":\"%1\"}"_s.arg(unknownServer) << 404
        << QByteArray("ResourceNotFoundException") << unknownServer;
    QTest::newRow("describe templates: foreign token")
        << QByteArray("DescribeLaunchConfigurationTemplates") << u"{\"nextToken\":\"abc\"}"_s << 400
        << QByteArray("ValidationException") << u"nextToken"_s;
    QTest::newRow("list export errors: unknown export")
        << QByteArray("ListExportErrors") << u"{\"exportID\":\"export-0000000000000abcd\"}"_s << 404
        << QByteArray("ResourceNotFoundException") << u"export-0000000000000abcd"_s;
}

void TestEmulatorConfiguration::refuses()
{
    QFETCH(QByteArray, operation);
    QFETCH(QString, body);
    QFETCH(int, status);
    QFETCH(QByteArray, type);
    QFETCH(QString, message);

    Fixture f;
    // A server action at 1001 makes "order taken" a conflict for servers too.
    QCOMPARE(f.call("PutSourceServerAction",
                  u"{\"sourceServerID\":\"$server\",\"actionID\":\"first\",\"actionName\":\"First\","
                  u"\"documentIdentifier\":\"AWS-RunShellScript\",\"order\":1001}"_s)
                 .status,
        200);
    const QJsonObject before = f.state();
    const EmulatorResponse response = f.call(operation, body);
    QVERIFY2(response.status == status, describe(response).constData());
    QCOMPARE(errorType(response), type);
    QVERIFY2(bodyOf(response).value("message"_L1).toString().contains(message), response.body.constData());
    QCOMPARE(f.state(), before); // a refused request changes nothing
}

void TestEmulatorConfiguration::paging()
{
    Fixture f;
    const QString create
        = u"{\"stagingAreaSubnetId\":\"subnet-0123456789abcdef0\",\"associateDefaultSecurityGroup\":"
          u"true,\"replicationServersSecurityGroupsIDs\":[],\"replicationServerInstanceType\":"
          u"\"t3.small\",\"useDedicatedReplicationServer\":false,\"defaultLargeStagingDiskType\":"
          u"\"GP3\",\"ebsEncryption\":\"DEFAULT\",\"bandwidthThrottling\":0,\"dataPlaneRouting\":"
          u"\"PRIVATE_IP\",\"createPublicIP\":false,\"stagingAreaTags\":{}}"_s;
    QStringList created;
    for (int i = 0; i < 4; ++i) {
        const EmulatorResponse response = f.call("CreateReplicationConfigurationTemplate", create);
        QCOMPARE(response.status, 201);
        created << bodyOf(response).value("replicationConfigurationTemplateID"_L1).toString();
    }
    QStringList seen;
    QString token;
    int pages = 0;
    do {
        const QString body = token.isEmpty() ? u"{\"maxResults\":2}"_s
                                             : u"{\"maxResults\":2,\"nextToken\":\"%1\"}"_s.arg(token);
        const EmulatorResponse page = f.call("DescribeReplicationConfigurationTemplates", body);
        QCOMPARE(page.status, 200);
        for (const QJsonValue &item : bodyOf(page).value("items"_L1).toArray())
            seen << item["replicationConfigurationTemplateID"_L1].toString();
        token = bodyOf(page).value("nextToken"_L1).toString();
        ++pages;
    } while (!token.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen, QStringList { f.rct } + created);

    const EmulatorResponse filtered = f.call("DescribeReplicationConfigurationTemplates",
        u"{\"replicationConfigurationTemplateIDs\":[\"%1\",\"%2\",\"rct-0000000000000abcd\"]}"_s.arg(
            created.at(2), created.at(0)));
    QStringList ids;
    for (const QJsonValue &item : bodyOf(filtered).value("items"_L1).toArray())
        ids << item["replicationConfigurationTemplateID"_L1].toString();
    QCOMPARE(ids, (QStringList { created.at(0), created.at(2) }));

    // Now that there are others, the first one can go.
    QCOMPARE(f.call("DeleteReplicationConfigurationTemplate",
                  u"{\"replicationConfigurationTemplateID\":\"$rct\"}"_s)
                 .status,
        204);
    QCOMPARE(f.service->fleet().replicationConfigurationTemplates.size(), 4);
}

void TestEmulatorConfiguration::startReplicationTakesTheTemplate()
{
    Fixture f;
    QString id;
    for (const FleetServer &entry : f.service->fleet().servers) {
        if (ActionRules::evaluate(Action::StartReplication, entry.server).allowed)
            id = entry.server.id();
    }
    QVERIFY2(!id.isEmpty(), "the generated fleet has every replication state, STOPPED among them");
    const QString get = u"{\"sourceServerID\":\"%1\"}"_s.arg(id);
    QCOMPARE(
        f.call("UpdateReplicationConfigurationTemplate",
             u"{\"replicationConfigurationTemplateID\":\"$rct\",\"replicationServerInstanceType\":\"m5.xlarge\"}"_s)
            .status,
        200);
    const EmulatorResponse started = f.call("StartReplication", get);
    QVERIFY2(started.status == 200, describe(started).constData());
    QVERIFY(f.service->fleet().replicationConfigurations.contains(id));
    // Later template changes apply to servers that start later, not to this one.
    QCOMPARE(
        f.call("UpdateReplicationConfigurationTemplate",
             u"{\"replicationConfigurationTemplateID\":\"$rct\",\"replicationServerInstanceType\":\"c5.large\"}"_s)
            .status,
        200);
    QCOMPARE(bodyOf(f.call("GetReplicationConfiguration", get))
                 .value("replicationServerInstanceType"_L1)
                 .toString(),
        u"m5.xlarge"_s);
}

void TestEmulatorConfiguration::persistence()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"state.json"_s);
    Fixture f;
    QCOMPARE(
        f.call("UpdateLaunchConfiguration", u"{\"sourceServerID\":\"$server\",\"copyTags\":false}"_s).status,
        200);
    QCOMPARE(f.call("UpdateReplicationConfiguration",
                  u"{\"sourceServerID\":\"$server\",\"bandwidthThrottling\":7}"_s)
                 .status,
        200);
    QCOMPARE(
        f.call("CreateLaunchConfigurationTemplate", u"{\"launchDisposition\":\"STOPPED\"}"_s).status, 201);
    QCOMPARE(f.call("PutSourceServerAction",
                  u"{\"sourceServerID\":\"$server\",\"actionID\":\"a1\",\"actionName\":\"A\","
                  u"\"documentIdentifier\":\"AWS-RunShellScript\",\"order\":3000}"_s)
                 .status,
        200);
    QString error;
    QVERIFY2(f.service->save(path, &error), qPrintable(error));

    Fixture loaded;
    QVERIFY2(loaded.service->load(path, &error), qPrintable(error));
    QCOMPARE(
        ConfigurationState::toJson(loaded.service->fleet()), ConfigurationState::toJson(f.service->fleet()));
    for (const QByteArray &operation : { QByteArray("GetLaunchConfiguration"),
             QByteArray("GetReplicationConfiguration"), QByteArray("ListSourceServerActions") }) {
        const QString body = u"{\"sourceServerID\":\"$server\"}"_s;
        QCOMPARE(loaded.call(operation, body).body, f.call(operation, body).body);
    }
    QCOMPARE(loaded.call("DescribeLaunchConfigurationTemplates", u"{}"_s).body,
        f.call("DescribeLaunchConfigurationTemplates", u"{}"_s).body);
}

void TestEmulatorConfiguration::oldStateFileGetsDefaults()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.json"_s);
    Fixture f;
    QJsonObject state = f.state();
    QVERIFY(state.contains("configuration"_L1));
    state.remove("configuration"_L1); // as files written before the member existed
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(state).toJson());
    file.close();

    Fixture loaded;
    QString error;
    QVERIFY2(loaded.service->load(path, &error), qPrintable(error));
    QCOMPARE(loaded.service->fleet().replicationConfigurationTemplates,
        f.service->fleet().replicationConfigurationTemplates);
    QCOMPARE(loaded.service->fleet().templateActions, f.service->fleet().templateActions);

    // A configuration member of the wrong type is refused with its place.
    state.insert("configuration"_L1, QJsonObject { { "launchConfigurationTemplates"_L1, 3 } });
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(state).toJson());
    file.close();
    QVERIFY(!loaded.service->load(path, &error));
    QVERIFY2(error.contains(u"configuration.launchConfigurationTemplates"_s), qPrintable(error));
}

void TestEmulatorConfiguration::exportAndImport()
{
    QTemporaryDir root;
    QVERIFY(QDir(root.path()).mkdir(u"bucket"_s));
    Fixture source(root.path());
    QCOMPARE(
        source
            .call("UpdateLaunchConfiguration",
                u"{\"sourceServerID\":\"$server\",\"launchDisposition\":\"STOPPED\",\"copyPrivateIp\":true}"_s)
            .status,
        200);
    const QString tagArn = source.service->fleet().servers.front().server.arn.value();
    const QByteArray tagBody
        = "{\"tags\":{\"MigrationWave\":\"wave-9\",\"Extra\":\"a, \\\"quoted\\\" value\"}}";
    const EmulatorResponse tagged
        = source.service->handle({ "POST", "/tags/" + QUrl::toPercentEncoding(tagArn), {}, {}, tagBody });
    QCOMPARE(tagged.status, 200);

    const EmulatorResponse started
        = source.call("StartExport", u"{\"s3Bucket\":\"bucket\",\"s3Key\":\"exports/fleet.csv\"}"_s);
    QVERIFY2(started.status == 202, describe(started).constData());
    checkOutput("StartExport", started);
    const QJsonObject task = bodyOf(started).value("exportTask"_L1).toObject();
    QCOMPARE(task.value("status"_L1).toString(), u"SUCCEEDED"_s);
    QCOMPARE(at(task, u"summary.serversCount"_s).toInt(), fleetSize);
    QFile csv(root.filePath(u"bucket/exports/fleet.csv"_s));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray header = csv.readLine();
    for (const char *column : { "mgn:account-id", "mgn:region", "mgn:wave:name", "mgn:app:name",
             "mgn:server:user-provided-id", "mgn:server:platform", "mgn:server:fqdn-for-action-framework",
             "mgn:server:tag:MigrationWave", "mgn:launch:launch-disposition" })
        QVERIFY2(header.contains(column), header.constData());
    const EmulatorResponse exports = source.call("ListExports", u"{}"_s);
    checkOutput("ListExports", exports);
    QCOMPARE(bodyOf(exports).value("items"_L1).toArray().size(), 1);

    // A fresh emulator of the same fleet takes the export in.
    Fixture target(root.path());
    QVERIFY(target.service->fleet().servers.front().server.tags
        != source.service->fleet().servers.front().server.tags);
    const EmulatorResponse imported = target.call(
        "StartImport", u"{\"s3BucketSource\":{\"s3Bucket\":\"bucket\",\"s3Key\":\"exports/fleet.csv\"}}"_s);
    QVERIFY2(imported.status == 202, describe(imported).constData());
    checkOutput("StartImport", imported);
    const QJsonObject importTask = bodyOf(imported).value("importTask"_L1).toObject();
    QCOMPARE(at(importTask, u"summary.servers.modifiedCount"_s).toInt(), 1);
    const QString importID = importTask.value("importID"_L1).toString();
    const EmulatorResponse errors = target.call("ListImportErrors", u"{\"importID\":\"%1\"}"_s.arg(importID));
    checkOutput("ListImportErrors", errors);
    QCOMPARE(bodyOf(errors).value("items"_L1).toArray().size(), 0);
    QCOMPARE(target.call("ListImports", u"{}"_s).status, 200);

    for (qsizetype i = 0; i < fleetSize; ++i) {
        const SourceServer &a = source.service->fleet().servers[std::size_t(i)].server;
        const SourceServer &b = target.service->fleet().servers[std::size_t(i)].server;
        QCOMPARE(b.tags, a.tags);
        QCOMPARE(b.applicationID, a.applicationID);
        const QString body = u"{\"sourceServerID\":\"%1\"}"_s.arg(a.id());
        QCOMPARE(bodyOf(target.call("GetLaunchConfiguration", body)),
            bodyOf(source.call("GetLaunchConfiguration", body)));
    }
}

void TestEmulatorConfiguration::importErrors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("rowNumber");
    QTest::addColumn<QString>("message");

    const QByteArray header = "mgn:account-id,mgn:server:user-provided-id,mgn:launch:boot-mode\r\n";
    QTest::newRow("unknown server") << header + "111122223333,s-0000000000000abcd,UEFI\r\n"
                                    << 2 << u"s-0000000000000abcd"_s;
    QTest::newRow("another account") << header + "111122223333,$server,UEFI\r\n999988887777,$server,UEFI\r\n"
                                     << 3 << u"999988887777"_s;
    QTest::newRow("bad boot mode") << header + "111122223333,$server,FAST\r\n" << 2 << u"LEGACY_BIOS"_s;
    QTest::newRow("short row") << header + "111122223333,$server\r\n" << 2 << u"2 fields"_s;
}

void TestEmulatorConfiguration::importErrors()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, rowNumber);
    QFETCH(QString, message);

    QTemporaryDir root;
    QVERIFY(QDir(root.path()).mkdir(u"b"_s));
    Fixture f(root.path());
    QFile file(root.filePath(u"b/in.csv"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv.replace("$server", f.server.toUtf8()));
    file.close();
    const QJsonObject before = ConfigurationState::toJson(f.service->fleet());
    const EmulatorResponse started
        = f.call("StartImport", u"{\"s3BucketSource\":{\"s3Bucket\":\"b\",\"s3Key\":\"in.csv\"}}"_s);
    QCOMPARE(started.status, 202);
    const QString id = at(bodyOf(started), u"importTask.importID"_s).toString();
    const EmulatorResponse errors = f.call("ListImportErrors", u"{\"importID\":\"%1\"}"_s.arg(id));
    checkOutput("ListImportErrors", errors);
    const QJsonArray items = bodyOf(errors).value("items"_L1).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(at(items.at(0), u"errorData.rowNumber"_s).toInt(), rowNumber);
    QCOMPARE(at(items.at(0), u"errorType"_s).toString(), u"VALIDATION_ERROR"_s);
    QVERIFY2(at(items.at(0), u"errorData.rawError"_s).toString().contains(message),
        qPrintable(at(items.at(0), u"errorData.rawError"_s).toString()));
    // The rows before the refused one are applied, the refused one is not.
    const bool firstRowGood = rowNumber == 3;
    QCOMPARE(f.service->fleet().launchConfigurations.contains(f.server), firstRowGood);
    if (!firstRowGood)
        QCOMPARE(ConfigurationState::toJson(f.service->fleet()).value("launchConfigurations"_L1),
            before.value("launchConfigurations"_L1));
}

void TestEmulatorConfiguration::withoutS3()
{
    Fixture f;
    for (const auto &[operation, body] :
        { std::pair { QByteArray("StartExport"), u"{\"s3Bucket\":\"b\",\"s3Key\":\"x.csv\"}"_s },
            std::pair { QByteArray("StartImport"),
                u"{\"s3BucketSource\":{\"s3Bucket\":\"b\",\"s3Key\":\"x.csv\"}}"_s } }) {
        const EmulatorResponse response = f.call(operation, body);
        QCOMPARE(response.status, 400);
        QCOMPARE(errorType(response), QByteArray("ValidationException"));
        QVERIFY(bodyOf(response).value("message"_L1).toString().contains(u"--s3-root"_s));
    }
    QTemporaryDir root;
    Fixture g(root.path());
    const EmulatorResponse noBucket
        = g.call("StartExport", u"{\"s3Bucket\":\"missing\",\"s3Key\":\"x.csv\"}"_s);
    QCOMPARE(noBucket.status, 202);
    QCOMPARE(at(bodyOf(noBucket), u"exportTask.status"_s).toString(), u"FAILED"_s);
    const QString id = at(bodyOf(noBucket), u"exportTask.exportID"_s).toString();
    const EmulatorResponse errors = g.call("ListExportErrors", u"{\"exportID\":\"%1\"}"_s.arg(id));
    checkOutput("ListExportErrors", errors);
    QVERIFY(at(bodyOf(errors), u"items[0].errorData.rawError"_s).toString().contains(u"missing"_s));
    const EmulatorResponse escape
        = g.call("StartExport", u"{\"s3Bucket\":\"b\",\"s3Key\":\"../../x.csv\"}"_s);
    QCOMPARE(escape.status, 400);
    const EmulatorResponse missing
        = g.call("StartImport", u"{\"s3BucketSource\":{\"s3Bucket\":\"b\",\"s3Key\":\"none.csv\"}}"_s);
    QCOMPARE(missing.status, 404);
}

QTEST_GUILESS_MAIN(TestEmulatorConfiguration)
#include "tst_emulatorconfiguration.moc"
