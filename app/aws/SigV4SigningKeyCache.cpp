#include "app/aws/SigV4SigningKeyCache.h"

#include "app/aws/SigV4Signer.h"

#include <QCryptographicHash>
#include <QMutexLocker>

namespace mgn {

SigV4SigningKeyCache::SigV4SigningKeyCache(qsizetype capacity)
    : m_capacity(capacity)
{ }

QByteArray SigV4SigningKeyCache::signingKey(
    const QString &secretAccessKey, QByteArrayView date, const QString &region, const QString &service)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    // Length-prefixed fields, so that no two different tuples hash alike.
    for (const QByteArray &field :
        { date.toByteArray(), region.toUtf8(), service.toUtf8(), secretAccessKey.toUtf8() }) {
        hash.addData(QByteArray(QByteArray::number(field.size()) + ':'));
        hash.addData(field);
    }
    const QByteArray cacheKey = hash.result();

    const QMutexLocker locker(&m_mutex);
    const auto found = m_keys.constFind(cacheKey);
    if (found != m_keys.constEnd()) {
        ++m_hits;
        return found.value();
    }
    ++m_misses;
    // Keys of past days are useless; the cache is small, so start afresh.
    if (m_keys.size() >= m_capacity)
        m_keys.clear();
    const QByteArray key = SigV4Signer::deriveSigningKey(secretAccessKey, date, region, service);
    m_keys.insert(cacheKey, key);
    return key;
}

int SigV4SigningKeyCache::hits() const
{
    const QMutexLocker locker(&m_mutex);
    return m_hits;
}

int SigV4SigningKeyCache::misses() const
{
    const QMutexLocker locker(&m_mutex);
    return m_misses;
}

qsizetype SigV4SigningKeyCache::size() const
{
    const QMutexLocker locker(&m_mutex);
    return m_keys.size();
}

void SigV4SigningKeyCache::clear()
{
    const QMutexLocker locker(&m_mutex);
    m_keys.clear();
}

} // namespace mgn
