#include "app/mgn/MgnBulkCall.h"

#include "app/mgn/MgnCall.h"

namespace mgn {

MgnBulkCall::MgnBulkCall(const QList<QStringList> &units, Start start, int concurrency, QObject *parent)
    : QObject(parent)
    , m_units(units)
    , m_start(std::move(start))
    , m_concurrency(qMax(1, concurrency))
{
    m_outcomes.resize(m_units.size());
    m_hasOutcome.resize(m_units.size(), false);
}

void MgnBulkCall::start()
{
    if (m_units.isEmpty()) {
        // Nothing to do still answers from the event loop, as any call.
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_done = true;
                Q_EMIT finished();
                deleteLater();
            },
            Qt::QueuedConnection);
        return;
    }
    startMore();
}

void MgnBulkCall::startMore()
{
    while (!m_aborted && m_next < m_units.size() && m_running.size() < m_concurrency) {
        const int unit = m_next++;
        // QPointer: the callback may run after this object is gone.
        QPointer<MgnBulkCall> self(this);
        MgnCall *call = m_start(m_units.at(unit), [self, unit](const BulkOutcome &outcome) {
            if (self)
                self->onUnitDone(unit, outcome);
        });
        if (call && !m_hasOutcome.at(unit))
            m_running.insert(unit, call);
    }
}

void MgnBulkCall::onUnitDone(int unit, const BulkOutcome &outcome)
{
    if (m_done || m_hasOutcome.at(unit))
        return;
    m_hasOutcome[unit] = true;
    m_running.remove(unit);
    BulkOutcome filled = outcome;
    filled.sourceServerIDs = m_units.at(unit);
    m_outcomes[unit] = filled;
    ++m_finished;
    if (filled.error)
        ++m_failed;
    Q_EMIT unitFinished(unit, filled);
    Q_EMIT progress(m_finished, int(m_units.size()));
    startMore();
    if (m_finished == m_units.size()) {
        m_done = true;
        Q_EMIT finished();
        deleteLater();
    }
}

void MgnBulkCall::abort()
{
    if (m_done || m_aborted)
        return;
    m_aborted = true;
    // Units never started are cancelled here; those in flight through their call.
    const int firstUnstarted = m_next;
    m_next = int(m_units.size());
    for (int unit = firstUnstarted; unit < m_units.size(); ++unit) {
        BulkOutcome cancelled;
        cancelled.error = AwsError::transport(AwsError::Kind::Cancelled);
        onUnitDone(unit, cancelled);
        if (m_done)
            return;
    }
    const auto running = m_running.values();
    for (const auto &call : running) {
        if (call)
            call->abort();
    }
}

} // namespace mgn
