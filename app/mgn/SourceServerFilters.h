#pragma once

#include "EnumValue.h"
#include "MgnEnums.h"

#include <QList>
#include <QStringList>

#include <optional>

// DescribeSourceServersRequestFilters: every member optional, an absent one
// does not filter.
struct SourceServerFilters {
    std::optional<QStringList> sourceServerIDs;
    std::optional<bool> isArchived;
    std::optional<QList<mgn::EnumValue<mgn::ReplicationType>>> replicationTypes;
    std::optional<QList<mgn::EnumValue<mgn::LifeCycleState>>> lifeCycleStates;
    std::optional<QStringList> applicationIDs;

    bool operator==(const SourceServerFilters &) const = default;
};
