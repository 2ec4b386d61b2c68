#pragma once

#include "Job.h"
#include "JobLog.h"
#include "JobSimulation.h"

#include <QList>

// One job of the emulated fleet: its API shape, its log so far, and the
// steps still to come.
struct FleetJob {
    mgn::Job job;
    QList<mgn::JobLog> log;
    JobSimulation sim;

    bool operator==(const FleetJob &) const = default;
};
