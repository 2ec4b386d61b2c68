#include "app/aws/AwsAttemptInfo.h"
#include "app/aws/AwsTransport.h"
#include "app/aws/FixedClock.h"
#include "app/mgn/MgnClient.h"
#include "app/mgn/MgnConnection.h"
#include "app/services/RefreshService.h"
#include "emulator/http/EmulatorHttpServer.h"
#include "emulator/http/FaultInjector.h"
#include "emulator/http/MgnEmulator.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/MgnService.h"
#include "models/codec/SourceServerCodec.h"
#include "models/itemmodels/SourceServerTableModel.h"
#include "models/rules/ActionRules.h"
#include "tests/support/MainWindowParts.h"
#include "tests/support/WindowTestEnvironment.h"
#include "ui/MainWindow.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace mgn;
using namespace mgn::windowParts;

using namespace Qt::Literals::StringLiterals;
using mgn::Action;

namespace {

// The operation an exchange was for, from its path: "/StartTest" and
// "/DeleteVcenterClient/{id}" by their first segment, "/tags/{arn}" as the
// tag calls (all idempotent).
QString operationOf(const EmulatorHttpServer::Exchange &exchange)
{
    if (exchange.path.startsWith("/tags/"))
        return exchange.method == "GET"   ? u"ListTagsForResource"_s
            : exchange.method == "DELETE" ? u"UntagResource"_s
                                          : u"TagResource"_s;
    return QString::fromLatin1(exchange.path.mid(1).split('/').value(0));
}

bool isRetryable(const AwsAttemptInfo &info)
{
    AwsError error;
    error.kind = *info.errorKind;
    error.code = info.errorCode;
    error.httpStatus = info.httpStatus;
    return error.isRetryable();
}

} // namespace

// The client and the dashboard (offscreen) against the emulator with every
// fault type on, for a bounded time (MGN_SOAK_SECONDS, 20 by default): the
// window refreshes while actions and tag calls go out on a fleet that moves
// on. Then: no request left hanging, every retryable failure retried within
// the attempts and the quota, no mutation that is not idempotent sent again
// unless the service refused it unacted (throttled), and once the faults stop
// the table is exactly the emulator's fleet.
class TestFaultSoak : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void soak();

private:
    void startSomeAction();

    QTemporaryDir m_settingsDir;
    QRandomGenerator m_random { 20261123 };
    std::shared_ptr<FixedClock> m_fleetClock;
    std::unique_ptr<MgnEmulator> m_emulator;
    std::unique_ptr<MainWindow> m_window;
    MgnConnection *m_connection = nullptr;
    int m_actionsStarted = 0;
    int m_actionsDone = 0;
    int m_actionsFailed = 0;
};

void TestFaultSoak::initTestCase()
{
    isolateWindowState(m_settingsDir.path());
}

void TestFaultSoak::startSomeAction()
{
    const mgn::SourceServerTableModel *model = serverModel(*m_window);
    if (model->rowCount() == 0)
        return;
    const mgn::SourceServer server = *model->serverAt(int(m_random.bounded(model->rowCount())));
    QList<Action> allowed;
    for (const auto &rule : ActionRules::allRules()) {
        if (rule.action != Action::DeleteVcenterClient && ActionRules::evaluate(rule.action, server).allowed)
            allowed.append(rule.action);
    }
    MgnClient *client = m_connection->client();
    ++m_actionsStarted;
    if (allowed.isEmpty() || m_random.bounded(5) == 0) {
        // A tag call now and then: idempotent, so retried on any retryable failure.
        client->tagResource(server.arn.value_or(QString()),
            mgn::Tags { { u"Soak"_s, QString::number(m_actionsStarted) } },
            [this](const MgnResult<MgnNothing> &result) {
                ++m_actionsDone;
                m_actionsFailed += result.error ? 1 : 0;
            });
        return;
    }
    const Action action = allowed.at(qsizetype(m_random.bounded(int(allowed.size()))));
    MgnClient::ActionArguments arguments;
    if (action == Action::ChangeReplicationType)
        arguments.replicationType = ActionRules::replicationTypeTarget(server);
    client->startAction(action, { server.id() }, arguments, [this](const BulkOutcome &outcome) {
        ++m_actionsDone;
        m_actionsFailed += outcome.ok() ? 0 : 1;
    });
}

void TestFaultSoak::soak()
{
    const int seconds = qEnvironmentVariableIsSet("MGN_SOAK_SECONDS")
        ? qEnvironmentVariableIntValue("MGN_SOAK_SECONDS")
        : 20;
    m_emulator = std::make_unique<MgnEmulator>();
    // The fleet's time moves on when the test says, and stands still for the final comparison.
    m_fleetClock = std::make_shared<FixedClock>(QDateTime(QDate(2026, 6, 1), QTime(7, 0), Qt::UTC));
    m_emulator->setServiceClock(m_fleetClock);
    EmulatorOptions options;
    options.servers = 300;
    options.seed = 9;
    QString error;
    QVERIFY2(m_emulator->start(options, &error), qPrintable(error));

    QList<EmulatorHttpServer::Exchange> exchanges;
    connect(m_emulator->server(), &EmulatorHttpServer::exchanged, this,
        [&exchanges](const EmulatorHttpServer::Exchange &exchange) { exchanges.append(exchange); });

    m_window = std::make_unique<MainWindow>();
    m_connection = MgnConnection::openDirect(
        m_emulator->url(), m_emulator->region(), m_emulator->credentials(), m_window.get());
    QList<AwsAttemptInfo> attempts;
    connect(m_connection->transport(), &AwsTransport::attemptFinished, this,
        [&attempts](const AwsAttemptInfo &info) { attempts.append(info); });
    // Small pages: more requests per refresh, more of them hit by faults.
    m_connection->client()->setPageSize(50);
    m_window->session()->setConnection(m_connection);
    QSignalSpy firstFill(m_window->session()->refreshService(), &RefreshService::finished);
    QVERIFY(firstFill.wait(30000));

    QString faultError;
    m_emulator->setFaults(*FaultInjector::Spec::parse(
        u"throttle=0.08,error500=0.05,drop=0.04,malformed=0.03,slow=50ms"_s, &faultError));

    int refreshes = 0;
    QTimer tick;
    tick.setInterval(100);
    connect(&tick, &QTimer::timeout, this, [this, &refreshes] {
        m_fleetClock->advance(std::chrono::seconds(30));
        if (!m_window->session()->refreshService()->isRefreshing()) {
            m_window->session()->refreshService()->refresh();
            ++refreshes;
        }
        if (m_actionsStarted - m_actionsDone < 4)
            startSomeAction();
    });
    QElapsedTimer soakTime;
    soakTime.start();
    tick.start();
    QTest::qWait(seconds * 1000);
    tick.stop();

    // No hang: everything started comes to an end.
    QTRY_VERIFY_WITH_TIMEOUT(m_actionsDone == m_actionsStarted
            && !m_window->session()->refreshService()->isRefreshing()
            && m_connection->transport()->requestsInFlight() == 0,
        90000);

    // Every fault type happened.
    for (const auto fault : { FaultInjector::Fault::Throttle, FaultInjector::Fault::InternalError,
             FaultInjector::Fault::Drop, FaultInjector::Fault::Malformed })
        QVERIFY2(m_emulator->faultInjector()->count(fault) > 0, qPrintable(FaultInjector::faultName(fault)));

    // Client side: each failed attempt of a retryable error was retried, or
    // the reason it was not is the attempts, the quota or idempotence.
    const int maxAttempts = m_connection->transport()->retryStrategy().options().maxAttempts;
    QHash<quint64, int> attemptsPerRequest;
    int retried = 0;
    for (const AwsAttemptInfo &info : std::as_const(attempts)) {
        attemptsPerRequest[info.requestSerial]
            = std::max(attemptsPerRequest.value(info.requestSerial), info.attempt);
        if (!info.errorKind || *info.errorKind == AwsError::Kind::Cancelled || !isRetryable(info))
            continue;
        const bool idempotent = MgnClient::isIdempotent(info.operation);
        const QString where = info.operation + u" #"_s + QString::number(info.requestSerial) + u" attempt "_s
            + QString::number(info.attempt) + u' ' + info.errorCode;
        if (info.next == AwsAttemptInfo::Next::Retry) {
            ++retried;
            QVERIFY2(idempotent || *info.errorKind == AwsError::Kind::Throttling, qPrintable(where));
            continue;
        }
        using V = RetryStrategy::Verdict;
        const bool allowedStop = info.verdict == V::MaxAttemptsReached || info.verdict == V::QuotaExhausted
            || info.verdict == V::RetryAfterTooLong || (!idempotent && info.verdict == V::NotIdempotent);
        QVERIFY2(allowedStop, qPrintable(where + u" not retried"_s));
        if (info.verdict == V::MaxAttemptsReached)
            QCOMPARE(info.attempt, maxAttempts);
    }
    for (auto it = attemptsPerRequest.cbegin(); it != attemptsPerRequest.cend(); ++it)
        QVERIFY(it.value() <= maxAttempts);

    // Service side: an invocation that is not idempotent reached the service
    // again only after a throttle (answered before the service acts).
    QHash<QByteArray, QList<EmulatorHttpServer::Exchange>> byInvocation;
    for (const auto &exchange : std::as_const(exchanges)) {
        QVERIFY(!exchange.invocationId.isEmpty());
        byInvocation[exchange.invocationId].append(exchange);
    }
    int mutations = 0;
    for (auto it = byInvocation.cbegin(); it != byInvocation.cend(); ++it) {
        const QList<EmulatorHttpServer::Exchange> &sent = it.value();
        const QString operation = operationOf(sent.first());
        // Qt itself sends an idempotent request again (up to twice per
        // attempt) when the connection closes before the answer starts.
        if (MgnClient::isIdempotent(operation)) {
            QVERIFY(sent.size() <= maxAttempts * 3);
            continue;
        }
        QVERIFY(sent.size() <= maxAttempts);
        ++mutations;
        for (qsizetype i = 0; i + 1 < sent.size(); ++i) {
            QVERIFY2(sent.at(i).fault == FaultInjector::Fault::Throttle,
                qPrintable(operation + u" sent again after "_s + FaultInjector::faultName(sent.at(i).fault)));
        }
    }

    // The faults stop: one refresh makes the table the emulator's fleet.
    m_emulator->setFaults({});
    QSignalSpy finished(m_window->session()->refreshService(), &RefreshService::finished);
    m_window->session()->refreshService()->refresh();
    QVERIFY(finished.wait(30000));
    QTRY_COMPARE_WITH_TIMEOUT(m_connection->transport()->requestsInFlight(), 0, 30000);
    const Fleet &fleet = m_emulator->service()->fleet();
    const mgn::SourceServerTableModel *model = serverModel(*m_window);
    QCOMPARE(model->rowCount(), int(fleet.servers.size()));
    for (const FleetServer &entry : fleet.servers) {
        const int row = model->rowOf(entry.server.id());
        QVERIFY2(row >= 0, qPrintable(entry.server.id()));
        QCOMPARE(mgn::SourceServerCodec::encode(*model->serverAt(row)),
            mgn::SourceServerCodec::encode(entry.server));
    }

    qInfo(
        "%d s: %lld requests (%lld invocations, %d of them mutations that are not idempotent), %d refreshes, "
        "%d actions (%d failed), %d retries; faults: throttle %d, 500 %d, drop %d, malformed %d",
        seconds, qlonglong(exchanges.size()), qlonglong(byInvocation.size()), mutations, refreshes,
        m_actionsStarted, m_actionsFailed, retried,
        m_emulator->faultInjector()->count(FaultInjector::Fault::Throttle),
        m_emulator->faultInjector()->count(FaultInjector::Fault::InternalError),
        m_emulator->faultInjector()->count(FaultInjector::Fault::Drop),
        m_emulator->faultInjector()->count(FaultInjector::Fault::Malformed));
    m_window.reset();
    m_emulator.reset();
}

QTEST_MAIN(TestFaultSoak)
#include "tst_faultsoak.moc"
