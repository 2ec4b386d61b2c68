#include "app/aws/AwsTransport.h"
#include "app/aws/FixedClock.h"
#include "app/aws/SigV4Signer.h"
#include "tests/support/TestHttpServer.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

#include <chrono>
#include <memory>

using namespace mgn;

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using Kind = AwsError::Kind;
using Response = TestHttpServer::Response;

Q_DECLARE_METATYPE(TestHttpServer::Response)
Q_DECLARE_METATYPE(AwsError::Kind)
Q_DECLARE_METATYPE(RetryStrategy::Verdict)

namespace {

// Made-up keys; the secret and the token are what must never be logged.
const QString keyId = QStringLiteral("AKIDTRANSPORTTEST");
const QString secret = QStringLiteral("TransportTestSecretKey/doNotLog+0123456789abcdefgh");
const QString token = QStringLiteral("TransportTestSessionToken/doNotLog+ZXhhbXBsZQ==");

AwsCredentials testCredentials()
{
    AwsCredentials credentials;
    credentials.accessKeyId = keyId;
    credentials.secretAccessKey = secret;
    credentials.sessionToken = token;
    return credentials;
}

const QDateTime startTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

QDateTime parseAmzDate(const QByteArray &text)
{
    const QDateTime parsed
        = QDateTime::fromString(QString::fromLatin1(text), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    return QDateTime(parsed.date(), parsed.time(), Qt::UTC);
}

// The Authorization header a service holding `credentials` expects for a
// request as it arrived: the headers it says it signed, signed at its
// X-Amz-Date.
QByteArray expectedAuthorization(const TestHttpServer::Request &request, const AwsCredentials &credentials)
{
    static const QRegularExpression signedHeaders(QStringLiteral("SignedHeaders=([^,]+),"));
    const auto match = signedHeaders.match(QString::fromLatin1(request.header("Authorization")));
    if (!match.hasMatch())
        return {};
    SigV4Request toSign;
    toSign.method = request.method;
    toSign.path = request.path;
    toSign.query = request.query;
    toSign.body = request.body;
    for (const QString &name : match.captured(1).split(u';'))
        toSign.appendHeader(name.toLatin1(), request.header(name.toLatin1()));
    SigV4Signer::Options options;
    options.region = QStringLiteral("us-east-1");
    options.service = QStringLiteral("mgn");
    const SigV4Signer signer(options);
    return signer.signHeaders(toSign, credentials, parseAmzDate(request.header("X-Amz-Date")))
        .request.headerValue("Authorization");
}

// A transport against a TestHttpServer, with a fixed clock, fixed jitter
// (0.5) and a scheduler that records each retry delay instead of waiting it
// out (or holds the retry until the test fires it).
struct Harness {
    Harness()
        : clock(std::make_shared<FixedClock>(startTime))
    {
        server.listen();
        makeTransport({});
    }
    Q_DISABLE_COPY_MOVE(Harness)

    void makeTransport(AwsTransport::Options options)
    {
        options.region = QStringLiteral("us-east-1");
        transport = std::make_unique<AwsTransport>(options);
        transport->setCredentials(testCredentials());
        transport->setClock(clock);
        transport->retryStrategy().setRandomSource([] { return 0.5; });
        transport->setScheduler([this](milliseconds delay, QObject *context, std::function<void()> fire) {
            delays.append(delay);
            if (holdRetries) {
                held.append([context = QPointer<QObject>(context), fire] {
                    if (context)
                        fire();
                });
                return;
            }
            QTimer::singleShot(0, context, fire);
        });
        QObject::connect(transport.get(), &AwsTransport::attemptFinished, transport.get(),
            [this](const AwsAttemptInfo &info) { attempts.append(info); });
    }

    AwsReply *send(const QByteArray &body = "{}", std::optional<milliseconds> timeout = std::nullopt)
    {
        return send(server.url(QStringLiteral("/DescribeSourceServers")), body, timeout);
    }

    AwsReply *send(
        const QUrl &url, const QByteArray &body = "{}", std::optional<milliseconds> timeout = std::nullopt)
    {
        AwsHttpRequest request;
        request.url = url;
        request.body = body;
        request.operation = QStringLiteral("DescribeSourceServers");
        request.timeout = timeout;
        return transport->send(request);
    }

    TestHttpServer server;
    std::shared_ptr<FixedClock> clock;
    std::unique_ptr<AwsTransport> transport;
    QList<milliseconds> delays;
    QList<AwsAttemptInfo> attempts;
    bool holdRetries = false;
    QList<std::function<void()>> held;
};

} // namespace

// AwsTransport over real loopback HTTP against a scripted server: signing,
// retries and what is never retried, transport failures, timeouts,
// cancellation, clock-skew correction, and that nothing secret is logged.
class TestAwsTransport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signedRequestSucceeds();
    void retriedThenSucceeds_data();
    void retriedThenSucceeds();
    void callerFaultNotRetried_data();
    void callerFaultNotRetried();
    void brokenResponseRetriedThenReported_data();
    void brokenResponseRetriedThenReported();
    void timeout();
    void perRequestTimeout();
    void quotaExhaustedStopsRetries();
    void retryAfterTooLongIsReported();
    void cancelInFlight();
    void cancelWhileWaitingToRetry();
    void cancelBeforeSending();
    void clockSkewCorrected();
    void clockSkewRetriedOnlyOnce();
    void connectionRefused();
    void hostNotFound();
    void tlsFailureNotRetried();
    void notIdempotentRetriedOnlyWhenNotActedOn_data();
    void notIdempotentRetriedOnlyWhenNotActedOn();
    void attemptsShareAnInvocationId();
    void credentialsUnavailable();
    void credentialsSourceError();
    void nonJsonBodies();
    void deleteReplyInFlight();
    void deleteTransportInFlight();
    void noSecretsInLogs();
};

void TestAwsTransport::signedRequestSucceeds()
{
    Harness h;
    const QByteArray body = R"({"sourceServerID":"s-1234567890abcdef0"})";
    h.server.enqueue(Response::json(200, R"({"items":[]})", { { "x-amzn-RequestId", "req-ok" } }));
    QSignalSpy inFlight(h.transport.get(), &AwsTransport::requestsInFlightChanged);
    AwsReply *reply = h.send(body);
    QSignalSpy finished(reply, &AwsReply::finished);
    QCOMPARE(finished.count(), 0); // never from send() itself
    QCOMPARE(h.transport->requestsInFlight(), 1);
    QTRY_COMPARE(finished.count(), 1);

    QVERIFY(reply->isSuccess());
    QVERIFY(!reply->error());
    QCOMPARE(reply->response().httpStatus, 200);
    QCOMPARE(reply->response().body, QByteArray(R"({"items":[]})"));
    QCOMPARE(reply->response().requestId(), QStringLiteral("req-ok"));
    QCOMPARE(reply->attempts(), 1);
    QCOMPARE(h.transport->requestsInFlight(), 0);
    QCOMPARE(inFlight.count(), 2);

    QCOMPARE(h.server.requestCount(), 1);
    const TestHttpServer::Request &request = h.server.requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/DescribeSourceServers"));
    QCOMPARE(request.body, body);
    QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
    QVERIFY(request.header("User-Agent").startsWith("mgn-dashboard/"));
    QCOMPARE(request.header("X-Amz-Date"), QByteArray("20260101T000000Z"));
    QCOMPARE(request.header("X-Amz-Security-Token"), token.toLatin1());

    const QByteArray authorization = request.header("Authorization");
    static const QRegularExpression shape(
        QStringLiteral("^AWS4-HMAC-SHA256 Credential=AKIDTRANSPORTTEST/20260101/us-east-1/mgn/aws4_request, "
                       "SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$"));
    const auto match = shape.match(QString::fromLatin1(authorization));
    QVERIFY2(match.hasMatch(), authorization.constData());
    const QStringList signedHeaders = match.captured(1).split(u';');
    for (const char *name : { "content-type", "host", "x-amz-date", "x-amz-security-token" })
        QVERIFY2(signedHeaders.contains(QLatin1StringView(name)), name);

    // The server, knowing the secret, computes the same signature; with
    // another secret it would not.
    QCOMPARE(expectedAuthorization(request, testCredentials()), authorization);
    AwsCredentials wrong = testCredentials();
    wrong.secretAccessKey = QStringLiteral("another secret");
    QVERIFY(expectedAuthorization(request, wrong) != authorization);

    QCOMPARE(h.attempts.size(), 1);
    QCOMPARE(h.attempts.first().attempt, 1);
    QCOMPARE(h.attempts.first().httpStatus, 200);
    QCOMPARE(h.attempts.first().requestId, QStringLiteral("req-ok"));
    QCOMPARE(h.attempts.first().operation, QStringLiteral("DescribeSourceServers"));
    QVERIFY(!h.attempts.first().errorKind);
    QCOMPARE(h.attempts.first().next, AwsAttemptInfo::Next::Done);
    QCOMPARE(h.transport->retryStrategy().availableQuota(), 500);
    delete reply;
}

void TestAwsTransport::retriedThenSucceeds_data()
{
    QTest::addColumn<Response>("failure");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<qint64>("delayMs");

    // The jitter is 0.5 and the first retry's cap 1 s: 500 ms unless the
    // service asks for longer.
    QTest::newRow("500 InternalServerException")
        << Response::awsError(500, "InternalServerException", R"({"message":"oops"})") << Kind::InternalServer
        << qint64(500);
    QTest::newRow("500 with Retry-After")
        << Response::awsError(500, "InternalServerException", R"({"message":"oops"})")
               .withHeader("Retry-After", "2")
        << Kind::InternalServer << qint64(2000);
    QTest::newRow("429 ThrottlingException with Retry-After")
        << Response::awsError(429, "ThrottlingException", R"({"message":"Rate exceeded"})")
               .withHeader("Retry-After", "7")
        << Kind::Throttling << qint64(7000);
    QTest::newRow("400 TooManyRequestsException")
        << Response::awsError(400, "TooManyRequestsException", R"({"message":"slow"})")
        << Kind::UnknownServiceError << qint64(500);
    QTest::newRow("408 RequestTimeoutException") << Response::awsError(408, "RequestTimeoutException", "{}")
                                                 << Kind::UnknownServiceError << qint64(500);
    Response html;
    html.status = 502;
    html.headers = { { "Content-Type", "text/html" } };
    html.body = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    QTest::newRow("502 HTML page") << html << Kind::UnexpectedHttpStatus << qint64(500);
    Response empty;
    empty.status = 503;
    QTest::newRow("503 empty") << empty << Kind::UnexpectedHttpStatus << qint64(500);
    Response gateway;
    gateway.status = 504;
    QTest::newRow("504 empty") << gateway << Kind::UnexpectedHttpStatus << qint64(500);
    const Response ok = Response::json(200, R"({"items":["a long enough body"]})");
    QTest::newRow("connection dropped mid-body")
        << Response::closeAfter(ok.serialize().indexOf("\r\n\r\n") + 4 + 10, ok) << Kind::TruncatedResponse
        << qint64(500);
}

void TestAwsTransport::retriedThenSucceeds()
{
    QFETCH(Response, failure);
    QFETCH(Kind, kind);
    QFETCH(qint64, delayMs);

    Harness h;
    h.server.enqueue(failure);
    h.server.enqueue(Response::json(200, R"({"ok":true})"));
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);

    QVERIFY2(reply->isSuccess(), qPrintable(reply->error() ? reply->error()->userMessage() : QString()));
    QCOMPARE(reply->response().body, QByteArray(R"({"ok":true})"));
    QCOMPARE(reply->attempts(), 2);
    QCOMPARE(h.server.requestCount(), 2);
    QCOMPARE(h.delays, QList<milliseconds> { milliseconds(delayMs) });

    // Each attempt signed afresh.
    for (const auto &request : h.server.requests())
        QCOMPARE(expectedAuthorization(request, testCredentials()), request.header("Authorization"));

    QCOMPARE(h.attempts.size(), 2);
    QCOMPARE(h.attempts.at(0).attempt, 1);
    QCOMPARE(h.attempts.at(0).errorKind, std::optional(kind));
    QCOMPARE(h.attempts.at(0).next, AwsAttemptInfo::Next::Retry);
    QCOMPARE(h.attempts.at(0).verdict, RetryStrategy::Verdict::Retry);
    QCOMPARE(h.attempts.at(0).delay, milliseconds(delayMs));
    QCOMPARE(h.attempts.at(1).attempt, 2);
    QVERIFY(!h.attempts.at(1).errorKind);
    QCOMPARE(h.attempts.at(1).next, AwsAttemptInfo::Next::Done);
    // The retry's cost was given back by the success.
    QCOMPARE(h.transport->retryStrategy().availableQuota(), 500);
    delete reply;
}

void TestAwsTransport::callerFaultNotRetried_data()
{
    QTest::addColumn<Response>("failure");
    QTest::addColumn<Kind>("kind");

    QTest::newRow("400 ValidationException") << Response::awsError(400, "ValidationException",
        R"({"message":"bad","reason":"fieldValidationFailed","fieldList":[{"name":"maxResults","message":"too big"}]})")
                                             << Kind::Validation;
    QTest::newRow("400 UninitializedAccountException")
        << Response::awsError(400, "UninitializedAccountException", R"({"message":"init"})")
        << Kind::UninitializedAccount;
    QTest::newRow("402 ServiceQuotaExceededException")
        << Response::awsError(402, "ServiceQuotaExceededException", R"({"message":"quota","quotaValue":5})")
        << Kind::ServiceQuotaExceeded;
    QTest::newRow("403 AccessDeniedException")
        << Response::awsError(403, "AccessDeniedException", R"({"message":"no"})") << Kind::AccessDenied;
    QTest::newRow("404 ResourceNotFoundException") << Response::awsError(404, "ResourceNotFoundException",
        R"({"message":"gone","resourceId":"s-1"})") << Kind::ResourceNotFound;
    QTest::newRow("409 ConflictException")
        << Response::awsError(409, "ConflictException", R"({"message":"busy","errors":[{"message":"m"}]})")
        << Kind::Conflict;
    QTest::newRow("403 UnrecognizedClientException") << Response::awsError(
        403, "UnrecognizedClientException", R"({"message":"The security token is invalid"})")
                                                     << Kind::UnrecognizedClient;
    QTest::newRow("403 ExpiredTokenException")
        << Response::awsError(403, "ExpiredTokenException", R"({"message":"expired"})") << Kind::ExpiredToken;
    Response notImplemented;
    notImplemented.status = 501;
    QTest::newRow("501") << notImplemented << Kind::UnexpectedHttpStatus;
}

void TestAwsTransport::callerFaultNotRetried()
{
    QFETCH(Response, failure);
    QFETCH(Kind, kind);

    Harness h;
    h.server.enqueue(failure);
    h.server.enqueue(Response::json(200, "{}")); // what a retry would get
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);
    QTest::qWait(50);

    QCOMPARE(finished.count(), 1);
    QVERIFY(!reply->isSuccess());
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, kind);
    QCOMPARE(reply->error()->httpStatus, failure.status);
    QCOMPARE(reply->response().httpStatus, failure.status);
    QCOMPARE(reply->attempts(), 1);
    QCOMPARE(h.server.requestCount(), 1);
    QVERIFY(h.delays.isEmpty());
    QCOMPARE(h.attempts.size(), 1);
    QCOMPARE(h.attempts.first().verdict, RetryStrategy::Verdict::NotRetryable);
    QCOMPARE(h.transport->retryStrategy().availableQuota(), 500);
    delete reply;
}

void TestAwsTransport::brokenResponseRetriedThenReported_data()
{
    QTest::addColumn<Response>("failure");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<bool>("qtResends");

    // Before the status line is complete, Qt itself sends the request again
    // on a new connection (up to twice) before it reports the failure: the
    // server sees more requests than the transport made attempts.
    QTest::newRow("closed in the status line") << Response::closeAfter(5) << Kind::ConnectionClosed << true;
    const Response ok = Response::json(200, R"({"items":["a long enough body"]})");
    const qsizetype headerLength = ok.serialize().indexOf("\r\n\r\n") + 4;
    QTest::newRow("closed in the body")
        << Response::closeAfter(headerLength + 10, ok) << Kind::TruncatedResponse << false;
    QTest::newRow("body shorter than Content-Length")
        << Response::shortBody(200, R"({"items":[)", 1000) << Kind::TruncatedResponse << false;
}

void TestAwsTransport::brokenResponseRetriedThenReported()
{
    QFETCH(Response, failure);
    QFETCH(Kind, kind);
    QFETCH(bool, qtResends);

    Harness h;
    h.server.setHandler([failure](const TestHttpServer::Request &) { return failure; });
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);

    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, kind);
    QCOMPARE(reply->error()->category(), AwsError::Category::Transport);
    QVERIFY(!reply->error()->userMessage().isEmpty());
    QCOMPARE(reply->attempts(), 3);
    if (qtResends)
        QVERIFY(h.server.requestCount() >= 3);
    else
        QCOMPARE(h.server.requestCount(), 3);
    QCOMPARE(h.delays, (QList<milliseconds> { 500ms, 1000ms }));
    QCOMPARE(h.attempts.last().verdict, RetryStrategy::Verdict::MaxAttemptsReached);
    QCOMPARE(h.transport->retryStrategy().availableQuota(), 490);
    delete reply;
}

void TestAwsTransport::timeout()
{
    Harness h;
    h.transport->setTimeout(200ms);
    h.server.setHandler([](const TestHttpServer::Request &) { return Response::neverAnswer(); });
    QElapsedTimer elapsed;
    elapsed.start();
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);

    QVERIFY(elapsed.elapsed() >= 3 * 200);
    QVERIFY(reply->error());
    QCOMPARE(reply->error()->kind, Kind::Timeout);
    QVERIFY(reply->error()->isTimeout());
    QCOMPARE(reply->attempts(), 3);
    QCOMPARE(h.server.requestCount(), 3);
    // A retry after a timeout costs 10.
    QCOMPARE(h.transport->retryStrategy().availableQuota(), 480);
    QTRY_COMPARE(h.server.openConnections(), 0);
    delete reply;
}

void TestAwsTransport::perRequestTimeout()
{
    AwsTransport::Options options;
    options.retry.maxAttempts = 1;
    Harness h;
    h.makeTransport(options);
    QCOMPARE(h.transport->options().timeout, 30s);
    h.server.enqueue(Response::neverAnswer());
    QElapsedTimer elapsed;
    elapsed.start();
    AwsReply *reply = h.send("{}", 100ms);
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 3000);
    QVERIFY(elapsed.elapsed() >= 100);
    QCOMPARE(reply->error()->kind, Kind::Timeout);
    QCOMPARE(h.attempts.first().verdict, RetryStrategy::Verdict::MaxAttemptsReached);
    delete reply;
}

void TestAwsTransport::quotaExhaustedStopsRetries()
{
    AwsTransport::Options options;
    options.retry.initialQuota = 5; // one retry's worth
    Harness h;
    h.makeTransport(options);
    h.server.setHandler([](const TestHttpServer::Request &) {
        return Response::awsError(503, "ServiceUnavailableException", "{}");
    });
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(reply->attempts(), 2);
    QCOMPARE(h.server.requestCount(), 2);
    QCOMPARE(h.attempts.last().verdict, RetryStrategy::Verdict::QuotaExhausted);
    QCOMPARE(h.transport->retryStrategy().availableQuota(), 0);
    delete reply;
}

void TestAwsTransport::retryAfterTooLongIsReported()
{
    Harness h;
    h.server.enqueue(Response::awsError(429, "ThrottlingException", R"({"message":"Rate exceeded"})")
                         .withHeader("Retry-After", "60"));
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(reply->error()->kind, Kind::Throttling);
    QCOMPARE(reply->error()->retryAfter, std::optional(milliseconds(60s)));
    QCOMPARE(h.server.requestCount(), 1);
    QCOMPARE(h.attempts.last().verdict, RetryStrategy::Verdict::RetryAfterTooLong);
    QVERIFY(reply->error()->userMessage().contains(u"60 second"));
    delete reply;
}

void TestAwsTransport::cancelInFlight()
{
    Harness h;
    h.server.enqueue(Response::neverAnswer());
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(h.server.requestCount(), 1);
    QCOMPARE(h.server.openConnections(), 1);

    reply->abort();
    QCOMPARE(finished.count(), 1);
    QVERIFY(reply->isFinished());
    QCOMPARE(reply->error()->kind, Kind::Cancelled);
    QCOMPARE(reply->error()->category(), AwsError::Category::Cancelled);
    QCOMPARE(h.transport->requestsInFlight(), 0);
    QCOMPARE(h.attempts.size(), 1);
    QCOMPARE(h.attempts.first().errorKind, std::optional(Kind::Cancelled));

    reply->abort(); // finished once only
    QTRY_COMPARE(h.server.openConnections(), 0);
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(h.server.requestCount(), 1);
    delete reply;
}

void TestAwsTransport::cancelWhileWaitingToRetry()
{
    Harness h;
    h.holdRetries = true;
    h.server.enqueue(Response::awsError(500, "InternalServerException", "{}"));
    h.server.enqueue(Response::json(200, "{}"));
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(h.held.size(), 1);
    QCOMPARE(finished.count(), 0);

    reply->abort();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reply->error()->kind, Kind::Cancelled);
    QCOMPARE(reply->attempts(), 1);

    // The retry's timer firing late does nothing.
    h.held.first()();
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(h.server.requestCount(), 1);
    QCOMPARE(reply->attempts(), 1);
    QCOMPARE(h.transport->requestsInFlight(), 0);
    delete reply;
}

void TestAwsTransport::cancelBeforeSending()
{
    Harness h;
    AwsReply *queued = h.send();
    QSignalSpy queuedFinished(queued, &AwsReply::finished);
    queued->abort();
    QCOMPARE(queuedFinished.count(), 1);
    QCOMPARE(queued->error()->kind, Kind::Cancelled);

    // Waiting for credentials that never come.
    h.transport->setCredentialsSource([](QObject *, const AwsTransport::CredentialsCallback &) {});
    AwsReply *waiting = h.send();
    QSignalSpy waitingFinished(waiting, &AwsReply::finished);
    QTest::qWait(20);
    QCOMPARE(waitingFinished.count(), 0);
    waiting->abort();
    QCOMPARE(waitingFinished.count(), 1);
    QCOMPARE(waiting->error()->kind, Kind::Cancelled);

    QTest::qWait(50);
    QCOMPARE(queuedFinished.count(), 1);
    QCOMPARE(h.server.requestCount(), 0);
    QCOMPARE(h.transport->requestsInFlight(), 0);
    delete queued;
    delete waiting;
}

// The local clock is an hour behind: the service says the signature expired,
// the transport learns the offset from the response's Date, re-signs at once
// and remembers the offset for the requests that follow.
void TestAwsTransport::clockSkewCorrected()
{
    Harness h;
    const QDateTime serverTime = startTime.addSecs(3600);
    h.server.setHandler([serverTime](const TestHttpServer::Request &request) {
        const QByteArray date = TestHttpServer::httpDate(serverTime);
        const QDateTime signedAt = parseAmzDate(request.header("X-Amz-Date"));
        if (qAbs(signedAt.secsTo(serverTime)) > 300) {
            const QByteArray body = R"({"message":"Signature expired: )" + request.header("X-Amz-Date")
                + " is now earlier than " + SigV4Signer::amzDate(serverTime.addSecs(-300)) + R"("})";
            return Response::awsError(403, "InvalidSignatureException", body).withHeader("Date", date);
        }
        return Response::json(200, "{}").withHeader("Date", date);
    });

    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error() ? reply->error()->userMessage() : QString()));
    QCOMPARE(reply->attempts(), 2);
    QCOMPARE(h.server.requestCount(), 2);
    QCOMPARE(h.server.requests().at(0).header("X-Amz-Date"), QByteArray("20260101T000000Z"));
    QCOMPARE(h.server.requests().at(1).header("X-Amz-Date"), QByteArray("20260101T010000Z"));
    QCOMPARE(expectedAuthorization(h.server.requests().at(1), testCredentials()),
        h.server.requests().at(1).header("Authorization"));
    QCOMPARE(h.transport->clockOffset(), milliseconds(1h));
    QVERIFY(h.delays.isEmpty()); // re-signed at once, not a backoff
    QCOMPARE(h.attempts.first().next, AwsAttemptInfo::Next::ClockSkewRetry);
    QCOMPARE(h.attempts.first().errorKind, std::optional(Kind::InvalidSignature));
    QCOMPARE(h.transport->retryStrategy().availableQuota(), 500);
    delete reply;

    // The next request is signed with the corrected time straight away.
    h.clock->advance(1min);
    AwsReply *next = h.send();
    QSignalSpy nextFinished(next, &AwsReply::finished);
    QTRY_COMPARE(nextFinished.count(), 1);
    QVERIFY(next->isSuccess());
    QCOMPARE(next->attempts(), 1);
    QCOMPARE(h.server.requestCount(), 3);
    QCOMPARE(h.server.requests().at(2).header("X-Amz-Date"), QByteArray("20260101T010100Z"));
    delete next;
}

void TestAwsTransport::clockSkewRetriedOnlyOnce()
{
    Harness h;
    // A server whose every answer says "expired", its Date an hour ahead.
    const QByteArray date = TestHttpServer::httpDate(startTime.addSecs(3600));
    h.server.setHandler([date](const TestHttpServer::Request &) {
        return Response::awsError(403, "InvalidSignatureException", R"({"message":"Signature expired: x"})")
            .withHeader("Date", date);
    });
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);
    QTest::qWait(50);
    QCOMPARE(reply->error()->kind, Kind::InvalidSignature);
    QCOMPARE(reply->error()->category(), AwsError::Category::Auth);
    QCOMPARE(reply->attempts(), 2);
    QCOMPARE(h.server.requestCount(), 2);
    QCOMPARE(h.attempts.last().next, AwsAttemptInfo::Next::Done);
    delete reply;
}

void TestAwsTransport::connectionRefused()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    Harness h;
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    url.setPath(QStringLiteral("/"));
    AwsReply *reply = h.send(url);
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(reply->error()->kind, Kind::ConnectionRefused);
    QCOMPARE(reply->error()->httpStatus, 0);
    QVERIFY(!reply->error()->isServiceError());
    QCOMPARE(reply->attempts(), 3);
    QCOMPARE(h.delays.size(), 2);
    QVERIFY(reply->error()->userMessage().startsWith(u"Connection refused"));
    delete reply;
}

void TestAwsTransport::hostNotFound()
{
    Harness h;
    // .invalid never resolves (RFC 6761).
    AwsReply *reply = h.send(QUrl(QStringLiteral("http://mgn.us-east-1.nowhere.invalid/")));
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(reply->error()->kind, Kind::HostNotFound);
    QCOMPARE(reply->error()->category(), AwsError::Category::Transport);
    QCOMPARE(reply->attempts(), 3);
    delete reply;
}

// https to a server that answers plain HTTP: the handshake fails, and a
// certificate or protocol mismatch is not worth another attempt.
void TestAwsTransport::tlsFailureNotRetried()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    QTcpServer plain;
    QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
    int connections = 0;
    connect(&plain, &QTcpServer::newConnection, &plain, [&plain, &connections] {
        while (QTcpSocket *socket = plain.nextPendingConnection()) {
            ++connections;
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        }
    });

    Harness h;
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(plain.serverPort());
    url.setPath(QStringLiteral("/"));
    AwsReply *reply = h.send(url);
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(reply->error()->kind, Kind::Tls);
    QVERIFY(!reply->error()->isRetryable());
    QCOMPARE(reply->attempts(), 1);
    QCOMPARE(connections, 1);
    QVERIFY(h.delays.isEmpty());
    delete reply;
}

void TestAwsTransport::credentialsUnavailable()
{
    Harness h;
    h.makeTransport({});
    h.transport->setCredentialsSource({});
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(reply->error()->kind, Kind::CredentialsUnavailable);
    QCOMPARE(reply->error()->category(), AwsError::Category::Auth);
    QCOMPARE(reply->attempts(), 0);
    QCOMPARE(h.server.requestCount(), 0);
    delete reply;

    // Credentials without a secret are no credentials.
    AwsCredentials incomplete = testCredentials();
    incomplete.secretAccessKey.clear();
    h.transport->setCredentials(incomplete);
    AwsReply *second = h.send();
    QSignalSpy secondFinished(second, &AwsReply::finished);
    QTRY_COMPARE(secondFinished.count(), 1);
    QCOMPARE(second->error()->kind, Kind::CredentialsUnavailable);
    QCOMPARE(h.server.requestCount(), 0);
    delete second;
}

// A source answering later, as CredentialsProvider does, with its reason.
void TestAwsTransport::credentialsSourceError()
{
    Harness h;
    int asked = 0;
    h.transport->setCredentialsSource([&asked](QObject *context, AwsTransport::CredentialsCallback done) {
        ++asked;
        QTimer::singleShot(10, context, [done] {
            done({ std::nullopt, QStringLiteral("The profile \"prod\" has no keys in the keychain") });
        });
    });
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(reply->error()->kind, Kind::CredentialsUnavailable);
    QVERIFY(reply->error()->userMessage().contains(u"has no keys in the keychain"));
    QCOMPARE(asked, 1); // not retried
    QCOMPARE(h.server.requestCount(), 0);
    delete reply;
}

void TestAwsTransport::nonJsonBodies()
{
    Harness h;
    Response forbidden;
    forbidden.status = 403;
    forbidden.headers = { { "Content-Type", "text/html" } };
    forbidden.body
        = "<html><head><title>Access to this site is blocked</title></head><body>proxy</body></html>";
    h.server.enqueue(forbidden);
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(reply->error()->kind, Kind::UnexpectedHttpStatus);
    QCOMPARE(reply->error()->message, QStringLiteral("Access to this site is blocked"));
    QCOMPARE(reply->error()->category(), AwsError::Category::CallerFault);
    QCOMPARE(h.server.requestCount(), 1);
    delete reply;

    // A 2xx body is delivered as it came: whether it is the JSON expected is
    // the caller's to judge.
    h.server.enqueue(Response::json(200, "not json at all"));
    AwsReply *odd = h.send();
    QSignalSpy oddFinished(odd, &AwsReply::finished);
    QTRY_COMPARE(oddFinished.count(), 1);
    QVERIFY(odd->isSuccess());
    QCOMPARE(odd->response().body, QByteArray("not json at all"));
    delete odd;
}

void TestAwsTransport::deleteReplyInFlight()
{
    Harness h;
    h.server.enqueue(Response::neverAnswer());
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(h.server.requestCount(), 1);
    QCOMPARE(h.transport->requestsInFlight(), 1);
    delete reply;
    QCOMPARE(h.transport->requestsInFlight(), 0);
    QTRY_COMPARE(h.server.openConnections(), 0);
    QCOMPARE(finished.count(), 0);
}

void TestAwsTransport::deleteTransportInFlight()
{
    Harness h;
    h.holdRetries = true;
    h.server.enqueue(Response::neverAnswer());
    h.server.enqueue(Response::awsError(500, "InternalServerException", "{}"));
    QPointer<AwsReply> sending = h.send();
    QSignalSpy sendingFinished(sending.data(), &AwsReply::finished);
    QTRY_COMPARE(h.server.requestCount(), 1);
    QPointer<AwsReply> waiting = h.send();
    QSignalSpy waitingFinished(waiting.data(), &AwsReply::finished);
    QTRY_COMPARE(h.held.size(), 1);
    h.transport->setCredentialsSource([](QObject *, const AwsTransport::CredentialsCallback &) {});
    QPointer<AwsReply> fetching = h.send();
    QTRY_COMPARE(h.transport->requestsInFlight(), 3);

    h.transport.reset();
    QVERIFY(sending.isNull());
    QVERIFY(waiting.isNull());
    QVERIFY(fetching.isNull());
    h.held.first()(); // the retry timer's context is gone: nothing happens
    QTRY_COMPARE(h.server.openConnections(), 0);
    QTest::qWait(50);
    QCOMPARE(sendingFinished.count(), 0);
    QCOMPARE(waitingFinished.count(), 0);
    QCOMPARE(h.server.requestCount(), 2);
}

namespace {
QMutex logMutex;
QStringList logLines;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&logMutex);
    logLines.append(QString::fromLatin1(context.category ? context.category : "") + u": " + message);
}
} // namespace

// With every logging category on, a request that is retried, fails its
// signature and succeeds leaves neither the secret, the token, a signature
// nor a body in the log.
void TestAwsTransport::noSecretsInLogs()
{
    Harness h;
    const QByteArray requestBody = R"({"filters":{"sourceServerIDs":["REQUEST-BODY-MARKER"]}})";
    h.server.enqueue(
        Response::awsError(500, "InternalServerException", R"({"message":"RESPONSE-BODY-MARKER"})"));
    h.server.setHandler([](const TestHttpServer::Request &request) {
        // A signature error that echoes the canonical request, token included.
        const QByteArray body
            = R"({"message":"The request signature we calculated does not match. )"
              R"(The Canonical String for this request should have been 'POST\n/\n\nx-amz-security-token:)"
            + request.header("X-Amz-Security-Token") + R"('"})";
        return Response::awsError(403, "InvalidSignatureException", body);
    });

    logLines.clear();
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    AwsReply *reply = h.send(requestBody);
    QSignalSpy finished(reply, &AwsReply::finished);
    const bool done = QTest::qWaitFor([&] { return finished.count() == 1; }, 5000);
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(done);

    QCOMPARE(reply->error()->kind, Kind::InvalidSignature);
    QCOMPARE(h.server.requestCount(), 2);
    const QString userMessage = reply->error()->userMessage();
    QVERIFY(!userMessage.contains(token));
    QVERIFY(!userMessage.contains(secret));

    const QString log = logLines.join(u'\n');
    // The log was captured: the transport's own lines are there.
    QVERIFY2(log.contains(u"mgn.aws.transport"), qPrintable(log));
    QVERIFY2(log.contains(u"DescribeSourceServers"), qPrintable(log));
    QVERIFY(!log.contains(secret));
    QVERIFY(!log.contains(token));
    QVERIFY(!log.contains(u"REQUEST-BODY-MARKER"));
    QVERIFY(!log.contains(u"RESPONSE-BODY-MARKER"));
    QVERIFY(!log.contains(u"Signature="));
    for (const auto &request : h.server.requests()) {
        const QByteArray authorization = request.header("Authorization");
        QVERIFY(!authorization.isEmpty());
        QVERIFY(!log.contains(QString::fromLatin1(authorization.right(64))));
    }
    delete reply;
}

void TestAwsTransport::notIdempotentRetriedOnlyWhenNotActedOn_data()
{
    QTest::addColumn<Response>("failure");
    QTest::addColumn<bool>("idempotent");
    QTest::addColumn<int>("attempts"); // the transport's
    QTest::addColumn<int>("received"); // by the server
    QTest::addColumn<bool>("success");
    QTest::addColumn<RetryStrategy::Verdict>("firstVerdict");

    using V = RetryStrategy::Verdict;
    const Response throttled
        = Response::awsError(429, "ThrottlingException", R"({"message":"Rate exceeded"})");
    const Response internal = Response::awsError(500, "InternalServerException", R"({"message":"oops"})");
    const Response dropped = Response::closeAfter(0);
    // Refused before acting: sent again either way.
    QTest::newRow("throttled, not idempotent") << throttled << false << 2 << 2 << true << V::Retry;
    QTest::newRow("throttled, idempotent") << throttled << true << 2 << 2 << true << V::Retry;
    // The service may have acted: only an idempotent request goes again.
    QTest::newRow("500, not idempotent") << internal << false << 1 << 1 << false << V::NotIdempotent;
    QTest::newRow("500, idempotent") << internal << true << 2 << 2 << true << V::Retry;
    // Closed before the answer: Qt itself sends an idempotent request again
    // (the transport sees one attempt), never one that is not.
    QTest::newRow("dropped, not idempotent") << dropped << false << 1 << 1 << false << V::NotIdempotent;
    QTest::newRow("dropped, idempotent") << dropped << true << 1 << 2 << true << V::NotRetryable;
}

void TestAwsTransport::notIdempotentRetriedOnlyWhenNotActedOn()
{
    QFETCH(Response, failure);
    QFETCH(bool, idempotent);
    QFETCH(int, attempts);
    QFETCH(int, received);
    QFETCH(bool, success);
    QFETCH(RetryStrategy::Verdict, firstVerdict);

    Harness h;
    h.server.enqueue(failure);
    h.server.enqueue(Response::json(200, R"({"job":{}})"));
    AwsHttpRequest request;
    request.url = h.server.url(QStringLiteral("/StartTest"));
    request.body = R"({"sourceServerIDs":["s-1234567890abcdef0"]})";
    request.operation = QStringLiteral("StartTest");
    request.idempotent = idempotent;
    AwsReply *reply = h.transport->send(request);
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(reply->attempts(), attempts);
    QCOMPARE(h.server.requestCount(), received);
    QCOMPARE(reply->isSuccess(), success);
    QCOMPARE(h.attempts.first().verdict, firstVerdict);
    // Every request the server got carried the whole body.
    for (const auto &got : h.server.requests())
        QCOMPARE(got.body, request.body);
    if (!success) {
        QCOMPARE(h.attempts.last().next, AwsAttemptInfo::Next::Done);
        QVERIFY(reply->error());
    }
    delete reply;
}

void TestAwsTransport::attemptsShareAnInvocationId()
{
    Harness h;
    h.server.enqueue(Response::awsError(503, "ServiceUnavailableException", "{}"));
    h.server.enqueue(Response::awsError(500, "InternalServerException", "{}"));
    h.server.enqueue(Response::json(200, "{}"));
    AwsReply *reply = h.send();
    QSignalSpy finished(reply, &AwsReply::finished);
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(reply->isSuccess());
    const auto requests = h.server.requests();
    QCOMPARE(requests.size(), 3);
    QVERIFY(QUuid::fromString(QLatin1StringView(reply->invocationId())) != QUuid());
    for (int i = 0; i < requests.size(); ++i) {
        QCOMPARE(requests.at(i).header("amz-sdk-invocation-id"), reply->invocationId());
        QCOMPARE(
            requests.at(i).header("amz-sdk-request"), "attempt=" + QByteArray::number(i + 1) + "; max=3");
    }
    // Another request, another ID.
    h.server.enqueue(Response::json(200, "{}"));
    AwsReply *other = h.send();
    QSignalSpy otherFinished(other, &AwsReply::finished);
    QTRY_COMPARE(otherFinished.count(), 1);
    QVERIFY(other->invocationId() != reply->invocationId());
    delete reply;
    delete other;
}

QTEST_GUILESS_MAIN(TestAwsTransport)
#include "tst_awstransport.moc"
