#include "app/services/DashboardSession.h"

#include "app/aws/AwsConfigFiles.h"
#include "app/aws/AwsTransport.h"
#include "app/aws/KeychainSecretStore.h"
#include "app/aws/ProfileKeyStore.h"
#include "app/mgn/MgnConnection.h"
#include "app/services/JobTracker.h"
#include "app/services/LagHistory.h"
#include "app/services/RefreshService.h"
#include "models/itemmodels/SourceServerTableModel.h"

#include <QDateTime>
#include <QDir>
#include <QProcessEnvironment>
#include <QStandardPaths>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

DashboardSession::DashboardSession(const QString &lagCacheFile, QObject *parent)
    : QObject(parent)
    , m_servers(new SourceServerTableModel(this))
    , m_lagHistory(new LagHistory(lagCacheFile, this))
{
    QString error;
    if (!m_lagHistory->load(&error))
        qWarning("Lag history not restored: %s", qUtf8Printable(error));
}

DashboardSession::~DashboardSession()
{
    setConnection(nullptr);
    QString error;
    if (!m_lagHistory->save(&error))
        qWarning("Lag history not saved: %s", qUtf8Printable(error));
}

QString DashboardSession::defaultLagCacheFile()
{
    const QString cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (cacheDir.isEmpty())
        return {};
    QDir().mkpath(cacheDir);
    return cacheDir + u"/lag-history.bin"_s;
}

QStringList DashboardSession::profileNames()
{
    const AwsConfigFiles files
        = AwsConfigFiles::load(QProcessEnvironment::systemEnvironment(), QDir::homePath());
    QStringList profiles = files.profileNames();
    if (!profiles.contains(u"default"_s))
        profiles.prepend(u"default"_s);
    return profiles;
}

MgnClient *DashboardSession::client() const
{
    return m_connection ? m_connection->client() : nullptr;
}

ProfileKeyStore *DashboardSession::profileKeys()
{
    if (!m_keychain) {
        m_keychain = std::make_unique<KeychainSecretStore>(u"mgn-dashboard"_s);
        m_profileKeys = std::make_unique<ProfileKeyStore>(*m_keychain);
    }
    return m_profileKeys.get();
}

void DashboardSession::setConnection(MgnConnection *connection)
{
    m_jobTracker.reset();
    m_refresh.reset();
    if (m_connection)
        m_connection->transport()->disconnect(this);
    m_connection = connection;
    if (m_ownConnection.get() != connection)
        m_ownConnection.reset();
    if (!connection) {
        Q_EMIT connectionChanged();
        return;
    }
    connect(
        connection->transport(), &AwsTransport::attemptFinished, this, &DashboardSession::attemptFinished);
    connect(connection->transport(), &AwsTransport::requestsInFlightChanged, this,
        &DashboardSession::requestsInFlightChanged);
    m_refresh = std::make_unique<RefreshService>(connection->client());
    m_refresh->setInterval(m_autoRefresh);
    m_jobTracker = std::make_unique<JobTracker>(connection->client());
    connect(m_jobTracker.get(), &JobTracker::jobsChanged, this, &DashboardSession::jobsChanged);
    connect(m_jobTracker.get(), &JobTracker::jobFinished, this, [this](const mgn::Job &job) {
        Q_EMIT jobFinished(job);
        // Its servers changed state: show it.
        m_refresh->refresh();
    });
    connect(m_refresh.get(), &RefreshService::started, this, &DashboardSession::refreshStarted);
    connect(m_refresh.get(), &RefreshService::pageReceived, this,
        [this](const QList<mgn::SourceServer> &servers, const PagingProgress &progress) {
            m_servers->upsert(servers);
            Q_EMIT pageArrived(servers, progress);
        });
    connect(m_refresh.get(), &RefreshService::snapshotReady, this, &DashboardSession::onSnapshot);
    connect(m_refresh.get(), &RefreshService::failed, this, &DashboardSession::refreshFailed);
    connect(m_refresh.get(), &RefreshService::skipped, this, &DashboardSession::serversSkipped);
    connect(m_refresh.get(), &RefreshService::finished, this, &DashboardSession::refreshFinished);
    Q_EMIT connectionChanged();
    m_refresh->refresh();
}

bool DashboardSession::openConnection(
    const QString &profile, const QString &region, const QString &endpointUrl)
{
    MgnConnection::Settings settings;
    if (!profile.isEmpty())
        settings.profile = profile;
    if (!region.isEmpty())
        settings.region = region;
    if (!endpointUrl.isEmpty())
        settings.endpointUrl = endpointUrl;
    m_endpointUrl = endpointUrl;
    QString error;
    std::unique_ptr<MgnConnection> opened(
        MgnConnection::open(settings, QProcessEnvironment::systemEnvironment(), QDir::homePath(), &error));
    if (!opened) {
        Q_EMIT connectionFailed(error);
        return false;
    }
    const bool otherAccount = !m_connection || m_connection->profileName() != opened->profileName()
        || m_connection->region() != opened->region() || m_connection->endpoint() != opened->endpoint();
    setConnection(nullptr);
    if (otherAccount) {
        m_servers->clear();
        setAccount(QString());
    }
    m_ownConnection = std::move(opened);
    setConnection(m_ownConnection.get());
    Q_EMIT connectionOpened(m_connection->profileName(), m_connection->region());
    return true;
}

void DashboardSession::setAutoRefreshInterval(std::chrono::seconds interval)
{
    m_autoRefresh = interval;
    if (m_refresh)
        m_refresh->setInterval(interval);
    Q_EMIT autoRefreshIntervalChanged(interval);
}

void DashboardSession::refresh()
{
    if (m_refresh)
        m_refresh->refresh();
}

void DashboardSession::cancelRefresh()
{
    if (m_refresh)
        m_refresh->cancel();
}

void DashboardSession::followJob(const QString &jobId)
{
    if (!m_jobTracker)
        return;
    m_jobTracker->follow(jobId);
    m_jobTracker->refresh();
}

void DashboardSession::onSnapshot(const QList<mgn::SourceServer> &servers, const QSet<QString> &undecodable)
{
    m_jobTracker->refresh();
    m_servers->merge(servers, undecodable);
    m_lagHistory->record(servers, QDateTime::currentMSecsSinceEpoch());
    // The account is the fifth field of the servers' ARNs
    // (arn:aws:mgn:us-east-1:111122223333:source-server/s-...): no extra call needed.
    for (const mgn::SourceServer &server : servers) {
        const QString account = server.arn.value_or(QString()).section(u':', 4, 4);
        if (!account.isEmpty()) {
            setAccount(account);
            break;
        }
    }
    Q_EMIT refreshSucceeded(servers);
}

void DashboardSession::setAccount(const QString &account)
{
    if (account == m_account)
        return;
    m_account = account;
    Q_EMIT accountChanged(account);
}

} // namespace mgn
