#include "app/services/LagHistory.h"

#include <QDataStream>
#include <QFile>
#include <QSaveFile>
#include <QSet>

namespace mgn {

namespace {

constexpr quint32 cacheMagic = 0x4d474e4c; // "MGNL"
constexpr quint32 cacheVersion = 1;
// Stands for an unknown lag in the file.
constexpr qint64 unknownLag = -1;

} // namespace

LagHistory::LagHistory(const QString &cacheFile, QObject *parent)
    : QObject(parent)
    , m_cacheFile(cacheFile)
{ }

void LagHistory::record(const QList<mgn::SourceServer> &servers, qint64 atMs)
{
    for (const mgn::SourceServer &server : servers) {
        if (!server.sourceServerID)
            continue;
        QList<Sample> &list = m_samples[*server.sourceServerID];
        const Sample sample { atMs, server.lag() };
        if (!list.isEmpty() && list.constLast().atMs == atMs)
            list.last() = sample;
        else
            list.append(sample);
        if (list.size() > m_maxSamples)
            list.remove(0, list.size() - m_maxSamples);
    }
    Q_EMIT recorded(atMs);
}

void LagHistory::retain(const QSet<QString> &sourceServerIds)
{
    for (auto it = m_samples.begin(); it != m_samples.end();) {
        if (sourceServerIds.contains(it.key()))
            ++it;
        else
            it = m_samples.erase(it);
    }
}

bool LagHistory::save(QString *error) const
{
    if (m_cacheFile.isEmpty())
        return true;
    QSaveFile file(m_cacheFile);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("%1: %2").arg(m_cacheFile, file.errorString());
        return false;
    }
    QDataStream out(&file);
    out.setVersion(QDataStream::Qt_6_4);
    out << cacheMagic << cacheVersion << qint32(m_samples.size());
    for (auto it = m_samples.cbegin(); it != m_samples.cend(); ++it) {
        out << it.key() << qint32(it.value().size());
        for (const Sample &sample : it.value())
            out << sample.atMs << sample.lagMs.value_or(unknownLag);
    }
    if (out.status() != QDataStream::Ok || !file.commit()) {
        *error = tr("%1: %2").arg(m_cacheFile, file.errorString());
        return false;
    }
    return true;
}

bool LagHistory::load(QString *error)
{
    m_samples.clear();
    if (m_cacheFile.isEmpty() || !QFile::exists(m_cacheFile))
        return true;
    QFile file(m_cacheFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: %2").arg(m_cacheFile, file.errorString());
        return false;
    }
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 version = 0;
    qint32 servers = 0;
    in >> magic >> version >> servers;
    if (in.status() != QDataStream::Ok || magic != cacheMagic || version != cacheVersion || servers < 0) {
        *error = tr("%1: not a lag history cache of this version").arg(m_cacheFile);
        return false;
    }
    QHash<QString, QList<Sample>> loaded;
    for (qint32 i = 0; i < servers; ++i) {
        QString id;
        qint32 count = 0;
        in >> id >> count;
        if (in.status() != QDataStream::Ok || count < 0 || count > m_maxSamples * 4) {
            *error = tr("%1: damaged at server %2").arg(m_cacheFile).arg(i);
            return false;
        }
        QList<Sample> list;
        list.reserve(count);
        for (qint32 j = 0; j < count; ++j) {
            qint64 at = 0;
            qint64 lag = 0;
            in >> at >> lag;
            list.append(Sample { at, lag == unknownLag ? std::nullopt : std::optional<qint64>(lag) });
        }
        if (in.status() != QDataStream::Ok) {
            *error = tr("%1: damaged at server %2").arg(m_cacheFile).arg(i);
            return false;
        }
        if (list.size() > m_maxSamples)
            list.remove(0, list.size() - m_maxSamples);
        loaded.insert(id, list);
    }
    m_samples = std::move(loaded);
    return true;
}

} // namespace mgn
