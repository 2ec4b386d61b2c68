#pragma once

#include "emulator/service/EmulatorRandom.h"
#include "emulator/service/FleetJob.h"
#include "emulator/service/FleetServer.h"
#include "emulator/service/PlanningRecord.h"
#include "models/domain/VcenterClient.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace mgn {

// The whole state of the emulated account: source servers, jobs with their
// logs, vCenter clients, and the simulated time. Tags live on the resources
// and are found by ARN (tagsOf).
//
// Two time axes: the simulation runs on simNow, which moves `speed` times
// faster than the wall clock; the dates the API shows are wall-clock dates
// (wallAt), so a dashboard sees "last seen a few seconds ago" while
// replication progresses an hour per minute at speed 60. The anchor pairs a
// simulated instant with a wall instant; a loaded state re-anchors at the
// moment of loading, so the fleet sleeps while the emulator is not running.
class Fleet final
{
public:
    QString accountId;
    QString region;
    quint32 seed = 1;
    double speed = 1.0;
    qint64 simNow = 0;
    qint64 anchorSim = 0;
    qint64 anchorWall = 0;
    EmulatorRandom ids; // IDs of what is made at run time (jobs, instances)
    std::vector<FleetServer> servers; // in the order DescribeSourceServers lists them
    std::vector<FleetJob> jobs; // in creation order
    QList<mgn::VcenterClient> vcenterClients;
    // Until InitializeService is called, the service refuses the account's
    // other operations with UninitializedAccountException.
    bool initialized = true;

    // planning: applications, waves and connectors, in creation order. A
    // server's application is its SourceServer.applicationID, an
    // application's wave the "waveID" of its fields.
    std::vector<PlanningRecord> applications;
    std::vector<PlanningRecord> waves;
    std::vector<PlanningRecord> connectors;
    // The index in the list, or -1.
    static qsizetype find(const std::vector<PlanningRecord> &records, QStringView id);
    // configuration: each resource is the JSON document of its API model
    // shape. A server's launch and replication configurations are made from
    // the templates when it starts replication or is first read
    // (Configurations); the templates and template actions are the account's.
    QHash<QString, QJsonObject> launchConfigurations; // by sourceServerID
    QHash<QString, QJsonObject> replicationConfigurations; // by sourceServerID
    QList<QJsonObject> replicationConfigurationTemplates; // the first applies to new servers
    QList<QJsonObject> launchConfigurationTemplates;
    QHash<QString, QList<QJsonObject>> sourceServerActions; // by sourceServerID, SourceServerActionDocument
    QHash<QString, QList<QJsonObject>> templateActions; // by launchConfigurationTemplateID
    QList<QJsonObject> exportTasks; // ExportTask, in creation order
    QList<QJsonObject> importTasks; // ImportTask
    QHash<QString, QJsonArray> exportErrors; // by exportID, ExportTaskError
    QHash<QString, QJsonArray> importErrors; // by importID, ImportTaskError
    // --s3-root: s3://bucket/key is <s3Root>/bucket/key; empty: no S3. Not saved.
    QString s3Root;

    // Anchors simNow at this wall-clock instant.
    void anchorAt(qint64 wallMsecs);
    qint64 wallAt(qint64 simMsecs) const;
    qint64 simAt(qint64 wallMsecs) const;
    qint64 wallNow() const { return wallAt(simNow); }

    qsizetype findServer(QStringView sourceServerID) const; // -1 when unknown
    qsizetype findJob(QStringView jobID) const;
    qsizetype findVcenterClient(QStringView vcenterClientID) const;

    void addServer(FleetServer server);
    // Room for `count` more servers, before adding many.
    void reserveServers(qsizetype count);
    void removeServer(qsizetype index);
    void addJob(FleetJob job);
    void removeVcenterClient(qsizetype index);
    // After servers or jobs were replaced wholesale.
    void reindex();

    // "arn:aws:mgn:<region>:<account>:<resourceType>/<id>"
    QString arn(QLatin1StringView resourceType, const QString &id) const;
    // The tags member of the source server, job, vCenter client, application,
    // wave or connector with that
    // ARN; nullptr when no resource has it.
    std::optional<mgn::Tags> *tagsOf(QStringView arn);

    // prefix followed by 17 hex digits: "s-", "mgnjob-", "i-", "vcc-", "app-".
    QString newId(QLatin1StringView prefix);

    bool operator==(const Fleet &) const = default;

private:
    QHash<QString, qsizetype> m_serverIndex;
    QHash<QString, qsizetype> m_jobIndex;
};

} // namespace mgn
