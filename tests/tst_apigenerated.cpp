#include "models/api/ApiModel.h"
#include "models/api/ShapeSample.h"
#include "models/api/generated/DescribeSourceServersResponse.h"
#include "models/api/generated/GeneratedShapes.h"
#include "models/api/generated/OperationUnion.h"
#include "models/api/generated/SsmDocument.h"
#include "tests/support/PeerTool.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace mgn;
using namespace Qt::Literals::StringLiterals;

// The generated API types (tools/gen_api.py) against the model they come from:
// every structure is there with its members in order, the committed files are
// what the generator makes of the model, model-valid documents survive a
// decode and an encode unchanged, and decoding errors name the member at fault.
class TestApiGenerated : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyStructureIsGenerated_data();
    void everyStructureIsGenerated();
    void noExtraShapes();
    void generatorCheckPasses();
    void roundTrip_data();
    void roundTrip();
    void decodeErrorNamesThePath_data();
    void decodeErrorNamesThePath();
    void unknownMembersAndValuesAreKept();
    void nullIsAbsent();
    void encoderWritesOnlySetMembers();
    void unionHasOneMember();

private:
    const api::GeneratedShape *generated(const QString &name) const;

    QList<api::GeneratedShape> m_shapes;
};

namespace {

QString jsonText(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact));
}

QJsonValue parse(const QByteArray &text)
{
    QJsonParseError error;
    // Wrapped, so that a document may be any value.
    const QJsonDocument document = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test document does not parse: %s", text.constData());
    return document.array().at(0);
}

// The structure shapes of ApiModel::mgn(). ApiModel finds shapes by name but
// does not list them, so the names come from the model's file, which must be
// the embedded model (same number of shapes, each found in ApiModel).
QStringList structureNames()
{
    QFile file(QStringLiteral(MGN_API_MODEL_DIR "/service-2.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the API model");
    const QJsonObject shapes = QJsonDocument::fromJson(file.readAll()).object().value(u"shapes").toObject();
    if (shapes.size() != api::ApiModel::mgn().shapeCount())
        qFatal("the model's file is not the embedded model");
    QStringList names;
    for (auto it = shapes.begin(); it != shapes.end(); ++it) {
        const api::Shape *shape = api::ApiModel::mgn().shape(it.key());
        if (!shape)
            qFatal("the model's file is not the embedded model");
        if (shape->type == api::ShapeType::Structure)
            names << it.key();
    }
    return names;
}

} // namespace

void TestApiGenerated::initTestCase()
{
    m_shapes = api::generatedShapes();
    QVERIFY(!m_shapes.isEmpty());
}

const api::GeneratedShape *TestApiGenerated::generated(const QString &name) const
{
    for (const auto &shape : m_shapes) {
        if (shape.name == name)
            return &shape;
    }
    return nullptr;
}

void TestApiGenerated::everyStructureIsGenerated_data()
{
    QTest::addColumn<QString>("shape");
    const QStringList names = structureNames();
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestApiGenerated::everyStructureIsGenerated()
{
    QFETCH(QString, shape);
    const api::Shape *modelShape = api::ApiModel::mgn().shape(shape);
    QVERIFY(modelShape);
    QCOMPARE(modelShape->type, api::ShapeType::Structure);
    const api::GeneratedShape *type = generated(shape);
    QVERIFY2(type, qPrintable(shape + u" is not generated: run tools/gen_api.py"_s));
    QStringList modelMembers;
    for (const auto &member : modelShape->members)
        modelMembers << member.name;
    QStringList generatedMembers;
    for (const auto &name : type->memberNames)
        generatedMembers << QString(name);
    QCOMPARE(generatedMembers, modelMembers);
}

void TestApiGenerated::noExtraShapes()
{
    const QStringList names = structureNames();
    QCOMPARE(m_shapes.size(), names.size());
    for (const auto &shape : std::as_const(m_shapes)) {
        const api::Shape *modelShape = api::ApiModel::mgn().shape(QString(shape.name));
        QVERIFY2(modelShape && modelShape->type == api::ShapeType::Structure, shape.name.data());
    }
}

void TestApiGenerated::generatorCheckPasses()
{
    const QString python = testsupport::findPython3();
    if (python.isEmpty())
        MGN_PEER_TOOL_MISSING("python3 runs tools/gen_api.py --check (apt install python3)");
    const QString clangFormat = qEnvironmentVariable("CLANG_FORMAT", u"clang-format-14"_s);
    if (QStandardPaths::findExecutable(clangFormat).isEmpty() && !QFileInfo(clangFormat).isExecutable())
        MGN_PEER_TOOL_MISSING("clang-format-14 formats what tools/gen_api.py --check compares "
                              "(apt install clang-format-14)");
    QProcess process;
    process.start(python, { QStringLiteral(MGN_SOURCE_DIR "/tools/gen_api.py"), u"--check"_s });
    QVERIFY(process.waitForFinished(120000));
    const QString output
        = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, qPrintable(output));
}

void TestApiGenerated::roundTrip_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<int>("seed");
    const QStringList names = structureNames();
    for (const QString &name : names) {
        for (int seed = 0; seed <= 2; ++seed)
            QTest::addRow("%s/%d", qPrintable(name), seed) << name << seed;
    }
}

void TestApiGenerated::roundTrip()
{
    QFETCH(QString, shape);
    QFETCH(int, seed);
    const api::Shape *modelShape = api::ApiModel::mgn().shape(shape);
    QVERIFY(modelShape);
    const api::GeneratedShape *type = generated(shape);
    QVERIFY(type);
    const QJsonValue document = api::ShapeSample::of(*modelShape, seed);
    QVERIFY(document.isObject());
    QString error;
    const QJsonValue back = type->roundTrip(document, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + u" in "_s + jsonText(document)));
    QVERIFY2(back == document, qPrintable(jsonText(document) + u"\nbecame\n"_s + jsonText(back)));
}

void TestApiGenerated::decodeErrorNamesThePath_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("error");

    QTest::newRow("wrong type deep in a list")
        << u"DescribeSourceServersResponse"_s << QByteArray(R"({"items": [{}, {"sourceServerID": "s-1"}, {},
                                                    {"dataReplicationInfo": {"lagDuration": 5}}]})")
        << u"items[3].dataReplicationInfo.lagDuration: "
           "expected a string, got a number"_s;
    QTest::newRow("deeper: an element of a nested list")
        << u"DescribeSourceServersResponse"_s
        << QByteArray(
               R"({"items": [{"dataReplicationInfo": {"replicatedDisks": [{"deviceName": "a"}, {"backloggedStorageBytes": "9"}]}}]})")
        << u"items[0].dataReplicationInfo.replicatedDisks[1].backloggedStorageBytes: "
           "expected an integer, got a string"_s;
    QTest::newRow("missing required member")
        << u"DescribeJobsResponse"_s << QByteArray(R"({"items": [{"jobID": "j-1"}, {"type": "LAUNCH"}]})")
        << u"items[1].jobID: required member is missing"_s;
    QTest::newRow("null required member")
        << u"Job"_s << QByteArray(R"({"jobID": null})") << u"jobID: required member is missing"_s;
    QTest::newRow("required member of the wrong type")
        << u"Job"_s << QByteArray(R"({"jobID": ["j-1"]})") << u"jobID: expected a string, got an array"_s;
    QTest::newRow("not an object") << u"SourceServer"_s << QByteArray(R"([{"sourceServerID": "s-1"}])")
                                   << u"expected an object, got an array"_s;
    QTest::newRow("string, not an object")
        << u"SourceServer"_s << QByteArray(R"("s-1")") << u"expected an object, got a string"_s;
    QTest::newRow("list element not an object")
        << u"DescribeSourceServersResponse"_s << QByteArray(R"({"items": [{}, "s-1"]})")
        << u"items[1]: expected an object, got a string"_s;
    QTest::newRow("list not an array")
        << u"DescribeSourceServersResponse"_s << QByteArray(R"({"items": {"sourceServerID": "s-1"}})")
        << u"items: expected an array, got an object"_s;
    QTest::newRow("map value") << u"SourceServer"_s << QByteArray(R"({"tags": {"Name": "web", "env": 1}})")
                               << u"tags.env: expected a string, got a number"_s;
    QTest::newRow("map key that is not an identifier")
        << u"SourceServer"_s << QByteArray(R"({"tags": {"a b": true}})")
        << uR"(tags["a b"]: expected a string, got a boolean)"_s;
    QTest::newRow("enumeration not a string") << u"SourceServer"_s << QByteArray(R"({"replicationType": 1})")
                                              << u"replicationType: expected a string, got a number"_s;
    QTest::newRow("boolean") << u"SourceServer"_s << QByteArray(R"({"isArchived": "false"})")
                             << u"isArchived: expected a boolean, got a string"_s;
    QTest::newRow("integer not whole")
        << u"SsmDocument"_s << QByteArray(R"({"actionName": "a", "ssmDocumentName": "d",
                                              "timeoutSeconds": 1.5})")
        << u"timeoutSeconds: expected an integer, got 1.5"_s;
    QTest::newRow("integer beyond 32 bits")
        << u"SsmDocument"_s
        << QByteArray(R"({"actionName": "a", "ssmDocumentName": "d", "timeoutSeconds": 4294967296})")
        << u"timeoutSeconds: expected a 32-bit integer, got 4294967296"_s;
    QTest::newRow("map of lists of objects")
        << u"SsmDocument"_s << QByteArray(R"({"actionName": "a", "ssmDocumentName": "d",
               "parameters": {"p": [{"parameterType": "STRING", "parameterName": "n"}, {"parameterType": "STRING"}]}})")
        << u"parameters.p[1].parameterName: required member is missing"_s;
    QTest::newRow("timestamp: epoch seconds, not a string")
        << u"ImportFileEnrichment"_s << QByteArray(R"({"createdAt": "2026-12-03T19:00:00Z"})")
        << u"createdAt: expected a number, got a string"_s;
    QTest::newRow("union with two members")
        << u"OperationUnion"_s << QByteArray(R"({"merge": {}, "split": {}})")
        << u"expected exactly one member of the union, got 2"_s;
    QTest::newRow("union with none") << u"OperationUnion"_s << QByteArray(R"({})")
                                     << u"expected exactly one member of the union, got none"_s;
    QTest::newRow("the first error wins") << u"Job"_s << QByteArray(R"({"jobID": "j", "arn": 1, "type": 2})")
                                          << u"arn: expected a string, got a number"_s;
}

void TestApiGenerated::decodeErrorNamesThePath()
{
    QFETCH(QString, shape);
    QFETCH(QByteArray, document);
    QFETCH(QString, error);
    const api::GeneratedShape *type = generated(shape);
    QVERIFY(type);
    QString actual;
    const QJsonValue back = type->roundTrip(parse(document), &actual);
    QVERIFY(back.isUndefined());
    QCOMPARE(actual, error);
}

void TestApiGenerated::unknownMembersAndValuesAreKept()
{
    const auto decoded = api::DescribeSourceServersResponse::fromJson(parse(R"({"items": [{
        "sourceServerID": "s-1", "replicationType": "QUANTUM", "addedByTheServiceLater": {"x": [1]},
        "lifeCycle": {"state": "READY_FOR_TEST"}}], "nextToken": "t", "newTopLevel": 3})"));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error.value_or(JsonError()).toString()));
    const api::DescribeSourceServersResponse &page = *decoded.value;
    QCOMPARE(page.items->size(), 1);
    const api::SourceServer &server = page.items->first();
    QCOMPARE(server.sourceServerID, std::optional<QString>(u"s-1"_s));
    QVERIFY(!server.replicationType->isKnown());
    QCOMPARE(server.replicationType->toWire(), u"QUANTUM"_s);
    QCOMPARE(server.lifeCycle->state->value(), LifeCycleState::ReadyForTest);
    // The unknown members are dropped; the unknown enum value goes back as it came.
    QCOMPARE(jsonText(page.toJson()),
        uR"({"items":[{"lifeCycle":{"state":"READY_FOR_TEST"},"replicationType":"QUANTUM","sourceServerID":"s-1"}],"nextToken":"t"})"_s);
}

void TestApiGenerated::nullIsAbsent()
{
    const auto decoded = api::SourceServer::fromJson(parse(R"({"sourceServerID": "s-1", "arn": null})"));
    QVERIFY(decoded.ok());
    QVERIFY(!decoded.value->arn);
    QCOMPARE(jsonText(decoded.value->toJson()), uR"({"sourceServerID":"s-1"})"_s);
}

void TestApiGenerated::encoderWritesOnlySetMembers()
{
    api::SourceServer server;
    QCOMPARE(jsonText(server.toJson()), u"{}"_s);
    server.isArchived = false; // set, though false
    server.tags = QMap<QString, QString> {};
    QCOMPARE(jsonText(server.toJson()), uR"({"isArchived":false,"tags":{}})"_s);

    // A required member is always written.
    api::SsmDocument document;
    document.actionName = u"a"_s;
    document.timeoutSeconds = 30;
    QCOMPARE(
        jsonText(document.toJson()), uR"({"actionName":"a","ssmDocumentName":"","timeoutSeconds":30})"_s);
    const auto decoded = api::SsmDocument::fromJson(document.toJson());
    QVERIFY(decoded.ok());
    QVERIFY(*decoded.value == document);
    api::SsmDocument other = document;
    other.timeoutSeconds.reset();
    QVERIFY(!(other == document));
}

void TestApiGenerated::unionHasOneMember()
{
    api::OperationUnion operation;
    QVERIFY(!operation.hasOneMember());
    operation.delete_ = api::DeleteOperation {};
    QVERIFY(operation.hasOneMember());
    QCOMPARE(jsonText(operation.toJson()), uR"({"delete":{}})"_s);
    operation.merge = api::MergeOperation {};
    QVERIFY(!operation.hasOneMember());

    const auto decoded = api::OperationUnion::fromJson(parse(R"({"delete": {}})"));
    QVERIFY(decoded.ok());
    QVERIFY(decoded.value->delete_.has_value());
    QVERIFY(decoded.value->hasOneMember());
    // A member this build does not know (the service added a branch): no
    // member set, not an error.
    const auto added = api::OperationUnion::fromJson(parse(R"({"rename": {"to": "x"}})"));
    QVERIFY(added.ok());
    QVERIFY(!added.value->hasOneMember());
}

QTEST_GUILESS_MAIN(TestApiGenerated)
#include "tst_apigenerated.moc"
