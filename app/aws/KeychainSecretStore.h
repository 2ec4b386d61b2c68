#pragma once

#include "app/aws/SecretStore.h"

namespace mgn {

// The OS keychain through qtkeychain (Keychain on macOS, Credential Manager on
// Windows, Secret Service / KWallet on Linux). The insecure plaintext fallback
// of qtkeychain is off: where no keychain runs, calls answer Unavailable.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service);

    void read(const QString &key, QObject *context, Callback done) override;
    void write(const QString &key, const QByteArray &secret, QObject *context, Callback done) override;
    void remove(const QString &key, QObject *context, Callback done) override;

private:
    QString m_service;
};

} // namespace mgn
