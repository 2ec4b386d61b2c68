#pragma once

#include "models/domain/EnumValue.h"
#include "models/domain/MgnEnums.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace mgn {

// DescribeSourceServersRequestFilters: every member optional, an absent one
// does not filter.
struct SourceServerFilters final {
    std::optional<QStringList> sourceServerIDs;
    std::optional<bool> isArchived;
    std::optional<QList<mgn::EnumValue<mgn::ReplicationType>>> replicationTypes;
    std::optional<QList<mgn::EnumValue<mgn::LifeCycleState>>> lifeCycleStates;
    std::optional<QStringList> applicationIDs;

    bool operator==(const SourceServerFilters &) const = default;
};

} // namespace mgn
