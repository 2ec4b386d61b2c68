#pragma once

#include "app/aws/Clock.h"

#include <atomic>
#include <chrono>

namespace mgn {

// A clock that stands still until told to move: for tests, and for replaying a
// signing case at its recorded time. Safe to read from several threads.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(const QDateTime &time);

    QDateTime currentDateTimeUtc() const override;
    void setCurrentDateTimeUtc(const QDateTime &time);
    void advance(std::chrono::milliseconds by);

private:
    std::atomic<qint64> m_msecsSinceEpoch;
};

} // namespace mgn
