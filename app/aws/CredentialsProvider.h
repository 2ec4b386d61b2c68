#pragma once

#include "app/aws/AwsCredentials.h"
#include "app/aws/Clock.h"
#include "app/aws/CredentialsPlan.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace mgn {

class CredentialProcess;
class ProfileKeyStore;
class StsClient;

// Carries out a CredentialsPlan asynchronously and keeps the answer until
// shortly before it expires: static keys at once, credential_process in a
// child process, the keychain through ProfileKeyStore, and an assumed role by
// STS AssumeRole signed with the source's credentials (themselves from a
// provider of the source plan). Concurrent requests share one fetch.
class CredentialsProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialsProvider)

public:
    struct Result final {
        std::optional<AwsCredentials> credentials;
        QString error;
    };
    using Callback = std::function<void(const Result &)>;

    struct Services final {
        QNetworkAccessManager *network = nullptr; // for STS
        ProfileKeyStore *keys = nullptr; // for keychain profiles
        // The STS endpoint for a region (endpoint overrides applied).
        std::function<QUrl(const QString &region)> stsEndpoint;
        std::shared_ptr<const Clock> clock;
    };

    CredentialsProvider(CredentialsPlan plan, Services services, QObject *parent = nullptr);
    ~CredentialsProvider() override;

    const CredentialsPlan &plan() const { return m_plan; }

    // Refresh credentials that expire within this window (default 10 min,
    // botocore's mandatory refresh window).
    void setRefreshWindow(int seconds) { m_refreshWindowSeconds = seconds; }

    // Answers from the cache when fresh, otherwise fetches. `done` runs once,
    // from the event loop, while `context` lives.
    void get(QObject *context, Callback done);
    // Forgets the cached credentials (e.g. after ExpiredTokenException).
    void invalidate();

    int fetchCount() const { return m_fetches; }

private:
    void fetch();
    void finish(const Result &result);
    bool cacheIsFresh() const;

    CredentialsPlan m_plan;
    Services m_services;
    std::optional<AwsCredentials> m_cached;
    QList<std::pair<QPointer<QObject>, Callback>> m_waiting;
    bool m_fetching = false;
    int m_fetches = 0;
    int m_refreshWindowSeconds = 600;
    CredentialsProvider *m_source = nullptr; // for AssumeRole
    CredentialProcess *m_process = nullptr;
    StsClient *m_sts = nullptr;
};

} // namespace mgn
