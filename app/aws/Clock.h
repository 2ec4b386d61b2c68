#pragma once

#include <QDateTime>

#include <memory>

namespace mgn {

// The wall clock, injectable. Code that signs requests or judges expiry asks
// the clock it was handed or, failing that, Clock::instance(); tests substitute
// a FixedClock instead of depending on today's date or sleeping.
class Clock
{
public:
    Clock() = default;
    Clock(const Clock &) = delete;
    Clock &operator=(const Clock &) = delete;
    virtual ~Clock();

    virtual QDateTime currentDateTimeUtc() const = 0;

    // The operating system's clock.
    static std::shared_ptr<const Clock> system();
    // The process-wide clock: the system clock unless a test set another one.
    static std::shared_ptr<const Clock> instance();
    // Replaces the process-wide clock; nullptr restores the system clock.
    static void setInstance(std::shared_ptr<const Clock> clock);
};

} // namespace mgn
