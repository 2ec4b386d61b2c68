#include "models/api/ApiModel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace mgn::api;

// The descriptors against the model files read independently, with
// QJsonDocument: every operation and shape is there, with what it declares.
class TestApiModel final : public QObject
{
    Q_OBJECT

private:
    static QJsonObject read(const QString &name)
    {
        QFile file(QStringLiteral(MGN_API_MODEL_DIR) + u'/' + name);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot open %s", qPrintable(file.fileName()));
        return QJsonDocument::fromJson(file.readAll()).object();
    }

private Q_SLOTS:
    void everyOperationAndShape()
    {
        const ApiModel &model = ApiModel::mgn();
        const QJsonObject service = read(u"service-2.json"_s);
        const QJsonObject operations = service.value(u"operations").toObject();
        const QJsonObject shapes = service.value(u"shapes").toObject();
        QCOMPARE(qsizetype(model.operations().size()), operations.size());
        QCOMPARE(model.shapeCount(), shapes.size());
        QCOMPARE(model.apiVersion(), u"2020-02-26"_s);
        QCOMPARE(model.signingName(), u"mgn"_s);
        for (auto it = operations.constBegin(); it != operations.constEnd(); ++it) {
            const Operation *op = model.operation(it.key());
            QVERIFY2(op, qPrintable(it.key()));
            const QJsonObject json = it.value().toObject();
            const QJsonObject http = json.value(u"http").toObject();
            QCOMPARE(QString::fromLatin1(op->method), http.value(u"method").toString());
            QCOMPARE(op->requestUri, http.value(u"requestUri").toString());
            QCOMPARE(op->responseCode, http.value(u"responseCode").toInt(200));
            QCOMPARE(op->input ? op->input->name : QString(),
                json.value(u"input").toObject().value(u"shape").toString());
            QCOMPARE(op->output ? op->output->name : QString(),
                json.value(u"output").toObject().value(u"shape").toString());
            QCOMPARE(op->errors.size(), json.value(u"errors").toArray().size());
            QCOMPARE(op->idempotent, json.value(u"idempotent").toBool());
        }
        for (auto it = shapes.constBegin(); it != shapes.constEnd(); ++it) {
            const Shape *shape = model.shape(it.key());
            QVERIFY2(shape, qPrintable(it.key()));
            const QJsonObject json = it.value().toObject();
            const QJsonObject members = json.value(u"members").toObject();
            QCOMPARE(shape->members.size(), members.size());
            const QJsonArray required = json.value(u"required").toArray();
            for (const Member &m : shape->members) {
                const QJsonObject ref = members.value(m.name).toObject();
                QCOMPARE(m.shape->name, ref.value(u"shape").toString());
                QCOMPARE(m.required, required.contains(QJsonValue(m.name)));
            }
            QCOMPARE(shape->enumValues.size(), json.value(u"enum").toArray().size());
            QCOMPARE(shape->pattern, json.value(u"pattern").toString());
            QCOMPARE(shape->min.has_value(), json.contains(u"min"));
            QCOMPARE(shape->max.has_value(), json.contains(u"max"));
            QCOMPARE(shape->isUnion, json.value(u"union").toBool());
        }
    }

    // QJsonObject sorts keys; the descriptors keep the model's order, which
    // is the order the AWS CLI prints members in.
    void membersInModelOrder()
    {
        const Shape *server = ApiModel::mgn().shape(u"SourceServer");
        QVERIFY(server);
        QCOMPARE(server->members.first().name, u"sourceServerID"_s);
        QCOMPARE(server->members.at(1).name, u"arn"_s);
        QCOMPARE(server->members.at(2).name, u"isArchived"_s);
    }

    void locationsAndPaginators()
    {
        const ApiModel &model = ApiModel::mgn();
        const Operation *untag = model.operation(u"UntagResource");
        QVERIFY(untag);
        QCOMPARE(untag->method, QByteArray("DELETE"));
        QVERIFY(untag->idempotent);
        const auto query = untag->inputMembers(Location::Query);
        QCOMPARE(query.size(), 1);
        QCOMPARE(query.first()->locationName, u"tagKeys"_s);
        QCOMPARE(untag->inputMembers(Location::Uri).first()->name, u"resourceArn"_s);

        const Operation *jobs = model.operation(u"DescribeJobs");
        QVERIFY(jobs && jobs->paginator);
        QCOMPARE(jobs->paginator->inputToken, u"nextToken"_s);
        QCOMPARE(jobs->paginator->limitKey, u"maxResults"_s);
        QCOMPARE(jobs->paginator->resultKeys, QStringList { u"items"_s });
        QVERIFY(!model.operation(u"StartTest")->paginator);

        const Shape *token = model.shape(u"StartImportRequest");
        QVERIFY(token && token->findMember(u"clientToken")->idempotencyToken);
        const Shape *conflict = model.shape(u"ConflictException");
        QVERIFY(conflict->isError);
        QCOMPARE(conflict->httpStatus, 409);
        QVERIFY(model.shape(u"InternalServerException")->fault);
        QCOMPARE(model.operation(u"StartImport")->responseCode, 202);

        int paginated = 0;
        for (const Operation &op : model.operations())
            paginated += op.paginator ? 1 : 0;
        QCOMPARE(paginated, read(u"paginators-1.json"_s).value(u"pagination").toObject().size());
    }

    void refusesWhatItCannotRead_data()
    {
        QTest::addColumn<QByteArray>("service");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("{") << u"not a JSON object"_s;
        QTest::newRow("query protocol")
            << QByteArray(R"({"metadata":{"protocol":"query"},"shapes":{"A":{"type":"string"}}})")
            << u"not rest-json"_s;
        QTest::newRow("unknown type")
            << QByteArray(R"({"metadata":{"protocol":"rest-json"},"shapes":{"A":{"type":"set"}}})")
            << u"unknown type"_s;
        QTest::newRow("dangling member")
            << QByteArray(R"({"metadata":{"protocol":"rest-json"},"shapes":{"A":{"type":"structure",)"
                          R"("members":{"b":{"shape":"Missing"}}}}})")
            << u"member A.b"_s;
        QTest::newRow("list without member")
            << QByteArray(R"({"metadata":{"protocol":"rest-json"},"shapes":{"A":{"type":"list"}}})")
            << u"list A"_s;
    }

    void refusesWhatItCannotRead()
    {
        QFETCH(QByteArray, service);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!ApiModel::fromJson(service, QByteArray(R"({"pagination":{}})"), &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestApiModel)
#include "tst_apimodel.moc"
