#pragma once

#include "models/domain/SourceServer.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mgn {

// An application, wave or connector of the emulated account: its ID and ARN,
// its tags (found by ARN, like every resource's), and the other members of
// its API shape as the service answers them (name, description, isArchived,
// creationDateTime, lastModifiedDateTime, waveID, ssmInstanceID, ...). The
// aggregated statuses are not stored: they are computed from the members
// when answered (PlanningStatus).
struct PlanningRecord final {
    QString id;
    QString arn;
    QJsonObject fields;
    std::optional<mgn::Tags> tags;

    bool operator==(const PlanningRecord &) const = default;
};

} // namespace mgn
