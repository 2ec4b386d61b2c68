#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QMutex>
#include <QString>

namespace mgn {

// The derived SigV4 signing keys (four HMACs each), reused for as long as date,
// region, service and secret stay the same, i.e. a day. Entries are keyed by
// a SHA-256 over those four values, so the cache never holds a secret access
// key. Thread-safe.
class SigV4SigningKeyCache final
{
public:
    explicit SigV4SigningKeyCache(qsizetype capacity = 16);

    // `date` is the credential scope's yyyyMMdd.
    QByteArray signingKey(
        const QString &secretAccessKey, QByteArrayView date, const QString &region, const QString &service);

    int hits() const;
    int misses() const;
    qsizetype size() const;
    void clear();

private:
    const qsizetype m_capacity;
    mutable QMutex m_mutex;
    QHash<QByteArray, QByteArray> m_keys;
    int m_hits = 0;
    int m_misses = 0;
};

} // namespace mgn
