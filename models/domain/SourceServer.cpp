#include "models/domain/SourceServer.h"

namespace mgn {

std::optional<LifeCycleState> SourceServer::lifeCycleState() const
{
    if (lifeCycle && lifeCycle->state)
        return lifeCycle->state->value();
    return std::nullopt;
}

std::optional<DataReplicationState> SourceServer::replicationState() const
{
    if (dataReplicationInfo && dataReplicationInfo->dataReplicationState)
        return dataReplicationInfo->dataReplicationState->value();
    return std::nullopt;
}

std::optional<qint64> SourceServer::lag() const
{
    if (dataReplicationInfo)
        return dataReplicationInfo->lagDuration;
    return std::nullopt;
}

QString SourceServer::displayName() const
{
    if (sourceProperties && sourceProperties->identificationHints) {
        const auto &hints = *sourceProperties->identificationHints;
        if (hints.hostname && !hints.hostname->isEmpty())
            return *hints.hostname;
        if (hints.fqdn && !hints.fqdn->isEmpty())
            return *hints.fqdn;
    }
    return id();
}

} // namespace mgn
