#include "app/aws/AwsHttpResponse.h"
#include "app/aws/AwsTransport.h"
#include "app/aws/FixedClock.h"
#include "app/mgn/MgnClient.h"
#include "emulator/http/EmulatorHttpServer.h"
#include "emulator/http/FaultInjector.h"
#include "emulator/http/SigV4Verifier.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <stdexcept>

using namespace mgn;

// The emulator's HTTP layer with a fake service behind it: HTTP/1.1 as raw
// bytes on real loopback sockets (keep-alive, pipelining, many connections,
// garbage, partial requests, 100-continue, chunked, large bodies), then the
// dashboard's own client (MgnClient over AwsTransport) through SigV4
// verification and each injected fault.

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(AwsError::Kind)

namespace {

// AWS's published example keys (tests/NoSecretsInLogs.cmake watches for them).
const AwsCredentials testCredentials { u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s,
    std::nullopt, std::nullopt };

struct RawResponse {
    int status = 0;
    AwsHttpResponse::Headers headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        return AwsHttpResponse { status, headers, body }.header(name);
    }
};

// A client that speaks raw bytes, for what QNetworkAccessManager would never send.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        m_socket.connectToHost(u"127.0.0.1"_s, port);
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] { m_buffer += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, [this] { m_disconnected = true; });
    }

    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; });
    }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    void abort() { m_socket.abort(); }
    bool waitDisconnected(int ms = 5000)
    {
        return QTest::qWaitFor([this] { return m_disconnected; }, ms);
    }
    bool isDisconnected() const { return m_disconnected; }
    const QByteArray &buffer() const { return m_buffer; }

    // The next complete response, waiting for it; status 0 when none came.
    RawResponse next(int ms = 10000)
    {
        RawResponse response;
        [[maybe_unused]] const bool arrived = QTest::qWaitFor([&] { return take(&response); }, ms);
        return response;
    }

private:
    bool take(RawResponse *response)
    {
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        RawResponse parsed;
        parsed.status = lines.constFirst().split(' ').value(1).toInt();
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            parsed.headers.append({ line.left(colon), line.mid(colon + 1).trimmed() });
            if (line.left(colon).compare("Content-Length", Qt::CaseInsensitive) == 0)
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (m_buffer.size() < headEnd + 4 + length)
            return false;
        parsed.body = m_buffer.mid(headEnd + 4, length);
        m_buffer.remove(0, headEnd + 4 + length);
        *response = parsed;
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_disconnected = false;
};

QByteArray post(const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "POST " + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

QJsonObject serverJson(const QString &id)
{
    return QJsonObject { { u"sourceServerID"_s, id },
        { u"arn"_s, QString(u"arn:aws:mgn:us-east-1:111122223333:source-server/"_s + id) },
        { u"lifeCycle"_s, QJsonObject { { u"state"_s, u"READY_FOR_TEST"_s } } } };
}

// A fake MGN: StartReplication answers the server; DescribeSourceServers
// pages through `fleetSize` servers; anything else echoes what it received.
EmulatorResponse fakeService(const EmulatorRequest &request, int fleetSize)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (request.path == "/StartReplication")
        return EmulatorResponse::json(200, serverJson(body.value(u"sourceServerID"_s).toString()));
    if (request.path == "/DescribeSourceServers") {
        const int maxResults = body.value(u"maxResults"_s).toInt(1000);
        const int offset = body.value(u"nextToken"_s).toString().toInt();
        QJsonArray items;
        for (int i = offset; i < std::min(fleetSize, offset + maxResults); ++i)
            items.append(serverJson(u"s-%1"_s.arg(i, 17, 10, QChar(u'0'))));
        QJsonObject page { { u"items"_s, items } };
        if (offset + maxResults < fleetSize)
            page.insert(u"nextToken"_s, QString::number(offset + maxResults));
        return EmulatorResponse::json(200, page);
    }
    return EmulatorResponse::json(200,
        QJsonObject { { u"method"_s, QString::fromLatin1(request.method) },
            { u"path"_s, QString::fromLatin1(request.path) },
            { u"query"_s, QString::fromLatin1(request.query) }, { u"bodySize"_s, request.body.size() },
            { u"bodySha256"_s,
                QString::fromLatin1(
                    QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex()) } });
}

void verifyCommonHeaders(const RawResponse &response)
{
    QVERIFY(!response.header("x-amzn-RequestId").isEmpty());
    const auto date = AwsHttpResponse::parseHttpDate(response.header("Date"));
    QVERIFY2(date.has_value(), response.header("Date").constData());
    QVERIFY(std::abs(date->secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

} // namespace

class TestEmulatorHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void keepAliveServesManyRequestsOnOneConnection();
    void pipelinedRequestsAreAnsweredInOrder();
    void concurrentConnections();
    void garbageGets400AndTheConnectionCloses_data();
    void garbageGets400AndTheConnectionCloses();
    void partialRequestThenClose();
    void partialRequestTimesOut();
    void idleConnectionIsClosed();
    void largeBodyAndLargeResponse();
    void expectContinue();
    void chunkedBody();
    void http10ClosesAfterTheAnswer();
    void handlerFailureIs500();
    void closeEndsConnections();

    void clientPagesThroughTenThousandServers();
    void clientWithWrongSecretIsRefused();
    void unsignedRequestIsRefused();
    void clientClockSkewIsCorrected();
    void faultsThroughTheClient_data();
    void faultsThroughTheClient();
    void slowFaultDelaysTheAnswer();

private:
    void startServer(EmulatorHttpServer::Options options = {});
    void startClient(const AwsCredentials &credentials = testCredentials);
    MgnResult<mgn::SourceServer> startReplication();

    std::unique_ptr<EmulatorHttpServer> m_server;
    QList<EmulatorRequest> m_received;
    int m_fleetSize = 3;
    std::function<void()> m_throwInHandler;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<MgnClient> m_client;
};

void TestEmulatorHttp::init()
{
    m_received.clear();
    m_fleetSize = 3;
    m_throwInHandler = nullptr;
    startServer();
}

void TestEmulatorHttp::cleanup()
{
    m_client.reset();
    m_transport.reset();
    m_server.reset();
}

void TestEmulatorHttp::startServer(EmulatorHttpServer::Options options)
{
    m_server = std::make_unique<EmulatorHttpServer>(
        [this](const EmulatorRequest &request) {
            m_received.append(request);
            if (m_throwInHandler)
                m_throwInHandler();
            return fakeService(request, m_fleetSize);
        },
        options);
    QString error;
    QVERIFY2(m_server->listen(0, &error), qPrintable(error));
    QVERIFY(m_server->port() != 0);
    QCOMPARE(m_server->url().toString(), u"http://127.0.0.1:%1"_s.arg(m_server->port()));
}

void TestEmulatorHttp::startClient(const AwsCredentials &credentials)
{
    AwsTransport::Options options;
    options.region = u"us-east-1"_s;
    options.timeout = 10s;
    m_transport = std::make_unique<AwsTransport>(options);
    m_transport->setCredentials(credentials);
    // Retries at once: the delays are RetryStrategy's business, tested there.
    m_transport->setScheduler(
        [](std::chrono::milliseconds, QObject *, std::function<void()> fire) { fire(); });
    m_client = std::make_unique<MgnClient>(m_transport.get(), m_server->url());
}

MgnResult<mgn::SourceServer> TestEmulatorHttp::startReplication()
{
    std::optional<MgnResult<mgn::SourceServer>> result;
    m_client->startReplication(u"s-1"_s, [&](const MgnResult<mgn::SourceServer> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return {};
    return *result;
}

void TestEmulatorHttp::keepAliveServesManyRequestsOnOneConnection()
{
    RawClient client(m_server->port());
    for (int i = 0; i < 3; ++i) {
        const QByteArray body = "{\"n\":" + QByteArray::number(i) + "}";
        client.send(post("/Echo" + QByteArray::number(i), body));
        const RawResponse response = client.next();
        QCOMPARE(response.status, 200);
        verifyCommonHeaders(response);
        QCOMPARE(response.header("Connection"), QByteArray("keep-alive"));
        QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
        const QJsonObject echo = QJsonDocument::fromJson(response.body).object();
        QCOMPARE(echo.value(u"path"_s).toString(), u"/Echo%1"_s.arg(i));
        QCOMPARE(echo.value(u"bodySize"_s).toInt(), body.size());
    }
    QCOMPARE(m_server->connectionCount(), 1);
    QCOMPARE(m_server->openConnections(), 1);
    QCOMPARE(m_server->requestCount(), quint64(3));
    QVERIFY(!client.isDisconnected());
}

void TestEmulatorHttp::pipelinedRequestsAreAnsweredInOrder()
{
    RawClient client(m_server->port());
    QByteArray all;
    for (int i = 0; i < 20; ++i)
        all += post("/P" + QByteArray::number(i), "{}");
    client.send(all);
    for (int i = 0; i < 20; ++i) {
        const RawResponse response = client.next();
        QCOMPARE(response.status, 200);
        QCOMPARE(
            QJsonDocument::fromJson(response.body).object().value(u"path"_s).toString(), u"/P%1"_s.arg(i));
    }
    QCOMPARE(m_server->connectionCount(), 1);
}

void TestEmulatorHttp::concurrentConnections()
{
    // Twenty clients each send half a request; the server waits on all of
    // them at once; they complete in reverse order and each gets its answer.
    constexpr int count = 20;
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < count; ++i) {
        clients.push_back(std::make_unique<RawClient>(m_server->port()));
        QVERIFY(clients.back()->waitConnected());
        const QByteArray request
            = post("/C" + QByteArray::number(i), "{\"client\":" + QByteArray::number(i) + "}");
        clients.back()->send(request.left(request.size() / 2));
    }
    QTRY_COMPARE(m_server->openConnections(), count);
    for (int i = count - 1; i >= 0; --i) {
        const QByteArray request
            = post("/C" + QByteArray::number(i), "{\"client\":" + QByteArray::number(i) + "}");
        clients.at(i)->send(request.mid(request.size() / 2));
        const RawResponse response = clients.at(i)->next();
        QCOMPARE(response.status, 200);
        QCOMPARE(
            QJsonDocument::fromJson(response.body).object().value(u"path"_s).toString(), u"/C%1"_s.arg(i));
        QCOMPARE(m_server->openConnections(), count); // the others still wait, open
    }
    QCOMPARE(m_server->connectionCount(), count);
    // Served in the order the requests completed, not the order of the connections.
    QCOMPARE(m_received.constFirst().path, QByteArray("/C19"));
    QCOMPARE(m_received.constLast().path, QByteArray("/C0"));
}

void TestEmulatorHttp::garbageGets400AndTheConnectionCloses_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    QTest::newRow("tls client hello")
        << QByteArray("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n", 16) << 400;
    QTest::newRow("text") << QByteArray("GET\r\n\r\n") << 400;
    QTest::newRow("no host") << QByteArray("POST /DescribeJobs HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}")
                             << 400;
    QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: x\r\n\r\n")
                                << 400;
    QTest::newRow("http/2") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
    QTest::newRow("body too large") << QByteArray(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n")
                                    << 413;
    QTest::newRow("head too large") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX: "
        + QByteArray(100000, 'a')) << 431;
}

void TestEmulatorHttp::garbageGets400AndTheConnectionCloses()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    RawClient client(m_server->port());
    client.send(input);
    const RawResponse response = client.next();
    QCOMPARE(response.status, status);
    verifyCommonHeaders(response);
    QCOMPARE(response.header("Connection"), QByteArray("close"));
    QCOMPARE(response.header("x-amzn-ErrorType"), QByteArray("BadRequestException"));
    QVERIFY(!QJsonDocument::fromJson(response.body).object().value(u"message"_s).toString().isEmpty());
    QVERIFY(client.waitDisconnected());
    QVERIFY(m_received.isEmpty());

    // The server serves on.
    RawClient next(m_server->port());
    next.send(post("/After", "{}"));
    QCOMPARE(next.next().status, 200);
}

void TestEmulatorHttp::partialRequestThenClose()
{
    {
        RawClient client(m_server->port());
        QVERIFY(client.waitConnected());
        client.send(post("/Partial", "{\"a\":1}").left(40));
        QTRY_COMPARE(m_server->openConnections(), 1);
        client.abort();
    }
    QTRY_COMPARE(m_server->openConnections(), 0);
    QVERIFY(m_received.isEmpty());
    RawClient next(m_server->port());
    next.send(post("/After", "{}"));
    QCOMPARE(next.next().status, 200);
}

void TestEmulatorHttp::partialRequestTimesOut()
{
    EmulatorHttpServer::Options options;
    options.idleTimeout = 300ms;
    startServer(options);
    RawClient client(m_server->port());
    client.send(post("/Partial", "{\"a\":1}").left(40));
    const RawResponse response = client.next();
    QCOMPARE(response.status, 408);
    verifyCommonHeaders(response);
    QVERIFY(client.waitDisconnected());
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void TestEmulatorHttp::idleConnectionIsClosed()
{
    EmulatorHttpServer::Options options;
    options.idleTimeout = 300ms;
    startServer(options);
    RawClient client(m_server->port());
    client.send(post("/One", "{}"));
    QCOMPARE(client.next().status, 200);
    QVERIFY(client.waitDisconnected());
    QVERIFY(client.buffer().isEmpty()); // closed without a word
}

void TestEmulatorHttp::largeBodyAndLargeResponse()
{
    QByteArray body(5 * 1024 * 1024, 'x');
    body[0] = '{';
    RawClient client(m_server->port());
    client.send(post("/Big", body));
    RawResponse response = client.next(30000);
    QCOMPARE(response.status, 200);
    const QJsonObject echo = QJsonDocument::fromJson(response.body).object();
    QCOMPARE(echo.value(u"bodySize"_s).toInt(), body.size());
    QCOMPARE(echo.value(u"bodySha256"_s).toString().toLatin1(),
        QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());

    // 10,000 servers in one page: ~1.3 MB here, 28 MB with the full shape.
    m_fleetSize = 10000;
    client.send(post("/DescribeSourceServers", "{\"maxResults\":10000}"));
    response = client.next(30000);
    QCOMPARE(response.status, 200);
    QCOMPARE(QJsonDocument::fromJson(response.body).object().value(u"items"_s).toArray().size(), 10000);
}

void TestEmulatorHttp::expectContinue()
{
    RawClient client(m_server->port());
    const QByteArray request = post("/Continue", "{\"x\":1}", "Expect: 100-continue\r\n");
    const qsizetype headEnd = request.indexOf("\r\n\r\n") + 4;
    client.send(request.left(headEnd));
    QTRY_VERIFY(client.buffer().startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
    QVERIFY(m_received.isEmpty());
    client.send(request.mid(headEnd));
    QTRY_VERIFY(client.buffer().size() > 25);
    QVERIFY(client.buffer().startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
    // The interim response has no body: what follows is the real one.
    RawClient *raw = &client;
    QTRY_VERIFY(raw->buffer().contains("HTTP/1.1 200 OK"));
    QCOMPARE(m_received.size(), 1);
    QCOMPARE(m_received.constFirst().body, QByteArray("{\"x\":1}"));
}

void TestEmulatorHttp::chunkedBody()
{
    RawClient client(m_server->port());
    client.send("POST /Chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n");
    QTest::qWait(50);
    QVERIFY(m_received.isEmpty());
    client.send("4\r\n\":1}\r\n0\r\n\r\n");
    const RawResponse response = client.next();
    QCOMPARE(response.status, 200);
    QCOMPARE(m_received.size(), 1);
    QCOMPARE(m_received.constFirst().body, QByteArray("{\"a\":1}"));
}

void TestEmulatorHttp::http10ClosesAfterTheAnswer()
{
    RawClient client(m_server->port());
    client.send("GET /Old HTTP/1.0\r\n\r\n");
    const RawResponse response = client.next();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Connection"), QByteArray("close"));
    QVERIFY(client.waitDisconnected());
}

void TestEmulatorHttp::handlerFailureIs500()
{
    m_throwInHandler = [] { throw std::runtime_error("broken fleet"); };
    RawClient client(m_server->port());
    client.send(post("/Anything", "{}"));
    const RawResponse response = client.next();
    QCOMPARE(response.status, 500);
    QCOMPARE(response.header("x-amzn-ErrorType"), QByteArray("InternalServerException"));
    QVERIFY(response.body.contains("broken fleet"));
    m_throwInHandler = nullptr;
    client.send(post("/Again", "{}"));
    QCOMPARE(client.next().status, 200);
}

void TestEmulatorHttp::closeEndsConnections()
{
    RawClient client(m_server->port());
    client.send(post("/One", "{}"));
    QCOMPARE(client.next().status, 200);
    m_server->close();
    QVERIFY(!m_server->isListening());
    QVERIFY(client.waitDisconnected());
}

void TestEmulatorHttp::clientPagesThroughTenThousandServers()
{
    SigV4Verifier::Options options;
    options.credentials = testCredentials;
    m_server->setVerifier(std::make_shared<SigV4Verifier>(options));
    m_fleetSize = 10000;
    startClient();
    QSet<QString> ids;
    std::optional<MgnResult<PagingProgress>> result;
    QElapsedTimer timer;
    timer.start();
    m_client->describeSourceServers(
        {},
        [&](const mgn::Page<mgn::SourceServer> &page, const PagingProgress &) {
            for (const auto &server : page.items)
                ids.insert(server.id());
        },
        [&](const MgnResult<PagingProgress> &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 60000);
    QVERIFY2(result->ok(), qPrintable(result->error ? result->error->message : QString()));
    QCOMPARE(ids.size(), 10000);
    QCOMPARE(m_received.size(), 10);
    QCOMPARE(m_server->connectionCount(), 1); // one keep-alive connection for all pages
    qInfo("10 signed pages of 1000 servers in %lld ms", timer.elapsed());
}

void TestEmulatorHttp::clientWithWrongSecretIsRefused()
{
    SigV4Verifier::Options options;
    options.credentials = testCredentials;
    m_server->setVerifier(std::make_shared<SigV4Verifier>(options));
    AwsCredentials wrong = testCredentials;
    wrong.secretAccessKey = u"AnotherExampleSecretKeyEXAMPLEKEY"_s;
    startClient(wrong);
    const MgnResult<mgn::SourceServer> result = startReplication();
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, AwsError::Kind::InvalidSignature);
    QCOMPARE(result.error->httpStatus, 403);
    QVERIFY(result.error->message.startsWith(u"The request signature we calculated does not match"_s));
    QVERIFY(m_received.isEmpty());
    QCOMPARE(m_server->requestCount(), quint64(1)); // not retried

    startClient(testCredentials);
    QVERIFY(startReplication().ok());
    QCOMPARE(m_received.size(), 1);
}

void TestEmulatorHttp::unsignedRequestIsRefused()
{
    SigV4Verifier::Options options;
    options.credentials = testCredentials;
    m_server->setVerifier(std::make_shared<SigV4Verifier>(options));
    RawClient client(m_server->port());
    client.send(post("/StartReplication", "{\"sourceServerID\":\"s-1\"}"));
    const RawResponse response = client.next();
    QCOMPARE(response.status, 403);
    QCOMPARE(response.header("x-amzn-ErrorType"), QByteArray("MissingAuthenticationTokenException"));
    verifyCommonHeaders(response);
    QVERIFY(m_received.isEmpty());
}

void TestEmulatorHttp::clientClockSkewIsCorrected()
{
    // The client's clock is an hour slow: the first attempt is refused with
    // "Signature expired" and the server's Date; the transport re-signs with
    // the corrected time and succeeds.
    SigV4Verifier::Options options;
    options.credentials = testCredentials;
    m_server->setVerifier(std::make_shared<SigV4Verifier>(options));
    startClient();
    m_transport->setClock(std::make_shared<FixedClock>(QDateTime::currentDateTimeUtc().addSecs(-3600)));
    const MgnResult<mgn::SourceServer> result = startReplication();
    QVERIFY2(result.ok(), result.error ? qPrintable(result.error->message) : "no answer");
    QCOMPARE(m_server->requestCount(), quint64(2));
    QCOMPARE(m_received.size(), 1);
    QVERIFY(std::abs(m_transport->clockOffset().count() - 3600 * 1000) < 60 * 1000);
}

void TestEmulatorHttp::faultsThroughTheClient_data()
{
    QTest::addColumn<QString>("faults");
    QTest::addColumn<AwsError::Kind>("kind");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("handlerCalls");
    // StartReplication is not idempotent: sent again only after a throttle,
    // which proves the service did not act; never by Qt on its own.
    QTest::newRow("throttle") << u"throttle=1"_s << AwsError::Kind::Throttling << 3 << 0;
    QTest::newRow("error500") << u"error500=1"_s << AwsError::Kind::InternalServer << 1 << 0;
    QTest::newRow("malformed") << u"malformed=1"_s << AwsError::Kind::MalformedResponse << 1 << 1;
    QTest::newRow("drop") << u"drop=1"_s << AwsError::Kind::ConnectionClosed << 1 << 0;
}

void TestEmulatorHttp::faultsThroughTheClient()
{
    QFETCH(QString, faults);
    QFETCH(AwsError::Kind, kind);
    QFETCH(int, attempts);
    QFETCH(int, handlerCalls);
    SigV4Verifier::Options options;
    options.credentials = testCredentials;
    m_server->setVerifier(std::make_shared<SigV4Verifier>(options));
    const auto spec = FaultInjector::Spec::parse(faults, nullptr);
    QVERIFY(spec);
    auto injector = std::make_shared<FaultInjector>(*spec, 1);
    m_server->setFaultInjector(injector);
    QList<EmulatorHttpServer::Exchange> exchanges;
    connect(m_server.get(), &EmulatorHttpServer::exchanged, this,
        [&](const EmulatorHttpServer::Exchange &exchange) { exchanges.append(exchange); });
    startClient();

    const MgnResult<mgn::SourceServer> result = startReplication();
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, kind);
    QCOMPARE(int(m_server->requestCount()), attempts);
    QCOMPARE(m_received.size(), handlerCalls);
    QCOMPARE(exchanges.size(), int(m_server->requestCount()));
    QCOMPARE(injector->count(injector->spec().throttle > 0 ? FaultInjector::Fault::Throttle
                     : injector->spec().error500 > 0       ? FaultInjector::Fault::InternalError
                     : injector->spec().malformed > 0      ? FaultInjector::Fault::Malformed
                                                           : FaultInjector::Fault::Drop),
        int(m_server->requestCount()));
    QVERIFY(exchanges.constFirst().fault != FaultInjector::Fault::None);

    // Without faults, the same client succeeds.
    m_server->setFaultInjector(nullptr);
    QVERIFY(startReplication().ok());
}

void TestEmulatorHttp::slowFaultDelaysTheAnswer()
{
    m_server->setFaultInjector(
        std::make_shared<FaultInjector>(*FaultInjector::Spec::parse(u"slow=300ms"_s, nullptr), 1));
    startClient();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(startReplication().ok());
    QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));

    // A client that leaves while its answer is delayed: nothing breaks.
    RawClient client(m_server->port());
    client.send(post("/Gone", "{}"));
    QTRY_COMPARE(m_server->requestCount(), quint64(2));
    client.abort();
    QTest::qWait(400);
    QTRY_COMPARE(m_server->openConnections(), 1); // the client's keep-alive connection
}

QTEST_GUILESS_MAIN(TestEmulatorHttp)
#include "tst_emulatorhttp.moc"
