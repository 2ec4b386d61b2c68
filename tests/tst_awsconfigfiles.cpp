#include "app/aws/AwsConfigFiles.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mgn;

// Profiles from ~/.aws/config and ~/.aws/credentials in temporary HOME
// directories, with the AWS CLI's file locations and precedence.
class TestAwsConfigFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultLocations();
    void environmentLocations();
    void credentialsWinOverConfig();
    void nonProfileSectionsIgnored();
    void missingFilesAreNotErrors();
    void malformedFileReported();
    void selectedProfile_data();
    void selectedProfile();

private:
    static void write(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }
};

void TestAwsConfigFiles::defaultLocations()
{
    QTemporaryDir home;
    write(home.filePath(QStringLiteral(".aws/config")),
        "[default]\nregion = eu-west-3\n[profile dev]\nregion = us-east-2\n");
    write(home.filePath(QStringLiteral(".aws/credentials")), "[default]\naws_access_key_id = AKIDEXAMPLE\n");
    const auto files = AwsConfigFiles::load(QProcessEnvironment(), home.path());
    QVERIFY(files.errors().isEmpty());
    QCOMPARE(files.configPath(), home.filePath(QStringLiteral(".aws/config")));
    QCOMPARE(files.profileNames(), (QStringList { QStringLiteral("default"), QStringLiteral("dev") }));
    const auto def = files.profile(QStringLiteral("default"));
    QVERIFY(def);
    QCOMPARE(def->value(QStringLiteral("region")), std::optional<QString>(QStringLiteral("eu-west-3")));
    QCOMPARE(def->value(QStringLiteral("aws_access_key_id")),
        std::optional<QString>(QStringLiteral("AKIDEXAMPLE")));
    QCOMPARE(files.profile(QStringLiteral("dev"))->value(QStringLiteral("region")),
        std::optional<QString>(QStringLiteral("us-east-2")));
    QVERIFY(!files.profile(QStringLiteral("dev"))->value(QStringLiteral("aws_access_key_id")));
}

void TestAwsConfigFiles::environmentLocations()
{
    QTemporaryDir home;
    write(home.filePath(QStringLiteral(".aws/config")), "[default]\nregion = wrong-1\n");
    write(home.filePath(QStringLiteral("elsewhere/cfg")), "[default]\nregion = ap-south-1\n");
    write(home.filePath(QStringLiteral("elsewhere/creds")), "[ci]\naws_access_key_id = AKIDCI\n");
    QProcessEnvironment env;
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), home.filePath(QStringLiteral("elsewhere/cfg")));
    // "~" is expanded like the CLI does.
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), QStringLiteral("~/elsewhere/creds"));
    const auto files = AwsConfigFiles::load(env, home.path());
    QVERIFY(files.errors().isEmpty());
    QCOMPARE(files.credentialsPath(), home.path() + QStringLiteral("/elsewhere/creds"));
    QCOMPARE(files.profile(QStringLiteral("default"))->value(QStringLiteral("region")),
        std::optional<QString>(QStringLiteral("ap-south-1")));
    QCOMPARE(files.profile(QStringLiteral("ci"))->value(QStringLiteral("aws_access_key_id")),
        std::optional<QString>(QStringLiteral("AKIDCI")));
}

void TestAwsConfigFiles::credentialsWinOverConfig()
{
    const auto files
        = AwsConfigFiles::fromContent("[profile p]\naws_access_key_id = FROMCONFIG\nregion = us-west-2\n",
            "[p]\naws_access_key_id = FROMCREDENTIALS\n");
    const auto p = files.profile(QStringLiteral("p"));
    QVERIFY(p);
    QCOMPARE(p->value(QStringLiteral("aws_access_key_id")),
        std::optional<QString>(QStringLiteral("FROMCREDENTIALS")));
    QCOMPARE(p->value(QStringLiteral("region")), std::optional<QString>(QStringLiteral("us-west-2")));
}

void TestAwsConfigFiles::nonProfileSectionsIgnored()
{
    // In the config file a profile other than default needs "profile ";
    // [p] there is not a profile (the CLI ignores it too).
    const auto files = AwsConfigFiles::fromContent("[p]\nregion = x\n[preview]\ncloudfront = true\n[services "
                                                   "local]\nmgn =\n  endpoint_url = http://h:1\n",
        "");
    QVERIFY(files.profileNames().isEmpty());
    QCOMPARE(files.serviceSettings(QStringLiteral("local"), QStringLiteral("mgn"))
                 .value(QStringLiteral("endpoint_url")),
        QStringLiteral("http://h:1"));
}

void TestAwsConfigFiles::missingFilesAreNotErrors()
{
    QTemporaryDir home;
    const auto files = AwsConfigFiles::load(QProcessEnvironment(), home.path());
    QVERIFY(files.errors().isEmpty());
    QVERIFY(files.profileNames().isEmpty());
}

void TestAwsConfigFiles::malformedFileReported()
{
    QTemporaryDir home;
    write(home.filePath(QStringLiteral(".aws/config")), "[default]\nregion = eu-west-1\n");
    write(home.filePath(QStringLiteral(".aws/credentials")), "[default]\naws_access_key_id AKID\n");
    const auto files = AwsConfigFiles::load(QProcessEnvironment(), home.path());
    QCOMPARE(files.errors().size(), 1);
    QCOMPARE(files.errors().at(0).file, home.filePath(QStringLiteral(".aws/credentials")));
    QCOMPARE(files.errors().at(0).line, 2);
    // The well-formed config file still counts.
    QCOMPARE(files.profile(QStringLiteral("default"))->value(QStringLiteral("region")),
        std::optional<QString>(QStringLiteral("eu-west-1")));
    QVERIFY(!files.profile(QStringLiteral("default"))->value(QStringLiteral("aws_access_key_id")));
}

void TestAwsConfigFiles::selectedProfile_data()
{
    QTest::addColumn<QString>("explicitProfile");
    QTest::addColumn<QString>("awsProfile");
    QTest::addColumn<QString>("awsDefaultProfile");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing") << QString() << QString() << QString() << QStringLiteral("default");
    QTest::newRow("AWS_DEFAULT_PROFILE")
        << QString() << QString() << QStringLiteral("b") << QStringLiteral("b");
    QTest::newRow("AWS_PROFILE first")
        << QString() << QStringLiteral("a") << QStringLiteral("b") << QStringLiteral("a");
    QTest::newRow("--profile first") << QStringLiteral("x") << QStringLiteral("a") << QStringLiteral("b")
                                     << QStringLiteral("x");
}

void TestAwsConfigFiles::selectedProfile()
{
    QFETCH(QString, explicitProfile);
    QFETCH(QString, awsProfile);
    QFETCH(QString, awsDefaultProfile);
    QFETCH(QString, expected);
    QProcessEnvironment env;
    if (!awsProfile.isEmpty())
        env.insert(QStringLiteral("AWS_PROFILE"), awsProfile);
    if (!awsDefaultProfile.isEmpty())
        env.insert(QStringLiteral("AWS_DEFAULT_PROFILE"), awsDefaultProfile);
    const std::optional<QString> flag
        = explicitProfile.isEmpty() ? std::nullopt : std::optional(explicitProfile);
    QCOMPARE(AwsConfigFiles::selectedProfileName(flag, env), expected);
}

QTEST_GUILESS_MAIN(TestAwsConfigFiles)
#include "tst_awsconfigfiles.moc"
