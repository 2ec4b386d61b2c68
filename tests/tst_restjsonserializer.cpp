#include "models/api/ApiModel.h"
#include "models/api/RestJsonSerializer.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mgn::api;

namespace {

QJsonObject object(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QStringList pairs(const QList<std::pair<QString, QString>> &list)
{
    QStringList text;
    for (const auto &[name, value] : list)
        text.append(name + u'=' + value);
    return text;
}

QStringList pairs(const QList<std::pair<QByteArray, QByteArray>> &list)
{
    QStringList text;
    for (const auto &[name, value] : list)
        text.append(QString::fromUtf8(name) + u": "_s + QString::fromUtf8(value));
    return text;
}

} // namespace

// RestJsonSerializer against what botocore 1.43.11's RestJSONSerializer makes
// of the same input (the expected values were printed by it): the MGN model's
// own locations (labels, repeated query lists, GET without a body), and a
// small model of every location it lacks (greedy labels, headers, query
// booleans, numbers, timestamps and maps, body timestamps and blobs).
class TestRestJsonSerializer final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ApiModel> m_locations;

    const Operation *operation(const QString &model, const QString &name) const
    {
        return model == u"mgn" ? ApiModel::mgn().operation(name) : m_locations->operation(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QFile file(QStringLiteral(MGN_TEST_DATA_DIR "/api/rest-json-locations.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        m_locations = ApiModel::fromJson(file.readAll(), "{\"pagination\": {}}", &error);
        QVERIFY2(m_locations, qPrintable(error));
    }

    void serialize_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("query");
        QTest::addColumn<QStringList>("headers");
        QTest::addColumn<QString>("body"); // JSON; empty: no body

        const QString arn = u"arn:aws:mgn:us-east-1:111122223333:source-server/s-12345678901234567"_s;
        const QString arnPath
            = u"/tags/arn%3Aaws%3Amgn%3Aus-east-1%3A111122223333%3Asource-server%2Fs-12345678901234567"_s;
        const QString json = u"Content-Type: application/json"_s;

        // The MGN model.
        QTest::newRow("body members")
            << u"mgn"_s << u"StartCutover"_s
            << u"{\"sourceServerIDs\": [\"s-1\"], \"tags\": {\"k\": \"v\"}}"_s << QByteArray("POST")
            << u"/StartCutover"_s << QStringList() << QStringList { json }
            << u"{\"sourceServerIDs\": [\"s-1\"], \"tags\": {\"k\": \"v\"}}"_s;
        QTest::newRow("no member set: {}")
            << u"mgn"_s << u"DescribeSourceServers"_s << u"{}"_s << QByteArray("POST")
            << u"/DescribeSourceServers"_s << QStringList() << QStringList { json } << u"{}"_s;
        QTest::newRow("nested structures as given")
            << u"mgn"_s << u"DescribeSourceServers"_s
            << u"{\"filters\": {\"isArchived\": false, \"lifeCycleStates\": [\"READY_FOR_TEST\"]}, \"maxResults\": 10}"_s
            << QByteArray("POST") << u"/DescribeSourceServers"_s << QStringList() << QStringList { json }
            << u"{\"filters\": {\"isArchived\": false, \"lifeCycleStates\": [\"READY_FOR_TEST\"]}, \"maxResults\": 10}"_s;
        QTest::newRow("null members left out")
            << u"mgn"_s << u"DescribeJobs"_s << u"{\"nextToken\": null, \"maxResults\": 5}"_s
            << QByteArray("POST") << u"/DescribeJobs"_s << QStringList() << QStringList { json }
            << u"{\"maxResults\": 5}"_s;
        QTest::newRow("shape without members: no body")
            << u"mgn"_s << u"InitializeService"_s << u"{}"_s << QByteArray("POST") << u"/InitializeService"_s
            << QStringList() << QStringList() << QString();
        QTest::newRow("label percent-encoded, GET without body")
            << u"mgn"_s << u"ListTagsForResource"_s << (u"{\"resourceArn\": \""_s + arn + u"\"}"_s)
            << QByteArray("GET") << arnPath << QStringList() << QStringList() << QString();
        QTest::newRow("label and body")
            << u"mgn"_s << u"TagResource"_s
            << (u"{\"resourceArn\": \""_s + arn + u"\", \"tags\": {\"a b\": \"c\"}}"_s) << QByteArray("POST")
            << arnPath << QStringList() << QStringList { json } << u"{\"tags\": {\"a b\": \"c\"}}"_s;
        QTest::newRow("label and query list")
            << u"mgn"_s << u"UntagResource"_s
            << (u"{\"resourceArn\": \""_s + arn + u"\", \"tagKeys\": [\"owner\", \"cost center\", \"é\"]}"_s)
            << QByteArray("DELETE") << arnPath
            << QStringList { u"tagKeys=owner"_s, u"tagKeys=cost center"_s, u"tagKeys=é"_s } << QStringList()
            << QString();
        QTest::newRow("label with unicode")
            << u"mgn"_s << u"ListTagsForResource"_s << u"{\"resourceArn\": \"arn:x/ü ~._-\"}"_s
            << QByteArray("GET") << u"/tags/arn%3Ax%2F%C3%BC%20~._-"_s << QStringList() << QStringList()
            << QString();
        QTest::newRow("query number and text")
            << u"mgn"_s << u"DescribeVcenterClients"_s << u"{\"maxResults\": 5, \"nextToken\": \"a b/c\"}"_s
            << QByteArray("GET") << u"/DescribeVcenterClients"_s
            << QStringList { u"maxResults=5"_s, u"nextToken=a b/c"_s } << QStringList() << QString();
        QTest::newRow("only query members, none set")
            << u"mgn"_s << u"DescribeVcenterClients"_s << u"{}"_s << QByteArray("GET")
            << u"/DescribeVcenterClients"_s << QStringList() << QStringList() << QString();
        QTest::newRow("idempotency token given")
            << u"mgn"_s << u"StartImport"_s
            << u"{\"clientToken\": \"tok-1\", \"s3BucketSource\": {\"s3Bucket\": \"b\", \"s3Key\": \"k\"}}"_s
            << QByteArray("POST") << u"/StartImport"_s << QStringList() << QStringList { json }
            << u"{\"clientToken\": \"tok-1\", \"s3BucketSource\": {\"s3Bucket\": \"b\", \"s3Key\": \"k\"}}"_s;

        // Locations the MGN model does not use.
        QTest::newRow("greedy label keeps slashes")
            << u"locations"_s << u"GetObject"_s
            << u"{\"bucket\": \"my bucket/ü\", \"key\": \"a/b c/~d.txt\"}"_s << QByteArray("GET")
            << u"/buckets/my%20bucket%2F%C3%BC/objects/a/b%20c/~d.txt"_s << QStringList() << QStringList()
            << QString();
        QTest::newRow("query of every type")
            << u"locations"_s << u"GetObject"_s
            << u"{\"bucket\": \"b\", \"key\": \"k\", \"versions\": [\"1\", \"2 3\"], \"flag\": true, "
               u"\"count\": 5, "
               u"\"ratio\": 1.5, \"since\": \"2026-01-02T03:04:05Z\", \"extra\": {\"x\": \"1\", \"y\": \"2\"}}"_s
            << QByteArray("GET") << u"/buckets/b/objects/k"_s
            << QStringList { u"version=1"_s, u"version=2 3"_s, u"flag=true"_s, u"n=5"_s, u"ratio=1.5"_s,
                   u"since=2026-01-02T03:04:05Z"_s, u"x=1"_s, u"y=2"_s }
            << QStringList() << QString();
        QTest::newRow("query timestamp with a fraction")
            << u"locations"_s << u"GetObject"_s
            << u"{\"bucket\": \"b\", \"key\": \"k\", \"since\": \"2026-01-02T03:04:05.250Z\"}"_s
            << QByteArray("GET") << u"/buckets/b/objects/k"_s
            << QStringList { u"since=2026-01-02T03:04:05.250000Z"_s } << QStringList() << QString();
        QTest::newRow("headers")
            << u"locations"_s << u"GetObject"_s
            << u"{\"bucket\": \"b\", \"key\": \"k\", \"trace\": \"t-1\", \"tagsHeader\": [\"a\", \"b,c\", "
               u"\"d\\\"e\"], \"modified\": \"2026-01-02T03:04:05Z\", \"verbose\": false}"_s
            << QByteArray("GET") << u"/buckets/b/objects/k"_s << QStringList()
            << QStringList { u"X-Trace: t-1"_s, u"X-Tags: a,\"b,c\",\"d\\\"e\""_s,
                   u"If-Modified-Since: Fri, 02 Jan 2026 03:04:05 GMT"_s, u"X-Verbose: false"_s }
            << QString();
        QTest::newRow("empty header list: no header")
            << u"locations"_s << u"GetObject"_s
            << u"{\"bucket\": \"b\", \"key\": \"k\", \"tagsHeader\": []}"_s << QByteArray("GET")
            << u"/buckets/b/objects/k"_s << QStringList() << QStringList() << QString();
        QTest::newRow("body timestamps and blobs")
            << u"locations"_s << u"PutThing"_s
            << u"{\"id\": \"x\", \"name\": \"n\", \"when\": \"2026-01-02T03:04:05.9Z\", \"data\": \"hé\", "
               u"\"token\": "
               u"\"tok\", \"nested\": {\"at\": 1700000000.5, \"items\": [\"2026-01-02T03:04:05Z\"]}}"_s
            << QByteArray("PUT") << u"/things/x"_s << QStringList() << QStringList { json }
            << u"{\"name\": \"n\", \"when\": 1767323045, \"data\": \"aMOp\", \"token\": \"tok\", \"nested\": "
               u"{\"at\": 1700000000, \"items\": [1767323045]}}"_s;
        QTest::newRow("no input shape") << u"locations"_s << u"Ping"_s << u"{}"_s << QByteArray("POST")
                                        << u"/ping"_s << QStringList() << QStringList() << QString();
        QTest::newRow("request URI with a query")
            << u"locations"_s << u"Fixed"_s << u"{\"q\": \"v\"}"_s << QByteArray("POST") << u"/fixed"_s
            << QStringList { u"mode=a b"_s, u"q=v"_s } << QStringList() << QString();
    }

    void serialize()
    {
        QFETCH(QString, model);
        QFETCH(QString, operation);
        QFETCH(QString, input);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QStringList, query);
        QFETCH(QStringList, headers);
        QFETCH(QString, body);

        const Operation *op = this->operation(model, operation);
        QVERIFY(op);
        const SerializedRequest request = RestJsonSerializer::serialize(*op, object(input));
        QCOMPARE(request.method, method);
        QCOMPARE(request.path, path);
        QCOMPARE(pairs(request.query), query);
        QCOMPARE(pairs(request.headers), headers);
        QCOMPARE(request.body.has_value(), !body.isEmpty());
        if (request.body) {
            const QJsonDocument actual = QJsonDocument::fromJson(*request.body);
            QVERIFY2(actual.isObject(), request.body->constData());
            QCOMPARE(actual.object(), object(body));
        }
    }

    // A token member left out is filled with a fresh UUID, another each time.
    void idempotencyTokenGenerated()
    {
        const Operation *op = m_locations->operation(u"PutThing");
        QVERIFY(op);
        const QRegularExpression uuid(
            u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
        QStringList tokens;
        for (int i = 0; i < 2; ++i) {
            const SerializedRequest request
                = RestJsonSerializer::serialize(*op, object(u"{\"id\": \"x\"}"_s));
            QVERIFY(request.body);
            const QJsonObject body = QJsonDocument::fromJson(*request.body).object();
            QCOMPARE(body.keys(), QStringList { u"token"_s });
            const QString token = body.value(u"token").toString();
            QVERIFY2(uuid.match(token).hasMatch(), qPrintable(token));
            tokens.append(token);
        }
        QVERIFY(tokens.at(0) != tokens.at(1));

        const Operation *startImport = ApiModel::mgn().operation(u"StartImport");
        const SerializedRequest request = RestJsonSerializer::serialize(*startImport, QJsonObject());
        QVERIFY(uuid.match(QJsonDocument::fromJson(*request.body).object().value(u"clientToken").toString())
                    .hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestRestJsonSerializer)
#include "tst_restjsonserializer.moc"
