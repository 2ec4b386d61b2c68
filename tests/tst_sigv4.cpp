#include "app/aws/AwsCredentials.h"
#include "app/aws/Clock.h"
#include "app/aws/FixedClock.h"
#include "app/aws/SigV4Request.h"
#include "app/aws/SigV4Signer.h"
#include "app/aws/SigV4SigningContext.h"
#include "app/aws/SigV4SigningKeyCache.h"

#include <QDebug>
#include <QDir>
#include <QFile>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

#include <chrono>

using namespace mgn;

using namespace std::chrono_literals;

namespace {

const QString suiteDir = QStringLiteral(MGN_TEST_DATA_DIR "/sigv4-test-suite");

// AWS's published example keys (the suite's), not real credentials.
const QString exampleKeyId = QStringLiteral("AKIDEXAMPLE");
const QString exampleSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QString exampleToken = QStringLiteral("FQoGZXIvYXdzEXAMPLE/session+token==");

const QByteArray mgnArnPath
    = "/tags/arn%3Aaws%3Amgn%3Aus-east-1%3A123456789012%3Asource-server%2Fs-1234567890abcdef0";

AwsCredentials exampleCredentials(bool withToken = false)
{
    AwsCredentials credentials;
    credentials.accessKeyId = exampleKeyId;
    credentials.secretAccessKey = exampleSecret;
    if (withToken)
        credentials.sessionToken = exampleToken;
    return credentials;
}

QDateTime suiteTime()
{
    return QDateTime(QDate(2015, 8, 30), QTime(12, 36), Qt::UTC);
}

SigV4Signer::Options mgnOptions()
{
    SigV4Signer::Options options;
    options.region = QStringLiteral("us-east-1");
    options.service = QStringLiteral("mgn");
    return options;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The text with every secret, its URI-encoded form and every signature
// replaced, so that a failure message can show it.
QByteArray redacted(QByteArray text, const QList<QByteArray> &secrets)
{
    for (const QByteArray &secret : secrets) {
        if (secret.isEmpty())
            continue;
        text.replace(secret, "<redacted>");
        text.replace(SigV4Signer::uriEncode(secret), "<redacted>");
    }
    static const QRegularExpression signature(QStringLiteral("(Signature=)[0-9a-f]{64}"));
    return QString::fromUtf8(text).replace(signature, QStringLiteral("\\1<redacted>")).toUtf8();
}

// Empty when equal; otherwise both sides, redacted.
QString difference(
    const char *what, const QByteArray &actual, const QByteArray &expected, const QList<QByteArray> &secrets)
{
    if (actual == expected)
        return {};
    return QStringLiteral("%1 differs\n--- actual:\n%2\n--- expected:\n%3")
        .arg(QLatin1StringView(what), QString::fromUtf8(redacted(actual, secrets)),
            QString::fromUtf8(redacted(expected, secrets)));
}

// The suite's signed request as an RFC 9112 recipient that replaces each
// obs-fold (OWS CRLF RWS) of the head by one space reads it; the request
// reader does so (get-header-value-multiline).
QByteArray withoutObsFold(const QByteArray &text)
{
    const qsizetype headEnd = text.indexOf("\n\n");
    static const QRegularExpression fold(QStringLiteral("[ \t]*\r?\n[ \t]+"));
    QString head = QString::fromUtf8(headEnd < 0 ? text : text.left(headEnd));
    head.replace(fold, QStringLiteral(" "));
    return head.toUtf8() + (headEnd < 0 ? QByteArray() : text.mid(headEnd));
}

QByteArray authorizationOf(const SigV4Request &request)
{
    return request.headerValue("Authorization");
}

QByteArray signedHeadersOf(const QByteArray &authorization)
{
    const qsizetype start = authorization.indexOf("SignedHeaders=") + 14;
    return authorization.mid(start, authorization.indexOf(',', start) - start);
}

QStringList capturedMessages;

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedMessages.append(message);
}

// Collects every Qt log message while it lives.
class MessageCapture
{
public:
    MessageCapture()
    {
        capturedMessages.clear();
        m_previous = qInstallMessageHandler(captureMessage);
    }
    ~MessageCapture() { qInstallMessageHandler(m_previous); }
    MessageCapture(const MessageCapture &) = delete;
    MessageCapture &operator=(const MessageCapture &) = delete;

private:
    QtMessageHandler m_previous = nullptr;
};

} // namespace

class TestSigV4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();

    void suiteIsComplete();
    void headerSigning_data();
    void headerSigning();
    void querySigning_data();
    void querySigning();
    void signingLogsNothing();

    void uriEncode_data();
    void uriEncode();
    void normalizePath_data();
    void normalizePath();
    void arnPathIsEncodedTwice();
    void canonicalQueryString_data();
    void canonicalQueryString();
    void canonicalHeaderValue_data();
    void canonicalHeaderValue();
    void canonicalHeaders();
    void amzDateAndScope();
    void derivedSigningKey();
    void signingKeyCacheIsReusedPerDay();
    void signingKeyCacheEvicts();
    void sessionTokenHeader();
    void sessionTokenOmittedFromSignature();
    void resigningReplacesEarlierHeaders();
    void contentSha256Header();
    void unsignedPayload();
    void clockInjection();
    void networkRequestSigning();
    void networkRequestHost_data();
    void networkRequestHost();

    void credentialsDebugIsRedacted();
    void credentialsHelpers();
    void httpTextParsing();
    void httpTextErrors_data();
    void httpTextErrors();
    void contextParsing();
    void contextErrors_data();
    void contextErrors();

private:
    static void addSuiteRows();
    static void runSuiteCase(const QString &dir, const QString &mode);
};

void TestSigV4::cleanup()
{
    Clock::setInstance(nullptr);
}

void TestSigV4::addSuiteRows()
{
    QTest::addColumn<QString>("dir");
    const QStringList names = QDir(suiteDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << suiteDir + u'/' + name;
}

// Every case directory holds the request, its context and both modes' four
// expected files; the copy carries its licence.
void TestSigV4::suiteIsComplete()
{
    QVERIFY(QFile::exists(suiteDir + u"/LICENSE"));
    QVERIFY(QFile::exists(suiteDir + u"/NOTICE.md"));
    const QStringList names = QDir(suiteDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QCOMPARE(names.size(), 31);
    const QStringList files = { QStringLiteral("context.json"), QStringLiteral("request.txt"),
        QStringLiteral("header-canonical-request.txt"), QStringLiteral("header-string-to-sign.txt"),
        QStringLiteral("header-signature.txt"), QStringLiteral("header-signed-request.txt"),
        QStringLiteral("query-canonical-request.txt"), QStringLiteral("query-string-to-sign.txt"),
        QStringLiteral("query-signature.txt"), QStringLiteral("query-signed-request.txt") };
    for (const QString &name : names) {
        for (const QString &file : files) {
            const QString path = suiteDir + u'/' + name + u'/' + file;
            QVERIFY2(QFile::exists(path), qPrintable(path));
        }
    }
}

void TestSigV4::runSuiteCase(const QString &dir, const QString &mode)
{
    QString error;
    const auto context = SigV4SigningContext::fromJson(readFile(dir + u"/context.json"), &error);
    QVERIFY2(context, qPrintable(error));
    const auto request = SigV4Request::fromHttpText(readFile(dir + u"/request.txt"), &error);
    QVERIFY2(request, qPrintable(error));

    const SigV4Signer signer(context->signerOptions());
    const SigV4Signer::Result result = mode == u"header"
        ? signer.signHeaders(*request, context->credentials, context->timestamp)
        : signer.signQuery(*request, context->credentials, context->timestamp);

    const QList<QByteArray> secrets = { context->credentials.secretAccessKey.toUtf8(),
        context->credentials.sessionToken.value_or(QString()).toUtf8() };
    const QString prefix = dir + u'/' + mode;
    QString diff = difference(
        "canonical request", result.canonicalRequest, readFile(prefix + u"-canonical-request.txt"), secrets);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    diff = difference(
        "string to sign", result.stringToSign, readFile(prefix + u"-string-to-sign.txt"), secrets);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY2(
        result.signature == readFile(prefix + u"-signature.txt"), "the signature differs from the suite's");
    diff = difference("signed request", result.request.toHttpText(),
        withoutObsFold(readFile(prefix + u"-signed-request.txt")), secrets);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestSigV4::headerSigning_data()
{
    addSuiteRows();
}

void TestSigV4::headerSigning()
{
    QFETCH(QString, dir);
    runSuiteCase(dir, QStringLiteral("header"));
}

void TestSigV4::querySigning_data()
{
    addSuiteRows();
}

void TestSigV4::querySigning()
{
    QFETCH(QString, dir);
    runSuiteCase(dir, QStringLiteral("query"));
}

void TestSigV4::signingLogsNothing()
{
    const MessageCapture capture;
    const SigV4Signer signer(mgnOptions());
    QNetworkRequest request(
        QUrl(QStringLiteral("https://mgn.us-east-1.amazonaws.com/DescribeSourceServers")));
    signer.signNetworkRequest(request, "POST", "{}", exampleCredentials(true), suiteTime());
    SigV4Request value = SigV4Request::fromUrl("GET", request.url());
    signer.signHeaders(value, exampleCredentials(true), suiteTime());
    signer.signQuery(value, exampleCredentials(true), suiteTime());
    QVERIFY2(capturedMessages.isEmpty(), "signing wrote to the log");
}

void TestSigV4::uriEncode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("encodeSlash");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QTest::newRow("unreserved") << unreserved << true << unreserved;
    QTest::newRow("space") << QByteArray("a b") << true << QByteArray("a%20b");
    QTest::newRow("slash encoded") << QByteArray("a/b") << true << QByteArray("a%2Fb");
    QTest::newRow("slash kept") << QByteArray("/a/b/") << false << QByteArray("/a/b/");
    QTest::newRow("reserved") << QByteArray(":?#[]@!$&'()*+,;=") << true
                              << QByteArray("%3A%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D");
    QTest::newRow("percent") << QByteArray("%3A") << false << QByteArray("%253A");
    QTest::newRow("utf-8") << QStringLiteral("é€").toUtf8() << true << QByteArray("%C3%A9%E2%82%AC");
    QTest::newRow("empty") << QByteArray() << true << QByteArray();
}

void TestSigV4::uriEncode()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, encodeSlash);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4Signer::uriEncode(input, encodeSlash), expected);
}

void TestSigV4::normalizePath_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QByteArray() << QByteArray("/");
    QTest::newRow("root") << QByteArray("/") << QByteArray("/");
    QTest::newRow("double slash") << QByteArray("//") << QByteArray("/");
    QTest::newRow("dot") << QByteArray("/./") << QByteArray("/");
    QTest::newRow("pointless dot") << QByteArray("/./example") << QByteArray("/example");
    QTest::newRow("dot dot") << QByteArray("/example/..") << QByteArray("/");
    QTest::newRow("dot dot twice") << QByteArray("/example1/example2/../..") << QByteArray("/");
    QTest::newRow("above root") << QByteArray("/../a") << QByteArray("/a");
    QTest::newRow("middle") << QByteArray("/a/b/../c") << QByteArray("/a/c");
    QTest::newRow("slashes") << QByteArray("//example//") << QByteArray("/example/");
    QTest::newRow("trailing slash kept") << QByteArray("/a/./b/") << QByteArray("/a/b/");
    QTest::newRow("encoded dots untouched") << QByteArray("/a/%2E%2E/b") << QByteArray("/a/%2E%2E/b");
    QTest::newRow("arn") << mgnArnPath << mgnArnPath;
}

void TestSigV4::normalizePath()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4Signer::normalizePath(path), expected);
}

// MGN's tag operations put the percent-encoded ARN in the path; SigV4 for
// every service but S3 encodes that path once more.
void TestSigV4::arnPathIsEncodedTwice()
{
    const QByteArray twice
        = "/tags/"
          "arn%253Aaws%253Amgn%253Aus-east-1%253A123456789012%253Asource-server%252Fs-1234567890abcdef0";
    QCOMPARE(SigV4Signer::canonicalUri(mgnArnPath, true, true), twice);
    QCOMPARE(SigV4Signer::canonicalUri(mgnArnPath, false, false), mgnArnPath);

    const SigV4Signer signer(mgnOptions());
    const QUrl url = QUrl::fromEncoded("https://mgn.us-east-1.amazonaws.com" + mgnArnPath);
    // QUrl keeps the delimiters percent-encoded, so what goes on the wire is the encoded ARN.
    QCOMPARE(url.path(QUrl::FullyEncoded).toLatin1(), mgnArnPath);
    const auto result
        = signer.signHeaders(SigV4Request::fromUrl("GET", url), exampleCredentials(), suiteTime());
    QCOMPARE(result.canonicalRequest.split('\n').value(1), twice);
    QCOMPARE(result.request.path, mgnArnPath);
}

void TestSigV4::canonicalQueryString_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("sorted by key") << QByteArray("b=2&a=1") << QByteArray("a=1&b=2");
    QTest::newRow("repeated key sorted by value") << QByteArray("a=2&a=1") << QByteArray("a=1&a=2");
    QTest::newRow("key case") << QByteArray("Param2=value2&Param1=value1&param0=x")
                              << QByteArray("Param1=value1&Param2=value2&param0=x");
    QTest::newRow("no value") << QByteArray("flag") << QByteArray("flag=");
    QTest::newRow("empty value") << QByteArray("k=&j=1") << QByteArray("j=1&k=");
    QTest::newRow("empty pairs skipped") << QByteArray("&a=1&&") << QByteArray("a=1");
    QTest::newRow("paging") << QByteArray("maxResults=10&nextToken=abc%2Fdef")
                            << QByteArray("maxResults=10&nextToken=abc%2Fdef");
    QTest::newRow("unencoded slash") << QByteArray("nextToken=abc/def") << QByteArray("nextToken=abc%2Fdef");
    QTest::newRow("lower-case escape") << QByteArray("k=%2f") << QByteArray("k=%2F");
    QTest::newRow("plus is a plus") << QByteArray("q=a+b") << QByteArray("q=a%2Bb");
    QTest::newRow("space") << QByteArray("q=a%20b") << QByteArray("q=a%20b");
    QTest::newRow("encoded unreserved") << QByteArray("%7E=%41") << QByteArray("~=A");
    QTest::newRow("sorted by encoded key")
        << QByteArray("a_b=1&a-b=2&aB=3") << QByteArray("a-b=2&aB=3&a_b=1");
    QTest::newRow("equals in value") << QByteArray("k=a=b") << QByteArray("k=a%3Db");
}

void TestSigV4::canonicalQueryString()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4Signer::canonicalQueryString(query), expected);
}

void TestSigV4::canonicalHeaderValue_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("value1") << QByteArray("value1");
    QTest::newRow("trimmed") << QByteArray("  value1 \t") << QByteArray("value1");
    QTest::newRow("collapsed in quotes") << QByteArray("\"a   b   c\"") << QByteArray("\"a b c\"");
    QTest::newRow("tab") << QByteArray("a\t\tb") << QByteArray("a b");
    // Line breaks are whitespace: the suite's get-header-value-multiline.
    QTest::newRow("folded lines") << QByteArray("value1\n  value2\n     value3")
                                  << QByteArray("value1 value2 value3");
    QTest::newRow("folded with CRLF") << QByteArray("a \r\n\tb") << QByteArray("a b");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("blank") << QByteArray("   ") << QByteArray();
}

void TestSigV4::canonicalHeaderValue()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(SigV4Signer::canonicalHeaderValue(value), expected);
}

void TestSigV4::canonicalHeaders()
{
    const SigV4Request::Headers headers = { { "Host", "example.amazonaws.com" }, { "My-Header1", "value2" },
        { "User-Agent", "mgn-dashboard/0.1" }, { "my-header1", " value1 " },
        { "Content-Type", "application/json" }, { "Authorization", "old" },
        { "X-Amz-Date", "20150830T123600Z" }, { "Connection", "keep-alive" } };
    QByteArray signedHeaders;
    QCOMPARE(SigV4Signer::canonicalHeaders(headers, &signedHeaders),
        QByteArray("content-type:application/json\n"
                   "host:example.amazonaws.com\n"
                   "my-header1:value2,value1\n"
                   "x-amz-date:20150830T123600Z\n"));
    QCOMPARE(signedHeaders, QByteArray("content-type;host;my-header1;x-amz-date"));
    QVERIFY(!SigV4Signer::isSignableHeader("user-agent"));
    QVERIFY(!SigV4Signer::isSignableHeader("authorization"));
    QVERIFY(SigV4Signer::isSignableHeader("x-amz-security-token"));
    QVERIFY(SigV4Signer::isSignableHeader("content-length"));
}

void TestSigV4::amzDateAndScope()
{
    const QDateTime withMsecs(QDate(2015, 8, 30), QTime(12, 36, 0, 999), Qt::UTC);
    QCOMPARE(SigV4Signer::amzDate(withMsecs), QByteArray("20150830T123600Z"));
    const QDateTime offset = QDateTime(QDate(2015, 8, 31), QTime(2, 36), Qt::OffsetFromUTC, 14 * 3600);
    QCOMPARE(SigV4Signer::amzDate(offset), QByteArray("20150830T123600Z"));
    QCOMPARE(
        SigV4Signer::credentialScope("20150830T123600Z", QStringLiteral("eu-west-3"), QStringLiteral("mgn")),
        QByteArray("20150830/eu-west-3/mgn/aws4_request"));
    QCOMPARE(SigV4Signer::stringToSign("20150830T123600Z", "20150830/us-east-1/service/aws4_request", ""),
        QByteArray("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

// The example of "Derive a signing key" in the AWS documentation.
void TestSigV4::derivedSigningKey()
{
    const QByteArray key = SigV4Signer::deriveSigningKey(
        exampleSecret, "20120215", QStringLiteral("us-east-1"), QStringLiteral("iam"));
    QVERIFY2(key.toHex() == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
        "the derived key differs from the AWS documentation's example");
}

void TestSigV4::signingKeyCacheIsReusedPerDay()
{
    const auto clock = std::make_shared<FixedClock>(suiteTime());
    const SigV4Signer signer(mgnOptions(), clock);
    const SigV4SigningKeyCache &cache = signer.signingKeyCache();
    const SigV4Request request = SigV4Request::fromUrl(
        "POST", QUrl(QStringLiteral("https://mgn.us-east-1.amazonaws.com/DescribeSourceServers")), "{}");

    const auto first = signer.signHeaders(request, exampleCredentials());
    QCOMPARE(cache.misses(), 1);
    QCOMPARE(cache.hits(), 0);

    clock->advance(3h);
    signer.signHeaders(request, exampleCredentials());
    signer.signQuery(request, exampleCredentials());
    QCOMPARE(cache.misses(), 1);
    QCOMPARE(cache.hits(), 2);

    // A copy of the signer shares the cache.
    const SigV4Signer copy = signer;
    copy.signHeaders(request, exampleCredentials(true));
    QCOMPARE(cache.hits(), 3);

    // The next day (12:36 + 12h is past midnight) needs a new key.
    clock->advance(9h);
    const auto nextDay = signer.signHeaders(request, exampleCredentials());
    QVERIFY(nextDay.stringToSign.contains("20150831/us-east-1/mgn/aws4_request"));
    QCOMPARE(cache.misses(), 2);

    AwsCredentials rotated = exampleCredentials();
    rotated.secretAccessKey = QStringLiteral("AnotherExampleSecretKeyEXAMPLEKEY");
    const auto withRotated = signer.signHeaders(request, rotated);
    QCOMPARE(cache.misses(), 3);
    QVERIFY(withRotated.signature != nextDay.signature);

    SigV4Signer::Options otherRegion = mgnOptions();
    otherRegion.region = QStringLiteral("eu-west-1");
    SigV4SigningKeyCache shared;
    QCOMPARE(shared.signingKey(exampleSecret, "20150830", otherRegion.region, otherRegion.service),
        SigV4Signer::deriveSigningKey(exampleSecret, "20150830", otherRegion.region, otherRegion.service));
    shared.signingKey(exampleSecret, "20150830", mgnOptions().region, mgnOptions().service);
    QCOMPARE(shared.misses(), 2);
    QCOMPARE(shared.size(), 2);

    // A cached key signs exactly as a freshly derived one.
    const SigV4Signer fresh(mgnOptions());
    QVERIFY(fresh.signHeaders(request, exampleCredentials(), suiteTime()).signature == first.signature);
}

void TestSigV4::signingKeyCacheEvicts()
{
    SigV4SigningKeyCache cache(2);
    cache.signingKey(exampleSecret, "20150830", QStringLiteral("us-east-1"), QStringLiteral("mgn"));
    cache.signingKey(exampleSecret, "20150831", QStringLiteral("us-east-1"), QStringLiteral("mgn"));
    cache.signingKey(exampleSecret, "20150901", QStringLiteral("us-east-1"), QStringLiteral("mgn"));
    QVERIFY(cache.size() <= 2);
    QCOMPARE(cache.misses(), 3);
    cache.clear();
    QCOMPARE(cache.size(), 0);
}

void TestSigV4::sessionTokenHeader()
{
    const SigV4Signer signer(mgnOptions());
    const SigV4Request request = SigV4Request::fromUrl(
        "POST", QUrl(QStringLiteral("https://mgn.us-east-1.amazonaws.com/DescribeSourceServers")), "{}");

    const auto temporary = signer.signHeaders(request, exampleCredentials(true), suiteTime());
    QVERIFY(temporary.request.headerValue("X-Amz-Security-Token") == exampleToken.toUtf8());
    QVERIFY(temporary.canonicalRequest.contains(
        QByteArray("\nx-amz-security-token:" + exampleToken.toUtf8() + '\n')));
    QCOMPARE(signedHeadersOf(authorizationOf(temporary.request)),
        QByteArray("host;x-amz-date;x-amz-security-token"));
    QCOMPARE(temporary.request.headerValue("X-Amz-Date"), QByteArray("20150830T123600Z"));
    QVERIFY(authorizationOf(temporary.request)
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/mgn/aws4_request, "));

    const auto longTerm = signer.signHeaders(request, exampleCredentials(), suiteTime());
    QVERIFY(!longTerm.request.hasHeader("X-Amz-Security-Token"));
    QCOMPARE(signedHeadersOf(authorizationOf(longTerm.request)), QByteArray("host;x-amz-date"));

    // An empty token is no token.
    AwsCredentials emptyToken = exampleCredentials();
    emptyToken.sessionToken = QString();
    QVERIFY(!signer.signHeaders(request, emptyToken, suiteTime()).request.hasHeader("X-Amz-Security-Token"));

    // The token goes into a presigned query too.
    const auto presigned = signer.signQuery(request, exampleCredentials(true), suiteTime());
    QVERIFY(presigned.request.query.contains(QByteArray(
        "&X-Amz-Security-Token=" + SigV4Signer::uriEncode(exampleToken.toUtf8()) + "&X-Amz-Signature=")));
}

void TestSigV4::sessionTokenOmittedFromSignature()
{
    SigV4Signer::Options options = mgnOptions();
    options.omitSessionTokenFromSignature = true;
    const SigV4Signer signer(options);
    const SigV4Request request
        = SigV4Request::fromUrl("GET", QUrl(QStringLiteral("https://example.amazonaws.com/")));
    const auto result = signer.signHeaders(request, exampleCredentials(true), suiteTime());
    QVERIFY(result.request.headerValue("X-Amz-Security-Token") == exampleToken.toUtf8());
    QVERIFY(!result.canonicalRequest.contains("x-amz-security-token"));
    QCOMPARE(signedHeadersOf(authorizationOf(result.request)), QByteArray("host;x-amz-date"));
    // Signed as if there were no token at all.
    QVERIFY(result.signature == signer.signHeaders(request, exampleCredentials(), suiteTime()).signature);
}

void TestSigV4::resigningReplacesEarlierHeaders()
{
    const SigV4Signer signer(mgnOptions());
    SigV4Request request = SigV4Request::fromUrl(
        "POST", QUrl(QStringLiteral("https://mgn.us-east-1.amazonaws.com/DescribeJobs")), "{}");
    request.appendHeader("Content-Type", "application/json");
    const QDateTime later = suiteTime().addSecs(90);

    const auto first = signer.signHeaders(request, exampleCredentials(true), suiteTime());
    // A retry, signed again with other (long-term) credentials.
    const auto again = signer.signHeaders(first.request, exampleCredentials(), later);
    const auto direct = signer.signHeaders(request, exampleCredentials(), later);
    QVERIFY(again.request.toHttpText() == direct.request.toHttpText());
    QVERIFY(!again.request.hasHeader("X-Amz-Security-Token"));
    QCOMPARE(again.request.headerValue("X-Amz-Date"), QByteArray("20150830T123730Z"));
    int authorizations = 0;
    for (const auto &header : std::as_const(again.request.headers))
        authorizations += header.first == "Authorization" ? 1 : 0;
    QCOMPARE(authorizations, 1);
}

void TestSigV4::contentSha256Header()
{
    SigV4Signer::Options options = mgnOptions();
    options.addContentSha256Header = true;
    const SigV4Signer signer(options);
    const SigV4Request request = SigV4Request::fromUrl(
        "POST", QUrl(QStringLiteral("https://mgn.us-east-1.amazonaws.com/DescribeSourceServers")), "{}");
    const auto result = signer.signHeaders(request, exampleCredentials(), suiteTime());
    const QByteArray hash = SigV4Signer::hexSha256("{}");
    QCOMPARE(result.request.headerValue("x-amz-content-sha256"), hash);
    QVERIFY(result.canonicalRequest.endsWith(QByteArray('\n' + hash)));
    QCOMPARE(
        signedHeadersOf(authorizationOf(result.request)), QByteArray("host;x-amz-content-sha256;x-amz-date"));

    // Without the option, a hash the caller declared is what gets signed.
    SigV4Request declared = request;
    declared.body.clear();
    declared.appendHeader("x-amz-content-sha256", hash);
    const auto declaredResult
        = SigV4Signer(mgnOptions()).signHeaders(declared, exampleCredentials(), suiteTime());
    QVERIFY(declaredResult.canonicalRequest.endsWith(QByteArray('\n' + hash)));
}

void TestSigV4::unsignedPayload()
{
    SigV4Signer::Options options = mgnOptions();
    options.unsignedPayload = true;
    options.addContentSha256Header = true;
    const SigV4Signer signer(options);
    const SigV4Request request = SigV4Request::fromUrl(
        "PUT", QUrl(QStringLiteral("https://bucket.s3.amazonaws.com/key")), "large body");
    const auto result = signer.signHeaders(request, exampleCredentials(), suiteTime());
    QCOMPARE(result.request.headerValue("x-amz-content-sha256"), QByteArray("UNSIGNED-PAYLOAD"));
    QVERIFY(result.canonicalRequest.endsWith("\nUNSIGNED-PAYLOAD"));
    QVERIFY(signer.signQuery(request, exampleCredentials(), suiteTime())
                .canonicalRequest.endsWith("\nUNSIGNED-PAYLOAD"));
}

void TestSigV4::clockInjection()
{
    QCOMPARE(Clock::instance(), Clock::system());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QDateTime systemNow = Clock::system()->currentDateTimeUtc();
    QVERIFY(systemNow >= before.addSecs(-1) && systemNow <= QDateTime::currentDateTimeUtc());
    QCOMPARE(systemNow.timeSpec(), Qt::UTC);

    const auto processClock = std::make_shared<FixedClock>(suiteTime());
    Clock::setInstance(processClock);
    QCOMPARE(Clock::instance()->currentDateTimeUtc(), suiteTime());

    const SigV4Request request
        = SigV4Request::fromUrl("GET", QUrl(QStringLiteral("https://example.amazonaws.com/")));
    const SigV4Signer usesProcessClock(mgnOptions());
    QCOMPARE(usesProcessClock.signHeaders(request, exampleCredentials()).request.headerValue("X-Amz-Date"),
        QByteArray("20150830T123600Z"));
    processClock->advance(61s);
    QCOMPARE(usesProcessClock.signHeaders(request, exampleCredentials()).request.headerValue("X-Amz-Date"),
        QByteArray("20150830T123701Z"));

    const auto ownClock = std::make_shared<FixedClock>(QDateTime(QDate(2026, 11, 1), QTime(8, 0), Qt::UTC));
    const SigV4Signer usesOwnClock(mgnOptions(), ownClock);
    QCOMPARE(usesOwnClock.signHeaders(request, exampleCredentials()).request.headerValue("X-Amz-Date"),
        QByteArray("20261101T080000Z"));
    QVERIFY(usesOwnClock.signQuery(request, exampleCredentials())
                .request.query.contains("X-Amz-Date=20261101T080000Z"));

    ownClock->setCurrentDateTimeUtc(suiteTime());
    QCOMPARE(ownClock->currentDateTimeUtc(), suiteTime());

    Clock::setInstance(nullptr);
    QCOMPARE(Clock::instance(), Clock::system());
}

void TestSigV4::networkRequestSigning()
{
    const SigV4Signer signer(mgnOptions());
    const QByteArray body = R"({"tags":{"Wave":"1"}})";
    QNetworkRequest request(QUrl::fromEncoded("https://mgn.us-east-1.amazonaws.com" + mgnArnPath));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    signer.signNetworkRequest(request, "POST", body, exampleCredentials(true), suiteTime());

    QCOMPARE(request.rawHeader("Host"), QByteArray("mgn.us-east-1.amazonaws.com"));
    QCOMPARE(request.rawHeader("X-Amz-Date"), QByteArray("20150830T123600Z"));
    QVERIFY(request.rawHeader("X-Amz-Security-Token") == exampleToken.toUtf8());
    QCOMPARE(signedHeadersOf(request.rawHeader("Authorization")),
        QByteArray("content-type;host;x-amz-date;x-amz-security-token"));

    // The same as signing the value type by hand.
    SigV4Request value = SigV4Request::fromUrl("POST", request.url(), body);
    value.appendHeader("Content-Type", "application/json");
    const auto expected = signer.signHeaders(value, exampleCredentials(true), suiteTime());
    QVERIFY(request.rawHeader("Authorization") == expected.request.headerValue("Authorization"));

    // Signing again (a retry) with long-term credentials leaves no token behind.
    signer.signNetworkRequest(request, "POST", body, exampleCredentials(), suiteTime().addSecs(5));
    QVERIFY(!request.hasRawHeader("X-Amz-Security-Token"));
    QCOMPARE(request.rawHeader("X-Amz-Date"), QByteArray("20150830T123605Z"));
    QCOMPARE(signedHeadersOf(request.rawHeader("Authorization")), QByteArray("content-type;host;x-amz-date"));
}

void TestSigV4::networkRequestHost_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("host");
    QTest::newRow("https") << QStringLiteral("https://mgn.us-east-1.amazonaws.com/")
                           << QByteArray("mgn.us-east-1.amazonaws.com");
    QTest::newRow("default port") << QStringLiteral("https://mgn.us-east-1.amazonaws.com:443/")
                                  << QByteArray("mgn.us-east-1.amazonaws.com");
    QTest::newRow("loopback") << QStringLiteral("http://127.0.0.1:8080/") << QByteArray("127.0.0.1:8080");
    QTest::newRow("http default") << QStringLiteral("http://localhost:80/x") << QByteArray("localhost");
    QTest::newRow("ipv6") << QStringLiteral("http://[::1]:4566/") << QByteArray("[::1]:4566");
    QTest::newRow("upper case") << QStringLiteral("https://MGN.EU-WEST-1.amazonaws.com/")
                                << QByteArray("mgn.eu-west-1.amazonaws.com");
}

void TestSigV4::networkRequestHost()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, host);
    QNetworkRequest request { QUrl(url) };
    SigV4Signer(mgnOptions()).signNetworkRequest(request, "GET", {}, exampleCredentials(), suiteTime());
    QCOMPARE(request.rawHeader("Host"), host);
}

void TestSigV4::credentialsDebugIsRedacted()
{
    AwsCredentials credentials = exampleCredentials(true);
    credentials.expiration = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
    {
        const MessageCapture capture;
        qDebug() << credentials;
        qWarning() << "credentials:" << credentials;
        qInfo().noquote() << credentials;
        qDebug() << exampleCredentials();
        QCOMPARE(capturedMessages.size(), 4);
    }
    for (const QString &message : std::as_const(capturedMessages)) {
        QVERIFY(!message.contains(exampleSecret));
        QVERIFY(!message.contains(exampleToken));
        QVERIFY(!message.contains(exampleKeyId));
        QVERIFY(message.contains(u"*******MPLE"));
    }
    QVERIFY(capturedMessages.at(0).contains(u"secretAccessKey=<redacted>"));
    QVERIFY(capturedMessages.at(0).contains(u"sessionToken=<redacted>"));
    QVERIFY(capturedMessages.at(0).contains(u"expiration=2026-11-01T12:00:00Z"));
    QVERIFY(capturedMessages.at(3).contains(u"sessionToken=<none>"));

    QString text;
    QDebug(&text) << credentials;
    QVERIFY(!text.contains(exampleSecret));
    QVERIFY(!text.contains(exampleToken));
    QVERIFY(text.startsWith(u"AwsCredentials("));
}

void TestSigV4::credentialsHelpers()
{
    AwsCredentials credentials;
    QVERIFY(!credentials.isValid());
    credentials = exampleCredentials();
    QVERIFY(credentials.isValid());
    QVERIFY(!credentials.hasSessionToken());
    QVERIFY(!credentials.expiresBy(suiteTime()));
    credentials.sessionToken = QString();
    QVERIFY(!credentials.hasSessionToken());
    credentials.sessionToken = exampleToken;
    QVERIFY(credentials.hasSessionToken());
    credentials.expiration = suiteTime();
    QVERIFY(credentials.expiresBy(suiteTime()));
    QVERIFY(!credentials.expiresBy(suiteTime().addSecs(-1)));
    QVERIFY(credentials == credentials);
    QVERIFY(!(credentials == exampleCredentials()));
}

void TestSigV4::httpTextParsing()
{
    const QByteArray text = "POST /a%20b/?x=1&y HTTP/1.1\r\n"
                            "Host:example.amazonaws.com\r\n"
                            "My-Header1: value1 \r\n"
                            "  value2\r\n"
                            "\t value2b\r\n"
                            "My-Header1:value3\r\n"
                            "\r\n"
                            "line one\r\n\r\nline two";
    QString error;
    const auto request = SigV4Request::fromHttpText(text, &error);
    QVERIFY2(request, qPrintable(error));
    QCOMPARE(request->method, QByteArray("POST"));
    QCOMPARE(request->path, QByteArray("/a%20b/"));
    QCOMPARE(request->query, QByteArray("x=1&y"));
    QCOMPARE(request->httpVersion, QByteArray("HTTP/1.1"));
    QCOMPARE(request->headers.size(), 3);
    // Each fold, with the whitespace around it, read as one space (RFC 9112, 5.2).
    QCOMPARE(request->headers.at(1).second, QByteArray(" value1 value2 value2b"));
    QCOMPARE(request->headerValue("my-header1"), QByteArray(" value1 value2 value2b,value3"));
    QCOMPARE(request->body, QByteArray("line one\n\nline two"));

    QByteArray signedHeaders;
    QCOMPARE(SigV4Signer::canonicalHeaders(request->headers, &signedHeaders),
        QByteArray("host:example.amazonaws.com\nmy-header1:value1 value2 value2b,value3\n"));

    QCOMPARE(request->toHttpText(),
        QByteArray("POST /a%20b/?x=1&y HTTP/1.1\nHost:example.amazonaws.com\n"
                   "My-Header1: value1 value2 value2b\nMy-Header1:value3\n\nline one\n\nline two"));

    const auto noBody
        = SigV4Request::fromHttpText("GET /example space/ HTTP/1.1\nHost:example.amazonaws.com\n");
    QVERIFY(noBody);
    QCOMPARE(noBody->path, QByteArray("/example space/"));
    QVERIFY(noBody->body.isEmpty());
    QCOMPARE(noBody->headers.size(), 1);
}

void TestSigV4::httpTextErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("missing request line");
    QTest::newRow("no target") << QByteArray("GET\nHost:x\n") << QStringLiteral("malformed request line");
    QTest::newRow("no version") << QByteArray("GET /\nHost:x\n") << QStringLiteral("malformed request line");
    QTest::newRow("continuation first") << QByteArray("GET / HTTP/1.1\n  value\n")
                                        << QStringLiteral("line 2: continuation line before any header");
    QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\nHost example.com\n")
                              << QStringLiteral("line 2: header line without a name and ':'");
}

void TestSigV4::httpTextErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!SigV4Request::fromHttpText(text, &actual));
    QCOMPARE(actual, error);
}

void TestSigV4::contextParsing()
{
    const QByteArray json = R"({
        "credentials": {"access_key_id": "AKIDEXAMPLE", "secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"},
        "region": "eu-west-3", "service": "s3", "timestamp": "2015-08-30T12:36:00Z",
        "normalize": false, "sign_body": true, "signed_body_value": "UNSIGNED-PAYLOAD",
        "expiration_in_seconds": 900, "omit_session_token": true
    })";
    QString error;
    const auto context = SigV4SigningContext::fromJson(json, &error);
    QVERIFY2(context, qPrintable(error));
    QVERIFY(context->credentials == exampleCredentials());
    QCOMPARE(context->timestamp, suiteTime());
    const SigV4Signer::Options options = context->signerOptions();
    QCOMPARE(options.region, QStringLiteral("eu-west-3"));
    QCOMPARE(options.service, QStringLiteral("s3"));
    QVERIFY(!options.normalizePath);
    QVERIFY(!options.encodePath);
    QVERIFY(options.addContentSha256Header);
    QVERIFY(options.unsignedPayload);
    QVERIFY(options.omitSessionTokenFromSignature);
    QCOMPARE(options.expiresInSeconds, 900);

    const auto defaults = SigV4SigningContext::fromJson(R"({"credentials": {"access_key_id": "A",
        "secret_access_key": "B", "token": "C"}, "region": "r", "service": "mgn", "timestamp": "2015-08-30T12:36:00Z"})");
    QVERIFY(defaults);
    QVERIFY(defaults->credentials.hasSessionToken());
    const SigV4Signer::Options defaultOptions = defaults->signerOptions();
    QVERIFY(defaultOptions.normalizePath);
    QVERIFY(defaultOptions.encodePath);
    QVERIFY(!defaultOptions.addContentSha256Header);
    QVERIFY(!defaultOptions.unsignedPayload);
    QVERIFY(!defaultOptions.omitSessionTokenFromSignature);
    QCOMPARE(defaultOptions.expiresInSeconds, 3600);
}

void TestSigV4::contextErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << QByteArray("{") << QString();
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("the context is not a JSON object");
    QTest::newRow("no credentials")
        << QByteArray(R"({"region": "r", "service": "s", "timestamp": "2015-08-30T12:36:00Z"})")
        << QStringLiteral("credentials.access_key_id and credentials.secret_access_key are required");
    QTest::newRow("no region") << QByteArray(
        R"({"credentials": {"access_key_id": "A", "secret_access_key": "B"},
        "service": "s", "timestamp": "2015-08-30T12:36:00Z"})")
                               << QStringLiteral("region and service are required");
    QTest::newRow("bad time") << QByteArray(
        R"({"credentials": {"access_key_id": "A", "secret_access_key": "B"},
        "region": "r", "service": "s", "timestamp": "yesterday"})")
                              << QStringLiteral("timestamp is missing or not ISO 8601");
}

void TestSigV4::contextErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QString actual;
    QVERIFY(!SigV4SigningContext::fromJson(json, &actual));
    if (error.isEmpty())
        QVERIFY(!actual.isEmpty());
    else
        QCOMPARE(actual, error);
}

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
