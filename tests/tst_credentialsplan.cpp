#include "app/aws/CredentialsPlan.h"

#include <QTest>

using namespace mgn;

// Which credentials source the chain takes, in the AWS CLI's order.
class TestCredentialsPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void precedence_data();
    void precedence();
    void environmentCredentials();
    void staticKeysFromFiles();
    void assumeRole();
    void assumeRoleChain();
    void errors_data();
    void errors();
};

namespace {

QProcessEnvironment envKeys()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDENV"));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("env-secret"));
    return env;
}

} // namespace

void TestCredentialsPlan::precedence_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QByteArray>("credentials");
    QTest::addColumn<bool>("withEnv");
    QTest::addColumn<bool>("explicitProfile");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("descriptionContains");

    using K = CredentialsPlan::Kind;
    const QByteArray all = "[default]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\n"
                           "credential_process = /bin/echo\n"
                           "[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n";
    QTest::newRow("environment first")
        << all << QByteArray() << true << false << int(K::Static) << QStringLiteral("environment");
    QTest::newRow("explicit profile skips environment")
        << all << QByteArray() << true << true << int(K::AssumeRole) << QStringLiteral("role");
    QTest::newRow("role before credentials file")
        << all << QByteArray("[default]\naws_access_key_id = A\naws_secret_access_key = B\n") << false
        << false << int(K::AssumeRole) << QStringLiteral("role");
    QTest::newRow("credentials file before process")
        << QByteArray("[default]\ncredential_process = /bin/echo\n")
        << QByteArray("[default]\naws_access_key_id = A\naws_secret_access_key = B\n") << false << false
        << int(K::Static) << QStringLiteral("shared credentials file");
    QTest::newRow("process before config keys") << QByteArray(
        "[default]\ncredential_process = /bin/echo\naws_access_key_id = A\naws_secret_access_key = B\n")
                                                << QByteArray() << false << false << int(K::Process)
                                                << QStringLiteral("credential_process");
    QTest::newRow("config keys") << QByteArray(
        "[default]\naws_access_key_id = A\naws_secret_access_key = B\n")
                                 << QByteArray() << false << false << int(K::Static)
                                 << QStringLiteral("config file");
    QTest::newRow("keychain last") << QByteArray("[default]\nregion = eu-west-1\n") << QByteArray() << false
                                   << false << int(K::Keychain) << QStringLiteral("keychain");
    QTest::newRow("unknown profile is a keychain profile")
        << QByteArray() << QByteArray() << false << true << int(K::Keychain) << QStringLiteral("keychain");
}

void TestCredentialsPlan::precedence()
{
    QFETCH(QByteArray, config);
    QFETCH(QByteArray, credentials);
    QFETCH(bool, withEnv);
    QFETCH(bool, explicitProfile);
    QFETCH(int, kind);
    QFETCH(QString, descriptionContains);

    const auto files = AwsConfigFiles::fromContent(config, credentials);
    QVERIFY(files.errors().isEmpty());
    const auto plan = CredentialsPlan::resolve(
        QStringLiteral("default"), explicitProfile, withEnv ? envKeys() : QProcessEnvironment(), files);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(int(plan.kind), kind);
    QVERIFY2(plan.description.contains(descriptionContains), qPrintable(plan.description));
}

void TestCredentialsPlan::environmentCredentials()
{
    auto env = envKeys();
    env.insert(QStringLiteral("AWS_SESSION_TOKEN"), QStringLiteral("token-1"));
    auto plan = CredentialsPlan::resolve(QStringLiteral("default"), false, env, AwsConfigFiles());
    QCOMPARE(int(plan.kind), int(CredentialsPlan::Kind::Static));
    QCOMPARE(plan.staticCredentials->accessKeyId, QStringLiteral("AKIDENV"));
    QCOMPARE(plan.staticCredentials->secretAccessKey, QStringLiteral("env-secret"));
    QCOMPARE(plan.staticCredentials->sessionToken, std::optional<QString>(QStringLiteral("token-1")));

    // The legacy AWS_SECURITY_TOKEN still counts.
    env.remove(QStringLiteral("AWS_SESSION_TOKEN"));
    env.insert(QStringLiteral("AWS_SECURITY_TOKEN"), QStringLiteral("legacy"));
    plan = CredentialsPlan::resolve(QStringLiteral("default"), false, env, AwsConfigFiles());
    QCOMPARE(plan.staticCredentials->sessionToken, std::optional<QString>(QStringLiteral("legacy")));
}

void TestCredentialsPlan::staticKeysFromFiles()
{
    const auto files = AwsConfigFiles::fromContent(QByteArray(),
        "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = dev-secret\naws_session_token = tok\n");
    const auto plan = CredentialsPlan::resolve(QStringLiteral("dev"), true, QProcessEnvironment(), files);
    QCOMPARE(int(plan.kind), int(CredentialsPlan::Kind::Static));
    QCOMPARE(plan.profile, QStringLiteral("dev"));
    QCOMPARE(plan.staticCredentials->accessKeyId, QStringLiteral("AKIDDEV"));
    QCOMPARE(plan.staticCredentials->sessionToken, std::optional<QString>(QStringLiteral("tok")));
}

void TestCredentialsPlan::assumeRole()
{
    const auto files = AwsConfigFiles::fromContent(
        "[profile migrate]\nrole_arn = arn:aws:iam::123456789012:role/Migrate\nsource_profile = base\n"
        "role_session_name = alice\nexternal_id = ext-1\nduration_seconds = 1800\nregion = eu-west-3\n",
        "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n");
    const auto plan = CredentialsPlan::resolve(QStringLiteral("migrate"), true, QProcessEnvironment(), files);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(int(plan.kind), int(CredentialsPlan::Kind::AssumeRole));
    QCOMPARE(plan.roleArn, QStringLiteral("arn:aws:iam::123456789012:role/Migrate"));
    QCOMPARE(plan.roleSessionName, QStringLiteral("alice"));
    QCOMPARE(plan.externalId, std::optional<QString>(QStringLiteral("ext-1")));
    QCOMPARE(plan.durationSeconds, std::optional<int>(1800));
    QCOMPARE(plan.stsRegion, QStringLiteral("eu-west-3"));
    QVERIFY(plan.source);
    QCOMPARE(int(plan.source->kind), int(CredentialsPlan::Kind::Static));
    QCOMPARE(plan.source->staticCredentials->accessKeyId, QStringLiteral("AKIDBASE"));

    // credential_source = Environment takes the environment's keys as source,
    // even though the profile was named explicitly.
    const auto envFiles = AwsConfigFiles::fromContent(
        "[profile r]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Environment\n", QByteArray());
    const auto envPlan = CredentialsPlan::resolve(QStringLiteral("r"), true, envKeys(), envFiles);
    QCOMPARE(int(envPlan.kind), int(CredentialsPlan::Kind::AssumeRole));
    QCOMPARE(envPlan.source->staticCredentials->accessKeyId, QStringLiteral("AKIDENV"));
}

void TestCredentialsPlan::assumeRoleChain()
{
    const auto files
        = AwsConfigFiles::fromContent("[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n"
                                      "[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = c\n"
                                      "[profile c]\ncredential_process = /usr/bin/get-creds --json\n",
            QByteArray());
    const auto plan = CredentialsPlan::resolve(QStringLiteral("a"), true, envKeys(), files);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(plan.roleArn, QStringLiteral("arn:aws:iam::1:role/A"));
    QCOMPARE(plan.source->roleArn, QStringLiteral("arn:aws:iam::1:role/B"));
    QCOMPARE(int(plan.source->source->kind), int(CredentialsPlan::Kind::Process));
    QCOMPARE(plan.source->source->processCommand, QStringLiteral("/usr/bin/get-creds --json"));
}

void TestCredentialsPlan::errors_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("error");
    QTest::newRow("loop") << QByteArray(
        "[profile a]\nrole_arn = r\nsource_profile = b\n[profile b]\nrole_arn = r\nsource_profile = a\n")
                          << QStringLiteral("a") << QStringLiteral("loop");
    QTest::newRow("missing source profile")
        << QByteArray("[profile a]\nrole_arn = r\nsource_profile = nope\n") << QStringLiteral("a")
        << QStringLiteral("\"nope\" does not exist");
    QTest::newRow("no source at all") << QByteArray("[profile a]\nrole_arn = r\n") << QStringLiteral("a")
                                      << QStringLiteral("neither source_profile nor credential_source");
    QTest::newRow("both sources") << QByteArray(
        "[profile a]\nrole_arn = r\nsource_profile = a\ncredential_source = Environment\n")
                                  << QStringLiteral("a") << QStringLiteral("both");
    QTest::newRow("unsupported credential_source")
        << QByteArray("[profile a]\nrole_arn = r\ncredential_source = Ec2InstanceMetadata\n")
        << QStringLiteral("a") << QStringLiteral("not supported");
    QTest::newRow("environment source missing")
        << QByteArray("[profile a]\nrole_arn = r\ncredential_source = Environment\n") << QStringLiteral("a")
        << QStringLiteral("AWS_ACCESS_KEY_ID is not set");
    QTest::newRow("half static keys") << QByteArray("[profile a]\naws_access_key_id = A\n")
                                      << QStringLiteral("a") << QStringLiteral("only one of");
    QTest::newRow("bad duration") << QByteArray(
        "[profile a]\nrole_arn = r\nsource_profile = b\nduration_seconds = 60\n"
        "[profile b]\naws_access_key_id = A\naws_secret_access_key = B\n")
                                  << QStringLiteral("a") << QStringLiteral("900 to 43200");
}

void TestCredentialsPlan::errors()
{
    QFETCH(QByteArray, config);
    QFETCH(QString, profile);
    QFETCH(QString, error);
    const auto files = AwsConfigFiles::fromContent(config, QByteArray());
    QVERIFY(files.errors().isEmpty());
    const auto plan = CredentialsPlan::resolve(profile, true, QProcessEnvironment(), files);
    QCOMPARE(int(plan.kind), int(CredentialsPlan::Kind::Error));
    QVERIFY2(plan.error.contains(error), qPrintable(plan.error));
}

QTEST_GUILESS_MAIN(TestCredentialsPlan)
#include "tst_credentialsplan.moc"
