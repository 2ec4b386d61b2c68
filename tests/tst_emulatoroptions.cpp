#include "emulator/http/EmulatorOptions.h"

#include <QDir>
#include <QTest>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;
using Outcome = EmulatorOptions::Outcome;

// mgn-emulator's command line: every option's value, and a clear error for
// every kind of bad input.
class TestEmulatorOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void values();
    void errors_data();
    void errors();
    void helpListsEveryOption();
};

void TestEmulatorOptions::defaults()
{
    const EmulatorOptions options = EmulatorOptions::parse({ u"mgn-emulator"_s });
    QCOMPARE(options.outcome, Outcome::Run);
    QCOMPARE(options.port, quint16(0));
    QCOMPARE(options.servers, 50);
    QCOMPARE(options.seed, 1u);
    QCOMPARE(options.speed, 60.0);
    QCOMPARE(options.region, u"us-east-1"_s);
    QCOMPARE(options.accountId, u"111122223333"_s);
    QVERIFY(options.statePath.isEmpty());
    QVERIFY(options.s3Root.isEmpty());
    QCOMPARE(options.saveInterval.count(), 30);
    QVERIFY(options.usesDemoCredentials());
    QVERIFY(!options.verbose);
    QVERIFY(!options.uninitialized);
}

void TestEmulatorOptions::values()
{
    const EmulatorOptions options = EmulatorOptions::parse({ u"mgn-emulator"_s, u"--port"_s, u"8123"_s,
        u"--servers"_s, u"10000"_s, u"--seed"_s, u"4294967295"_s, u"--speed"_s, u"0.5"_s, u"--faults"_s,
        u"throttle=0.05,slow=300ms"_s, u"--state"_s, u"fleet.json"_s, u"--save-interval"_s, u"5"_s,
        u"--access-key-id"_s, u"AKIDEXAMPLE"_s, u"--secret-access-key"_s, u"s3cr3t"_s, u"--session-token"_s,
        u"tok"_s, u"--region"_s, u"eu-west-3"_s, u"--account-id"_s, u"123456789012"_s, u"--verbose"_s,
        u"--uninitialized"_s, u"--s3-root"_s, QDir::tempPath() });
    QVERIFY2(options.outcome == Outcome::Run, qPrintable(options.message));
    QCOMPARE(options.port, quint16(8123));
    QCOMPARE(options.servers, 10000);
    QCOMPARE(options.seed, 4294967295u);
    QCOMPARE(options.speed, 0.5);
    QCOMPARE(options.faults.throttle, 0.05);
    QCOMPARE(options.statePath, u"fleet.json"_s);
    QCOMPARE(options.saveInterval.count(), 5);
    QCOMPARE(options.credentials.accessKeyId, u"AKIDEXAMPLE"_s);
    QCOMPARE(options.credentials.sessionToken, std::optional<QString>(u"tok"_s));
    QVERIFY(!options.usesDemoCredentials());
    QCOMPARE(options.region, u"eu-west-3"_s);
    QCOMPARE(options.accountId, u"123456789012"_s);
    QVERIFY(options.verbose);
    QVERIFY(options.uninitialized);
    QCOMPARE(options.s3Root, QDir::tempPath());
}

void TestEmulatorOptions::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option") << QStringList { u"--fleet"_s } << u"Unknown option 'fleet'"_s;
    QTest::newRow("positional") << QStringList { u"extra"_s } << u"Unexpected argument: extra"_s;
    QTest::newRow("port text") << QStringList { u"--port"_s, u"http"_s } << u"--port: expected 0 to 65535"_s;
    QTest::newRow("port too high") << QStringList { u"--port"_s, u"65536"_s } << u"got \"65536\""_s;
    QTest::newRow("servers negative")
        << QStringList { u"--servers"_s, u"-1"_s } << u"--servers: expected 0 to 100000"_s;
    QTest::newRow("servers too many") << QStringList { u"--servers"_s, u"100001"_s } << u"--servers"_s;
    QTest::newRow("seed") << QStringList { u"--seed"_s, u"-3"_s } << u"--seed: expected 0 to 4294967295"_s;
    QTest::newRow("speed zero") << QStringList { u"--speed"_s, u"0"_s }
                                << u"--speed: expected a factor above 0"_s;
    QTest::newRow("speed nan") << QStringList { u"--speed"_s, u"nan"_s } << u"--speed"_s;
    QTest::newRow("speed too fast") << QStringList { u"--speed"_s, u"1e7"_s } << u"--speed"_s;
    QTest::newRow("faults") << QStringList { u"--faults"_s, u"explode=1"_s } << u"--faults: "_s;
    QTest::newRow("state empty") << QStringList { u"--state"_s, QString() }
                                 << u"--state: expected a file name"_s;
    QTest::newRow("save interval") << QStringList { u"--save-interval"_s, u"0"_s }
                                   << u"--save-interval: expected 1 to 86400"_s;
    QTest::newRow("key without secret") << QStringList { u"--access-key-id"_s, u"AKID"_s }
                                        << u"--access-key-id and --secret-access-key go together"_s;
    QTest::newRow("token without keys")
        << QStringList { u"--session-token"_s, u"t"_s } << u"--session-token needs --access-key-id"_s;
    QTest::newRow("empty key") << QStringList { u"--access-key-id"_s, QString(), u"--secret-access-key"_s,
        u"s"_s } << u"cannot be empty"_s;
    QTest::newRow("slash in key") << QStringList { u"--access-key-id"_s, u"AK/ID"_s, u"--secret-access-key"_s,
        u"s"_s } << u"--access-key-id cannot contain '/'"_s;
    QTest::newRow("empty token") << QStringList { u"--access-key-id"_s, u"AKID"_s, u"--secret-access-key"_s,
        u"s"_s, u"--session-token"_s, QString() }
                                 << u"--session-token cannot be empty"_s;
    QTest::newRow("region") << QStringList { u"--region"_s, u"Ireland"_s }
                            << u"--region: expected a region name"_s;
    QTest::newRow("account") << QStringList { u"--account-id"_s, u"1234"_s }
                             << u"--account-id: expected 12 digits"_s;
    QTest::newRow("s3 root not a folder") << QStringList { u"--s3-root"_s, u"/nonexistent/mgn-s3"_s }
                                          << u"--s3-root: \"/nonexistent/mgn-s3\" is not a directory"_s;
    QTest::newRow("missing value") << QStringList { u"--servers"_s } << u"Missing value after '--servers'"_s;
}

void TestEmulatorOptions::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const EmulatorOptions options = EmulatorOptions::parse(QStringList { u"mgn-emulator"_s } + arguments);
    QCOMPARE(options.outcome, Outcome::Error);
    QVERIFY2(options.message.contains(message), qPrintable(options.message));
}

void TestEmulatorOptions::helpListsEveryOption()
{
    const EmulatorOptions options = EmulatorOptions::parse({ u"mgn-emulator"_s, u"--help"_s });
    QCOMPARE(options.outcome, Outcome::ShowHelp);
    for (const char *name : { "--port", "--servers", "--seed", "--speed", "--faults", "--state",
             "--save-interval", "--access-key-id", "--secret-access-key", "--session-token", "--region",
             "--account-id", "--verbose", "--uninitialized", "--s3-root" })
        QVERIFY2(options.message.contains(QLatin1String(name)), name);
    // The demo keys are documented in the help: they are not secrets.
    QVERIFY(options.message.contains(QLatin1String(EmulatorOptions::demoAccessKeyId)));
    QCOMPARE(EmulatorOptions::parse({ u"mgn-emulator"_s, u"--version"_s }).outcome, Outcome::ShowVersion);
}

QTEST_GUILESS_MAIN(TestEmulatorOptions)
#include "tst_emulatoroptions.moc"
