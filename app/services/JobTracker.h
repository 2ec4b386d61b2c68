#pragma once

#include "app/mgn/MgnClient.h"
#include "models/domain/Job.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>

namespace mgn {

// The account's jobs (DescribeJobs), and the ones started from this window
// followed until they end: while any is pending or started, the tracker asks
// for those jobs every `pollInterval` and reports each change; when one
// completes, jobFinished() tells (the servers it launched need a refresh).
class JobTracker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobTracker)

public:
    explicit JobTracker(MgnClient *client, QObject *parent = nullptr);

    void setPollInterval(std::chrono::milliseconds interval) { m_interval = interval; }

    // All jobs known, newest first.
    QList<mgn::Job> jobs() const;
    std::optional<mgn::Job> job(const QString &jobId) const;
    // Jobs in which this server took part, newest first.
    QList<mgn::Job> jobsOf(const QString &sourceServerId) const;
    bool isFollowing(const QString &jobId) const { return m_following.contains(jobId); }

public Q_SLOTS:
    // Lists every job of the account.
    void refresh();
    // Follows a job until it completes.
    void follow(const QString &jobId);

Q_SIGNALS:
    void jobsChanged();
    void jobFinished(const mgn::Job &job);
    void failed(const AwsError &error);

private:
    void poll();
    void merge(const QList<mgn::Job> &jobs);
    static bool isOver(const mgn::Job &job);

    MgnClient *m_client;
    std::chrono::milliseconds m_interval { 5000 };
    QHash<QString, mgn::Job> m_jobs;
    QSet<QString> m_following;
    QTimer m_timer;
    QPointer<MgnCall> m_listing;
    QPointer<MgnCall> m_polling;
};

} // namespace mgn
