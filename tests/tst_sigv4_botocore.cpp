#include "app/aws/AwsCredentials.h"
#include "app/aws/SigV4Request.h"
#include "app/aws/SigV4Signer.h"
#include "tests/support/PeerTool.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QProcess>
#include <QTest>
#include <QUrl>

using namespace mgn;

// Interop: botocore (the AWS CLI's and boto3's signer) signs the same requests
// with the same credentials at the same time, and must produce the same
// canonical request, string to sign and Authorization header as ours.
// tests/interop/botocore_sign.py does botocore's side; its answers arrive on
// a pipe and are compared here without printing a signature or a secret.

namespace {

const QString scriptPath = QStringLiteral(MGN_TEST_DATA_DIR "/../interop/botocore_sign.py");

// AWS's published example keys and example session token, not real ones.
const QString exampleKeyId = QStringLiteral("AKIDEXAMPLE");
const QString exampleSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QString exampleToken
    = QStringLiteral("AQoDYXdzEPT//////////"
                     "wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8"
                     "YUuwthAx7mSEI/qkPpKPi/"
                     "kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6f"
                     "E8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+"
                     "scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2"
                     "ICCR/oLxBA==");

const QString mgnEndpoint = QStringLiteral("https://mgn.us-east-1.amazonaws.com");
const QString tagPath = QStringLiteral(
    "/tags/arn%3Aaws%3Amgn%3Aus-east-1%3A123456789012%3Asource-server%2Fs-1234567890abcdef0");

struct InteropCase {
    QString name;
    QByteArray method;
    QString url; // percent-encoded, as sent
    QByteArray contentType; // empty: no Content-Type header
    QByteArray body;
    bool withToken = false;
    QString region = QStringLiteral("us-east-1");
    QDateTime time = QDateTime(QDate(2015, 8, 30), QTime(12, 36), Qt::UTC);
};

QList<InteropCase> interopCases()
{
    const QByteArray json = "application/json";
    const QDateTime later(QDate(2026, 11, 1), QTime(23, 59, 59), Qt::UTC);
    return {
        { QStringLiteral("post-json"), "POST", mgnEndpoint + u"/DescribeSourceServers", json,
            R"({"filters":{"isArchived":false},"maxResults":1000})" },
        { QStringLiteral("get-query"), "GET",
            mgnEndpoint + u"/DescribeVcenterClients?maxResults=10&nextToken=abc%2Fdef", {}, {} },
        { QStringLiteral("tag-arn-post"), "POST", mgnEndpoint + tagPath, json,
            R"({"tags":{"Wave":"1","Owner":"ops"}})" },
        { QStringLiteral("tag-arn-get"), "GET", mgnEndpoint + tagPath, {}, {} },
        { QStringLiteral("tag-arn-delete-query"), "DELETE",
            mgnEndpoint + tagPath + u"?tagKeys=Wave&tagKeys=Owner", {}, {} },
        { QStringLiteral("session-token-post-json"), "POST", mgnEndpoint + u"/DescribeSourceServers", json,
            R"({"filters":{},"maxResults":1000})", true },
        { QStringLiteral("session-token-tag-arn-get"), "GET", mgnEndpoint + tagPath, {}, {}, true },
        { QStringLiteral("loopback-emulator-other-region"), "POST",
            QStringLiteral("http://127.0.0.1:8443/DescribeJobs"), json,
            R"({"filters":{"jobIDs":["mgnjob-1"]}})", true, QStringLiteral("eu-west-3"), later },
    };
}

AwsCredentials credentialsFor(const InteropCase &interopCase)
{
    AwsCredentials credentials;
    credentials.accessKeyId = exampleKeyId;
    credentials.secretAccessKey = exampleSecret;
    if (interopCase.withToken)
        credentials.sessionToken = exampleToken;
    return credentials;
}

SigV4Signer signerFor(const InteropCase &interopCase)
{
    SigV4Signer::Options options;
    options.region = interopCase.region;
    options.service = QStringLiteral("mgn");
    return SigV4Signer(options);
}

QNetworkRequest networkRequestFor(const InteropCase &interopCase)
{
    QNetworkRequest request(QUrl::fromEncoded(interopCase.url.toLatin1(), QUrl::StrictMode));
    if (!interopCase.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, interopCase.contentType);
    return request;
}

QByteArray redacted(QByteArray text)
{
    return text.replace(exampleToken.toUtf8(), "<redacted>");
}

} // namespace

class TestSigV4Botocore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameSignatureAsBotocore_data();
    void sameSignatureAsBotocore();

private:
    QJsonObject m_results;
};

void TestSigV4Botocore::initTestCase()
{
    const QString python = testsupport::findPython3();
    if (python.isEmpty())
        MGN_PEER_TOOL_MISSING("python3 is not installed (or set MGN_PYTHON3): cannot run botocore");
    QVERIFY2(QFile::exists(scriptPath), qPrintable(scriptPath));

    QJsonArray cases;
    for (const InteropCase &interopCase : interopCases()) {
        QJsonArray headers;
        if (!interopCase.contentType.isEmpty())
            headers.append(
                QJsonArray { QStringLiteral("Content-Type"), QString::fromLatin1(interopCase.contentType) });
        QJsonObject object {
            { QStringLiteral("name"), interopCase.name },
            { QStringLiteral("method"), QString::fromLatin1(interopCase.method) },
            { QStringLiteral("url"), interopCase.url },
            { QStringLiteral("headers"), headers },
            { QStringLiteral("body_base64"), QString::fromLatin1(interopCase.body.toBase64()) },
            { QStringLiteral("region"), interopCase.region },
            { QStringLiteral("service"), QStringLiteral("mgn") },
            { QStringLiteral("access_key"), exampleKeyId },
            { QStringLiteral("secret_key"), exampleSecret },
            { QStringLiteral("timestamp"), interopCase.time.toString(Qt::ISODate) },
        };
        if (interopCase.withToken)
            object.insert(QStringLiteral("token"), exampleToken);
        cases.append(object);
    }

    // The credentials go through stdin, never the command line.
    QProcess process;
    process.start(python, { scriptPath });
    QVERIFY2(process.waitForStarted(30000), qPrintable(process.errorString()));
    process.write(
        QJsonDocument(QJsonObject { { QStringLiteral("cases"), cases } }).toJson(QJsonDocument::Compact));
    process.closeWriteChannel();
    QVERIFY2(process.waitForFinished(120000), "botocore_sign.py did not finish");
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 3)
        MGN_PEER_TOOL_MISSING(
            "botocore is not installed for python3 (pip install botocore, or Debian's python3-botocore)");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        qPrintable(QString::fromUtf8(process.readAllStandardError())));

    QJsonParseError error;
    const QJsonDocument answer = QJsonDocument::fromJson(process.readAllStandardOutput(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    m_results = answer.object().value(u"results").toObject();
    QCOMPARE(m_results.size(), interopCases().size());
    qInfo("botocore %s", qPrintable(answer.object().value(u"botocore_version").toString()));
}

void TestSigV4Botocore::sameSignatureAsBotocore_data()
{
    QTest::addColumn<int>("index");
    const QList<InteropCase> cases = interopCases();
    for (qsizetype i = 0; i < cases.size(); ++i)
        QTest::newRow(qPrintable(cases.at(i).name)) << int(i);
}

void TestSigV4Botocore::sameSignatureAsBotocore()
{
    QFETCH(int, index);
    const InteropCase interopCase = interopCases().at(index);
    const QJsonObject botocore = m_results.value(interopCase.name).toObject();
    QVERIFY(!botocore.isEmpty());
    const QJsonObject botocoreHeaders = botocore.value(u"headers").toObject();
    const QByteArray botocoreAuthorization = botocoreHeaders.value(u"Authorization").toString().toUtf8();
    QVERIFY(!botocoreAuthorization.isEmpty());

    const SigV4Signer signer = signerFor(interopCase);
    const AwsCredentials credentials = credentialsFor(interopCase);

    // The value type, for the intermediate steps.
    QNetworkRequest request = networkRequestFor(interopCase);
    SigV4Request value = SigV4Request::fromUrl(interopCase.method, request.url(), interopCase.body);
    if (!interopCase.contentType.isEmpty())
        value.appendHeader("Content-Type", interopCase.contentType);
    const SigV4Signer::Result ours = signer.signHeaders(value, credentials, interopCase.time);

    const QByteArray botocoreCanonical = botocore.value(u"canonical_request").toString().toUtf8();
    if (ours.canonicalRequest != botocoreCanonical) {
        QFAIL(qPrintable(QStringLiteral("canonical request differs\n--- ours:\n%1\n--- botocore:\n%2")
                             .arg(QString::fromUtf8(redacted(ours.canonicalRequest)),
                                 QString::fromUtf8(redacted(botocoreCanonical)))));
    }
    QCOMPARE(ours.stringToSign, botocore.value(u"string_to_sign").toString().toUtf8());
    QVERIFY2(ours.request.headerValue("Authorization") == botocoreAuthorization,
        "our Authorization header differs from botocore's");

    // The QNetworkRequest helper, which the transport uses, signs the same.
    signer.signNetworkRequest(request, interopCase.method, interopCase.body, credentials, interopCase.time);
    QVERIFY2(request.rawHeader("Authorization") == botocoreAuthorization,
        "the signed QNetworkRequest's Authorization header differs from botocore's");
    QCOMPARE(request.rawHeader("X-Amz-Date"), botocoreHeaders.value(u"X-Amz-Date").toString().toLatin1());
    QVERIFY2(request.rawHeader("X-Amz-Security-Token")
            == botocoreHeaders.value(u"X-Amz-Security-Token").toString().toUtf8(),
        "X-Amz-Security-Token differs from botocore's");
    QCOMPARE(request.hasRawHeader("X-Amz-Security-Token"), interopCase.withToken);
}

QTEST_GUILESS_MAIN(TestSigV4Botocore)
#include "tst_sigv4_botocore.moc"
