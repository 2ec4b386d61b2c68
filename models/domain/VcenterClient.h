#pragma once

#include "models/domain/SourceServer.h"

#include <QString>

#include <optional>

// One item of DescribeVcenterClients.
namespace mgn {

struct VcenterClient final {
    std::optional<QString> vcenterClientID;
    std::optional<QString> arn;
    std::optional<QString> hostname;
    std::optional<QString> vcenterUUID;
    std::optional<QString> datacenterName;
    std::optional<qint64> lastSeenDatetime;
    std::optional<Tags> sourceServerTags;
    std::optional<Tags> tags;

    bool operator==(const VcenterClient &) const = default;
};

} // namespace mgn
