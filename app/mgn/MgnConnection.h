#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace mgn {

struct AwsCredentials;
class AwsTransport;
class CredentialsProvider;
class KeychainSecretStore;
class MgnClient;
class ProfileKeyStore;

// Everything needed to talk to MGN for one profile and region, resolved the
// way the AWS CLI resolves it: the profile (--profile, AWS_PROFILE, default),
// the region (--region, AWS_REGION, AWS_DEFAULT_REGION, the profile's
// region), the endpoint (--endpoint-url and the overrides ServiceEndpoint
// knows), the credentials chain (CredentialsPlan), a transport and a client.
// Shared by mgn-dashboard and mgnctl.
class MgnConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MgnConnection)

public:
    struct Settings final {
        std::optional<QString> profile;
        std::optional<QString> region;
        std::optional<QString> endpointUrl;
    };

    // nullptr with *error set when the configuration cannot work: a
    // malformed config or credentials file (file, line and problem), no
    // region, an endpoint that is not a URL. Credentials are fetched later,
    // at the first request; their errors come with that request.
    static MgnConnection *open(const Settings &settings, const QProcessEnvironment &env,
        const QString &homeDir, QString *error, QObject *parent = nullptr);
    // A connection to a known endpoint with known keys, no configuration
    // files (the in-process emulator of --demo).
    static MgnConnection *openDirect(const QUrl &endpoint, const QString &region,
        const AwsCredentials &credentials, QObject *parent = nullptr);
    ~MgnConnection() override;

    MgnClient *client() const { return m_client.get(); }
    AwsTransport *transport() const { return m_transport.get(); }
    CredentialsProvider *credentials() const { return m_credentials.get(); }
    QString profileName() const { return m_profile; }
    QString region() const { return m_region; }
    QUrl endpoint() const { return m_endpoint; }
    // Where the credentials come from, e.g. "environment" (no secret).
    QString credentialsSource() const { return m_credentialsSource; }

    // The region used for signing when only an endpoint was given (a local
    // emulator needs none, but SigV4 does).
    static constexpr const char *fallbackRegion = "us-east-1";

private:
    explicit MgnConnection(QObject *parent);

    // In dependency order, so they are destroyed users first: the client and
    // the credentials provider use the transport, the provider the key store.
    std::unique_ptr<KeychainSecretStore> m_secretStore;
    std::unique_ptr<ProfileKeyStore> m_keys;
    std::unique_ptr<AwsTransport> m_transport;
    std::unique_ptr<CredentialsProvider> m_credentials;
    std::unique_ptr<MgnClient> m_client;
    QString m_profile;
    QString m_region;
    QUrl m_endpoint;
    QString m_credentialsSource;
};

} // namespace mgn
