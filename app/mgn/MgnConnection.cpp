#include "app/mgn/MgnConnection.h"

#include "app/aws/AwsAttemptInfo.h"
#include "app/aws/AwsConfigFiles.h"
#include "app/aws/AwsTransport.h"
#include "app/aws/CredentialsPlan.h"
#include "app/aws/CredentialsProvider.h"
#include "app/aws/KeychainSecretStore.h"
#include "app/aws/ProfileKeyStore.h"
#include "app/aws/ServiceEndpoint.h"
#include "app/mgn/MgnClient.h"

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

std::optional<QString> nonEmpty(const QString &value)
{
    return value.isEmpty() ? std::nullopt : std::optional<QString>(value);
}

} // namespace

MgnConnection::MgnConnection(QObject *parent)
    : QObject(parent)
{ }

MgnConnection::~MgnConnection() = default;

MgnConnection *MgnConnection::openDirect(
    const QUrl &endpoint, const QString &region, const AwsCredentials &credentials, QObject *parent)
{
    auto *connection = new MgnConnection(parent);
    connection->m_profile = tr("demo");
    connection->m_region = region;
    connection->m_endpoint = endpoint;
    connection->m_credentialsSource = tr("the demo emulator's keys");
    AwsTransport::Options options;
    options.region = region;
    connection->m_transport = std::make_unique<AwsTransport>(options);
    connection->m_transport->setCredentials(credentials);
    connection->m_client = std::make_unique<MgnClient>(connection->m_transport.get(), endpoint);
    return connection;
}

MgnConnection *MgnConnection::open(const Settings &settings, const QProcessEnvironment &env,
    const QString &homeDir, QString *error, QObject *parent)
{
    auto fail = [error](const QString &message) -> MgnConnection * {
        if (error)
            *error = message;
        return nullptr;
    };

    const AwsConfigFiles files = AwsConfigFiles::load(env, homeDir);
    if (!files.errors().isEmpty()) {
        const AwsIniError &first = files.errors().first();
        return fail(first.toString());
    }
    const QString profileName = AwsConfigFiles::selectedProfileName(settings.profile, env);
    const std::optional<AwsProfileData> profile = files.profile(profileName);
    if (settings.profile && !profile)
        return fail(tr("The config profile (%1) could not be found").arg(profileName));

    std::optional<QString> region = settings.region;
    if (!region)
        region = nonEmpty(env.value(u"AWS_REGION"_s));
    if (!region)
        region = nonEmpty(env.value(u"AWS_DEFAULT_REGION"_s));
    if (!region && profile)
        region = profile->value(u"region"_s);
    const bool endpointOverridden = settings.endpointUrl || env.contains(u"AWS_ENDPOINT_URL_MGN"_s)
        || env.contains(u"AWS_ENDPOINT_URL"_s) || (profile && profile->value(u"endpoint_url"_s));
    if (!region && endpointOverridden)
        region = QString::fromLatin1(fallbackRegion);
    if (!region)
        return fail(
            tr("No region: use --region, set AWS_REGION, or set region in profile %1").arg(profileName));
    if (!ServiceEndpoint::isValidRegionName(*region))
        return fail(tr("Not a valid region name: %1").arg(*region));

    const ServiceEndpoint endpoint
        = ServiceEndpoint::resolve(u"mgn"_s, settings.endpointUrl, *region, env, profile, files);
    if (!endpoint.error.isEmpty())
        return fail(endpoint.error);

    const CredentialsPlan plan
        = CredentialsPlan::resolve(profileName, settings.profile.has_value(), env, files);
    if (plan.kind == CredentialsPlan::Kind::Error)
        return fail(plan.error);

    auto *connection = new MgnConnection(parent);
    connection->m_profile = profileName;
    connection->m_region = *region;
    connection->m_endpoint = endpoint.url;
    connection->m_credentialsSource = plan.description;

    AwsTransport::Options options;
    options.region = *region;
    connection->m_transport = std::make_unique<AwsTransport>(options);
    if (plan.kind == CredentialsPlan::Kind::Keychain) {
        connection->m_secretStore = std::make_unique<KeychainSecretStore>(u"mgn-dashboard"_s);
        connection->m_keys = std::make_unique<ProfileKeyStore>(*connection->m_secretStore);
    }
    CredentialsProvider::Services services;
    services.network = connection->m_transport->networkAccessManager();
    services.keys = connection->m_keys.get();
    services.stsEndpoint = [env, profile, files](const QString &stsRegion) {
        return ServiceEndpoint::resolve(u"sts"_s, std::nullopt, stsRegion, env, profile, files).url;
    };
    connection->m_credentials = std::make_unique<CredentialsProvider>(plan, services);
    CredentialsProvider *provider = connection->m_credentials.get();
    connection->m_transport->setCredentialsSource(
        [provider](QObject *context, AwsTransport::CredentialsCallback done) {
            provider->get(context, [done](const CredentialsProvider::Result &result) {
                done(AwsTransport::CredentialsResult { result.credentials, result.error });
            });
        });
    // Expired temporary credentials: fetch afresh for the next request
    // (a new AssumeRole, a new credential_process run).
    connect(connection->m_transport.get(), &AwsTransport::attemptFinished, provider,
        [provider](const AwsAttemptInfo &info) {
            if (info.errorKind == AwsError::Kind::ExpiredToken)
                provider->invalidate();
        });
    connection->m_client = std::make_unique<MgnClient>(connection->m_transport.get(), endpoint.url);
    return connection;
}

} // namespace mgn
