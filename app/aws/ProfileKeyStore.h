#pragma once

#include "app/aws/AwsCredentials.h"
#include "app/aws/SecretStore.h"

#include <QObject>
#include <QString>

#include <functional>

namespace mgn {

// Keys a user typed into the app for a profile, kept in a SecretStore (the OS
// keychain) under a per-profile key, as one JSON value. Never in QSettings,
// never in a log.
class ProfileKeyStore final
{
public:
    struct Result final {
        SecretStore::Status status = SecretStore::Status::Error;
        std::optional<AwsCredentials> credentials; // load only
        QString message;
    };
    using Callback = std::function<void(const Result &)>;

    explicit ProfileKeyStore(SecretStore &store);

    static QString keyFor(const QString &profile);

    void load(const QString &profile, QObject *context, Callback done);
    void save(const QString &profile, const AwsCredentials &credentials, QObject *context, Callback done);
    void forget(const QString &profile, QObject *context, Callback done);

private:
    SecretStore &m_store;
};

} // namespace mgn
