#include "MainWindow.h"
#include "SourceServerFilterProxyModel.h"
#include "SourceServerTableModel.h"
#include "support/ServerBuilder.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using mgn::SourceServerTableModel;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void viewShowsTheProxy();
    void typingFilters();
    void headerClickSorts();
    void selectionSurvivesRefresh();
};

namespace {

QList<mgn::SourceServer> threeServers()
{
    return {ServerBuilder(u"s-1"_s).hostname(u"web-01"_s).lagMs(3000),
        ServerBuilder(u"s-2"_s).hostname(u"db-01"_s).lagMs(1000),
        ServerBuilder(u"s-3"_s).hostname(u"app-01"_s).lagMs(2000)};
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
    QCOMPARE(window.serverView()->model(), window.serverProxy());
    QCOMPARE(window.serverProxy()->sourceModel(), window.serverModel());
    QCOMPARE(countText(window), u"Not connected"_s);
    window.serverModel()->merge(threeServers());
    QCOMPARE(window.serverView()->model()->rowCount(), 3);
    QCOMPARE(countText(window), u"3 of 3 source servers shown"_s);
    // Sorted by name from the start.
    QCOMPARE(idAt(window.serverView(), 0), u"s-3"_s);
}

void TestMainWindow::typingFilters()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.serverModel()->merge(threeServers());
    QTest::keyClicks(window.filterEdit(), u"db"_s);
    QCOMPARE(window.serverView()->model()->rowCount(), 1);
    QCOMPARE(idAt(window.serverView(), 0), u"s-2"_s);
    QCOMPARE(countText(window), u"1 of 3 source servers shown"_s);
    window.filterEdit()->clear();
    QCOMPARE(window.serverView()->model()->rowCount(), 3);
}

void TestMainWindow::headerClickSorts()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.serverModel()->merge(threeServers());
    QHeaderView *header = window.serverView()->horizontalHeader();
    const int lag = int(SourceServerTableModel::Column::Lag);
    const int x = header->sectionViewportPosition(lag) + header->sectionSize(lag) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(header->sortIndicatorSection(), lag);
    const QStringList expected = header->sortIndicatorOrder() == Qt::AscendingOrder
        ? QStringList{u"s-2"_s, u"s-3"_s, u"s-1"_s}
        : QStringList{u"s-1"_s, u"s-3"_s, u"s-2"_s};
    QCOMPARE((QStringList{idAt(window.serverView(), 0), idAt(window.serverView(), 1), idAt(window.serverView(), 2)}),
        expected);
}

void TestMainWindow::selectionSurvivesRefresh()
{
    MainWindow window;
    auto servers = threeServers();
    window.serverModel()->merge(servers);
    window.serverView()->selectRow(1); // db-01
    QCOMPARE(window.serverView()->selectionModel()->selectedRows().first().data(SourceServerTableModel::ServerIdRole),
        QVariant(u"s-2"_s));
    servers[1].dataReplicationInfo->lagDuration = 9000;
    servers.removeAt(2);
    servers.append(ServerBuilder(u"s-4"_s).hostname(u"aaa"_s));
    window.serverModel()->merge(servers);
    const auto rows = window.serverView()->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().data(SourceServerTableModel::ServerIdRole), QVariant(u"s-2"_s));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
