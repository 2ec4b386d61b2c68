#include "models/codec/JobCodec.h"
#include "models/codec/JobLogCodec.h"
#include "models/codec/VcenterClientCodec.h"
#include "tests/support/CodecTestSupport.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <functional>
#include <limits>

using namespace mgn;
using namespace mgn::testsupport;
using namespace Qt::Literals::StringLiterals;

// Readable failures: QCOMPARE finds these by argument-dependent lookup.
namespace mgn {

char *toString(const JsonError &error)
{
    return QTest::toString(error.toString());
}

char *toString(const DecodeError &error)
{
    return QTest::toString(
        u"{index %1, id \"%2\", %3: %4}"_s.arg(error.index).arg(error.id, error.path, error.message));
}

char *toString(const Job &job)
{
    return qstrdup(QJsonDocument(JobCodec::encode(job)).toJson(QJsonDocument::Compact).constData());
}

char *toString(const JobLog &log)
{
    return qstrdup(QJsonDocument(JobLogCodec::encode(log)).toJson(QJsonDocument::Compact).constData());
}

char *toString(const VcenterClient &client)
{
    return qstrdup(
        QJsonDocument(VcenterClientCodec::encode(client)).toJson(QJsonDocument::Compact).constData());
}

} // namespace mgn

namespace {

// The three shapes under test, by their names in the API model.
const QStringList &shapeNames()
{
    static const QStringList names = { u"Job"_s, u"JobLog"_s, u"VcenterClient"_s };
    return names;
}

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test JSON is not an object: %s", json.constData());
    return document.object();
}

// A document decoded as one of the shapes: its encoding back to JSON, or the
// error. consistent says that exactly one of the two is set.
struct Decoded {
    std::optional<QJsonObject> encoded;
    std::optional<JsonError> error;
    bool consistent = false;
};

template<typename Codec> Decoded decodeWith(const QJsonObject &object, const JsonPath &path)
{
    const auto result = Codec::decode(object, path);
    Decoded decoded;
    decoded.consistent = result.value.has_value() != result.error.has_value();
    if (result.value)
        decoded.encoded = Codec::encode(*result.value);
    decoded.error = result.error;
    return decoded;
}

Decoded decodeAs(const QString &shape, const QJsonObject &object, const JsonPath &path = JsonPath())
{
    if (shape == u"Job")
        return decodeWith<JobCodec>(object, path);
    if (shape == u"JobLog")
        return decodeWith<JobLogCodec>(object, path);
    if (shape == u"VcenterClient")
        return decodeWith<VcenterClientCodec>(object, path);
    qFatal("no codec for shape %s", qPrintable(shape));
}

// A page of any of the shapes, its items encoded back to JSON.
struct PageOutcome {
    QJsonArray items;
    QList<DecodeError> errors;
    std::optional<QString> nextToken;
    std::optional<JsonError> pageError;
};

template<typename Codec, typename P> PageOutcome outcomeOf(const P &page)
{
    PageOutcome outcome;
    for (const auto &item : page.items)
        outcome.items.append(Codec::encode(item));
    outcome.errors = page.errors;
    outcome.nextToken = page.nextToken;
    outcome.pageError = page.pageError;
    return outcome;
}

PageOutcome decodePageAs(const QString &shape, const QByteArray &body)
{
    if (shape == u"Job")
        return outcomeOf<JobCodec>(JobCodec::decodePage(body));
    if (shape == u"JobLog")
        return outcomeOf<JobLogCodec>(JobLogCodec::decodePage(body));
    if (shape == u"VcenterClient")
        return outcomeOf<VcenterClientCodec>(VcenterClientCodec::decodePage(body));
    qFatal("no codec for shape %s", qPrintable(shape));
}

QString fixtureOf(const QString &shape)
{
    if (shape == u"Job")
        return u"codec/job-full.json"_s;
    if (shape == u"JobLog")
        return u"codec/job-log-full.json"_s;
    return u"codec/vcenter-client-full.json"_s;
}

QString mixedPageOf(const QString &shape)
{
    if (shape == u"Job")
        return u"codec/describe-jobs-mixed.json"_s;
    if (shape == u"JobLog")
        return u"codec/describe-job-log-items-mixed.json"_s;
    return u"codec/describe-vcenter-clients-mixed.json"_s;
}

// The member that identifies an item in a page error; none for JobLog.
QString idKeyOf(const QString &shape)
{
    if (shape == u"Job")
        return u"jobID"_s;
    if (shape == u"VcenterClient")
        return u"vcenterClientID"_s;
    return QString();
}

// A copy of root without the value at path (a member or an array element).
QJsonValue withoutSegment(const QJsonValue &root, const QList<QVariant> &segments, qsizetype from)
{
    const QVariant &segment = segments.at(from);
    const bool last = from + 1 == segments.size();
    if (segment.typeId() == QMetaType::Int) {
        QJsonArray array = root.toArray();
        const int index = segment.toInt();
        if (last)
            array.removeAt(index);
        else
            array.replace(index, withoutSegment(array.at(index), segments, from + 1));
        return array;
    }
    QJsonObject object = root.toObject();
    const QString key = segment.toString();
    if (last)
        object.remove(key);
    else
        object.insert(key, withoutSegment(object.value(key), segments, from + 1));
    return object;
}

QJsonObject withoutValueAt(const QJsonObject &root, const QString &path)
{
    return withoutSegment(root, splitPath(path), 0).toObject();
}

// The name of the model shape at path, below the shape rootShape.
QString shapeAt(const QString &rootShape, const QString &path, const QJsonObject &shapes)
{
    QString current = rootShape;
    const QList<QVariant> segments = splitPath(path);
    for (const QVariant &segment : segments) {
        const QJsonObject shape = shapes.value(current).toObject();
        const QString type = shape.value(u"type").toString();
        if (segment.typeId() == QMetaType::Int && type == u"list")
            current = shape.value(u"member").toObject().value(u"shape").toString();
        else if (type == u"map")
            current = shape.value(u"value").toObject().value(u"shape").toString();
        else if (type == u"structure")
            current = shape.value(u"members")
                          .toObject()
                          .value(segment.toString())
                          .toObject()
                          .value(u"shape")
                          .toString();
        else
            return QString();
    }
    return current;
}

// Every member of a structure present (and not null) in the instance, at any
// depth, every list element and map value visited; with whether the model
// marks it as required.
struct MemberPath {
    QString path;
    bool modelRequired = false;
};

QList<MemberPath> structureMembers(const QJsonValue &instance, const QString &shapeName,
    const QJsonObject &shapes, const QString &path = QString())
{
    QList<MemberPath> result;
    const QJsonObject shape = shapes.value(shapeName).toObject();
    const QString type = shape.value(u"type").toString();
    if (type == u"structure") {
        const QJsonObject members = shape.value(u"members").toObject();
        const QJsonArray required = shape.value(u"required").toArray();
        const QJsonObject object = instance.toObject();
        for (auto it = members.begin(); it != members.end(); ++it) {
            const QJsonValue child = object.value(it.key());
            if (child.isUndefined() || child.isNull())
                continue;
            const QString memberPath = path.isEmpty() ? it.key() : path + u'.' + it.key();
            result.append({ memberPath, required.contains(it.key()) });
            result += structureMembers(
                child, it.value().toObject().value(u"shape").toString(), shapes, memberPath);
        }
    } else if (type == u"list") {
        const QString memberShape = shape.value(u"member").toObject().value(u"shape").toString();
        const QJsonArray array = instance.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            result += structureMembers(
                array.at(i), memberShape, shapes, path + u'[' + QString::number(i) + u']');
    } else if (type == u"map") {
        const QString valueShape = shape.value(u"value").toObject().value(u"shape").toString();
        const QJsonObject object = instance.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            result += structureMembers(it.value(), valueShape, shapes, path + u'.' + it.key());
    }
    return result;
}

// Members the API model marks as required that the codec enforces (their
// absence fails the item); [n] stands for any index.
bool isEnforcedRequired(const QString &shape, const QString &path)
{
    static const QRegularExpression serverID(u"^participatingServers\\[\\d+\\]\\.sourceServerID$"_s);
    return shape == u"Job" && (path == u"jobID" || serverID.match(path).hasMatch());
}

// How an enumeration decoded.
struct EnumReading {
    bool present = false;
    bool known = false;
    QString unknownText;
    QString wire;
};

template<typename E> EnumReading readEnum(const std::optional<EnumValue<E>> &value)
{
    if (!value)
        return {};
    return { true, value->isKnown(), value->unknownText(), value->toWire() };
}

using EnumProbe = std::function<std::optional<EnumReading>(const QJsonObject &)>;

// Decodes a document with Codec and reads one enumeration of the result.
template<typename Codec, typename Read> EnumProbe probe(Read read)
{
    return [read](const QJsonObject &document) -> std::optional<EnumReading> {
        const auto result = Codec::decode(document);
        if (!result.value)
            return std::nullopt;
        return readEnum(read(*result.value));
    };
}

const JobPostLaunchActionsLaunchStatus &firstLaunchStatus(const Job &job)
{
    return job.participatingServers->at(0).postLaunchActionsStatus->postLaunchActionsLaunchStatusList->at(0);
}

// Every enumeration of the full fixtures, as "Shape:path".
QHash<QString, EnumProbe> enumProbes()
{
    const QString launchStatus0
        = u"participatingServers[0].postLaunchActionsStatus.postLaunchActionsLaunchStatusList[0]"_s;
    return {
        { u"Job:type"_s, probe<JobCodec>([](const Job &j) -> const auto & { return j.type; }) },
        { u"Job:initiatedBy"_s, probe<JobCodec>([](const Job &j) -> const auto & { return j.initiatedBy; }) },
        { u"Job:status"_s, probe<JobCodec>([](const Job &j) -> const auto & { return j.status; }) },
        { u"Job:participatingServers[0].launchStatus"_s, probe<JobCodec>([
         ](const Job &j) -> const auto & { return j.participatingServers->at(0).launchStatus; }) },
        { u"Job:"_s + launchStatus0 + u".ssmDocumentType", probe<JobCodec>([
         ](const Job &j) -> const auto & { return firstLaunchStatus(j).ssmDocumentType; }) },
        { u"Job:"_s + launchStatus0 + u".executionStatus", probe<JobCodec>([
         ](const Job &j) -> const auto & { return firstLaunchStatus(j).executionStatus; }) },
        { u"Job:"_s + launchStatus0 + u".ssmDocument.parameters.action[0].parameterType",
            probe<JobCodec>([](const Job &j) -> const auto & {
                return firstLaunchStatus(j)
                    .ssmDocument->parameters->constFind(u"action"_s)
                    .value()
                    .at(0)
                    .parameterType;
            }) },
        { u"JobLog:event"_s, probe<JobLogCodec>([](const JobLog &l) -> const auto & { return l.event; }) },
    };
}

} // namespace

class TestJobCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // One item.
    void decodesEveryJobMember();
    void decodesEveryJobLogMember();
    void decodesEveryVcenterClientMember();
    void everyModelMemberIsDecodedAndEncoded_data();
    void everyModelMemberIsDecodedAndEncoded();
    void encodeDecodeRoundTrip_data();
    void encodeDecodeRoundTrip();
    void roundTripIsStable_data();
    void roundTripIsStable();
    void unknownMembersAreIgnored();
    void unknownMembersAreIgnoredInTheFixtures_data();
    void unknownMembersAreIgnoredInTheFixtures();
    void minimalItems();
    void nullMembersStayAbsent();
    void nullOrAbsentMemberStaysAbsent_data();
    void nullOrAbsentMemberStaysAbsent();
    void requiredMembers_data();
    void requiredMembers();
    void emptyContainersArePresent();
    void emptyContainersRoundTrip_data();
    void emptyContainersRoundTrip();
    void wrongType_data();
    void wrongType();
    void errorPathCarriesThePrefix_data();
    void errorPathCarriesThePrefix();
    void firstErrorWins();
    void strictlyPositiveIntegers_data();
    void strictlyPositiveIntegers();
    void unknownEnumValues_data();
    void unknownEnumValues();
    void malformedDates_data();
    void malformedDates();

    // Pages.
    void jobPageKeepsTheGoodJobs();
    void jobLogPageKeepsTheGoodItems();
    void vcenterClientPageKeepsTheGoodClients();
    void oneBadItemAmongGoodOnes_data();
    void oneBadItemAmongGoodOnes();
    void pageFromObjectMatchesPageFromBytes_data();
    void pageFromObjectMatchesPageFromBytes();
    void pageErrors_data();
    void pageErrors();
    void truncatedBodiesNeverCrash_data();
    void truncatedBodiesNeverCrash();
    void pageWithoutItems_data();
    void pageWithoutItems();
    void encodePage();

private:
    QJsonObject m_shapes;
    QHash<QString, QJsonObject> m_fixtures; // by shape name
};

void TestJobCodec::initTestCase()
{
    m_shapes = modelShapes();
    for (const QString &shape : shapeNames()) {
        QVERIFY2(m_shapes.contains(shape), qPrintable(shape));
        m_fixtures.insert(shape, readTestObject(fixtureOf(shape)));
    }
}

// ---------------------------------------------------------------------------
// One item

void TestJobCodec::decodesEveryJobMember()
{
    const DecodeResult<Job> result = JobCodec::decode(m_fixtures.value(u"Job"_s));
    QVERIFY2(result.ok(), qPrintable(errorText(result)));
    QVERIFY(!result.error);
    const Job &job = *result.value;

    QCOMPARE(job.jobID, u"mgnjob-0a1b2c3d4e5f60718"_s);
    QCOMPARE(job.arn, u"arn:aws:mgn:us-east-1:123456789012:job/mgnjob-0a1b2c3d4e5f60718"_s);
    QCOMPARE(job.type, EnumValue(JobType::Launch));
    QCOMPARE(job.initiatedBy, EnumValue(InitiatedBy::StartCutover));
    // "2026-11-01T12:00:00.123456+00:00": microseconds floored to the millisecond.
    QCOMPARE(job.creationDateTime, Q_INT64_C(1793534400123));
    QCOMPARE(job.endDateTime, Q_INT64_C(1793537110000));
    QCOMPARE(job.status, EnumValue(JobStatus::Completed));
    QCOMPARE(job.tags, (Tags { { u"owner"_s, u"migration team"_s }, { u"project"_s, u"wave-3"_s } }));

    QVERIFY(job.participatingServers);
    QCOMPARE(job.participatingServers->size(), 2);
    const ParticipatingServer &launched = job.participatingServers->at(0);
    QCOMPARE(launched.sourceServerID, u"s-1234567890abcdef0"_s);
    QCOMPARE(launched.launchStatus, EnumValue(LaunchStatus::Launched));
    QCOMPARE(launched.launchedEc2InstanceID, u"i-0a1b2c3d4e5f60718"_s);
    QVERIFY(launched.postLaunchActionsStatus);
    const PostLaunchActionsStatus &actions = *launched.postLaunchActionsStatus;
    // "2026-11-01T12:20:05.5+01:00" is 11:20:05.500 UTC.
    QCOMPARE(actions.ssmAgentDiscoveryDatetime, Q_INT64_C(1793532005500));
    QVERIFY(actions.postLaunchActionsLaunchStatusList);
    QCOMPARE(actions.postLaunchActionsLaunchStatusList->size(), 2);

    const JobPostLaunchActionsLaunchStatus &install = actions.postLaunchActionsLaunchStatusList->at(0);
    QVERIFY(install.ssmDocument);
    const SsmDocument &installDocument = *install.ssmDocument;
    QCOMPARE(installDocument.actionName, u"Install CloudWatch agent"_s);
    QCOMPARE(installDocument.ssmDocumentName, u"AWS-ConfigureAWSPackage"_s);
    QCOMPARE(installDocument.timeoutSeconds, Q_INT64_C(600));
    QCOMPARE(installDocument.mustSucceedForCutover, true);
    using ParameterType = SsmParameterStoreParameterType;
    const auto parameter = [](const QString &name, ParameterType type) {
        SsmParameterStoreParameter p;
        p.parameterName = name;
        p.parameterType = type;
        return p;
    };
    const QMap<QString, QList<SsmParameterStoreParameter>> parameters = {
        { u"name"_s, { parameter(u"/mgn/cloudwatch/package"_s, ParameterType::String) } },
        { u"action"_s,
            { parameter(u"/mgn/cloudwatch/action"_s, ParameterType::String),
                parameter(u"/mgn/cloudwatch/token"_s, ParameterType::SecureString) } },
    };
    QCOMPARE(installDocument.parameters, parameters);
    const QMap<QString, SsmExternalParameter> externalParameters = {
        { u"InstanceId"_s, SsmExternalParameter { u"launchedEc2InstanceID"_s } },
        { u"SourceServer"_s, SsmExternalParameter { u"sourceServer.sourceServerID"_s } },
    };
    QCOMPARE(installDocument.externalParameters, externalParameters);
    QCOMPARE(install.ssmDocumentType, EnumValue(SsmDocumentType::Automation));
    QCOMPARE(install.executionID, u"0b5f7c1a-1c2d-4e5f-8a9b-0c1d2e3f4a5b"_s);
    QCOMPARE(install.executionStatus, EnumValue(PostLaunchActionExecutionStatus::Success));
    QVERIFY(install.failureReason); // "": present and empty, not absent
    QVERIFY(install.failureReason->isEmpty());

    const JobPostLaunchActionsLaunchStatus &validate = actions.postLaunchActionsLaunchStatusList->at(1);
    QVERIFY(validate.ssmDocument);
    QCOMPARE(validate.ssmDocument->actionName, u"Validate disks"_s);
    QCOMPARE(validate.ssmDocument->ssmDocumentName, u"MGN-Validate-Disks"_s);
    QCOMPARE(validate.ssmDocument->timeoutSeconds, Q_INT64_C(120));
    QCOMPARE(validate.ssmDocument->mustSucceedForCutover, false);
    QVERIFY(!validate.ssmDocument->parameters);
    QVERIFY(!validate.ssmDocument->externalParameters);
    QCOMPARE(validate.ssmDocumentType, EnumValue(SsmDocumentType::Command));
    QCOMPARE(validate.executionID, u"7d3e9f21-aaaa-bbbb-cccc-1234567890ab"_s);
    QCOMPARE(validate.executionStatus, EnumValue(PostLaunchActionExecutionStatus::Failed));
    QCOMPARE(validate.failureReason, u"Step timed out after 120 seconds"_s);

    const ParticipatingServer &failed = job.participatingServers->at(1);
    ParticipatingServer expectedFailed;
    expectedFailed.sourceServerID = u"s-00000000000000002"_s;
    expectedFailed.launchStatus = LaunchStatus::Failed;
    QCOMPARE(failed == expectedFailed, true);
}

void TestJobCodec::decodesEveryJobLogMember()
{
    const DecodeResult<JobLog> result = JobLogCodec::decode(m_fixtures.value(u"JobLog"_s));
    QVERIFY2(result.ok(), qPrintable(errorText(result)));
    QVERIFY(!result.error);
    const JobLog &log = *result.value;

    QCOMPARE(log.logDateTime, Q_INT64_C(1793534462345));
    QCOMPARE(log.event, EnumValue(JobLogEvent::ConversionFail));
    QVERIFY(log.eventData);
    const JobLogEventData &data = *log.eventData;
    QCOMPARE(data.sourceServerID, u"s-1234567890abcdef0"_s);
    QCOMPARE(data.conversionServerID, u"i-0c0c0c0c0c0c0c0c0"_s);
    QCOMPARE(data.targetInstanceID, u"i-0a1b2c3d4e5f60718"_s);
    // Kept verbatim: the line break, quotes, non-ASCII text and trailing space.
    QCOMPARE(data.rawError,
        u"Conversion failed: unsupported kernel 2.6.18\n  at step \"BOOT\" \u2014 r\u00e9sum\u00e9: exit 1 "_s);
    QCOMPARE(data.attemptCount, Q_INT64_C(2));
    QCOMPARE(data.maxAttemptsCount, Q_INT64_C(5));
}

void TestJobCodec::decodesEveryVcenterClientMember()
{
    const DecodeResult<VcenterClient> result
        = VcenterClientCodec::decode(m_fixtures.value(u"VcenterClient"_s));
    QVERIFY2(result.ok(), qPrintable(errorText(result)));
    QVERIFY(!result.error);
    const VcenterClient &client = *result.value;

    QCOMPARE(client.vcenterClientID, u"vcc-0123456789abcdefg"_s);
    QCOMPARE(client.arn, u"arn:aws:mgn:us-east-1:123456789012:vcenter-client/vcc-0123456789abcdefg"_s);
    QCOMPARE(client.hostname, u"vcenter-01.corp.example.com"_s);
    QCOMPARE(client.vcenterUUID, u"5f0b2c1e-8d7a-4e3b-9c2d-1a0b9c8d7e6f"_s);
    QCOMPARE(client.datacenterName, u"Frankfurt-DC2"_s);
    // "2026-11-01T11:58:00.250-03:00" is 14:58:00.250 UTC.
    QCOMPARE(client.lastSeenDatetime, Q_INT64_C(1793545080250));
    QCOMPARE(
        client.sourceServerTags, (Tags { { u"migration-wave"_s, u"3"_s }, { u"team"_s, u"platform"_s } }));
    QCOMPARE(client.tags, (Tags { { u"Name"_s, u"vcenter-01"_s } }));
}

void TestJobCodec::everyModelMemberIsDecodedAndEncoded_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QJsonObject>("minimal");
    QTest::addColumn<int>("minimalMisses");

    QTest::newRow("Job") << u"Job"_s << QJsonObject { { u"jobID"_s, u"mgnjob-00000000000000001"_s } } << 8;
    QTest::newRow("JobLog") << u"JobLog"_s << QJsonObject() << 3;
    QTest::newRow("VcenterClient") << u"VcenterClient"_s << QJsonObject() << 8;
}

void TestJobCodec::everyModelMemberIsDecodedAndEncoded()
{
    // The contract with the API model: no member of the shape, at any depth,
    // is missing from the fixture, nor forgotten by the codec.
    QFETCH(QString, shape);
    QFETCH(QJsonObject, minimal);
    QFETCH(int, minimalMisses);
    const QJsonObject fixture = m_fixtures.value(shape);
    QCOMPARE(missingMembers(QJsonArray { fixture }, shape, m_shapes), QStringList());
    const Decoded decoded = decodeAs(shape, fixture);
    QVERIFY(decoded.encoded);
    QCOMPARE(missingMembers(QJsonArray { *decoded.encoded }, shape, m_shapes), QStringList());

    // The check itself can fail.
    QCOMPARE(missingMembers(QJsonArray { minimal }, shape, m_shapes).size(), minimalMisses);
}

void TestJobCodec::encodeDecodeRoundTrip_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("datePath");
    QTest::addColumn<QString>("canonicalDate");

    QTest::newRow("Job creationDateTime")
        << u"Job"_s << u"creationDateTime"_s << u"2026-11-01T12:00:00.123Z"_s;
    QTest::newRow("Job endDateTime") << u"Job"_s << u"endDateTime"_s << u"2026-11-01T12:45:10.000Z"_s;
    QTest::newRow("Job ssmAgentDiscoveryDatetime")
        << u"Job"_s << u"participatingServers[0].postLaunchActionsStatus.ssmAgentDiscoveryDatetime"_s
        << u"2026-11-01T11:20:05.500Z"_s;
    QTest::newRow("JobLog logDateTime") << u"JobLog"_s << u"logDateTime"_s << u"2026-11-01T12:01:02.345Z"_s;
    QTest::newRow("VcenterClient lastSeenDatetime")
        << u"VcenterClient"_s << u"lastSeenDatetime"_s << u"2026-11-01T14:58:00.250Z"_s;
}

void TestJobCodec::encodeDecodeRoundTrip()
{
    QFETCH(QString, shape);
    QFETCH(QString, datePath);
    QFETCH(QString, canonicalDate);
    const QJsonObject fixture = m_fixtures.value(shape);
    const Decoded decoded = decodeAs(shape, fixture);
    QVERIFY(decoded.consistent);
    QVERIFY(decoded.encoded);
    const QJsonObject expected = normalised(fixture, shape, m_shapes).toObject();
    QVERIFY(expected != fixture); // the fixture has unknown members and non-canonical dates
    if (*decoded.encoded != expected) {
        qWarning().noquote() << QJsonDocument(*decoded.encoded).toJson();
        qWarning().noquote() << QJsonDocument(expected).toJson();
    }
    QCOMPARE(*decoded.encoded, expected);
    QCOMPARE(valueAt(*decoded.encoded, datePath), QJsonValue(canonicalDate));
}

void TestJobCodec::roundTripIsStable_data()
{
    QTest::addColumn<QString>("shape");
    for (const QString &shape : shapeNames())
        QTest::newRow(qPrintable(shape)) << shape;
}

namespace {

template<typename Codec> void checkStable(const QJsonObject &fixture)
{
    const auto decoded = Codec::decode(fixture);
    QVERIFY(decoded.ok());
    const QJsonObject encoded = Codec::encode(*decoded.value);
    const auto again = Codec::decode(encoded);
    QVERIFY(again.ok());
    QCOMPARE(*again.value, *decoded.value);
    QCOMPARE(Codec::encode(*again.value), encoded);
}

} // namespace

void TestJobCodec::roundTripIsStable()
{
    QFETCH(QString, shape);
    const QJsonObject fixture = m_fixtures.value(shape);
    if (shape == u"Job")
        checkStable<JobCodec>(fixture);
    else if (shape == u"JobLog")
        checkStable<JobLogCodec>(fixture);
    else
        checkStable<VcenterClientCodec>(fixture);
}

void TestJobCodec::unknownMembersAreIgnored()
{
    // Unknown members at every depth, some of a type a known member would
    // refuse: they are not looked at.
    const DecodeResult<Job> job = JobCodec::decode(parseObject(
        R"({"jobID":"mgnjob-00000000000000001","participatingServersCount":"two","futureMember":{"x":[1,2]},)"
        R"("participatingServers":[{"sourceServerID":"s-00000000000000001","retries":null,)"
        R"("postLaunchActionsStatus":{"newThing":true,"postLaunchActionsLaunchStatusList":[)"
        R"({"startedAt":5,"ssmDocument":{"actionName":"a","ssmDocumentName":"doc","documentVersion":2,)"
        R"("parameters":{"p":[{"parameterName":"n","parameterType":"STRING","version":[]}]},)"
        R"("externalParameters":{"e":{"dynamicPath":"x","staticValue":{}}}}}]}}]})"));
    QVERIFY2(job.ok(), qPrintable(errorText(job)));
    SsmParameterStoreParameter parameter;
    parameter.parameterName = u"n"_s;
    parameter.parameterType = SsmParameterStoreParameterType::String;
    SsmDocument document;
    document.actionName = u"a"_s;
    document.ssmDocumentName = u"doc"_s;
    document.parameters = QMap<QString, QList<SsmParameterStoreParameter>> { { u"p"_s, { parameter } } };
    document.externalParameters
        = QMap<QString, SsmExternalParameter> { { u"e"_s, SsmExternalParameter { u"x"_s } } };
    JobPostLaunchActionsLaunchStatus launchStatus;
    launchStatus.ssmDocument = document;
    ParticipatingServer server;
    server.sourceServerID = u"s-00000000000000001"_s;
    server.postLaunchActionsStatus = PostLaunchActionsStatus {};
    server.postLaunchActionsStatus->postLaunchActionsLaunchStatusList = QList { launchStatus };
    Job expectedJob;
    expectedJob.jobID = u"mgnjob-00000000000000001"_s;
    expectedJob.participatingServers = QList { server };
    QCOMPARE(*job.value, expectedJob);

    const DecodeResult<JobLog> log = JobLogCodec::decode(
        parseObject(R"({"sequence":"x","event":"JOB_END","eventData":{"region":7,"attemptCount":1}})"));
    QVERIFY2(log.ok(), qPrintable(errorText(log)));
    JobLog expectedLog;
    expectedLog.event = JobLogEvent::JobEnd;
    expectedLog.eventData = JobLogEventData {};
    expectedLog.eventData->attemptCount = 1;
    QCOMPARE(*log.value, expectedLog);

    const DecodeResult<VcenterClient> client
        = VcenterClientCodec::decode(parseObject(R"({"version":{"major":8},"hostname":"vc"})"));
    QVERIFY2(client.ok(), qPrintable(errorText(client)));
    VcenterClient expectedClient;
    expectedClient.hostname = u"vc"_s;
    QCOMPARE(*client.value, expectedClient);
}

void TestJobCodec::unknownMembersAreIgnoredInTheFixtures_data()
{
    QTest::addColumn<QString>("shape");
    for (const QString &shape : shapeNames())
        QTest::newRow(qPrintable(shape)) << shape;
}

void TestJobCodec::unknownMembersAreIgnoredInTheFixtures()
{
    // The full fixture decodes as its model-only copy does.
    QFETCH(QString, shape);
    const QJsonObject fixture = m_fixtures.value(shape);
    const QJsonObject modelOnly = normalised(fixture, shape, m_shapes).toObject();
    QVERIFY(modelOnly.size() < fixture.size()); // there is an unknown member at the top
    const Decoded full = decodeAs(shape, fixture);
    const Decoded trimmed = decodeAs(shape, modelOnly);
    QVERIFY(full.encoded);
    QVERIFY(trimmed.encoded);
    QCOMPARE(*full.encoded, *trimmed.encoded);
}

void TestJobCodec::minimalItems()
{
    const DecodeResult<Job> job = JobCodec::decode(parseObject(R"({"jobID":"mgnjob-00000000000000001"})"));
    QVERIFY(job.ok());
    Job expectedJob;
    expectedJob.jobID = u"mgnjob-00000000000000001"_s;
    QCOMPARE(*job.value, expectedJob);
    QVERIFY(!job.value->arn);
    QVERIFY(!job.value->type);
    QVERIFY(!job.value->initiatedBy);
    QVERIFY(!job.value->creationDateTime);
    QVERIFY(!job.value->endDateTime);
    QVERIFY(!job.value->status);
    QVERIFY(!job.value->participatingServers);
    QVERIFY(!job.value->tags);
    QCOMPARE(JobCodec::encode(*job.value), (QJsonObject { { u"jobID"_s, u"mgnjob-00000000000000001"_s } }));
    // The required ID is always emitted, even when empty.
    QCOMPARE(JobCodec::encode(Job {}), (QJsonObject { { u"jobID"_s, QString() } }));

    ParticipatingServer server;
    server.sourceServerID = u"s-00000000000000001"_s;
    Job withServer;
    withServer.jobID = u"mgnjob-00000000000000001"_s;
    withServer.participatingServers = QList { server, ParticipatingServer {} };
    QCOMPARE(JobCodec::encode(withServer),
        parseObject(R"({"jobID":"mgnjob-00000000000000001","participatingServers":[)"
                    R"({"sourceServerID":"s-00000000000000001"},{"sourceServerID":""}]})"));

    const DecodeResult<JobLog> log = JobLogCodec::decode(QJsonObject());
    QVERIFY(log.ok());
    QCOMPARE(*log.value, JobLog {});
    QCOMPARE(JobLogCodec::encode(JobLog {}), QJsonObject());

    const DecodeResult<VcenterClient> client = VcenterClientCodec::decode(QJsonObject());
    QVERIFY(client.ok());
    QCOMPARE(*client.value, VcenterClient {});
    QCOMPARE(VcenterClientCodec::encode(VcenterClient {}), QJsonObject());
}

void TestJobCodec::nullMembersStayAbsent()
{
    const DecodeResult<Job> job = JobCodec::decode(parseObject(
        R"({"jobID":"mgnjob-00000000000000001","arn":null,"type":null,"initiatedBy":null,"creationDateTime":null,)"
        R"("endDateTime":null,"status":null,"tags":null,"participatingServers":[{"sourceServerID":"s-00000000000000001",)"
        R"("launchStatus":null,"launchedEc2InstanceID":null,"postLaunchActionsStatus":{"ssmAgentDiscoveryDatetime":null,)"
        R"("postLaunchActionsLaunchStatusList":[{"ssmDocument":{"actionName":null,"ssmDocumentName":null,)"
        R"("timeoutSeconds":null,"mustSucceedForCutover":null,"parameters":{"p":[{"parameterName":null,"parameterType":null}]},)"
        R"("externalParameters":{"e":{"dynamicPath":null}}},"ssmDocumentType":null,"executionID":null,)"
        R"("executionStatus":null,"failureReason":null}]}}]})"));
    QVERIFY2(job.ok(), qPrintable(errorText(job)));
    Job expectedJob;
    expectedJob.jobID = u"mgnjob-00000000000000001"_s;
    ParticipatingServer server;
    server.sourceServerID = u"s-00000000000000001"_s;
    SsmDocument document;
    document.parameters
        = QMap<QString, QList<SsmParameterStoreParameter>> { { u"p"_s, { SsmParameterStoreParameter {} } } };
    document.externalParameters = QMap<QString, SsmExternalParameter> { { u"e"_s, SsmExternalParameter {} } };
    JobPostLaunchActionsLaunchStatus launchStatus;
    launchStatus.ssmDocument = document;
    server.postLaunchActionsStatus = PostLaunchActionsStatus {};
    server.postLaunchActionsStatus->postLaunchActionsLaunchStatusList = QList { launchStatus };
    expectedJob.participatingServers = QList { server };
    QCOMPARE(*job.value, expectedJob);
    const SsmDocument &decodedDocument = *firstLaunchStatus(*job.value).ssmDocument;
    QVERIFY(!decodedDocument.timeoutSeconds); // not a zero timeout
    QVERIFY(!decodedDocument.mustSucceedForCutover); // not false
    QCOMPARE(JobCodec::encode(*job.value),
        parseObject(
            R"({"jobID":"mgnjob-00000000000000001","participatingServers":[{"sourceServerID":"s-00000000000000001",)"
            R"("postLaunchActionsStatus":{"postLaunchActionsLaunchStatusList":[{"ssmDocument":{)"
            R"("parameters":{"p":[{}]},"externalParameters":{"e":{}}}}]}}]})"));

    const DecodeResult<JobLog> log = JobLogCodec::decode(parseObject(
        R"({"logDateTime":null,"event":null,"eventData":{"sourceServerID":null,"conversionServerID":null,)"
        R"("targetInstanceID":null,"rawError":null,"attemptCount":null,"maxAttemptsCount":null}})"));
    QVERIFY2(log.ok(), qPrintable(errorText(log)));
    JobLog expectedLog;
    expectedLog.eventData = JobLogEventData {};
    QCOMPARE(*log.value, expectedLog);
    QCOMPARE(JobLogCodec::encode(*log.value), parseObject(R"({"eventData":{}})"));

    const DecodeResult<VcenterClient> client = VcenterClientCodec::decode(parseObject(
        R"({"vcenterClientID":null,"arn":null,"hostname":null,"vcenterUUID":null,"datacenterName":null,)"
        R"("lastSeenDatetime":null,"sourceServerTags":null,"tags":null})"));
    QVERIFY2(client.ok(), qPrintable(errorText(client)));
    QCOMPARE(*client.value, VcenterClient {});
    QCOMPARE(VcenterClientCodec::encode(*client.value), QJsonObject());
}

void TestJobCodec::nullOrAbsentMemberStaysAbsent_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("path");

    // Every member of every structure of the full fixtures but the required
    // IDs: null or absent, it is left out, and nothing else changes.
    QStringList modelRequired;
    for (const QString &shape : shapeNames()) {
        const QList<MemberPath> members = structureMembers(m_fixtures.value(shape), shape, m_shapes);
        for (const MemberPath &member : members) {
            if (member.modelRequired)
                modelRequired.append(shape + u':' + member.path);
            if (!isEnforcedRequired(shape, member.path))
                QTest::newRow(qPrintable(shape + u':' + member.path)) << shape << member.path;
        }
    }
    // The codec is tolerant of the members the model requires of an SSM
    // document and its parameters (the service always sends them; a job
    // without them is still worth showing): any other required member showing
    // up in the model must be decided on.
    const QString document
        = u"Job:participatingServers[0].postLaunchActionsStatus.postLaunchActionsLaunchStatusList[%1].ssmDocument"_s;
    const QStringList expectedRequired = {
        u"Job:jobID"_s,
        u"Job:participatingServers[0].sourceServerID"_s,
        document.arg(0) + u".actionName",
        document.arg(0) + u".ssmDocumentName",
        document.arg(0) + u".parameters.action[0].parameterType",
        document.arg(0) + u".parameters.action[0].parameterName",
        document.arg(0) + u".parameters.action[1].parameterType",
        document.arg(0) + u".parameters.action[1].parameterName",
        document.arg(0) + u".parameters.name[0].parameterType",
        document.arg(0) + u".parameters.name[0].parameterName",
        document.arg(1) + u".actionName",
        document.arg(1) + u".ssmDocumentName",
        u"Job:participatingServers[1].sourceServerID"_s,
    };
    QCOMPARE(QSet<QString>(modelRequired.begin(), modelRequired.end()),
        QSet<QString>(expectedRequired.begin(), expectedRequired.end()));
}

void TestJobCodec::nullOrAbsentMemberStaysAbsent()
{
    QFETCH(QString, shape);
    QFETCH(QString, path);
    const QJsonObject fixture = m_fixtures.value(shape);
    QVERIFY(!valueAt(fixture, path).isUndefined());

    const QJsonObject withNull = withValueAt(fixture, path, QJsonValue::Null);
    const Decoded nulled = decodeAs(shape, withNull);
    QVERIFY2(nulled.encoded, qPrintable(nulled.error ? nulled.error->toString() : QString()));
    QVERIFY(valueAt(*nulled.encoded, path).isUndefined());
    QCOMPARE(*nulled.encoded, normalised(withNull, shape, m_shapes).toObject());

    const QJsonObject without = withoutValueAt(fixture, path);
    QVERIFY(valueAt(without, path).isUndefined());
    const Decoded absent = decodeAs(shape, without);
    QVERIFY(absent.encoded);
    QCOMPARE(*absent.encoded, *nulled.encoded);
}

void TestJobCodec::requiredMembers_data()
{
    QTest::addColumn<QString>("path");

    QTest::newRow("jobID") << u"jobID"_s;
    QTest::newRow("first server's sourceServerID") << u"participatingServers[0].sourceServerID"_s;
    QTest::newRow("second server's sourceServerID") << u"participatingServers[1].sourceServerID"_s;
}

void TestJobCodec::requiredMembers()
{
    QFETCH(QString, path);
    const QJsonObject fixture = m_fixtures.value(u"Job"_s);
    QVERIFY(isEnforcedRequired(u"Job"_s, path));
    const QList<QJsonObject> documents
        = { withoutValueAt(fixture, path), withValueAt(fixture, path, QJsonValue::Null) };
    for (const QJsonObject &document : documents) {
        const DecodeResult<Job> result = JobCodec::decode(document);
        QVERIFY(!result.ok());
        QVERIFY(result.error);
        QCOMPARE(result.error->path, path);
        QCOMPARE(result.error->message, u"required member is missing"_s);
    }
    // Present but of the wrong type is a type error, not a missing member.
    const DecodeResult<Job> wrong = JobCodec::decode(withValueAt(fixture, path, 1));
    QVERIFY(wrong.error);
    QCOMPARE(wrong.error->path, path);
    QCOMPARE(wrong.error->message, u"expected a string, got a number"_s);
}

void TestJobCodec::emptyContainersArePresent()
{
    const QJsonObject json = parseObject(
        R"({"jobID":"mgnjob-00000000000000001","tags":{},"participatingServers":[)"
        R"({"sourceServerID":"s-00000000000000001","postLaunchActionsStatus":{"postLaunchActionsLaunchStatusList":[)"
        R"({"ssmDocument":{"parameters":{}}},{"ssmDocument":{"parameters":{"p":[]},"externalParameters":{}}},{}]}},)"
        R"({"sourceServerID":"s-00000000000000002","postLaunchActionsStatus":{"postLaunchActionsLaunchStatusList":[]}}]})");
    const DecodeResult<Job> result = JobCodec::decode(json);
    QVERIFY2(result.ok(), qPrintable(errorText(result)));
    const Job &job = *result.value;
    QCOMPARE(job.tags, Tags());
    const QList<JobPostLaunchActionsLaunchStatus> &statuses
        = *job.participatingServers->at(0).postLaunchActionsStatus->postLaunchActionsLaunchStatusList;
    QCOMPARE(statuses.size(), 3);
    QCOMPARE(statuses.at(0).ssmDocument->parameters, (QMap<QString, QList<SsmParameterStoreParameter>>()));
    QVERIFY(!statuses.at(0).ssmDocument->externalParameters);
    QCOMPARE(statuses.at(1).ssmDocument->parameters,
        (QMap<QString, QList<SsmParameterStoreParameter>> { { u"p"_s, {} } }));
    QCOMPARE(statuses.at(1).ssmDocument->externalParameters, (QMap<QString, SsmExternalParameter>()));
    QCOMPARE(statuses.at(2) == JobPostLaunchActionsLaunchStatus {}, true);
    QCOMPARE(job.participatingServers->at(1).postLaunchActionsStatus->postLaunchActionsLaunchStatusList,
        QList<JobPostLaunchActionsLaunchStatus>());
    QCOMPARE(JobCodec::encode(job), json);

    const DecodeResult<Job> noServers
        = JobCodec::decode(parseObject(R"({"jobID":"mgnjob-00000000000000001","participatingServers":[]})"));
    QVERIFY(noServers.ok());
    QCOMPARE(noServers.value->participatingServers, QList<ParticipatingServer>());

    const DecodeResult<JobLog> log = JobLogCodec::decode(parseObject(R"({"eventData":{}})"));
    QVERIFY(log.ok());
    QCOMPARE(log.value->eventData, JobLogEventData {});

    const DecodeResult<VcenterClient> client
        = VcenterClientCodec::decode(parseObject(R"({"sourceServerTags":{},"tags":{}})"));
    QVERIFY(client.ok());
    QCOMPARE(client.value->sourceServerTags, Tags());
    QCOMPARE(client.value->tags, Tags());
}

void TestJobCodec::emptyContainersRoundTrip_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("job: empty server list")
        << u"Job"_s << QByteArray(R"({"jobID":"mgnjob-00000000000000001","participatingServers":[]})");
    QTest::newRow("job: empty tags") << u"Job"_s
                                     << QByteArray(R"({"jobID":"mgnjob-00000000000000001","tags":{}})");
    QTest::newRow("job: empty post-launch status")
        << u"Job"_s
        << QByteArray(R"({"jobID":"mgnjob-00000000000000001","participatingServers":[)"
                      R"({"sourceServerID":"s-00000000000000001","postLaunchActionsStatus":{}}]})");
    QTest::newRow("job: empty SSM document and maps")
        << u"Job"_s
        << QByteArray(
               R"({"jobID":"mgnjob-00000000000000001","participatingServers":[)"
               R"({"sourceServerID":"s-00000000000000001","postLaunchActionsStatus":{"postLaunchActionsLaunchStatusList":[)"
               R"({"ssmDocument":{}},{"ssmDocument":{"parameters":{"p":[]},"externalParameters":{"e":{}}}}]}}]})");
    QTest::newRow("log: empty event data") << u"JobLog"_s << QByteArray(R"({"eventData":{}})");
    QTest::newRow("vCenter: empty tag maps")
        << u"VcenterClient"_s << QByteArray(R"({"sourceServerTags":{},"tags":{}})");
}

void TestJobCodec::emptyContainersRoundTrip()
{
    QFETCH(QString, shape);
    QFETCH(QByteArray, json);
    const QJsonObject document = parseObject(json);
    const Decoded decoded = decodeAs(shape, document);
    QVERIFY2(decoded.encoded, qPrintable(decoded.error ? decoded.error->toString() : QString()));
    QCOMPARE(*decoded.encoded, document);
}

void TestJobCodec::wrongType_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("errorPath");
    QTest::addColumn<QString>("message");

    QString shape;
    const auto row
        = [&shape](const char *name, const QString &path, const QJsonValue &value, const QString &message) {
              QTest::newRow(name) << shape << path << value << path << message;
          };
    const QString string = u"expected a string, got "_s;

    shape = u"Job"_s;
    row("jobID is a number", u"jobID"_s, 5, string + u"a number");
    row("arn is a boolean", u"arn"_s, true, string + u"a boolean");
    row("type is a number", u"type"_s, 1, string + u"a number");
    row("initiatedBy is an object", u"initiatedBy"_s, QJsonObject {}, string + u"an object");
    row("creationDateTime is a number", u"creationDateTime"_s, 1793534400123.0,
        u"expected an ISO-8601 datetime string, got a number"_s);
    row("endDateTime is an array", u"endDateTime"_s, QJsonArray { u"2026-11-01T12:45:10Z"_s },
        u"expected an ISO-8601 datetime string, got an array"_s);
    row("status is a boolean", u"status"_s, false, string + u"a boolean");
    row("participatingServers is an object", u"participatingServers"_s, QJsonObject {},
        u"expected an array, got an object"_s);
    row("participatingServers is a string", u"participatingServers"_s, u"s-00000000000000002"_s,
        u"expected an array, got a string"_s);
    row("a participating server is a string", u"participatingServers[1]"_s, u"s-00000000000000002"_s,
        u"expected an object, got a string"_s);
    row("a participating server is null", u"participatingServers[0]"_s, QJsonValue::Null,
        u"expected an object, got null"_s);
    row("sourceServerID is a number", u"participatingServers[1].sourceServerID"_s, 2, string + u"a number");
    row("launchStatus is a number", u"participatingServers[1].launchStatus"_s, 4, string + u"a number");
    row("launchedEc2InstanceID is a number", u"participatingServers[1].launchedEc2InstanceID"_s, 12345,
        string + u"a number");
    row("launchedEc2InstanceID is an array", u"participatingServers[0].launchedEc2InstanceID"_s,
        QJsonArray { u"i-0a1b2c3d4e5f60718"_s }, string + u"an array");
    row("postLaunchActionsStatus is an array", u"participatingServers[0].postLaunchActionsStatus"_s,
        QJsonArray {}, u"expected an object, got an array"_s);
    row("postLaunchActionsStatus is a string", u"participatingServers[1].postLaunchActionsStatus"_s,
        u"none"_s, u"expected an object, got a string"_s);

    const QString actions = u"participatingServers[0].postLaunchActionsStatus"_s;
    row("ssmAgentDiscoveryDatetime is a number", actions + u".ssmAgentDiscoveryDatetime", 0,
        u"expected an ISO-8601 datetime string, got a number"_s);
    row("launch status list is an object", actions + u".postLaunchActionsLaunchStatusList", QJsonObject {},
        u"expected an array, got an object"_s);
    row("a launch status is a number", actions + u".postLaunchActionsLaunchStatusList[1]", 1,
        u"expected an object, got a number"_s);
    const QString first = actions + u".postLaunchActionsLaunchStatusList[0]";
    const QString second = actions + u".postLaunchActionsLaunchStatusList[1]";
    row("ssmDocument is a string", first + u".ssmDocument", u"AWS-RunShellScript"_s,
        u"expected an object, got a string"_s);
    row("actionName is a number", first + u".ssmDocument.actionName", 1, string + u"a number");
    row("ssmDocumentName is an object", second + u".ssmDocument.ssmDocumentName", QJsonObject {},
        string + u"an object");
    row("timeoutSeconds is a string", first + u".ssmDocument.timeoutSeconds", u"600"_s,
        u"expected an integer, got a string"_s);
    row("timeoutSeconds is zero", second + u".ssmDocument.timeoutSeconds", 0,
        u"expected an integer >= 1, got 0"_s);
    row("timeoutSeconds is fractional", first + u".ssmDocument.timeoutSeconds", 1.5,
        u"expected an integer, got 1.5"_s);
    row("mustSucceedForCutover is a string", first + u".ssmDocument.mustSucceedForCutover", u"true"_s,
        u"expected a boolean, got a string"_s);
    row("mustSucceedForCutover is a number", second + u".ssmDocument.mustSucceedForCutover", 0,
        u"expected a boolean, got a number"_s);
    row("parameters is an array", first + u".ssmDocument.parameters", QJsonArray {},
        u"expected an object, got an array"_s);
    row("a parameter list is an object", first + u".ssmDocument.parameters.action", QJsonObject {},
        u"expected an array, got an object"_s);
    row("a parameter is a string", first + u".ssmDocument.parameters.action[1]", u"/mgn/cloudwatch/token"_s,
        u"expected an object, got a string"_s);
    row("parameterType is a number", first + u".ssmDocument.parameters.action[1].parameterType", 1,
        string + u"a number");
    row("parameterName is a boolean", first + u".ssmDocument.parameters.name[0].parameterName", true,
        string + u"a boolean");
    row("externalParameters is a string", first + u".ssmDocument.externalParameters", u"x"_s,
        u"expected an object, got a string"_s);
    row("an external parameter is an array", first + u".ssmDocument.externalParameters.InstanceId",
        QJsonArray {}, u"expected an object, got an array"_s);
    row("an external parameter is a string", first + u".ssmDocument.externalParameters.SourceServer",
        u"sourceServer.sourceServerID"_s, u"expected an object, got a string"_s);
    row("dynamicPath is a number", first + u".ssmDocument.externalParameters.SourceServer.dynamicPath", 1,
        string + u"a number");
    row("ssmDocumentType is a number", first + u".ssmDocumentType", 1, string + u"a number");
    row("executionID is a number", second + u".executionID", 7, string + u"a number");
    row("executionStatus is an array", second + u".executionStatus", QJsonArray { u"FAILED"_s },
        string + u"an array");
    row("failureReason is an object", second + u".failureReason", QJsonObject {}, string + u"an object");
    row("tags is an array", u"tags"_s, QJsonArray {}, u"expected an object, got an array"_s);
    row("a tag value is a number", u"tags.owner"_s, 1, string + u"a number");
    row("a tag value is null", u"tags.project"_s, QJsonValue::Null, string + u"null");
    // A key that is not an identifier is quoted in the path.
    QTest::newRow("job tag with a space") << shape << u"tags.cost center"_s << QJsonValue(4711)
                                          << u"tags[\"cost center\"]"_s << QString(string + u"a number");

    shape = u"JobLog"_s;
    row("logDateTime is a number", u"logDateTime"_s, 1793534462345.0,
        u"expected an ISO-8601 datetime string, got a number"_s);
    row("event is a number", u"event"_s, 12, string + u"a number");
    row("eventData is an array", u"eventData"_s, QJsonArray {}, u"expected an object, got an array"_s);
    row("eventData is a string", u"eventData"_s, u"s-1234567890abcdef0"_s,
        u"expected an object, got a string"_s);
    row("event sourceServerID is a number", u"eventData.sourceServerID"_s, 1, string + u"a number");
    row("conversionServerID is a boolean", u"eventData.conversionServerID"_s, false, string + u"a boolean");
    row("targetInstanceID is an object", u"eventData.targetInstanceID"_s, QJsonObject {},
        string + u"an object");
    row("rawError is an array", u"eventData.rawError"_s, QJsonArray { u"x"_s }, string + u"an array");
    row("attemptCount is a string", u"eventData.attemptCount"_s, u"2"_s,
        u"expected an integer, got a string"_s);
    row("attemptCount is zero", u"eventData.attemptCount"_s, 0, u"expected an integer >= 1, got 0"_s);
    row("maxAttemptsCount is negative", u"eventData.maxAttemptsCount"_s, -5,
        u"expected an integer >= 1, got -5"_s);
    row("maxAttemptsCount is fractional", u"eventData.maxAttemptsCount"_s, 2.5,
        u"expected an integer, got 2.5"_s);

    shape = u"VcenterClient"_s;
    row("vcenterClientID is a number", u"vcenterClientID"_s, 1, string + u"a number");
    row("vCenter arn is a boolean", u"arn"_s, true, string + u"a boolean");
    row("hostname is an array", u"hostname"_s, QJsonArray { u"vcenter-01"_s }, string + u"an array");
    row("vcenterUUID is an object", u"vcenterUUID"_s, QJsonObject {}, string + u"an object");
    row("datacenterName is a number", u"datacenterName"_s, 2, string + u"a number");
    row("lastSeenDatetime is a number", u"lastSeenDatetime"_s, 1793545080250.0,
        u"expected an ISO-8601 datetime string, got a number"_s);
    row("sourceServerTags is an array", u"sourceServerTags"_s, QJsonArray {},
        u"expected an object, got an array"_s);
    row("a source server tag is a boolean", u"sourceServerTags.team"_s, false, string + u"a boolean");
    row("vCenter tags is a string", u"tags"_s, u"Name=vcenter-01"_s, u"expected an object, got a string"_s);
    row("a vCenter tag is an object", u"tags.Name"_s, QJsonObject {}, string + u"an object");
    QTest::newRow("source server tag with a dash")
        << shape << u"sourceServerTags.migration-wave"_s << QJsonValue(3)
        << u"sourceServerTags[\"migration-wave\"]"_s << QString(string + u"a number");
}

void TestJobCodec::wrongType()
{
    QFETCH(QString, shape);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, errorPath);
    QFETCH(QString, message);
    const Decoded decoded = decodeAs(shape, withValueAt(m_fixtures.value(shape), path, value));
    QVERIFY(decoded.consistent);
    QVERIFY(!decoded.encoded);
    QVERIFY(decoded.error);
    QCOMPARE(decoded.error->path, errorPath);
    QCOMPARE(decoded.error->message, message);
}

void TestJobCodec::errorPathCarriesThePrefix_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error");

    QTest::newRow("Job")
        << u"Job"_s
        << u"participatingServers[0].postLaunchActionsStatus.postLaunchActionsLaunchStatusList[0]"
           u".ssmDocument.timeoutSeconds"_s
        << QJsonValue(u"600"_s)
        << u"items[3].participatingServers[0].postLaunchActionsStatus.postLaunchActionsLaunchStatusList[0]"
           u".ssmDocument.timeoutSeconds: expected an integer, got a string"_s;
    QTest::newRow("JobLog") << u"JobLog"_s << u"eventData.attemptCount"_s << QJsonValue(0)
                            << u"items[3].eventData.attemptCount: expected an integer >= 1, got 0"_s;
    QTest::newRow("VcenterClient")
        << u"VcenterClient"_s << u"sourceServerTags.migration-wave"_s << QJsonValue(3)
        << u"items[3].sourceServerTags[\"migration-wave\"]: expected a string, got a number"_s;
}

void TestJobCodec::errorPathCarriesThePrefix()
{
    QFETCH(QString, shape);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    const JsonPath root;
    const JsonPath items = root.member(u"items");
    const JsonPath item = items.element(3);
    const Decoded decoded = decodeAs(shape, withValueAt(m_fixtures.value(shape), path, value), item);
    QVERIFY(decoded.error);
    QCOMPARE(decoded.error->toString(), error);
}

void TestJobCodec::firstErrorWins()
{
    // Only the first error of an item is reported, in document order.
    QJsonObject twoBad
        = withValueAt(m_fixtures.value(u"Job"_s), u"participatingServers[0].launchStatus"_s, 1);
    twoBad = withoutValueAt(twoBad, u"participatingServers[1].sourceServerID"_s);
    const DecodeResult<Job> job = JobCodec::decode(twoBad);
    QVERIFY(job.error);
    QCOMPARE(*job.error,
        (JsonError { u"participatingServers[0].launchStatus"_s, u"expected a string, got a number"_s }));

    const QJsonObject server = withValueAt(m_fixtures.value(u"Job"_s),
        u"participatingServers[0].postLaunchActionsStatus.postLaunchActionsLaunchStatusList[1].ssmDocument.timeoutSeconds"_s,
        0);
    const DecodeResult<Job> later = JobCodec::decode(withValueAt(server, u"tags.owner"_s, false));
    QVERIFY(later.error);
    QCOMPARE(later.error->path,
        u"participatingServers[0].postLaunchActionsStatus.postLaunchActionsLaunchStatusList[1].ssmDocument.timeoutSeconds"_s);

    QJsonObject log = withValueAt(m_fixtures.value(u"JobLog"_s), u"eventData.attemptCount"_s, u"2"_s);
    log = withValueAt(log, u"eventData.maxAttemptsCount"_s, 0);
    const DecodeResult<JobLog> logResult = JobLogCodec::decode(log);
    QVERIFY(logResult.error);
    QCOMPARE(*logResult.error,
        (JsonError { u"eventData.attemptCount"_s, u"expected an integer, got a string"_s }));
}

void TestJobCodec::strictlyPositiveIntegers_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<std::optional<qint64>>("expected");
    QTest::addColumn<QString>("message");

    // The model's StrictlyPositiveInteger, at each of its places.
    const QList<std::pair<QString, QString>> places = {
        { u"Job"_s,
            u"participatingServers[0].postLaunchActionsStatus.postLaunchActionsLaunchStatusList[0].ssmDocument.timeoutSeconds"_s },
        { u"JobLog"_s, u"eventData.attemptCount"_s },
        { u"JobLog"_s, u"eventData.maxAttemptsCount"_s },
    };
    for (const auto &[shape, path] : places) {
        QCOMPARE(shapeAt(shape, path, m_shapes), u"StrictlyPositiveInteger"_s);
        const QString name = path.section(u'.', -1);
        const auto row
            = [&, &shapeName = shape, &memberPath = path](const char *what, const QJsonValue &value,
                  std::optional<qint64> expected, const QString &message) {
                  QTest::newRow(qPrintable(name + u": " + QString::fromLatin1(what)))
                      << shapeName << memberPath << value << expected << message;
              };
        row("one", 1, 1, QString());
        row("beyond double precision", QJsonValue(Q_INT64_C(9007199254740993)), Q_INT64_C(9007199254740993),
            QString());
        row("qint64 max", QJsonValue(std::numeric_limits<qint64>::max()), std::numeric_limits<qint64>::max(),
            QString());
        row("integral double", 2.0, 2, QString());
        row("zero", 0, std::nullopt, u"expected an integer >= 1, got 0"_s);
        row("negative", -3, std::nullopt, u"expected an integer >= 1, got -3"_s);
        row("fraction", 1.5, std::nullopt, u"expected an integer, got 1.5"_s);
        row("small fraction", 0.25, std::nullopt, u"expected an integer, got 0.25"_s);
        row("too large", 1e20, std::nullopt, u"expected an integer, got 1e+20"_s);
        row("text", u"5"_s, std::nullopt, u"expected an integer, got a string"_s);
        row("boolean", true, std::nullopt, u"expected an integer, got a boolean"_s);
    }
}

void TestJobCodec::strictlyPositiveIntegers()
{
    QFETCH(QString, shape);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(std::optional<qint64>, expected);
    QFETCH(QString, message);
    const Decoded decoded = decodeAs(shape, withValueAt(m_fixtures.value(shape), path, value));
    QVERIFY(decoded.consistent);
    if (expected) {
        QVERIFY2(decoded.encoded, qPrintable(decoded.error ? decoded.error->toString() : QString()));
        // Encoded back exactly, as an integer.
        const QJsonValue encoded = valueAt(*decoded.encoded, path);
        QVERIFY(encoded.isDouble());
        QCOMPARE(encoded.toInteger(), *expected);
        QCOMPARE(QJsonDocument(QJsonArray { encoded }).toJson(QJsonDocument::Compact),
            QByteArray('[' + QByteArray::number(*expected) + ']'));
    } else {
        QVERIFY(!decoded.encoded);
        QVERIFY(decoded.error);
        QCOMPARE(decoded.error->path, path);
        QCOMPARE(decoded.error->message, message);
    }
}

void TestJobCodec::unknownEnumValues_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("raw");

    // A value the service might add one day, for every enumeration of the
    // three shapes, found through the model (a new enumeration there shows
    // up here).
    const QString launchStatus0
        = u"participatingServers[0].postLaunchActionsStatus.postLaunchActionsLaunchStatusList[0]"_s;
    const QHash<QString, QString> raws = {
        { u"Job:type"_s, u"RELAUNCH"_s },
        { u"Job:initiatedBy"_s, u"START_DRILL"_s },
        { u"Job:status"_s, u"QUEUED"_s },
        { u"Job:participatingServers[0].launchStatus"_s, u"ROLLED_BACK"_s },
        { u"Job:"_s + launchStatus0 + u".ssmDocumentType", u"LAMBDA"_s },
        { u"Job:"_s + launchStatus0 + u".executionStatus", u"CANCELLED"_s },
        { u"Job:"_s + launchStatus0 + u".ssmDocument.parameters.action[0].parameterType", u"STRING_LIST"_s },
        { u"JobLog:event"_s, u"LAUNCH_RETRY"_s },
    };
    QStringList keys;
    for (const QString &shape : shapeNames()) {
        const QStringList paths = pathsOfShapes(m_fixtures.value(shape), shape, m_shapes, isEnumShape);
        for (const QString &path : paths)
            keys.append(shape + u':' + path);
    }
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()), QSet<QString>(raws.keyBegin(), raws.keyEnd()));
    const QStringList probed = enumProbes().keys();
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()), QSet<QString>(probed.begin(), probed.end()));

    for (const QString &key : std::as_const(keys)) {
        const QString shape = key.section(u':', 0, 0);
        const QString path = key.section(u':', 1);
        QTest::newRow(qPrintable(key + u" = " + raws.value(key))) << shape << path << raws.value(key);
    }
    // Wire names are exact: another case is another value; even "" is kept.
    QTest::newRow("Job:status = completed") << u"Job"_s << u"status"_s << u"completed"_s;
    QTest::newRow("Job:status = \"\"") << u"Job"_s << u"status"_s << QString();
    QTest::newRow("JobLog:event = \" JOB_END\"") << u"JobLog"_s << u"event"_s << u" JOB_END"_s;
}

void TestJobCodec::unknownEnumValues()
{
    QFETCH(QString, shape);
    QFETCH(QString, path);
    QFETCH(QString, raw);
    const EnumProbe probeAt = enumProbes().value(shape + u':' + path);
    QVERIFY(probeAt);
    const QJsonObject edited = withValueAt(m_fixtures.value(shape), path, raw);

    // Kept verbatim, and sent back unchanged.
    const std::optional<EnumReading> reading = probeAt(edited);
    QVERIFY(reading);
    QCOMPARE(reading->present, true);
    QCOMPARE(reading->known, false);
    QCOMPARE(reading->unknownText, raw);
    QCOMPARE(reading->wire, raw);
    const Decoded decoded = decodeAs(shape, edited);
    QVERIFY(decoded.encoded);
    QCOMPARE(valueAt(*decoded.encoded, path), QJsonValue(raw));
    QCOMPARE(*decoded.encoded, normalised(edited, shape, m_shapes).toObject());

    // Every value of the model at the same place decodes as known, and is
    // encoded back as it came.
    const QString enumShape = shapeAt(shape, path, m_shapes);
    const QJsonArray values = m_shapes.value(enumShape).toObject().value(u"enum").toArray();
    QVERIFY2(!values.isEmpty(), qPrintable(enumShape));
    for (const QJsonValue &value : values) {
        const QJsonObject withKnown = withValueAt(m_fixtures.value(shape), path, value);
        const std::optional<EnumReading> known = probeAt(withKnown);
        QVERIFY(known);
        QVERIFY2(known->known, qPrintable(value.toString()));
        QCOMPARE(known->unknownText, QString());
        QCOMPARE(known->wire, value.toString());
        const Decoded knownDecoded = decodeAs(shape, withKnown);
        QVERIFY(knownDecoded.encoded);
        QCOMPARE(valueAt(*knownDecoded.encoded, path), value);
    }
}

void TestJobCodec::malformedDates_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    const auto row = [](const char *name, const QString &shape, const QString &path, const QString &text,
                         const QString &reason) {
        QTest::newRow(name) << shape << path << text
                            << QString(u"invalid ISO-8601 datetime \"" + text + u"\": " + reason);
    };
    const QString discovery = u"participatingServers[0].postLaunchActionsStatus.ssmAgentDiscoveryDatetime"_s;
    row("creation without offset", u"Job"_s, u"creationDateTime"_s, u"2026-11-01T12:00:00.123456"_s,
        u"missing the UTC offset: expected \"Z\" or \"+hh:mm\" after the time"_s);
    row("creation offset without colon", u"Job"_s, u"creationDateTime"_s, u"2026-11-01T12:00:00+0000"_s,
        u"expected the UTC offset as +hh:mm or -hh:mm, got \"+0000\""_s);
    row("creation as epoch milliseconds text", u"Job"_s, u"creationDateTime"_s, u"1793534400123"_s,
        u"expected a date as yyyy-MM-dd at the start"_s);
    row("end Feb 29 of a common year", u"Job"_s, u"endDateTime"_s, u"2026-02-29T10:00:00Z"_s,
        u"day 29 is out of range for 2026-02"_s);
    row("end month 00", u"Job"_s, u"endDateTime"_s, u"2026-00-10T10:00:00Z"_s,
        u"month 00 is out of range (01 to 12)"_s);
    row("end empty", u"Job"_s, u"endDateTime"_s, QString(), u"expected a date as yyyy-MM-dd at the start"_s);
    row("discovery lower-case t", u"Job"_s, discovery, u"2026-11-01t12:20:05Z"_s,
        u"expected \"T\" after the date, got \"t12:20:05Z\""_s);
    row("discovery date only", u"Job"_s, discovery, u"2026-11-01"_s,
        u"a date alone is not a point in time: expected THH:mm:ss and a UTC offset after it"_s);
    row("log second 60", u"JobLog"_s, u"logDateTime"_s, u"2026-11-01T12:01:60Z"_s,
        u"second 60 is out of range (00 to 59; leap seconds are not supported)"_s);
    row("log empty fraction", u"JobLog"_s, u"logDateTime"_s, u"2026-11-01T12:01:02.Z"_s,
        u"expected digits after the decimal point"_s);
    row("log minute 61", u"JobLog"_s, u"logDateTime"_s, u"2026-11-01T12:61:02Z"_s,
        u"minute 61 is out of range (00 to 59)"_s);
    row("log free text", u"JobLog"_s, u"logDateTime"_s, u"now"_s,
        u"expected a date as yyyy-MM-dd at the start"_s);
    row("last seen offset -24:00", u"VcenterClient"_s, u"lastSeenDatetime"_s,
        u"2026-11-01T11:58:00.250-24:00"_s, u"UTC offset -24:00 is out of range"_s);
    row("last seen zone name", u"VcenterClient"_s, u"lastSeenDatetime"_s, u"2026-11-01T11:58:00Z[UTC]"_s,
        u"unexpected text after the UTC offset: \"[UTC]\""_s);
    row("last seen with a space", u"VcenterClient"_s, u"lastSeenDatetime"_s, u"2026-11-01 11:58:00Z"_s,
        u"expected \"T\" after the date, got \" 11:58:00Z\""_s);
}

void TestJobCodec::malformedDates()
{
    QFETCH(QString, shape);
    QFETCH(QString, path);
    QFETCH(QString, text);
    QFETCH(QString, message);
    QCOMPARE(shapeAt(shape, path, m_shapes), u"ISO8601DatetimeString"_s);
    const Decoded decoded = decodeAs(shape, withValueAt(m_fixtures.value(shape), path, text));
    QVERIFY(decoded.consistent);
    QVERIFY(!decoded.encoded);
    QVERIFY(decoded.error);
    QCOMPARE(decoded.error->path, path);
    QCOMPARE(decoded.error->message, message);
}

// ---------------------------------------------------------------------------
// Pages

void TestJobCodec::jobPageKeepsTheGoodJobs()
{
    const JobPage page = JobCodec::decodePage(readTestData(u"codec/describe-jobs-mixed.json"_s));
    QVERIFY(!page.pageError);
    QCOMPARE(page.nextToken, u"eyJqb2JzIjogMn0="_s);

    Job pending;
    pending.jobID = u"mgnjob-00000000000000000"_s;
    pending.type = JobType::Launch;
    pending.initiatedBy = InitiatedBy::StartTest;
    pending.status = JobStatus::Pending;
    pending.creationDateTime = Q_INT64_C(1793534400000);
    Job terminate;
    terminate.jobID = u"mgnjob-00000000000000002"_s;
    terminate.type = JobType::Terminate;
    terminate.initiatedBy = InitiatedBy::Terminate;
    terminate.status = JobStatus::Completed;
    ParticipatingServer terminated;
    terminated.sourceServerID = u"s-00000000000000003"_s;
    terminated.launchStatus = LaunchStatus::Terminated;
    terminate.participatingServers = QList { terminated };
    terminate.tags = Tags { { u"wave"_s, u"3"_s } };
    Job queued;
    queued.jobID = u"mgnjob-00000000000000006"_s;
    queued.status = EnumValue<JobStatus>::fromWire(u"QUEUED");
    QCOMPARE(page.items, (QList<Job> { pending, terminate, queued }));
    QCOMPARE(page.items.at(2).status->unknownText(), u"QUEUED"_s);

    const QList<DecodeError> errors = {
        { 1, u"mgnjob-00000000000000001"_s, u"items[1].participatingServers[1].launchedEc2InstanceID"_s,
            u"expected a string, got a number"_s },
        { 3, QString(), u"items[3]"_s, u"expected an object, got a string"_s },
        { 4, QString(), u"items[4].jobID"_s, u"required member is missing"_s },
        { 5, u"mgnjob-00000000000000005"_s, u"items[5].creationDateTime"_s,
            u"invalid ISO-8601 datetime \"2026-11-31T00:00:00Z\": day 31 is out of range for 2026-11"_s },
        { 7, u"mgnjob-00000000000000007"_s,
            u"items[7].participatingServers[0].postLaunchActionsStatus.postLaunchActionsLaunchStatusList[0]"
            u".ssmDocument.timeoutSeconds"_s,
            u"expected an integer >= 1, got 0"_s },
    };
    QCOMPARE(page.errors, errors);
}

void TestJobCodec::jobLogPageKeepsTheGoodItems()
{
    const JobLogPage page
        = JobLogCodec::decodePage(readTestData(u"codec/describe-job-log-items-mixed.json"_s));
    QVERIFY(!page.pageError);
    QVERIFY(!page.nextToken); // null: the last page

    JobLog start;
    start.logDateTime = Q_INT64_C(1793534400000);
    start.event = JobLogEvent::JobStart;
    JobLog snapshot;
    snapshot.logDateTime = Q_INT64_C(1793534401500);
    snapshot.event = JobLogEvent::SnapshotStart;
    snapshot.eventData = JobLogEventData {};
    snapshot.eventData->sourceServerID = u"s-00000000000000001"_s;
    JobLog retry;
    retry.logDateTime = Q_INT64_C(1793527800000); // 12:10 at +02:00
    retry.event = EnumValue<JobLogEvent>::fromWire(u"LAUNCH_RETRY");
    retry.eventData = JobLogEventData {};
    retry.eventData->sourceServerID = u"s-00000000000000004"_s;
    retry.eventData->attemptCount = 2;
    retry.eventData->maxAttemptsCount = 3;
    QCOMPARE(page.items, (QList<JobLog> { start, snapshot, retry, JobLog {} }));

    // Log items have no ID: errors carry the index and the path alone, even
    // when the item names a source server.
    const QList<DecodeError> errors = {
        { 2, QString(), u"items[2].logDateTime"_s,
            u"invalid ISO-8601 datetime \"2026-11-01T12:05:00\": missing the UTC offset: expected \"Z\" or \"+hh:mm\" after the time"_s },
        { 3, QString(), u"items[3]"_s, u"expected an object, got null"_s },
        { 5, QString(), u"items[5].eventData.attemptCount"_s, u"expected an integer, got a string"_s },
    };
    QCOMPARE(page.errors, errors);
}

void TestJobCodec::vcenterClientPageKeepsTheGoodClients()
{
    const VcenterClientPage page
        = VcenterClientCodec::decodePage(readTestData(u"codec/describe-vcenter-clients-mixed.json"_s));
    QVERIFY(!page.pageError);
    QCOMPARE(page.nextToken, u"eyJ2Y2MiOiAyfQ=="_s);

    VcenterClient a;
    a.vcenterClientID = u"vcc-00000000000000000"_s;
    a.hostname = u"vcenter-a.corp.example.com"_s;
    a.lastSeenDatetime = Q_INT64_C(1793534400000);
    VcenterClient c;
    c.vcenterClientID = u"vcc-00000000000000002"_s;
    c.datacenterName = u"Berlin-DC1"_s;
    c.tags = Tags();
    QCOMPARE(page.items, (QList<VcenterClient> { a, c }));

    const QList<DecodeError> errors = {
        { 1, u"vcc-00000000000000001"_s, u"items[1].sourceServerTags[\"migration-wave\"]"_s,
            u"expected a string, got a number"_s },
        { 3, QString(), u"items[3].vcenterClientID"_s, u"expected a string, got a number"_s },
        { 4, QString(), u"items[4]"_s, u"expected an object, got an array"_s },
        { 5, u"vcc-00000000000000005"_s, u"items[5].lastSeenDatetime"_s,
            u"invalid ISO-8601 datetime \"2026-11-01 11:58:00Z\": expected \"T\" after the date, got \" 11:58:00Z\""_s },
    };
    QCOMPARE(page.errors, errors);
}

void TestJobCodec::oneBadItemAmongGoodOnes_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("message");

    QTest::newRow("job: an instance ID is a number")
        << u"Job"_s << u"participatingServers[1].launchedEc2InstanceID"_s << QJsonValue(7)
        << u"mgnjob-00000000000000001"_s << u"expected a string, got a number"_s;
    QTest::newRow("job: a timeout is text")
        << u"Job"_s
        << u"participatingServers[0].postLaunchActionsStatus.postLaunchActionsLaunchStatusList[0].ssmDocument.timeoutSeconds"_s
        << QJsonValue(u"600"_s) << u"mgnjob-00000000000000001"_s << u"expected an integer, got a string"_s;
    QTest::newRow("job: the ID is a number")
        << u"Job"_s << u"jobID"_s << QJsonValue(1) << QString() << u"expected a string, got a number"_s;
    QTest::newRow("log: maxAttemptsCount is zero")
        << u"JobLog"_s << u"eventData.maxAttemptsCount"_s << QJsonValue(0) << QString()
        << u"expected an integer >= 1, got 0"_s;
    QTest::newRow("log: a bad date")
        << u"JobLog"_s << u"logDateTime"_s << QJsonValue(u"2026-11-01T25:00:00Z"_s) << QString()
        << u"invalid ISO-8601 datetime \"2026-11-01T25:00:00Z\": hour 25 is out of range (00 to 23)"_s;
    QTest::newRow("vCenter: a tag is false")
        << u"VcenterClient"_s << u"tags.Name"_s << QJsonValue(false) << u"vcc-00000000000000001"_s
        << u"expected a string, got a boolean"_s;
}

void TestJobCodec::oneBadItemAmongGoodOnes()
{
    QFETCH(QString, shape);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, id);
    QFETCH(QString, message);

    // Three copies of the full fixture, each with an ID of its own; the
    // middle one broken.
    const QString idKey = idKeyOf(shape);
    const QString idPrefix = shape == u"Job" ? u"mgnjob-0000000000000000"_s : u"vcc-0000000000000000"_s;
    QJsonArray items;
    QJsonArray expectedItems;
    for (int i = 0; i < 3; ++i) {
        QJsonObject item = m_fixtures.value(shape);
        if (!idKey.isEmpty())
            item.insert(idKey, QString(idPrefix + QString::number(i)));
        if (i == 1) {
            item = withValueAt(item, path, value);
        } else {
            const Decoded good = decodeAs(shape, item);
            QVERIFY(good.encoded);
            expectedItems.append(*good.encoded);
        }
        items.append(item);
    }
    const QByteArray body
        = QJsonDocument(QJsonObject { { u"items"_s, items }, { u"nextToken"_s, u"n"_s } }).toJson();
    const PageOutcome page = decodePageAs(shape, body);
    QVERIFY(!page.pageError);
    QCOMPARE(page.nextToken, u"n"_s);
    QCOMPARE(page.items, expectedItems);
    QCOMPARE(page.errors, (QList<DecodeError> { { 1, id, u"items[1]." + path, message } }));
}

void TestJobCodec::pageFromObjectMatchesPageFromBytes_data()
{
    QTest::addColumn<QString>("shape");
    for (const QString &shape : shapeNames())
        QTest::newRow(qPrintable(shape)) << shape;
}

namespace {

template<typename Codec> void checkPageFromObject(const QByteArray &body)
{
    const auto fromBytes = Codec::decodePage(body);
    const auto fromObject = Codec::decodePage(QJsonDocument::fromJson(body).object());
    QVERIFY(!fromBytes.items.isEmpty());
    QVERIFY(!fromBytes.errors.isEmpty());
    QCOMPARE(fromObject.items, fromBytes.items);
    QCOMPARE(fromObject.errors, fromBytes.errors);
    QCOMPARE(fromObject.nextToken, fromBytes.nextToken);
    QVERIFY(!fromObject.pageError);
}

} // namespace

void TestJobCodec::pageFromObjectMatchesPageFromBytes()
{
    QFETCH(QString, shape);
    const QByteArray body = readTestData(mixedPageOf(shape));
    if (shape == u"Job")
        checkPageFromObject<JobCodec>(body);
    else if (shape == u"JobLog")
        checkPageFromObject<JobLogCodec>(body);
    else
        checkPageFromObject<VcenterClientCodec>(body);
}

void TestJobCodec::pageErrors_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("items");

    const QHash<QString, QByteArray> goodItems = {
        { u"Job"_s, R"({"jobID":"mgnjob-00000000000000001"})" },
        { u"JobLog"_s, R"({"event":"JOB_START"})" },
        { u"VcenterClient"_s, R"({"vcenterClientID":"vcc-00000000000000001"})" },
    };
    for (const QString &shape : shapeNames()) {
        const QByteArray item = goodItems.value(shape);
        const auto row = [&shape](const char *name, const QByteArray &body, const QString &path,
                             const QString &message, int items) {
            QTest::newRow(qPrintable(shape + u": " + QString::fromLatin1(name)))
                << shape << body << path << message << items;
        };
        const QString notJson = u"the response is not valid JSON: "_s;
        row("empty body", QByteArray(), QString(), notJson + u"illegal value at offset 0 of 0 bytes", 0);
        row("HTML", QByteArray("<html><body>502 Bad Gateway</body></html>"), QString(),
            notJson + u"illegal value at offset 1 of 41 bytes", 0);
        const QByteArray truncated = R"({"items":[)" + item + ',' + item.left(8);
        row("truncated", truncated, QString(),
            notJson + u"unterminated string at offset %1 of %1 bytes"_s.arg(truncated.size()), 0);
        const QByteArray unclosed = R"({"items":[)" + item;
        row("unclosed array", unclosed, QString(),
            notJson + u"unterminated array at offset %1 of %1 bytes"_s.arg(unclosed.size()), 0);
        row("top-level array", '[' + item + ']', QString(),
            u"expected a JSON object at the top level, got an array"_s, 0);
        row("items is an object", R"({"items":)" + item + '}', u"items"_s,
            u"expected an array, got an object"_s, 0);
        row("items is a string", R"({"items":"x"})", u"items"_s, u"expected an array, got a string"_s, 0);
        row("items is a number", R"({"items":3})", u"items"_s, u"expected an array, got a number"_s, 0);
        row("items is true", R"({"items":true})", u"items"_s, u"expected an array, got a boolean"_s, 0);
        // The items are read all the same; paging cannot go on.
        row("nextToken is a number", R"({"items":[)" + item + R"(],"nextToken":2})", u"nextToken"_s,
            u"expected a string, got a number"_s, 1);
        row("nextToken is an object", R"({"items":[)" + item + ',' + item + R"(],"nextToken":{"page":2}})",
            u"nextToken"_s, u"expected a string, got an object"_s, 2);
    }
}

void TestJobCodec::pageErrors()
{
    QFETCH(QString, shape);
    QFETCH(QByteArray, body);
    QFETCH(QString, path);
    QFETCH(QString, message);
    QFETCH(int, items);
    const PageOutcome page = decodePageAs(shape, body);
    QVERIFY(page.pageError);
    QCOMPARE(page.pageError->path, path);
    QCOMPARE(page.pageError->message, message);
    QCOMPARE(page.items.size(), items);
    QVERIFY(page.errors.isEmpty());
    QVERIFY(!page.nextToken);
}

void TestJobCodec::truncatedBodiesNeverCrash_data()
{
    QTest::addColumn<QString>("shape");
    for (const QString &shape : shapeNames())
        QTest::newRow(qPrintable(shape)) << shape;
}

void TestJobCodec::truncatedBodiesNeverCrash()
{
    QFETCH(QString, shape);
    const QByteArray body = readTestData(mixedPageOf(shape)).trimmed();
    QVERIFY(!decodePageAs(shape, body).pageError);
    for (qsizetype length = 0; length < body.size(); ++length) {
        const PageOutcome page = decodePageAs(shape, body.left(length));
        if (!page.pageError)
            QFAIL(qPrintable(u"no page error for a body cut at "_s + QString::number(length)));
        QVERIFY(page.items.isEmpty());
        QVERIFY(page.errors.isEmpty());
        QVERIFY(!page.nextToken);
    }
}

void TestJobCodec::pageWithoutItems_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<std::optional<QString>>("nextToken");

    for (const QString &shape : shapeNames()) {
        const auto row = [&shape](
                             const char *name, const QByteArray &body, const std::optional<QString> &token) {
            QTest::newRow(qPrintable(shape + u": " + QString::fromLatin1(name))) << shape << body << token;
        };
        row("empty object", "{}", std::nullopt);
        row("nulls", R"({"items":null,"nextToken":null})", std::nullopt);
        row("empty items", R"({"items":[]})", std::nullopt);
        row("empty items and a token", R"({"items":[],"nextToken":"t"})", u"t"_s);
        row("empty token", R"({"items":[],"nextToken":""})", QString());
    }
}

void TestJobCodec::pageWithoutItems()
{
    QFETCH(QString, shape);
    QFETCH(QByteArray, body);
    QFETCH(std::optional<QString>, nextToken);
    const PageOutcome page = decodePageAs(shape, body);
    QVERIFY(!page.pageError);
    QVERIFY(page.items.isEmpty());
    QVERIFY(page.errors.isEmpty());
    QCOMPARE(page.nextToken.has_value(), nextToken.has_value());
    if (nextToken)
        QCOMPARE(*page.nextToken, *nextToken);
}

namespace {

// A page of one small item and the full fixture's item survives a round
// trip; the envelope is exactly as given.
template<typename Codec, typename T>
void checkEncodePage(const T &small, const QByteArray &smallJson, const QJsonObject &fixture)
{
    QCOMPARE(QJsonDocument(Codec::encodePage({ small }, u"next"_s)).toJson(QJsonDocument::Compact),
        QByteArray(R"({"items":[)" + smallJson + R"(],"nextToken":"next"})"));
    QCOMPARE(QJsonDocument(Codec::encodePage({}, std::nullopt)).toJson(QJsonDocument::Compact),
        QByteArray(R"({"items":[]})"));

    const auto full = Codec::decode(fixture);
    QVERIFY(full.ok());
    const QList<T> items = { small, *full.value };
    const auto page
        = Codec::decodePage(QJsonDocument(Codec::encodePage(items, u"t"_s)).toJson(QJsonDocument::Compact));
    QVERIFY(!page.pageError);
    QVERIFY(page.errors.isEmpty());
    QCOMPARE(page.items, items);
    QCOMPARE(page.nextToken, u"t"_s);
}

} // namespace

void TestJobCodec::encodePage()
{
    Job job;
    job.jobID = u"mgnjob-00000000000000001"_s;
    job.status = JobStatus::Pending;
    checkEncodePage<JobCodec>(
        job, R"({"jobID":"mgnjob-00000000000000001","status":"PENDING"})", m_fixtures.value(u"Job"_s));
    if (QTest::currentTestFailed())
        return;

    JobLog log;
    log.event = JobLogEvent::JobEnd;
    checkEncodePage<JobLogCodec>(log, R"({"event":"JOB_END"})", m_fixtures.value(u"JobLog"_s));
    if (QTest::currentTestFailed())
        return;

    VcenterClient client;
    client.vcenterClientID = u"vcc-00000000000000001"_s;
    client.hostname = u"h"_s;
    checkEncodePage<VcenterClientCodec>(client,
        R"({"hostname":"h","vcenterClientID":"vcc-00000000000000001"})",
        m_fixtures.value(u"VcenterClient"_s));
}

QTEST_GUILESS_MAIN(TestJobCodec)
#include "tst_jobcodec.moc"
