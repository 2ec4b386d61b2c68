#include "app/aws/AwsHttpResponse.h"

#include <QLocale>
#include <QStringList>

namespace mgn {

QByteArray AwsHttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool AwsHttpResponse::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString AwsHttpResponse::requestId() const
{
    QByteArray id = header("x-amzn-RequestId");
    if (id.isEmpty())
        id = header("x-amz-request-id");
    return QString::fromLatin1(id);
}

std::optional<QDateTime> AwsHttpResponse::date() const
{
    return parseHttpDate(header("Date"));
}

namespace {

// "06-Nov-94". The century is chosen before the date is read: read as 1900,
// "29-Feb-00" does not exist. Two-digit years are 1970..2069 (RFC 9110 reads
// one more than 50 years ahead as the past).
QDate rfc850Date(const QLocale &c, const QString &text)
{
    const QStringList parts = text.split(u'-');
    if (parts.size() != 3 || parts.at(2).size() != 2)
        return {};
    for (const QChar digit : parts.at(2)) {
        if (digit < u'0' || digit > u'9')
            return {};
    }
    const int twoDigits = parts.at(2).toInt();
    const int year = twoDigits + (twoDigits < 70 ? 2000 : 1900);
    return c.toDate(
        parts.at(0) + u'-' + parts.at(1) + u'-' + QString::number(year), QStringLiteral("dd-MMM-yyyy"));
}

} // namespace

std::optional<QDateTime> AwsHttpResponse::parseHttpDate(QByteArrayView text)
{
    // The date and the time are read apart and joined in UTC: read together
    // they make a local time, which a DST gap makes invalid or an hour off.
    const QString value = QString::fromLatin1(text.trimmed());
    const QLocale c = QLocale::c();
    const QString timeFormat = QStringLiteral("hh:mm:ss");
    QDate date;
    QTime time;
    const qsizetype comma = value.indexOf(u',');
    if (comma >= 0) {
        // Drop the weekday, which only adds ways to fail.
        QString rest = value.mid(comma + 1).trimmed();
        if (rest.endsWith(u" GMT"))
            rest.chop(4);
        const qsizetype space = rest.lastIndexOf(u' ');
        if (space < 0)
            return std::nullopt;
        const QString datePart = rest.left(space);
        time = c.toTime(rest.mid(space + 1), timeFormat);
        date = c.toDate(datePart, QStringLiteral("dd MMM yyyy"));
        if (!date.isValid())
            date = rfc850Date(c, datePart);
    } else {
        // asctime: "Sun Nov  6 08:49:37 1994".
        const QStringList words = value.simplified().split(u' ');
        if (words.size() != 5)
            return std::nullopt;
        time = c.toTime(words.at(3), timeFormat);
        date = c.toDate(QStringList { words.at(0), words.at(1), words.at(2), words.at(4) }.join(u' '),
            QStringLiteral("ddd MMM d yyyy"));
    }
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

} // namespace mgn
