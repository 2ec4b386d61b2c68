#pragma once

#include "app/aws/AwsError.h"
#include "models/domain/Job.h"
#include "models/domain/SourceServer.h"

#include <QStringList>

#include <optional>

namespace mgn {

// What one unit of a bulk operation came to: a single server's call (the
// updated server), or one batch of a job-starting call (the job), or the
// error that refused it.
struct BulkOutcome final {
    QStringList sourceServerIDs;
    std::optional<mgn::SourceServer> server;
    std::optional<mgn::Job> job;
    std::optional<AwsError> error;
    QString requestId;

    bool ok() const { return !error.has_value(); }
};

} // namespace mgn
