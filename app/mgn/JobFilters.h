#pragma once

#include <QStringList>

#include <optional>

namespace mgn {

// DescribeJobsRequestFilters; the dates in milliseconds since the epoch.
struct JobFilters final {
    std::optional<QStringList> jobIDs;
    std::optional<qint64> fromDate;
    std::optional<qint64> toDate;

    bool operator==(const JobFilters &) const = default;
};

} // namespace mgn
