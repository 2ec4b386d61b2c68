#include "app/aws/AwsTransport.h"
#include "app/mgn/MgnClient.h"
#include "app/mgn/MgnOperations.h"
#include "models/api/ApiModel.h"
#include "models/api/ShapeSample.h"
#include "tests/support/TestHttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace mgn;

namespace {

const AwsCredentials testCredentials { u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s,
    std::nullopt, std::nullopt };

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject bodyOf(const TestHttpServer::Request &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

} // namespace

// The generated typed calls (MgnOperations) over a loopback server: the request
// is the typed value's JSON on the operation's path, the answer decodes into
// the output type equal to what the generated decoder makes of the same
// document, listings follow the paginator's tokens, operations without an
// output answer MgnNothing, and an answer that does not decode is a
// MalformedResponse naming the member.
class TestMgnOperations final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<MgnClient> m_client;

    static const api::Operation &operation(QStringView name)
    {
        const api::Operation *op = api::ApiModel::mgn().operation(name);
        if (!op)
            qFatal("no operation %s", qPrintable(name.toString()));
        return *op;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<TestHttpServer>();
        QVERIFY(m_server->listen());
        AwsTransport::Options options;
        options.region = u"us-east-1"_s;
        options.timeout = std::chrono::seconds(10);
        m_transport = std::make_unique<AwsTransport>(options);
        m_transport->setCredentials(testCredentials);
        m_client = std::make_unique<MgnClient>(m_transport.get(), m_server->url());
    }

    void cleanup()
    {
        m_client.reset();
        m_transport.reset();
        m_server.reset();
    }

    void typedCallSendsAndDecodes()
    {
        const QJsonObject answer = api::ShapeSample::output(operation(u"CreateApplication"), 1);
        m_server->enqueue(TestHttpServer::Response::json(201, compact(answer)));
        api::CreateApplicationRequest request;
        request.name = u"Payments é"_s;
        request.description = u"the \"card\" services"_s;
        request.tags = QMap<QString, QString> { { u"team"_s, u"blue"_s } };

        MgnOperations operations(*m_client);
        std::optional<MgnResult<api::Application>> result;
        operations.createApplication(request, [&](const MgnResult<api::Application> &r) { result = r; });
        QTRY_VERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->error ? result->error->userMessage() : QString()));
        const auto expected = api::Application::fromJson(answer);
        QVERIFY(expected.value);
        QCOMPARE(*result->value, *expected.value);
        QCOMPARE(result->value->name, answer.value(u"name").toString());

        QCOMPARE(m_server->requestCount(), 1);
        const TestHttpServer::Request &sent = m_server->requests().constFirst();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, QByteArray("/CreateApplication"));
        QCOMPARE(bodyOf(sent), request.toJson());
        QCOMPARE(bodyOf(sent).value(u"name").toString(), u"Payments é"_s);
    }

    void listingFollowsTokens()
    {
        QJsonObject first = api::ShapeSample::output(operation(u"ListApplications"), 0);
        first.insert(u"nextToken"_s, u"page-2"_s);
        QJsonObject second = api::ShapeSample::output(operation(u"ListApplications"), 1);
        second.remove(u"nextToken"_s);
        m_server->enqueue(TestHttpServer::Response::json(200, compact(first)));
        m_server->enqueue(TestHttpServer::Response::json(200, compact(second)));

        MgnOperations operations(*m_client);
        QList<api::ListApplicationsResponse> pages;
        std::optional<MgnResult<PagingProgress>> done;
        operations.listApplications(
            api::ListApplicationsRequest(),
            [&](const api::ListApplicationsResponse &page, const PagingProgress &) { pages.append(page); },
            [&](const MgnResult<PagingProgress> &r) { done = r; });
        QTRY_VERIFY(done);
        QVERIFY2(done->ok(), qPrintable(done->error ? done->error->userMessage() : QString()));
        QCOMPARE(pages.size(), 2);
        QCOMPARE(done->value->pages, 2);
        QCOMPARE(pages.at(0), *api::ListApplicationsResponse::fromJson(first).value);
        QCOMPARE(pages.at(1), *api::ListApplicationsResponse::fromJson(second).value);
        QCOMPARE(m_server->requestCount(), 2);
        QVERIFY(!bodyOf(m_server->requests().at(0)).contains(u"nextToken"));
        QCOMPARE(bodyOf(m_server->requests().at(1)).value(u"nextToken").toString(), u"page-2"_s);
    }

    void noOutputAnswersNothing()
    {
        m_server->enqueue(TestHttpServer::Response::json(204, QByteArray()));
        api::DeleteConnectorRequest request;
        request.connectorID = u"connector-0123456789abcdefg"_s;
        MgnOperations operations(*m_client);
        std::optional<MgnResult<MgnNothing>> result;
        operations.deleteConnector(request, [&](const MgnResult<MgnNothing> &r) { result = r; });
        QTRY_VERIFY(result);
        QVERIFY(result->ok());
        QCOMPARE(
            bodyOf(m_server->requests().constFirst()).value(u"connectorID").toString(), request.connectorID);
    }

    void undecodableAnswerIsMalformed()
    {
        QJsonObject answer = api::ShapeSample::output(operation(u"CreateApplication"), 0);
        answer.insert(u"isArchived"_s, u"not a boolean"_s);
        m_server->enqueue(TestHttpServer::Response::json(201, compact(answer)));
        api::CreateApplicationRequest request;
        request.name = u"Payments"_s;
        MgnOperations operations(*m_client);
        std::optional<MgnResult<api::Application>> result;
        operations.createApplication(request, [&](const MgnResult<api::Application> &r) { result = r; });
        QTRY_VERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error->kind, AwsError::Kind::MalformedResponse);
        QVERIFY2(
            result->error->userMessage().contains(u"isArchived"), qPrintable(result->error->userMessage()));
    }

    void invalidRequestIsRefusedUnsent()
    {
        api::CreateApplicationRequest request; // name is required, and empty is below its minimum length
        MgnOperations operations(*m_client);
        std::optional<MgnResult<api::Application>> result;
        operations.createApplication(request, [&](const MgnResult<api::Application> &r) { result = r; });
        QTRY_VERIFY(result);
        QVERIFY(!result->ok());
        QCOMPARE(result->error->kind, AwsError::Kind::Validation);
        QCOMPARE(m_server->requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMgnOperations)
#include "tst_mgnoperations.moc"
