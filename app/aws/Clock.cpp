#include "app/aws/Clock.h"

#include <QMutex>
#include <QMutexLocker>

namespace mgn {

namespace {

class SystemClock final : public Clock
{
public:
    QDateTime currentDateTimeUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

QMutex instanceMutex;
std::shared_ptr<const Clock> processClock; // nullptr means the system clock

} // namespace

Clock::~Clock() = default;

std::shared_ptr<const Clock> Clock::system()
{
    static const auto clock = std::make_shared<const SystemClock>();
    return clock;
}

std::shared_ptr<const Clock> Clock::instance()
{
    const QMutexLocker locker(&instanceMutex);
    return processClock ? processClock : system();
}

void Clock::setInstance(std::shared_ptr<const Clock> clock)
{
    const QMutexLocker locker(&instanceMutex);
    processClock = std::move(clock);
}

} // namespace mgn
