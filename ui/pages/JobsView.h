#pragma once

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QTableWidget;

namespace mgn {

class JobTracker;
class MgnCall;
class MgnClient;

// Jobs (launches and terminations) with their status and servers, and the
// log of the job selected (DescribeJobLogItems). Shows the account's jobs,
// or those of one server.
class JobsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsView)

public:
    explicit JobsView(QWidget *parent = nullptr);

    void setTracker(JobTracker *tracker);
    void setClient(MgnClient *client);
    // nullopt: every job of the account.
    void setServerFilter(const std::optional<QString> &sourceServerId);

    QTableWidget *jobsTable() const { return m_jobs; }
    QTableWidget *logTable() const { return m_log; }

private:
    void populate();
    void showLog();

    QPointer<JobTracker> m_tracker;
    QPointer<MgnClient> m_client;
    QPointer<MgnCall> m_logCall;
    std::optional<QString> m_server;
    QTableWidget *m_jobs;
    QTableWidget *m_log;
    QLabel *m_logState;
};

} // namespace mgn
