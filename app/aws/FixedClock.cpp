#include "app/aws/FixedClock.h"

namespace mgn {

FixedClock::FixedClock(const QDateTime &time)
    : m_msecsSinceEpoch(time.toMSecsSinceEpoch())
{ }

QDateTime FixedClock::currentDateTimeUtc() const
{
    return QDateTime::fromMSecsSinceEpoch(m_msecsSinceEpoch.load(), Qt::UTC);
}

void FixedClock::setCurrentDateTimeUtc(const QDateTime &time)
{
    m_msecsSinceEpoch.store(time.toMSecsSinceEpoch());
}

void FixedClock::advance(std::chrono::milliseconds by)
{
    m_msecsSinceEpoch.fetch_add(by.count());
}

} // namespace mgn
