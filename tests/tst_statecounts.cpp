#include "models/itemmodels/SourceServerTableModel.h"
#include "models/rules/StateCounts.h"
#include "tests/support/ServerBuilder.h"

#include <QTest>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;
using mgn::DataReplicationState;
using mgn::LifeCycleState;
using mgn::StateCounts;

class TestStateCounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyModel();
    void countsPerLifeCycleInOrder();
    void archivedAreCountedApart();
    void attentionCountsStalledLaggingAndErrors();
    void unknownAndMissingStatesComeLast();
    void followsTheModel();
};

void TestStateCounts::emptyModel()
{
    mgn::SourceServerTableModel model;
    const StateCounts counts = StateCounts::of(model);
    QCOMPARE(counts.total(), 0);
    QVERIFY(counts.lifeCycles().isEmpty());
    QCOMPARE(counts.summary(), QString());
    QVERIFY(counts.details().contains(u"Archived: 0"_s));
}

void TestStateCounts::countsPerLifeCycleInOrder()
{
    mgn::SourceServerTableModel model;
    model.merge({ ServerBuilder(u"s-1"_s).lifeCycle(LifeCycleState::Testing),
        ServerBuilder(u"s-2"_s).lifeCycle(LifeCycleState::ReadyForTest),
        ServerBuilder(u"s-3"_s).lifeCycle(LifeCycleState::Testing),
        ServerBuilder(u"s-4"_s).lifeCycle(LifeCycleState::NotReady) });
    const StateCounts counts = StateCounts::of(model);
    QCOMPARE(counts.total(), 4);
    const QList<StateCounts::Entry> expected { { u"Not ready"_s, 1 }, { u"Ready for testing"_s, 1 },
        { u"Test in progress"_s, 2 } };
    QCOMPARE(counts.lifeCycles(), expected);
    QCOMPARE(counts.summary(), u"Not ready 1 \u00b7 Ready for testing 1 \u00b7 Test in progress 2"_s);
    QVERIFY(counts.details().contains(u"Test in progress: 2"_s));
}

void TestStateCounts::archivedAreCountedApart()
{
    mgn::SourceServerTableModel model;
    model.merge({ ServerBuilder(u"s-1"_s).lifeCycle(LifeCycleState::Cutover).archived(),
        ServerBuilder(u"s-2"_s).lifeCycle(LifeCycleState::Cutover) });
    const StateCounts counts = StateCounts::of(model);
    QCOMPARE(counts.archived(), 1);
    QCOMPARE(counts.lifeCycles().size(), 1);
    QCOMPARE(counts.lifeCycles().first().count, 1);
    QVERIFY(counts.summary().endsWith(u"Archived 1"_s));
}

void TestStateCounts::attentionCountsStalledLaggingAndErrors()
{
    mgn::SourceServerTableModel model;
    model.merge({ ServerBuilder(u"s-1"_s)
                      .lifeCycle(LifeCycleState::NotReady)
                      .replication(DataReplicationState::Stalled),
        ServerBuilder(u"s-2"_s)
            .lifeCycle(LifeCycleState::ReadyForTest)
            .replication(DataReplicationState::Continuous)
            .lagMs(3 * 3600 * 1000),
        ServerBuilder(u"s-3"_s)
            .lifeCycle(LifeCycleState::NotReady)
            .replication(DataReplicationState::Initiating)
            .replicationError(mgn::DataReplicationErrorString::AgentNotSeen),
        ServerBuilder(u"s-4"_s)
            .lifeCycle(LifeCycleState::ReadyForTest)
            .replication(DataReplicationState::Continuous)
            .lagMs(1000),
        // Archived servers need nothing.
        ServerBuilder(u"s-5"_s).replication(DataReplicationState::Stalled).archived() });
    const StateCounts counts = StateCounts::of(model);
    QCOMPARE(counts.needsAttention(), 3);
    QVERIFY(counts.summary().startsWith(u"Needing attention 3"_s));
}

void TestStateCounts::unknownAndMissingStatesComeLast()
{
    mgn::SourceServerTableModel model;
    model.merge({ ServerBuilder(u"s-1"_s).lifeCycleWire(u"HIBERNATING"_s),
        ServerBuilder(u"s-2"_s).lifeCycle(LifeCycleState::Stopped) });
    const StateCounts counts = StateCounts::of(model);
    QCOMPARE(counts.lifeCycles().size(), 2);
    QCOMPARE(counts.lifeCycles().first().label, u"Stopped"_s);
    QVERIFY(counts.lifeCycles().last().label.contains(u"HIBERNATING"_s));
}

void TestStateCounts::followsTheModel()
{
    mgn::SourceServerTableModel model;
    model.merge({ ServerBuilder(u"s-1"_s).lifeCycle(LifeCycleState::ReadyForTest) });
    QCOMPARE(StateCounts::of(model).lifeCycles().first().label, u"Ready for testing"_s);
    model.upsert({ ServerBuilder(u"s-1"_s).lifeCycle(LifeCycleState::Testing) });
    QCOMPARE(StateCounts::of(model).lifeCycles().first().label, u"Test in progress"_s);
    model.merge({});
    QCOMPARE(StateCounts::of(model).total(), 0);
}

QTEST_GUILESS_MAIN(TestStateCounts)
#include "tst_statecounts.moc"
