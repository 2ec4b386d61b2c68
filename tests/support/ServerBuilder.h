#pragma once

#include "models/domain/SourceServer.h"

#include <QString>
#include <QStringList>

#include <utility>

namespace mgn {

// Builds SourceServer values for tests, one member at a time, creating the
// optional parents a member needs and nothing else.
class ServerBuilder final
{
public:
    explicit ServerBuilder(const QString &id) { m_server.sourceServerID = id; }

    ServerBuilder &hostname(const QString &name)
    {
        hints().hostname = name;
        return *this;
    }
    ServerBuilder &fqdn(const QString &name)
    {
        hints().fqdn = name;
        return *this;
    }
    ServerBuilder &lifeCycle(mgn::LifeCycleState state)
    {
        lifeCycleInfo().state = mgn::EnumValue<mgn::LifeCycleState>(state);
        return *this;
    }
    ServerBuilder &lifeCycleWire(const QString &wire)
    {
        lifeCycleInfo().state = mgn::EnumValue<mgn::LifeCycleState>::fromWire(wire);
        return *this;
    }
    ServerBuilder &replication(mgn::DataReplicationState state)
    {
        replicationInfo().dataReplicationState = mgn::EnumValue<mgn::DataReplicationState>(state);
        return *this;
    }
    ServerBuilder &replicationType(mgn::ReplicationType type)
    {
        m_server.replicationType = mgn::EnumValue<mgn::ReplicationType>(type);
        return *this;
    }
    ServerBuilder &lagMs(qint64 ms)
    {
        replicationInfo().lagDuration = ms;
        return *this;
    }
    ServerBuilder &disk(qint64 total, qint64 replicated)
    {
        auto &info = replicationInfo();
        if (!info.replicatedDisks)
            info.replicatedDisks.emplace();
        mgn::ReplicatedDisk disk;
        disk.deviceName = QStringLiteral("/dev/xvd") + QChar(char16_t(u'a' + info.replicatedDisks->size()));
        disk.totalStorageBytes = total;
        disk.replicatedStorageBytes = replicated;
        info.replicatedDisks->append(disk);
        return *this;
    }
    ServerBuilder &eta(qint64 ms)
    {
        replicationInfo().etaDateTime = ms;
        return *this;
    }
    ServerBuilder &lastSnapshot(qint64 ms)
    {
        replicationInfo().lastSnapshotDateTime = ms;
        return *this;
    }
    ServerBuilder &lastSeen(qint64 ms)
    {
        lifeCycleInfo().lastSeenByServiceDateTime = ms;
        return *this;
    }
    ServerBuilder &tag(const QString &key, const QString &value)
    {
        if (!m_server.tags)
            m_server.tags.emplace();
        m_server.tags->insert(key, value);
        return *this;
    }
    ServerBuilder &nic(const QStringList &ips, bool primary)
    {
        auto &properties = sourceProperties();
        if (!properties.networkInterfaces)
            properties.networkInterfaces.emplace();
        mgn::NetworkInterface nic;
        nic.ips = ips;
        nic.isPrimary = primary;
        properties.networkInterfaces->append(nic);
        return *this;
    }
    ServerBuilder &os(const QString &fullString)
    {
        sourceProperties().os = mgn::OperatingSystem { fullString };
        return *this;
    }
    ServerBuilder &archived(bool on = true)
    {
        m_server.isArchived = on;
        return *this;
    }
    ServerBuilder &launched(const QString &instanceId)
    {
        m_server.launchedInstance.emplace();
        m_server.launchedInstance->ec2InstanceID = instanceId;
        return *this;
    }
    ServerBuilder &replicationError(mgn::DataReplicationErrorString error)
    {
        replicationInfo().dataReplicationError.emplace();
        replicationInfo().dataReplicationError->error
            = mgn::EnumValue<mgn::DataReplicationErrorString>(error);
        return *this;
    }

    mgn::SourceServer build() const { return m_server; }
    operator mgn::SourceServer() const { return m_server; }

private:
    mgn::SourceProperties &sourceProperties()
    {
        if (!m_server.sourceProperties)
            m_server.sourceProperties.emplace();
        return *m_server.sourceProperties;
    }
    mgn::IdentificationHints &hints()
    {
        auto &properties = sourceProperties();
        if (!properties.identificationHints)
            properties.identificationHints.emplace();
        return *properties.identificationHints;
    }
    mgn::LifeCycle &lifeCycleInfo()
    {
        if (!m_server.lifeCycle)
            m_server.lifeCycle.emplace();
        return *m_server.lifeCycle;
    }
    mgn::DataReplicationInfo &replicationInfo()
    {
        if (!m_server.dataReplicationInfo)
            m_server.dataReplicationInfo.emplace();
        return *m_server.dataReplicationInfo;
    }

    mgn::SourceServer m_server;
};

} // namespace mgn
