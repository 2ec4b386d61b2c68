#pragma once

#include "app/aws/AwsCredentials.h"
#include "app/aws/Clock.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace mgn {

// The one STS call the credentials chain needs: AssumeRole (query protocol,
// form-encoded POST, XML answer), signed by our SigV4 signer with the source
// credentials. Errors name STS's code and message, never a secret.
class StsClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StsClient)

public:
    struct AssumeRoleRequest final {
        QString roleArn;
        QString roleSessionName;
        std::optional<QString> externalId;
        std::optional<int> durationSeconds;
    };
    struct Result final {
        std::optional<AwsCredentials> credentials;
        QString error;
    };
    using Callback = std::function<void(const Result &)>;

    StsClient(QNetworkAccessManager *network, QUrl endpoint, QString region, QObject *parent = nullptr);

    void setClock(std::shared_ptr<const Clock> clock) { m_clock = std::move(clock); }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    // Calls `done` exactly once, unless this client is destroyed first.
    void assumeRole(const AssumeRoleRequest &request, const AwsCredentials &source, Callback done);

    static QByteArray formBody(const AssumeRoleRequest &request);
    static Result parseResponse(int httpStatus, const QByteArray &body);

private:
    QNetworkAccessManager *m_network;
    QUrl m_endpoint;
    QString m_region;
    std::shared_ptr<const Clock> m_clock;
    int m_timeoutMs = 30000;
};

} // namespace mgn
