#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

namespace mgn {

// One HTTP request as the emulator's service sees it, after the HTTP layer
// has read it whole and verified its signature.
struct EmulatorRequest final {
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    QByteArray method; // "POST", "GET", "DELETE"
    QByteArray path; // as on the wire, percent-encoded: "/tags/arn%3Aaws%3A..."
    QByteArray query; // as on the wire, without '?': "maxResults=10&nextToken=x"
    Headers headers;
    QByteArray body;
};

} // namespace mgn
