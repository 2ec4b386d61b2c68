#include "app/mgn/MgnCall.h"

#include "app/aws/AwsReply.h"

namespace mgn {

MgnCall::MgnCall(const QString &operation, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
{ }

void MgnCall::track(AwsReply *reply)
{
    m_reply = reply;
}

void MgnCall::abort()
{
    if (m_finished || m_abortRequested)
        return;
    m_abortRequested = true;
    // The reply finishes with Cancelled, which finishes this call. Between
    // two requests of a listing there is none: the next step sees the flag.
    if (m_reply)
        m_reply->abort();
}

void MgnCall::finish(const std::optional<AwsError> &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished();
    deleteLater();
}

} // namespace mgn
