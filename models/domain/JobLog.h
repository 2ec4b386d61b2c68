#pragma once

#include "models/domain/MgnEnums.h"

#include <QString>

#include <optional>

// One item of DescribeJobLogItems.
namespace mgn {

struct JobLogEventData final {
    std::optional<QString> sourceServerID;
    std::optional<QString> conversionServerID;
    std::optional<QString> targetInstanceID;
    std::optional<QString> rawError;
    std::optional<qint64> attemptCount;
    std::optional<qint64> maxAttemptsCount;

    bool operator==(const JobLogEventData &) const = default;
};

struct JobLog final {
    std::optional<qint64> logDateTime;
    std::optional<EnumValue<JobLogEvent>> event;
    std::optional<JobLogEventData> eventData;

    bool operator==(const JobLog &) const = default;
};

} // namespace mgn
