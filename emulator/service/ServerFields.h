#pragma once

#include "models/domain/SourceServer.h"

namespace mgn {

// The nested members of a SourceServer the emulator writes, created on first
// use (every member is optional in the API shape).
namespace ServerFields {

inline mgn::DataReplicationInfo &replication(mgn::SourceServer &server)
{
    if (!server.dataReplicationInfo)
        server.dataReplicationInfo.emplace();
    return *server.dataReplicationInfo;
}

inline QList<mgn::ReplicatedDisk> &disks(mgn::SourceServer &server)
{
    auto &info = replication(server);
    if (!info.replicatedDisks)
        info.replicatedDisks.emplace();
    return *info.replicatedDisks;
}

inline mgn::DataReplicationInitiation &initiation(mgn::SourceServer &server)
{
    auto &info = replication(server);
    if (!info.dataReplicationInitiation)
        info.dataReplicationInitiation.emplace();
    return *info.dataReplicationInitiation;
}

inline mgn::LifeCycle &lifeCycle(mgn::SourceServer &server)
{
    if (!server.lifeCycle)
        server.lifeCycle.emplace();
    return *server.lifeCycle;
}

inline void setReplicationState(mgn::SourceServer &server, mgn::DataReplicationState state)
{
    replication(server).dataReplicationState = mgn::EnumValue<mgn::DataReplicationState>(state);
}

inline void setLifeCycleState(mgn::SourceServer &server, mgn::LifeCycleState state)
{
    lifeCycle(server).state = mgn::EnumValue<mgn::LifeCycleState>(state);
}

inline bool isAgentless(const mgn::SourceServer &server)
{
    return server.replicationType && *server.replicationType == mgn::ReplicationType::SnapshotShipping;
}

} // namespace ServerFields

} // namespace mgn
