#pragma once

#include "aws/AwsError.h"

#include "Job.h"
#include "SourceServer.h"

#include <QStringList>

#include <optional>

// What one unit of a bulk operation came to: a single server's call (the
// updated server), or one batch of a job-starting call (the job), or the
// error that refused it.
struct BulkOutcome {
    QStringList sourceServerIDs;
    std::optional<mgn::SourceServer> server;
    std::optional<mgn::Job> job;
    std::optional<AwsError> error;
    QString requestId;

    bool ok() const { return !error.has_value(); }
};
