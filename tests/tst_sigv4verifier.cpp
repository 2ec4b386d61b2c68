#include "app/aws/AwsError.h"
#include "app/aws/AwsHttpResponse.h"
#include "app/aws/FixedClock.h"
#include "app/aws/SigV4Signer.h"
#include "emulator/http/SigV4Verifier.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

using namespace mgn;

// The emulator's signature check against requests signed by our own signer
// (itself checked against AWS's suite and botocore): every accepted shape, and
// every refusal with the exact type, status and wording AWS uses.

using namespace Qt::Literals::StringLiterals;
using Failure = SigV4Verifier::Failure;

namespace {

// AWS's published example keys (tests/NoSecretsInLogs.cmake watches for them).
const QString keyId = u"AKIDEXAMPLE"_s;
const QString secret = u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s;
const QString token = u"AnExampleSessionToken/ZXhhbXBsZQ=="_s;
const QDateTime serverNow(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
const QByteArray tagPath
    = "/tags/arn%3Aaws%3Amgn%3Aus-east-1%3A111122223333%3Asource-server%2Fs-1234567890abcdef0";

AwsCredentials credentials(const QString &secretKey = secret,
    std::optional<QString> sessionToken = std::nullopt, const QString &id = keyId)
{
    AwsCredentials result;
    result.accessKeyId = id;
    result.secretAccessKey = secretKey;
    result.sessionToken = std::move(sessionToken);
    return result;
}

SigV4Request baseRequest(const QByteArray &method, const QByteArray &path, const QByteArray &query = {},
    const QByteArray &body = {})
{
    SigV4Request request;
    request.method = method;
    request.path = path;
    request.query = query;
    request.body = body;
    request.headers = { { "Host", "127.0.0.1:8443" } };
    if (!body.isEmpty())
        request.headers.append({ QByteArray("Content-Type"), QByteArray("application/json") });
    return request;
}

SigV4Request postJson()
{
    return baseRequest(
        "POST", "/DescribeSourceServers", {}, R"({"filters":{"isArchived":false},"maxResults":1000})");
}

EmulatorRequest toEmulator(const SigV4Request &request)
{
    return EmulatorRequest { request.method, request.path, request.query, request.headers, request.body };
}

SigV4Signer signer(const QString &region = u"us-east-1"_s, const QString &service = u"mgn"_s)
{
    SigV4Signer::Options options;
    options.region = region;
    options.service = service;
    return SigV4Signer(options);
}

EmulatorRequest signedAt(const SigV4Request &request, const QDateTime &time,
    const AwsCredentials &with = credentials(), const SigV4Signer &by = signer())
{
    return toEmulator(by.signHeaders(request, with, time).request);
}

EmulatorRequest signedNow(const SigV4Request &request, const AwsCredentials &with = credentials())
{
    return signedAt(request, serverNow, with);
}

void replaceHeader(EmulatorRequest &request, QByteArrayView name, const QByteArray &value)
{
    for (auto &header : request.headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            header.second = value;
    }
}

struct Case {
    Case(QString caseName, std::function<EmulatorRequest()> makeRequest,
        Failure expectedFailure = Failure::None, QString expectedType = {}, QString expectedMessage = {},
        std::optional<QString> requiredToken = std::nullopt)
        : name(std::move(caseName))
        , request(std::move(makeRequest))
        , failure(expectedFailure)
        , errorType(std::move(expectedType))
        , message(std::move(expectedMessage))
        , serverToken(std::move(requiredToken))
    { }

    QString name;
    std::function<EmulatorRequest()> request;
    Failure failure = Failure::None;
    QString errorType; // empty when accepted
    QString message; // compared exactly when not empty
    std::optional<QString> serverToken; // the session token the emulator requires
};

QList<Case> cases()
{
    const QString mismatch = QString::fromLatin1(SigV4Verifier::signatureMismatchMessage);
    const QString unrecognized = QString::fromLatin1(SigV4Verifier::unrecognizedClientMessage);
    const QString invalidSignature = u"InvalidSignatureException"_s;
    return {
        // Accepted.
        { u"post-json"_s, [] { return signedNow(postJson()); } },
        { u"get-with-query"_s,
            [] {
                return signedNow(
                    baseRequest("GET", "/DescribeVcenterClients", "maxResults=10&nextToken=abc%2Fdef"));
            } },
        { u"tag-arn-path"_s, [] { return signedNow(baseRequest("GET", tagPath)); } },
        { u"tag-arn-post"_s,
            [] { return signedNow(baseRequest("POST", tagPath, {}, R"({"tags":{"Wave":"1"}})")); } },
        { u"delete-repeated-query-keys"_s,
            [] { return signedNow(baseRequest("DELETE", tagPath, "tagKeys=Wave&tagKeys=Owner")); } },
        { u"session-token"_s, [] { return signedNow(postJson(), credentials(secret, token)); }, Failure::None,
            {}, {}, token },
        { u"signed-4-minutes-ago"_s, [] { return signedAt(postJson(), serverNow.addSecs(-240)); } },
        { u"signed-4-minutes-ahead"_s, [] { return signedAt(postJson(), serverNow.addSecs(240)); } },
        { u"unsigned-header-added-later"_s,
            [] {
                EmulatorRequest request = signedNow(postJson());
                request.headers.append({ QByteArray("User-Agent"), QByteArray("aws-cli/2 botocore/2") });
                request.headers.append({ QByteArray("Accept-Encoding"), QByteArray("identity") });
                return request;
            } },
        { u"header-names-in-another-case"_s,
            [] {
                EmulatorRequest request = signedNow(postJson());
                for (auto &header : request.headers)
                    header.first = header.first.toUpper();
                return request;
            } },
        { u"content-sha256-header"_s,
            [] {
                SigV4Signer::Options options;
                options.region = u"us-east-1"_s;
                options.service = u"mgn"_s;
                options.addContentSha256Header = true;
                return signedAt(postJson(), serverNow, credentials(), SigV4Signer(options));
            } },
        { u"presigned-query"_s,
            [] {
                return toEmulator(
                    signer().signQuery(baseRequest("GET", tagPath), credentials(), serverNow).request);
            } },
        { u"presigned-query-with-token"_s,
            [] {
                return toEmulator(
                    signer()
                        .signQuery(baseRequest("GET", tagPath), credentials(secret, token), serverNow)
                        .request);
            },
            Failure::None, {}, {}, token },

        // Refused.
        { u"missing-authorization"_s,
            [] {
                EmulatorRequest request = toEmulator(postJson());
                request.headers.append({ QByteArray("X-Amz-Date"), QByteArray("20260101T120000Z") });
                return request;
            },
            Failure::MissingAuthentication, u"MissingAuthenticationTokenException"_s,
            u"Missing Authentication Token"_s },
        { u"wrong-secret"_s, [] { return signedNow(postJson(), credentials(u"NotTheSecretKey"_s)); },
            Failure::SignatureMismatch, invalidSignature, mismatch },
        { u"unknown-access-key"_s,
            [] { return signedNow(postJson(), credentials(secret, std::nullopt, u"AKIDUNKNOWN"_s)); },
            Failure::UnrecognizedClient, u"UnrecognizedClientException"_s, unrecognized },
        { u"tampered-body"_s,
            [] {
                EmulatorRequest request = signedNow(postJson());
                request.body.replace("false", "true ");
                return request;
            },
            Failure::SignatureMismatch, invalidSignature, mismatch },
        { u"tampered-signed-header"_s,
            [] {
                EmulatorRequest request = signedNow(postJson());
                replaceHeader(request, "Content-Type", "application/x-amz-json-1.1");
                return request;
            },
            Failure::SignatureMismatch, invalidSignature, mismatch },
        { u"tampered-host"_s,
            [] {
                EmulatorRequest request = signedNow(postJson());
                replaceHeader(request, "Host", "127.0.0.1:9999");
                return request;
            },
            Failure::SignatureMismatch, invalidSignature, mismatch },
        { u"tampered-path"_s,
            [] {
                EmulatorRequest request = signedNow(postJson());
                request.path = "/DescribeJobs";
                return request;
            },
            Failure::SignatureMismatch, invalidSignature, mismatch },
        { u"path-decoded-once"_s,
            [] {
                // The ARN sent with its ':' and '/' as they are: another path than the one signed.
                EmulatorRequest request = signedNow(baseRequest("GET", tagPath));
                request.path = QByteArray::fromPercentEncoding(request.path);
                return request;
            },
            Failure::SignatureMismatch, invalidSignature, mismatch },
        { u"tampered-query"_s,
            [] {
                EmulatorRequest request
                    = signedNow(baseRequest("GET", "/DescribeVcenterClients", "maxResults=10"));
                request.query = "maxResults=11";
                return request;
            },
            Failure::SignatureMismatch, invalidSignature, mismatch },
        { u"tampered-method"_s,
            [] {
                EmulatorRequest request = signedNow(baseRequest("GET", tagPath));
                request.method = "DELETE";
                return request;
            },
            Failure::SignatureMismatch, invalidSignature, mismatch },
        { u"content-sha256-not-the-body"_s,
            [] {
                EmulatorRequest request = signedNow(postJson());
                request.headers.append(
                    { QByteArray("x-amz-content-sha256"), SigV4Signer::hexSha256("another body") });
                return request;
            },
            Failure::SignatureMismatch, invalidSignature,
            u"The provided 'x-amz-content-sha256' header does not match what was computed."_s },
        { u"expired-6-minutes-ago"_s, [] { return signedAt(postJson(), serverNow.addSecs(-360)); },
            Failure::SignatureExpired, invalidSignature,
            u"Signature expired: 20260101T115400Z is now earlier than 20260101T115500Z (20260101T120000Z - 5 min.)"_s },
        { u"signed-6-minutes-ahead"_s, [] { return signedAt(postJson(), serverNow.addSecs(360)); },
            Failure::SignatureNotYetCurrent, invalidSignature,
            u"Signature not yet current: 20260101T120600Z is still later than 20260101T120500Z "
            u"(20260101T120000Z + 5 "
            "min.)"_s },
        { u"session-token-missing"_s, [] { return signedNow(postJson()); }, Failure::UnrecognizedClient,
            u"UnrecognizedClientException"_s, unrecognized, token },
        { u"session-token-wrong"_s,
            [] { return signedNow(postJson(), credentials(secret, u"AnotherToken"_s)); },
            Failure::UnrecognizedClient, u"UnrecognizedClientException"_s, unrecognized, token },
        { u"session-token-not-expected"_s, [] { return signedNow(postJson(), credentials(secret, token)); },
            Failure::UnrecognizedClient, u"UnrecognizedClientException"_s, unrecognized },
        { u"other-region"_s,
            [] { return signedAt(postJson(), serverNow, credentials(), signer(u"eu-west-1"_s)); },
            Failure::InvalidScope, invalidSignature,
            u"Credential should be scoped to a valid region, not 'eu-west-1'. This emulator serves 'us-east-1'."_s },
        { u"other-service"_s,
            [] { return signedAt(postJson(), serverNow, credentials(), signer(u"us-east-1"_s, u"ec2"_s)); },
            Failure::InvalidScope, invalidSignature,
            u"Credential should be scoped to correct service: 'mgn'."_s },
        { u"not-sigv4"_s,
            [] {
                EmulatorRequest request = toEmulator(postJson());
                request.headers.append({ QByteArray("Authorization"), QByteArray("Basic dXNlcjpwYXNz") });
                return request;
            },
            Failure::IncompleteSignature, u"IncompleteSignatureException"_s, {} },
        { u"no-signature-parameter"_s,
            [] {
                EmulatorRequest request = signedNow(postJson());
                replaceHeader(request, "Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/mgn/aws4_request, "
                    "SignedHeaders=host;x-amz-date");
                return request;
            },
            Failure::IncompleteSignature, u"IncompleteSignatureException"_s,
            u"Authorization header requires 'Signature' parameter."_s },
        { u"host-not-signed"_s,
            [] {
                EmulatorRequest request = signedNow(postJson());
                request.headers.removeIf([](const auto &header) { return header.first == "Host"; });
                EmulatorRequest resigned = signedNow(SigV4Request { request.method, request.path,
                    request.query, { { "Content-Type", "application/json" } }, request.body });
                resigned.headers.append({ QByteArray("Host"), QByteArray("127.0.0.1:8443") });
                return resigned;
            },
            Failure::IncompleteSignature, u"IncompleteSignatureException"_s,
            u"'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."_s },
        { u"malformed-date"_s,
            [] {
                EmulatorRequest request = signedNow(postJson());
                replaceHeader(request, "X-Amz-Date", "2026-01-01T12:00:00Z");
                return request;
            },
            Failure::IncompleteSignature, u"IncompleteSignatureException"_s, {} },
        { u"scope-date-not-the-request-date"_s,
            [] {
                // Signed just before midnight, X-Amz-Date moved past it: the scope's day differs.
                EmulatorRequest request = signedAt(postJson(), serverNow);
                replaceHeader(request, "X-Amz-Date", "20260101T115959Z");
                for (auto &header : request.headers) {
                    if (header.first == "Authorization")
                        header.second.replace("/20260101/", "/20251231/");
                }
                return request;
            },
            Failure::InvalidScope, invalidSignature,
            u"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
            u"'20251231' "
            "!= '20260101', from '20260101T115959Z'."_s },
        { u"presigned-expired"_s,
            [] {
                return toEmulator(
                    signer()
                        .signQuery(baseRequest("GET", tagPath), credentials(), serverNow.addSecs(-3601))
                        .request);
            },
            Failure::SignatureExpired, invalidSignature, {} },
        { u"presigned-tampered"_s,
            [] {
                EmulatorRequest request = toEmulator(
                    signer().signQuery(baseRequest("GET", tagPath), credentials(), serverNow).request);
                request.path = "/tags/another";
                return request;
            },
            Failure::SignatureMismatch, invalidSignature, mismatch },
        { u"presigned-wrong-secret"_s,
            [] {
                return toEmulator(
                    signer()
                        .signQuery(baseRequest("GET", tagPath), credentials(u"Wrong"_s), serverNow)
                        .request);
            },
            Failure::SignatureMismatch, invalidSignature, mismatch },
        { u"presigned-missing-parameters"_s,
            [] {
                EmulatorRequest request = toEmulator(baseRequest("GET", tagPath));
                request.query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260101T120000Z";
                return request;
            },
            Failure::IncompleteSignature, u"IncompleteSignatureException"_s, {} },
    };
}

SigV4Verifier verifier(const std::optional<QString> &serverToken = std::nullopt)
{
    SigV4Verifier::Options options;
    options.credentials = credentials(secret, serverToken);
    options.region = u"us-east-1"_s;
    return SigV4Verifier(options, std::make_shared<FixedClock>(serverNow));
}

} // namespace

class TestSigV4Verifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verify_data();
    void verify();
    void errorResponseAsTheServiceSendsIt();
    void expiredSignatureIsAClockSkewErrorForTheTransport();
    void dateHeaderInsteadOfXAmzDate();
};

void TestSigV4Verifier::verify_data()
{
    QTest::addColumn<int>("index");
    const QList<Case> all = cases();
    for (qsizetype i = 0; i < all.size(); ++i)
        QTest::newRow(qPrintable(all.at(i).name)) << int(i);
}

void TestSigV4Verifier::verify()
{
    QFETCH(int, index);
    const Case testCase = cases().at(index);
    const SigV4Verifier::Result result = verifier(testCase.serverToken).verify(testCase.request());
    QCOMPARE(result.failure, testCase.failure);
    QCOMPARE(result.accepted(), testCase.failure == Failure::None);
    QCOMPARE(result.errorType, testCase.errorType);
    QCOMPARE(result.status, testCase.failure == Failure::None ? 200 : 403);
    if (!testCase.message.isEmpty())
        QCOMPARE(result.message, testCase.message);
    // No refusal echoes the secret, the token or a signature.
    QVERIFY(!result.message.contains(secret));
    QVERIFY(!result.message.contains(token));
    QVERIFY(!result.message.contains(u"Signature="_s));
}

void TestSigV4Verifier::errorResponseAsTheServiceSendsIt()
{
    const auto result = verifier().verify(signedNow(postJson(), credentials(u"Wrong"_s)));
    const EmulatorResponse response = result.response();
    QCOMPARE(response.status, 403);
    AwsHttpResponse http { response.status, response.headers, response.body };
    QCOMPARE(http.header("x-amzn-ErrorType"), QByteArray("InvalidSignatureException"));
    QCOMPARE(QJsonDocument::fromJson(response.body).object().value(u"message"_s).toString(),
        QString::fromLatin1(SigV4Verifier::signatureMismatchMessage));
    const AwsError error = AwsError::fromHttpResponse(http);
    QCOMPARE(error.kind, AwsError::Kind::InvalidSignature);
    QVERIFY(!error.isClockSkewError());

    const AwsError unknown = AwsError::fromHttpResponse(AwsHttpResponse { 403,
        verifier().verify(signedNow(postJson(), credentials(secret, {}, u"AKIDOTHER"_s))).response().headers,
        verifier().verify(signedNow(postJson(), credentials(secret, {}, u"AKIDOTHER"_s))).response().body });
    QCOMPARE(unknown.kind, AwsError::Kind::UnrecognizedClient);
}

void TestSigV4Verifier::expiredSignatureIsAClockSkewErrorForTheTransport()
{
    // AwsTransport re-signs with the server's Date when the error says the
    // signing time is off: the wording must be one it recognises.
    for (const qint64 offset : { -3600, 3600 }) {
        const auto result = verifier().verify(signedAt(postJson(), serverNow.addSecs(offset)));
        QVERIFY(!result.accepted());
        const EmulatorResponse response = result.response();
        const AwsError error = AwsError::fromHttpResponse(
            AwsHttpResponse { response.status, response.headers, response.body });
        QCOMPARE(error.kind, AwsError::Kind::InvalidSignature);
        QVERIFY2(error.isClockSkewError(), qPrintable(error.message));
    }
}

void TestSigV4Verifier::dateHeaderInsteadOfXAmzDate()
{
    // A client may sign the Date header (HTTP-date) rather than X-Amz-Date.
    SigV4Request request = postJson();
    request.headers.append({ QByteArray("Date"), QByteArray("Thu, 01 Jan 2026 12:00:00 GMT") });
    const SigV4Signer::Result signedRequest = signer().signHeaders(request, credentials(), serverNow);
    SigV4Request wire = signedRequest.request;
    wire.removeHeader("X-Amz-Date");
    // Re-sign by hand: the signed headers without x-amz-date.
    QByteArray signedHeaders;
    const QByteArray canonicalHeaders = SigV4Signer::canonicalHeaders(
        SigV4Request::Headers { { "Host", "127.0.0.1:8443" }, { "Content-Type", "application/json" },
            { "Date", "Thu, 01 Jan 2026 12:00:00 GMT" } },
        &signedHeaders);
    const QByteArray canonical = SigV4Signer::canonicalRequest("POST", "/DescribeSourceServers", {},
        canonicalHeaders, signedHeaders, SigV4Signer::hexSha256(wire.body));
    const QByteArray scope = SigV4Signer::credentialScope("20260101T120000Z", u"us-east-1"_s, u"mgn"_s);
    const QByteArray signature
        = SigV4Signer::signature(SigV4Signer::deriveSigningKey(secret, "20260101", u"us-east-1"_s, u"mgn"_s),
            SigV4Signer::stringToSign("20260101T120000Z", scope, canonical));
    wire.removeHeader("Authorization");
    wire.appendHeader("Authorization",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + scope + ", SignedHeaders=" + signedHeaders
            + ", Signature=" + signature);
    QVERIFY(verifier().verify(toEmulator(wire)).accepted());
    wire.removeHeader("Date");
    wire.appendHeader("Date", "Thu, 01 Jan 2026 12:00:01 GMT");
    QCOMPARE(verifier().verify(toEmulator(wire)).failure, Failure::SignatureMismatch);
}

QTEST_GUILESS_MAIN(TestSigV4Verifier)
#include "tst_sigv4verifier.moc"
