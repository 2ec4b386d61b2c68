#include "app/aws/AwsTransport.h"
#include "app/mgn/MgnClient.h"
#include "models/api/ApiModel.h"
#include "models/api/ShapeSample.h"
#include "tests/support/PeerTool.h"
#include "tests/support/TestHttpServer.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>

using namespace mgn;
using namespace Qt::Literals::StringLiterals;

// Every operation of the model, driven through MgnClient::invoke to a
// loopback server, puts on the wire what botocore's rest-json serializer
// makes of the same input (tests/interop/botocore_serialize.py, one python
// run for all the inputs): method, path, query (as a multiset of encoded
// pairs), Content-Type, botocore's other headers, and the body as a JSON value.
// Inputs per operation: the required members only, built from the model;
// api::ShapeSample's documents for seeds 0 and 1 (every member, non-ASCII
// text); seed 0's with the characters URIs and JSON treat specially in its
// free text; and, where the input takes accountID, the required members with the
// client's accountID added (botocore given it in the input). Idempotency
// tokens are given on both sides.

namespace {

const QString scriptPath = QStringLiteral(MGN_TEST_DATA_DIR "/../interop/botocore_serialize.py");
const QString modelPath = QStringLiteral(MGN_API_MODEL_DIR "/service-2.json");
const QString clientAccount = u"111122223333"_s;
const QString fixedToken = u"5f0c6e1a-2b3d-4e5f-8a9b-0c1d2e3f4a5b"_s;

const AwsCredentials testCredentials { u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s,
    std::nullopt, std::nullopt };

// The smallest document the model accepts: required members only, lists and
// maps at their minimum size, the first member of a union.
QJsonValue minimal(const api::Shape &shape)
{
    switch (shape.type) {
    case api::ShapeType::Structure: {
        QJsonObject object;
        for (const api::Member &m : shape.members) {
            if (m.required || (shape.isUnion && object.isEmpty()))
                object.insert(m.name, minimal(*m.shape));
        }
        return object;
    }
    case api::ShapeType::List: {
        QJsonArray array;
        for (int i = 0; i < int(shape.min.value_or(0)); ++i)
            array.append(minimal(*shape.member));
        return array;
    }
    case api::ShapeType::Map: {
        QJsonObject object;
        for (int i = 0; object.size() < qsizetype(shape.min.value_or(0)) && i < 100; ++i)
            object.insert(api::ShapeSample::string(*shape.key, i), minimal(*shape.value));
        return object;
    }
    case api::ShapeType::String:
        return api::ShapeSample::string(shape, 0);
    default:
        return api::ShapeSample::of(shape, 0);
    }
}

// The document with every free-text string (no pattern, no enum) made of
// the characters that URIs, queries and JSON treat specially, within the
// string's length limits.
QJsonValue reservedText(const api::Shape &shape, const QJsonValue &value)
{
    switch (shape.type) {
    case api::ShapeType::Structure: {
        QJsonObject object = value.toObject();
        for (const api::Member &m : shape.members) {
            if (object.contains(m.name))
                object.insert(m.name, reservedText(*m.shape, object.value(m.name)));
        }
        return object;
    }
    case api::ShapeType::List: {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(reservedText(*shape.member, item));
        return array;
    }
    case api::ShapeType::Map: {
        QJsonObject object;
        const QJsonObject entries = value.toObject();
        for (auto it = entries.constBegin(); it != entries.constEnd(); ++it)
            object.insert(it.key(), reservedText(*shape.value, it.value()));
        return object;
    }
    case api::ShapeType::String: {
        if (!shape.pattern.isEmpty() || !shape.enumValues.isEmpty())
            return value;
        QString text = u"a/b?c#d&e=f+g h%i:j@k!l$m'n(o)p*q,r;s~t_u.v-w[x]y\\\"z😀"_s;
        const qsizetype min = qsizetype(shape.min.value_or(0));
        const qsizetype max = qsizetype(shape.max.value_or(1000));
        while (text.toUcs4().size() < min)
            text += u"%2F"_s;
        while (text.toUcs4().size() > max)
            text.chop(text.back().isLowSurrogate() ? 2 : 1);
        return text;
    }
    default:
        return value;
    }
}

QJsonObject withTokens(const api::Operation &op, QJsonObject input)
{
    for (const api::Member &m : op.input->members) {
        if (m.idempotencyToken && !input.contains(m.name))
            input.insert(m.name, fixedToken);
    }
    return input;
}

struct WireCase final {
    const api::Operation *operation = nullptr;
    QString kind;
    QJsonObject input; // what MgnClient::invoke is given
    QJsonObject botocoreInput; // what botocore is given
    bool withAccount = false;
};

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestWireParity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sameRequestAsBotocore_data();
    void sameRequestAsBotocore();
    void everyOperationCovered();

private:
    QList<WireCase> m_cases;
    QJsonArray m_botocore;
    QHash<QString, int> m_matched; // inputs that matched, by operation
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<MgnClient> m_client;
};

void TestWireParity::initTestCase()
{
    for (const api::Operation &op : api::ApiModel::mgn().operations()) {
        QVERIFY2(op.input, qPrintable(op.name));
        const QJsonObject required = withTokens(op, minimal(*op.input).toObject());
        m_cases.append({ &op, u"minimal"_s, required, required, false });
        for (int seed : { 0, 1 }) {
            const QJsonObject sample = withTokens(op, api::ShapeSample::input(op, seed));
            m_cases.append({ &op, u"seed %1"_s.arg(seed), sample, sample, false });
        }
        const QJsonObject reserved
            = withTokens(op, reservedText(*op.input, api::ShapeSample::input(op, 0)).toObject());
        m_cases.append({ &op, u"reserved characters"_s, reserved, reserved, false });
        if (op.input->findMember(u"accountID")) {
            QJsonObject withAccount = required;
            withAccount.insert(u"accountID"_s, clientAccount);
            m_cases.append({ &op, u"client accountID"_s, required, withAccount, true });
        }
    }

    const QString python = testsupport::findPython3();
    if (python.isEmpty())
        MGN_PEER_TOOL_MISSING("python3 is not installed (or set MGN_PYTHON3): cannot run botocore");
    QVERIFY2(QFile::exists(scriptPath), qPrintable(scriptPath));
    QJsonArray cases;
    for (const WireCase &wireCase : std::as_const(m_cases))
        cases.append(QJsonObject {
            { u"operation"_s, wireCase.operation->name }, { u"input"_s, wireCase.botocoreInput } });
    QProcess process;
    process.start(python, { scriptPath, modelPath });
    QVERIFY2(process.waitForStarted(30000), qPrintable(process.errorString()));
    process.write(QJsonDocument(cases).toJson(QJsonDocument::Compact));
    process.closeWriteChannel();
    QVERIFY2(process.waitForFinished(120000), "botocore_serialize.py did not finish");
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 3)
        MGN_PEER_TOOL_MISSING(
            "botocore is not installed for python3 (pip install botocore, or Debian's python3-botocore)");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        qPrintable(QString::fromUtf8(process.readAllStandardError())));
    QJsonParseError error;
    const QJsonDocument answer = QJsonDocument::fromJson(process.readAllStandardOutput(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    m_botocore = answer.object().value(u"results").toArray();
    QCOMPARE(m_botocore.size(), m_cases.size());
    qInfo("botocore %s, %d inputs", qPrintable(answer.object().value(u"botocore_version").toString()),
        int(m_cases.size()));
}

void TestWireParity::init()
{
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listen());
    m_server->setHandler(
        [](const TestHttpServer::Request &) { return TestHttpServer::Response::json(200, "{}"); });
    AwsTransport::Options options;
    options.region = u"us-east-1"_s;
    options.timeout = std::chrono::seconds(10);
    m_transport = std::make_unique<AwsTransport>(options);
    m_transport->setCredentials(testCredentials);
    m_client = std::make_unique<MgnClient>(m_transport.get(), m_server->url());
}

void TestWireParity::cleanup()
{
    m_client.reset();
    m_transport.reset();
    m_server.reset();
}

void TestWireParity::sameRequestAsBotocore_data()
{
    QTest::addColumn<int>("index");
    for (qsizetype i = 0; i < m_cases.size(); ++i)
        QTest::newRow(qPrintable(m_cases.at(i).operation->name + u" / "_s + m_cases.at(i).kind)) << int(i);
}

void TestWireParity::sameRequestAsBotocore()
{
    QFETCH(int, index);
    const WireCase &wireCase = m_cases.at(index);
    const api::Operation &op = *wireCase.operation;
    const QJsonObject botocore = m_botocore.at(index).toObject();
    QVERIFY2(!botocore.contains(u"error"),
        qPrintable(u"botocore refuses the input: "_s + botocore.value(u"error").toString() + u"\ninput: "_s
            + QString::fromUtf8(QJsonDocument(wireCase.botocoreInput).toJson(QJsonDocument::Compact))));

    if (wireCase.withAccount)
        m_client->setAccountId(clientAccount);
    std::optional<MgnResult<QByteArray>> result;
    m_client->invoke(op, wireCase.input, [&](const MgnResult<QByteArray> &r) { result = r; });
    QTRY_VERIFY(result);
    if (result->error) {
        QStringList fields;
        for (const AwsError::Field &field : result->error->fieldList)
            fields.append(field.message);
        QFAIL(qPrintable(u"invoke failed: "_s + result->error->userMessage() + u'\n' + fields.join(u'\n')));
    }
    QCOMPARE(*result->value, QByteArray("{}"));
    QCOMPARE(m_server->requestCount(), 1);
    const TestHttpServer::Request &request = m_server->requests().constFirst();

    QCOMPARE(QString::fromLatin1(request.method), botocore.value(u"method").toString());
    QCOMPARE(QString::fromLatin1(request.path), botocore.value(u"path").toString());
    QStringList expectedQuery;
    for (const QJsonValue &pair : botocore.value(u"query").toArray())
        expectedQuery.append(pair.toString());
    QCOMPARE(
        sorted(QString::fromLatin1(request.query).split(u'&', Qt::SkipEmptyParts)), sorted(expectedQuery));

    const QJsonObject headers = botocore.value(u"headers").toObject();
    QCOMPARE(QString::fromLatin1(request.header("Content-Type")), headers.value(u"Content-Type").toString());
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
        QCOMPARE(QString::fromUtf8(request.header(it.key().toLatin1())), it.value().toString());

    const QJsonValue expectedBody = botocore.value(u"body");
    if (expectedBody.isNull()) {
        QVERIFY2(request.body.isEmpty(), request.body.constData());
    } else {
        QJsonParseError error;
        const QJsonDocument body = QJsonDocument::fromJson(request.body, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY2(body.isObject(), request.body.constData());
        if (QJsonValue(body.object()) != expectedBody)
            QFAIL(qPrintable(u"body differs\n ours:     "_s + QString::fromUtf8(request.body)
                + u"\n botocore: "_s
                + QString::fromUtf8(QJsonDocument(expectedBody.toObject()).toJson(QJsonDocument::Compact))));
    }
    m_matched[op.name] += 1;
}

void TestWireParity::everyOperationCovered()
{
    QHash<QString, int> inputs;
    for (const WireCase &wireCase : std::as_const(m_cases))
        inputs[wireCase.operation->name] += 1;
    QStringList unmatched;
    for (const api::Operation &op : api::ApiModel::mgn().operations()) {
        QVERIFY2(inputs.value(op.name) >= 4, qPrintable(op.name));
        if (m_matched.value(op.name) != inputs.value(op.name))
            unmatched.append(op.name);
    }
    QCOMPARE(inputs.size(), 95);
    QVERIFY2(unmatched.isEmpty(), qPrintable(u"not every input matched: "_s + unmatched.join(u", "_s)));
}

QTEST_GUILESS_MAIN(TestWireParity)
#include "tst_wireparity.moc"
