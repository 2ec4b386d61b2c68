#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>
#include <utility>

namespace mgn {

// One call to an AWS service as the transport sends it: signed afresh at each
// attempt, so it carries no Authorization, X-Amz-Date or session token.
struct AwsHttpRequest final {
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    QByteArray method = "POST";
    // The full URL, the path percent-encoded as it goes on the wire.
    QUrl url;
    // Extra headers, e.g. Content-Type (application/json when absent and the
    // request has a body).
    Headers headers;
    QByteArray body;
    // The API operation, for observability only (e.g. "DescribeSourceServers").
    QString operation;
    // Overrides the transport's per-attempt timeout.
    std::optional<std::chrono::milliseconds> timeout;
    // Whether the service acting on it twice does no harm (reads, and the
    // operations the API model marks idempotent). One that is not is only
    // sent again when the service certainly did not act on it
    // (RetryStrategy::certainlyNotActedOn).
    bool idempotent = true;
};

} // namespace mgn
