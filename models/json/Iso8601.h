#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace mgn {

// The outcome of parsing one ISO-8601 text: a value, or the reason it is not
// one (a sentence for a person, without the text itself).
struct Iso8601Result final {
    std::optional<qint64> value;
    QString error; // empty exactly when value is set

    bool ok() const { return value.has_value(); }
    bool operator==(const Iso8601Result &) const = default;
};

// ISO-8601 as the MGN API uses it, parsed by hand: strict (nothing is guessed)
// and fast (it runs for every date of every server of a fleet).
namespace Iso8601 {
// "yyyy-MM-ddTHH:mm:ss[.f]" followed by "Z" or "+hh:mm" / "-hh:mm", as in
// RFC 3339, to milliseconds since the epoch (UTC), the offset applied.
// Years 0001..9999, in UTC as well (an offset that moves the first or
// last day out of them is refused); a fraction has 1 to 9 digits, and
// digits below the millisecond are truncated (floored to the millisecond).
// Refused: a missing offset (a local time is not a point in time), a date
// alone, out-of-range fields (month 13, Feb 30, hour 24, second 60),
// lower-case "t"/"z", a space for "T", a comma for the decimal point.
Iso8601Result parseDateTime(QStringView text);

// The canonical form, always with milliseconds and "Z":
// "yyyy-MM-ddTHH:mm:ss.zzzZ". Only years 0001..9999 parse back.
QString formatDateTime(qint64 msecsSinceEpoch);

// "PnW", "PnD", "PTnHnMnS" and their combinations ("P2DT3H",
// "PT1H2M3.5S", "P1W"), to milliseconds. Weeks are 7 days and days 24
// hours. Years and months have no fixed length and are refused, not
// guessed; so are negative durations, fractions on anything but seconds,
// and designators out of order. Digits of a fraction below the millisecond
// are truncated.
Iso8601Result parseDuration(QStringView text);

// The canonical form: days, hours, minutes and seconds, each only when not
// zero, seconds with the fraction's trailing zeros dropped: "P2DT3H",
// "PT1H2M3.5S", "PT0.001S"; zero is "PT0S". A negative value (never
// produced by parseDuration) gets a leading "-".
QString formatDuration(qint64 msecs);
} // namespace Iso8601

} // namespace mgn
