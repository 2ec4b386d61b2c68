#include "models/json/Iso8601.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

#include <limits>

using namespace mgn;
using namespace Qt::Literals::StringLiterals;

// Expected instants were computed independently (Python's datetime), not with
// the code under test.
class TestIso8601 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseDateTime_data();
    void parseDateTime();
    void rejectDateTime_data();
    void rejectDateTime();
    void formatDateTime_data();
    void formatDateTime();
    void dateTimeRoundTripsAcrossTheRange();
    void parsedDateTimeReformatsToCanonical_data();
    void parsedDateTimeReformatsToCanonical();

    void parseDuration_data();
    void parseDuration();
    void rejectDuration_data();
    void rejectDuration();
    void formatDuration_data();
    void formatDuration();
    void durationRoundTrips();
};

void TestIso8601::parseDateTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("epoch") << u"1970-01-01T00:00:00Z"_s << Q_INT64_C(0);
    QTest::newRow("Z") << u"2026-11-01T12:00:00Z"_s << Q_INT64_C(1793534400000);
    QTest::newRow("+00:00") << u"2026-11-01T12:00:00+00:00"_s << Q_INT64_C(1793534400000);
    QTest::newRow("-00:00") << u"2026-11-01T12:00:00-00:00"_s << Q_INT64_C(1793534400000);
    QTest::newRow("ms +00:00") << u"2026-11-01T12:00:00.123+00:00"_s << Q_INT64_C(1793534400123);
    QTest::newRow("1 digit") << u"2026-11-01T12:00:00.1Z"_s << Q_INT64_C(1793534400100);
    QTest::newRow("2 digits") << u"2026-11-01T12:00:00.12Z"_s << Q_INT64_C(1793534400120);
    QTest::newRow("6 digits") << u"2026-11-01T12:00:00.154000Z"_s << Q_INT64_C(1793534400154);
    QTest::newRow("9 digits truncated") << u"2026-11-01T12:00:00.123456789Z"_s << Q_INT64_C(1793534400123);
    QTest::newRow("truncated, not rounded")
        << u"2026-11-01T12:00:00.999999999Z"_s << Q_INT64_C(1793534400999);
    QTest::newRow("-05:30") << u"2026-11-01T12:00:00-05:30"_s << Q_INT64_C(1793554200000);
    QTest::newRow("+14:00") << u"2026-11-01T12:00:00+14:00"_s << Q_INT64_C(1793484000000);
    QTest::newRow("offset crosses the year") << u"2026-01-01T00:30:00+01:00"_s << Q_INT64_C(1767223800000);
    QTest::newRow("odd offset and fraction")
        << u"2100-02-28T12:34:56.789-11:59"_s << Q_INT64_C(4107544436789);
    QTest::newRow("leap day") << u"2024-02-29T23:59:59.999Z"_s << Q_INT64_C(1709251199999);
    QTest::newRow("leap day of a 400th year") << u"2000-02-29T00:00:00Z"_s << Q_INT64_C(951782400000);
    QTest::newRow("before 1970") << u"1969-12-31T23:59:59.999Z"_s << Q_INT64_C(-1);
    QTest::newRow("1900-03-01") << u"1900-03-01T00:00:00Z"_s << Q_INT64_C(-2203891200000);
    QTest::newRow("first year") << u"0001-01-01T00:00:00Z"_s << Q_INT64_C(-62135596800000);
    QTest::newRow("last year") << u"9999-12-31T23:59:59.999Z"_s << Q_INT64_C(253402300799999);
}

void TestIso8601::parseDateTime()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const Iso8601Result result = Iso8601::parseDateTime(text);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(*result.value, expected);
    QVERIFY(result.error.isEmpty());
}

void TestIso8601::rejectDateTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    const QString notADate = u"expected a date as yyyy-MM-dd at the start"_s;
    const QString notATime = u"expected a time as HH:mm:ss after \"T\""_s;
    QTest::newRow("empty") << QString() << notADate;
    QTest::newRow("two-digit year") << u"26-11-01T12:00:00Z"_s << notADate;
    QTest::newRow("one-digit month") << u"2026-1-01T12:00:00Z"_s << notADate;
    QTest::newRow("signed year") << u"+2026-11-01T12:00:00Z"_s << notADate;
    QTest::newRow("non-ASCII digits") << u"\uff12\uff10\uff12\uff16-11-01T12:00:00Z"_s << notADate;
    QTest::newRow("year 0") << u"0000-01-01T00:00:00Z"_s << u"year 0000 is out of range (0001 to 9999)"_s;
    QTest::newRow("month 13") << u"2026-13-01T00:00:00Z"_s << u"month 13 is out of range (01 to 12)"_s;
    QTest::newRow("month 0") << u"2026-00-10T00:00:00Z"_s << u"month 00 is out of range (01 to 12)"_s;
    QTest::newRow("Feb 30") << u"2026-02-30T00:00:00Z"_s << u"day 30 is out of range for 2026-02"_s;
    QTest::newRow("Feb 29, common year")
        << u"2025-02-29T00:00:00Z"_s << u"day 29 is out of range for 2025-02"_s;
    QTest::newRow("Feb 29, 1900") << u"1900-02-29T00:00:00Z"_s << u"day 29 is out of range for 1900-02"_s;
    QTest::newRow("Apr 31") << u"2026-04-31T00:00:00Z"_s << u"day 31 is out of range for 2026-04"_s;
    QTest::newRow("day 0") << u"2026-11-00T00:00:00Z"_s << u"day 00 is out of range for 2026-11"_s;
    QTest::newRow("date only")
        << u"2026-11-01"_s
        << u"a date alone is not a point in time: expected THH:mm:ss and a UTC offset after it"_s;
    QTest::newRow("space for T") << u"2026-11-01 12:00:00Z"_s
                                 << u"expected \"T\" after the date, got \" 12:00:00Z\""_s;
    QTest::newRow("lower-case t") << u"2026-11-01t12:00:00Z"_s
                                  << u"expected \"T\" after the date, got \"t12:00:00Z\""_s;
    QTest::newRow("no seconds") << u"2026-11-01T12:00Z"_s << notATime;
    QTest::newRow("hour 24") << u"2026-11-01T24:00:00Z"_s << u"hour 24 is out of range (00 to 23)"_s;
    QTest::newRow("minute 60") << u"2026-11-01T12:60:00Z"_s << u"minute 60 is out of range (00 to 59)"_s;
    QTest::newRow("second 60") << u"2026-11-01T23:59:60Z"_s
                               << u"second 60 is out of range (00 to 59; leap seconds are not supported)"_s;
    QTest::newRow("no offset") << u"2026-11-01T12:00:00"_s
                               << u"missing the UTC offset: expected \"Z\" or \"+hh:mm\" after the time"_s;
    QTest::newRow("no offset after fraction")
        << u"2026-11-01T12:00:00.123"_s
        << u"missing the UTC offset: expected \"Z\" or \"+hh:mm\" after the time"_s;
    QTest::newRow("lower-case z") << u"2026-11-01T12:00:00z"_s
                                  << u"expected \"Z\" or a UTC offset after the time, got \"z\""_s;
    QTest::newRow("comma decimal") << u"2026-11-01T12:00:00,5Z"_s
                                   << u"expected \"Z\" or a UTC offset after the time, got \",5Z\""_s;
    QTest::newRow("empty fraction") << u"2026-11-01T12:00:00.Z"_s
                                    << u"expected digits after the decimal point"_s;
    QTest::newRow("10 fraction digits")
        << u"2026-11-01T12:00:00.1234567890Z"_s << u"a fraction of a second has at most 9 digits, got 10"_s;
    QTest::newRow("offset without colon")
        << u"2026-11-01T12:00:00+0000"_s << u"expected the UTC offset as +hh:mm or -hh:mm, got \"+0000\""_s;
    QTest::newRow("offset hours only")
        << u"2026-11-01T12:00:00+05"_s << u"expected the UTC offset as +hh:mm or -hh:mm, got \"+05\""_s;
    QTest::newRow("offset hour 24") << u"2026-11-01T12:00:00+24:00"_s
                                    << u"UTC offset +24:00 is out of range"_s;
    QTest::newRow("offset minute 60")
        << u"2026-11-01T12:00:00-05:60"_s << u"UTC offset -05:60 is out of range"_s;
    QTest::newRow("trailing text") << u"2026-11-01T12:00:00Zjunk"_s
                                   << u"unexpected text after the UTC offset: \"junk\""_s;
    QTest::newRow("trailing text after offset")
        << u"2026-11-01T12:00:00+01:00 "_s << u"unexpected text after the UTC offset: \" \""_s;
    QTest::newRow("Z and offset") << u"2026-11-01T12:00:00Z+01:00"_s
                                  << u"unexpected text after the UTC offset: \"+01:00\""_s;
    // Found by fuzz_iso8601: in UTC these are in years 0000 and 10000, whose
    // canonical form does not parse back.
    QTest::newRow("offset before year 1")
        << u"0001-01-01T00:00:00+14:00"_s << u"the instant, in UTC, is out of range (years 0001 to 9999)"_s;
    QTest::newRow("offset after year 9999") << u"9999-12-31T23:59:59.999-00:01"_s
                                            << u"the instant, in UTC, is out of range (years 0001 to 9999)"_s;
}

void TestIso8601::rejectDateTime()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const Iso8601Result result = Iso8601::parseDateTime(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
}

void TestIso8601::formatDateTime_data()
{
    QTest::addColumn<qint64>("msecs");
    QTest::addColumn<QString>("expected");

    QTest::newRow("epoch") << Q_INT64_C(0) << u"1970-01-01T00:00:00.000Z"_s;
    QTest::newRow("ms") << Q_INT64_C(1793534400123) << u"2026-11-01T12:00:00.123Z"_s;
    QTest::newRow("whole second keeps .000") << Q_INT64_C(1793534400000) << u"2026-11-01T12:00:00.000Z"_s;
    QTest::newRow("before 1970") << Q_INT64_C(-1) << u"1969-12-31T23:59:59.999Z"_s;
    QTest::newRow("leap day") << Q_INT64_C(1709251199999) << u"2024-02-29T23:59:59.999Z"_s;
    QTest::newRow("first year") << Q_INT64_C(-62135596800000) << u"0001-01-01T00:00:00.000Z"_s;
    QTest::newRow("last year") << Q_INT64_C(253402300799999) << u"9999-12-31T23:59:59.999Z"_s;
}

void TestIso8601::formatDateTime()
{
    QFETCH(qint64, msecs);
    QFETCH(QString, expected);
    QCOMPARE(Iso8601::formatDateTime(msecs), expected);
}

void TestIso8601::dateTimeRoundTripsAcrossTheRange()
{
    // QDateTime as an independent calendar: every day of years 0001..9999
    // would be slow, so step through the range with a stride that visits
    // every month, day and time of day many times.
    const qint64 first = Q_INT64_C(-62135596800000);
    const qint64 last = Q_INT64_C(253402300799999);
    const qint64 stride = Q_INT64_C(1577689487); // ~18.26 days, not a whole number of seconds
    int checked = 0;
    for (qint64 msecs = first; msecs <= last; msecs += stride) {
        const QString text = Iso8601::formatDateTime(msecs);
        const QString reference = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs);
        if (text != reference)
            QFAIL(qPrintable(u"formatted " + text + u", QDateTime says " + reference));
        const Iso8601Result parsed = Iso8601::parseDateTime(text);
        if (!parsed.ok() || *parsed.value != msecs)
            QFAIL(qPrintable(text + u" does not parse back: " + parsed.error));
        ++checked;
    }
    QCOMPARE(checked, 200001);
}

void TestIso8601::parsedDateTimeReformatsToCanonical_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("Z") << u"2026-11-01T12:00:00Z"_s << u"2026-11-01T12:00:00.000Z"_s;
    QTest::newRow("micro +00:00") << u"2026-10-30T08:15:30.154000+00:00"_s << u"2026-10-30T08:15:30.154Z"_s;
    QTest::newRow("offset") << u"2026-10-30T09:00:00-05:30"_s << u"2026-10-30T14:30:00.000Z"_s;
    QTest::newRow("nano") << u"2026-10-30T08:20:01.123456789Z"_s << u"2026-10-30T08:20:01.123Z"_s;
    QTest::newRow("canonical") << u"2026-11-01T11:59:00.500Z"_s << u"2026-11-01T11:59:00.500Z"_s;
}

void TestIso8601::parsedDateTimeReformatsToCanonical()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const Iso8601Result parsed = Iso8601::parseDateTime(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(Iso8601::formatDateTime(*parsed.value), canonical);
    QCOMPARE(Iso8601::parseDateTime(canonical).value, parsed.value);
}

void TestIso8601::parseDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("PT0S") << u"PT0S"_s << Q_INT64_C(0);
    QTest::newRow("P0D") << u"P0D"_s << Q_INT64_C(0);
    QTest::newRow("PT1H2M3.5S") << u"PT1H2M3.5S"_s << Q_INT64_C(3723500);
    QTest::newRow("P2DT3H") << u"P2DT3H"_s << Q_INT64_C(183600000);
    QTest::newRow("P1W") << u"P1W"_s << Q_INT64_C(604800000);
    QTest::newRow("P1W2D") << u"P1W2D"_s << Q_INT64_C(777600000);
    QTest::newRow("P1D") << u"P1D"_s << Q_INT64_C(86400000);
    QTest::newRow("PT1M is minutes") << u"PT1M"_s << Q_INT64_C(60000);
    QTest::newRow("PT36H not normalised") << u"PT36H"_s << Q_INT64_C(129600000);
    QTest::newRow("PT90M") << u"PT90M"_s << Q_INT64_C(5400000);
    QTest::newRow("PT3600S") << u"PT3600S"_s << Q_INT64_C(3600000);
    QTest::newRow("P1DT1S") << u"P1DT1S"_s << Q_INT64_C(86401000);
    QTest::newRow("PT0.001S") << u"PT0.001S"_s << Q_INT64_C(1);
    QTest::newRow("sub-ms truncated") << u"PT0.0009S"_s << Q_INT64_C(0);
    QTest::newRow("9 fraction digits") << u"PT1.123456789S"_s << Q_INT64_C(1123);
    QTest::newRow("all parts") << u"P2DT3H4M5.678S"_s << Q_INT64_C(183845678);
    QTest::newRow("leading zeros") << u"PT007S"_s << Q_INT64_C(7000);
    QTest::newRow("large") << u"P100000D"_s << Q_INT64_C(8640000000000);
}

void TestIso8601::parseDuration()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const Iso8601Result result = Iso8601::parseDuration(text);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(*result.value, expected);
}

void TestIso8601::rejectDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << QString() << u"a duration starts with \"P\", got the end of the text"_s;
    QTest::newRow("P") << u"P"_s << u"a duration needs at least one component, e.g. \"PT0S\""_s;
    QTest::newRow("PT") << u"PT"_s << u"\"T\" must be followed by hours, minutes or seconds"_s;
    QTest::newRow("P1DT") << u"P1DT"_s << u"\"T\" must be followed by hours, minutes or seconds"_s;
    QTest::newRow("1H") << u"1H"_s << u"a duration starts with \"P\", got \"1H\""_s;
    QTest::newRow("lower case") << u"pt1s"_s << u"a duration starts with \"P\", got \"pt1s\""_s;
    QTest::newRow("PTxS") << u"PTxS"_s << u"expected a number at \"xS\""_s;
    QTest::newRow("negative") << u"-PT1S"_s << u"negative durations are not supported"_s;
    QTest::newRow("negative component") << u"PT-1S"_s << u"expected a number at \"-1S\""_s;
    QTest::newRow("trailing garbage") << u"PT1Sx"_s << u"expected a number at \"x\""_s;
    QTest::newRow("trailing space") << u"PT1S "_s << u"expected a number at \" \""_s;
    QTest::newRow("no designator") << u"PT1"_s << u"the number at the end has no designator"_s;
    QTest::newRow("months")
        << u"P1M"_s << u"months have no fixed length (\"M\" before \"T\" is months; minutes are \"PTnM\")"_s;
    QTest::newRow("years") << u"P1Y"_s
                           << u"years have no fixed length: only W, D, H, M and S are supported"_s;
    QTest::newRow("years and days") << u"P1Y2D"_s
                                    << u"years have no fixed length: only W, D, H, M and S are supported"_s;
    QTest::newRow("repeated") << u"PT1H1H"_s << u"designator \"H\" is out of order or repeated"_s;
    QTest::newRow("out of order") << u"PT1S1M"_s << u"designator \"M\" is out of order or repeated"_s;
    QTest::newRow("days after weeks order")
        << u"P1D1W"_s << u"designator \"W\" is out of order or repeated"_s;
    QTest::newRow("days in time part") << u"P1DT1D"_s << u"unexpected in the time part: \"D\""_s;
    QTest::newRow("hours in date part") << u"P1H"_s << u"unexpected in the date part: \"H\""_s;
    QTest::newRow("lower-case designator") << u"PT1s"_s << u"unexpected in the time part: \"s\""_s;
    QTest::newRow("comma decimal") << u"PT1,5S"_s << u"unexpected in the time part: \",5S\""_s;
    QTest::newRow("T twice") << u"P1DTT1H"_s << u"\"T\" appears twice"_s;
    QTest::newRow("fraction of hours") << u"PT1.5H"_s << u"only seconds may have a fraction"_s;
    QTest::newRow("empty fraction") << u"PT1.S"_s << u"expected digits after the decimal point"_s;
    QTest::newRow("no integer part") << u"PT.5S"_s << u"expected a number at \".5S\""_s;
    QTest::newRow("10 fraction digits")
        << u"PT1.1234567890S"_s << u"a fraction has at most 9 digits, got 10"_s;
    QTest::newRow("huge number") << u"P99999999999999999999D"_s << u"a number is too large"_s;
    QTest::newRow("overflow") << u"P999999999999999D"_s << u"the duration is too long"_s;
    QTest::newRow("overflow in sum") << u"P106751991167DT23H"_s << u"the duration is too long"_s;
}

void TestIso8601::rejectDuration()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const Iso8601Result result = Iso8601::parseDuration(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
}

void TestIso8601::formatDuration_data()
{
    QTest::addColumn<qint64>("msecs");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << Q_INT64_C(0) << u"PT0S"_s;
    QTest::newRow("1 ms") << Q_INT64_C(1) << u"PT0.001S"_s;
    QTest::newRow("10 ms") << Q_INT64_C(10) << u"PT0.01S"_s;
    QTest::newRow("3.5 s") << Q_INT64_C(3500) << u"PT3.5S"_s;
    QTest::newRow("h m s.f") << Q_INT64_C(3723500) << u"PT1H2M3.5S"_s;
    QTest::newRow("one minute") << Q_INT64_C(60000) << u"PT1M"_s;
    QTest::newRow("one hour") << Q_INT64_C(3600000) << u"PT1H"_s;
    QTest::newRow("one day") << Q_INT64_C(86400000) << u"P1D"_s;
    QTest::newRow("a week is 7 days") << Q_INT64_C(604800000) << u"P7D"_s;
    QTest::newRow("days and hours") << Q_INT64_C(183600000) << u"P2DT3H"_s;
    QTest::newRow("all parts") << Q_INT64_C(183845678) << u"P2DT3H4M5.678S"_s;
    QTest::newRow("day and a ms") << Q_INT64_C(86400001) << u"P1DT0.001S"_s;
    QTest::newRow("hour and a second") << Q_INT64_C(3601000) << u"PT1H1S"_s;
    QTest::newRow("negative") << Q_INT64_C(-1500) << u"-PT1.5S"_s;
}

void TestIso8601::formatDuration()
{
    QFETCH(qint64, msecs);
    QFETCH(QString, expected);
    QCOMPARE(Iso8601::formatDuration(msecs), expected);
}

void TestIso8601::durationRoundTrips()
{
    QRandomGenerator random(20261101);
    QList<qint64> values = { 0, 1, 999, 1000, 59999, 60000, 3599999, 3600000, 86399999, 86400000,
        std::numeric_limits<qint64>::max() };
    for (int i = 0; i < 100000; ++i)
        values.append(random.bounded(Q_INT64_C(0), Q_INT64_C(1) << (i % 50 + 1)));
    for (const qint64 msecs : std::as_const(values)) {
        const QString text = Iso8601::formatDuration(msecs);
        const Iso8601Result parsed = Iso8601::parseDuration(text);
        if (!parsed.ok() || *parsed.value != msecs)
            QFAIL(qPrintable(u"%1 -> %2 -> %3"_s.arg(msecs).arg(text, parsed.error)));
    }
}

QTEST_GUILESS_MAIN(TestIso8601)
#include "tst_iso8601.moc"
