#include "emulator/service/PlanningStatus.h"

#include "emulator/service/Fleet.h"
#include "models/codec/TagsCodec.h"
#include "models/json/Iso8601.h"

#include <algorithm>
#include <optional>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

// Ordered from best to worst, as the enums of the model are.
enum class Health : quint8 { Healthy, Lagging, Error };
enum class Progress : quint8 { NotStarted, InProgress, Completed };

QString healthName(Health health)
{
    static const QString names[] { u"HEALTHY"_s, u"LAGGING"_s, u"ERROR"_s };
    return names[int(health)];
}

QString progressName(Progress progress)
{
    static const QString names[] { u"NOT_STARTED"_s, u"IN_PROGRESS"_s, u"COMPLETED"_s };
    return names[int(progress)];
}

struct Aggregate final {
    Health health = Health::Healthy;
    bool anyStarted = false;
    bool allCompleted = true;
    int members = 0;
    std::optional<qint64> replicationStarted;

    void add(Health memberHealth, Progress memberProgress)
    {
        ++members;
        health = std::max(health, memberHealth);
        anyStarted = anyStarted || memberProgress != Progress::NotStarted;
        allCompleted = allCompleted && memberProgress == Progress::Completed;
    }
    Progress progress() const
    {
        if (members > 0 && allCompleted)
            return Progress::Completed;
        return anyStarted ? Progress::InProgress : Progress::NotStarted;
    }
};

Health serverHealth(const SourceServer &server)
{
    const auto state = server.replicationState();
    if (state == DataReplicationState::Stalled
        || (server.dataReplicationInfo && server.dataReplicationInfo->dataReplicationError))
        return Health::Error;
    if (state == DataReplicationState::Backlog || state == DataReplicationState::Rescan)
        return Health::Lagging;
    return Health::Healthy;
}

Progress serverProgress(const SourceServer &server)
{
    switch (server.lifeCycleState().value_or(LifeCycleState::NotReady)) {
    case LifeCycleState::Cutover:
    case LifeCycleState::Disconnected:
        return Progress::Completed;
    case LifeCycleState::ReadyForTest:
    case LifeCycleState::Testing:
    case LifeCycleState::ReadyForCutover:
    case LifeCycleState::CuttingOver:
        return Progress::InProgress;
    case LifeCycleState::Unrecognized:
    case LifeCycleState::Stopped:
    case LifeCycleState::NotReady:
    case LifeCycleState::Discovered:
    case LifeCycleState::PendingInstallation:
        break;
    }
    return Progress::NotStarted;
}

Aggregate ofApplication(const Fleet &fleet, const QString &applicationID)
{
    Aggregate aggregate;
    for (const FleetServer &entry : fleet.servers) {
        const SourceServer &server = entry.server;
        if (server.applicationID.value_or(QString()) != applicationID)
            continue;
        aggregate.add(serverHealth(server), serverProgress(server));
        const auto &info = server.dataReplicationInfo;
        if (info && info->dataReplicationInitiation && info->dataReplicationInitiation->startDateTime) {
            const qint64 start = *info->dataReplicationInitiation->startDateTime;
            aggregate.replicationStarted = std::min(aggregate.replicationStarted.value_or(start), start);
        }
    }
    return aggregate;
}

QJsonObject shape(const PlanningRecord &record, const QString &idMember)
{
    QJsonObject object = record.fields;
    object.insert(idMember, record.id);
    object.insert("arn"_L1, record.arn);
    object.insert("tags"_L1, TagsCodec::encode(record.tags.value_or(Tags())));
    return object;
}

} // namespace

QJsonObject PlanningStatus::application(const Fleet &fleet, const PlanningRecord &application)
{
    const Aggregate aggregate = ofApplication(fleet, application.id);
    QJsonObject object = shape(application, u"applicationID"_s);
    object.insert("applicationAggregatedStatus"_L1,
        QJsonObject { { "healthStatus"_L1, healthName(aggregate.health) },
            { "progressStatus"_L1, progressName(aggregate.progress()) },
            { "totalSourceServers"_L1, aggregate.members },
            { "lastUpdateDateTime"_L1, Iso8601::formatDateTime(fleet.wallNow()) } });
    return object;
}

QJsonObject PlanningStatus::wave(const Fleet &fleet, const PlanningRecord &wave)
{
    Aggregate aggregate;
    for (const PlanningRecord &application : fleet.applications) {
        if (application.fields.value("waveID"_L1).toString() != wave.id)
            continue;
        const Aggregate members = ofApplication(fleet, application.id);
        aggregate.add(members.health, members.progress());
        if (members.replicationStarted)
            aggregate.replicationStarted
                = std::min(aggregate.replicationStarted.value_or(*members.replicationStarted),
                    *members.replicationStarted);
    }
    QJsonObject status { { "healthStatus"_L1, healthName(aggregate.health) },
        { "progressStatus"_L1, progressName(aggregate.progress()) },
        { "totalApplications"_L1, aggregate.members },
        { "lastUpdateDateTime"_L1, Iso8601::formatDateTime(fleet.wallNow()) } };
    if (aggregate.replicationStarted)
        status.insert(
            "replicationStartedDateTime"_L1, Iso8601::formatDateTime(*aggregate.replicationStarted));
    QJsonObject object = shape(wave, u"waveID"_s);
    object.insert("waveAggregatedStatus"_L1, status);
    return object;
}

QJsonObject PlanningStatus::connector(const PlanningRecord &connector)
{
    return shape(connector, u"connectorID"_s);
}

} // namespace mgn
