#include "app/services/RefreshService.h"

namespace mgn {

using namespace Qt::Literals::StringLiterals;

RefreshService::RefreshService(MgnClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RefreshService::refresh);
}

void RefreshService::setInterval(std::chrono::seconds interval)
{
    m_interval = interval;
    if (m_interval.count() <= 0)
        m_timer.stop();
    else if (!isRefreshing())
        scheduleNext();
}

void RefreshService::scheduleNext()
{
    if (m_interval.count() > 0)
        m_timer.start(m_interval);
}

void RefreshService::refresh()
{
    if (isRefreshing()) {
        m_again = true;
        return;
    }
    m_timer.stop();
    m_again = false;
    m_pages.clear();
    m_undecodable.clear();
    m_progress = {};
    Q_EMIT started();
    m_call = m_client->describeSourceServers(
        m_filters,
        [this](const mgn::Page<mgn::SourceServer> &page, const PagingProgress &progress) {
            m_progress = progress;
            // The page's own list, shared: the servers are copied once, into
            // the snapshot, not on every page as one list grows.
            m_pages.append(page.items);
            QStringList problems;
            for (const mgn::DecodeError &error : page.errors) {
                if (!error.id.isEmpty())
                    m_undecodable.insert(error.id);
                problems.append(error.id + u": "_s + error.path + u": "_s + error.message);
            }
            if (!problems.isEmpty())
                Q_EMIT skipped(problems);
            Q_EMIT pageReceived(page.items, progress);
        },
        [this](const MgnResult<PagingProgress> &result) {
            m_call = nullptr;
            if (result.ok()) {
                m_lastSuccess = QDateTime::currentDateTimeUtc();
                Q_EMIT snapshotReady(snapshot(), m_undecodable);
            } else {
                Q_EMIT failed(*result.error);
            }
            m_pages.clear();
            Q_EMIT finished();
            if (m_again)
                QTimer::singleShot(0, this, &RefreshService::refresh);
            else
                scheduleNext();
        });
}

QList<mgn::SourceServer> RefreshService::snapshot() const
{
    if (m_pages.size() == 1)
        return m_pages.constFirst();
    QList<mgn::SourceServer> servers;
    servers.reserve(m_progress.items);
    for (const auto &page : m_pages)
        servers.append(page);
    return servers;
}

void RefreshService::cancel()
{
    m_again = false;
    if (m_call)
        m_call->abort();
}

} // namespace mgn
