#include "AwsHttpResponse.h"

#include <QLocale>

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

std::optional<QDateTime> AwsHttpResponse::parseHttpDate(QByteArrayView text)
{
    QString value = QString::fromLatin1(text.trimmed());
    const QLocale c = QLocale::c();
    QDateTime parsed;
    const qsizetype comma = value.indexOf(u',');
    if (comma >= 0) {
        // Drop the weekday, which only adds ways to fail.
        QString rest = value.mid(comma + 1).trimmed();
        if (rest.endsWith(u" GMT"))
            rest.chop(4);
        parsed = c.toDateTime(rest, QStringLiteral("dd MMM yyyy hh:mm:ss"));
        if (!parsed.isValid()) {
            parsed = c.toDateTime(rest, QStringLiteral("dd-MMM-yy hh:mm:ss"));
            // Two-digit years: RFC 9110 reads one more than 50 years ahead as the past.
            if (parsed.isValid() && parsed.date().year() < 1970)
                parsed = parsed.addYears(100);
        }
    } else {
        parsed = c.toDateTime(value.simplified(), QStringLiteral("ddd MMM d hh:mm:ss yyyy"));
    }
    if (!parsed.isValid())
        return std::nullopt;
    return QDateTime(parsed.date(), parsed.time(), Qt::UTC);
}
