#include "app/aws/AwsReply.h"

#include "app/aws/AwsTransport.h"

#include <QNetworkReply>
#include <QUuid>

namespace mgn {

AwsReply::AwsReply(AwsTransport *transport, quint64 serial, AwsHttpRequest request)
    : QObject(transport)
    , m_transport(transport)
    , m_serial(serial)
    , m_invocationId(QUuid::createUuid().toByteArray(QUuid::WithoutBraces))
    , m_request(std::move(request))
{
    m_timeout.setSingleShot(true);
    m_timeout.setTimerType(Qt::PreciseTimer);
}

AwsReply::~AwsReply()
{
    dropNetworkReply();
    if (m_state != State::Finished && m_transport)
        m_transport->forget(this);
}

void AwsReply::abort()
{
    if (m_state == State::Finished)
        return;
    if (m_transport)
        m_transport->cancel(this);
    else
        finish(AwsError::transport(AwsError::Kind::Cancelled));
}

void AwsReply::dropNetworkReply()
{
    m_timeout.stop();
    if (QNetworkReply *reply = m_networkReply.data()) {
        m_networkReply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void AwsReply::finish(std::optional<AwsError> error)
{
    m_state = State::Finished;
    m_error = std::move(error);
    // The receiver may delete this reply: nothing may follow the emission.
    Q_EMIT finished();
}

} // namespace mgn
