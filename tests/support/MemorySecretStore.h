#pragma once

#include "app/aws/SecretStore.h"

#include <QMap>
#include <QMetaObject>

namespace mgn {

// A SecretStore for unit tests: answers asynchronously like a real keychain,
// can pretend no keychain service runs, and counts its calls.
class MemorySecretStore final : public SecretStore
{
public:
    QMap<QString, QByteArray> entries;
    bool available = true;
    int calls = 0;

    void read(const QString &key, QObject *context, Callback done) override
    {
        Result result;
        if (!available)
            result = { Status::Unavailable, {}, QStringLiteral("No keychain service is available") };
        else if (!entries.contains(key))
            result = { Status::NotFound, {}, QStringLiteral("not found") };
        else
            result = { Status::Ok, entries.value(key), {} };
        answer(context, done, result);
    }
    void write(const QString &key, const QByteArray &secret, QObject *context, Callback done) override
    {
        if (available)
            entries.insert(key, secret);
        answer(context, done,
            available
                ? Result { Status::Ok, {}, {} }
                : Result { Status::Unavailable, {}, QStringLiteral("No keychain service is available") });
    }
    void remove(const QString &key, QObject *context, Callback done) override
    {
        const bool had = entries.remove(key) > 0;
        answer(context, done,
            had ? Result { Status::Ok, {}, {} }
                : Result { Status::NotFound, {}, QStringLiteral("not found") });
    }

private:
    void answer(QObject *context, const Callback &done, const Result &result)
    {
        ++calls;
        QMetaObject::invokeMethod(
            context, [done, result] { done(result); }, Qt::QueuedConnection);
    }
};

} // namespace mgn
