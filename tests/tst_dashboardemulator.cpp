#include "app/mgn/MgnConnection.h"
#include "app/services/RefreshService.h"
#include "emulator/http/MgnEmulator.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/MgnService.h"
#include "models/itemmodels/SourceServerFilterProxyModel.h"
#include "models/itemmodels/SourceServerTableModel.h"
#include "tests/support/MainWindowParts.h"
#include "tests/support/WindowTestEnvironment.h"
#include "ui/ActionController.h"
#include "ui/MainWindow.h"
#include "ui/details/ServerDetailsWidget.h"
#include "ui/widgets/LagChartView.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mgn;
using namespace mgn::windowParts;

using namespace Qt::Literals::StringLiterals;
using mgn::Action;

// The dashboard against the in-process emulator over real loopback HTTP,
// as `mgn-dashboard --demo` runs it.
class TestDashboardEmulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void tableFillsWithTheFleet();
    void enablementFollowsTheRulesForEveryState();
    void confirmedActionChangesTheServer();
    void refusalShowsTheServiceMessage();
    void refreshKeepsTheSelectionAndAddsALagPoint();
    void uninitializedAccountCanBeInitialized();

private:
    int rowOf(const QString &id) const;
    void selectServer(const QString &id);
    // A server of the emulator's fleet for which `action` is allowed (or refused).
    QString serverWhere(Action action, bool allowed) const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<MgnEmulator> m_emulator;
    std::unique_ptr<MainWindow> m_window;
    MgnConnection *m_connection = nullptr;
};

void TestDashboardEmulator::initTestCase()
{
    isolateWindowState(m_settingsDir.path());
}

void TestDashboardEmulator::init()
{
    m_emulator = std::make_unique<MgnEmulator>();
    EmulatorOptions options;
    options.servers = 150;
    options.seed = 11;
    options.speed = 1; // states hold still during the test
    QString error;
    QVERIFY2(m_emulator->start(options, &error), qPrintable(error));
    m_window = std::make_unique<MainWindow>();
    m_connection = MgnConnection::openDirect(
        m_emulator->url(), m_emulator->region(), m_emulator->credentials(), m_window.get());
    m_window->session()->setConnection(m_connection);
    QSignalSpy refreshed(m_window->session()->refreshService(), &RefreshService::finished);
    QVERIFY(refreshed.wait(20000));
}

void TestDashboardEmulator::cleanup()
{
    m_window.reset();
    m_emulator.reset();
}

int TestDashboardEmulator::rowOf(const QString &id) const
{
    const QModelIndex source = serverModel(*m_window)->indexOf(id);
    return serverProxy(*m_window)->mapFromSource(source).row();
}

void TestDashboardEmulator::selectServer(const QString &id)
{
    serverProxy(*m_window)->setArchivedView(mgn::SourceServerFilterProxyModel::ArchivedView::All);
    const int row = rowOf(id);
    QVERIFY(row >= 0);
    serverView(*m_window)->selectionModel()->select(serverProxy(*m_window)->index(row, 0),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

QString TestDashboardEmulator::serverWhere(Action action, bool allowed) const
{
    for (int row = 0; row < serverModel(*m_window)->rowCount(); ++row) {
        const mgn::SourceServer *server = serverModel(*m_window)->serverAt(row);
        if (ActionRules::evaluate(action, *server).allowed == allowed)
            return server->id();
    }
    return {};
}

void TestDashboardEmulator::tableFillsWithTheFleet()
{
    QCOMPARE(serverModel(*m_window)->rowCount(), 150);
    // The account, from the servers' ARNs.
    const QString arn = m_emulator->service()->fleet().servers.front().server.arn.value_or(QString());
    QVERIFY(!arn.section(u':', 4, 4).isEmpty());
    QCOMPARE(m_window->findChild<QLabel *>(u"account"_s)->text(), u"Account "_s + arn.section(u':', 4, 4));
    const Fleet &fleet = m_emulator->service()->fleet();
    for (const FleetServer &entry : fleet.servers)
        QVERIFY(rowOf(entry.server.id()) >= 0 || entry.server.archived());
}

void TestDashboardEmulator::enablementFollowsTheRulesForEveryState()
{
    // One server per (lifecycle, replication, lag known, archived) combination present.
    QSet<QString> seen;
    int checked = 0;
    for (int row = 0; row < serverModel(*m_window)->rowCount(); ++row) {
        const mgn::SourceServer server = *serverModel(*m_window)->serverAt(row);
        const QString key
            = (server.lifeCycle && server.lifeCycle->state ? server.lifeCycle->state->toWire() : QString())
            + u'/'
            + (server.dataReplicationInfo && server.dataReplicationInfo->dataReplicationState
                    ? server.dataReplicationInfo->dataReplicationState->toWire()
                    : QString())
            + u'/' + (server.lag() ? u"lag"_s : u"nolag"_s) + u'/' + (server.archived() ? u"a"_s : u""_s)
            + u'/' + (server.launchedInstance && server.launchedInstance->ec2InstanceID ? u"i"_s : u""_s);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        selectServer(server.id());
        for (const auto &rule : ActionRules::allRules()) {
            QAction *action = actions(*m_window)->action(rule.action);
            if (!action || rule.action == Action::ChangeReplicationType)
                continue;
            const bool allowed = ActionRules::evaluate(rule.action, server).allowed;
            QVERIFY2(action->isEnabled() == allowed, qPrintable(key + u' ' + QString(rule.apiCall)));
            ++checked;
        }
    }
    QVERIFY2(seen.size() >= 8, "the demo fleet covers many states");
    qInfo("%lld state combinations, %d action checks", qlonglong(seen.size()), checked);
}

void TestDashboardEmulator::confirmedActionChangesTheServer()
{
    const QString id = serverWhere(Action::MarkAsArchived, true);
    QVERIFY2(!id.isEmpty(), "a server that can be archived");
    selectServer(id);
    QStringList asked;
    actions(*m_window)->setConfirm([&asked](const QString &title, const QString &) {
        asked.append(title);
        return true;
    });
    QSignalSpy finished(actions(*m_window), &ActionController::actionFinished);
    actions(*m_window)->action(Action::MarkAsArchived)->trigger();
    QCOMPARE(asked.size(), 1); // destructive: confirmed first
    QVERIFY(finished.wait(10000));
    // In the row at once, from the service's answer...
    QVERIFY(serverModel(*m_window)->serverAt(serverModel(*m_window)->rowOf(id))->archived());
    // ...and in the emulator.
    m_emulator->service()->advance();
    const Fleet &fleet = m_emulator->service()->fleet();
    QVERIFY(fleet.servers.at(std::size_t(fleet.findServer(id))).server.archived());
}

void TestDashboardEmulator::refusalShowsTheServiceMessage()
{
    // The window's view of the server is stale: the emulator refuses.
    const QString id = serverWhere(Action::FinalizeCutover, false);
    QVERIFY(!id.isEmpty());
    mgn::SourceServer stale = *serverModel(*m_window)->serverAt(serverModel(*m_window)->rowOf(id));
    stale.lifeCycle->state = mgn::EnumValue<mgn::LifeCycleState>(mgn::LifeCycleState::CuttingOver);
    stale.dataReplicationInfo->dataReplicationState
        = mgn::EnumValue<mgn::DataReplicationState>(mgn::DataReplicationState::Continuous);
    stale.dataReplicationInfo->lagDuration = 1000;
    serverModel(*m_window)->upsert({ stale });
    selectServer(id);
    actions(*m_window)->setConfirm([](const QString &, const QString &) { return true; });
    QAction *finalize = actions(*m_window)->action(Action::FinalizeCutover);
    QVERIFY(finalize->isEnabled());
    QSignalSpy finished(actions(*m_window), &ActionController::actionFinished);
    finalize->trigger();
    QVERIFY(finished.wait(10000));
    const auto outcomes = finished.first().at(1).value<QList<BulkOutcome>>();
    QCOMPARE(outcomes.size(), 1);
    QVERIFY(outcomes.first().error.has_value());
    QVERIFY2(outcomes.first().error->kind == AwsError::Kind::Conflict
            || outcomes.first().error->kind == AwsError::Kind::Validation,
        qPrintable(outcomes.first().error->userMessage()));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(u"failed"_s),
        qPrintable(m_window->statusBar()->currentMessage()));
}

void TestDashboardEmulator::refreshKeepsTheSelectionAndAddsALagPoint()
{
    QString id;
    for (int row = 0; row < serverModel(*m_window)->rowCount() && id.isEmpty(); ++row) {
        const mgn::SourceServer *server = serverModel(*m_window)->serverAt(row);
        if (server->lag() && !server->archived())
            id = server->id();
    }
    QVERIFY2(!id.isEmpty(), "a replicating server with a lag");
    selectServer(id);
    // Sorted by lag: a refresh that changes lags may move the row.
    serverView(*m_window)->sortByColumn(int(mgn::SourceServerTableModel::Column::Lag), Qt::DescendingOrder);
    const int points = details(*m_window)->lagChart()->pointCount();
    QVERIFY(points >= 1);
    for (int refresh = 1; refresh <= 2; ++refresh) {
        QSignalSpy finished(m_window->session()->refreshService(), &RefreshService::finished);
        m_window->session()->refreshService()->refresh();
        QVERIFY(finished.wait(20000));
        const QModelIndexList selected = serverView(*m_window)->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(mgn::SourceServerTableModel::ServerIdRole).toString(), id);
        QCOMPARE(details(*m_window)->lagChart()->pointCount(), points + refresh);
    }
}

// An account where MGN was never initialized: the refresh fails saying so and
// where to set it up; File > Initialize asks first, then calls InitializeService
// and lists the servers.
void TestDashboardEmulator::uninitializedAccountCanBeInitialized()
{
    m_window.reset();
    m_emulator = std::make_unique<MgnEmulator>();
    EmulatorOptions options;
    options.servers = 40;
    options.seed = 5;
    options.speed = 1;
    options.uninitialized = true;
    QString error;
    QVERIFY2(m_emulator->start(options, &error), qPrintable(error));
    m_window = std::make_unique<MainWindow>();
    QAction *initialize = actions(*m_window)->initializeServiceAction();
    QVERIFY(!initialize->isEnabled());
    m_connection = MgnConnection::openDirect(
        m_emulator->url(), m_emulator->region(), m_emulator->credentials(), m_window.get());
    m_window->session()->setConnection(m_connection);
    QSignalSpy failed(m_window->session()->refreshService(), &RefreshService::failed);
    QVERIFY(failed.wait(20000));
    QCOMPARE(failed.first().first().value<AwsError>().kind, AwsError::Kind::UninitializedAccount);
    QCOMPARE(serverModel(*m_window)->rowCount(), 0);
    const QString shown = m_window->statusBar()->currentMessage();
    QVERIFY2(
        shown.contains(u"not initialized"_s) && shown.contains(u"File > Initialize"_s), qPrintable(shown));
    QVERIFY(initialize->isEnabled());

    int asked = 0;
    actions(*m_window)->setConfirm([&asked](const QString &, const QString &) {
        ++asked;
        return false;
    });
    initialize->trigger();
    QCOMPARE(asked, 1);
    QTest::qWait(200);
    QVERIFY(!m_emulator->service()->fleet().initialized);

    actions(*m_window)->setConfirm([&asked](const QString &title, const QString &) {
        ++asked;
        return title.contains(u"Initialize"_s);
    });
    QSignalSpy refreshed(m_window->session()->refreshService(), &RefreshService::finished);
    initialize->trigger();
    QCOMPARE(asked, 2);
    QVERIFY(!initialize->isEnabled()); // until the service answers
    QVERIFY(refreshed.wait(20000));
    QVERIFY(m_emulator->service()->fleet().initialized);
    QCOMPARE(serverModel(*m_window)->rowCount(), 40);
    QVERIFY(initialize->isEnabled());
}

QTEST_MAIN(TestDashboardEmulator)
#include "tst_dashboardemulator.moc"
