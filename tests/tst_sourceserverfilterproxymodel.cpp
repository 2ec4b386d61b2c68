#include "models/itemmodels/SourceServerFilterProxyModel.h"
#include "models/itemmodels/SourceServerTableModel.h"
#include "tests/support/ServerBuilder.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTest>

#include <memory>
#include <random>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;
using mgn::SourceServer;
using mgn::SourceServerFilterProxyModel;
using mgn::SourceServerTableModel;
using Column = SourceServerTableModel::Column;
using ArchivedView = SourceServerFilterProxyModel::ArchivedView;
using LC = mgn::LifeCycleState;
using RS = mgn::DataReplicationState;
using RT = mgn::ReplicationType;

namespace {

// A small fleet in which every filter has something to find.
QList<SourceServer> sampleFleet()
{
    return {
        ServerBuilder(u"s-000000000000000a1"_s)
            .hostname(u"web-01"_s)
            .fqdn(u"web-01.corp.example"_s)
            .lifeCycle(LC::ReadyForTest)
            .replication(RS::Continuous)
            .replicationType(RT::AgentBased)
            .lagMs(4000)
            .tag(u"Wave"_s, u"1"_s)
            .nic({ u"10.0.0.11"_s }, true)
            .os(u"Ubuntu 22.04"_s),
        ServerBuilder(u"s-000000000000000b2"_s)
            .hostname(u"DB-01"_s)
            .lifeCycle(LC::NotReady)
            .replication(RS::InitialSync)
            .replicationType(RT::AgentBased)
            .disk(100, 40)
            .tag(u"Owner"_s, u"payments-team"_s)
            .nic({ u"10.0.0.12"_s, u"fd00::12"_s }, true)
            .os(u"Windows Server 2019"_s),
        ServerBuilder(u"s-000000000000000c3"_s)
            .fqdn(u"app-vm.vsphere.local"_s)
            .lifeCycle(LC::Cutover)
            .replication(RS::Continuous)
            .replicationType(RT::SnapshotShipping)
            .lagMs(2 * 3600 * 1000)
            .launched(u"i-0abc1234def567890"_s),
        ServerBuilder(u"s-000000000000000d4"_s)
            .hostname(u"legacy-01"_s)
            .lifeCycle(LC::Disconnected)
            .replication(RS::Disconnected)
            .archived(),
        ServerBuilder(u"s-000000000000000e5"_s)
            .hostname(u"batch-01"_s)
            .lifeCycleWire(u"HIBERNATING"_s)
            .replication(RS::Stalled)
            .replicationError(mgn::DataReplicationErrorString::AgentNotSeen),
        ServerBuilder(u"s-000000000000000f6"_s).hostname(u"bare"_s),
    };
}

QStringList proxyIds(const QAbstractItemModel &proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(proxy.index(row, 0).data(SourceServerTableModel::ServerIdRole).toString());
    return ids;
}

QStringList sortedIds(QStringList ids)
{
    ids.sort();
    return ids;
}

} // namespace

class TestSourceServerFilterProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void activeByDefault();
    void archivedView_data();
    void archivedView();
    void filterText_data();
    void filterText();
    void lifeCycleStates_data();
    void lifeCycleStates();
    void replicationStates();
    void replicationTypes();
    void needsAttention();
    void filtersCombine();
    void settingTheSameFilterDoesNothing();
    void sortColumn_data();
    void sortColumn();
    void absentValuesLastInBothOrders();
    void tiesBrokenById();
    void refreshKeepsSortFilterAndSelection();
    void refusesOtherModels();
    void pageLandsInOneInsertionAndOneLayoutChange();
    void pageAfterTheLastRowNeedsNoLayoutChange();
    void scatteredRowsLeaveInOneRemoval();
    void aBlockOfRowsLeavesWithoutALayoutChange();
    void keyChangeMovesOnlyWhenOutOfOrder();
    void unsortedFollowsTheSource_data();
    void unsortedFollowsTheSource();
    void incrementalEqualsRebuilt();
    void sourceResetAndDestroyed();

private:
    std::unique_ptr<SourceServerTableModel> m_table;
    std::unique_ptr<SourceServerFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSourceServerFilterProxyModel::init()
{
    m_table = std::make_unique<SourceServerTableModel>();
    m_proxy = std::make_unique<SourceServerFilterProxyModel>();
    m_proxy->setSourceModel(m_table.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_table->merge(sampleFleet());
}

void TestSourceServerFilterProxyModel::cleanup()
{
    m_tester.reset();
    m_proxy.reset();
    m_table.reset();
}

void TestSourceServerFilterProxyModel::activeByDefault()
{
    QCOMPARE(m_proxy->archivedView(), ArchivedView::Active);
    QCOMPARE(m_proxy->rowCount(), 5);
    QVERIFY(!proxyIds(*m_proxy).contains(u"s-000000000000000d4"_s));
}

void TestSourceServerFilterProxyModel::archivedView_data()
{
    QTest::addColumn<ArchivedView>("view");
    QTest::addColumn<int>("rows");
    QTest::newRow("active") << ArchivedView::Active << 5;
    QTest::newRow("archived") << ArchivedView::Archived << 1;
    QTest::newRow("all") << ArchivedView::All << 6;
}

void TestSourceServerFilterProxyModel::archivedView()
{
    QFETCH(ArchivedView, view);
    QFETCH(int, rows);
    m_proxy->setArchivedView(view);
    QCOMPARE(m_proxy->archivedView(), view);
    QCOMPARE(m_proxy->rowCount(), rows);
}

void TestSourceServerFilterProxyModel::filterText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("hostname, any case") << u"WEB"_s << QStringList { u"s-000000000000000a1"_s };
    QTest::newRow("FQDN") << u"vsphere.local"_s << QStringList { u"s-000000000000000c3"_s };
    QTest::newRow("ID") << u"00b2"_s << QStringList { u"s-000000000000000b2"_s };
    QTest::newRow("tag key") << u"owner"_s << QStringList { u"s-000000000000000b2"_s };
    QTest::newRow("tag value") << u"payments"_s << QStringList { u"s-000000000000000b2"_s };
    QTest::newRow("IPv4") << u"10.0.0.1"_s
                          << QStringList { u"s-000000000000000a1"_s, u"s-000000000000000b2"_s };
    QTest::newRow("IPv6") << u"FD00::"_s << QStringList { u"s-000000000000000b2"_s };
    QTest::newRow("OS") << u"windows"_s << QStringList { u"s-000000000000000b2"_s };
    QTest::newRow("instance") << u"i-0abc"_s << QStringList { u"s-000000000000000c3"_s };
    QTest::newRow("whitespace trimmed") << u"  web-01 "_s << QStringList { u"s-000000000000000a1"_s };
    QTest::newRow("archived stay hidden") << u"legacy"_s << QStringList {};
    QTest::newRow("nothing") << u"zzz"_s << QStringList {};
    QTest::newRow("empty: all active")
        << QString()
        << QStringList { u"s-000000000000000a1"_s, u"s-000000000000000b2"_s, u"s-000000000000000c3"_s,
               u"s-000000000000000e5"_s, u"s-000000000000000f6"_s };
}

void TestSourceServerFilterProxyModel::filterText()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ids);
    m_proxy->setFilterText(text);
    QCOMPARE(m_proxy->filterText(), text.trimmed());
    QCOMPARE(sortedIds(proxyIds(*m_proxy)), ids);
}

void TestSourceServerFilterProxyModel::lifeCycleStates_data()
{
    QTest::addColumn<QList<LC>>("states");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("ready for test") << QList<LC> { LC::ReadyForTest }
                                    << QStringList { u"s-000000000000000a1"_s };
    QTest::newRow("two states") << QList<LC> { LC::NotReady, LC::Cutover }
                                << QStringList { u"s-000000000000000b2"_s, u"s-000000000000000c3"_s };
    // "Other": a state this build does not know, or none at all.
    QTest::newRow("other") << QList<LC> { LC::Unrecognized }
                           << QStringList { u"s-000000000000000e5"_s, u"s-000000000000000f6"_s };
    QTest::newRow("no match") << QList<LC> { LC::Testing } << QStringList {};
}

void TestSourceServerFilterProxyModel::lifeCycleStates()
{
    QFETCH(QList<LC>, states);
    QFETCH(QStringList, ids);
    m_proxy->setLifeCycleStates(states);
    QCOMPARE(sortedIds(proxyIds(*m_proxy)), ids);
    m_proxy->setLifeCycleStates({});
    QCOMPARE(m_proxy->rowCount(), 5);
}

void TestSourceServerFilterProxyModel::replicationStates()
{
    m_proxy->setReplicationStates({ RS::Continuous, RS::Stalled });
    QCOMPARE(sortedIds(proxyIds(*m_proxy)),
        (QStringList { u"s-000000000000000a1"_s, u"s-000000000000000c3"_s, u"s-000000000000000e5"_s }));
    QCOMPARE(m_proxy->replicationStates(), (QList<RS> { RS::Continuous, RS::Stalled }));
}

void TestSourceServerFilterProxyModel::replicationTypes()
{
    m_proxy->setReplicationTypes({ RT::SnapshotShipping });
    QCOMPARE(proxyIds(*m_proxy), QStringList { u"s-000000000000000c3"_s });
    m_proxy->setReplicationTypes({ RT::AgentBased });
    QCOMPARE(
        sortedIds(proxyIds(*m_proxy)), (QStringList { u"s-000000000000000a1"_s, u"s-000000000000000b2"_s }));
    QCOMPARE(m_proxy->replicationTypes(), QList<RT> { RT::AgentBased });
}

void TestSourceServerFilterProxyModel::needsAttention()
{
    m_proxy->setNeedsAttentionOnly(true);
    // Lagging (2 h lag) and stalled with an error; healthy and syncing ones are not shown.
    QCOMPARE(
        sortedIds(proxyIds(*m_proxy)), (QStringList { u"s-000000000000000c3"_s, u"s-000000000000000e5"_s }));
}

void TestSourceServerFilterProxyModel::filtersCombine()
{
    m_proxy->setArchivedView(ArchivedView::All);
    m_proxy->setFilterText(u"01"_s);
    QCOMPARE(m_proxy->rowCount(), 4); // web-01, DB-01, legacy-01, batch-01
    m_proxy->setReplicationTypes({ RT::AgentBased });
    QCOMPARE(m_proxy->rowCount(), 2);
    m_proxy->setLifeCycleStates({ LC::NotReady });
    QCOMPARE(proxyIds(*m_proxy), QStringList { u"s-000000000000000b2"_s });
}

void TestSourceServerFilterProxyModel::settingTheSameFilterDoesNothing()
{
    m_proxy->setFilterText(u"web"_s);
    m_proxy->setLifeCycleStates({ LC::ReadyForTest });
    QSignalSpy removed(m_proxy.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_proxy.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy layout(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    QSignalSpy reset(m_proxy.get(), &QAbstractItemModel::modelReset);
    m_proxy->setFilterText(u" web "_s);
    m_proxy->setLifeCycleStates({ LC::ReadyForTest });
    m_proxy->setArchivedView(ArchivedView::Active);
    m_proxy->setNeedsAttentionOnly(false);
    QCOMPARE(removed.size() + inserted.size() + layout.size() + reset.size(), 0);
}

void TestSourceServerFilterProxyModel::sortColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QStringList>("ids");
    const auto a1 = u"s-000000000000000a1"_s, b2 = u"s-000000000000000b2"_s, c3 = u"s-000000000000000c3"_s,
               e5 = u"s-000000000000000e5"_s, f6 = u"s-000000000000000f6"_s;
    // Names: web-01, DB-01, app-vm.vsphere.local, batch-01, bare (case-insensitive).
    QTest::newRow("name asc") << int(Column::Name) << Qt::AscendingOrder
                              << QStringList { c3, f6, e5, b2, a1 };
    QTest::newRow("name desc") << int(Column::Name) << Qt::DescendingOrder
                               << QStringList { a1, b2, e5, f6, c3 };
    // Lag: 4 s, 2 h; the others have none and come last.
    QTest::newRow("lag asc") << int(Column::Lag) << Qt::AscendingOrder << QStringList { a1, c3, b2, e5, f6 };
    QTest::newRow("lag desc") << int(Column::Lag) << Qt::DescendingOrder
                              << QStringList { c3, a1, b2, e5, f6 };
    // Lifecycle in migration order; the unknown state after the known ones, the absent one last.
    QTest::newRow("lifecycle asc") << int(Column::LifeCycle) << Qt::AscendingOrder
                                   << QStringList { b2, a1, c3, e5, f6 };
    QTest::newRow("ip numeric") << int(Column::IpAddress) << Qt::AscendingOrder
                                << QStringList { a1, b2, c3, e5, f6 };
}

void TestSourceServerFilterProxyModel::sortColumn()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QStringList, ids);
    m_proxy->sort(column, order);
    QCOMPARE(proxyIds(*m_proxy), ids);
}

void TestSourceServerFilterProxyModel::absentValuesLastInBothOrders()
{
    m_proxy->sort(int(Column::Eta), Qt::AscendingOrder);
    const QStringList ascending = proxyIds(*m_proxy);
    m_proxy->sort(int(Column::Eta), Qt::DescendingOrder);
    // Nobody has an ETA: the tie-break by ID keeps one order in both directions.
    QCOMPARE(proxyIds(*m_proxy), ascending);
    QCOMPARE(ascending, sortedIds(ascending));
}

void TestSourceServerFilterProxyModel::tiesBrokenById()
{
    m_table->clear();
    QList<SourceServer> same;
    for (const auto &id : { u"s-3"_s, u"s-1"_s, u"s-2"_s })
        same.append(ServerBuilder(id).lifeCycle(LC::Testing));
    m_table->merge(same);
    m_proxy->sort(int(Column::LifeCycle), Qt::AscendingOrder);
    QCOMPARE(proxyIds(*m_proxy), (QStringList { u"s-1"_s, u"s-2"_s, u"s-3"_s }));
    m_proxy->sort(int(Column::LifeCycle), Qt::DescendingOrder);
    QCOMPARE(proxyIds(*m_proxy), (QStringList { u"s-1"_s, u"s-2"_s, u"s-3"_s }));
}

void TestSourceServerFilterProxyModel::refreshKeepsSortFilterAndSelection()
{
    m_proxy->setReplicationStates({ RS::Continuous, RS::InitialSync });
    m_proxy->sort(int(Column::Lag), Qt::DescendingOrder);
    QItemSelectionModel selection(m_proxy.get());
    const QModelIndex web = m_proxy->index(1, 0);
    QCOMPARE(web.data(SourceServerTableModel::ServerIdRole).toString(), u"s-000000000000000a1"_s);
    selection.select(web, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    // The refresh: web-01's lag grows past app-vm's, DB-01 finishes its sync,
    // batch-01 vanishes and a new continuous server appears.
    QList<SourceServer> next = sampleFleet();
    next[0].dataReplicationInfo->lagDuration = 3 * 3600 * 1000;
    next[1].dataReplicationInfo->dataReplicationState = mgn::EnumValue<RS>(RS::Continuous);
    next[1].dataReplicationInfo->lagDuration = 1000;
    next.removeAt(4);
    next.append(
        ServerBuilder(u"s-000000000000000g7"_s).hostname(u"new"_s).replication(RS::Continuous).lagMs(10));
    QSignalSpy reset(m_proxy.get(), &QAbstractItemModel::modelReset);
    m_table->merge(next);

    QCOMPARE(reset.size(), 0);
    QCOMPARE(proxyIds(*m_proxy),
        (QStringList { u"s-000000000000000a1"_s, u"s-000000000000000c3"_s, u"s-000000000000000b2"_s,
            u"s-000000000000000g7"_s }));
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().first().data(SourceServerTableModel::ServerIdRole).toString(),
        u"s-000000000000000a1"_s);
    // A server leaving the filter on refresh leaves the view, not the table.
    next[2].dataReplicationInfo->dataReplicationState = mgn::EnumValue<RS>(RS::Stalled);
    m_table->merge(next);
    QVERIFY(!proxyIds(*m_proxy).contains(u"s-000000000000000c3"_s));
    QCOMPARE(m_table->rowCount(), 6);
}

void TestSourceServerFilterProxyModel::refusesOtherModels()
{
    QStringListModel other({ u"a"_s });
    QTest::ignoreMessage(
        QtWarningMsg, "SourceServerFilterProxyModel: the source model must be a SourceServerTableModel");
    m_proxy->setSourceModel(&other);
    QCOMPARE(m_proxy->sourceModel(), m_table.get());
    QCOMPARE(m_proxy->rowCount(), 5);
}

namespace {

// What the proxy told its views, by kind of signal.
struct ProxySignals {
    explicit ProxySignals(QAbstractItemModel *model)
        : inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , layouts(model, &QAbstractItemModel::layoutChanged)
        , resets(model, &QAbstractItemModel::modelReset)
        , changed(model, &QAbstractItemModel::dataChanged)
    { }
    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy layouts;
    QSignalSpy resets;
    QSignalSpy changed;
};

QString idOfRow(int n)
{
    return u"s-%1"_s.arg(n, 17, 10, QLatin1Char('0'));
}

// Host names that sort in a different order from the IDs.
SourceServer numberedServer(int n, qint64 lagMs = 1000)
{
    return ServerBuilder(idOfRow(n))
        .hostname(u"host-%1"_s.arg((n * 7919) % 1009, 4, 10, QLatin1Char('0')))
        .replication(RS::Continuous)
        .lagMs(lagMs)
        .lifeCycle(n % 3 == 0 ? LC::Testing : LC::ReadyForTest);
}

QStringList selectedIds(const QItemSelectionModel &selection)
{
    QStringList ids;
    for (const QModelIndex &index : selection.selectedRows())
        ids.append(index.data(SourceServerTableModel::ServerIdRole).toString());
    ids.sort();
    return ids;
}

} // namespace

// A page of new servers whose names fall among the rows already shown.
void TestSourceServerFilterProxyModel::pageLandsInOneInsertionAndOneLayoutChange()
{
    m_table->clear();
    QList<SourceServer> first;
    for (int n = 0; n < 200; n += 2)
        first.append(numberedServer(n));
    m_table->upsert(first);
    m_proxy->sort(int(Column::Name), Qt::AscendingOrder);
    QItemSelectionModel selection(m_proxy.get());
    const QPersistentModelIndex current = m_proxy->index(37, 3);
    const QString currentId = current.data(SourceServerTableModel::ServerIdRole).toString();
    selection.setCurrentIndex(current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    QList<SourceServer> page;
    for (int n = 1; n < 200; n += 2)
        page.append(numberedServer(n));
    ProxySignals signalLog(m_proxy.get());
    m_table->upsert(page);

    QCOMPARE(signalLog.inserted.size(), 1);
    QCOMPARE(signalLog.inserted.first().at(1).toInt(), 100);
    QCOMPARE(signalLog.inserted.first().at(2).toInt(), 199);
    QCOMPARE(signalLog.layouts.size(), 1);
    QCOMPARE(signalLog.removed.size(), 0);
    QCOMPARE(signalLog.resets.size(), 0);
    QCOMPARE(m_proxy->rowCount(), 200);
    QStringList names;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        names.append(m_proxy->index(row, int(Column::Name)).data().toString());
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);
    QCOMPARE(current.data(SourceServerTableModel::ServerIdRole).toString(), currentId);
    QCOMPARE(current.column(), 3);
    QCOMPARE(selection.currentIndex(), QModelIndex(current));
    QCOMPARE(selectedIds(selection), QStringList { currentId });
}

void TestSourceServerFilterProxyModel::pageAfterTheLastRowNeedsNoLayoutChange()
{
    m_proxy->sort(int(Column::Name), Qt::AscendingOrder);
    ProxySignals signalLog(m_proxy.get());
    m_table->upsert({ ServerBuilder(u"s-000000000000000z9"_s).hostname(u"zz-last"_s) });
    QCOMPARE(signalLog.inserted.size(), 1);
    QCOMPARE(signalLog.layouts.size(), 0);
    QCOMPARE(proxyIds(*m_proxy).last(), u"s-000000000000000z9"_s);
}

void TestSourceServerFilterProxyModel::scatteredRowsLeaveInOneRemoval()
{
    m_table->clear();
    QList<SourceServer> fleet;
    for (int n = 0; n < 300; ++n)
        fleet.append(numberedServer(n));
    m_table->merge(fleet);
    m_proxy->sort(int(Column::Name), Qt::AscendingOrder);
    QItemSelectionModel selection(m_proxy.get());
    // Select every Ready for testing server that sits at an even row.
    QStringList kept;
    for (int row = 0; row < m_proxy->rowCount(); row += 2) {
        const QModelIndex index = m_proxy->index(row, 0);
        const SourceServer *server = m_table->serverAt(m_proxy->mapToSource(index).row());
        if (server->lifeCycle->state->value() == LC::ReadyForTest) {
            selection.select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
            kept.append(server->id());
        }
    }
    kept.sort();
    QVERIFY(kept.size() > 50);

    ProxySignals signalLog(m_proxy.get());
    m_proxy->setLifeCycleStates({ LC::ReadyForTest });
    QCOMPARE(signalLog.removed.size(), 1);
    QCOMPARE(signalLog.removed.first().at(1).toInt(), 200);
    QCOMPARE(signalLog.removed.first().at(2).toInt(), 299);
    QCOMPARE(signalLog.layouts.size(), 1);
    QCOMPARE(signalLog.inserted.size(), 0);
    QCOMPARE(m_proxy->rowCount(), 200);
    QCOMPARE(selectedIds(selection), kept);

    // And back: the 100 Testing servers come in one insertion.
    signalLog.layouts.clear();
    m_proxy->setLifeCycleStates({});
    QCOMPARE(signalLog.inserted.size(), 1);
    QCOMPARE(signalLog.layouts.size(), 1);
    QCOMPARE(m_proxy->rowCount(), 300);
    QCOMPARE(selectedIds(selection), kept);
}

void TestSourceServerFilterProxyModel::aBlockOfRowsLeavesWithoutALayoutChange()
{
    // Unsorted, the Testing servers 0..9 are rows 0..9.
    m_table->clear();
    QList<SourceServer> fleet;
    for (int n = 0; n < 20; ++n)
        fleet.append(ServerBuilder(idOfRow(n)).lifeCycle(n < 10 ? LC::Testing : LC::Cutover));
    m_table->merge(fleet);
    ProxySignals signalLog(m_proxy.get());
    m_proxy->setLifeCycleStates({ LC::Cutover });
    QCOMPARE(signalLog.layouts.size(), 0);
    QCOMPARE(signalLog.removed.size(), 1);
    QCOMPARE(signalLog.removed.first().at(1).toInt(), 0);
    QCOMPARE(signalLog.removed.first().at(2).toInt(), 9);
    QCOMPARE(proxyIds(*m_proxy).first(), idOfRow(10));
}

void TestSourceServerFilterProxyModel::keyChangeMovesOnlyWhenOutOfOrder()
{
    m_table->clear();
    QList<SourceServer> fleet;
    for (int n = 0; n < 10; ++n)
        fleet.append(numberedServer(n, (n + 1) * 1000));
    m_table->merge(fleet);
    m_proxy->sort(int(Column::Lag), Qt::AscendingOrder);
    QCOMPARE(proxyIds(*m_proxy).first(), idOfRow(0));

    // Still between its neighbours: data changes, the order does not.
    ProxySignals signalLog(m_proxy.get());
    fleet[4] = numberedServer(4, 5500);
    m_table->merge(fleet);
    QCOMPARE(signalLog.layouts.size(), 0);
    QCOMPARE(signalLog.changed.size(), 1);
    QCOMPARE(signalLog.changed.first().at(0).value<QModelIndex>().row(), 4);

    // Past every other: one layout change moves it to the end.
    fleet[0] = numberedServer(0, 99000);
    m_table->merge(fleet);
    QCOMPARE(signalLog.layouts.size(), 1);
    QCOMPARE(signalLog.inserted.size() + signalLog.removed.size(), 0);
    QCOMPARE(proxyIds(*m_proxy).last(), idOfRow(0));
    QCOMPARE(signalLog.changed.last().at(0).value<QModelIndex>().row(), 9);
}

void TestSourceServerFilterProxyModel::unsortedFollowsTheSource_data()
{
    QTest::addColumn<int>("column");
    QTest::newRow("-1") << -1;
    QTest::newRow("past the last column") << int(SourceServerTableModel::ColumnCount);
    QTest::newRow("below -1") << -5;
}

void TestSourceServerFilterProxyModel::unsortedFollowsTheSource()
{
    QFETCH(int, column);
    m_proxy->setArchivedView(ArchivedView::All);
    m_proxy->sort(int(Column::Name), Qt::DescendingOrder);
    m_proxy->sort(column);
    QCOMPARE(m_proxy->sortColumn(), -1);
    QStringList tableOrder;
    for (int row = 0; row < m_table->rowCount(); ++row)
        tableOrder.append(m_table->serverAt(row)->id());
    QCOMPARE(proxyIds(*m_proxy), tableOrder);
    m_table->upsert({ ServerBuilder(u"s-0000000000000000"_s).hostname(u"aaa"_s) });
    QCOMPARE(proxyIds(*m_proxy).last(), u"s-0000000000000000"_s);
}

// Whatever the sequence of pages, refreshes, removals, filters and sorts, the
// rows kept up to date one change at a time are the rows a fresh proxy shows,
// and a persistent index stays on its server.
void TestSourceServerFilterProxyModel::incrementalEqualsRebuilt()
{
    m_table->clear();
    std::mt19937 random(20261123);
    const auto pick = [&random](int bound) { return int(random() % std::uint32_t(bound)); };
    const QList<int> columns { int(Column::Name), int(Column::Lag), int(Column::LifeCycle), int(Column::Id),
        -1 };
    QPersistentModelIndex tracked;
    QString trackedId;
    for (int step = 0; step < 400; ++step) {
        switch (pick(6)) {
        case 0:
        case 1: {
            QList<SourceServer> page;
            for (int i = pick(40); i >= 0; --i)
                page.append(numberedServer(pick(500), 1000 * pick(50)));
            m_table->upsert(page);
            break;
        }
        case 2: {
            QStringList ids;
            for (int i = pick(20); i >= 0; --i)
                ids.append(idOfRow(pick(500)));
            m_table->removeIds(ids);
            break;
        }
        case 3:
            m_proxy->sort(
                columns.at(pick(int(columns.size()))), pick(2) ? Qt::AscendingOrder : Qt::DescendingOrder);
            break;
        case 4: {
            const QList<QList<LC>> states { {}, { LC::Testing }, { LC::ReadyForTest } };
            m_proxy->setLifeCycleStates(states.at(pick(3)));
            break;
        }
        default:
            m_proxy->setFilterText(pick(2) ? QString() : u"host-0%1"_s.arg(pick(10)));
            break;
        }

        SourceServerFilterProxyModel fresh;
        fresh.setLifeCycleStates(m_proxy->lifeCycleStates());
        fresh.setFilterText(m_proxy->filterText());
        fresh.setSourceModel(m_table.get());
        fresh.sort(m_proxy->sortColumn(), m_proxy->sortOrder());
        QCOMPARE(proxyIds(*m_proxy), proxyIds(fresh));

        if (tracked.isValid()) {
            QCOMPARE(tracked.data(SourceServerTableModel::ServerIdRole).toString(), trackedId);
        } else if (m_proxy->rowCount() > 0) {
            tracked = m_proxy->index(pick(m_proxy->rowCount()), 0);
            trackedId = tracked.data(SourceServerTableModel::ServerIdRole).toString();
        }
    }
}

void TestSourceServerFilterProxyModel::sourceResetAndDestroyed()
{
    m_proxy->sort(int(Column::Name), Qt::AscendingOrder);
    ProxySignals signalLog(m_proxy.get());
    m_table->clear();
    QCOMPARE(signalLog.resets.size(), 1);
    QCOMPARE(m_proxy->rowCount(), 0);
    m_table->merge(sampleFleet());
    QCOMPARE(m_proxy->rowCount(), 5);

    m_tester.reset();
    m_table.reset();
    QCOMPARE(m_proxy->rowCount(), 0);
    QVERIFY(!m_proxy->index(0, 0).isValid());
    QCOMPARE(m_proxy->sourceServerModel(), nullptr);
}

QTEST_GUILESS_MAIN(TestSourceServerFilterProxyModel)
#include "tst_sourceserverfilterproxymodel.moc"
