#include "app/aws/ServiceEndpoint.h"

#include <QTest>

using namespace mgn;

// Endpoint resolution with the AWS CLI's order of precedence.
class TestServiceEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults_data();
    void defaults();
    void precedence_data();
    void precedence();
    void ignoreConfigured();
    void errors_data();
    void errors();
    void otherService();
    void regionList();
};

void TestServiceEndpoint::defaults_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("fips");
    QTest::addColumn<QString>("url");
    QTest::newRow("us-east-1") << QStringLiteral("us-east-1") << false
                               << QStringLiteral("https://mgn.us-east-1.amazonaws.com");
    QTest::newRow("eu-west-3") << QStringLiteral("eu-west-3") << false
                               << QStringLiteral("https://mgn.eu-west-3.amazonaws.com");
    QTest::newRow("china") << QStringLiteral("cn-north-1") << false
                           << QStringLiteral("https://mgn.cn-north-1.amazonaws.com.cn");
    QTest::newRow("china fips") << QStringLiteral("cn-northwest-1") << true
                                << QStringLiteral("https://mgn-fips.cn-northwest-1.amazonaws.com.cn");
    QTest::newRow("fips") << QStringLiteral("us-west-2") << true
                          << QStringLiteral("https://mgn-fips.us-west-2.amazonaws.com");
    QTest::newRow("govcloud") << QStringLiteral("us-gov-west-1") << false
                              << QStringLiteral("https://mgn.us-gov-west-1.amazonaws.com");
}

void TestServiceEndpoint::defaults()
{
    QFETCH(QString, region);
    QFETCH(bool, fips);
    QFETCH(QString, url);
    QProcessEnvironment env;
    if (fips)
        env.insert(QStringLiteral("AWS_USE_FIPS_ENDPOINT"), QStringLiteral("true"));
    const auto endpoint = ServiceEndpoint::resolve(
        QStringLiteral("mgn"), std::nullopt, region, env, std::nullopt, AwsConfigFiles());
    QVERIFY2(endpoint.error.isEmpty(), qPrintable(endpoint.error));
    QCOMPARE(endpoint.url.toString(), url);
    QCOMPARE(int(endpoint.source), int(ServiceEndpoint::Source::Default));
}

void TestServiceEndpoint::precedence_data()
{
    // Each row removes the winner of the row above.
    QTest::addColumn<bool>("commandLine");
    QTest::addColumn<bool>("serviceEnv");
    QTest::addColumn<bool>("globalEnv");
    QTest::addColumn<bool>("serviceConfig");
    QTest::addColumn<bool>("profileConfig");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("source");
    using S = ServiceEndpoint::Source;
    QTest::newRow("command line") << true << true << true << true << true << QStringLiteral("http://cli:1")
                                  << int(S::CommandLine);
    QTest::newRow("AWS_ENDPOINT_URL_MGN") << false << true << true << true << true
                                          << QStringLiteral("http://svcenv:2") << int(S::ServiceEnvironment);
    QTest::newRow("AWS_ENDPOINT_URL") << false << false << true << true << true
                                      << QStringLiteral("http://env:3") << int(S::GlobalEnvironment);
    QTest::newRow("services section") << false << false << false << true << true
                                      << QStringLiteral("http://svccfg:4") << int(S::ServiceConfig);
    QTest::newRow("profile endpoint_url") << false << false << false << false << true
                                          << QStringLiteral("http://cfg:5") << int(S::ProfileConfig);
    QTest::newRow("default") << false << false << false << false << false
                             << QStringLiteral("https://mgn.eu-central-1.amazonaws.com") << int(S::Default);
}

void TestServiceEndpoint::precedence()
{
    QFETCH(bool, commandLine);
    QFETCH(bool, serviceEnv);
    QFETCH(bool, globalEnv);
    QFETCH(bool, serviceConfig);
    QFETCH(bool, profileConfig);
    QFETCH(QString, expected);
    QFETCH(int, source);

    QProcessEnvironment env;
    if (serviceEnv)
        env.insert(QStringLiteral("AWS_ENDPOINT_URL_MGN"), QStringLiteral("http://svcenv:2"));
    if (globalEnv)
        env.insert(QStringLiteral("AWS_ENDPOINT_URL"), QStringLiteral("http://env:3"));
    QByteArray config = "[profile p]\nregion = eu-central-1\n";
    if (profileConfig)
        config += "endpoint_url = http://cfg:5\n";
    if (serviceConfig)
        config += "services = local\n[services local]\nmgn =\n  endpoint_url = http://svccfg:4\n";
    const auto files = AwsConfigFiles::fromContent(config, QByteArray());
    QVERIFY(files.errors().isEmpty());
    const auto endpoint = ServiceEndpoint::resolve(QStringLiteral("mgn"),
        commandLine ? std::optional(QStringLiteral("http://cli:1")) : std::nullopt,
        QStringLiteral("eu-central-1"), env, files.profile(QStringLiteral("p")), files);
    QVERIFY2(endpoint.error.isEmpty(), qPrintable(endpoint.error));
    QCOMPARE(endpoint.url.toString(), expected);
    QCOMPARE(int(endpoint.source), source);
}

void TestServiceEndpoint::ignoreConfigured()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("AWS_ENDPOINT_URL"), QStringLiteral("http://env:3"));
    env.insert(QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), QStringLiteral("true"));
    auto endpoint = ServiceEndpoint::resolve(QStringLiteral("mgn"), std::nullopt, QStringLiteral("us-east-1"),
        env, std::nullopt, AwsConfigFiles());
    QCOMPARE(endpoint.url.toString(), QStringLiteral("https://mgn.us-east-1.amazonaws.com"));
    // ...but never the command line.
    endpoint = ServiceEndpoint::resolve(QStringLiteral("mgn"), QStringLiteral("http://cli:1"),
        QStringLiteral("us-east-1"), env, std::nullopt, AwsConfigFiles());
    QCOMPARE(endpoint.url.toString(), QStringLiteral("http://cli:1"));

    const auto files = AwsConfigFiles::fromContent(
        "[default]\nendpoint_url = http://cfg:5\nignore_configured_endpoint_urls = true\n", QByteArray());
    endpoint = ServiceEndpoint::resolve(QStringLiteral("mgn"), std::nullopt, QStringLiteral("us-east-1"),
        QProcessEnvironment(), files.profile(QStringLiteral("default")), files);
    QCOMPARE(endpoint.url.toString(), QStringLiteral("https://mgn.us-east-1.amazonaws.com"));
}

void TestServiceEndpoint::errors_data()
{
    QTest::addColumn<QString>("cliUrl");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("error");
    QTest::newRow("no region") << QString() << QString() << QStringLiteral("No region");
    QTest::newRow("not a region") << QString() << QStringLiteral("evil.com/")
                                  << QStringLiteral("not a region");
    QTest::newRow("host injection") << QString() << QStringLiteral("us-east-1.evil.com#")
                                    << QStringLiteral("not a region");
    QTest::newRow("bad url") << QStringLiteral("ftp://x") << QStringLiteral("us-east-1")
                             << QStringLiteral("Invalid endpoint");
    QTest::newRow("no host") << QStringLiteral("http://") << QStringLiteral("us-east-1")
                             << QStringLiteral("Invalid endpoint");
}

void TestServiceEndpoint::errors()
{
    QFETCH(QString, cliUrl);
    QFETCH(QString, region);
    QFETCH(QString, error);
    const auto endpoint = ServiceEndpoint::resolve(QStringLiteral("mgn"),
        cliUrl.isEmpty() ? std::nullopt : std::optional(cliUrl), region, QProcessEnvironment(), std::nullopt,
        AwsConfigFiles());
    QVERIFY2(endpoint.error.contains(error), qPrintable(endpoint.error));
    QVERIFY(endpoint.url.isEmpty());
}

void TestServiceEndpoint::otherService()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("AWS_ENDPOINT_URL_MGN"), QStringLiteral("http://mgn-only:1"));
    auto sts = ServiceEndpoint::resolve(QStringLiteral("sts"), std::nullopt, QStringLiteral("eu-west-1"), env,
        std::nullopt, AwsConfigFiles());
    QCOMPARE(sts.url.toString(), QStringLiteral("https://sts.eu-west-1.amazonaws.com"));
    env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), QStringLiteral("http://127.0.0.1:5000"));
    sts = ServiceEndpoint::resolve(QStringLiteral("sts"), std::nullopt, QStringLiteral("eu-west-1"), env,
        std::nullopt, AwsConfigFiles());
    QCOMPARE(sts.url.toString(), QStringLiteral("http://127.0.0.1:5000"));
    QCOMPARE(int(sts.source), int(ServiceEndpoint::Source::ServiceEnvironment));
}

void TestServiceEndpoint::regionList()
{
    const auto regions = mgnRegions();
    QVERIFY(regions.size() >= 20);
    QSet<QString> codes;
    for (const auto &region : regions) {
        QVERIFY2(ServiceEndpoint::isValidRegionName(region.code), qPrintable(region.code));
        QVERIFY(!region.name.isEmpty());
        codes.insert(region.code);
    }
    QCOMPARE(codes.size(), regions.size());
    QVERIFY(codes.contains(QStringLiteral("us-east-1")));
    QVERIFY(codes.contains(QStringLiteral("cn-north-1")));
}

QTEST_GUILESS_MAIN(TestServiceEndpoint)
#include "tst_serviceendpoint.moc"
