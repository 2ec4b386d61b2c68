#include "app/services/JobTracker.h"

#include <algorithm>
#include <memory>

namespace mgn {

JobTracker::JobTracker(MgnClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &JobTracker::poll);
}

bool JobTracker::isOver(const mgn::Job &job)
{
    return job.status && *job.status == mgn::JobStatus::Completed;
}

QList<mgn::Job> JobTracker::jobs() const
{
    QList<mgn::Job> list = m_jobs.values();
    std::sort(list.begin(), list.end(), [](const mgn::Job &a, const mgn::Job &b) {
        return a.creationDateTime.value_or(0) != b.creationDateTime.value_or(0)
            ? a.creationDateTime.value_or(0) > b.creationDateTime.value_or(0)
            : a.jobID > b.jobID;
    });
    return list;
}

std::optional<mgn::Job> JobTracker::job(const QString &jobId) const
{
    const auto it = m_jobs.constFind(jobId);
    return it == m_jobs.constEnd() ? std::nullopt : std::optional<mgn::Job>(*it);
}

QList<mgn::Job> JobTracker::jobsOf(const QString &sourceServerId) const
{
    QList<mgn::Job> list;
    for (const mgn::Job &job : jobs()) {
        const auto &servers = job.participatingServers;
        if (servers
            && std::any_of(servers->cbegin(), servers->cend(), [&](const mgn::ParticipatingServer &server) {
                   return server.sourceServerID == sourceServerId;
               }))
            list.append(job);
    }
    return list;
}

void JobTracker::merge(const QList<mgn::Job> &jobs)
{
    bool changed = false;
    for (const mgn::Job &job : jobs) {
        const auto it = m_jobs.constFind(job.jobID);
        if (it != m_jobs.constEnd() && *it == job)
            continue;
        m_jobs.insert(job.jobID, job);
        changed = true;
        if (m_following.contains(job.jobID) && isOver(job)) {
            m_following.remove(job.jobID);
            Q_EMIT jobFinished(job);
        }
    }
    if (changed)
        Q_EMIT jobsChanged();
}

void JobTracker::refresh()
{
    if (m_listing)
        return;
    auto collected = std::make_shared<QList<mgn::Job>>();
    m_listing = m_client->describeJobs(
        {},
        [collected](
            const mgn::Page<mgn::Job> &page, const PagingProgress &) { collected->append(page.items); },
        [this, collected](const MgnResult<PagingProgress> &result) {
            if (!result.ok()) {
                Q_EMIT failed(*result.error);
                return;
            }
            merge(*collected);
        });
}

void JobTracker::follow(const QString &jobId)
{
    if (jobId.isEmpty())
        return;
    m_following.insert(jobId);
    if (!m_timer.isActive() && !m_polling)
        m_timer.start(m_interval);
}

void JobTracker::poll()
{
    if (m_following.isEmpty())
        return;
    JobFilters filters;
    filters.jobIDs = QStringList(m_following.cbegin(), m_following.cend());
    auto collected = std::make_shared<QList<mgn::Job>>();
    m_polling = m_client->describeJobs(
        filters,
        [collected](
            const mgn::Page<mgn::Job> &page, const PagingProgress &) { collected->append(page.items); },
        [this, collected](const MgnResult<PagingProgress> &result) {
            if (result.ok())
                merge(*collected);
            else
                Q_EMIT failed(*result.error);
            // A failed poll is tried again: the job goes on on the service's side.
            if (!m_following.isEmpty())
                m_timer.start(m_interval);
        });
}

} // namespace mgn
