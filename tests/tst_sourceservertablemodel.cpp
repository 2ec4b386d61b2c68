#include "models/itemmodels/SourceServerTableModel.h"
#include "models/rules/ConsoleStatus.h"
#include "tests/support/ServerBuilder.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <random>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;
using mgn::SourceServer;
using mgn::SourceServerTableModel;
using Column = SourceServerTableModel::Column;
using Stats = SourceServerTableModel::MergeStats;
using LC = mgn::LifeCycleState;
using RS = mgn::DataReplicationState;

Q_DECLARE_METATYPE(mgn::SourceServer)

namespace {

QString idOf(int i)
{
    return u"s-%1"_s.arg(i, 17, 16, QLatin1Char('0'));
}

QList<SourceServer> fleet(int count)
{
    QList<SourceServer> servers;
    servers.reserve(count);
    for (int i = 0; i < count; ++i) {
        servers.append(ServerBuilder(idOf(i))
                           .hostname(u"host-%1"_s.arg(i))
                           .lifeCycle(LC::ReadyForTest)
                           .replication(RS::Continuous)
                           .lagMs(1000 * i)
                           .build());
    }
    return servers;
}

QStringList idsInRowOrder(const SourceServerTableModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.data(model.index(row, 0), SourceServerTableModel::ServerIdRole).toString());
    return ids;
}

QStringList idsOf(const QList<SourceServer> &servers)
{
    QStringList ids;
    for (const auto &server : servers)
        ids.append(server.id());
    return ids;
}

// Every structural signal the model can emit, so a test can say "exactly
// these and nothing else".
struct SignalSpies {
    explicit SignalSpies(QAbstractItemModel *model)
        : dataChanged(model, &QAbstractItemModel::dataChanged)
        , rowsInserted(model, &QAbstractItemModel::rowsInserted)
        , rowsRemoved(model, &QAbstractItemModel::rowsRemoved)
        , rowsMoved(model, &QAbstractItemModel::rowsMoved)
        , modelReset(model, &QAbstractItemModel::modelReset)
        , layoutChanged(model, &QAbstractItemModel::layoutChanged)
        , headerDataChanged(model, &QAbstractItemModel::headerDataChanged)
    { }
    QSignalSpy dataChanged;
    QSignalSpy rowsInserted;
    QSignalSpy rowsRemoved;
    QSignalSpy rowsMoved;
    QSignalSpy modelReset;
    QSignalSpy layoutChanged;
    QSignalSpy headerDataChanged;

    int total() const
    {
        return int(dataChanged.size() + rowsInserted.size() + rowsRemoved.size() + rowsMoved.size()
            + modelReset.size() + layoutChanged.size() + headerDataChanged.size());
    }
};

QPair<int, int> rangeOf(const QList<QVariant> &rowsSignal)
{
    return { rowsSignal.at(1).toInt(), rowsSignal.at(2).toInt() };
}

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

QString local(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::LocalTime).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

} // namespace

class TestSourceServerTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyModel();
    void firstMergeInsertsOnce();
    void identicalMergeEmitsNothing();
    void oneChangedOfAThousand();
    void changedRowsInContiguousBlocks();
    void removalsOnePerContiguousBlock();
    void removeUpdateInsertTogether();
    void persistentIndexesAndSelectionSurvive();
    void duplicatesAndMissingIds();
    void randomStepsMatchAPlainReference();
    void upsertNeverRemoves();
    void mergeKeepsServersThatCouldNotBeRead();
    void removeIds();
    void clearIsTheOnlyReset();
    void mergeIntoEmptyAfterRemovingAll();
    void lookups();

    void display_data();
    void display();
    void sortRole_data();
    void sortRole();
    void absentValuesHaveNoSortValue();
    void rolesOnEveryColumn();
    void headers();
    void lifeCycleOrder_data();
    void lifeCycleOrder();

private:
    std::unique_ptr<SourceServerTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSourceServerTableModel::init()
{
    m_model = std::make_unique<SourceServerTableModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestSourceServerTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestSourceServerTableModel::emptyModel()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->columnCount(), SourceServerTableModel::ColumnCount);
    QCOMPARE(m_model->serverAt(0), nullptr);
    QCOMPARE(m_model->rowOf(u"s-1"_s), -1);
    QVERIFY(!m_model->indexOf(u"s-1"_s).isValid());
    SignalSpies spies(m_model.get());
    m_model->clear();
    QCOMPARE(spies.total(), 0);
}

void TestSourceServerTableModel::firstMergeInsertsOnce()
{
    const auto servers = fleet(1000);
    SignalSpies spies(m_model.get());
    const Stats stats = m_model->merge(servers);
    QCOMPARE(stats, (Stats { 1000, 0, 0, 0, 0 }));
    QCOMPARE(spies.rowsInserted.size(), 1);
    QCOMPARE(rangeOf(spies.rowsInserted.first()), qMakePair(0, 999));
    QCOMPARE(spies.total(), 1);
    QCOMPARE(idsInRowOrder(*m_model), idsOf(servers));
}

void TestSourceServerTableModel::identicalMergeEmitsNothing()
{
    const auto servers = fleet(50);
    m_model->merge(servers);
    SignalSpies spies(m_model.get());
    QCOMPARE(m_model->merge(servers), (Stats { 0, 0, 0, 50, 0 }));
    QCOMPARE(spies.total(), 0);
}

void TestSourceServerTableModel::oneChangedOfAThousand()
{
    auto servers = fleet(1000);
    m_model->merge(servers);
    servers[417].dataReplicationInfo->lagDuration = 5;
    SignalSpies spies(m_model.get());
    QCOMPARE(m_model->merge(servers), (Stats { 0, 1, 0, 999, 0 }));
    QCOMPARE(spies.dataChanged.size(), 1);
    QCOMPARE(spies.total(), 1);
    const auto topLeft = spies.dataChanged.first().at(0).value<QModelIndex>();
    const auto bottomRight = spies.dataChanged.first().at(1).value<QModelIndex>();
    QCOMPARE(topLeft, m_model->index(417, 0));
    QCOMPARE(bottomRight, m_model->index(417, SourceServerTableModel::ColumnCount - 1));
    QCOMPARE(m_model->data(m_model->index(417, int(Column::Lag)), SourceServerTableModel::SortRole),
        QVariant(qint64(5)));
}

void TestSourceServerTableModel::changedRowsInContiguousBlocks()
{
    auto servers = fleet(20);
    m_model->merge(servers);
    // Changes at 2, 3, 4, 9 and 19: three blocks, reported top to bottom.
    for (const int row : { 4, 2, 3, 19, 9 })
        servers[row].tags = mgn::Tags { { u"wave"_s, u"2"_s } };
    SignalSpies spies(m_model.get());
    QCOMPARE(m_model->merge(servers).updated, 5);
    QCOMPARE(spies.dataChanged.size(), 3);
    const QList<QPair<int, int>> expected = { { 2, 4 }, { 9, 9 }, { 19, 19 } };
    for (int i = 0; i < 3; ++i) {
        const auto args = spies.dataChanged.at(i);
        QCOMPARE(args.at(0).value<QModelIndex>().row(), expected.at(i).first);
        QCOMPARE(args.at(1).value<QModelIndex>().row(), expected.at(i).second);
    }
    QCOMPARE(spies.total(), 3);
}

void TestSourceServerTableModel::removalsOnePerContiguousBlock()
{
    const auto servers = fleet(1000);
    m_model->merge(servers);
    QList<SourceServer> kept;
    for (int i = 0; i < servers.size(); ++i) {
        if ((i >= 3 && i <= 5) || i == 10 || (i >= 500 && i <= 599) || i == 999)
            continue;
        kept.append(servers.at(i));
    }
    SignalSpies spies(m_model.get());
    QCOMPARE(m_model->merge(kept), (Stats { 0, 0, 105, 895, 0 }));
    // Back to front, so each signal's rows are those of the model as it was.
    QCOMPARE(spies.rowsRemoved.size(), 4);
    QCOMPARE(rangeOf(spies.rowsRemoved.at(0)), qMakePair(999, 999));
    QCOMPARE(rangeOf(spies.rowsRemoved.at(1)), qMakePair(500, 599));
    QCOMPARE(rangeOf(spies.rowsRemoved.at(2)), qMakePair(10, 10));
    QCOMPARE(rangeOf(spies.rowsRemoved.at(3)), qMakePair(3, 5));
    QCOMPARE(spies.total(), 4);
    QCOMPARE(idsInRowOrder(*m_model), idsOf(kept));
    for (int row = 0; row < kept.size(); ++row)
        QCOMPARE(m_model->rowOf(kept.at(row).id()), row);
    QCOMPARE(m_model->rowOf(idOf(4)), -1);
}

void TestSourceServerTableModel::removeUpdateInsertTogether()
{
    const auto servers = fleet(10);
    m_model->merge(servers);
    // The next snapshot: 1 and 2 gone, 6 changed, two new servers, the rest
    // in a different order (the service's order does not move rows).
    QList<SourceServer> next
        = { servers[9], servers[0], servers[3], servers[4], servers[5], servers[6], servers[7], servers[8] };
    next[5].lifeCycle->state = mgn::EnumValue<LC>(LC::Testing);
    next.insert(2, ServerBuilder(u"s-new-a"_s).hostname(u"alpha"_s));
    next.append(ServerBuilder(u"s-new-b"_s).hostname(u"beta"_s));

    SignalSpies spies(m_model.get());
    QCOMPARE(m_model->merge(next), (Stats { 2, 1, 2, 7, 0 }));
    QCOMPARE(spies.dataChanged.size(), 1);
    QCOMPARE(spies.dataChanged.first().at(0).value<QModelIndex>().row(), 6); // before the removal
    QCOMPARE(spies.rowsRemoved.size(), 1);
    QCOMPARE(rangeOf(spies.rowsRemoved.first()), qMakePair(1, 2));
    QCOMPARE(spies.rowsInserted.size(), 1);
    QCOMPARE(rangeOf(spies.rowsInserted.first()), qMakePair(8, 9));
    QCOMPARE(spies.total(), 3);
    QCOMPARE(idsInRowOrder(*m_model),
        (QStringList { idOf(0), idOf(3), idOf(4), idOf(5), idOf(6), idOf(7), idOf(8), idOf(9), u"s-new-a"_s,
            u"s-new-b"_s }));
    QCOMPARE(m_model->serverAt(4)->lifeCycleState(), LC::Testing);
}

void TestSourceServerTableModel::persistentIndexesAndSelectionSurvive()
{
    auto servers = fleet(100);
    m_model->merge(servers);
    QItemSelectionModel selection(m_model.get());
    selection.select(m_model->index(60, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection.setCurrentIndex(m_model->index(60, 0), QItemSelectionModel::NoUpdate);
    const QPersistentModelIndex persistent = m_model->index(60, int(Column::Lag));

    QList<SourceServer> next = servers.mid(20); // the first 20 are gone
    next[40].dataReplicationInfo->lagDuration = 1; // server 60 changes
    next.append(ServerBuilder(u"s-late"_s));
    m_model->merge(next);

    QVERIFY(persistent.isValid());
    QCOMPARE(persistent.row(), 40);
    QCOMPARE(persistent.data(SourceServerTableModel::ServerIdRole).toString(), idOf(60));
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(
        selection.selectedRows().first().data(SourceServerTableModel::ServerIdRole).toString(), idOf(60));
    QCOMPARE(selection.currentIndex().data(SourceServerTableModel::ServerIdRole).toString(), idOf(60));

    // The selected server vanishing takes its selection with it, and nothing else.
    next.removeAt(40);
    m_model->merge(next);
    QVERIFY(!persistent.isValid());
    QVERIFY(selection.selectedRows().isEmpty());
}

void TestSourceServerTableModel::duplicatesAndMissingIds()
{
    SourceServer noId = ServerBuilder(QString()).hostname(u"ghost"_s);
    noId.sourceServerID.reset();
    const SourceServer emptyId = ServerBuilder(QString()).hostname(u"empty"_s);
    const SourceServer first = ServerBuilder(u"s-dup"_s).hostname(u"first"_s);
    const SourceServer last = ServerBuilder(u"s-dup"_s).hostname(u"last"_s);
    SignalSpies spies(m_model.get());
    QCOMPARE(
        m_model->merge({ noId, first, emptyId, ServerBuilder(u"s-1"_s), last }), (Stats { 2, 0, 0, 0, 3 }));
    QCOMPARE(spies.rowsInserted.size(), 1);
    // The last occurrence wins, and takes its place in the input order.
    QCOMPARE(idsInRowOrder(*m_model), (QStringList { u"s-1"_s, u"s-dup"_s }));
    QCOMPARE(m_model->data(m_model->index(1, int(Column::Name))).toString(), u"last"_s);
}

// Merges and upserts of random snapshots (duplicates, missing IDs, new,
// changed and vanished servers, kept IDs) against the rules written out
// plainly: the rows, their order, the ID index and the counts must agree.
void TestSourceServerTableModel::randomStepsMatchAPlainReference()
{
    std::mt19937 random(20261203);
    const auto pick = [&random](int bound) { return int(random() % std::uint32_t(bound)); };
    QList<SourceServer> expected;
    int version = 0;
    for (int step = 0; step < 300; ++step) {
        QList<SourceServer> input;
        const int count = pick(step % 25 == 0 ? 60 : 25);
        for (int i = 0; i < count; ++i) {
            SourceServer server
                = ServerBuilder(idOf(pick(50))).hostname(u"v%1"_s.arg(pick(4) == 0 ? ++version : 0));
            if (pick(30) == 0)
                server.sourceServerID.reset();
            input.append(server);
        }
        const bool removeMissing = pick(3) != 0;
        QSet<QString> keep;
        for (int i = pick(3); i > 0; --i)
            keep.insert(idOf(pick(50)));

        Stats stats;
        QHash<QString, qsizetype> lastOccurrence;
        for (qsizetype i = 0; i < input.size(); ++i) {
            if (input.at(i).id().isEmpty())
                ++stats.ignored;
            else if (lastOccurrence.contains(input.at(i).id()))
                ++stats.ignored;
            lastOccurrence.insert(input.at(i).id(), i);
        }
        lastOccurrence.remove(QString());
        QList<SourceServer> next;
        for (const SourceServer &row : std::as_const(expected)) {
            const auto it = lastOccurrence.constFind(row.id());
            if (it == lastOccurrence.constEnd()) {
                if (removeMissing && !keep.contains(row.id()))
                    ++stats.removed;
                else
                    next.append(row);
            } else {
                next.append(input.at(*it));
                ++(row == input.at(*it) ? stats.unchanged : stats.updated);
            }
        }
        for (qsizetype i = 0; i < input.size(); ++i) {
            const QString id = input.at(i).id();
            const bool known = std::any_of(expected.cbegin(), expected.cend(),
                [&id](const SourceServer &row) { return row.id() == id; });
            if (!id.isEmpty() && !known && lastOccurrence.value(id) == i) {
                next.append(input.at(i));
                ++stats.inserted;
            }
        }
        expected = next;

        const Stats actual = removeMissing ? m_model->merge(input, keep) : m_model->upsert(input);
        QCOMPARE(actual, stats);
        QCOMPARE(m_model->servers(), expected);
        for (int i = 0; i < 50; ++i) {
            const auto it = std::find_if(expected.cbegin(), expected.cend(),
                [&i](const SourceServer &row) { return row.id() == idOf(i); });
            QCOMPARE(m_model->rowOf(idOf(i)), it == expected.cend() ? -1 : int(it - expected.cbegin()));
        }
    }
}

void TestSourceServerTableModel::upsertNeverRemoves()
{
    auto servers = fleet(10);
    m_model->merge(servers);
    auto changed = servers[7];
    changed.lifeCycle->state = mgn::EnumValue<LC>(LC::Testing);
    SignalSpies spies(m_model.get());
    QCOMPARE(m_model->upsert({ changed, ServerBuilder(u"s-extra"_s) }), (Stats { 1, 1, 0, 0, 0 }));
    QCOMPARE(spies.rowsRemoved.size(), 0);
    QCOMPARE(spies.dataChanged.size(), 1);
    QCOMPARE(spies.rowsInserted.size(), 1);
    QCOMPARE(m_model->rowCount(), 11);
    QCOMPARE(m_model->serverAt(7)->lifeCycleState(), LC::Testing);
    // An empty page changes nothing.
    QCOMPARE(m_model->upsert({}), Stats {});
    QCOMPARE(m_model->rowCount(), 11);
}

void TestSourceServerTableModel::mergeKeepsServersThatCouldNotBeRead()
{
    const auto servers = fleet(5);
    m_model->merge(servers);
    // s-1 was listed but did not decode; s-3 is really gone.
    QList<SourceServer> next = { servers[0], servers[2], servers[4] };
    SignalSpies spies(m_model.get());
    QCOMPARE(m_model->merge(next, { idOf(1), u"s-never-seen"_s }), (Stats { 0, 0, 1, 3, 0 }));
    QCOMPARE(idsInRowOrder(*m_model), (QStringList { idOf(0), idOf(1), idOf(2), idOf(4) }));
    QCOMPARE(*m_model->serverAt(1), servers[1]);
    QCOMPARE(spies.rowsRemoved.size(), 1);
    QCOMPARE(rangeOf(spies.rowsRemoved.first()), qMakePair(3, 3));
}

void TestSourceServerTableModel::removeIds()
{
    m_model->merge(fleet(10));
    SignalSpies spies(m_model.get());
    QCOMPARE(m_model->removeIds({ idOf(8), idOf(1), u"s-unknown"_s, idOf(2), idOf(8), idOf(9) }), 4);
    QCOMPARE(spies.rowsRemoved.size(), 2);
    QCOMPARE(rangeOf(spies.rowsRemoved.at(0)), qMakePair(8, 9));
    QCOMPARE(rangeOf(spies.rowsRemoved.at(1)), qMakePair(1, 2));
    QCOMPARE(spies.total(), 2);
    QCOMPARE(idsInRowOrder(*m_model), (QStringList { idOf(0), idOf(3), idOf(4), idOf(5), idOf(6), idOf(7) }));
    QCOMPARE(m_model->rowOf(idOf(7)), 5);
}

void TestSourceServerTableModel::clearIsTheOnlyReset()
{
    m_model->merge(fleet(5));
    SignalSpies spies(m_model.get());
    m_model->clear();
    QCOMPARE(spies.modelReset.size(), 1);
    QCOMPARE(spies.total(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->rowOf(idOf(0)), -1);
}

void TestSourceServerTableModel::mergeIntoEmptyAfterRemovingAll()
{
    m_model->merge(fleet(5));
    SignalSpies spies(m_model.get());
    QCOMPARE(m_model->merge({}), (Stats { 0, 0, 5, 0, 0 }));
    QCOMPARE(spies.rowsRemoved.size(), 1);
    QCOMPARE(rangeOf(spies.rowsRemoved.first()), qMakePair(0, 4));
    QCOMPARE(spies.modelReset.size(), 0);
    QCOMPARE(m_model->merge(fleet(2)), (Stats { 2, 0, 0, 0, 0 }));
    QCOMPARE(m_model->rowOf(idOf(1)), 1);
}

void TestSourceServerTableModel::lookups()
{
    const auto servers = fleet(3);
    m_model->merge(servers);
    QCOMPARE(m_model->rowOf(idOf(2)), 2);
    QCOMPARE(m_model->indexOf(idOf(1), Column::Lag), m_model->index(1, int(Column::Lag)));
    QCOMPARE(*m_model->serverAt(1), servers.at(1));
    QCOMPARE(m_model->serverAt(3), nullptr);
    QCOMPARE(m_model->serverAt(-1), nullptr);
    QCOMPARE(m_model->servers(), servers);
}

void TestSourceServerTableModel::display_data()
{
    QTest::addColumn<SourceServer>("server");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");

    const qint64 eta = utc("2026-11-23T15:04:05Z");
    const auto id = u"s-0123456789abcdef0"_s;
    QTest::newRow("name: hostname") << ServerBuilder(id).hostname(u"web-01"_s).fqdn(u"web-01.corp"_s).build()
                                    << int(Column::Name) << u"web-01"_s;
    QTest::newRow("name: FQDN without hostname")
        << ServerBuilder(id).fqdn(u"db.corp.example"_s).build() << int(Column::Name) << u"db.corp.example"_s;
    QTest::newRow("name: ID without hints") << ServerBuilder(id).build() << int(Column::Name) << id;
    QTest::newRow("name: empty hostname falls back")
        << ServerBuilder(id).hostname(QString()).fqdn(u"f.example"_s).build() << int(Column::Name)
        << u"f.example"_s;
    QTest::newRow("alerts: none") << ServerBuilder(id).replication(RS::Continuous).lagMs(1000).build()
                                  << int(Column::Alerts) << QString();
    QTest::newRow("alerts: stalled") << ServerBuilder(id).replication(RS::Stalled).launched(u"i-1"_s).build()
                                     << int(Column::Alerts) << u"Stalled"_s;
    QTest::newRow("alerts: lagging")
        << ServerBuilder(id).replication(RS::Continuous).lagMs(2 * 3600 * 1000).build() << int(Column::Alerts)
        << u"Lagging"_s;
    QTest::newRow("alerts: launched")
        << ServerBuilder(id).replication(RS::Continuous).launched(u"i-1"_s).build() << int(Column::Alerts)
        << u"Launched"_s;
    QTest::newRow("lifecycle: ready for testing") << ServerBuilder(id).lifeCycle(LC::ReadyForTest).build()
                                                  << int(Column::LifeCycle) << u"Ready for testing"_s;
    QTest::newRow("lifecycle: unknown kept raw") << ServerBuilder(id).lifeCycleWire(u"HIBERNATING"_s).build()
                                                 << int(Column::LifeCycle) << u"HIBERNATING"_s;
    QTest::newRow("lifecycle: absent") << ServerBuilder(id).build() << int(Column::LifeCycle) << QString();
    QTest::newRow("replication: initial sync %")
        << ServerBuilder(id).replication(RS::InitialSync).disk(1000, 250).disk(1000, 170).build()
        << int(Column::DataReplicationStatus) << u"Initial sync 21%"_s;
    QTest::newRow("replication: healthy") << ServerBuilder(id).replication(RS::Continuous).lagMs(5000).build()
                                          << int(Column::DataReplicationStatus) << u"Healthy"_s;
    QTest::newRow("replication: lag")
        << ServerBuilder(id).replication(RS::Continuous).lagMs(3723000 + 3600000).build()
        << int(Column::DataReplicationStatus) << u"Lag 02:02:03"_s;
    QTest::newRow("replication: not started")
        << ServerBuilder(id).build() << int(Column::DataReplicationStatus) << u"Not started"_s;
    QTest::newRow("type: agent")
        << ServerBuilder(id).replicationType(mgn::ReplicationType::AgentBased).build()
        << int(Column::ReplicationType) << u"Agent-based"_s;
    QTest::newRow("type: snapshot shipping")
        << ServerBuilder(id).replicationType(mgn::ReplicationType::SnapshotShipping).build()
        << int(Column::ReplicationType) << u"Agentless (snapshot shipping)"_s;
    QTest::newRow("type: absent") << ServerBuilder(id).build() << int(Column::ReplicationType) << QString();
    QTest::newRow("progress: floors")
        << ServerBuilder(id).disk(1000, 999).build() << int(Column::Progress) << u"99%"_s;
    QTest::newRow("progress: complete")
        << ServerBuilder(id).disk(1000, 1000).build() << int(Column::Progress) << u"100%"_s;
    QTest::newRow("progress: unknown") << ServerBuilder(id).build() << int(Column::Progress) << QString();
    QTest::newRow("lag") << ServerBuilder(id).lagMs(3723000).build() << int(Column::Lag) << u"01:02:03"_s;
    QTest::newRow("lag: over a day") << ServerBuilder(id).lagMs(49LL * 3600 * 1000).build()
                                     << int(Column::Lag) << u"49:00:00"_s;
    QTest::newRow("lag: unknown") << ServerBuilder(id).replication(RS::InitialSync).build()
                                  << int(Column::Lag) << QString();
    QTest::newRow("eta") << ServerBuilder(id).eta(eta).build() << int(Column::Eta) << local(eta);
    QTest::newRow("last snapshot") << ServerBuilder(id).lastSnapshot(eta).build() << int(Column::LastSnapshot)
                                   << local(eta);
    QTest::newRow("last seen") << ServerBuilder(id).lastSeen(eta).build() << int(Column::LastSeen)
                               << local(eta);
    QTest::newRow("last seen: never") << ServerBuilder(id).build() << int(Column::LastSeen) << QString();
    QTest::newRow("next step: test")
        << ServerBuilder(id).lifeCycle(LC::ReadyForTest).replication(RS::Continuous).lagMs(0).build()
        << int(Column::NextStep) << u"Launch test instance"_s;
    QTest::newRow("next step: wait")
        << ServerBuilder(id).lifeCycle(LC::NotReady).replication(RS::InitialSync).build()
        << int(Column::NextStep) << u"Wait for initial sync to complete"_s;
    QTest::newRow("id") << ServerBuilder(id).hostname(u"h"_s).build() << int(Column::Id) << id;
    QTest::newRow("os") << ServerBuilder(id).os(u"Ubuntu 22.04.3 LTS"_s).build()
                        << int(Column::OperatingSystem) << u"Ubuntu 22.04.3 LTS"_s;
    QTest::newRow("ip: primary NIC")
        << ServerBuilder(id).nic({ u"10.0.0.9"_s }, false).nic({ u"10.1.0.4"_s, u"fe80::1"_s }, true).build()
        << int(Column::IpAddress) << u"10.1.0.4, fe80::1"_s;
    QTest::newRow("ip: first NIC with an IP")
        << ServerBuilder(id).nic({}, true).nic({ u"10.0.0.9"_s }, false).build() << int(Column::IpAddress)
        << u"10.0.0.9"_s;
}

void TestSourceServerTableModel::display()
{
    QFETCH(SourceServer, server);
    QFETCH(int, column);
    QFETCH(QString, text);
    m_model->merge({ server });
    QCOMPARE(m_model->data(m_model->index(0, column)).toString(), text);
}

void TestSourceServerTableModel::sortRole_data()
{
    QTest::addColumn<SourceServer>("server");
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");

    const qint64 when = utc("2026-11-23T15:04:05.250Z");
    const auto id = u"s-0123456789ABCDEF0"_s;
    QTest::newRow("name lowercase") << ServerBuilder(id).hostname(u"Web-01"_s).build() << int(Column::Name)
                                    << QVariant(u"web-01"_s);
    QTest::newRow("alert ordinal") << ServerBuilder(id).replication(RS::Stalled).build()
                                   << int(Column::Alerts)
                                   << QVariant(int(mgn::ConsoleStatus::Alert::Stalled));
    QTest::newRow("lifecycle sequence")
        << ServerBuilder(id).lifeCycle(LC::Testing).build() << int(Column::LifeCycle) << QVariant(5);
    QTest::newRow("replication ordinal")
        << ServerBuilder(id).replication(RS::Continuous).build() << int(Column::DataReplicationStatus)
        << QVariant(int(RS::Continuous));
    QTest::newRow("progress raw") << ServerBuilder(id).disk(4, 1).build() << int(Column::Progress)
                                  << QVariant(0.25);
    QTest::newRow("lag ms") << ServerBuilder(id).lagMs(3723500).build() << int(Column::Lag)
                            << QVariant(qint64(3723500));
    QTest::newRow("eta ms") << ServerBuilder(id).eta(when).build() << int(Column::Eta) << QVariant(when);
    QTest::newRow("snapshot ms") << ServerBuilder(id).lastSnapshot(when).build() << int(Column::LastSnapshot)
                                 << QVariant(when);
    QTest::newRow("last seen ms") << ServerBuilder(id).lastSeen(when).build() << int(Column::LastSeen)
                                  << QVariant(when);
    QTest::newRow("id lowercase") << ServerBuilder(id).build() << int(Column::Id)
                                  << QVariant(u"s-0123456789abcdef0"_s);
    QTest::newRow("ipv4 numeric") << ServerBuilder(id).nic({ u"10.0.0.9"_s }, true).build()
                                  << int(Column::IpAddress) << QVariant(u"010.000.000.009"_s);
    QTest::newRow("ipv6 lowercase") << ServerBuilder(id).nic({ u"FE80::1"_s }, true).build()
                                    << int(Column::IpAddress) << QVariant(u"fe80::1"_s);
    const auto ipKey = [&id](const QString &ip, const QString &key) {
        QTest::addRow("ip key: %s", qPrintable(ip))
            << ServerBuilder(id).nic({ ip }, true).build() << int(Column::IpAddress) << QVariant(key);
    };
    ipKey(u"255.255.255.255"_s, u"255.255.255.255"_s);
    ipKey(u"0.0.0.0"_s, u"000.000.000.000"_s);
    ipKey(u"10.0.0.010"_s, u"010.000.000.010"_s);
    ipKey(u"10.0.0.256"_s, u"10.0.0.256"_s);
    ipKey(u"10.0.0"_s, u"10.0.0"_s);
    ipKey(u"10.0.0.1.2"_s, u"10.0.0.1.2"_s);
    ipKey(u"10..0.1"_s, u"10..0.1"_s);
    ipKey(u"10.0.0."_s, u"10.0.0."_s);
    ipKey(u"10.0.0.1A"_s, u"10.0.0.1a"_s);
    ipKey(u"::FFFF:10.0.0.1"_s, u"::ffff:10.0.0.1"_s);
}

void TestSourceServerTableModel::sortRole()
{
    QFETCH(SourceServer, server);
    QFETCH(int, column);
    QFETCH(QVariant, value);
    m_model->merge({ server });
    const QVariant actual = m_model->data(m_model->index(0, column), SourceServerTableModel::SortRole);
    QCOMPARE(actual.metaType(), value.metaType());
    QCOMPARE(actual, value);
}

void TestSourceServerTableModel::absentValuesHaveNoSortValue()
{
    // Only the ID: every column but the name, the alert and the ID has nothing to sort by.
    m_model->merge({ ServerBuilder(u"s-1"_s) });
    for (int column = 0; column < SourceServerTableModel::ColumnCount; ++column) {
        const QVariant value = m_model->data(m_model->index(0, column), SourceServerTableModel::SortRole);
        const auto c = Column(column);
        const bool present = c == Column::Name || c == Column::Alerts || c == Column::Id;
        QVERIFY2(value.isValid() == present, qPrintable(u"column %1"_s.arg(column)));
    }
}

void TestSourceServerTableModel::rolesOnEveryColumn()
{
    m_model->merge({ ServerBuilder(u"s-1"_s)
                         .replication(RS::Stalled)
                         .replicationError(mgn::DataReplicationErrorString::AgentNotSeen) });
    for (int column = 0; column < SourceServerTableModel::ColumnCount; ++column) {
        const QModelIndex index = m_model->index(0, column);
        QCOMPARE(index.data(SourceServerTableModel::ServerIdRole).toString(), u"s-1"_s);
        QCOMPARE(
            index.data(SourceServerTableModel::AlertRole).toInt(), int(mgn::ConsoleStatus::Alert::Stalled));
        QCOMPARE(
            index.data(SourceServerTableModel::HealthRole).toInt(), int(mgn::ConsoleStatus::Health::Stalled));
    }
    QCOMPARE(m_model->index(0, int(Column::DataReplicationStatus)).data(Qt::ToolTipRole).toString(),
        u"AGENT_NOT_SEEN"_s);
    QVERIFY(!m_model->index(0, int(Column::Name)).data(Qt::ToolTipRole).isValid());
    QCOMPARE(m_model->index(0, int(Column::Lag)).data(Qt::TextAlignmentRole).toInt(),
        int(Qt::AlignRight | Qt::AlignVCenter));
}

void TestSourceServerTableModel::headers()
{
    QStringList titles;
    for (int column = 0; column < SourceServerTableModel::ColumnCount; ++column) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        QVERIFY(!title.isEmpty());
        QVERIFY(!m_model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(!titles.contains(title));
        titles.append(title);
    }
    QCOMPARE(titles.first(), u"Source server name"_s);
    QVERIFY(!m_model->headerData(SourceServerTableModel::ColumnCount, Qt::Horizontal).isValid());
}

void TestSourceServerTableModel::lifeCycleOrder_data()
{
    QTest::addColumn<QString>("wire");
    QTest::addColumn<int>("order");
    const QStringList sequence
        = { u"DISCOVERED"_s, u"PENDING_INSTALLATION"_s, u"STOPPED"_s, u"NOT_READY"_s, u"READY_FOR_TEST"_s,
              u"TESTING"_s, u"READY_FOR_CUTOVER"_s, u"CUTTING_OVER"_s, u"CUTOVER"_s, u"DISCONNECTED"_s };
    for (int i = 0; i < sequence.size(); ++i)
        QTest::newRow(qPrintable(sequence.at(i))) << sequence.at(i) << i;
    QTest::newRow("unknown last") << u"HIBERNATING"_s << int(sequence.size());
}

void TestSourceServerTableModel::lifeCycleOrder()
{
    QFETCH(QString, wire);
    QFETCH(int, order);
    const auto state = mgn::EnumValue<LC>::fromWire(wire);
    QCOMPARE(SourceServerTableModel::lifeCycleOrder(state), order);
}

QTEST_GUILESS_MAIN(TestSourceServerTableModel)
#include "tst_sourceservertablemodel.moc"
