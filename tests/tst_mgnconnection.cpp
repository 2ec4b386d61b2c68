#include "app/aws/CredentialsProvider.h"
#include "app/mgn/MgnClient.h"
#include "app/mgn/MgnConnection.h"
#include "tests/support/TestHttpServer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

class TestMgnConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void region_data();
    void region();
    void endpoint_data();
    void endpoint();
    void errors_data();
    void errors();
    void expiredTokenRefetchesCredentials();
    void directConnection();

private:
    void writeConfig(const QByteArray &text);
    std::unique_ptr<MgnConnection> open(const MgnConnection::Settings &settings, QString *error = nullptr);

    QTemporaryDir m_home;
    QProcessEnvironment m_env;
};

void TestMgnConnection::init()
{
    m_env = QProcessEnvironment();
    m_env.insert(u"AWS_ACCESS_KEY_ID"_s, u"AKIDEXAMPLE"_s);
    m_env.insert(u"AWS_SECRET_ACCESS_KEY"_s, u"static-secret"_s);
    m_env.insert(u"AWS_CONFIG_FILE"_s, m_home.filePath(u"config"_s));
    m_env.insert(u"AWS_SHARED_CREDENTIALS_FILE"_s, m_home.filePath(u"credentials"_s));
    writeConfig("[default]\nregion = eu-west-1\n\n[profile other]\nregion = ap-southeast-2\n"
                "aws_access_key_id = AKIDOTHER\naws_secret_access_key = another secret\n");
}

void TestMgnConnection::writeConfig(const QByteArray &text)
{
    QFile file(m_home.filePath(u"config"_s));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

std::unique_ptr<MgnConnection> TestMgnConnection::open(
    const MgnConnection::Settings &settings, QString *error)
{
    return std::unique_ptr<MgnConnection>(MgnConnection::open(settings, m_env, m_home.path(), error));
}

void TestMgnConnection::region_data()
{
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("awsRegion");
    QTest::addColumn<QString>("awsDefaultRegion");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--region first") << u"us-west-2"_s << u"eu-central-1"_s << u"eu-north-1"_s << QString()
                                    << u"us-west-2"_s;
    QTest::newRow("then AWS_REGION") << QString() << u"eu-central-1"_s << u"eu-north-1"_s << QString()
                                     << u"eu-central-1"_s;
    QTest::newRow("then AWS_DEFAULT_REGION")
        << QString() << QString() << u"eu-north-1"_s << QString() << u"eu-north-1"_s;
    QTest::newRow("then the profile") << QString() << QString() << QString() << QString() << u"eu-west-1"_s;
    QTest::newRow("a named profile") << QString() << QString() << QString() << u"other"_s
                                     << u"ap-southeast-2"_s;
}

void TestMgnConnection::region()
{
    QFETCH(QString, commandLine);
    QFETCH(QString, awsRegion);
    QFETCH(QString, awsDefaultRegion);
    QFETCH(QString, profile);
    QFETCH(QString, expected);
    if (!awsRegion.isEmpty())
        m_env.insert(u"AWS_REGION"_s, awsRegion);
    if (!awsDefaultRegion.isEmpty())
        m_env.insert(u"AWS_DEFAULT_REGION"_s, awsDefaultRegion);
    MgnConnection::Settings settings;
    if (!commandLine.isEmpty())
        settings.region = commandLine;
    if (!profile.isEmpty())
        settings.profile = profile;
    QString error;
    const auto connection = open(settings, &error);
    QVERIFY2(connection, qPrintable(error));
    QCOMPARE(connection->region(), expected);
    QCOMPARE(connection->endpoint(), QUrl(u"https://mgn."_s + expected + u".amazonaws.com"_s));
    QCOMPARE(connection->profileName(), profile.isEmpty() ? u"default"_s : profile);
    QCOMPARE(connection->client()->endpoint(), connection->endpoint());
}

void TestMgnConnection::endpoint_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("expectedUrl");
    QTest::addColumn<QString>("expectedRegion");
    QTest::newRow("China") << u"[default]\nregion = cn-north-1\n"_s << QString()
                           << u"https://mgn.cn-north-1.amazonaws.com.cn"_s << u"cn-north-1"_s;
    QTest::newRow("--endpoint-url, no region: signs for us-east-1")
        << QString() << u"http://127.0.0.1:8080"_s << u"http://127.0.0.1:8080"_s << u"us-east-1"_s;
    QTest::newRow("--endpoint-url keeps the region")
        << u"[default]\nregion = eu-west-3\n"_s << u"http://127.0.0.1:8080"_s << u"http://127.0.0.1:8080"_s
        << u"eu-west-3"_s;
    QTest::newRow("profile endpoint_url") << u"[default]\nendpoint_url = http://localhost:9000\n"_s
                                          << QString() << u"http://localhost:9000"_s << u"us-east-1"_s;
}

void TestMgnConnection::endpoint()
{
    QFETCH(QString, config);
    QFETCH(QString, commandLine);
    QFETCH(QString, expectedUrl);
    QFETCH(QString, expectedRegion);
    writeConfig(config.toUtf8());
    MgnConnection::Settings settings;
    if (!commandLine.isEmpty())
        settings.endpointUrl = commandLine;
    QString error;
    const auto connection = open(settings, &error);
    QVERIFY2(connection, qPrintable(error));
    QCOMPARE(connection->endpoint(), QUrl(expectedUrl));
    QCOMPARE(connection->region(), expectedRegion);
}

void TestMgnConnection::errors_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("message");
    QTest::newRow("no region") << QByteArray("[default]\n") << QString() << QString() << u"No region"_s;
    QTest::newRow("bad region") << QByteArray() << QString() << u"eu west 1"_s
                                << u"Not a valid region name"_s;
    QTest::newRow("unknown profile") << QByteArray() << u"nope"_s << u"eu-west-1"_s
                                     << u"The config profile (nope) could not be found"_s;
    QTest::newRow("malformed file") << QByteArray("[default]\nregion\n") << QString() << QString()
                                    << u"config:2"_s;
}

void TestMgnConnection::errors()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, profile);
    QFETCH(QString, region);
    QFETCH(QString, message);
    writeConfig(config);
    MgnConnection::Settings settings;
    if (!profile.isEmpty())
        settings.profile = profile;
    if (!region.isEmpty())
        settings.region = region;
    QString error;
    QVERIFY(!open(settings, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestMgnConnection::expiredTokenRefetchesCredentials()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    server.enqueue(TestHttpServer::Response::awsError(403, "ExpiredTokenException",
        R"({"message":"The security token included in the request is expired"})"));
    server.enqueue(TestHttpServer::Response::json(200, R"({"sourceServerID":"s-1"})"));
    QString error;
    const auto connection = open({ std::nullopt, std::nullopt, server.url().toString() }, &error);
    QVERIFY2(connection, qPrintable(error));
    std::optional<MgnResult<mgn::SourceServer>> first;
    connection->client()->startReplication(
        u"s-1"_s, [&](const MgnResult<mgn::SourceServer> &r) { first = r; });
    QTRY_VERIFY(first);
    QCOMPARE(first->error->kind, AwsError::Kind::ExpiredToken);
    QCOMPARE(connection->credentials()->fetchCount(), 1);
    std::optional<MgnResult<mgn::SourceServer>> second;
    connection->client()->startReplication(
        u"s-1"_s, [&](const MgnResult<mgn::SourceServer> &r) { second = r; });
    QTRY_VERIFY(second);
    QVERIFY(second->ok());
    QCOMPARE(connection->credentials()->fetchCount(), 2);
}

void TestMgnConnection::directConnection()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    server.enqueue(TestHttpServer::Response::json(200, R"({"sourceServerID":"s-1"})"));
    const std::unique_ptr<MgnConnection> connection(MgnConnection::openDirect(
        server.url(), u"eu-west-3"_s, { u"AKIADEMO"_s, u"demo-secret"_s, std::nullopt, std::nullopt }));
    QCOMPARE(connection->region(), u"eu-west-3"_s);
    QCOMPARE(connection->endpoint(), server.url());
    QVERIFY(!connection->credentials()); // no chain: the keys were given
    bool done = false;
    connection->client()->startReplication(
        u"s-1"_s, [&](const MgnResult<mgn::SourceServer> &r) { done = r.ok(); });
    QTRY_VERIFY(done);
    QVERIFY(server.requests().first().header("Authorization").contains("Credential=AKIADEMO/"));
    QVERIFY(server.requests().first().header("Authorization").contains("/eu-west-3/mgn/aws4_request"));
}

QTEST_GUILESS_MAIN(TestMgnConnection)
#include "tst_mgnconnection.moc"
