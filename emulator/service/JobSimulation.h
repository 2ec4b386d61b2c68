#pragma once

#include "models/domain/MgnEnums.h"

#include <QList>
#include <QString>
#include <QtGlobal>

namespace mgn {

// The rest of a job's life, drawn when the job starts: timed steps applied as
// simulated time reaches them (JobSimulator::advance). Times in simulated ms.
struct JobSimulation final {
    enum class Kind : quint8 {
        Start, // the job is STARTED; participants no longer eligible are skipped
        Log, // a log item for one participant, which is IN_PROGRESS from then on
        Launched, // the participant's instance is up (LAUNCHED)
        Failed, // the participant failed (logEvent says how)
        Terminated, // the participant's launched instance is gone (TERMINATED)
        End, // the job is COMPLETED
    };

    struct Step final {
        qint64 at = 0;
        Kind kind = Kind::Start;
        int participant = -1; // index into participatingServers; -1 for the job
        mgn::JobLogEvent logEvent = mgn::JobLogEvent::Unrecognized;
        QString detail; // an instance ID, or the raw error of a failure

        bool operator==(const Step &) const = default;
    };

    QList<Step> pending; // in time order

    bool operator==(const JobSimulation &) const = default;
};

} // namespace mgn
