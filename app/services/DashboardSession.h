#pragma once

#include "app/aws/AwsAttemptInfo.h"
#include "app/aws/AwsError.h"
#include "app/mgn/MgnConnection.h"
#include "app/mgn/PagingProgress.h"
#include "models/domain/Job.h"
#include "models/domain/SourceServer.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

namespace mgn {

class JobTracker;
class KeychainSecretStore;
class LagHistory;
class MgnClient;
class ProfileKeyStore;
class RefreshService;
class SourceServerTableModel;

// What the dashboard knows and does apart from its widgets: the connection
// (one the session opened, or one it was given), the fleet (the table model),
// the refresh that keeps it fresh, the account's jobs, the lag history fed by
// every refresh and the account the servers belong to. The window builds
// widgets over it and follows its signals; tests drive it alone.
class DashboardSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardSession)

public:
    // The lag history persists in `lagCacheFile` (empty: in memory only).
    explicit DashboardSession(const QString &lagCacheFile, QObject *parent = nullptr);
    ~DashboardSession() override;

    // lag-history.bin in the user's cache directory, which it creates.
    static QString defaultLagCacheFile();
    // The profiles of ~/.aws/config and ~/.aws/credentials, "default" first
    // when no file names it.
    static QStringList profileNames();

    SourceServerTableModel *servers() const { return m_servers; }
    LagHistory *lagHistory() const { return m_lagHistory; }
    // nullptr while disconnected, and so are the client, the refresh and the tracker.
    MgnConnection *connection() const { return m_connection; }
    MgnClient *client() const;
    RefreshService *refreshService() const { return m_refresh.get(); }
    JobTracker *jobTracker() const { return m_jobTracker.get(); }
    // The account of the servers shown, from their ARNs; empty until known.
    QString account() const { return m_account; }
    // The endpoint URL of the last openConnection (empty: the region's own).
    QString endpointUrl() const { return m_endpointUrl; }
    // The keys of keychain profiles, the entries MgnConnection reads
    // (opened at the first call: the keychain may ask the user).
    ProfileKeyStore *profileKeys();

    // Connects to the service (nullptr: disconnected) and starts a first
    // refresh. The session does not own `connection`; a connection it opened
    // itself is closed.
    void setConnection(MgnConnection *connection);
    // Resolves profile, region and endpoint like the AWS CLI and connects;
    // the session owns that connection. A change of profile, region or
    // endpoint empties the fleet first (another account's servers). Returns
    // false, with connectionFailed() emitted, when the configuration cannot work.
    bool openConnection(const QString &profile, const QString &region, const QString &endpointUrl);

    // Automatic refresh, counted from the end of the last one: 0 is off.
    void setAutoRefreshInterval(std::chrono::seconds interval);
    std::chrono::seconds autoRefreshInterval() const { return m_autoRefresh; }

public Q_SLOTS:
    // Nothing while disconnected.
    void refresh();
    void cancelRefresh();
    // Follows a job just started until it ends, and lists the account's jobs.
    void followJob(const QString &jobId);

Q_SIGNALS:
    // After setConnection and openConnection: connection() tells which.
    void connectionChanged();
    // openConnection connected to `profile` in `region`.
    void connectionOpened(const QString &profile, const QString &region);
    void connectionFailed(const QString &message);
    void accountChanged(const QString &account);
    void autoRefreshIntervalChanged(std::chrono::seconds interval);

    void refreshStarted();
    // A page of servers, already in servers().
    void pageArrived(const QList<mgn::SourceServer> &servers, const PagingProgress &progress);
    // The complete list is in servers() and a lag sample of each server in lagHistory().
    void refreshSucceeded(const QList<mgn::SourceServer> &servers);
    // The fleet keeps what it had: nothing is removed on a failed refresh.
    void refreshFailed(const AwsError &error);
    // After refreshSucceeded or refreshFailed.
    void refreshFinished();
    void serversSkipped(const QStringList &problems);

    void jobsChanged();
    void jobFinished(const mgn::Job &job);

    // The transport's attempts (failed ones and whether they are retried) and load.
    void attemptFinished(const AwsAttemptInfo &info);
    void requestsInFlightChanged(int count);

private:
    void onSnapshot(const QList<mgn::SourceServer> &servers, const QSet<QString> &undecodable);
    void setAccount(const QString &account);

    SourceServerTableModel *m_servers;
    LagHistory *m_lagHistory;
    QString m_account;
    QString m_endpointUrl;
    std::chrono::seconds m_autoRefresh { 0 };
    // Given or opened: a connection given may go first.
    QPointer<MgnConnection> m_connection;
    // Declared in the order they depend on each other: the keychain before
    // the key store reading it, a connection before the services using its client.
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<ProfileKeyStore> m_profileKeys;
    std::unique_ptr<MgnConnection> m_ownConnection;
    std::unique_ptr<RefreshService> m_refresh;
    std::unique_ptr<JobTracker> m_jobTracker;
};

} // namespace mgn
