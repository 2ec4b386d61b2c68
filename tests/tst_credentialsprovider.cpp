#include "app/aws/CredentialsProvider.h"
#include "app/aws/FixedClock.h"
#include "app/aws/ProfileKeyStore.h"
#include "app/aws/StsClient.h"
#include "tests/support/MemorySecretStore.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mgn;

// The credentials chain carried out: caching and refresh before expiry,
// shared fetches, the keychain, credential_process, and AssumeRole against
// moto's STS server (a real STS implementation, not written here).
class TestCredentialsProvider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void staticIsCached();
    void errorPlan();
    void concurrentGetsShareOneFetch();
    void refreshBeforeExpiry();
    void keychainProfile();
    void keychainMissing();
    void stsResponses_data();
    void stsResponses();
    void stsFormBody();
    void assumeRoleAgainstMoto();
    void assumeRoleSourceFailure();

private:
    CredentialsProvider::Result get(CredentialsProvider &provider);
    QString processScript(const QDateTime &expiration);

    QTemporaryDir m_dir;
    QProcess m_moto;
    QUrl m_motoUrl;
    QString m_motoSkipReason;
    std::shared_ptr<FixedClock> m_clock
        = std::make_shared<FixedClock>(QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC));
};

void TestCredentialsProvider::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString moto = QStandardPaths::findExecutable(QStringLiteral("moto_server"));
    if (moto.isEmpty()) {
        m_motoSkipReason = QStringLiteral("moto_server is not installed (pip's moto[server])");
        return;
    }
    m_moto.setProcessChannelMode(QProcess::MergedChannels);
    m_moto.start(moto,
        { QStringLiteral("-H"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QStringLiteral("0") });
    QByteArray output;
    const QRegularExpression running(QStringLiteral("Running on (http://127\\.0\\.0\\.1:\\d+)"));
    QVERIFY(QTest::qWaitFor(
        [&] {
            output += m_moto.readAll();
            const auto match = running.match(QString::fromUtf8(output));
            if (match.hasMatch())
                m_motoUrl = QUrl(match.captured(1));
            return match.hasMatch() || m_moto.state() == QProcess::NotRunning;
        },
        30000));
    QVERIFY2(m_motoUrl.isValid(), output.constData());
}

void TestCredentialsProvider::cleanupTestCase()
{
    if (m_moto.state() != QProcess::NotRunning) {
        m_moto.kill();
        m_moto.waitForFinished(5000);
    }
}

CredentialsProvider::Result TestCredentialsProvider::get(CredentialsProvider &provider)
{
    std::optional<CredentialsProvider::Result> result;
    provider.get(this, [&](const CredentialsProvider::Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return { std::nullopt, QStringLiteral("test: no answer") };
    return *result;
}

QString TestCredentialsProvider::processScript(const QDateTime &expiration)
{
    const QString path = m_dir.filePath(QStringLiteral("creds-%1").arg(expiration.toSecsSinceEpoch()));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"ASIAPROC\",\"SecretAccessKey\":\"p\","
               "\"SessionToken\":\"t\",\"Expiration\":\""
        + expiration.toString(Qt::ISODate).toUtf8() + "\"}'\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

namespace {
CredentialsPlan staticPlan()
{
    CredentialsPlan plan;
    plan.kind = CredentialsPlan::Kind::Static;
    plan.profile = QStringLiteral("default");
    AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("AKIDSTATIC");
    credentials.secretAccessKey = QStringLiteral("static-secret");
    plan.staticCredentials = credentials;
    return plan;
}
} // namespace

void TestCredentialsProvider::staticIsCached()
{
    CredentialsProvider provider(staticPlan(), { nullptr, nullptr, {}, m_clock });
    QCOMPARE(get(provider).credentials->accessKeyId, QStringLiteral("AKIDSTATIC"));
    QCOMPARE(get(provider).credentials->accessKeyId, QStringLiteral("AKIDSTATIC"));
    QCOMPARE(provider.fetchCount(), 1);
    provider.invalidate();
    QVERIFY(get(provider).credentials);
    QCOMPARE(provider.fetchCount(), 2);
}

void TestCredentialsProvider::errorPlan()
{
    CredentialsPlan plan;
    plan.kind = CredentialsPlan::Kind::Error;
    plan.error
        = QStringLiteral("Profile \"x\" has role_arn but neither source_profile nor credential_source");
    CredentialsProvider provider(plan, { nullptr, nullptr, {}, m_clock });
    const auto result = get(provider);
    QVERIFY(!result.credentials);
    QCOMPARE(result.error, plan.error);
}

void TestCredentialsProvider::concurrentGetsShareOneFetch()
{
    CredentialsPlan plan;
    plan.kind = CredentialsPlan::Kind::Process;
    plan.profile = QStringLiteral("p");
    plan.processCommand = processScript(m_clock->currentDateTimeUtc().addSecs(7200));
    CredentialsProvider provider(plan, { nullptr, nullptr, {}, m_clock });
    int answers = 0;
    for (int i = 0; i < 5; ++i)
        provider.get(this, [&](const CredentialsProvider::Result &r) { answers += r.credentials ? 1 : 0; });
    QVERIFY(QTest::qWaitFor([&] { return answers == 5; }, 10000));
    QCOMPARE(provider.fetchCount(), 1);
}

void TestCredentialsProvider::refreshBeforeExpiry()
{
    CredentialsPlan plan;
    plan.kind = CredentialsPlan::Kind::Process;
    plan.profile = QStringLiteral("p");
    // Expires in 30 minutes: fresh now, due for refresh 10 minutes before.
    plan.processCommand = processScript(m_clock->currentDateTimeUtc().addSecs(1800));
    CredentialsProvider provider(plan, { nullptr, nullptr, {}, m_clock });
    QVERIFY(get(provider).credentials);
    QVERIFY(get(provider).credentials);
    QCOMPARE(provider.fetchCount(), 1);
    m_clock->advance(std::chrono::minutes(19));
    QVERIFY(get(provider).credentials);
    QCOMPARE(provider.fetchCount(), 1);
    m_clock->advance(std::chrono::minutes(2)); // 9 minutes left
    QVERIFY(get(provider).credentials);
    QCOMPARE(provider.fetchCount(), 2);
    m_clock->setCurrentDateTimeUtc(QDateTime(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC));
}

void TestCredentialsProvider::keychainProfile()
{
    MemorySecretStore secrets;
    secrets.entries.insert(QStringLiteral("aws-profile/typed"),
        R"({"accessKeyId":"AKIDTYPED","secretAccessKey":"typed-secret"})");
    ProfileKeyStore keys(secrets);
    CredentialsPlan plan;
    plan.kind = CredentialsPlan::Kind::Keychain;
    plan.profile = QStringLiteral("typed");
    CredentialsProvider provider(plan, { nullptr, &keys, {}, m_clock });
    const auto result = get(provider);
    QVERIFY2(result.credentials, qPrintable(result.error));
    QCOMPARE(result.credentials->accessKeyId, QStringLiteral("AKIDTYPED"));
}

void TestCredentialsProvider::keychainMissing()
{
    MemorySecretStore secrets;
    ProfileKeyStore keys(secrets);
    CredentialsPlan plan;
    plan.kind = CredentialsPlan::Kind::Keychain;
    plan.profile = QStringLiteral("ghost");
    CredentialsProvider provider(plan, { nullptr, &keys, {}, m_clock });
    auto result = get(provider);
    QVERIFY(!result.credentials);
    QVERIFY2(result.error.contains(QStringLiteral("No credentials found for profile \"ghost\"")),
        qPrintable(result.error));

    secrets.available = false;
    provider.invalidate();
    result = get(provider);
    QVERIFY(!result.credentials);
    QVERIFY2(result.error.contains(QStringLiteral("No keychain service")), qPrintable(result.error));
}

void TestCredentialsProvider::stsResponses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::newRow("ok") << 200
                        << QByteArray(
                               R"(<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult><Credentials><AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey>
  <SessionToken>role-token</SessionToken><Expiration>2026-11-23T13:00:00Z</Expiration></Credentials>
  <AssumedRoleUser><Arn>arn:aws:sts::1:assumed-role/r/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>
  </AssumeRoleResult></AssumeRoleResponse>)")
                        << QString();
    QTest::newRow("access denied")
        << 403 << QByteArray(R"(<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>
  <Message>User is not authorized to perform: sts:AssumeRole</Message></Error></ErrorResponse>)")
        << QStringLiteral("AccessDenied: User is not authorized to perform: sts:AssumeRole");
    QTest::newRow("no token")
        << 200
        << QByteArray("<AssumeRoleResponse><Credentials><AccessKeyId>A</AccessKeyId>"
                      "<SecretAccessKey>s</SecretAccessKey></Credentials></AssumeRoleResponse>")
        << QStringLiteral("without complete credentials");
    QTest::newRow("malformed xml") << 200 << QByteArray("<AssumeRoleResponse><Credentials>")
                                   << QStringLiteral("malformed XML");
    QTest::newRow("html error page") << 502 << QByteArray("<html>bad gateway") << QStringLiteral("HTTP 502");
}

void TestCredentialsProvider::stsResponses()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    const auto result = StsClient::parseResponse(status, body);
    if (error.isEmpty()) {
        QVERIFY2(result.credentials, qPrintable(result.error));
        QCOMPARE(result.credentials->accessKeyId, QStringLiteral("ASIAROLE"));
        QCOMPARE(result.credentials->secretAccessKey, QStringLiteral("role-secret"));
        QCOMPARE(result.credentials->sessionToken, std::optional<QString>(QStringLiteral("role-token")));
        QCOMPARE(*result.credentials->expiration, QDateTime(QDate(2026, 11, 23), QTime(13, 0), Qt::UTC));
    } else {
        QVERIFY(!result.credentials);
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
    }
}

void TestCredentialsProvider::stsFormBody()
{
    const auto body = StsClient::formBody({ QStringLiteral("arn:aws:iam::123456789012:role/Mig rate"),
        QStringLiteral("alice@example"), QStringLiteral("ext/1"), 1800 });
    QCOMPARE(body,
        QByteArray("Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%"
                   "2FMig%20rate"
                   "&RoleSessionName=alice%40example&DurationSeconds=1800&ExternalId=ext%2F1"));
}

void TestCredentialsProvider::assumeRoleAgainstMoto()
{
    if (!m_motoSkipReason.isEmpty())
        QSKIP(qPrintable(m_motoSkipReason));
    QNetworkAccessManager network;
    const auto files = AwsConfigFiles::fromContent(
        "[profile migrate]\nrole_arn = arn:aws:iam::123456789012:role/Migrate\nsource_profile = base\n"
        "role_session_name = dashboard\nregion = us-east-1\n",
        "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n");
    const auto plan = CredentialsPlan::resolve(QStringLiteral("migrate"), true, QProcessEnvironment(), files);
    QCOMPARE(int(plan.kind), int(CredentialsPlan::Kind::AssumeRole));
    QString askedRegion;
    CredentialsProvider provider(plan,
        { &network, nullptr,
            [&](const QString &region) {
                askedRegion = region;
                return m_motoUrl;
            },
            Clock::system() });
    const auto result = get(provider);
    QVERIFY2(result.credentials, qPrintable(result.error));
    QCOMPARE(askedRegion, QStringLiteral("us-east-1"));
    QVERIFY(result.credentials->accessKeyId.startsWith(QStringLiteral("ASIA")));
    QVERIFY(!result.credentials->secretAccessKey.isEmpty());
    QVERIFY(result.credentials->hasSessionToken());
    QVERIFY(result.credentials->expiration.has_value());
    QVERIFY(*result.credentials->expiration > QDateTime::currentDateTimeUtc());
    // Cached until close to expiry.
    QVERIFY(get(provider).credentials);
    QCOMPARE(provider.fetchCount(), 1);
}

void TestCredentialsProvider::assumeRoleSourceFailure()
{
    QNetworkAccessManager network;
    const auto files = AwsConfigFiles::fromContent(
        "[profile migrate]\nrole_arn = arn:aws:iam::1:role/M\nsource_profile = base\n"
        "[profile base]\ncredential_process = /nonexistent/get-creds\n",
        QByteArray());
    const auto plan = CredentialsPlan::resolve(QStringLiteral("migrate"), true, QProcessEnvironment(), files);
    bool stsAsked = false;
    CredentialsProvider provider(plan,
        { &network, nullptr,
            [&](const QString &) {
                stsAsked = true;
                return QUrl(QStringLiteral("http://127.0.0.1:1"));
            },
            m_clock });
    const auto result = get(provider);
    QVERIFY(!result.credentials);
    QVERIFY2(result.error.contains(QStringLiteral("could not be started")), qPrintable(result.error));
    QVERIFY(!stsAsked);
}

QTEST_GUILESS_MAIN(TestCredentialsProvider)
#include "tst_credentialsprovider.moc"
