#include "models/codec/SourceServerCodec.h"
#include "models/json/JsonTape.h"
#include "tests/support/CodecTestSupport.h"

#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace mgn;
using namespace mgn::testsupport;
using namespace Qt::Literals::StringLiterals;

namespace {

// Decodes a compact JSON text (the tests write small documents inline).
DecodeResult<SourceServer> decodeText(const QByteArray &json)
{
    return SourceServerCodec::decode(QJsonDocument::fromJson(json).object());
}

// The same server text through the fast path: JsonTape and JsonTapeReader
// decode it as JsonReader does (nullopt exactly where JsonReader reports an
// error; it may refuse more, see fastPathAgrees), and a page holding it
// between two good servers decodes exactly as through QJsonDocument (a
// failing item sends the page there).
void verifyFastPathAgrees(const QByteArray &serverText, const QByteArray &goodServerText)
{
    const DecodeResult<SourceServer> slow
        = SourceServerCodec::decode(QJsonDocument::fromJson(serverText).object());
    const std::optional<JsonTape> tape = JsonTape::parse(serverText);
    QVERIFY(tape);
    const std::optional<SourceServer> fast = SourceServerCodec::decodeFromTape(tape->root());
    if (!slow.ok())
        QVERIFY(!fast);
    if (fast)
        QVERIFY(*fast == *slow.value);

    const QByteArray page = R"({"nextToken":"next","items":[)" + goodServerText + ',' + serverText + ','
        + goodServerText + "]}";
    const SourceServerPage viaEnvelope = SourceServerCodec::decodePage(page);
    const SourceServerPage viaQJsonDocument
        = PageCodec::decode<SourceServer>(page, "sourceServerID"_L1, &SourceServerCodec::decode);
    QVERIFY(viaEnvelope == viaQJsonDocument);
    QCOMPARE(viaEnvelope.items.size(), slow.ok() ? 3 : 2);
    QCOMPARE(viaEnvelope.errors.size(), slow.ok() ? 0 : 1);
    if (!slow.ok())
        QCOMPARE(viaEnvelope.errors.at(0).path, u"items[1]." + slow.error->path);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// The enumeration at a path of the full fixture, as (known, raw text).
using EnumProbe = std::function<std::pair<bool, QString>(const SourceServer &)>;

template<typename E> std::pair<bool, QString> probe(const std::optional<EnumValue<E>> &value)
{
    if (!value)
        return { false, u"<absent>"_s };
    return { value->isKnown(), value->unknownText() };
}

QHash<QString, EnumProbe> enumProbes()
{
    return {
        { u"launchedInstance.firstBoot"_s,
            [](const SourceServer &s) { return probe(s.launchedInstance->firstBoot); } },
        { u"dataReplicationInfo.dataReplicationState"_s,
            [](const SourceServer &s) { return probe(s.dataReplicationInfo->dataReplicationState); } },
        { u"dataReplicationInfo.dataReplicationInitiation.steps[0].name"_s,
            [](const SourceServer &s) {
                return probe(s.dataReplicationInfo->dataReplicationInitiation->steps->at(0).name);
            } },
        { u"dataReplicationInfo.dataReplicationInitiation.steps[0].status"_s,
            [](const SourceServer &s) {
                return probe(s.dataReplicationInfo->dataReplicationInitiation->steps->at(0).status);
            } },
        { u"dataReplicationInfo.dataReplicationError.error"_s,
            [](const SourceServer &s) { return probe(s.dataReplicationInfo->dataReplicationError->error); } },
        { u"lifeCycle.state"_s, [](const SourceServer &s) { return probe(s.lifeCycle->state); } },
        { u"replicationType"_s, [](const SourceServer &s) { return probe(s.replicationType); } },
    };
}

} // namespace

class TestSourceServerCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void decodesEveryMember();
    void everyModelMemberIsEncoded();
    void encodeDecodeRoundTrip();
    void roundTripIsStable();
    void unknownMembersAreIgnored();
    void minimalServer();
    void nullMembersStayAbsent();
    void emptyContainersArePresent();
    void wrongType_data();
    void wrongType();
    void errorPathCarriesThePrefix();
    void integers_data();
    void integers();
    void unknownEnumValues_data();
    void unknownEnumValues();
    void malformedDatesAndDurations_data();
    void malformedDatesAndDurations();

    void fastPathAgrees_data();
    void fastPathAgrees();
    void pagesLeftToQJsonDocument_data();
    void pagesLeftToQJsonDocument();
    void pageKeepsTheGoodServers();
    void pageErrors_data();
    void pageErrors();
    void truncatedBodiesNeverCrash();
    void pageWithoutItems();
    void encodePage();

private:
    QJsonObject m_shapes;
    QJsonObject m_full;
};

void TestSourceServerCodec::initTestCase()
{
    m_shapes = modelShapes();
    m_full = readTestObject(u"codec/source-server-full.json"_s);
    QVERIFY(m_shapes.contains(u"SourceServer"));
}

void TestSourceServerCodec::decodesEveryMember()
{
    const DecodeResult<SourceServer> result = SourceServerCodec::decode(m_full);
    QVERIFY2(result.ok(), qPrintable(errorText(result)));
    QVERIFY(!result.error);
    const SourceServer &s = *result.value;

    QCOMPARE(s.sourceServerID, u"s-1234567890abcdef0"_s);
    QCOMPARE(s.arn, u"arn:aws:mgn:us-east-1:123456789012:source-server/s-1234567890abcdef0"_s);
    QCOMPARE(s.isArchived, false);
    QCOMPARE(s.tags,
        (Tags { { u"Name"_s, u"web-01"_s }, { u"cost center"_s, u"4711"_s }, { u"env"_s, u"prod"_s } }));

    QVERIFY(s.launchedInstance);
    QCOMPARE(s.launchedInstance->ec2InstanceID, u"i-0a1b2c3d4e5f60718"_s);
    QCOMPARE(s.launchedInstance->jobID, u"mgnjob-0a1b2c3d4e5f60718"_s);
    QCOMPARE(s.launchedInstance->firstBoot, EnumValue(FirstBoot::Succeeded));

    QVERIFY(s.dataReplicationInfo);
    const DataReplicationInfo &info = *s.dataReplicationInfo;
    QCOMPARE(info.lagDuration, Q_INT64_C(3723500));
    QCOMPARE(info.etaDateTime, Q_INT64_C(1793543400000));
    QVERIFY(info.replicatedDisks);
    QCOMPARE(info.replicatedDisks->size(), 2);
    const ReplicatedDisk &disk0 = info.replicatedDisks->at(0);
    QCOMPARE(disk0.deviceName, u"/dev/sda"_s);
    QCOMPARE(disk0.totalStorageBytes, Q_INT64_C(107374182400));
    QCOMPARE(disk0.replicatedStorageBytes, Q_INT64_C(53687091200));
    QCOMPARE(disk0.rescannedStorageBytes, Q_INT64_C(0));
    QCOMPARE(disk0.backloggedStorageBytes, Q_INT64_C(1048576));
    const ReplicatedDisk &disk1 = info.replicatedDisks->at(1);
    QCOMPARE(disk1.deviceName, u"/dev/nvme1n1"_s);
    QCOMPARE(disk1.totalStorageBytes, Q_INT64_C(17592186044416));
    QCOMPARE(disk1.replicatedStorageBytes, Q_INT64_C(17592186044416));
    QCOMPARE(disk1.rescannedStorageBytes, Q_INT64_C(8796093022208));
    QCOMPARE(disk1.backloggedStorageBytes, Q_INT64_C(0));
    QCOMPARE(info.dataReplicationState, EnumValue(DataReplicationState::Continuous));

    QVERIFY(info.dataReplicationInitiation);
    const DataReplicationInitiation &initiation = *info.dataReplicationInitiation;
    QCOMPARE(initiation.startDateTime, Q_INT64_C(1793348130154));
    QCOMPARE(initiation.nextAttemptDateTime, Q_INT64_C(1793370600000));
    using Name = DataReplicationInitiationStepName;
    using Status = DataReplicationInitiationStepStatus;
    const QList<DataReplicationInitiationStep> steps = {
        { Name::Wait, Status::Succeeded },
        { Name::CreateSecurityGroup, Status::Skipped },
        { Name::LaunchReplicationServer, Status::Succeeded },
        { Name::BootReplicationServer, Status::Succeeded },
        { Name::AuthenticateWithService, Status::Succeeded },
        { Name::DownloadReplicationSoftware, Status::Succeeded },
        { Name::CreateStagingDisks, Status::Succeeded },
        { Name::AttachStagingDisks, Status::Failed },
        { Name::PairReplicationServerWithAgent, Status::InProgress },
        { Name::ConnectAgentToReplicationServer, Status::NotStarted },
        { Name::StartDataTransfer, Status::NotStarted },
    };
    QCOMPARE(initiation.steps, steps);

    QVERIFY(info.dataReplicationError);
    QCOMPARE(info.dataReplicationError->error, EnumValue(DataReplicationErrorString::UnstableNetwork));
    QCOMPARE(info.dataReplicationError->rawError,
        u"Connection reset by peer (replication server 10.0.12.7:1500)"_s);
    QCOMPARE(info.lastSnapshotDateTime, Q_INT64_C(1793534340500));
    QCOMPARE(info.replicatorId, u"i-0123456789abcdefa"_s);

    QVERIFY(s.lifeCycle);
    const LifeCycle &life = *s.lifeCycle;
    QCOMPARE(life.addedToServiceDateTime, Q_INT64_C(1793347200000));
    QCOMPARE(life.firstByteDateTime, Q_INT64_C(1793348401123));
    QCOMPARE(life.elapsedReplicationDuration, Q_INT64_C(183845678));
    QCOMPARE(life.lastSeenByServiceDateTime, Q_INT64_C(1793534399999));
    QVERIFY(life.lastTest);
    QCOMPARE(life.lastTest->initiated,
        (LifeCycleLastInitiated { Q_INT64_C(1793433600000), u"mgnjob-1111111111111111a"_s }));
    QCOMPARE(life.lastTest->reverted, LifeCycleApiCall { Q_INT64_C(1793448000000) });
    QCOMPARE(life.lastTest->finalized, LifeCycleApiCall { Q_INT64_C(1793453400250) });
    QVERIFY(life.lastCutover);
    QCOMPARE(life.lastCutover->initiated,
        (LifeCycleLastInitiated { Q_INT64_C(1793523600000), u"mgnjob-2222222222222222b"_s }));
    QCOMPARE(life.lastCutover->reverted, LifeCycleApiCall { Q_INT64_C(1793529000000) });
    QCOMPARE(life.lastCutover->finalized, LifeCycleApiCall { Q_INT64_C(1793529930007) });
    QCOMPARE(life.state, EnumValue(LifeCycleState::ReadyForCutover));

    QVERIFY(s.sourceProperties);
    const SourceProperties &props = *s.sourceProperties;
    QCOMPARE(props.lastUpdatedDateTime, Q_INT64_C(1793530800000));
    QCOMPARE(props.recommendedInstanceType, u"m5.xlarge"_s);
    QVERIFY(props.identificationHints);
    QCOMPARE(props.identificationHints->fqdn, u"web-01.corp.example.com"_s);
    QCOMPARE(props.identificationHints->hostname, u"web-01"_s);
    QCOMPARE(props.identificationHints->vmWareUuid, u"42 1c 5e 7a 9b 3d 2f 10-8e 4a 6b 2c 1d 0f 9e 8a"_s);
    QCOMPARE(props.identificationHints->awsInstanceID, u"i-0fedcba9876543210"_s);
    QCOMPARE(props.identificationHints->vmPath, u"/Datacenter/vm/Production/web-01"_s);
    const QList<NetworkInterface> nics = {
        { u"00:50:56:9a:3b:01"_s, QStringList { u"10.0.12.21"_s, u"fe80::250:56ff:fe9a:3b01"_s }, true },
        { u"00:50:56:9a:3b:02"_s, QStringList {}, false },
    };
    QCOMPARE(props.networkInterfaces, nics);
    QCOMPARE(props.networkInterfaces->at(1).ips->size(), 0); // present and empty, not absent
    const QList<Disk> disks
        = { { u"/dev/sda"_s, Q_INT64_C(107374182400) }, { u"/dev/nvme1n1"_s, Q_INT64_C(17592186044416) } };
    QCOMPARE(props.disks, disks);
    const Cpu cpu { 4, u"Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz"_s };
    QCOMPARE(props.cpus, (QList<Cpu> { cpu, cpu }));
    QCOMPARE(props.ramBytes, Q_INT64_C(34359738368));
    QCOMPARE(props.os, OperatingSystem { u"Ubuntu 22.04.3 LTS (Jammy Jellyfish) 5.15.0-88-generic"_s });

    QCOMPARE(s.replicationType, EnumValue(ReplicationType::AgentBased));
    QCOMPARE(s.vcenterClientID, u"vcc-0123456789abcdefg"_s);
    QCOMPARE(s.applicationID, u"app-0123456789abcdefg"_s);
    QCOMPARE(s.userProvidedID, u"CMDB-4711 web-01"_s);
    QCOMPARE(s.fqdnForActionFramework, u"web-01.corp.example.com"_s);
    QVERIFY(s.connectorAction);
    QCOMPARE(s.connectorAction->credentialsSecretArn,
        u"arn:aws:secretsmanager:us-east-1:123456789012:secret:mgn-connector-AbCdEf"_s);
    QCOMPARE(s.connectorAction->connectorArn,
        u"arn:aws:mgn:us-east-1:123456789012:connector/connector-0123456789abcdefg"_s);
}

void TestSourceServerCodec::everyModelMemberIsEncoded()
{
    // The contract with the API model: no member of SourceServer, at any
    // depth, is forgotten by the codec (nor by the fixture).
    const QJsonObject encoded = SourceServerCodec::encode(*SourceServerCodec::decode(m_full).value);
    QCOMPARE(missingMembers(QJsonArray { m_full }, u"SourceServer"_s, m_shapes), QStringList());
    QCOMPARE(missingMembers(QJsonArray { encoded }, u"SourceServer"_s, m_shapes), QStringList());

    // The check itself can fail: a minimal server misses the other 13 members.
    const QStringList missing = missingMembers(
        QJsonArray { QJsonObject { { u"sourceServerID"_s, u"s-1"_s } } }, u"SourceServer"_s, m_shapes);
    QCOMPARE(missing.size(), 13);
    QVERIFY(missing.contains(u"connectorAction"_s));
}

void TestSourceServerCodec::encodeDecodeRoundTrip()
{
    const QJsonObject encoded = SourceServerCodec::encode(*SourceServerCodec::decode(m_full).value);
    const QJsonObject expected = normalised(m_full, u"SourceServer"_s, m_shapes).toObject();
    QVERIFY(expected != m_full); // the fixture has unknown members and non-canonical dates
    if (encoded != expected) {
        qWarning().noquote() << QJsonDocument(encoded).toJson();
        qWarning().noquote() << QJsonDocument(expected).toJson();
    }
    QCOMPARE(encoded, expected);
    QCOMPARE(encoded.value(u"lifeCycle").toObject().value(u"firstByteDateTime"),
        QJsonValue(u"2026-10-30T08:20:01.123Z"_s));
    QCOMPARE(valueAt(encoded, u"dataReplicationInfo.lagDuration"_s), QJsonValue(u"PT1H2M3.5S"_s));
    QCOMPARE(valueAt(encoded, u"lifeCycle.elapsedReplicationDuration"_s), QJsonValue(u"P2DT3H4M5.678S"_s));
}

void TestSourceServerCodec::roundTripIsStable()
{
    const SourceServer decoded = *SourceServerCodec::decode(m_full).value;
    const DecodeResult<SourceServer> again = SourceServerCodec::decode(SourceServerCodec::encode(decoded));
    QVERIFY(again.ok());
    QCOMPARE(*again.value == decoded, true);
}

void TestSourceServerCodec::unknownMembersAreIgnored()
{
    const DecodeResult<SourceServer> withUnknown = decodeText(
        R"({"sourceServerID":"s-1","futureMember":{"x":[1,2]},"lifeCycle":{"state":"CUTOVER","nextThing":5},)"
        R"("dataReplicationInfo":{"replicatedDisks":[{"deviceName":"/dev/sda","volumeType":"gp3"}]}})");
    QVERIFY2(withUnknown.ok(), qPrintable(errorText(withUnknown)));
    SourceServer expected;
    expected.sourceServerID = u"s-1"_s;
    expected.lifeCycle = LifeCycle {};
    expected.lifeCycle->state = LifeCycleState::Cutover;
    expected.dataReplicationInfo = DataReplicationInfo {};
    expected.dataReplicationInfo->replicatedDisks = QList<ReplicatedDisk> { ReplicatedDisk {} };
    expected.dataReplicationInfo->replicatedDisks->first().deviceName = u"/dev/sda"_s;
    QCOMPARE(*withUnknown.value == expected, true);

    // The full fixture decodes as its model-only copy does.
    const QJsonObject modelOnly = normalised(m_full, u"SourceServer"_s, m_shapes).toObject();
    QCOMPARE(*SourceServerCodec::decode(m_full).value == *SourceServerCodec::decode(modelOnly).value, true);
}

void TestSourceServerCodec::minimalServer()
{
    const DecodeResult<SourceServer> result = decodeText(R"({"sourceServerID":"s-1"})");
    QVERIFY(result.ok());
    const SourceServer &s = *result.value;
    QCOMPARE(s.sourceServerID, u"s-1"_s);
    QVERIFY(!s.arn);
    QVERIFY(!s.isArchived);
    QVERIFY(!s.tags);
    QVERIFY(!s.launchedInstance);
    QVERIFY(!s.dataReplicationInfo);
    QVERIFY(!s.lifeCycle);
    QVERIFY(!s.sourceProperties);
    QVERIFY(!s.replicationType);
    QVERIFY(!s.vcenterClientID);
    QVERIFY(!s.applicationID);
    QVERIFY(!s.userProvidedID);
    QVERIFY(!s.fqdnForActionFramework);
    QVERIFY(!s.connectorAction);
    QCOMPARE(SourceServerCodec::encode(s), (QJsonObject { { u"sourceServerID"_s, u"s-1"_s } }));

    const DecodeResult<SourceServer> empty = decodeText("{}");
    QVERIFY(empty.ok());
    QCOMPARE(*empty.value == SourceServer {}, true);
    QCOMPARE(SourceServerCodec::encode(SourceServer {}), QJsonObject());
}

void TestSourceServerCodec::nullMembersStayAbsent()
{
    const DecodeResult<SourceServer> result = decodeText(
        R"({"sourceServerID":"s-1","arn":null,"tags":null,"isArchived":null,)"
        R"("dataReplicationInfo":{"lagDuration":null,"etaDateTime":null,"replicatedDisks":null,"dataReplicationState":"CONTINUOUS"}})");
    QVERIFY2(result.ok(), qPrintable(errorText(result)));
    const SourceServer &s = *result.value;
    QVERIFY(!s.arn);
    QVERIFY(!s.tags);
    QVERIFY(!s.isArchived);
    QVERIFY(s.dataReplicationInfo);
    QVERIFY(!s.dataReplicationInfo->lagDuration); // "not launchable yet", not a zero lag
    QVERIFY(!s.dataReplicationInfo->etaDateTime);
    QVERIFY(!s.dataReplicationInfo->replicatedDisks);
    QCOMPARE(SourceServerCodec::encode(s),
        QJsonDocument::fromJson(
            R"({"sourceServerID":"s-1","dataReplicationInfo":{"dataReplicationState":"CONTINUOUS"}})")
            .object());
}

void TestSourceServerCodec::emptyContainersArePresent()
{
    const QByteArray json
        = R"({"tags":{},"dataReplicationInfo":{"replicatedDisks":[]},"sourceProperties":{"os":{}}})";
    const DecodeResult<SourceServer> result = decodeText(json);
    QVERIFY(result.ok());
    QCOMPARE(result.value->tags, Tags());
    QCOMPARE(result.value->dataReplicationInfo->replicatedDisks, QList<ReplicatedDisk>());
    QCOMPARE(result.value->sourceProperties->os, OperatingSystem {});
    QCOMPARE(SourceServerCodec::encode(*result.value), QJsonDocument::fromJson(json).object());
}

void TestSourceServerCodec::wrongType_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("errorPath");
    QTest::addColumn<QString>("message");

    const auto row = [](const char *name, const QString &path, const QJsonValue &value,
                         const QString &message) { QTest::newRow(name) << path << value << path << message; };
    row("ID is a number", u"sourceServerID"_s, 5, u"expected a string, got a number"_s);
    row("isArchived is a string", u"isArchived"_s, u"true"_s, u"expected a boolean, got a string"_s);
    row("tags is an array", u"tags"_s, QJsonArray {}, u"expected an object, got an array"_s);
    row("tag value is a number", u"tags.Name"_s, 1, u"expected a string, got a number"_s);
    row("dataReplicationInfo is a string", u"dataReplicationInfo"_s, u"x"_s,
        u"expected an object, got a string"_s);
    row("replicatedDisks is an object", u"dataReplicationInfo.replicatedDisks"_s, QJsonObject {},
        u"expected an array, got an object"_s);
    row("a disk is a string", u"dataReplicationInfo.replicatedDisks[1]"_s, u"disk"_s,
        u"expected an object, got a string"_s);
    row("a disk is null", u"dataReplicationInfo.replicatedDisks[0]"_s, QJsonValue::Null,
        u"expected an object, got null"_s);
    row("totalStorageBytes is a string", u"dataReplicationInfo.replicatedDisks[0].totalStorageBytes"_s,
        u"12"_s, u"expected an integer, got a string"_s);
    row("backlog is fractional", u"dataReplicationInfo.replicatedDisks[1].backloggedStorageBytes"_s, 1.5,
        u"expected an integer, got 1.5"_s);
    row("rescanned is negative", u"dataReplicationInfo.replicatedDisks[1].rescannedStorageBytes"_s, -1,
        u"expected an integer >= 0, got -1"_s);
    row("step status is a boolean", u"dataReplicationInfo.dataReplicationInitiation.steps[7].status"_s, true,
        u"expected a string, got a boolean"_s);
    row("steps is a string", u"dataReplicationInfo.dataReplicationInitiation.steps"_s, u"WAIT"_s,
        u"expected an array, got a string"_s);
    row("lag is a number", u"dataReplicationInfo.lagDuration"_s, 5,
        u"expected an ISO-8601 duration string, got a number"_s);
    row("eta is a number", u"dataReplicationInfo.etaDateTime"_s, 1793543400000.0,
        u"expected an ISO-8601 datetime string, got a number"_s);
    row("error is an object", u"dataReplicationInfo.dataReplicationError.error"_s, QJsonObject {},
        u"expected a string, got an object"_s);
    row("jobID is an array", u"lifeCycle.lastTest.initiated.jobID"_s, QJsonArray { 1 },
        u"expected a string, got an array"_s);
    row("reverted is a number", u"lifeCycle.lastCutover.reverted"_s, 0,
        u"expected an object, got a number"_s);
    row("state is a number", u"lifeCycle.state"_s, 3, u"expected a string, got a number"_s);
    row("firstBoot is a boolean", u"launchedInstance.firstBoot"_s, false,
        u"expected a string, got a boolean"_s);
    row("an IP is a number", u"sourceProperties.networkInterfaces[0].ips[1]"_s, 10,
        u"expected a string, got a number"_s);
    row("isPrimary is a string", u"sourceProperties.networkInterfaces[1].isPrimary"_s, u"false"_s,
        u"expected a boolean, got a string"_s);
    row("cores beyond qint64", u"sourceProperties.cpus[0].cores"_s, 1e20,
        u"expected an integer, got 1e+20"_s);
    row("ramBytes is a string", u"sourceProperties.ramBytes"_s, u"32 GiB"_s,
        u"expected an integer, got a string"_s);
    row("disk bytes is an object", u"sourceProperties.disks[1].bytes"_s, QJsonObject {},
        u"expected an integer, got an object"_s);
    row("vmPath is a boolean", u"sourceProperties.identificationHints.vmPath"_s, false,
        u"expected a string, got a boolean"_s);
    row("os is an array", u"sourceProperties.os"_s, QJsonArray {}, u"expected an object, got an array"_s);
    row("connectorArn is an object", u"connectorAction.connectorArn"_s, QJsonObject {},
        u"expected a string, got an object"_s);
    row("replicationType is a number", u"replicationType"_s, 1, u"expected a string, got a number"_s);
    // A key that is not an identifier is quoted in the path.
    QTest::newRow("tag with a space") << u"tags.cost center"_s << QJsonValue(4711)
                                      << u"tags[\"cost center\"]"_s << u"expected a string, got a number"_s;
}

void TestSourceServerCodec::wrongType()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, errorPath);
    QFETCH(QString, message);
    const DecodeResult<SourceServer> result = SourceServerCodec::decode(withValueAt(m_full, path, value));
    QVERIFY(!result.ok());
    QVERIFY(result.error);
    QCOMPARE(result.error->path, errorPath);
    QCOMPARE(result.error->message, message);
    verifyFastPathAgrees(compact(withValueAt(m_full, path, value)), compact(m_full));
}

void TestSourceServerCodec::errorPathCarriesThePrefix()
{
    const QJsonObject bad = withValueAt(
        m_full, u"dataReplicationInfo.replicatedDisks[0].totalStorageBytes"_s, u"107374182400"_s);
    const DecodeResult<SourceServer> result
        = SourceServerCodec::decode(bad, JsonPath().member(u"items").element(3));
    QVERIFY(result.error);
    QCOMPARE(result.error->toString(),
        u"items[3].dataReplicationInfo.replicatedDisks[0].totalStorageBytes: expected an integer, got a string"_s);
}

void TestSourceServerCodec::integers_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<std::optional<qint64>>("expected");
    QTest::addColumn<QString>("error");

    QTest::newRow("zero") << QByteArray("0") << std::optional<qint64>(0) << QString();
    QTest::newRow("beyond double precision")
        << QByteArray("9007199254740993") << std::optional<qint64>(Q_INT64_C(9007199254740993)) << QString();
    QTest::newRow("qint64 max") << QByteArray("9223372036854775807")
                                << std::optional<qint64>(std::numeric_limits<qint64>::max()) << QString();
    QTest::newRow("integral double") << QByteArray("2.0") << std::optional<qint64>(2) << QString();
    QTest::newRow("exponent") << QByteArray("1e3") << std::optional<qint64>(1000) << QString();
    QTest::newRow("fraction") << QByteArray("1.5") << std::optional<qint64>()
                              << u"expected an integer, got 1.5"_s;
    QTest::newRow("small fraction") << QByteArray("-0.5") << std::optional<qint64>()
                                    << u"expected an integer, got -0.5"_s;
    QTest::newRow("negative") << QByteArray("-1") << std::optional<qint64>()
                              << u"expected an integer >= 0, got -1"_s;
    QTest::newRow("too large") << QByteArray("1e19") << std::optional<qint64>()
                               << u"expected an integer, got 1e+19"_s;
}

void TestSourceServerCodec::integers()
{
    QFETCH(QByteArray, number);
    QFETCH(std::optional<qint64>, expected);
    QFETCH(QString, error);
    const DecodeResult<SourceServer> result
        = decodeText(R"({"sourceProperties":{"ramBytes":)" + number + "}}");
    verifyFastPathAgrees(
        R"({"sourceServerID":"s-2","sourceProperties":{"ramBytes":)" + number + "}}", compact(m_full));
    if (QTest::currentTestFailed())
        return;
    if (expected) {
        QVERIFY2(result.ok(), qPrintable(errorText(result)));
        QCOMPARE(result.value->sourceProperties->ramBytes, expected);
        // Encoded back exactly, as an integer.
        const QByteArray json
            = QJsonDocument(SourceServerCodec::encode(*result.value)).toJson(QJsonDocument::Compact);
        QCOMPARE(json, R"({"sourceProperties":{"ramBytes":)" + QByteArray::number(*expected) + "}}");
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(result.error->path, u"sourceProperties.ramBytes"_s);
        QCOMPARE(result.error->message, error);
    }
}

void TestSourceServerCodec::unknownEnumValues_data()
{
    QTest::addColumn<QString>("path");

    // Every enumeration of the SourceServer shape, found through the model
    // (so a new enum member in the model shows up here).
    const QStringList paths = pathsOfShapes(m_full, u"SourceServer"_s, m_shapes, isEnumShape);
    const QStringList expected = enumProbes().keys();
    QCOMPARE(QSet<QString>(paths.begin(), paths.end()), QSet<QString>(expected.begin(), expected.end()));
    for (const QString &path : paths)
        QTest::newRow(qPrintable(path)) << path;
}

void TestSourceServerCodec::unknownEnumValues()
{
    QFETCH(QString, path);
    const QString raw = u"SOMETHING_NEW"_s;
    const QJsonObject edited = withValueAt(m_full, path, raw);

    const DecodeResult<SourceServer> result = SourceServerCodec::decode(edited);
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->toString() : QString()));
    verifyFastPathAgrees(compact(edited), compact(m_full));
    if (QTest::currentTestFailed())
        return;
    const auto [known, text] = enumProbes().value(path)(*result.value);
    QCOMPARE(known, false);
    QCOMPARE(text, raw);

    const QJsonObject encoded = SourceServerCodec::encode(*result.value);
    QCOMPARE(valueAt(encoded, path), QJsonValue(raw));
    QCOMPARE(encoded, normalised(edited, u"SourceServer"_s, m_shapes).toObject());

    // The known value at the same place decodes as known.
    const auto [originalKnown, originalText]
        = enumProbes().value(path)(*SourceServerCodec::decode(m_full).value);
    QCOMPARE(originalKnown, true);
    QCOMPARE(originalText, QString());
}

void TestSourceServerCodec::malformedDatesAndDurations_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("eta month 13")
        << u"dataReplicationInfo.etaDateTime"_s << u"2026-13-01T00:00:00Z"_s
        << u"invalid ISO-8601 datetime \"2026-13-01T00:00:00Z\": month 13 is out of range (01 to 12)"_s;
    QTest::newRow("initiation start without offset")
        << u"dataReplicationInfo.dataReplicationInitiation.startDateTime"_s << u"2026-10-30T08:15:30"_s
        << u"invalid ISO-8601 datetime \"2026-10-30T08:15:30\": missing the UTC offset: expected \"Z\" or \"+hh:mm\" after the time"_s;
    QTest::newRow("snapshot date only")
        << u"dataReplicationInfo.lastSnapshotDateTime"_s << u"2026-11-01"_s
        << u"invalid ISO-8601 datetime \"2026-11-01\": a date alone is not a point in time: expected THH:mm:ss and a UTC offset after it"_s;
    QTest::newRow("Feb 30 in lastCutover.finalized")
        << u"lifeCycle.lastCutover.finalized.apiCallDateTime"_s << u"2026-02-30T10:00:00Z"_s
        << u"invalid ISO-8601 datetime \"2026-02-30T10:00:00Z\": day 30 is out of range for 2026-02"_s;
    QTest::newRow("hour 24 in lastTest.initiated")
        << u"lifeCycle.lastTest.initiated.apiCallDateTime"_s << u"2026-10-31T24:00:00Z"_s
        << u"invalid ISO-8601 datetime \"2026-10-31T24:00:00Z\": hour 24 is out of range (00 to 23)"_s;
    QTest::newRow("free text")
        << u"sourceProperties.lastUpdatedDateTime"_s << u"yesterday"_s
        << u"invalid ISO-8601 datetime \"yesterday\": expected a date as yyyy-MM-dd at the start"_s;
    QTest::newRow("empty lag")
        << u"dataReplicationInfo.lagDuration"_s << QString()
        << u"invalid ISO-8601 duration \"\": a duration starts with \"P\", got the end of the text"_s;
    QTest::newRow("lag in months")
        << u"dataReplicationInfo.lagDuration"_s << u"P1M"_s
        << u"invalid ISO-8601 duration \"P1M\": months have no fixed length (\"M\" before \"T\" is months; minutes are \"PTnM\")"_s;
    QTest::newRow("elapsed PT")
        << u"lifeCycle.elapsedReplicationDuration"_s << u"PT"_s
        << u"invalid ISO-8601 duration \"PT\": \"T\" must be followed by hours, minutes or seconds"_s;
    QTest::newRow("elapsed in seconds as text")
        << u"lifeCycle.elapsedReplicationDuration"_s << u"3600"_s
        << u"invalid ISO-8601 duration \"3600\": a duration starts with \"P\", got \"3600\""_s;
}

void TestSourceServerCodec::malformedDatesAndDurations()
{
    QFETCH(QString, path);
    QFETCH(QString, text);
    QFETCH(QString, message);
    const DecodeResult<SourceServer> result = SourceServerCodec::decode(withValueAt(m_full, path, text));
    QVERIFY(!result.ok());
    QCOMPARE(result.error->path, path);
    QCOMPARE(result.error->message, message);
    verifyFastPathAgrees(compact(withValueAt(m_full, path, text)), compact(m_full));
}

void TestSourceServerCodec::fastPathAgrees_data()
{
    QTest::addColumn<QByteArray>("server");
    QTest::addColumn<bool>("fastPathTakesIt");
    QTest::newRow("full fixture") << compact(m_full) << true;
    QTest::newRow("ID only") << QByteArray(R"({"sourceServerID":"s-1"})") << true;
    QTest::newRow("empty object") << QByteArray("{}") << true;
    QTest::newRow("nulls") << QByteArray(
        R"({"sourceServerID":"s-1","tags":null,"lifeCycle":null,"dataReplicationInfo":{"replicatedDisks":null}})")
                           << true;
    QTest::newRow("empty containers") << QByteArray(
        R"({"sourceServerID":"s-1","tags":{},"sourceProperties":{"disks":[],"networkInterfaces":[{"ips":[]}]}})")
                                      << true;
    QTest::newRow("unknown members") << QByteArray(
        R"({"sourceServerID":"s-1","future":{"a":[1,2.5,true,null]},"lifeCycle":{"next":"x","state":"READY_FOR_TEST"}})")
                                     << true;
    QTest::newRow("non-ASCII text") << QByteArray(
        "{\"sourceServerID\":\"s-1\",\"tags\":{\"Propri\xc3\xa9taire\":\"\xe6\x9d\xb1\xe4\xba\xac "
        "\xf0\x9f\x9a\x80\"},"
        "\"sourceProperties\":{\"identificationHints\":{\"hostname\":\"caf\\u00e9\\n\"}}}")
                                    << true;
    QTest::newRow("escaped names") << QByteArray(R"({"\u0073ourceServerID":"s-1","tags":{"a\/b":"c"}})")
                                   << true;
    QTest::newRow("duplicate members") << QByteArray(
        R"({"sourceServerID":"s-1","isArchived":"no","sourceServerID":"s-2","isArchived":true})")
                                       << true;
    QTest::newRow("duplicate tag") << QByteArray(
        R"({"sourceServerID":"s-1","tags":{"a":"1","b":"2","a":"3"}})")
                                   << true;
    // QJsonObject keeps only the last "a", a string: the server is valid.
    // JsonTapeReader sees the first, a number, and leaves the page to
    // QJsonDocument's path.
    QTest::newRow("duplicate tag, first of the wrong type")
        << QByteArray(R"({"sourceServerID":"s-1","tags":{"a":1,"a":"one"}})") << false;
    QTest::newRow("whole numbers as doubles") << QByteArray(
        R"({"sourceServerID":"s-1","sourceProperties":{"ramBytes":4.0,"cpus":[{"cores":2e0}]}})")
                                              << true;
}

void TestSourceServerCodec::fastPathAgrees()
{
    QFETCH(QByteArray, server);
    QFETCH(bool, fastPathTakesIt);
    const DecodeResult<SourceServer> slow
        = SourceServerCodec::decode(QJsonDocument::fromJson(server).object());
    QVERIFY2(slow.ok(), qPrintable(errorText(slow)));
    const std::optional<JsonTape> tape = JsonTape::parse(server);
    QVERIFY(tape);
    QCOMPARE(SourceServerCodec::decodeFromTape(tape->root()).has_value(), fastPathTakesIt);
    verifyFastPathAgrees(server, compact(m_full));
}

void TestSourceServerCodec::pagesLeftToQJsonDocument_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("errors");
    QTest::addColumn<bool>("tape"); // whether JsonTape takes the text
    QTest::newRow("mixed fixture") << readTestData(u"codec/describe-source-servers-mixed.json"_s) << 3 << 4
                                   << true;
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{\"items\":[{\"sourceServerID\":\"s-1\"}]}")
                                     << 1 << 0 << false;
    QTest::newRow("tab in a string") << QByteArray("{\"items\":[{\"sourceServerID\":\"s\t1\"}]}") << 1 << 0
                                     << false;
    QTest::newRow("lone surrogate") << QByteArray(R"({"items":[{"sourceServerID":"s-\ud800"}]})") << 1 << 0
                                    << false;
    QTest::newRow("an item is not an object")
        << QByteArray(R"({"items":[{"sourceServerID":"s-1"},7]})") << 1 << 1 << true;
    QTest::newRow("nextToken is a number") << QByteArray(R"({"items":[],"nextToken":2})") << 0 << 0 << false;
    QTest::newRow("not JSON") << QByteArray("<html>") << 0 << 0 << false;
}

void TestSourceServerCodec::pagesLeftToQJsonDocument()
{
    QFETCH(QByteArray, body);
    QFETCH(int, items);
    QFETCH(int, errors);
    const SourceServerPage viaEnvelope = SourceServerCodec::decodePage(body);
    const SourceServerPage viaQJsonDocument
        = PageCodec::decode<SourceServer>(body, "sourceServerID"_L1, &SourceServerCodec::decode);
    QVERIFY(viaEnvelope == viaQJsonDocument);
    QCOMPARE(viaEnvelope.items.size(), items);
    QCOMPARE(viaEnvelope.errors.size(), errors);
    QFETCH(bool, tape);
    QCOMPARE(PageCodec::parseEnvelope(body).tape != nullptr, tape);
}

void TestSourceServerCodec::pageKeepsTheGoodServers()
{
    const SourceServerPage page
        = SourceServerCodec::decodePage(readTestData(u"codec/describe-source-servers-mixed.json"_s));
    QVERIFY(!page.pageError);
    QCOMPARE(page.nextToken, u"eyJwYWdlIjogMn0="_s);

    QCOMPARE(page.items.size(), 3);
    SourceServer first;
    first.sourceServerID = u"s-00000000000000000"_s;
    first.lifeCycle = LifeCycle {};
    first.lifeCycle->state = LifeCycleState::NotReady;
    first.dataReplicationInfo = DataReplicationInfo {};
    first.dataReplicationInfo->dataReplicationState = DataReplicationState::InitialSync;
    QCOMPARE(page.items.at(0) == first, true);
    SourceServer second;
    second.sourceServerID = u"s-00000000000000003"_s;
    second.lifeCycle = LifeCycle {};
    second.lifeCycle->state = LifeCycleState::Cutover;
    second.lifeCycle->lastSeenByServiceDateTime = Q_INT64_C(1793534400000);
    QCOMPARE(page.items.at(1) == second, true);
    SourceServer third;
    third.sourceServerID = u"s-00000000000000006"_s;
    third.isArchived = true;
    QCOMPARE(page.items.at(2) == third, true);

    const QList<DecodeError> errors = {
        { 1, u"s-00000000000000001"_s, u"items[1].dataReplicationInfo.replicatedDisks[1].totalStorageBytes"_s,
            u"expected an integer, got a string"_s },
        { 2, QString(), u"items[2]"_s, u"expected an object, got a number"_s },
        { 4, QString(), u"items[4].sourceServerID"_s, u"expected a string, got a number"_s },
        { 5, u"s-00000000000000005"_s, u"items[5].lifeCycle.addedToServiceDateTime"_s,
            u"invalid ISO-8601 datetime \"2026-02-30T00:00:00Z\": day 30 is out of range for 2026-02"_s },
    };
    QCOMPARE(page.errors.size(), errors.size());
    for (qsizetype i = 0; i < errors.size(); ++i) {
        QCOMPARE(page.errors.at(i).index, errors.at(i).index);
        QCOMPARE(page.errors.at(i).id, errors.at(i).id);
        QCOMPARE(page.errors.at(i).path, errors.at(i).path);
        QCOMPARE(page.errors.at(i).message, errors.at(i).message);
    }
}

void TestSourceServerCodec::pageErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("items");

    QTest::newRow("empty body") << QByteArray() << QString()
                                << u"the response is not valid JSON: illegal value at offset 0 of 0 bytes"_s
                                << 0;
    QTest::newRow("HTML") << QByteArray("<html><body>502 Bad Gateway</body></html>") << QString()
                          << u"the response is not valid JSON: illegal value at offset 1 of 41 bytes"_s << 0;
    QTest::newRow("truncated")
        << QByteArray(R"({"items":[{"sourceServerID":"s-1"},{"sourceSer)") << QString()
        << u"the response is not valid JSON: unterminated string at offset 46 of 46 bytes"_s << 0;
    QTest::newRow("top-level array") << QByteArray(R"([{"sourceServerID":"s-1"}])") << QString()
                                     << u"expected a JSON object at the top level, got an array"_s << 0;
    QTest::newRow("items is an object") << QByteArray(R"({"items":{"sourceServerID":"s-1"}})") << u"items"_s
                                        << u"expected an array, got an object"_s << 0;
    QTest::newRow("items is a string")
        << QByteArray(R"({"items":"s-1"})") << u"items"_s << u"expected an array, got a string"_s << 0;
    QTest::newRow("nextToken is a number")
        << QByteArray(R"({"items":[{"sourceServerID":"s-1"}],"nextToken":2})") << u"nextToken"_s
        << u"expected a string, got a number"_s << 1;
}

void TestSourceServerCodec::pageErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QFETCH(int, items);
    const SourceServerPage page = SourceServerCodec::decodePage(body);
    QVERIFY(page.pageError);
    QCOMPARE(page.pageError->path, path);
    QCOMPARE(page.pageError->message, message);
    QCOMPARE(page.items.size(), items);
    QVERIFY(page.errors.isEmpty());
    QVERIFY(!page.nextToken);
}

void TestSourceServerCodec::truncatedBodiesNeverCrash()
{
    const QByteArray body = readTestData(u"codec/describe-source-servers-mixed.json"_s);
    for (qsizetype length = 0; length < body.size() - 2; ++length) {
        const SourceServerPage page = SourceServerCodec::decodePage(body.left(length));
        if (!page.pageError)
            QFAIL(qPrintable(u"no page error for a body cut at " + QString::number(length)));
        QVERIFY(page.items.isEmpty());
    }
}

void TestSourceServerCodec::pageWithoutItems()
{
    const SourceServerPage empty = SourceServerCodec::decodePage(QByteArray("{}"));
    QVERIFY(!empty.pageError);
    QVERIFY(empty.items.isEmpty());
    QVERIFY(empty.errors.isEmpty());
    QVERIFY(!empty.nextToken);

    const SourceServerPage nulls
        = SourceServerCodec::decodePage(QByteArray(R"({"items":null,"nextToken":null})"));
    QVERIFY(!nulls.pageError);
    QVERIFY(nulls.items.isEmpty());
    QVERIFY(!nulls.nextToken);
}

void TestSourceServerCodec::encodePage()
{
    SourceServer one;
    one.sourceServerID = u"s-1"_s;
    one.isArchived = false;
    const QJsonObject withToken = SourceServerCodec::encodePage({ one }, u"next"_s);
    QCOMPARE(QJsonDocument(withToken).toJson(QJsonDocument::Compact),
        QByteArray(R"({"items":[{"isArchived":false,"sourceServerID":"s-1"}],"nextToken":"next"})"));
    const QJsonObject last = SourceServerCodec::encodePage({}, std::nullopt);
    QCOMPARE(QJsonDocument(last).toJson(QJsonDocument::Compact), QByteArray(R"({"items":[]})"));

    // The full server survives a page round trip.
    const SourceServer full = *SourceServerCodec::decode(m_full).value;
    const SourceServerPage page = SourceServerCodec::decodePage(
        QJsonDocument(SourceServerCodec::encodePage({ one, full }, u"t"_s)).toJson(QJsonDocument::Compact));
    QVERIFY(!page.pageError);
    QVERIFY(page.errors.isEmpty());
    QCOMPARE(page.items.size(), 2);
    QCOMPARE(page.items.at(0) == one, true);
    QCOMPARE(page.items.at(1) == full, true);
    QCOMPARE(page.nextToken, u"t"_s);
}

QTEST_GUILESS_MAIN(TestSourceServerCodec)
#include "tst_sourceservercodec.moc"
