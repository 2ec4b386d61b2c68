#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace mgn {

// Where secrets live: the OS keychain in the product, a fake in unit tests.
// Every call answers asynchronously, exactly once, through the callback, and
// only while `context` is alive.
class SecretStore
{
public:
    enum class Status {
        Ok,
        NotFound,
        // No keychain service runs (e.g. a headless Linux without a Secret
        // Service): the caller says so and keeps working with other sources.
        Unavailable,
        AccessDenied,
        Error,
    };
    struct Result final {
        Status status = Status::Error;
        QByteArray data; // read only
        QString message; // for anything but Ok; never contains the secret
    };
    using Callback = std::function<void(const Result &)>;

    virtual ~SecretStore() = default;

    virtual void read(const QString &key, QObject *context, Callback done) = 0;
    virtual void write(const QString &key, const QByteArray &secret, QObject *context, Callback done) = 0;
    virtual void remove(const QString &key, QObject *context, Callback done) = 0;
};

} // namespace mgn
