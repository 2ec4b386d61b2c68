#include "app/aws/FixedClock.h"
#include "app/mgn/MgnConnection.h"
#include "app/services/RefreshService.h"
#include "emulator/http/FaultInjector.h"
#include "emulator/http/MgnEmulator.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/MgnService.h"
#include "models/codec/SourceServerCodec.h"
#include "models/itemmodels/SourceServerFilterProxyModel.h"
#include "models/itemmodels/SourceServerTableModel.h"
#include "tests/support/MainWindowParts.h"
#include "tests/support/WindowTestEnvironment.h"
#include "ui/ActionController.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace mgn;
using namespace mgn::windowParts;

using namespace Qt::Literals::StringLiterals;
using mgn::Action;

namespace {

// Ticks every 10 ms and keeps the longest wait between ticks: how long the
// event loop (the window) was kept from running. It also notes every text
// a label shows, since a status shown and cleared between two checks would
// otherwise go unseen.
class EventLoopWatch : public QObject
{
public:
    explicit EventLoopWatch(const QLabel *watched)
        : m_watched(watched)
    {
        m_timer.setInterval(10);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longestGapMs = std::max(m_longestGapMs, m_sinceTick.restart());
            const QString text = m_watched->isHidden() ? QString() : m_watched->text();
            if (!text.isEmpty() && (m_texts.isEmpty() || m_texts.constLast() != text))
                m_texts.append(text);
        });
        m_sinceTick.start();
        m_timer.start();
    }

    qint64 longestGapMs() const { return m_longestGapMs; }
    const QStringList &texts() const { return m_texts; }

private:
    const QLabel *m_watched;
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_longestGapMs = 0;
    QStringList m_texts;
};

// Generous: what this catches is a call that waits on the network on the GUI
// thread, which stalls for the whole slow response (2 s) or a timeout.
constexpr qint64 stallLimitMs = 1500;

} // namespace

// The window against the emulator with its fault injection on: throttling,
// 5xx, dropped connections, malformed bodies, slow answers. The window stays
// responsive, shows the trouble, keeps the table whole, and recovers when the
// faults stop.
class TestDashboardFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void droppedConnectionsKeepTheTableAndRecover();
    void throttlingAndServerErrorsAreRetriedInSight();
    void malformedAnswersFailCleanly();
    void slowAnswersNeverBlockTheWindow();
    void theIssuesMixOfFaults();
    void actionUnderFaultsSaysWhyAndChangesNothing();

private:
    // Faults as mgn-emulator's --faults takes them.
    void setFaults(const QString &spec);
    // Starts a refresh and waits for its end; false when it never ends.
    bool refreshAndWait(int timeoutMs = 60000);
    QLabel *label(const QString &name) const { return m_window->findChild<QLabel *>(name); }
    // The table holds exactly the emulator's fleet, server by server.
    void compareWithFleet() const;

    QTemporaryDir m_settingsDir;
    std::shared_ptr<FixedClock> m_fleetClock;
    std::unique_ptr<MgnEmulator> m_emulator;
    std::unique_ptr<MainWindow> m_window;
    MgnConnection *m_connection = nullptr;
};

void TestDashboardFaults::initTestCase()
{
    isolateWindowState(m_settingsDir.path());
}

void TestDashboardFaults::init()
{
    m_emulator = std::make_unique<MgnEmulator>();
    // The fleet holds still, so the table can be compared with it exactly.
    m_fleetClock = std::make_shared<FixedClock>(QDateTime(QDate(2026, 5, 4), QTime(8, 30), Qt::UTC));
    m_emulator->setServiceClock(m_fleetClock);
    EmulatorOptions options;
    options.servers = 400;
    options.seed = 5;
    QString error;
    QVERIFY2(m_emulator->start(options, &error), qPrintable(error));
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_connection = MgnConnection::openDirect(
        m_emulator->url(), m_emulator->region(), m_emulator->credentials(), m_window.get());
    m_window->session()->setConnection(m_connection);
    QSignalSpy refreshed(m_window->session()->refreshService(), &RefreshService::finished);
    QVERIFY(refreshed.wait(30000));
    QCOMPARE(serverModel(*m_window)->rowCount(), 400);
}

void TestDashboardFaults::cleanup()
{
    m_window.reset();
    m_emulator.reset();
}

void TestDashboardFaults::setFaults(const QString &spec)
{
    QString error;
    const auto parsed = FaultInjector::Spec::parse(spec, &error);
    QVERIFY2(parsed, qPrintable(error));
    m_emulator->setFaults(*parsed);
}

bool TestDashboardFaults::refreshAndWait(int timeoutMs)
{
    QSignalSpy finished(m_window->session()->refreshService(), &RefreshService::finished);
    m_window->session()->refreshService()->refresh();
    return finished.wait(timeoutMs);
}

void TestDashboardFaults::compareWithFleet() const
{
    const Fleet &fleet = m_emulator->service()->fleet();
    const mgn::SourceServerTableModel *model = serverModel(*m_window);
    QCOMPARE(model->rowCount(), int(fleet.servers.size()));
    for (const FleetServer &entry : fleet.servers) {
        const int row = model->rowOf(entry.server.id());
        QVERIFY2(row >= 0, qPrintable(entry.server.id()));
        QCOMPARE(mgn::SourceServerCodec::encode(*model->serverAt(row)),
            mgn::SourceServerCodec::encode(entry.server));
    }
}

void TestDashboardFaults::droppedConnectionsKeepTheTableAndRecover()
{
    EventLoopWatch watch(label(u"connectionTrouble"_s));
    const QStringList idsBefore = [this] {
        QStringList ids;
        for (int row = 0; row < serverModel(*m_window)->rowCount(); ++row)
            ids << serverModel(*m_window)->serverAt(row)->id();
        return ids;
    }();

    setFaults(u"drop=1"_s);
    QVERIFY(refreshAndWait());
    QCOMPARE(label(u"refreshState"_s)->text(), u"Refresh failed"_s);
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(u"Refresh failed: "_s),
        qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(label(u"connectionTrouble"_s)->isVisible());
    QVERIFY2(label(u"connectionTrouble"_s)->text().contains(u"DescribeSourceServers failed"_s),
        qPrintable(label(u"connectionTrouble"_s)->text()));
    // Retries were shown on the way.
    QVERIFY2(watch.texts().join(u'\n').contains(u"retrying in"_s), qPrintable(watch.texts().join(u'\n')));
    // Nothing was removed on the strength of a failed refresh.
    QStringList idsAfter;
    for (int row = 0; row < serverModel(*m_window)->rowCount(); ++row)
        idsAfter << serverModel(*m_window)->serverAt(row)->id();
    QCOMPARE(idsAfter, idsBefore);

    setFaults(QString());
    QVERIFY(refreshAndWait());
    QVERIFY(label(u"refreshState"_s)->text().startsWith(u"Refreshed"_s));
    QVERIFY(!label(u"connectionTrouble"_s)->isVisible());
    compareWithFleet();
    QVERIFY2(watch.longestGapMs() < stallLimitMs, qPrintable(QString::number(watch.longestGapMs())));
    qInfo("longest stall of the event loop: %lld ms; shown: %s", watch.longestGapMs(),
        qPrintable(watch.texts().join(u" | "_s)));
}

void TestDashboardFaults::throttlingAndServerErrorsAreRetriedInSight()
{
    EventLoopWatch watch(label(u"connectionTrouble"_s));
    setFaults(u"throttle=0.5,error500=0.3"_s);
    for (int i = 0; i < 4; ++i)
        QVERIFY(refreshAndWait());
    const QString seen = watch.texts().join(u'\n');
    QVERIFY2(seen.contains(u"ThrottlingException"_s) || seen.contains(u"InternalServerException"_s),
        qPrintable(seen));
    QVERIFY2(seen.contains(u"retrying in"_s), qPrintable(seen));
    QCOMPARE(serverModel(*m_window)->rowCount(), 400);

    setFaults(QString());
    QVERIFY(refreshAndWait());
    QVERIFY(label(u"refreshState"_s)->text().startsWith(u"Refreshed"_s));
    compareWithFleet();
    QVERIFY2(watch.longestGapMs() < stallLimitMs, qPrintable(QString::number(watch.longestGapMs())));
}

void TestDashboardFaults::malformedAnswersFailCleanly()
{
    EventLoopWatch watch(label(u"connectionTrouble"_s));
    setFaults(u"malformed=1"_s);
    QVERIFY(refreshAndWait());
    QCOMPARE(label(u"refreshState"_s)->text(), u"Refresh failed"_s);
    QVERIFY(!m_window->statusBar()->currentMessage().isEmpty());
    QCOMPARE(serverModel(*m_window)->rowCount(), 400);

    setFaults(QString());
    QVERIFY(refreshAndWait());
    compareWithFleet();
    QVERIFY2(watch.longestGapMs() < stallLimitMs, qPrintable(QString::number(watch.longestGapMs())));
}

void TestDashboardFaults::slowAnswersNeverBlockTheWindow()
{
    EventLoopWatch watch(label(u"connectionTrouble"_s));
    setFaults(u"slow=2s"_s);
    QElapsedTimer elapsed;
    elapsed.start();
    QVERIFY(refreshAndWait());
    // The answer did take its time, and the window kept running meanwhile.
    QVERIFY(elapsed.elapsed() >= 2000);
    QVERIFY(label(u"refreshState"_s)->text().startsWith(u"Refreshed"_s));
    QVERIFY2(watch.longestGapMs() < stallLimitMs, qPrintable(QString::number(watch.longestGapMs())));
    compareWithFleet();
}

void TestDashboardFaults::theIssuesMixOfFaults()
{
    EventLoopWatch watch(label(u"connectionTrouble"_s));
    setFaults(u"throttle=0.05,error500=0.02,drop=0.01,slow=300ms,malformed=0.01"_s);
    for (int i = 0; i < 5; ++i)
        QVERIFY(refreshAndWait());
    qInfo("longest stall of the event loop: %lld ms; shown: %s", watch.longestGapMs(),
        qPrintable(watch.texts().join(u" | "_s)));
    QCOMPARE(serverModel(*m_window)->rowCount(), 400);
    setFaults(QString());
    QVERIFY(refreshAndWait());
    compareWithFleet();
    QVERIFY2(watch.longestGapMs() < stallLimitMs, qPrintable(QString::number(watch.longestGapMs())));
}

void TestDashboardFaults::actionUnderFaultsSaysWhyAndChangesNothing()
{
    QString id;
    for (int row = 0; row < serverModel(*m_window)->rowCount() && id.isEmpty(); ++row) {
        const mgn::SourceServer *server = serverModel(*m_window)->serverAt(row);
        if (mgn::ActionRules::evaluate(Action::MarkAsArchived, *server).allowed)
            id = server->id();
    }
    QVERIFY(!id.isEmpty());
    serverView(*m_window)->selectRow(
        serverProxy(*m_window)
            ->mapFromSource(serverModel(*m_window)->index(serverModel(*m_window)->rowOf(id), 0))
            .row());
    actions(*m_window)->setConfirm([](const QString &, const QString &) { return true; });
    QAction *archive = actions(*m_window)->action(Action::MarkAsArchived);
    QVERIFY(archive->isEnabled());

    setFaults(u"error500=1"_s);
    QSignalSpy finished(actions(*m_window), &ActionController::actionFinished);
    archive->trigger();
    QVERIFY(finished.wait(30000));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"failed"_s),
        qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(!serverModel(*m_window)->serverAt(serverModel(*m_window)->rowOf(id))->archived());
    const Fleet &fleet = m_emulator->service()->fleet();
    QVERIFY(!fleet.servers.at(std::size_t(fleet.findServer(id))).server.archived());

    // The same action goes through once the service answers again.
    setFaults(QString());
    QVERIFY(archive->isEnabled());
    archive->trigger();
    QVERIFY(finished.wait(30000));
    QVERIFY(serverModel(*m_window)->serverAt(serverModel(*m_window)->rowOf(id))->archived());
    QVERIFY(fleet.servers.at(std::size_t(fleet.findServer(id))).server.archived());
}

QTEST_MAIN(TestDashboardFaults)
#include "tst_dashboardfaults.moc"
