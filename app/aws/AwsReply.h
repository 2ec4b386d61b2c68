#pragma once

#include "app/aws/AwsError.h"
#include "app/aws/AwsHttpRequest.h"
#include "app/aws/AwsHttpResponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

class QNetworkReply;

namespace mgn {

class AwsTransport;

// One request sent by AwsTransport, across all its attempts. Emits finished()
// exactly once (never from AwsTransport::send itself), unless it is deleted
// first. The caller owns it once it finished: deleteLater() it then. Deleting
// it earlier cancels the request without a signal. Replies still alive when
// their transport is deleted are deleted with it, also without a signal.
class AwsReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AwsReply)

public:
    ~AwsReply() override;

    quint64 serial() const { return m_serial; }
    // The amz-sdk-invocation-id header of every attempt: a random UUID.
    const QByteArray &invocationId() const { return m_invocationId; }
    const AwsHttpRequest &request() const { return m_request; }

    bool isFinished() const { return m_state == State::Finished; }
    // Finished with a 2xx response.
    bool isSuccess() const { return isFinished() && !m_error; }
    // The last response that arrived (success or service error); empty when
    // none did.
    const AwsHttpResponse &response() const { return m_response; }
    // Set when finished without success.
    const std::optional<AwsError> &error() const { return m_error; }
    // Requests sent so far.
    int attempts() const { return m_attempts; }

    // Cancels the request: stops the attempt in flight or the wait for the
    // next one, and finishes (synchronously) with a Cancelled error. Nothing
    // once finished.
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class AwsTransport;

    enum class State { Pending, FetchingCredentials, Sending, WaitingToRetry, Finished };

    AwsReply(AwsTransport *transport, quint64 serial, AwsHttpRequest request);
    // Stops the attempt in flight without a signal.
    void dropNetworkReply();
    void finish(std::optional<AwsError> error);

    QPointer<AwsTransport> m_transport;
    quint64 m_serial;
    QByteArray m_invocationId;
    AwsHttpRequest m_request;
    State m_state = State::Pending;
    int m_attempts = 0;
    int m_retryAttempts = 0; // attempts the retry strategy counts (no clock-skew re-sends)
    int m_lastQuotaAcquired = 0;
    bool m_clockSkewCorrected = false;
    bool m_timedOut = false;
    QPointer<QNetworkReply> m_networkReply;
    QTimer m_timeout;
    QElapsedTimer m_attemptClock;
    AwsHttpResponse m_response;
    std::optional<AwsError> m_error;
};

} // namespace mgn
