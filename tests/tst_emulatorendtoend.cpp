#include "app/aws/AwsTransport.h"
#include "app/aws/FixedClock.h"
#include "app/mgn/MgnClient.h"
#include "emulator/http/EmulatorHttpServer.h"
#include "emulator/http/FaultInjector.h"
#include "emulator/http/MgnEmulator.h"
#include "models/rules/ActionRules.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mgn;

// The whole emulator (MgnEmulator: the real MgnService behind the HTTP layer
// and SigV4 verification) driven by the dashboard's client, and the
// mgn-emulator executable as a script would run it.

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using mgn::Action;

namespace {

struct Listing {
    QList<mgn::SourceServer> servers;
    int decodeErrors = 0;
    std::optional<MgnResult<PagingProgress>> result;
};

} // namespace

class TestEmulatorEndToEnd : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void facadeStartsOnAFreePortWithDemoCredentials();
    void describesAllServersOfALargeFleetWithPaging();
    void refusedActionIsAConflict();
    void acceptedActionChangesTheStateAndTheJobLaunches();
    void stateSurvivesARestart();
    void unwritableStateFailsToStart();
    void faultsAreWiredThrough();
    void executablePrintsItsUrlAndShutsDownCleanly();

private:
    bool startEmulator(EmulatorOptions options);
    void connectClient(const QUrl &url, const AwsCredentials &credentials);
    Listing list(int pageSize = 1000);
    template<typename T, typename Start> MgnResult<T> await(Start start);

    std::shared_ptr<FixedClock> m_clock;
    std::unique_ptr<MgnEmulator> m_emulator;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<MgnClient> m_client;
};

void TestEmulatorEndToEnd::init()
{
    // The emulator and the client share a clock that stands still, so the
    // fleet does not move between a listing and an action unless told to.
    m_clock = std::make_shared<FixedClock>(QDateTime::currentDateTimeUtc());
}

void TestEmulatorEndToEnd::cleanup()
{
    m_client.reset();
    m_transport.reset();
    m_emulator.reset();
}

bool TestEmulatorEndToEnd::startEmulator(EmulatorOptions options)
{
    m_emulator = std::make_unique<MgnEmulator>();
    m_emulator->setClock(m_clock);
    QString error;
    if (!m_emulator->start(options, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    connectClient(m_emulator->url(), m_emulator->credentials());
    return true;
}

void TestEmulatorEndToEnd::connectClient(const QUrl &url, const AwsCredentials &credentials)
{
    m_client.reset();
    AwsTransport::Options options;
    options.timeout = 30s;
    m_transport = std::make_unique<AwsTransport>(options);
    m_transport->setCredentials(credentials);
    m_transport->setClock(m_clock);
    m_transport->setScheduler(
        [](std::chrono::milliseconds, QObject *, std::function<void()> fire) { fire(); });
    m_client = std::make_unique<MgnClient>(m_transport.get(), url);
}

Listing TestEmulatorEndToEnd::list(int pageSize)
{
    Listing listing;
    m_client->setPageSize(pageSize);
    m_client->describeSourceServers(
        {},
        [&](const mgn::Page<mgn::SourceServer> &page, const PagingProgress &) {
            listing.servers += page.items;
            listing.decodeErrors += int(page.errors.size());
        },
        [&](const MgnResult<PagingProgress> &result) { listing.result = result; });
    [[maybe_unused]] const bool done = QTest::qWaitFor([&] { return listing.result.has_value(); }, 120000);
    return listing;
}

template<typename T, typename Start> MgnResult<T> TestEmulatorEndToEnd::await(Start start)
{
    std::optional<MgnResult<T>> result;
    start([&](const MgnResult<T> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
        return {};
    return *result;
}

void TestEmulatorEndToEnd::facadeStartsOnAFreePortWithDemoCredentials()
{
    EmulatorOptions options;
    options.servers = 5;
    QVERIFY(startEmulator(options));
    QVERIFY(m_emulator->isRunning());
    QCOMPARE(m_emulator->url().host(), u"127.0.0.1"_s);
    QVERIFY(m_emulator->url().port() > 0);
    QCOMPARE(m_emulator->credentials(), EmulatorOptions::demoCredentials());
    QCOMPARE(m_emulator->region(), u"us-east-1"_s);

    const QStringList lines = m_emulator->startupLines();
    const QString url = m_emulator->url().toString();
    QCOMPARE(lines.at(0), u"MGN emulator listening on "_s + url);
    QCOMPARE(lines.at(1),
        u"export AWS_ACCESS_KEY_ID=AKIAMGNEMULATOR00000 "
        u"AWS_SECRET_ACCESS_KEY=mgn-emulator-demo-secret-not-a-real-key0 "
        "AWS_ENDPOINT_URL_MGN=%1 AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1"_s.arg(url));

    QString error;
    QVERIFY(!m_emulator->start(options, &error));
    QVERIFY(!error.isEmpty());

    // Credentials of one's own: required, and the secret is not printed.
    m_emulator.reset();
    options.credentials = AwsCredentials { u"AKIDEXAMPLE"_s, u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s,
        u"a-session-token"_s, std::nullopt };
    QVERIFY(startEmulator(options));
    QVERIFY(!m_emulator->startupLines().join(u'\n').contains(options.credentials.secretAccessKey));
    QVERIFY(!m_emulator->startupLines().join(u'\n').contains(*options.credentials.sessionToken));
    QVERIFY(list().result->ok());
    connectClient(m_emulator->url(), EmulatorOptions::demoCredentials());
    const Listing refused = list();
    QVERIFY(refused.result->error);
    QCOMPARE(refused.result->error->kind, AwsError::Kind::UnrecognizedClient);
}

void TestEmulatorEndToEnd::describesAllServersOfALargeFleetWithPaging()
{
    EmulatorOptions options;
    options.servers = 2500;
    options.seed = 7;
    QVERIFY(startEmulator(options));
    for (const int pageSize : { 1000, 250 }) {
        const quint64 before = m_emulator->server()->requestCount();
        const Listing listing = list(pageSize);
        QVERIFY(listing.result);
        QVERIFY2(listing.result->ok(),
            qPrintable(listing.result->error ? listing.result->error->message : QString()));
        QCOMPARE(listing.servers.size(), 2500);
        QCOMPARE(listing.decodeErrors, 0);
        QCOMPARE(listing.result->value->pages, (2500 + pageSize - 1) / pageSize);
        QCOMPARE(int(m_emulator->server()->requestCount() - before), (2500 + pageSize - 1) / pageSize);
        QSet<QString> ids;
        for (const auto &server : listing.servers)
            ids.insert(server.id());
        QCOMPARE(ids.size(), 2500);
    }
}

void TestEmulatorEndToEnd::refusedActionIsAConflict()
{
    EmulatorOptions options;
    options.servers = 50;
    QVERIFY(startEmulator(options));
    const Listing before = list();
    QVERIFY(before.result->ok());
    const auto refused
        = std::find_if(before.servers.cbegin(), before.servers.cend(), [](const mgn::SourceServer &server) {
              return !mgn::ActionRules::evaluate(Action::StartTest, server).allowed;
          });
    QVERIFY2(refused != before.servers.cend(), "the fleet has no server that cannot start a test");
    const QString id = refused->id();

    const auto result = await<mgn::Job>(
        [&](MgnCallback<mgn::Job> done) { m_client->startTest({ id }, {}, std::move(done)); });
    QVERIFY(result.error);
    QCOMPARE(result.error->kind, AwsError::Kind::Conflict);
    QCOMPARE(result.error->httpStatus, 409);
    QVERIFY2(result.error->message.contains(id), qPrintable(result.error->message));
    QCOMPARE(m_emulator->server()->requestCount(), quint64(before.result->value->pages + 1)); // not retried

    const Listing after = list();
    const auto same = std::find_if(after.servers.cbegin(), after.servers.cend(),
        [&](const mgn::SourceServer &server) { return server.id() == id; });
    QVERIFY(same != after.servers.cend());
    QCOMPARE(same->lifeCycleState(), refused->lifeCycleState());
}

void TestEmulatorEndToEnd::acceptedActionChangesTheStateAndTheJobLaunches()
{
    EmulatorOptions options;
    options.servers = 50;
    QVERIFY(startEmulator(options));
    const Listing before = list();
    const auto eligible
        = std::find_if(before.servers.cbegin(), before.servers.cend(), [](const mgn::SourceServer &server) {
              return mgn::ActionRules::evaluate(Action::StartTest, server).allowed;
          });
    QVERIFY2(eligible != before.servers.cend(), "the fleet has no server that can start a test");
    const QString id = eligible->id();

    const auto started = await<mgn::Job>(
        [&](MgnCallback<mgn::Job> done) { m_client->startTest({ id }, {}, std::move(done)); });
    QVERIFY2(started.ok(), started.error ? qPrintable(started.error->message) : "no answer");
    const mgn::Job job = *started.value;
    QCOMPARE(job.type->value(), mgn::JobType::Launch);
    QCOMPARE(job.initiatedBy->value(), mgn::InitiatedBy::StartTest);
    QCOMPARE(job.participatingServers->size(), 1);
    QCOMPARE(job.participatingServers->constFirst().sourceServerID, std::optional<QString>(id));

    const Listing after = list();
    const auto changed = std::find_if(after.servers.cbegin(), after.servers.cend(),
        [&](const mgn::SourceServer &server) { return server.id() == id; });
    QVERIFY(changed != after.servers.cend());
    QCOMPARE(changed->lifeCycleState(), std::optional(mgn::LifeCycleState::Testing));

    // Time moves on (the client's clock with it): the job launches the instance.
    m_clock->advance(std::chrono::hours(2));
    std::optional<mgn::Job> later;
    std::optional<MgnResult<PagingProgress>> done;
    JobFilters filters;
    filters.jobIDs = QStringList { job.jobID };
    m_client->describeJobs(
        filters,
        [&](const mgn::Page<mgn::Job> &page, const PagingProgress &) {
            if (!page.items.isEmpty())
                later = page.items.constFirst();
        },
        [&](const MgnResult<PagingProgress> &result) { done = result; });
    QTRY_VERIFY(done.has_value());
    QVERIFY(done->ok());
    QVERIFY(later);
    QCOMPARE(later->status->value(), mgn::JobStatus::Completed);
    const mgn::ParticipatingServer participant = later->participatingServers->constFirst();
    QCOMPARE(participant.launchStatus->value(), mgn::LaunchStatus::Launched);
    QVERIFY(participant.launchedEc2InstanceID.value_or(QString()).startsWith(u"i-"_s));
}

void TestEmulatorEndToEnd::stateSurvivesARestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EmulatorOptions options;
    options.servers = 20;
    options.statePath = dir.filePath(u"state.json"_s);
    QVERIFY(startEmulator(options));
    QVERIFY(!m_emulator->restoredState());
    QVERIFY(QFile::exists(options.statePath)); // written at start
    const Listing before = list();
    const auto eligible
        = std::find_if(before.servers.cbegin(), before.servers.cend(), [](const mgn::SourceServer &server) {
              return mgn::ActionRules::evaluate(Action::StartTest, server).allowed;
          });
    QVERIFY(eligible != before.servers.cend());
    const QString id = eligible->id();
    QVERIFY(await<mgn::Job>([&](MgnCallback<mgn::Job> done) {
        m_client->startTest({ id }, {}, std::move(done));
    }).ok());
    m_client.reset();
    m_emulator.reset(); // saves on the way out

    // Another seed: what comes back is the saved fleet, not a generated one.
    options.seed = 99;
    QVERIFY(startEmulator(options));
    QVERIFY(m_emulator->restoredState());
    const Listing after = list();
    QCOMPARE(after.servers.size(), before.servers.size());
    const auto restored = std::find_if(after.servers.cbegin(), after.servers.cend(),
        [&](const mgn::SourceServer &server) { return server.id() == id; });
    QVERIFY(restored != after.servers.cend());
    QCOMPARE(restored->lifeCycleState(), std::optional(mgn::LifeCycleState::Testing));
}

void TestEmulatorEndToEnd::unwritableStateFailsToStart()
{
    QTemporaryDir dir;
    EmulatorOptions options;
    options.statePath = dir.filePath(u"no/such/dir/state.json"_s);
    MgnEmulator emulator;
    QString error;
    QVERIFY(!emulator.start(options, &error));
    QVERIFY2(error.contains(options.statePath), qPrintable(error));
    QVERIFY(!emulator.isRunning());

    // A file that is not a state: refused rather than overwritten.
    QFile garbage(dir.filePath(u"garbage.json"_s));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("not a state");
    garbage.close();
    options.statePath = garbage.fileName();
    QVERIFY(!emulator.start(options, &error));
    QVERIFY2(error.startsWith(u"Cannot load the state from"_s), qPrintable(error));
}

void TestEmulatorEndToEnd::faultsAreWiredThrough()
{
    EmulatorOptions options;
    options.servers = 5;
    options.faults = *FaultInjector::Spec::parse(u"throttle=1"_s, nullptr);
    QVERIFY(startEmulator(options));
    QVERIFY(m_emulator->faultInjector());
    const Listing listing = list();
    QVERIFY(listing.result->error);
    QCOMPARE(listing.result->error->kind, AwsError::Kind::Throttling);
    QCOMPARE(m_emulator->server()->requestCount(), quint64(3));
}

void TestEmulatorEndToEnd::executablePrintsItsUrlAndShutsDownCleanly()
{
    QTemporaryDir dir;
    const QString statePath = dir.filePath(u"fleet.json"_s);
    QProcess process;
    process.start(QStringLiteral(MGN_EMULATOR_EXECUTABLE),
        { u"--port"_s, u"0"_s, u"--servers"_s, u"30"_s, u"--seed"_s, u"3"_s, u"--state"_s, statePath });
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput()).count('\n') >= 2, 20000);

    // What a script parses.
    static const QRegularExpression listening(
        u"^MGN emulator listening on (http://127\\.0\\.0\\.1:\\d+)$"_s, QRegularExpression::MultilineOption);
    static const QRegularExpression exports(u"^export AWS_ACCESS_KEY_ID=(\\S+) AWS_SECRET_ACCESS_KEY=(\\S+) "
                                            "AWS_ENDPOINT_URL_MGN=(\\S+) AWS_REGION=us-east-1 "
                                            "AWS_DEFAULT_REGION=us-east-1$"_s,
        QRegularExpression::MultilineOption);
    const QString text = QString::fromUtf8(output);
    const auto url = listening.match(text);
    const auto environment = exports.match(text);
    QVERIFY2(url.hasMatch() && environment.hasMatch(), qPrintable(text));
    QCOMPARE(environment.captured(3), url.captured(1));

    connectClient(QUrl(url.captured(1)),
        AwsCredentials { environment.captured(1), environment.captured(2), std::nullopt, std::nullopt });
    m_clock->setCurrentDateTimeUtc(QDateTime::currentDateTimeUtc());
    const Listing listing = list();
    QVERIFY(listing.result->ok());
    QCOMPARE(listing.servers.size(), 30);
    QVERIFY(QFile::remove(statePath));

#ifdef Q_OS_UNIX
    process.terminate(); // SIGTERM: save, then exit 0
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(QFile::exists(statePath), "the state was not saved on SIGTERM");
#else
    process.kill();
    process.waitForFinished();
#endif
}

QTEST_GUILESS_MAIN(TestEmulatorEndToEnd)
#include "tst_emulatorendtoend.moc"
