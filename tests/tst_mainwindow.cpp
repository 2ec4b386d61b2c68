#include "app/aws/AwsCredentials.h"
#include "app/mgn/MgnConnection.h"
#include "app/services/LagHistory.h"
#include "app/services/RefreshService.h"
#include "models/itemmodels/SourceServerFilterProxyModel.h"
#include "models/itemmodels/SourceServerTableModel.h"
#include "tests/support/MainWindowParts.h"
#include "tests/support/ServerBuilder.h"
#include "tests/support/TestHttpServer.h"
#include "tests/support/WindowTestEnvironment.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"
#include "ui/details/ServerDetailsWidget.h"
#include "ui/widgets/FilterBar.h"
#include "ui/widgets/LagChartView.h"

#include <QActionGroup>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace mgn;
using namespace mgn::windowParts;

using namespace Qt::Literals::StringLiterals;
using mgn::SourceServerTableModel;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { QSettings().clear(); } // each test starts with the default layout
    void viewShowsTheProxy();
    void detailsFollowTheSelection();
    void refreshFillsTheTableAndTheLagChart();
    void lagHistorySurvivesARestart();
    void columnLayoutPersists();
    void profileAndRegionPickers();
    void typingFilters();
    void headerClickSorts();
    void filterControls();
    void exportAndCopy();
    void selectionSurvivesRefresh();
    void autoRefreshIntervalDrivesTheServiceAndPersists();
    void statusBarCountsByState();
    void themesSwitchPalettesAndPersist();

private:
    QTemporaryDir m_settingsDir;
};

void TestMainWindow::initTestCase()
{
    isolateWindowState(m_settingsDir.path());
}

namespace {

QList<mgn::SourceServer> threeServers()
{
    return { ServerBuilder(u"s-1"_s).hostname(u"web-01"_s).lagMs(3000),
        ServerBuilder(u"s-2"_s).hostname(u"db-01"_s).lagMs(1000),
        ServerBuilder(u"s-3"_s).hostname(u"app-01"_s).lagMs(2000) };
}

QString countText(const MainWindow &window)
{
    const auto *label = window.findChild<QLabel *>(u"serverCount"_s);
    return label ? label->text() : QString();
}

QString idAt(const QTableView *view, int row)
{
    return view->model()->index(row, 0).data(SourceServerTableModel::ServerIdRole).toString();
}

} // namespace

void TestMainWindow::viewShowsTheProxy()
{
    MainWindow window;
    QCOMPARE(serverView(window)->model(), serverProxy(window));
    QCOMPARE(serverProxy(window)->sourceModel(), serverModel(window));
    QCOMPARE(countText(window), u"Not connected"_s);
    serverModel(window)->merge(threeServers());
    QCOMPARE(serverView(window)->model()->rowCount(), 3);
    QCOMPARE(countText(window), u"3 of 3 source servers shown"_s);
    // Sorted by name from the start.
    QCOMPARE(idAt(serverView(window), 0), u"s-3"_s);
}

void TestMainWindow::typingFilters()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    serverModel(window)->merge(threeServers());
    QTest::keyClicks(filterEdit(window), u"db"_s);
    QCOMPARE(serverView(window)->model()->rowCount(), 1);
    QCOMPARE(idAt(serverView(window), 0), u"s-2"_s);
    QCOMPARE(countText(window), u"1 of 3 source servers shown"_s);
    filterEdit(window)->clear();
    QCOMPARE(serverView(window)->model()->rowCount(), 3);
}

void TestMainWindow::headerClickSorts()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    serverModel(window)->merge(threeServers());
    QHeaderView *header = serverView(window)->horizontalHeader();
    const int lag = int(SourceServerTableModel::Column::Lag);
    const int x = header->sectionViewportPosition(lag) + header->sectionSize(lag) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), lag);
    const QStringList expected = header->sortIndicatorOrder() == Qt::AscendingOrder
        ? QStringList { u"s-2"_s, u"s-3"_s, u"s-1"_s }
        : QStringList { u"s-1"_s, u"s-3"_s, u"s-2"_s };
    QCOMPARE((QStringList {
                 idAt(serverView(window), 0), idAt(serverView(window), 1), idAt(serverView(window), 2) }),
        expected);
}

void TestMainWindow::filterControls()
{
    MainWindow window;
    serverModel(window)->merge({ ServerBuilder(u"s-1"_s).lifeCycle(mgn::LifeCycleState::Testing),
        ServerBuilder(u"s-2"_s).lifeCycle(mgn::LifeCycleState::Cutover),
        ServerBuilder(u"s-3"_s).lifeCycle(mgn::LifeCycleState::Cutover).archived(),
        ServerBuilder(u"s-4"_s).replication(mgn::DataReplicationState::Stalled) });
    FilterBar *bar = filterBar(window);
    QCOMPARE(serverProxy(window)->rowCount(), 3);
    QAction *cutover = nullptr;
    for (QAction *action : bar->lifeCycleButton()->menu()->actions()) {
        if (action->text() == u"CUTOVER"_s)
            cutover = action;
    }
    QVERIFY(cutover);
    cutover->trigger();
    QCOMPARE(serverProxy(window)->rowCount(), 1);
    QCOMPARE(bar->lifeCycleButton()->text(), u"Lifecycle (1)"_s);
    bar->archivedCombo()->setCurrentIndex(2); // all
    QCOMPARE(serverProxy(window)->rowCount(), 2);
    cutover->trigger();
    bar->attentionCheck()->setChecked(true);
    QCOMPARE(serverProxy(window)->rowCount(), 1);
    QCOMPARE(idAt(serverView(window), 0), u"s-4"_s);
}

void TestMainWindow::exportAndCopy()
{
    MainWindow window;
    serverModel(window)->merge(threeServers());
    filterEdit(window)->setText(u"01"_s); // all three
    serverProxy(window)->setFilterText(u"web"_s);
    QTemporaryDir dir;
    QString error;
    QVERIFY(window.exportShown(dir.filePath(u"a.csv"_s), MainWindow::ExportFormat::Csv, &error));
    QFile csv(dir.filePath(u"a.csv"_s));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), 2); // header and web-01
    QVERIFY(window.exportShown(dir.filePath(u"a.json"_s), MainWindow::ExportFormat::Json, &error));
    QFile json(dir.filePath(u"a.json"_s));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray items = QJsonDocument::fromJson(json.readAll()).object().value("items"_L1).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().toObject().value("sourceServerID"_L1).toString(), u"s-1"_s);
    QVERIFY(!window.exportShown(dir.filePath(u"missing/dir/a.csv"_s), MainWindow::ExportFormat::Csv, &error));
    QVERIFY(!error.isEmpty());

    serverProxy(window)->setFilterText(QString());
    serverView(window)->selectAll();
    QCOMPARE(window.copySelectedIds().size(), 3);
    QCOMPARE(QGuiApplication::clipboard()->text().split(u'\n').size(), 3);
}

void TestMainWindow::selectionSurvivesRefresh()
{
    MainWindow window;
    auto servers = threeServers();
    serverModel(window)->merge(servers);
    serverView(window)->selectRow(1); // db-01
    QCOMPARE(serverView(window)->selectionModel()->selectedRows().first().data(
                 SourceServerTableModel::ServerIdRole),
        QVariant(u"s-2"_s));
    servers[1].dataReplicationInfo->lagDuration = 9000;
    servers.removeAt(2);
    servers.append(ServerBuilder(u"s-4"_s).hostname(u"aaa"_s));
    serverModel(window)->merge(servers);
    const auto rows = serverView(window)->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().data(SourceServerTableModel::ServerIdRole), QVariant(u"s-2"_s));
}

void TestMainWindow::detailsFollowTheSelection()
{
    MainWindow window;
    serverModel(window)->merge({ ServerBuilder(u"s-1"_s)
                                     .hostname(u"web-01"_s)
                                     .lagMs(3000)
                                     .replication(mgn::DataReplicationState::Continuous)
                                     .disk(1000, 1000)
                                     .disk(4096, 1024),
        ServerBuilder(u"s-2"_s).hostname(u"db-01"_s) });
    QVERIFY(details(window)->fieldText(u"Hostname"_s).isEmpty());
    serverView(window)->selectRow(1); // web-01 (sorted by name)
    QCOMPARE(details(window)->fieldText(u"Hostname"_s), u"web-01"_s);
    QCOMPARE(details(window)->fieldText(u"Lag"_s), u"00:00:03"_s);
    QCOMPARE(details(window)->fieldText(u"Data replication status"_s), u"Healthy"_s);
    QCOMPARE(details(window)->disksTable()->rowCount(), 2);
    QCOMPARE(details(window)->disksTable()->item(1, 1)->text(), ServerDetailsWidget::formatBytes(4096));
    serverView(window)->selectAll();
    QVERIFY(details(window)->fieldText(u"Hostname"_s).isEmpty());
}

void TestMainWindow::refreshFillsTheTableAndTheLagChart()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    int refreshes = 0;
    server.setHandler([&refreshes](const TestHttpServer::Request &request) {
        if (request.path != "/DescribeSourceServers")
            return TestHttpServer::Response::json(200, R"({"items":[]})");
        ++refreshes;
        const QByteArray lag = "PT" + QByteArray::number(refreshes * 10) + "S";
        return TestHttpServer::Response::json(200,
            R"({"items":[{"sourceServerID":"s-1","dataReplicationInfo":{"dataReplicationState":"CONTINUOUS","lagDuration":")"
                + lag + R"("},"sourceProperties":{"identificationHints":{"hostname":"web-01"}}}]})");
    });
    MainWindow window;
    std::unique_ptr<MgnConnection> connection(MgnConnection::openDirect(
        server.url(), u"us-east-1"_s, { u"AKIADEMO"_s, u"demo-secret"_s, std::nullopt, std::nullopt }));
    window.session()->setConnection(connection.get());
    QSignalSpy finished(window.session()->refreshService(), &RefreshService::finished);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(serverModel(window)->rowCount(), 1);
    serverView(window)->selectRow(0);
    QCOMPARE(details(window)->lagChart()->pointCount(), 1);
    window.session()->refreshService()->refresh();
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(details(window)->lagChart()->pointCount(), 2);
    QCOMPARE(details(window)->fieldText(u"Lag"_s), u"00:00:20"_s);
    // The selection survived the refresh.
    QCOMPARE(serverView(window)->selectionModel()->selectedRows().size(), 1);
    window.session()->setConnection(nullptr);
}

void TestMainWindow::lagHistorySurvivesARestart()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        MainWindow window;
        window.session()->lagHistory()->record({ ServerBuilder(u"s-7"_s).lagMs(1000) }, now - 60000);
        window.session()->lagHistory()->record({ ServerBuilder(u"s-7"_s).lagMs(2000) }, now);
    }
    MainWindow restarted;
    QCOMPARE(restarted.session()->lagHistory()->samples(u"s-7"_s).size(), 2);
    serverModel(restarted)->merge({ ServerBuilder(u"s-7"_s).lagMs(2000) });
    serverView(restarted)->selectRow(0);
    QCOMPARE(details(restarted)->lagChart()->pointCount(), 2);
}

void TestMainWindow::columnLayoutPersists()
{
    const int lag = int(SourceServerTableModel::Column::Lag);
    {
        MainWindow window;
        QHeaderView *header = serverView(window)->horizontalHeader();
        header->moveSection(header->visualIndex(lag), 0);
        header->setSectionHidden(int(SourceServerTableModel::Column::Id), true);
        header->resizeSection(int(SourceServerTableModel::Column::Name), 321);
    }
    MainWindow restarted;
    QHeaderView *header = serverView(restarted)->horizontalHeader();
    QCOMPARE(header->logicalIndex(0), lag);
    QVERIFY(header->isSectionHidden(int(SourceServerTableModel::Column::Id)));
    QCOMPARE(header->sectionSize(int(SourceServerTableModel::Column::Name)), 321);
    // Nothing secret in the settings: only layout.
    QSettings settings;
    for (const QString &key : settings.allKeys())
        QVERIFY2(key.startsWith(u"MainWindow/"_s), qPrintable(key));
}

void TestMainWindow::profileAndRegionPickers()
{
    QTemporaryDir home;
    QFile config(home.filePath(u"config"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[default]\nregion = eu-west-1\n[profile staging]\nregion = eu-central-1\n");
    config.close();
    // --profile skips the environment's keys, as with the AWS CLI: staging has its own.
    QFile credentials(home.filePath(u"credentials"_s));
    QVERIFY(credentials.open(QIODevice::WriteOnly));
    credentials.write("[staging]\naws_access_key_id = AKIDSTAGING\naws_secret_access_key = static-secret\n");
    credentials.close();
    qputenv("AWS_CONFIG_FILE", home.filePath(u"config"_s).toLocal8Bit());
    qputenv("AWS_SHARED_CREDENTIALS_FILE", home.filePath(u"credentials"_s).toLocal8Bit());
    qputenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    qputenv("AWS_SECRET_ACCESS_KEY", "static-secret");
    TestHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const TestHttpServer::Request &request) {
        if (request.path != "/DescribeSourceServers")
            return TestHttpServer::Response::json(200, R"({"items":[]})");
        return TestHttpServer::Response::json(200, R"({"items":[{"sourceServerID":"s-1"}]})");
    });
    MainWindow window;
    QVERIFY(profileCombo(window)->findText(u"staging"_s) >= 0);
    QVERIFY(regionCombo(window)->findData(u"ap-southeast-2"_s) >= 0);
    QVERIFY(window.session()->openConnection({}, {}, server.url().toString()));
    QVERIFY(window.windowTitle().contains(u"eu-west-1"_s));
    QCOMPARE(regionCombo(window)->currentData().toString(), u"eu-west-1"_s);
    QTRY_VERIFY2(serverModel(window)->rowCount() == 1, qPrintable(window.statusBar()->currentMessage()));
    // Another region is another set of servers: the table starts empty.
    QVERIFY(window.session()->openConnection(u"staging"_s, u"us-west-2"_s, server.url().toString()));
    QCOMPARE(serverModel(window)->rowCount(), 0);
    QCOMPARE(profileCombo(window)->currentText(), u"staging"_s);
    QVERIFY(window.windowTitle().contains(u"staging - us-west-2"_s));
    QTRY_VERIFY2(serverModel(window)->rowCount() == 1, qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(server.requests().last().header("Authorization").contains("Credential=AKIDSTAGING/"));
    QVERIFY(!window.session()->openConnection(u"no-such-profile"_s, {}, {}));
    QVERIFY(window.statusBar()->currentMessage().contains(u"could not be found"_s));
    for (const char *name :
        { "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
        qunsetenv(name);
}

void TestMainWindow::autoRefreshIntervalDrivesTheServiceAndPersists()
{
    TestHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([](const TestHttpServer::Request &) {
        return TestHttpServer::Response::json(200, R"({"items":[]})");
    });
    std::unique_ptr<MgnConnection> connection(MgnConnection::openDirect(
        server.url(), u"us-east-1"_s, { u"AKIADEMO"_s, u"demo-secret"_s, std::nullopt, std::nullopt }));
    {
        MainWindow window;
        QComboBox *combo = autoRefreshCombo(window);
        QCOMPARE(combo->currentData().toInt(), 0);
        QCOMPARE(combo->accessibleName(), u"Automatic refresh"_s);
        window.session()->setConnection(connection.get());
        QCOMPARE(window.session()->refreshService()->interval(), std::chrono::seconds(0));
        const int fiveMinutes = combo->findData(300);
        QVERIFY(fiveMinutes > 0);
        combo->setCurrentIndex(fiveMinutes);
        Q_EMIT combo->activated(fiveMinutes);
        QCOMPARE(window.session()->refreshService()->interval(), std::chrono::seconds(300));
        window.session()->setConnection(nullptr);
    }
    MainWindow restarted;
    QCOMPARE(restarted.session()->autoRefreshInterval(), std::chrono::seconds(300));
    restarted.session()->setConnection(connection.get());
    QCOMPARE(restarted.session()->refreshService()->interval(), std::chrono::seconds(300));
    restarted.session()->setAutoRefreshInterval(std::chrono::seconds(0));
    QCOMPARE(restarted.session()->refreshService()->interval(), std::chrono::seconds(0));
    restarted.session()->setConnection(nullptr);
}

void TestMainWindow::statusBarCountsByState()
{
    MainWindow window;
    const auto *label = window.findChild<QLabel *>(u"stateCounts"_s);
    QVERIFY(label);
    serverModel(window)->merge({ ServerBuilder(u"s-1"_s).lifeCycle(mgn::LifeCycleState::Testing),
        ServerBuilder(u"s-2"_s).lifeCycle(mgn::LifeCycleState::Testing),
        ServerBuilder(u"s-3"_s)
            .lifeCycle(mgn::LifeCycleState::ReadyForCutover)
            .replication(mgn::DataReplicationState::Stalled),
        ServerBuilder(u"s-4"_s).lifeCycle(mgn::LifeCycleState::Cutover).archived() });
    QTRY_COMPARE(label->text(),
        u"Needing attention 1 \u00b7 Test in progress 2 \u00b7 Ready for cutover 1 \u00b7 Archived 1"_s);
    QVERIFY(label->toolTip().contains(u"4 source server"_s));
    // A server changing state changes the counts.
    serverModel(window)->upsert({ ServerBuilder(u"s-1"_s).lifeCycle(mgn::LifeCycleState::ReadyForCutover) });
    QTRY_VERIFY(label->text().contains(u"Test in progress 1"_s));
    QVERIFY(label->text().contains(u"Ready for cutover 2"_s));
}

void TestMainWindow::themesSwitchPalettesAndPersist()
{
    const QPalette platform = QApplication::palette();
    auto actionFor = [](const MainWindow &window, const QString &key) -> QAction * {
        for (QAction *action : themeActions(window)->actions()) {
            if (action->data().toString() == key)
                return action;
        }
        return nullptr;
    };
    {
        MainWindow window;
        serverModel(window)->merge(threeServers());
        serverView(window)->selectRow(0);
        QVERIFY(actionFor(window, u"system"_s)->isChecked());
        actionFor(window, u"dark"_s)->trigger();
        QVERIFY(Theme::isDark(QApplication::palette()));
        QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
        QTRY_COMPARE(details(window)->lagChart()->chart()->theme(), QChart::ChartThemeDark);
        actionFor(window, u"light"_s)->trigger();
        QVERIFY(!Theme::isDark(QApplication::palette()));
        QTRY_COMPARE(details(window)->lagChart()->chart()->theme(), QChart::ChartThemeLight);
        actionFor(window, u"dark"_s)->trigger();
    }
    // Back to the platform's look, then a restart restores the saved dark theme.
    Theme::apply(Theme::Choice::System);
    QCOMPARE(QApplication::palette().color(QPalette::Window), platform.color(QPalette::Window));
    {
        MainWindow restarted;
        QVERIFY(actionFor(restarted, u"dark"_s)->isChecked());
        QVERIFY(Theme::isDark(QApplication::palette()));
        QTRY_COMPARE(details(restarted)->lagChart()->chart()->theme(), QChart::ChartThemeDark);
        actionFor(restarted, u"system"_s)->trigger();
    }
    QCOMPARE(QApplication::palette().color(QPalette::Window), platform.color(QPalette::Window));
    QCOMPARE(QSettings().value(u"MainWindow/theme"_s).toString(), u"system"_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
