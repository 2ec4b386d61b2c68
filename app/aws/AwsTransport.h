#pragma once

#include "app/aws/AwsAttemptInfo.h"
#include "app/aws/AwsCredentials.h"
#include "app/aws/AwsHttpRequest.h"
#include "app/aws/AwsReply.h"
#include "app/aws/Clock.h"
#include "app/aws/RetryStrategy.h"
#include "app/aws/SigV4Signer.h"

#include <QObject>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace mgn {

// Sends requests to an AWS service over one QNetworkAccessManager: signs
// each attempt afresh (SigV4, current credentials, clock-skew corrected
// time), bounds each attempt by a timeout, retries per RetryStrategy after a
// delay from an injectable scheduler, and types every failure as an AwsError.
//
// A response is a success when its status is 2xx and its body arrived whole;
// whether that body is the JSON expected is the caller's to check. Error
// bodies are decoded here.
//
// The request log (category mgn.aws.transport, off unless turned on: see
// RequestLog.h) and attemptFinished() carry the operation, attempt, status,
// error code and delays: never a header, a body or a credential.
class AwsTransport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AwsTransport)

public:
    struct Options final {
        // The signing region. When empty, taken from the endpoint's host
        // (mgn.<region>.amazonaws.com), else us-east-1.
        QString region;
        QString service = QStringLiteral("mgn");
        // Per attempt, from sending to the last byte of the response.
        std::chrono::milliseconds timeout { 30000 };
        RetryStrategy::Options retry;
    };

    struct CredentialsResult final {
        std::optional<AwsCredentials> credentials;
        QString error;
    };
    using CredentialsCallback = std::function<void(const CredentialsResult &)>;
    // Asked before each attempt; answers (now or later) through the callback,
    // which is ignored once `context` is gone. CredentialsProvider::get fits
    // behind a small lambda.
    using CredentialsSource = std::function<void(QObject *context, CredentialsCallback done)>;
    // Runs `fire` after `delay` unless `context` is destroyed first. The
    // default is a precise QTimer::singleShot; tests record the delay and fire
    // at once.
    using Scheduler
        = std::function<void(std::chrono::milliseconds delay, QObject *context, std::function<void()> fire)>;

    // Two constructors rather than `Options options = {}`: see RetryStrategy.
    explicit AwsTransport(QObject *parent = nullptr);
    explicit AwsTransport(Options options, QObject *parent = nullptr);
    ~AwsTransport() override;

    const Options &options() const { return m_options; }
    void setTimeout(std::chrono::milliseconds timeout) { m_options.timeout = timeout; }
    // Fixed credentials, for tests and keys given on the command line.
    void setCredentials(const AwsCredentials &credentials);
    void setCredentialsSource(CredentialsSource source);
    void setClock(std::shared_ptr<const Clock> clock);
    void setScheduler(Scheduler scheduler);
    RetryStrategy &retryStrategy() { return m_retry; }
    QNetworkAccessManager *networkAccessManager() const { return m_network; }

    // Starts the request; see AwsReply for ownership.
    AwsReply *send(const AwsHttpRequest &request);

    int requestsInFlight() const { return m_inFlight; }
    // What is added to the local clock when signing: learnt from the Date of
    // a response that said the signature time was off.
    std::chrono::milliseconds clockOffset() const { return m_clockOffset; }

    // "mgn-dashboard/<version> Qt/<runtime version>".
    static QByteArray userAgent();
    // The region in an AWS endpoint host name, e.g. "eu-west-1" in
    // mgn.eu-west-1.amazonaws.com or mgn-fips.us-east-1.amazonaws.com.
    static QString regionFromHost(const QString &host);

Q_SIGNALS:
    void attemptFinished(const AwsAttemptInfo &info);
    void requestsInFlightChanged(int count);

private:
    friend class AwsReply;

    void startAttempt(AwsReply *reply);
    void sendSigned(AwsReply *reply, const AwsCredentials &credentials);
    void onNetworkReplyFinished(AwsReply *reply, QNetworkReply *networkReply);
    void onAttemptFailed(AwsReply *reply, const AwsError &error, const AwsHttpResponse &response);
    void onTimeout(AwsReply *reply);
    void cancel(AwsReply *reply);
    void complete(AwsReply *reply, std::optional<AwsError> error);
    // A reply deleted before it finished.
    void forget(AwsReply *reply);
    void setInFlight(int count);
    AwsAttemptInfo attemptInfo(const AwsReply *reply, const AwsHttpResponse &response) const;
    // The clock-skew offset a signature error's Date asks for, if any.
    std::optional<std::chrono::milliseconds> clockSkewCorrection(
        const AwsError &error, const AwsHttpResponse &response) const;
    QDateTime signingTime() const;
    const SigV4Signer &signerFor(const QUrl &url);

    Options m_options;
    QNetworkAccessManager *m_network;
    CredentialsSource m_credentials;
    std::shared_ptr<const Clock> m_clock;
    Scheduler m_scheduler;
    RetryStrategy m_retry;
    std::optional<SigV4Signer> m_signer;
    std::chrono::milliseconds m_clockOffset { 0 };
    int m_inFlight = 0;
    quint64 m_nextSerial = 1;
};

} // namespace mgn
