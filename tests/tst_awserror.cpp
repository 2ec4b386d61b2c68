#include "app/aws/AwsError.h"
#include "app/aws/AwsHttpResponse.h"

#include <QDebug>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <chrono>

using namespace mgn;

using namespace std::chrono_literals;
using Kind = AwsError::Kind;
using Category = AwsError::Category;
using Headers = AwsHttpResponse::Headers;
using Reason = mgn::ValidationExceptionReason;

Q_DECLARE_METATYPE(AwsError)
Q_DECLARE_METATYPE(AwsError::Kind)
Q_DECLARE_METATYPE(AwsError::Category)

// A readable QCOMPARE failure for a whole decoded error.
char *toString(const AwsError &error)
{
    QString text;
    QDebug debug(&text);
    debug.nospace() << "kind=" << int(error.kind) << " status=" << error.httpStatus << " code=" << error.code
                    << " message=" << error.message << " requestId=" << error.requestId
                    << " bodyCode=" << error.bodyCode << " resourceId=" << error.resourceId
                    << " resourceType=" << error.resourceType << " serviceCode=" << error.serviceCode
                    << " quotaCode=" << error.quotaCode << " quotaValue=" << error.quotaValue.value_or(-1)
                    << " reason=" << (error.reason ? error.reason->toWire() : QStringLiteral("-"))
                    << " retryAfter=" << (error.retryAfter ? error.retryAfter->count() : -1) << " errors=[";
    for (const AwsError::Detail &detail : error.errors)
        debug << detail.code << '/' << detail.message << '/' << detail.resourceId << '/'
              << detail.resourceType << ' ';
    debug << "] fieldList=[";
    for (const AwsError::Field &field : error.fieldList)
        debug << field.name << '/' << field.message << ' ';
    debug << ']';
    return qstrdup(text.toUtf8().constData());
}

namespace {

Headers errorHeaders(const QByteArray &type, Headers more = {})
{
    Headers headers { { "Content-Type", "application/json" }, { "x-amzn-RequestId", "req-1" } };
    if (!type.isEmpty())
        headers.append({ "x-amzn-ErrorType", type });
    headers.append(more);
    return headers;
}

AwsError expected(Kind kind, int status, const QString &code, const QString &message)
{
    AwsError error;
    error.kind = kind;
    error.httpStatus = status;
    error.code = code;
    error.message = message;
    error.requestId = QStringLiteral("req-1");
    return error;
}

} // namespace

// Error responses decoded into typed errors: every exception shape of the MGN
// API model with all its members, the authentication errors AWS answers for
// any service, unknown codes, non-JSON bodies, and the category and retry
// classification built on them.
class TestAwsError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void everyModelExceptionIsCovered();
    void classification_data();
    void classification();
    void normalizeCode_data();
    void normalizeCode();
    void retryAfter_data();
    void retryAfter();
    void parseHttpDate_data();
    void parseHttpDate();
    void clockSkew_data();
    void clockSkew();
    void userMessage_data();
    void userMessage();
    void signatureErrorMessageHoldsNoSecret();
    void transportError();
};

void TestAwsError::decode_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<AwsError>("error");
    QTest::addColumn<Category>("category");
    QTest::addColumn<bool>("retryable");

    {
        AwsError e = expected(Kind::Validation, 400, QStringLiteral("ValidationException"),
            QStringLiteral("2 validation errors detected"));
        e.bodyCode = QStringLiteral("VALIDATION_FAILED");
        e.reason = Reason::FieldValidationFailed;
        e.fieldList
            = { { QStringLiteral("sourceServerID"), QStringLiteral("must match ^s-[0-9a-zA-Z]{17}$") },
                  { QStringLiteral("maxResults"), QStringLiteral("must be at most 1000") } };
        QTest::newRow("ValidationException")
            << 400
            << errorHeaders("ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/")
            << QByteArray(R"({"message":"2 validation errors detected","code":"VALIDATION_FAILED",)"
                          R"("reason":"fieldValidationFailed","fieldList":[)"
                          R"({"name":"sourceServerID","message":"must match ^s-[0-9a-zA-Z]{17}$"},)"
                          R"({"name":"maxResults","message":"must be at most 1000"}]})")
            << e << Category::CallerFault << false;
    }
    {
        AwsError e
            = expected(Kind::Validation, 400, QStringLiteral("ValidationException"), QStringLiteral("odd"));
        e.reason = mgn::EnumValue<Reason>::fromWire(u"brandNewReason");
        QTest::newRow("ValidationException, reason unknown to this build")
            << 400 << errorHeaders("ValidationException")
            << QByteArray(R"({"message":"odd","reason":"brandNewReason"})") << e << Category::CallerFault
            << false;
    }
    {
        AwsError e = expected(Kind::UninitializedAccount, 400,
            QStringLiteral("UninitializedAccountException"), QStringLiteral("Account is not initialized"));
        e.bodyCode = QStringLiteral("UNINITIALIZED");
        QTest::newRow("UninitializedAccountException")
            << 400 << errorHeaders("UninitializedAccountException")
            << QByteArray(R"({"message":"Account is not initialized","code":"UNINITIALIZED"})") << e
            << Category::CallerFault << false;
    }
    {
        AwsError e = expected(Kind::ServiceQuotaExceeded, 402,
            QStringLiteral("ServiceQuotaExceededException"), QStringLiteral("Quota exceeded"));
        e.bodyCode = QStringLiteral("QUOTA");
        e.resourceId = QStringLiteral("s-1234567890abcdef0");
        e.resourceType = QStringLiteral("SOURCE_SERVER");
        e.serviceCode = QStringLiteral("mgn");
        e.quotaCode = QStringLiteral("L-1234ABCD");
        e.quotaValue = 150;
        QTest::newRow("ServiceQuotaExceededException")
            << 402 << errorHeaders("ServiceQuotaExceededException")
            << QByteArray(R"({"message":"Quota exceeded","code":"QUOTA","resourceId":"s-1234567890abcdef0",)"
                          R"("resourceType":"SOURCE_SERVER","serviceCode":"mgn","quotaCode":"L-1234ABCD",)"
                          R"("quotaValue":150})")
            << e << Category::CallerFault << false;
    }
    {
        AwsError e = expected(Kind::AccessDenied, 403, QStringLiteral("AccessDeniedException"),
            QStringLiteral("User is not authorized to perform mgn:StartCutover"));
        e.bodyCode = QStringLiteral("ACCESS_DENIED");
        QTest::newRow("AccessDeniedException")
            << 403 << errorHeaders("AccessDeniedException")
            << QByteArray(
                   R"({"message":"User is not authorized to perform mgn:StartCutover","code":"ACCESS_DENIED"})")
            << e << Category::CallerFault << false;
    }
    {
        AwsError e = expected(Kind::ResourceNotFound, 404, QStringLiteral("ResourceNotFoundException"),
            QStringLiteral("Source server not found"));
        e.bodyCode = QStringLiteral("NOT_FOUND");
        e.resourceId = QStringLiteral("s-0000000000000000a");
        e.resourceType = QStringLiteral("SOURCE_SERVER");
        QTest::newRow("ResourceNotFoundException")
            << 404 << errorHeaders("ResourceNotFoundException")
            << QByteArray(R"({"message":"Source server not found","code":"NOT_FOUND",)"
                          R"("resourceId":"s-0000000000000000a","resourceType":"SOURCE_SERVER"})")
            << e << Category::CallerFault << false;
    }
    {
        AwsError e = expected(Kind::Conflict, 409, QStringLiteral("ConflictException"),
            QStringLiteral("Cannot launch: servers in conflict"));
        e.bodyCode = QStringLiteral("CONFLICT");
        e.resourceId = QStringLiteral("s-1111111111111111a");
        e.resourceType = QStringLiteral("SOURCE_SERVER");
        e.errors = { { QStringLiteral("Server is not ready for test"), QStringLiteral("NOT_READY"),
                         QStringLiteral("s-1111111111111111a"), QStringLiteral("SOURCE_SERVER") },
            { QStringLiteral("Job in progress"), QStringLiteral("JOB_IN_PROGRESS"),
                QStringLiteral("mgnjob-1"), QStringLiteral("JOB") } };
        QTest::newRow("ConflictException")
            << 409 << errorHeaders("ConflictException")
            << QByteArray(R"({"message":"Cannot launch: servers in conflict","code":"CONFLICT",)"
                          R"("resourceId":"s-1111111111111111a","resourceType":"SOURCE_SERVER","errors":[)"
                          R"({"message":"Server is not ready for test","code":"NOT_READY",)"
                          R"("resourceId":"s-1111111111111111a","resourceType":"SOURCE_SERVER"},)"
                          R"({"message":"Job in progress","code":"JOB_IN_PROGRESS","resourceId":"mgnjob-1",)"
                          R"("resourceType":"JOB"}]})")
            << e << Category::CallerFault << false;
    }
    {
        AwsError e = expected(
            Kind::Throttling, 429, QStringLiteral("ThrottlingException"), QStringLiteral("Rate exceeded"));
        e.serviceCode = QStringLiteral("mgn");
        e.quotaCode = QStringLiteral("L-RATE");
        e.retryAfter = 3s;
        QTest::newRow("ThrottlingException")
            << 429 << errorHeaders("ThrottlingException", { { "Retry-After", "3" } })
            << QByteArray(R"({"message":"Rate exceeded","serviceCode":"mgn","quotaCode":"L-RATE"})") << e
            << Category::Throttling << true;
    }
    {
        AwsError e = expected(Kind::InternalServer, 500, QStringLiteral("InternalServerException"),
            QStringLiteral("Something broke"));
        e.retryAfter = 5s;
        QTest::newRow("InternalServerException")
            << 500 << errorHeaders("InternalServerException", { { "Retry-After", "5" } })
            << QByteArray(R"({"message":"Something broke"})") << e << Category::ServerFault << true;
    }

    // The errors AWS's front door answers for any service.
    QTest::newRow("UnrecognizedClientException")
        << 403 << errorHeaders("UnrecognizedClientException")
        << QByteArray(R"({"message":"The security token included in the request is invalid."})")
        << expected(Kind::UnrecognizedClient, 403, QStringLiteral("UnrecognizedClientException"),
               QStringLiteral("The security token included in the request is invalid."))
        << Category::Auth << false;
    QTest::newRow("InvalidSignatureException")
        << 403
        << errorHeaders(
               "InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.coral.service/")
        << QByteArray(R"({"message":"Signature expired: 20260101T000000Z is now earlier than )"
                      R"x(20260101T005500Z (20260101T010000Z - 5 min.)"})x")
        << expected(Kind::InvalidSignature, 403, QStringLiteral("InvalidSignatureException"),
               QStringLiteral("Signature expired: 20260101T000000Z is now earlier than 20260101T005500Z "
                              "(20260101T010000Z - 5 min.)"))
        << Category::Auth << false;
    QTest::newRow("ExpiredTokenException")
        << 403 << errorHeaders("ExpiredTokenException")
        << QByteArray(R"({"message":"The security token included in the request is expired"})")
        << expected(Kind::ExpiredToken, 403, QStringLiteral("ExpiredTokenException"),
               QStringLiteral("The security token included in the request is expired"))
        << Category::Auth << false;
    QTest::newRow("IncompleteSignatureException")
        << 400 << errorHeaders("IncompleteSignatureException")
        << QByteArray(R"({"message":"Authorization header requires 'Signature' parameter."})")
        << expected(Kind::IncompleteSignature, 400, QStringLiteral("IncompleteSignatureException"),
               QStringLiteral("Authorization header requires 'Signature' parameter."))
        << Category::Auth << false;
    QTest::newRow("SignatureDoesNotMatch (query style Code, Message)")
        << 403 << errorHeaders({})
        << QByteArray(
               R"({"Code":"SignatureDoesNotMatch","Message":"The request signature we calculated does not match"})")
        << expected(Kind::SignatureDoesNotMatch, 403, QStringLiteral("SignatureDoesNotMatch"),
               QStringLiteral("The request signature we calculated does not match"))
        << Category::Auth << false;
    QTest::newRow("MissingAuthenticationTokenException")
        << 403 << errorHeaders("MissingAuthenticationTokenException")
        << QByteArray(R"({"message":"Missing Authentication Token"})")
        << expected(Kind::MissingAuthenticationToken, 403,
               QStringLiteral("MissingAuthenticationTokenException"),
               QStringLiteral("Missing Authentication Token"))
        << Category::Auth << false;
    QTest::newRow("RequestTimeTooSkewed")
        << 403 << errorHeaders("RequestTimeTooSkewed")
        << QByteArray(
               R"({"message":"The difference between the request time and the current time is too large."})")
        << expected(Kind::InvalidSignature, 403, QStringLiteral("RequestTimeTooSkewed"),
               QStringLiteral("The difference between the request time and the current time is too large."))
        << Category::Auth << false;

    // Precedence and spelling of the error type.
    {
        AwsError e = expected(
            Kind::ResourceNotFound, 404, QStringLiteral("ResourceNotFoundException"), QStringLiteral("gone"));
        e.bodyCode = QStringLiteral("ConflictException");
        QTest::newRow("header wins over the body")
            << 404 << errorHeaders("ResourceNotFoundException")
            << QByteArray(R"({"__type":"ConflictException","code":"ConflictException","message":"gone"})")
            << e << Category::CallerFault << false;
    }
    {
        AwsError e
            = expected(Kind::Conflict, 409, QStringLiteral("ConflictException"), QStringLiteral("busy"));
        e.bodyCode = QStringLiteral("RESOURCE_BUSY");
        QTest::newRow("namespaced __type, wins over the body's code member")
            << 409 << errorHeaders({})
            << QByteArray(
                   R"({"__type":"com.amazonaws.mgn#ConflictException","code":"RESOURCE_BUSY","message":"busy"})")
            << e << Category::CallerFault << false;
    }
    {
        AwsError e
            = expected(Kind::Validation, 400, QStringLiteral("ValidationException"), QStringLiteral("bad"));
        e.bodyCode = QStringLiteral("ValidationException");
        QTest::newRow("body code only")
            << 400 << errorHeaders({}) << QByteArray(R"({"code":"ValidationException","message":"bad"})") << e
            << Category::CallerFault << false;
    }
    QTest::newRow("header name in another case")
        << 404
        << Headers { { "X-AMZN-ERRORTYPE", "ResourceNotFoundException" }, { "X-Amzn-RequestId", "req-1" } }
        << QByteArray(R"({"message":"gone"})")
        << expected(Kind::ResourceNotFound, 404, QStringLiteral("ResourceNotFoundException"),
               QStringLiteral("gone"))
        << Category::CallerFault << false;

    // Codes this build does not know are kept verbatim.
    QTest::newRow("unknown code, 4xx")
        << 400 << errorHeaders("ShinyNewException") << QByteArray(R"({"message":"new"})")
        << expected(
               Kind::UnknownServiceError, 400, QStringLiteral("ShinyNewException"), QStringLiteral("new"))
        << Category::CallerFault << false;
    QTest::newRow("unknown code, 503")
        << 503 << errorHeaders("ServiceUnavailableException") << QByteArray(R"({"message":"later"})")
        << expected(Kind::UnknownServiceError, 503, QStringLiteral("ServiceUnavailableException"),
               QStringLiteral("later"))
        << Category::ServerFault << true;
    QTest::newRow("throttling code of another service")
        << 400 << errorHeaders("TooManyRequestsException") << QByteArray(R"({"message":"slow down"})")
        << expected(Kind::UnknownServiceError, 400, QStringLiteral("TooManyRequestsException"),
               QStringLiteral("slow down"))
        << Category::Throttling << true;
    QTest::newRow("transient code") << 408 << errorHeaders("RequestTimeoutException") << QByteArray("{}")
                                    << expected(Kind::UnknownServiceError, 408,
                                           QStringLiteral("RequestTimeoutException"), QString())
                                    << Category::Transport << true;

    // Bodies that are not JSON, or nothing at all.
    QTest::newRow("HTML from a proxy")
        << 502 << Headers { { "Content-Type", "text/html" } }
        << QByteArray(
               "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad "
               "Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
        <<
        [] {
            AwsError e
                = expected(Kind::UnexpectedHttpStatus, 502, QString(), QStringLiteral("502 Bad Gateway"));
            e.requestId.clear();
            return e;
        }()
        << Category::ServerFault << true;
    QTest::newRow("HTML without a title")
        << 403 << Headers { { "Content-Type", "text/html" } }
        << QByteArray("<html><body><p>Blocked by   the corporate\nfirewall</p></body></html>") <<
        [] {
            AwsError e = expected(Kind::UnexpectedHttpStatus, 403, QString(),
                QStringLiteral("Blocked by the corporate firewall"));
            e.requestId.clear();
            return e;
        }()
        << Category::CallerFault << false;
    QTest::newRow("plain text with an error type")
        << 500 << errorHeaders("InternalServerException") << QByteArray("upstream connect error")
        << expected(Kind::InternalServer, 500, QStringLiteral("InternalServerException"),
               QStringLiteral("upstream connect error"))
        << Category::ServerFault << true;
    QTest::newRow("empty body, 503") << 503 << errorHeaders({}) << QByteArray()
                                     << expected(Kind::UnexpectedHttpStatus, 503, QString(), QString())
                                     << Category::ServerFault << true;
    QTest::newRow("empty body, 404") << 404 << errorHeaders({}) << QByteArray()
                                     << expected(Kind::UnexpectedHttpStatus, 404, QString(), QString())
                                     << Category::CallerFault << false;
    QTest::newRow("empty body, 429") << 429 << errorHeaders({}) << QByteArray()
                                     << expected(Kind::UnexpectedHttpStatus, 429, QString(), QString())
                                     << Category::Throttling << true;
    QTest::newRow("empty body, 501") << 501 << errorHeaders({}) << QByteArray()
                                     << expected(Kind::UnexpectedHttpStatus, 501, QString(), QString())
                                     << Category::ServerFault << false;
    QTest::newRow("JSON array body") << 400 << errorHeaders("ValidationException") << QByteArray("[1,2]")
                                     << expected(Kind::Validation, 400, QStringLiteral("ValidationException"),
                                            QString())
                                     << Category::CallerFault << false;
    QTest::newRow("members of the wrong JSON type are ignored")
        << 409 << errorHeaders("ConflictException")
        << QByteArray(R"({"message":42,"resourceId":["x"],"errors":"no","quotaValue":"many"})")
        << expected(Kind::Conflict, 409, QStringLiteral("ConflictException"), QString())
        << Category::CallerFault << false;
}

void TestAwsError::decode()
{
    QFETCH(int, status);
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);
    QFETCH(AwsError, error);
    QFETCH(Category, category);
    QFETCH(bool, retryable);

    const AwsError decoded = AwsError::fromHttpResponse(status, headers, body);
    QCOMPARE(decoded, error);
    QCOMPARE(decoded.category(), category);
    QCOMPARE(decoded.isRetryable(), retryable);
    QVERIFY(decoded.isServiceError());
    QVERIFY(!decoded.userMessage().isEmpty());
}

// The rows above must name every exception shape of the API model, so a new
// one in a model update fails here until it is decoded.
void TestAwsError::everyModelExceptionIsCovered()
{
    QFile file(QStringLiteral(MGN_API_MODEL_DIR "/service-2.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject shapes = QJsonDocument::fromJson(file.readAll()).object().value(u"shapes").toObject();
    QStringList exceptions;
    for (auto it = shapes.begin(); it != shapes.end(); ++it) {
        if (it.value().toObject().value(u"exception").toBool())
            exceptions.append(it.key());
    }
    QCOMPARE(exceptions.size(), 8);
    for (const QString &name : std::as_const(exceptions)) {
        const Kind kind = AwsError::kindForCode(name);
        QVERIFY2(kind != Kind::UnknownServiceError, qPrintable(name));
        QCOMPARE(AwsError::codeForKind(kind), name);
        const int status
            = shapes.value(name).toObject().value(u"error").toObject().value(u"httpStatusCode").toInt();
        const AwsError decoded
            = AwsError::fromHttpResponse(status, { { "x-amzn-ErrorType", name.toLatin1() } }, "{}");
        QCOMPARE(decoded.kind, kind);
        // Only the service's own failure and throttling are worth another try.
        const bool retryable = name == u"ThrottlingException" || name == u"InternalServerException";
        QVERIFY2(decoded.isRetryable() == retryable, qPrintable(name));
        // Members the shape has and AwsError decodes (a member added to the
        // model shows up here).
        const QStringList known { QStringLiteral("message"), QStringLiteral("code"),
            QStringLiteral("resourceId"), QStringLiteral("resourceType"), QStringLiteral("errors"),
            QStringLiteral("reason"), QStringLiteral("fieldList"), QStringLiteral("serviceCode"),
            QStringLiteral("quotaCode"), QStringLiteral("quotaValue"), QStringLiteral("retryAfterSeconds") };
        const QJsonObject members = shapes.value(name).toObject().value(u"members").toObject();
        for (auto it = members.begin(); it != members.end(); ++it)
            QVERIFY2(known.contains(it.key()), qPrintable(name + u'.' + it.key()));
    }
}

void TestAwsError::classification_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("status");
    QTest::addColumn<Category>("category");
    QTest::addColumn<bool>("retryable");

    QTest::newRow("validation") << Kind::Validation << QString() << 400 << Category::CallerFault << false;
    QTest::newRow("uninitialized") << Kind::UninitializedAccount << QString() << 400 << Category::CallerFault
                                   << false;
    QTest::newRow("quota") << Kind::ServiceQuotaExceeded << QString() << 402 << Category::CallerFault
                           << false;
    QTest::newRow("access denied") << Kind::AccessDenied << QString() << 403 << Category::CallerFault
                                   << false;
    QTest::newRow("not found") << Kind::ResourceNotFound << QString() << 404 << Category::CallerFault
                               << false;
    QTest::newRow("conflict") << Kind::Conflict << QString() << 409 << Category::CallerFault << false;
    QTest::newRow("throttling") << Kind::Throttling << QString() << 429 << Category::Throttling << true;
    QTest::newRow("throttling, odd status")
        << Kind::Throttling << QString() << 400 << Category::Throttling << true;
    QTest::newRow("internal") << Kind::InternalServer << QString() << 500 << Category::ServerFault << true;
    QTest::newRow("signature") << Kind::InvalidSignature << QString() << 403 << Category::Auth << false;
    QTest::newRow("unrecognized") << Kind::UnrecognizedClient << QString() << 403 << Category::Auth << false;
    QTest::newRow("expired token") << Kind::ExpiredToken << QString() << 403 << Category::Auth << false;
    QTest::newRow("incomplete") << Kind::IncompleteSignature << QString() << 400 << Category::Auth << false;
    QTest::newRow("mismatch") << Kind::SignatureDoesNotMatch << QString() << 403 << Category::Auth << false;
    QTest::newRow("missing token") << Kind::MissingAuthenticationToken << QString() << 403 << Category::Auth
                                   << false;
    QTest::newRow("no credentials") << Kind::CredentialsUnavailable << QString() << 0 << Category::Auth
                                    << false;
    QTest::newRow("refused") << Kind::ConnectionRefused << QString() << 0 << Category::Transport << true;
    QTest::newRow("closed") << Kind::ConnectionClosed << QString() << 0 << Category::Transport << true;
    QTest::newRow("host not found") << Kind::HostNotFound << QString() << 0 << Category::Transport << true;
    QTest::newRow("timeout") << Kind::Timeout << QString() << 0 << Category::Transport << true;
    QTest::newRow("truncated") << Kind::TruncatedResponse << QString() << 200 << Category::Transport << true;
    QTest::newRow("network") << Kind::NetworkError << QString() << 0 << Category::Transport << true;
    QTest::newRow("tls") << Kind::Tls << QString() << 0 << Category::Transport << false;
    QTest::newRow("malformed") << Kind::MalformedResponse << QString() << 200 << Category::Transport << false;
    QTest::newRow("cancelled") << Kind::Cancelled << QString() << 0 << Category::Cancelled << false;
    QTest::newRow("HTTP 502") << Kind::UnexpectedHttpStatus << QString() << 502 << Category::ServerFault
                              << true;
    QTest::newRow("HTTP 504") << Kind::UnexpectedHttpStatus << QString() << 504 << Category::ServerFault
                              << true;
    QTest::newRow("HTTP 505") << Kind::UnexpectedHttpStatus << QString() << 505 << Category::ServerFault
                              << false;
    QTest::newRow("HTTP 301") << Kind::UnexpectedHttpStatus << QString() << 301 << Category::CallerFault
                              << false;
    QTest::newRow("HTTP 413") << Kind::UnexpectedHttpStatus << QString() << 413 << Category::CallerFault
                              << false;
    QTest::newRow("RequestTimeout") << Kind::UnknownServiceError << QStringLiteral("RequestTimeout") << 400
                                    << Category::Transport << true;
    QTest::newRow("PriorRequestNotComplete")
        << Kind::UnknownServiceError << QStringLiteral("PriorRequestNotComplete") << 400
        << Category::Throttling << true;
    for (const char *code : { "Throttling", "ThrottledException", "RequestThrottledException",
             "TooManyRequestsException", "ProvisionedThroughputExceededException",
             "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
             "LimitExceededException", "RequestThrottled", "SlowDown", "EC2ThrottledException" }) {
        QTest::newRow(code) << Kind::UnknownServiceError << QString::fromLatin1(code) << 400
                            << Category::Throttling << true;
    }
}

void TestAwsError::classification()
{
    QFETCH(Kind, kind);
    QFETCH(QString, code);
    QFETCH(int, status);
    QFETCH(Category, category);
    QFETCH(bool, retryable);

    AwsError error;
    error.kind = kind;
    error.code = code;
    error.httpStatus = status;
    QCOMPARE(error.category(), category);
    QCOMPARE(error.isRetryable(), retryable);
    QCOMPARE(error.isThrottling(), category == Category::Throttling);
    QVERIFY(!AwsError::categoryTitle(category).isEmpty());
    QVERIFY(!AwsError::kindTitle(kind).isEmpty());
}

void TestAwsError::normalizeCode_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("code");

    QTest::newRow("bare") << QStringLiteral("ConflictException") << QStringLiteral("ConflictException");
    QTest::newRow("with URL") << QStringLiteral("ValidationException:http://internal.amazon.com/coral/x/")
                              << QStringLiteral("ValidationException");
    QTest::newRow("namespaced") << QStringLiteral("com.amazonaws.mgn.v20200226#ThrottlingException")
                                << QStringLiteral("ThrottlingException");
    QTest::newRow("namespaced with URL")
        << QStringLiteral("aws.protocoltests#FooError:http://x/") << QStringLiteral("FooError");
    QTest::newRow("spaces") << QStringLiteral("  AccessDeniedException ")
                            << QStringLiteral("AccessDeniedException");
    QTest::newRow("empty") << QString() << QString();
}

void TestAwsError::normalizeCode()
{
    QFETCH(QString, raw);
    QFETCH(QString, code);
    QCOMPARE(AwsError::normalizeCode(raw), code);
}

void TestAwsError::retryAfter_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<qint64>("expectedMs"); // -1: none

    QTest::newRow("seconds") << Headers { { "Retry-After", "12" } } << qint64(12000);
    QTest::newRow("zero") << Headers { { "Retry-After", "0" } } << qint64(0);
    QTest::newRow("fraction") << Headers { { "Retry-After", "1.5" } } << qint64(1500);
    QTest::newRow("negative") << Headers { { "Retry-After", "-3" } } << qint64(-1);
    QTest::newRow("garbage") << Headers { { "Retry-After", "soon" } } << qint64(-1);
    QTest::newRow("absent") << Headers {} << qint64(-1);
    QTest::newRow("HTTP-date against Date") << Headers { { "Date", "Wed, 21 Oct 2026 07:28:00 GMT" },
        { "Retry-After", "Wed, 21 Oct 2026 07:28:30 GMT" } }
                                            << qint64(30000);
    QTest::newRow("HTTP-date in the past") << Headers { { "Date", "Wed, 21 Oct 2026 07:28:00 GMT" },
        { "Retry-After", "Wed, 21 Oct 2026 07:27:00 GMT" } }
                                           << qint64(0);
}

void TestAwsError::retryAfter()
{
    QFETCH(Headers, headers);
    QFETCH(qint64, expectedMs);
    headers.append(std::pair<QByteArray, QByteArray>("x-amzn-ErrorType", "ThrottlingException"));
    const AwsError error = AwsError::fromHttpResponse(429, headers, R"({"message":"slow"})");
    if (expectedMs < 0)
        QVERIFY(!error.retryAfter);
    else
        QCOMPARE(error.retryAfter, std::optional(std::chrono::milliseconds(expectedMs)));
}

void TestAwsError::parseHttpDate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("time");

    const QDateTime time(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << time;
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:49:37 GMT") << time;
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:49:37 1994") << time;
    QTest::newRow("garbage") << QByteArray("yesterday") << QDateTime();
    QTest::newRow("empty") << QByteArray() << QDateTime();
    // 02:30 on 2023-03-26 is no local time in central Europe (clocks went from
    // 02:00 to 03:00): read as one, the date was refused or an hour off.
    const QDateTime inGap(QDate(2023, 3, 26), QTime(2, 30), Qt::UTC);
    QTest::newRow("IMF-fixdate in a DST gap") << QByteArray("Sun, 26 Mar 2023 02:30:00 GMT") << inGap;
    QTest::newRow("RFC 850 in a DST gap") << QByteArray("Sunday, 26-Mar-23 02:30:00 GMT") << inGap;
    QTest::newRow("asctime in a DST gap") << QByteArray("Sun Mar 26 02:30:00 2023") << inGap;
    // Found by fuzz_aws_error: "00" was read as 1900, which has no 29 February.
    QTest::newRow("RFC 850 on 29 February 2000") << QByteArray("Tuesday, 29-Feb-00 20:08:40 GMT")
                                                 << QDateTime(QDate(2000, 2, 29), QTime(20, 8, 40), Qt::UTC);
    QTest::newRow("RFC 850 in 2069") << QByteArray("Sunday, 06-Nov-69 08:49:37 GMT")
                                     << QDateTime(QDate(2069, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QTest::newRow("RFC 850 in 1970") << QByteArray("Thursday, 01-Jan-70 00:00:00 GMT")
                                     << QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("RFC 850 with a signed year")
        << QByteArray("Sunday, 06-Nov-+4 08:49:37 GMT") << QDateTime();
}

void TestAwsError::parseHttpDate()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, time);
    // In UTC and in a zone with DST (a POSIX rule: no tzdata needed).
    const QByteArray savedZone = qgetenv("TZ");
    const bool hadZone = qEnvironmentVariableIsSet("TZ");
    for (const char *zone : { "UTC0", "CET-1CEST,M3.5.0,M10.5.0/3" }) {
        qputenv("TZ", zone);
        const auto parsed = AwsHttpResponse::parseHttpDate(text);
        if (hadZone)
            qputenv("TZ", savedZone);
        else
            qunsetenv("TZ");
        QCOMPARE(parsed.has_value(), time.isValid());
        if (parsed)
            QCOMPARE(*parsed, time);
    }
}

void TestAwsError::clockSkew_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("skewed");

    QTest::newRow("signature expired")
        << QByteArray("InvalidSignatureException")
        << QByteArray(
               R"({"message":"Signature expired: 20260101T000000Z is now earlier than 20260101T005500Z"})")
        << true;
    QTest::newRow("not yet current")
        << QByteArray("InvalidSignatureException")
        << QByteArray(
               R"({"message":"Signature not yet current: 20260101T020000Z is still later than 20260101T011500Z"})")
        << true;
    QTest::newRow("RequestTimeTooSkewed") << QByteArray("RequestTimeTooSkewed") << QByteArray("{}") << true;
    QTest::newRow("RequestExpired") << QByteArray("RequestExpired") << QByteArray("{}") << true;
    QTest::newRow("RequestInTheFuture") << QByteArray("RequestInTheFuture") << QByteArray("{}") << true;
    QTest::newRow("other signature error")
        << QByteArray("InvalidSignatureException")
        << QByteArray(R"({"message":"The request signature we calculated does not match"})") << false;
    QTest::newRow("expired token") << QByteArray("ExpiredTokenException")
                                   << QByteArray(R"({"message":"Signature expired"})") << false;
    QTest::newRow("validation") << QByteArray("ValidationException")
                                << QByteArray(R"({"message":"Signature expired"})") << false;
}

void TestAwsError::clockSkew()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, body);
    QFETCH(bool, skewed);
    QCOMPARE(
        AwsError::fromHttpResponse(403, { { "x-amzn-ErrorType", type } }, body).isClockSkewError(), skewed);
}

void TestAwsError::userMessage_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("contains");

    QTest::newRow("conflict")
        << 409 << errorHeaders("ConflictException")
        << QByteArray(
               R"({"message":"Cannot start","resourceId":"s-1","errors":[{"message":"busy","resourceId":"s-2"}]})")
        << QStringList { QStringLiteral("Conflict: Cannot start"), QStringLiteral("s-1"),
               QStringLiteral("s-2: busy") };
    QTest::newRow("validation")
        << 400 << errorHeaders("ValidationException")
        << QByteArray(R"({"message":"Invalid","fieldList":[{"name":"maxResults","message":"too big"}]})")
        << QStringList { QStringLiteral("Invalid request: Invalid"), QStringLiteral("maxResults: too big") };
    QTest::newRow("quota") << 402 << errorHeaders("ServiceQuotaExceededException")
                           << QByteArray(R"({"message":"Too many","quotaCode":"L-1","quotaValue":20})")
                           << QStringList { QStringLiteral("quota L-1: 20") };
    QTest::newRow("throttling") << 429 << errorHeaders("ThrottlingException", { { "Retry-After", "2" } })
                                << QByteArray(R"({"message":"Rate exceeded"})")
                                << QStringList { QStringLiteral("Too many requests: Rate exceeded"),
                                       QStringLiteral("2 second") };
    QTest::newRow("unknown") << 400 << errorHeaders("ShinyNewException") << QByteArray(R"({"message":"new"})")
                             << QStringList { QStringLiteral("ShinyNewException"), QStringLiteral("new") };
    QTest::newRow("proxy page") << 502 << Headers {}
                                << QByteArray("<html><head><title>502 Bad Gateway</title></head></html>")
                                << QStringList { QStringLiteral("HTTP status 502"), QStringLiteral("proxy"),
                                       QStringLiteral("502 Bad Gateway") };
}

void TestAwsError::userMessage()
{
    QFETCH(int, status);
    QFETCH(Headers, headers);
    QFETCH(QByteArray, body);
    QFETCH(QStringList, contains);
    const QString text = AwsError::fromHttpResponse(status, headers, body).userMessage();
    for (const QString &part : std::as_const(contains))
        QVERIFY2(text.contains(part), qPrintable(text));
}

// Some services echo the canonical request in a signature error, and with it
// the session token the request carried.
void TestAwsError::signatureErrorMessageHoldsNoSecret()
{
    const QByteArray token = "FQoGZXIvYXdzEXAMPLE/session+token==";
    const QByteArray body
        = R"({"message":"The request signature we calculated does not match the signature you )"
          R"(provided.\n\nThe Canonical String for this request should have been\n'POST\n/\n\n)"
          R"(host:mgn.us-east-1.amazonaws.com\nx-amz-security-token:)"
        + token + R"(\n'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20260101T000000Z'\n"})";
    const AwsError error = AwsError::fromHttpResponse(403, errorHeaders("InvalidSignatureException"), body);
    QCOMPARE(error.kind, Kind::InvalidSignature);
    QVERIFY(error.message.startsWith(u"The request signature we calculated does not match"));
    QVERIFY(!error.message.contains(QString::fromLatin1(token)));
    QVERIFY(!error.userMessage().contains(QString::fromLatin1(token)));
    QVERIFY(!error.message.contains(u"Canonical"));

    // ConflictException details are cut the same way.
    const AwsError conflict = AwsError::fromHttpResponse(409, errorHeaders("ConflictException"),
        R"({"message":"x","errors":[{"message":"y Canonical request: x-amz-security-token:)" + token
            + R"("}]})");
    QCOMPARE(conflict.errors.size(), 1);
    QCOMPARE(conflict.errors.first().message, QStringLiteral("y"));
}

void TestAwsError::transportError()
{
    const AwsError error = AwsError::transport(Kind::ConnectionRefused, QStringLiteral("Connection refused"));
    QCOMPARE(error.httpStatus, 0);
    QVERIFY(!error.isServiceError());
    QVERIFY(error.code.isEmpty());
    QCOMPARE(error.category(), Category::Transport);
    QVERIFY(error.isRetryable());
    QCOMPARE(error.userMessage(), QStringLiteral("Connection refused: Connection refused"));
    QCOMPARE(AwsError::transport(Kind::Cancelled).userMessage(), QStringLiteral("Cancelled"));
}

QTEST_GUILESS_MAIN(TestAwsError)
#include "tst_awserror.moc"
