#pragma once

#include "app/mgn/BulkOutcome.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace mgn {

class MgnCall;

// Runs one operation per unit (a server, or a batch of servers for the
// job-starting calls) with at most `concurrency` units in flight, and reports
// each unit's outcome as it comes; a failed unit does not stop the others.
// Units start in order. finished() is emitted once, after every unit has an
// outcome; after abort() the units not started yet get a Cancelled outcome.
// Like MgnCall it deletes itself (later) once finished.
class MgnBulkCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MgnBulkCall)

public:
    using Done = std::function<void(const BulkOutcome &outcome)>;
    // Starts the call for one unit; `done` must be called exactly once
    // (asynchronously), unless the returned MgnCall is aborted first, which
    // calls it with a Cancelled error.
    using Start = std::function<MgnCall *(const QStringList &ids, Done done)>;

    MgnBulkCall(const QList<QStringList> &units, Start start, int concurrency, QObject *parent = nullptr);

    // Starts the first units; outcomes arrive from the event loop.
    void start();
    void abort();

    int unitCount() const { return int(m_units.size()); }
    int finishedCount() const { return m_finished; }
    int failedCount() const { return m_failed; }
    int inFlight() const { return int(m_running.size()); }
    // In unit order; an entry is empty until that unit finished.
    const QList<BulkOutcome> &outcomes() const { return m_outcomes; }
    bool isFinished() const { return m_done; }

Q_SIGNALS:
    void unitFinished(int unit, const BulkOutcome &outcome);
    void progress(int finished, int total);
    void finished();

private:
    void startMore();
    void onUnitDone(int unit, const BulkOutcome &outcome);

    QList<QStringList> m_units;
    Start m_start;
    int m_concurrency;
    int m_next = 0;
    int m_finished = 0;
    int m_failed = 0;
    bool m_aborted = false;
    bool m_done = false;
    QHash<int, QPointer<MgnCall>> m_running; // by unit
    QList<BulkOutcome> m_outcomes;
    QList<bool> m_hasOutcome;
};

} // namespace mgn
