#pragma once

#include "app/mgn/MgnClient.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <optional>

namespace mgn {

// Keeps the source server list fresh: a refresh lists every server
// (DescribeSourceServers, all pages), hands each page over as it arrives so
// the table fills while paging goes on, then the whole snapshot so vanished
// servers can go. One refresh at a time; another request while one runs is
// folded into it. An optional interval refreshes on its own.
//
// A failed refresh changes nothing that was not already delivered: the pages
// that arrived are fresh data, but no server is removed on the strength of an
// incomplete list.
class RefreshService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefreshService)

public:
    explicit RefreshService(MgnClient *client, QObject *parent = nullptr);

    void setFilters(const SourceServerFilters &filters) { m_filters = filters; }
    // 0 turns automatic refresh off. The interval counts from the end of a refresh.
    void setInterval(std::chrono::seconds interval);
    std::chrono::seconds interval() const { return m_interval; }

    bool isRefreshing() const { return !m_call.isNull(); }
    std::optional<QDateTime> lastSuccess() const { return m_lastSuccess; }
    const PagingProgress &progress() const { return m_progress; }

public Q_SLOTS:
    void refresh();
    void cancel();

Q_SIGNALS:
    void started();
    // Servers of one page (decoded ones; the others are in `skipped`).
    void pageReceived(const QList<mgn::SourceServer> &servers, const PagingProgress &progress);
    // The complete list. `undecodable` holds the IDs of servers the service
    // listed but that could not be read: keep what is known of them.
    void snapshotReady(const QList<mgn::SourceServer> &servers, const QSet<QString> &undecodable);
    void failed(const AwsError &error);
    // After snapshotReady or failed (or a cancel).
    void finished();
    // Items that did not decode: "id: path: message", for a status line or log.
    void skipped(const QStringList &problems);

private:
    void scheduleNext();
    QList<mgn::SourceServer> snapshot() const;

    MgnClient *m_client;
    SourceServerFilters m_filters;
    std::chrono::seconds m_interval { 0 };
    QTimer m_timer;
    QPointer<MgnCall> m_call;
    // The decoded servers of each page so far.
    QList<QList<mgn::SourceServer>> m_pages;
    QSet<QString> m_undecodable;
    PagingProgress m_progress;
    std::optional<QDateTime> m_lastSuccess;
    bool m_again = false;
};

} // namespace mgn
