#include "models/json/Iso8601.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace mgn {

namespace {

constexpr qint64 msPerSecond = 1000;
constexpr qint64 msPerMinute = 60 * msPerSecond;
constexpr qint64 msPerHour = 60 * msPerMinute;
constexpr qint64 msPerDay = 24 * msPerHour;
constexpr qint64 msPerWeek = 7 * msPerDay;
// 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.
constexpr qint64 firstInstant = -62135596800000;
constexpr qint64 lastInstant = 253402300799999;

Iso8601Result failure(const QString &reason)
{
    return { std::nullopt, reason };
}

int digitAt(QStringView text, qsizetype pos)
{
    if (pos >= text.size())
        return -1;
    const char16_t c = text[pos].unicode();
    return c >= u'0' && c <= u'9' ? int(c - u'0') : -1;
}

bool charAt(QStringView text, qsizetype pos, char16_t expected)
{
    return pos < text.size() && text[pos].unicode() == expected;
}

// Exactly `count` decimal digits at `pos`.
bool fixedNumber(QStringView text, qsizetype pos, int count, int &value)
{
    value = 0;
    for (int i = 0; i < count; ++i) {
        const int digit = digitAt(text, pos + i);
        if (digit < 0)
            return false;
        value = value * 10 + digit;
    }
    return true;
}

// What stands at `pos`, for an error message.
QString describeAt(QStringView text, qsizetype pos)
{
    if (pos >= text.size())
        return u"the end of the text"_s;
    return u'"' + text.mid(pos).toString() + u'"';
}

bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
qint64 daysFromCivil(qint64 year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

struct CivilDate final {
    qint64 year;
    int month;
    int day;
};

CivilDate civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 shiftedMonth = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
    const int month = int(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
    return { yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

void appendPadded(QString &out, qint64 value, int width)
{
    out += QString::number(value).rightJustified(width, u'0');
}

} // namespace

Iso8601Result Iso8601::parseDateTime(QStringView text)
{
    int year = 0;
    int month = 0;
    int day = 0;
    if (!fixedNumber(text, 0, 4, year) || !charAt(text, 4, u'-') || !fixedNumber(text, 5, 2, month)
        || !charAt(text, 7, u'-') || !fixedNumber(text, 8, 2, day))
        return failure(u"expected a date as yyyy-MM-dd at the start"_s);
    if (year == 0)
        return failure(u"year 0000 is out of range (0001 to 9999)"_s);
    if (month < 1 || month > 12)
        return failure(u"month %1 is out of range (01 to 12)"_s.arg(month, 2, 10, QChar(u'0')));
    if (day < 1 || day > daysInMonth(year, month))
        return failure(u"day %1 is out of range for %2"_s.arg(day, 2, 10, QChar(u'0')).arg(text.left(7)));
    if (text.size() == 10)
        return failure(
            u"a date alone is not a point in time: expected THH:mm:ss and a UTC offset after it"_s);
    if (!charAt(text, 10, u'T'))
        return failure(u"expected \"T\" after the date, got %1"_s.arg(describeAt(text, 10)));

    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!fixedNumber(text, 11, 2, hour) || !charAt(text, 13, u':') || !fixedNumber(text, 14, 2, minute)
        || !charAt(text, 16, u':') || !fixedNumber(text, 17, 2, second))
        return failure(u"expected a time as HH:mm:ss after \"T\""_s);
    if (hour > 23)
        return failure(u"hour %1 is out of range (00 to 23)"_s.arg(hour));
    if (minute > 59)
        return failure(u"minute %1 is out of range (00 to 59)"_s.arg(minute));
    if (second > 59)
        return failure(u"second %1 is out of range (00 to 59; leap seconds are not supported)"_s.arg(second));

    qsizetype pos = 19;
    qint64 millis = 0;
    if (charAt(text, pos, u'.')) {
        const qsizetype start = ++pos;
        for (int digit = digitAt(text, pos); digit >= 0; digit = digitAt(text, ++pos)) {
            if (pos - start < 3)
                millis = millis * 10 + digit;
        }
        const qsizetype count = pos - start;
        if (count == 0)
            return failure(u"expected digits after the decimal point"_s);
        if (count > 9)
            return failure(u"a fraction of a second has at most 9 digits, got %1"_s.arg(count));
        for (qsizetype i = count; i < 3; ++i)
            millis *= 10;
    }

    qint64 offsetMinutes = 0;
    if (pos == text.size())
        return failure(u"missing the UTC offset: expected \"Z\" or \"+hh:mm\" after the time"_s);
    if (charAt(text, pos, u'Z')) {
        ++pos;
    } else if (charAt(text, pos, u'+') || charAt(text, pos, u'-')) {
        const bool negative = charAt(text, pos, u'-');
        int offsetHours = 0;
        int offsetMins = 0;
        if (!fixedNumber(text, pos + 1, 2, offsetHours) || !charAt(text, pos + 3, u':')
            || !fixedNumber(text, pos + 4, 2, offsetMins))
            return failure(
                u"expected the UTC offset as +hh:mm or -hh:mm, got %1"_s.arg(describeAt(text, pos)));
        if (offsetHours > 23 || offsetMins > 59)
            return failure(u"UTC offset %1 is out of range"_s.arg(text.mid(pos, 6)));
        offsetMinutes = (negative ? -1 : 1) * (offsetHours * 60 + offsetMins);
        pos += 6;
    } else {
        return failure(u"expected \"Z\" or a UTC offset after the time, got %1"_s.arg(describeAt(text, pos)));
    }
    if (pos != text.size())
        return failure(u"unexpected text after the UTC offset: %1"_s.arg(describeAt(text, pos)));

    const qint64 value = daysFromCivil(year, month, day) * msPerDay + hour * msPerHour + minute * msPerMinute
        + second * msPerSecond + millis - offsetMinutes * msPerMinute;
    // The offset can carry the first or last day out of the range, where the
    // canonical form ("0000-12-31T...Z", "10000-01-01T...Z") would not parse.
    if (value < firstInstant || value > lastInstant)
        return failure(u"the instant, in UTC, is out of range (years 0001 to 9999)"_s);
    return { value, QString() };
}

QString Iso8601::formatDateTime(qint64 msecsSinceEpoch)
{
    // Floor division, so that instants before 1970 land on the right day.
    qint64 days = msecsSinceEpoch / msPerDay;
    qint64 rest = msecsSinceEpoch % msPerDay;
    if (rest < 0) {
        rest += msPerDay;
        --days;
    }
    const CivilDate date = civilFromDays(days);
    QString out;
    out.reserve(24);
    if (date.year < 0)
        out += u'-';
    appendPadded(out, date.year < 0 ? -date.year : date.year, 4);
    out += u'-';
    appendPadded(out, date.month, 2);
    out += u'-';
    appendPadded(out, date.day, 2);
    out += u'T';
    appendPadded(out, rest / msPerHour, 2);
    out += u':';
    appendPadded(out, rest / msPerMinute % 60, 2);
    out += u':';
    appendPadded(out, rest / msPerSecond % 60, 2);
    out += u'.';
    appendPadded(out, rest % msPerSecond, 3);
    out += u'Z';
    return out;
}

Iso8601Result Iso8601::parseDuration(QStringView text)
{
    if (charAt(text, 0, u'-'))
        return failure(u"negative durations are not supported"_s);
    if (!charAt(text, 0, u'P'))
        return failure(u"a duration starts with \"P\", got %1"_s.arg(describeAt(text, 0)));

    // The designators in the only order ISO 8601 allows; `next` is the
    // position in this list a component may use, so repeats and
    // out-of-order components are refused.
    static constexpr char16_t order[] = { u'Y', u'M', u'W', u'D', u'H', u'M', u'S' };
    constexpr int firstTimeDesignator = 4;
    int next = 0;
    bool inTime = false;
    bool anyComponent = false;
    bool timeComponent = false;
    qint64 total = 0;
    qsizetype pos = 1;
    while (pos < text.size()) {
        if (charAt(text, pos, u'T')) {
            if (inTime)
                return failure(u"\"T\" appears twice"_s);
            inTime = true;
            next = firstTimeDesignator;
            ++pos;
            continue;
        }

        const qsizetype numberStart = pos;
        qint64 whole = 0;
        for (int digit = digitAt(text, pos); digit >= 0; digit = digitAt(text, ++pos)) {
            if (pos - numberStart >= 18)
                return failure(u"a number is too large"_s);
            whole = whole * 10 + digit;
        }
        if (pos == numberStart)
            return failure(u"expected a number at %1"_s.arg(describeAt(text, pos)));
        bool hasFraction = false;
        qint64 fractionMillis = 0;
        if (charAt(text, pos, u'.')) {
            hasFraction = true;
            const qsizetype fractionStart = ++pos;
            for (int digit = digitAt(text, pos); digit >= 0; digit = digitAt(text, ++pos)) {
                if (pos - fractionStart < 3)
                    fractionMillis = fractionMillis * 10 + digit;
            }
            const qsizetype count = pos - fractionStart;
            if (count == 0)
                return failure(u"expected digits after the decimal point"_s);
            if (count > 9)
                return failure(u"a fraction has at most 9 digits, got %1"_s.arg(count));
            for (qsizetype i = count; i < 3; ++i)
                fractionMillis *= 10;
        }
        if (pos == text.size())
            return failure(u"the number at the end has no designator"_s);

        const char16_t designator = text[pos].unicode();
        const int first = inTime ? firstTimeDesignator : 0;
        const int last = inTime ? int(std::size(order)) : firstTimeDesignator;
        int slot = -1;
        for (int i = first; i < last; ++i) {
            if (order[i] == designator) {
                slot = i;
                break;
            }
        }
        if (slot < 0) {
            return failure(u"unexpected %1 %2"_s.arg(
                inTime ? u"in the time part:"_s : u"in the date part:"_s, describeAt(text, pos)));
        }
        if (slot == 0)
            return failure(u"years have no fixed length: only W, D, H, M and S are supported"_s);
        if (slot == 1)
            return failure(
                u"months have no fixed length (\"M\" before \"T\" is months; minutes are \"PTnM\")"_s);
        if (slot < next)
            return failure(u"designator \"%1\" is out of order or repeated"_s.arg(QChar(designator)));
        if (hasFraction && designator != u'S')
            return failure(u"only seconds may have a fraction"_s);

        static constexpr qint64 unitMillis[]
            = { 0, 0, msPerWeek, msPerDay, msPerHour, msPerMinute, msPerSecond };
        const qint64 unit = unitMillis[slot];
        if (whole > (std::numeric_limits<qint64>::max() - fractionMillis) / unit
            || whole * unit + fractionMillis > std::numeric_limits<qint64>::max() - total)
            return failure(u"the duration is too long"_s);
        total += whole * unit + fractionMillis;
        next = slot + 1;
        anyComponent = true;
        timeComponent = timeComponent || inTime;
        ++pos;
    }
    if (inTime && !timeComponent)
        return failure(u"\"T\" must be followed by hours, minutes or seconds"_s);
    if (!anyComponent)
        return failure(u"a duration needs at least one component, e.g. \"PT0S\""_s);
    return { total, QString() };
}

QString Iso8601::formatDuration(qint64 msecs)
{
    QString out;
    // The magnitude as unsigned, so that the most negative value has one too.
    quint64 rest = msecs < 0 ? 0 - quint64(msecs) : quint64(msecs);
    if (msecs < 0)
        out += u'-';
    out += u'P';
    const quint64 days = rest / msPerDay;
    rest %= msPerDay;
    if (days > 0)
        out += QString::number(days) + u'D';
    if (rest == 0 && days > 0)
        return out;
    out += u'T';
    const quint64 hours = rest / msPerHour;
    const quint64 minutes = rest / msPerMinute % 60;
    const quint64 seconds = rest / msPerSecond % 60;
    const quint64 millis = rest % msPerSecond;
    if (hours > 0)
        out += QString::number(hours) + u'H';
    if (minutes > 0)
        out += QString::number(minutes) + u'M';
    if (seconds > 0 || millis > 0 || rest == 0) {
        out += QString::number(seconds);
        if (millis > 0) {
            QString fraction = QString::number(millis).rightJustified(3, u'0');
            while (fraction.endsWith(u'0'))
                fraction.chop(1);
            out += u'.' + fraction;
        }
        out += u'S';
    }
    return out;
}

} // namespace mgn
