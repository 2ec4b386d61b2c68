#include "models/rules/ConsoleStatus.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <iterator>

namespace mgn {

namespace {

using LC = LifeCycleState;
using RS = DataReplicationState;
using Alert = ConsoleStatus::Alert;
using Health = ConsoleStatus::Health;

QString tr(const char *text)
{
    return QCoreApplication::translate("mgn::ConsoleStatus", text);
}

// "Migration lifecycle" column.
struct LifeCycleRow final {
    LC state;
    const char *label;
};

constexpr LifeCycleRow lifeCycleRows[] = {
    { LC::Stopped, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Stopped") },
    { LC::NotReady, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Not ready") },
    { LC::ReadyForTest, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Ready for testing") },
    { LC::Testing, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Test in progress") },
    { LC::ReadyForCutover, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Ready for cutover") },
    { LC::CuttingOver, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Cutover in progress") },
    { LC::Cutover, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Cutover complete") },
    { LC::Disconnected, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Disconnected") },
    { LC::Discovered, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Discovered") },
    { LC::PendingInstallation, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Pending installation") },
};

// "Data replication status" column. The detail (a percentage, the backlog,
// the lag) is shown when it is known; for CONTINUOUS the lag replaces
// "Healthy" only from lagAlertThresholdMs on.
enum class Detail { None, ReplicationPercent, RescanPercent, BacklogMiB, Lag };

struct ReplicationRow final {
    RS state;
    const char *text;
    const char *detailedText; // %1 = the detail
    Detail detail;
    Health health;
    Health healthWithDetail;
};

constexpr ReplicationRow replicationRows[] = {
    { RS::Stopped, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Stopped"), nullptr, Detail::None, Health::Neutral,
        Health::Neutral },
    { RS::Initiating, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Initiating"), nullptr, Detail::None,
        Health::Healthy, Health::Healthy },
    { RS::InitialSync, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Initial sync"),
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Initial sync %1%"), Detail::ReplicationPercent,
        Health::Healthy, Health::Healthy },
    { RS::Backlog, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Backlog"),
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Backlog %1 MiB"), Detail::BacklogMiB, Health::TemporaryIssue,
        Health::TemporaryIssue },
    { RS::CreatingSnapshot, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Creating snapshot"), nullptr,
        Detail::None, Health::Healthy, Health::Healthy },
    { RS::Continuous, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Healthy"),
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Lag %1"), Detail::Lag, Health::Healthy,
        Health::TemporaryIssue },
    { RS::Paused, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Paused"), nullptr, Detail::None, Health::Neutral,
        Health::Neutral },
    { RS::Rescan, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Rescanning"),
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Rescanning %1%"), Detail::RescanPercent,
        Health::TemporaryIssue, Health::TemporaryIssue },
    { RS::Stalled, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Stalled"), nullptr, Detail::None, Health::Stalled,
        Health::Stalled },
    { RS::Disconnected, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Disconnected"), nullptr, Detail::None,
        Health::Neutral, Health::Neutral },
    { RS::PendingSnapshotShipping, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Pending snapshot shipping"),
        nullptr, Detail::None, Health::Healthy, Health::Healthy },
    { RS::ShippingSnapshot, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Transferring snapshot"), nullptr,
        Detail::None, Health::Healthy, Health::Healthy },
};

// No data replication state reported: replication has not started (e.g. an
// agentless server that was only discovered).
constexpr const char *notStarted = QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Not started");

// "Alerts" column, first matching row wins: a stall (red x) beats lag or
// backlog (clock) beats "Launched", since the console shows one indication
// and the worse problem is the one to act on.
struct AlertRow final {
    std::optional<Health> health; // nullopt: any
    bool needsLaunchedInstance;
    Alert alert;
};

constexpr AlertRow alertRows[] = {
    { Health::Stalled, false, Alert::Stalled },
    { Health::TemporaryIssue, false, Alert::Lagging },
    { std::nullopt, true, Alert::Launched },
    { std::nullopt, false, Alert::None },
};

struct AlertTextRow final {
    Alert alert;
    const char *text;
};

// "None" shows nothing, as the console's "no indication".
constexpr AlertTextRow alertTextRows[] = {
    { Alert::None, "" },
    { Alert::Launched, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Launched") },
    { Alert::Lagging, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Lagging") },
    { Alert::Stalled, QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Stalled") },
};

// "Next step" column, first matching row wins. A set of states is a bit mask
// of known values (0: any state, absent and unrecognized included; a non-zero
// mask never matches an absent or unrecognized state).
enum class Tri { Any, Yes, No };

template<typename E> constexpr quint32 bits(std::initializer_list<E> states)
{
    quint32 mask = 0;
    for (const auto state : states)
        mask |= quint32(1) << static_cast<int>(state);
    return mask;
}

struct NextStepRow final {
    quint32 lifeCycles;
    quint32 replicationStates;
    Tri lag;
    Tri launched;
    Tri archived;
    const char *step; // empty: no next step
};

constexpr NextStepRow nextStepRows[] = {
    // Archived: the migration of this server is over.
    { 0, 0, Tri::Any, Tri::Any, Tri::Yes, "" },
    { bits({ LC::Cutover, LC::Disconnected }), 0, Tri::Any, Tri::Any, Tri::Any,
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Mark as archived") },
    { 0, bits({ RS::Stalled }), Tri::Any, Tri::Any, Tri::Any,
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Resolve cause of stalled data replication") },
    { 0, bits({ RS::Disconnected }), Tri::Any, Tri::Any, Tri::Any,
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Reinstall the AWS Replication Agent") },
    { bits({ LC::PendingInstallation }), 0, Tri::Any, Tri::Any, Tri::Any,
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Install the AWS Replication Agent") },
    { bits({ LC::Discovered, LC::Stopped }), 0, Tri::Any, Tri::Any, Tri::Any,
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Start data replication") },
    { 0, bits({ RS::Stopped }), Tri::Any, Tri::Any, Tri::Any,
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Start data replication") },
    { 0, bits({ RS::Paused }), Tri::Any, Tri::Any, Tri::Any,
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Resume data replication") },
    { bits({ LC::CuttingOver }), 0, Tri::Any, Tri::Any, Tri::Any,
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Finalize cutover") },
    { bits({ LC::Testing }), 0, Tri::Any, Tri::Any, Tri::Any,
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Complete testing and mark as ready for cutover") },
    { bits({ LC::ReadyForCutover }), 0, Tri::Any, Tri::Yes, Tri::Any,
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Terminate launched instance; Launch cutover instance") },
    { bits({ LC::ReadyForCutover }), 0, Tri::Any, Tri::Any, Tri::Any,
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Launch cutover instance") },
    { bits({ LC::NotReady, LC::ReadyForTest }), 0, Tri::No, Tri::Any, Tri::Any,
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Wait for initial sync to complete") },
    { bits({ LC::NotReady, LC::ReadyForTest }), 0, Tri::Yes, Tri::Any, Tri::Any,
        QT_TRANSLATE_NOOP("mgn::ConsoleStatus", "Launch test instance") },
    // An unrecognized or absent lifecycle state: no step is guessed.
    { 0, 0, Tri::Any, Tri::Any, Tri::Any, "" },
};

template<typename E> bool inMask(quint32 mask, const std::optional<E> &state)
{
    if (mask == 0)
        return true;
    return state && *state != E::Unrecognized && (mask & (quint32(1) << static_cast<int>(*state)));
}

bool matches(Tri condition, bool value)
{
    return condition == Tri::Any || (condition == Tri::Yes) == value;
}

bool hasLaunchedInstance(const SourceServer &server)
{
    return server.launchedInstance && !server.launchedInstance->ec2InstanceID.value_or(QString()).isEmpty();
}

const ReplicationRow *replicationRow(const SourceServer &server)
{
    const auto state = server.replicationState();
    if (!state)
        return nullptr;
    const auto it = std::find_if(std::begin(replicationRows), std::end(replicationRows),
        [&](const ReplicationRow &row) { return row.state == *state; });
    return it == std::end(replicationRows) ? nullptr : it;
}

// The detail text of a row, or nullopt when the detail is unknown or, for the
// lag, below the alert threshold.
std::optional<QString> detailOf(Detail detail, const SourceServer &server)
{
    const auto percent = [](std::optional<double> progress) -> std::optional<QString> {
        if (!progress)
            return std::nullopt;
        // Floor: "100%" only once everything is replicated.
        return QString::number(int(std::floor(*progress * 100.0)));
    };
    switch (detail) {
    case Detail::None:
        return std::nullopt;
    case Detail::ReplicationPercent:
        return percent(ConsoleStatus::replicationProgress(server));
    case Detail::RescanPercent:
        return percent(ConsoleStatus::rescanProgress(server));
    case Detail::BacklogMiB: {
        const auto bytes = ConsoleStatus::backlogBytes(server);
        if (!bytes)
            return std::nullopt;
        // Rounded up: a backlog that is not empty never reads "0 MiB".
        constexpr qint64 mib = 1024 * 1024;
        return QString::number((std::max<qint64>(*bytes, 0) + mib - 1) / mib);
    }
    case Detail::Lag: {
        const auto lag = server.lag();
        if (!lag || *lag < ConsoleStatus::lagAlertThresholdMs)
            return std::nullopt;
        return ConsoleStatus::formatLag(*lag);
    }
    }
    return std::nullopt;
}

// Sum of a per-disk member over the disks that report a total, divided by the
// sum of the totals; nullopt without a positive total, or when requireNumerator
// and no such disk reports the member.
std::optional<double> diskRatio(
    const SourceServer &server, std::optional<qint64> ReplicatedDisk::*member, bool requireNumerator)
{
    if (!server.dataReplicationInfo || !server.dataReplicationInfo->replicatedDisks)
        return std::nullopt;
    qint64 total = 0;
    qint64 done = 0;
    bool anyNumerator = false;
    for (const auto &disk : *server.dataReplicationInfo->replicatedDisks) {
        if (!disk.totalStorageBytes)
            continue;
        total += *disk.totalStorageBytes;
        if (const auto &value = disk.*member) {
            done += *value;
            anyNumerator = true;
        }
    }
    if (total <= 0 || (requireNumerator && !anyNumerator))
        return std::nullopt;
    return std::clamp(double(done) / double(total), 0.0, 1.0);
}

} // namespace

QString ConsoleStatus::lifeCycleLabel(const SourceServer &server)
{
    if (!server.lifeCycle || !server.lifeCycle->state)
        return {};
    const auto &state = *server.lifeCycle->state;
    if (!state.isKnown())
        return state.unknownText();
    for (const auto &row : lifeCycleRows) {
        if (row.state == state.value())
            return tr(row.label);
    }
    return state.toWire();
}

QString ConsoleStatus::replicationStatusText(const SourceServer &server)
{
    if (!server.dataReplicationInfo || !server.dataReplicationInfo->dataReplicationState)
        return tr(notStarted);
    const auto &state = *server.dataReplicationInfo->dataReplicationState;
    const auto *row = replicationRow(server);
    if (!row)
        return state.isKnown() ? state.toWire() : state.unknownText();
    if (const auto detail = detailOf(row->detail, server))
        return tr(row->detailedText).arg(*detail);
    return tr(row->text);
}

ConsoleStatus::Health ConsoleStatus::health(const SourceServer &server)
{
    const auto *row = replicationRow(server);
    if (!row)
        return Health::Neutral;
    return detailOf(row->detail, server) ? row->healthWithDetail : row->health;
}

ConsoleStatus::Alert ConsoleStatus::alert(const SourceServer &server)
{
    const Health current = health(server);
    const bool launched = hasLaunchedInstance(server);
    for (const auto &row : alertRows) {
        if ((!row.health || *row.health == current) && (!row.needsLaunchedInstance || launched))
            return row.alert;
    }
    return Alert::None;
}

QString ConsoleStatus::alertText(Alert alert)
{
    for (const auto &row : alertTextRows) {
        if (row.alert == alert)
            return *row.text ? tr(row.text) : QString();
    }
    return {};
}

QString ConsoleStatus::nextStep(const SourceServer &server)
{
    const auto lifeCycle = server.lifeCycleState();
    const auto replication = server.replicationState();
    const bool lagKnown = server.lag().has_value();
    const bool launched = hasLaunchedInstance(server);
    const bool archived = server.archived();
    for (const auto &row : nextStepRows) {
        if (inMask(row.lifeCycles, lifeCycle) && inMask(row.replicationStates, replication)
            && matches(row.lag, lagKnown) && matches(row.launched, launched)
            && matches(row.archived, archived))
            return *row.step ? tr(row.step) : QString();
    }
    return {};
}

std::optional<double> ConsoleStatus::replicationProgress(const SourceServer &server)
{
    return diskRatio(server, &ReplicatedDisk::replicatedStorageBytes, false);
}

std::optional<double> ConsoleStatus::rescanProgress(const SourceServer &server)
{
    return diskRatio(server, &ReplicatedDisk::rescannedStorageBytes, true);
}

std::optional<qint64> ConsoleStatus::backlogBytes(const SourceServer &server)
{
    if (!server.dataReplicationInfo || !server.dataReplicationInfo->replicatedDisks)
        return std::nullopt;
    std::optional<qint64> sum;
    for (const auto &disk : *server.dataReplicationInfo->replicatedDisks) {
        if (disk.backloggedStorageBytes)
            sum = sum.value_or(0) + *disk.backloggedStorageBytes;
    }
    return sum;
}

QString ConsoleStatus::formatLag(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(ms, 0) / 1000;
    const QLatin1Char zero('0');
    return QStringLiteral("%1:%2:%3")
        .arg(seconds / 3600, 2, 10, zero)
        .arg((seconds / 60) % 60, 2, 10, zero)
        .arg(seconds % 60, 2, 10, zero);
}

} // namespace mgn
