#pragma once

#include "models/domain/SourceServer.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace mgn {

// Replication lag over time, per source server: one sample per refresh
// (DESIGN.md, "Data flow" 7), kept in memory up to a cap per server and in a
// small cache file so a chart survives a restart. A sample without a lag
// (replication not yet launchable, or disconnected) is kept as unknown: the
// chart shows a gap, not a zero.
class LagHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LagHistory)

public:
    struct Sample final {
        qint64 atMs = 0; // ms since the epoch, UTC
        std::optional<qint64> lagMs;

        bool operator==(const Sample &) const = default;
    };

    // An empty path keeps the history in memory only.
    explicit LagHistory(const QString &cacheFile = {}, QObject *parent = nullptr);

    void setMaxSamplesPerServer(int count) { m_maxSamples = qMax(2, count); }
    int maxSamplesPerServer() const { return m_maxSamples; }

    // A sample for every server of a snapshot taken at `atMs`. A second
    // sample at the same time for a server replaces the first.
    void record(const QList<mgn::SourceServer> &servers, qint64 atMs);
    QList<Sample> samples(const QString &sourceServerId) const { return m_samples.value(sourceServerId); }
    // Servers no longer listed lose their history.
    void retain(const QSet<QString> &sourceServerIds);
    int serverCount() const { return int(m_samples.size()); }

    // The cache file: a versioned QDataStream, written atomically (QSaveFile).
    // A missing file is no error; a damaged one is, and leaves the history empty.
    bool load(QString *error);
    bool save(QString *error) const;

Q_SIGNALS:
    void recorded(qint64 atMs);

private:
    QString m_cacheFile;
    int m_maxSamples = 240;
    QHash<QString, QList<Sample>> m_samples;
};

} // namespace mgn
