#include "app/aws/CredentialsProvider.h"

#include "app/aws/CredentialProcess.h"
#include "app/aws/ProfileKeyStore.h"
#include "app/aws/StsClient.h"

#include <QMetaObject>

namespace mgn {

CredentialsProvider::CredentialsProvider(CredentialsPlan plan, Services services, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_services(std::move(services))
{
    if (!m_services.clock)
        m_services.clock = Clock::instance();
    if (m_plan.kind == CredentialsPlan::Kind::AssumeRole && m_plan.source)
        m_source = new CredentialsProvider(*m_plan.source, m_services, this);
}

CredentialsProvider::~CredentialsProvider() = default;

bool CredentialsProvider::cacheIsFresh() const
{
    if (!m_cached)
        return false;
    const auto horizon = m_services.clock->currentDateTimeUtc().addSecs(m_refreshWindowSeconds);
    return !m_cached->expiresBy(horizon);
}

void CredentialsProvider::get(QObject *context, Callback done)
{
    if (cacheIsFresh()) {
        const Result result { m_cached, QString() };
        QMetaObject::invokeMethod(
            context, [done, result] { done(result); }, Qt::QueuedConnection);
        return;
    }
    m_waiting.append({ QPointer<QObject>(context), std::move(done) });
    if (!m_fetching)
        fetch();
}

void CredentialsProvider::invalidate()
{
    m_cached.reset();
    if (m_source)
        m_source->invalidate();
}

void CredentialsProvider::fetch()
{
    m_fetching = true;
    ++m_fetches;
    switch (m_plan.kind) {
    case CredentialsPlan::Kind::Error:
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish({ std::nullopt, m_plan.error });
            },
            Qt::QueuedConnection);
        return;
    case CredentialsPlan::Kind::Static:
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish({ m_plan.staticCredentials, QString() });
            },
            Qt::QueuedConnection);
        return;
    case CredentialsPlan::Kind::Process:
        if (!m_process)
            m_process = new CredentialProcess(this);
        m_process->run(m_plan.processCommand, [this](const CredentialProcess::Result &result) {
            finish({ result.credentials,
                result.error.isEmpty() ? QString()
                                       : tr("Profile \"%1\": %2").arg(m_plan.profile, result.error) });
        });
        return;
    case CredentialsPlan::Kind::Keychain:
        if (!m_services.keys) {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    finish(
                        { std::nullopt, tr("No credentials found for profile \"%1\"").arg(m_plan.profile) });
                },
                Qt::QueuedConnection);
            return;
        }
        m_services.keys->load(m_plan.profile, this, [this](const ProfileKeyStore::Result &result) {
            if (result.credentials) {
                finish({ result.credentials, QString() });
            } else if (result.status == SecretStore::Status::NotFound) {
                finish({ std::nullopt,
                    tr("No credentials found for profile \"%1\": not in the environment, the AWS "
                       "configuration "
                       "files, nor the keychain")
                        .arg(m_plan.profile) });
            } else {
                finish({ std::nullopt, result.message });
            }
        });
        return;
    case CredentialsPlan::Kind::AssumeRole:
        if (!m_source || !m_services.network || !m_services.stsEndpoint) {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    finish({ std::nullopt, tr("Cannot assume a role: no source") });
                },
                Qt::QueuedConnection);
            return;
        }
        m_source->get(this, [this](const Result &source) {
            if (!source.credentials) {
                finish({ std::nullopt, source.error });
                return;
            }
            const QString region = m_plan.stsRegion;
            if (!m_sts) {
                m_sts = new StsClient(m_services.network, m_services.stsEndpoint(region), region, this);
                m_sts->setClock(m_services.clock);
            }
            StsClient::AssumeRoleRequest request { m_plan.roleArn, m_plan.roleSessionName, m_plan.externalId,
                m_plan.durationSeconds };
            m_sts->assumeRole(request, *source.credentials, [this](const StsClient::Result &assumed) {
                finish({ assumed.credentials,
                    assumed.error.isEmpty() ? QString()
                                            : tr("Profile \"%1\": %2").arg(m_plan.profile, assumed.error) });
            });
        });
        return;
    }
}

void CredentialsProvider::finish(const Result &result)
{
    m_fetching = false;
    if (result.credentials)
        m_cached = result.credentials;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &[context, done] : waiting) {
        if (context)
            done(result);
    }
}

} // namespace mgn
