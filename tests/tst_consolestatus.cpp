#include "models/rules/ConsoleStatus.h"

#include <QTest>

#include <optional>

using namespace mgn;

using LC = LifeCycleState;
using RS = DataReplicationState;
using Alert = ConsoleStatus::Alert;
using Health = ConsoleStatus::Health;

Q_DECLARE_METATYPE(mgn::SourceServer)
Q_DECLARE_METATYPE(mgn::ConsoleStatus::Alert)
Q_DECLARE_METATYPE(mgn::ConsoleStatus::Health)

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 hourMs = 60 * 60 * 1000;

struct DiskBytes {
    std::optional<qint64> total;
    std::optional<qint64> replicated;
    std::optional<qint64> rescanned = std::nullopt;
    std::optional<qint64> backlogged = std::nullopt;
};

class Builder
{
public:
    Builder &lifeCycle(LC state)
    {
        m_server.lifeCycle = LifeCycle {};
        m_server.lifeCycle->state = state;
        return *this;
    }
    Builder &lifeCycleWire(const QString &wire)
    {
        m_server.lifeCycle = LifeCycle {};
        m_server.lifeCycle->state = EnumValue<LC>::fromWire(wire);
        return *this;
    }
    Builder &replication(RS state)
    {
        info().dataReplicationState = state;
        return *this;
    }
    Builder &replicationWire(const QString &wire)
    {
        info().dataReplicationState = EnumValue<RS>::fromWire(wire);
        return *this;
    }
    Builder &lag(qint64 ms)
    {
        info().lagDuration = ms;
        return *this;
    }
    Builder &disks(const QList<DiskBytes> &disks)
    {
        QList<ReplicatedDisk> list;
        for (const auto &bytes : disks) {
            ReplicatedDisk disk;
            disk.totalStorageBytes = bytes.total;
            disk.replicatedStorageBytes = bytes.replicated;
            disk.rescannedStorageBytes = bytes.rescanned;
            disk.backloggedStorageBytes = bytes.backlogged;
            list << disk;
        }
        info().replicatedDisks = list;
        return *this;
    }
    Builder &launched(const QString &instanceId = QStringLiteral("i-0123456789abcdef0"))
    {
        m_server.launchedInstance = LaunchedInstance {};
        m_server.launchedInstance->ec2InstanceID = instanceId;
        m_server.launchedInstance->jobID = QStringLiteral("mgnjob-1");
        return *this;
    }
    Builder &archived()
    {
        m_server.isArchived = true;
        return *this;
    }
    SourceServer build() const { return m_server; }
    operator SourceServer() const { return m_server; } // NOLINT(google-explicit-constructor)

private:
    DataReplicationInfo &info()
    {
        if (!m_server.dataReplicationInfo)
            m_server.dataReplicationInfo = DataReplicationInfo {};
        return *m_server.dataReplicationInfo;
    }

    SourceServer m_server;
};

Builder make()
{
    return {};
}

} // namespace

class TestConsoleStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifeCycleLabel_data();
    void lifeCycleLabel();
    void replicationStatus_data();
    void replicationStatus();
    void alert_data();
    void alert();
    void alertText_data();
    void alertText();
    void nextStep_data();
    void nextStep();
    void replicationProgress_data();
    void replicationProgress();
    void rescanProgress_data();
    void rescanProgress();
    void backlogBytes_data();
    void backlogBytes();
    void formatLag_data();
    void formatLag();
};

void TestConsoleStatus::lifeCycleLabel_data()
{
    QTest::addColumn<SourceServer>("server");
    QTest::addColumn<QString>("label");
    const auto row = [](const char *name, const SourceServer &server, const char *label) {
        QTest::newRow(name) << server << QString::fromUtf8(label);
    };
    row("STOPPED", make().lifeCycle(LC::Stopped), "Stopped");
    row("NOT_READY", make().lifeCycle(LC::NotReady), "Not ready");
    row("READY_FOR_TEST", make().lifeCycle(LC::ReadyForTest), "Ready for testing");
    row("TESTING", make().lifeCycle(LC::Testing), "Test in progress");
    row("READY_FOR_CUTOVER", make().lifeCycle(LC::ReadyForCutover), "Ready for cutover");
    row("CUTTING_OVER", make().lifeCycle(LC::CuttingOver), "Cutover in progress");
    row("CUTOVER", make().lifeCycle(LC::Cutover), "Cutover complete");
    row("DISCONNECTED", make().lifeCycle(LC::Disconnected), "Disconnected");
    row("DISCOVERED", make().lifeCycle(LC::Discovered), "Discovered");
    row("PENDING_INSTALLATION", make().lifeCycle(LC::PendingInstallation), "Pending installation");
    row("unrecognized keeps the raw text", make().lifeCycleWire(QStringLiteral("SOMETHING_NEW")),
        "SOMETHING_NEW");
    row("absent state", make().replication(RS::Continuous), "");
    SourceServer noState;
    noState.lifeCycle = LifeCycle {};
    row("lifeCycle without state", noState, "");
}

void TestConsoleStatus::lifeCycleLabel()
{
    QFETCH(SourceServer, server);
    QFETCH(QString, label);
    QCOMPARE(ConsoleStatus::lifeCycleLabel(server), label);
}

void TestConsoleStatus::replicationStatus_data()
{
    QTest::addColumn<SourceServer>("server");
    QTest::addColumn<QString>("text");
    QTest::addColumn<Health>("health");

    const auto row = [](const char *name, const SourceServer &server, const char *text, Health health) {
        QTest::newRow(name) << server << QString::fromUtf8(text) << health;
    };
    row("STOPPED", make().replication(RS::Stopped), "Stopped", Health::Neutral);
    row("INITIATING", make().replication(RS::Initiating), "Initiating", Health::Healthy);
    row("INITIAL_SYNC over two disks", make().replication(RS::InitialSync).disks({ { 50, 21 }, { 50, 21 } }),
        "Initial sync 42%", Health::Healthy);
    row("INITIAL_SYNC floors", make().replication(RS::InitialSync).disks({ { 1000, 999 } }),
        "Initial sync 99%", Health::Healthy);
    row("INITIAL_SYNC without disks", make().replication(RS::InitialSync), "Initial sync", Health::Healthy);
    row("BACKLOG",
        make()
            .replication(RS::Backlog)
            .disks({ { 100, 100, std::nullopt, 4 * MiB }, { 100, 100, std::nullopt, 8 * MiB } }),
        "Backlog 12 MiB", Health::TemporaryIssue);
    row("BACKLOG rounds up", make().replication(RS::Backlog).disks({ { 100, 100, std::nullopt, 1 } }),
        "Backlog 1 MiB", Health::TemporaryIssue);
    row("BACKLOG unknown bytes", make().replication(RS::Backlog), "Backlog", Health::TemporaryIssue);
    row("CREATING_SNAPSHOT", make().replication(RS::CreatingSnapshot), "Creating snapshot", Health::Healthy);
    row("CONTINUOUS small lag", make().replication(RS::Continuous).lag(hourMs - 1), "Healthy",
        Health::Healthy);
    row("CONTINUOUS lag at threshold", make().replication(RS::Continuous).lag(hourMs), "Lag 01:00:00",
        Health::TemporaryIssue);
    row("CONTINUOUS lag 01:02:03", make().replication(RS::Continuous).lag(3'723'000), "Lag 01:02:03",
        Health::TemporaryIssue);
    row("CONTINUOUS no lag", make().replication(RS::Continuous), "Healthy", Health::Healthy);
    row("PAUSED", make().replication(RS::Paused), "Paused", Health::Neutral);
    row("RESCAN", make().replication(RS::Rescan).disks({ { 100, 100, 7 }, { 100, 100, 7 } }), "Rescanning 7%",
        Health::TemporaryIssue);
    row("RESCAN unknown progress", make().replication(RS::Rescan).disks({ { 100, 100 } }), "Rescanning",
        Health::TemporaryIssue);
    row("STALLED", make().replication(RS::Stalled), "Stalled", Health::Stalled);
    row("DISCONNECTED", make().replication(RS::Disconnected), "Disconnected", Health::Neutral);
    row("PENDING_SNAPSHOT_SHIPPING", make().replication(RS::PendingSnapshotShipping),
        "Pending snapshot shipping", Health::Healthy);
    row("SHIPPING_SNAPSHOT", make().replication(RS::ShippingSnapshot), "Transferring snapshot",
        Health::Healthy);
    row("unrecognized keeps the raw text", make().replicationWire(QStringLiteral("SOMETHING_NEW")),
        "SOMETHING_NEW", Health::Neutral);
    row("absent state", make().lifeCycle(LC::Discovered), "Not started", Health::Neutral);
    row("info without state", make().lag(5), "Not started", Health::Neutral);
}

void TestConsoleStatus::replicationStatus()
{
    QFETCH(SourceServer, server);
    QFETCH(QString, text);
    QFETCH(Health, health);
    QCOMPARE(ConsoleStatus::replicationStatusText(server), text);
    QCOMPARE(ConsoleStatus::health(server), health);
}

void TestConsoleStatus::alert_data()
{
    QTest::addColumn<SourceServer>("server");
    QTest::addColumn<Alert>("alert");

    QTest::newRow("healthy, nothing launched")
        << make().replication(RS::Continuous).lag(1000).build() << Alert::None;
    QTest::newRow("healthy, launched")
        << make().replication(RS::Continuous).lag(1000).launched().build() << Alert::Launched;
    QTest::newRow("launch job without instance yet")
        << make().replication(RS::Continuous).lag(1000).launched(QString()).build() << Alert::None;
    QTest::newRow("lagging") << make().replication(RS::Continuous).lag(2 * hourMs).build() << Alert::Lagging;
    QTest::newRow("lagging beats launched")
        << make().replication(RS::Continuous).lag(2 * hourMs).launched().build() << Alert::Lagging;
    QTest::newRow("backlog") << make().replication(RS::Backlog).build() << Alert::Lagging;
    QTest::newRow("rescan") << make().replication(RS::Rescan).launched().build() << Alert::Lagging;
    QTest::newRow("stalled") << make().replication(RS::Stalled).build() << Alert::Stalled;
    QTest::newRow("stalled beats launched")
        << make().replication(RS::Stalled).launched().build() << Alert::Stalled;
    QTest::newRow("cut over, launched")
        << make().lifeCycle(LC::Cutover).replication(RS::Disconnected).launched().build() << Alert::Launched;
    QTest::newRow("nothing known") << SourceServer {} << Alert::None;
}

void TestConsoleStatus::alert()
{
    QFETCH(SourceServer, server);
    QFETCH(Alert, alert);
    QCOMPARE(ConsoleStatus::alert(server), alert);
}

void TestConsoleStatus::alertText_data()
{
    QTest::addColumn<Alert>("alert");
    QTest::addColumn<QString>("text");
    QTest::newRow("None") << Alert::None << QString();
    QTest::newRow("Launched") << Alert::Launched << QStringLiteral("Launched");
    QTest::newRow("Lagging") << Alert::Lagging << QStringLiteral("Lagging");
    QTest::newRow("Stalled") << Alert::Stalled << QStringLiteral("Stalled");
}

void TestConsoleStatus::alertText()
{
    QFETCH(Alert, alert);
    QFETCH(QString, text);
    QCOMPARE(ConsoleStatus::alertText(alert), text);
}

void TestConsoleStatus::nextStep_data()
{
    QTest::addColumn<SourceServer>("server");
    QTest::addColumn<QString>("step");
    const auto row = [](const char *name, const SourceServer &server, const char *step) {
        QTest::newRow(name) << server << QString::fromUtf8(step);
    };
    // One row per table row, in the table's order.
    row("archived", make().lifeCycle(LC::Cutover).replication(RS::Disconnected).archived(), "");
    row("cut over", make().lifeCycle(LC::Cutover).replication(RS::Disconnected), "Mark as archived");
    row("disconnected", make().lifeCycle(LC::Disconnected).replication(RS::Disconnected), "Mark as archived");
    row("stalled", make().lifeCycle(LC::NotReady).replication(RS::Stalled),
        "Resolve cause of stalled data replication");
    row("replication disconnected", make().lifeCycle(LC::ReadyForTest).replication(RS::Disconnected),
        "Reinstall the AWS Replication Agent");
    row("pending installation", make().lifeCycle(LC::PendingInstallation),
        "Install the AWS Replication Agent");
    row("discovered", make().lifeCycle(LC::Discovered), "Start data replication");
    row("lifecycle stopped", make().lifeCycle(LC::Stopped), "Start data replication");
    row("replication stopped", make().lifeCycle(LC::NotReady).replication(RS::Stopped),
        "Start data replication");
    row("paused", make().lifeCycle(LC::ReadyForTest).replication(RS::Paused).lag(10),
        "Resume data replication");
    row("cutting over", make().lifeCycle(LC::CuttingOver).replication(RS::Continuous).lag(10),
        "Finalize cutover");
    row("testing", make().lifeCycle(LC::Testing).replication(RS::Continuous).lag(10),
        "Complete testing and mark as ready for cutover");
    row("ready for cutover, test instance still up",
        make().lifeCycle(LC::ReadyForCutover).replication(RS::Continuous).lag(10).launched(),
        "Terminate launched instance; Launch cutover instance");
    row("ready for cutover", make().lifeCycle(LC::ReadyForCutover).replication(RS::Continuous).lag(10),
        "Launch cutover instance");
    row("not ready, no lag", make().lifeCycle(LC::NotReady).replication(RS::InitialSync),
        "Wait for initial sync to complete");
    row("ready for test, no lag", make().lifeCycle(LC::ReadyForTest).replication(RS::Rescan),
        "Wait for initial sync to complete");
    row("not ready, lag known", make().lifeCycle(LC::NotReady).replication(RS::Continuous).lag(10),
        "Launch test instance");
    row("ready for test", make().lifeCycle(LC::ReadyForTest).replication(RS::Continuous).lag(10),
        "Launch test instance");
    row("unrecognized lifecycle",
        make().lifeCycleWire(QStringLiteral("SOMETHING_NEW")).replication(RS::Continuous).lag(10), "");
    row("absent lifecycle", make().replication(RS::Continuous).lag(10), "");
    // Precedence.
    row("archived beats stalled", make().lifeCycle(LC::Testing).replication(RS::Stalled).archived(), "");
    row("cut over beats stalled", make().lifeCycle(LC::Cutover).replication(RS::Stalled), "Mark as archived");
    row("stalled beats testing", make().lifeCycle(LC::Testing).replication(RS::Stalled).lag(10),
        "Resolve cause of stalled data replication");
    row("stalled with unknown lifecycle", make().replication(RS::Stalled),
        "Resolve cause of stalled data replication");
    row("paused beats cutting over", make().lifeCycle(LC::CuttingOver).replication(RS::Paused).lag(10),
        "Resume data replication");
}

void TestConsoleStatus::nextStep()
{
    QFETCH(SourceServer, server);
    QFETCH(QString, step);
    QCOMPARE(ConsoleStatus::nextStep(server), step);
}

void TestConsoleStatus::replicationProgress_data()
{
    QTest::addColumn<SourceServer>("server");
    QTest::addColumn<std::optional<double>>("progress");
    using P = std::optional<double>;
    QTest::newRow("one disk") << make().disks({ { 200, 50 } }).build() << P(0.25);
    QTest::newRow("sums over disks") << make().disks({ { 100, 100 }, { 300, 0 } }).build() << P(0.25);
    QTest::newRow("disk without total ignored")
        << make().disks({ { 100, 50 }, { std::nullopt, 1000 } }).build() << P(0.5);
    QTest::newRow("disk without replicated counts 0")
        << make().disks({ { 100, 50 }, { 100, std::nullopt } }).build() << P(0.25);
    QTest::newRow("complete") << make().disks({ { 100, 100 }, { 100, 100 } }).build() << P(1.0);
    QTest::newRow("clamped") << make().disks({ { 100, 150 } }).build() << P(1.0);
    QTest::newRow("no disk reports a total") << make().disks({ { std::nullopt, 10 } }).build() << P();
    QTest::newRow("totals zeroed after finalize") << make().disks({ { 0, 0 }, { 0, 0 } }).build() << P();
    QTest::newRow("empty disk list") << make().disks({}).build() << P();
    QTest::newRow("disks absent") << make().replication(RS::InitialSync).build() << P();
    QTest::newRow("no replication info") << SourceServer {} << P();
}

void TestConsoleStatus::replicationProgress()
{
    QFETCH(SourceServer, server);
    QFETCH(std::optional<double>, progress);
    QCOMPARE(ConsoleStatus::replicationProgress(server), progress);
}

void TestConsoleStatus::rescanProgress_data()
{
    QTest::addColumn<SourceServer>("server");
    QTest::addColumn<std::optional<double>>("progress");
    using P = std::optional<double>;
    QTest::newRow("sums over disks") << make().disks({ { 100, 100, 10 }, { 300, 300, 90 } }).build()
                                     << P(0.25);
    QTest::newRow("one disk reports") << make().disks({ { 100, 100, 50 }, { 100, 100 } }).build() << P(0.25);
    QTest::newRow("no disk reports rescanned") << make().disks({ { 100, 100 } }).build() << P();
    QTest::newRow("no total") << make().disks({ { std::nullopt, 100, 50 } }).build() << P();
    QTest::newRow("disks absent") << make().replication(RS::Rescan).build() << P();
}

void TestConsoleStatus::rescanProgress()
{
    QFETCH(SourceServer, server);
    QFETCH(std::optional<double>, progress);
    QCOMPARE(ConsoleStatus::rescanProgress(server), progress);
}

void TestConsoleStatus::backlogBytes_data()
{
    QTest::addColumn<SourceServer>("server");
    QTest::addColumn<std::optional<qint64>>("bytes");
    using B = std::optional<qint64>;
    QTest::newRow("sums over disks")
        << make().disks({ { 100, 100, std::nullopt, 4 * MiB }, { 100, 100, std::nullopt, 8 * MiB } }).build()
        << B(12 * MiB);
    QTest::newRow("disks without backlog ignored")
        << make().disks({ { 100, 100, std::nullopt, 7 }, { 100, 100 } }).build() << B(7);
    QTest::newRow("zero is known") << make().disks({ { 100, 100, std::nullopt, 0 } }).build() << B(0);
    QTest::newRow("no disk reports it") << make().disks({ { 100, 100 } }).build() << B();
    QTest::newRow("disks absent") << make().replication(RS::Backlog).build() << B();
    QTest::newRow("no replication info") << SourceServer {} << B();
}

void TestConsoleStatus::backlogBytes()
{
    QFETCH(SourceServer, server);
    QFETCH(std::optional<qint64>, bytes);
    QCOMPARE(ConsoleStatus::backlogBytes(server), bytes);
}

void TestConsoleStatus::formatLag_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("00:00:00");
    QTest::newRow("below a second") << qint64(999) << QStringLiteral("00:00:00");
    QTest::newRow("1h2m3s") << qint64(3'723'000) << QStringLiteral("01:02:03");
    QTest::newRow("days become hours") << qint64(49) * hourMs << QStringLiteral("49:00:00");
    QTest::newRow("over 99 hours") << qint64(100) * hourMs + 61'000 << QStringLiteral("100:01:01");
    QTest::newRow("negative") << qint64(-5000) << QStringLiteral("00:00:00");
}

void TestConsoleStatus::formatLag()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(ConsoleStatus::formatLag(ms), text);
}

QTEST_GUILESS_MAIN(TestConsoleStatus)
#include "tst_consolestatus.moc"
