// Iso8601: whatever parses, its canonical form parses back to the same
// instant (or duration); and every instant of years 0001..9999 and every
// non-negative duration, formatted, parses back to itself.
#include "fuzz/FuzzCheck.h"
#include "models/json/Iso8601.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstring>

using namespace mgn;

namespace {

// 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.
constexpr qint64 firstInstant = -62135596800000;
constexpr qint64 lastInstant = 253402300799999;

void checkText(const QString &text)
{
    const mgn::Iso8601Result dateTime = mgn::Iso8601::parseDateTime(text);
    MGN_FUZZ_CHECK(dateTime.ok() == dateTime.error.isEmpty());
    if (dateTime.ok()) {
        const QString canonical = mgn::Iso8601::formatDateTime(*dateTime.value);
        const mgn::Iso8601Result again = mgn::Iso8601::parseDateTime(canonical);
        MGN_FUZZ_CHECK(again.ok());
        MGN_FUZZ_CHECK(again.value == dateTime.value);
    }

    const mgn::Iso8601Result duration = mgn::Iso8601::parseDuration(text);
    MGN_FUZZ_CHECK(duration.ok() == duration.error.isEmpty());
    if (duration.ok()) {
        MGN_FUZZ_CHECK(*duration.value >= 0);
        const mgn::Iso8601Result again
            = mgn::Iso8601::parseDuration(mgn::Iso8601::formatDuration(*duration.value));
        MGN_FUZZ_CHECK(again.ok());
        MGN_FUZZ_CHECK(again.value == duration.value);
    }
}

void checkValue(qint64 value)
{
    const QString dateTime = mgn::Iso8601::formatDateTime(value);
    if (value >= firstInstant && value <= lastInstant) {
        const mgn::Iso8601Result parsed = mgn::Iso8601::parseDateTime(dateTime);
        MGN_FUZZ_CHECK(parsed.ok());
        MGN_FUZZ_CHECK(*parsed.value == value);
    }
    const QString duration = mgn::Iso8601::formatDuration(value);
    if (value >= 0) {
        const mgn::Iso8601Result parsed = mgn::Iso8601::parseDuration(duration);
        MGN_FUZZ_CHECK(parsed.ok());
        MGN_FUZZ_CHECK(*parsed.value == value);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const char *bytes = reinterpret_cast<const char *>(data);
    checkText(QString::fromUtf8(bytes, qsizetype(size)));
    checkText(QString::fromLatin1(bytes, qsizetype(size)));
    if (size >= sizeof(qint64)) {
        qint64 value = 0;
        std::memcpy(&value, data, sizeof value);
        checkValue(value);
        // The same bits folded into the range that parses back.
        const qint64 span = lastInstant - firstInstant + 1;
        checkValue(firstInstant + (value % span + span) % span);
    }
    return 0;
}
