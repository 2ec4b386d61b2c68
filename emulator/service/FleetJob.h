#pragma once

#include "emulator/service/JobSimulation.h"
#include "models/domain/Job.h"
#include "models/domain/JobLog.h"

#include <QList>

namespace mgn {

// One job of the emulated fleet: its API shape, its log so far, and the
// steps still to come.
struct FleetJob final {
    mgn::Job job;
    QList<mgn::JobLog> log;
    JobSimulation sim;

    bool operator==(const FleetJob &) const = default;
};

} // namespace mgn
