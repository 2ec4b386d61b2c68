#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace mgn {

// An HTTP response as it arrived in full: status, headers in their order, body.
struct AwsHttpResponse final {
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    int httpStatus = 0;
    Headers headers;
    QByteArray body;

    bool isSuccess() const { return httpStatus >= 200 && httpStatus < 300; }
    // The first header of that name, ignoring case; empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // x-amzn-RequestId (x-amz-request-id as a fallback, as botocore does).
    QString requestId() const;
    // The Date header, when it is a valid HTTP-date.
    std::optional<QDateTime> date() const;

    // An HTTP-date of RFC 9110: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"),
    // the obsolete RFC 850 form and asctime's. The weekday is not checked.
    static std::optional<QDateTime> parseHttpDate(QByteArrayView text);
};

} // namespace mgn
