#include "app/services/LagHistory.h"
#include "tests/support/ServerBuilder.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;
using Sample = LagHistory::Sample;

class TestLagHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onePointPerRefresh();
    void unknownLagIsAGap();
    void capPerServer();
    void sameTimeReplaces();
    void retain();
    void survivesARestart();
    void damagedCacheIsRefused_data();
    void damagedCacheIsRefused();
};

void TestLagHistory::onePointPerRefresh()
{
    LagHistory history;
    QSignalSpy recorded(&history, &LagHistory::recorded);
    history.record({ ServerBuilder(u"s-1"_s).lagMs(1000), ServerBuilder(u"s-2"_s).lagMs(5) }, 100);
    history.record({ ServerBuilder(u"s-1"_s).lagMs(2000) }, 200);
    QCOMPARE(history.samples(u"s-1"_s), (QList<Sample> { { 100, 1000 }, { 200, 2000 } }));
    QCOMPARE(history.samples(u"s-2"_s), (QList<Sample> { { 100, 5 } }));
    QCOMPARE(recorded.size(), 2);
    QCOMPARE(history.serverCount(), 2);
}

void TestLagHistory::unknownLagIsAGap()
{
    LagHistory history;
    history.record({ ServerBuilder(u"s-1"_s).replication(mgn::DataReplicationState::InitialSync) }, 100);
    QCOMPARE(history.samples(u"s-1"_s), (QList<Sample> { { 100, std::nullopt } }));
}

void TestLagHistory::capPerServer()
{
    LagHistory history;
    history.setMaxSamplesPerServer(3);
    for (int i = 1; i <= 5; ++i)
        history.record({ ServerBuilder(u"s-1"_s).lagMs(i) }, i);
    QCOMPARE(history.samples(u"s-1"_s), (QList<Sample> { { 3, 3 }, { 4, 4 }, { 5, 5 } }));
}

void TestLagHistory::sameTimeReplaces()
{
    LagHistory history;
    history.record({ ServerBuilder(u"s-1"_s).lagMs(1) }, 100);
    history.record({ ServerBuilder(u"s-1"_s).lagMs(2) }, 100);
    QCOMPARE(history.samples(u"s-1"_s), (QList<Sample> { { 100, 2 } }));
}

void TestLagHistory::retain()
{
    LagHistory history;
    history.record({ ServerBuilder(u"s-1"_s).lagMs(1), ServerBuilder(u"s-2"_s).lagMs(2) }, 100);
    history.retain({ u"s-2"_s });
    QVERIFY(history.samples(u"s-1"_s).isEmpty());
    QCOMPARE(history.serverCount(), 1);
}

void TestLagHistory::survivesARestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lag-history.bin"_s);
    {
        LagHistory history(path);
        QString error;
        QVERIFY(history.load(&error)); // no file yet: fine
        history.record({ ServerBuilder(u"s-1"_s).lagMs(1000), ServerBuilder(u"s-2"_s) }, 100);
        history.record({ ServerBuilder(u"s-1"_s).lagMs(3000) }, 200);
        QVERIFY2(history.save(&error), qPrintable(error));
    }
    LagHistory restarted(path);
    QString error;
    QVERIFY2(restarted.load(&error), qPrintable(error));
    QCOMPARE(restarted.samples(u"s-1"_s), (QList<Sample> { { 100, 1000 }, { 200, 3000 } }));
    QCOMPARE(restarted.samples(u"s-2"_s), (QList<Sample> { { 100, std::nullopt } }));
}

void TestLagHistory::damagedCacheIsRefused_data()
{
    QTest::addColumn<int>("keepBytes"); // of a valid file; -1: garbage
    QTest::newRow("garbage") << -1;
    QTest::newRow("header only") << 8;
    QTest::newRow("cut in a sample") << 40;
}

void TestLagHistory::damagedCacheIsRefused()
{
    QFETCH(int, keepBytes);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lag-history.bin"_s);
    QByteArray bytes = "this is not a cache file at all";
    if (keepBytes >= 0) {
        LagHistory history(path);
        history.record({ ServerBuilder(u"s-1"_s).lagMs(1000) }, 100);
        QString error;
        QVERIFY(history.save(&error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        bytes = file.readAll().left(keepBytes);
    }
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
    }
    LagHistory history(path);
    history.record({ ServerBuilder(u"s-9"_s).lagMs(1) }, 1);
    QString error;
    QVERIFY(!history.load(&error));
    QVERIFY2(error.startsWith(path + u": "_s), qPrintable(error));
    QCOMPARE(history.serverCount(), 0);
}

QTEST_GUILESS_MAIN(TestLagHistory)
#include "tst_laghistory.moc"
