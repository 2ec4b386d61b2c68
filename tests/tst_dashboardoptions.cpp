#include "app/dashboard/DashboardOptions.h"
#include "tests/support/ProgramRun.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mgn;

class TestDashboardOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parse_data();
    void parse();
    void helpListsEveryOption();
    void values();
    void verbose_data();
    void verbose();
    void theProgramLogsRequestsOnlyWhenVerbose();
};

void TestDashboardOptions::initTestCase()
{
    QCoreApplication::setApplicationName(QStringLiteral("mgn-dashboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
}

void TestDashboardOptions::parse_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("messageContains");

    using O = DashboardOptions::Outcome;
    const auto prog = QStringLiteral("mgn-dashboard");
    QTest::newRow("nothing") << QStringList { prog } << int(O::Run) << QString();
    QTest::newRow("help") << QStringList { prog, QStringLiteral("--help") } << int(O::ShowHelp)
                          << QStringLiteral("--endpoint-url");
    QTest::newRow("version") << QStringList { prog, QStringLiteral("--version") } << int(O::ShowVersion)
                             << QStringLiteral("mgn-dashboard 9.8.7");
    QTest::newRow("demo") << QStringList { prog, QStringLiteral("--demo") } << int(O::Run) << QString();
    QTest::newRow("unknown option") << QStringList { prog, QStringLiteral("--frobnicate") } << int(O::Error)
                                    << QStringLiteral("frobnicate");
    QTest::newRow("positional") << QStringList { prog, QStringLiteral("extra") } << int(O::Error)
                                << QStringLiteral("extra");
    QTest::newRow("bad endpoint scheme")
        << QStringList { prog, QStringLiteral("--endpoint-url"), QStringLiteral("ftp://x") } << int(O::Error)
        << QStringLiteral("ftp://x");
    QTest::newRow("endpoint without host")
        << QStringList { prog, QStringLiteral("--endpoint-url"), QStringLiteral("http://") } << int(O::Error)
        << QStringLiteral("--endpoint-url");
    QTest::newRow("missing value") << QStringList { prog, QStringLiteral("--region") } << int(O::Error)
                                   << QStringLiteral("region");
    QTest::newRow("demo with endpoint") << QStringList { prog, QStringLiteral("--demo"),
        QStringLiteral("--endpoint-url"), QStringLiteral("http://127.0.0.1:1") }
                                        << int(O::Error) << QStringLiteral("together");
    QTest::newRow("qt platform option") << QStringList { prog, QStringLiteral("-platform"),
        QStringLiteral("offscreen"), QStringLiteral("--demo") }
                                        << int(O::Run) << QString();
    QTest::newRow("verbose takes no value") << QStringList { prog, QStringLiteral("--verbose=yes") }
                                            << int(O::Error) << QStringLiteral("verbose");
    QTest::newRow("short help") << QStringList { prog, QStringLiteral("-h") } << int(O::ShowHelp)
                                << QStringLiteral("--profile");
}

void TestDashboardOptions::parse()
{
    QFETCH(QStringList, args);
    QFETCH(int, outcome);
    QFETCH(QString, messageContains);

    const auto options = DashboardOptions::parse(args);
    QCOMPARE(int(options.outcome), outcome);
    QVERIFY2(options.message.contains(messageContains), qPrintable(options.message));
}

void TestDashboardOptions::helpListsEveryOption()
{
    const auto options
        = DashboardOptions::parse({ QStringLiteral("mgn-dashboard"), QStringLiteral("--help") });
    for (const auto *name :
        { "--demo", "--endpoint-url", "--profile", "--region", "--verbose", "--version", "--help" })
        QVERIFY2(options.message.contains(QLatin1String(name)), name);
    // Named as it was run, though no QCoreApplication exists yet.
    QVERIFY2(options.message.startsWith(QLatin1String("Usage: mgn-dashboard [options]")),
        qPrintable(options.message));
    const auto installed
        = DashboardOptions::parse({ QStringLiteral("/usr/bin/mgn-dashboard"), QStringLiteral("-h") });
    QVERIFY(installed.message.startsWith(QLatin1String("Usage: mgn-dashboard ")));
}

void TestDashboardOptions::values()
{
    const auto options
        = DashboardOptions::parse({ QStringLiteral("mgn-dashboard"), QStringLiteral("--profile"),
            QStringLiteral("migration"), QStringLiteral("--region"), QStringLiteral("eu-west-3"),
            QStringLiteral("--endpoint-url"), QStringLiteral("http://127.0.0.1:8123") });
    QCOMPARE(int(options.outcome), int(DashboardOptions::Outcome::Run));
    QCOMPARE(options.profile, std::optional<QString>(QStringLiteral("migration")));
    QCOMPARE(options.region, std::optional<QString>(QStringLiteral("eu-west-3")));
    QCOMPARE(options.endpointUrl, std::optional<QString>(QStringLiteral("http://127.0.0.1:8123")));
    QVERIFY(!options.demo);

    const auto bare = DashboardOptions::parse({ QStringLiteral("mgn-dashboard") });
    QVERIFY(!bare.profile.has_value());
    QVERIFY(!bare.region.has_value());
    QVERIFY(!bare.endpointUrl.has_value());
}

// --verbose turns the request log on (main.cpp: RequestLog::show()).
void TestDashboardOptions::verbose_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("verbose");

    const auto prog = QStringLiteral("mgn-dashboard");
    QTest::newRow("not asked") << QStringList { prog } << false;
    QTest::newRow("--demo alone") << QStringList { prog, QStringLiteral("--demo") } << false;
    QTest::newRow("--verbose") << QStringList { prog, QStringLiteral("--verbose") } << true;
    QTest::newRow("with --demo") << QStringList { prog, QStringLiteral("--demo"),
        QStringLiteral("--verbose") }
                                 << true;
    QTest::newRow("among values") << QStringList { prog, QStringLiteral("--region"),
        QStringLiteral("eu-west-3"), QStringLiteral("--verbose"), QStringLiteral("--profile"),
        QStringLiteral("migration") }
                                  << true;
    QTest::newRow("one dash, as Qt's options") << QStringList { prog, QStringLiteral("-verbose") } << true;
}

void TestDashboardOptions::verbose()
{
    QFETCH(QStringList, args);
    QFETCH(bool, verbose);

    const auto options = DashboardOptions::parse(args);
    QCOMPARE(int(options.outcome), int(DashboardOptions::Outcome::Run));
    QCOMPARE(options.verbose, verbose);
}

// The built mgn-dashboard with its demo emulator: --verbose shows the request
// log on stderr; without it, for twice as long as the first line took with
// it, not a line of it.
void TestDashboardOptions::theProgramLogsRequestsOnlyWhenVerbose()
{
    using namespace Qt::Literals::StringLiterals;
    const QByteArray requestLine = "mgn.aws.transport: DescribeSourceServers #";
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment extra;
    extra.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    const QProcessEnvironment env = ProgramRun::environment(home.path(), extra);

    QProcess verbose;
    verbose.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    verbose.start(QStringLiteral(MGN_DASHBOARD_EXECUTABLE), { u"--demo"_s, u"--verbose"_s });
    QVERIFY(verbose.waitForStarted());
    QByteArray verboseErr;
    const bool logged = QTest::qWaitFor(
        [&] {
            verboseErr += verbose.readAllStandardError();
            return verboseErr.contains(requestLine) || verbose.state() == QProcess::NotRunning;
        },
        60000);
    const qint64 firstLine = clock.elapsed();
    verbose.kill();
    verbose.waitForFinished();
    QVERIFY2(logged && verboseErr.contains(requestLine), verboseErr.constData());

    QProcess quiet;
    quiet.setProcessEnvironment(env);
    quiet.start(QStringLiteral(MGN_DASHBOARD_EXECUTABLE), { u"--demo"_s });
    QVERIFY(quiet.waitForStarted());
    QTest::qWait(int(2 * firstLine + 1000));
    QCOMPARE(quiet.state(), QProcess::Running);
    quiet.kill();
    quiet.waitForFinished();
    const QByteArray quietErr = quiet.readAllStandardError();
    QVERIFY2(!quietErr.contains("mgn.aws."), quietErr.constData());
}

QTEST_GUILESS_MAIN(TestDashboardOptions)
#include "tst_dashboardoptions.moc"
