#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

class QUrl;

namespace mgn {

// An HTTP request as SigV4 sees it. The path and the query are kept exactly
// as they go on the wire (percent-encoded), because that is what the service
// canonicalises; headers keep their order and duplicates.
struct SigV4Request final {
    using Header = std::pair<QByteArray, QByteArray>;
    using Headers = QList<Header>;

    QByteArray method = "GET";
    QByteArray path = "/";
    QByteArray query; // without the '?'
    Headers headers;
    QByteArray body;
    QByteArray httpVersion = "HTTP/1.1";

    // The request for `url` with a Host header as QNetworkAccessManager and
    // botocore write it (the port only when it is not the scheme's default).
    static SigV4Request fromUrl(QByteArrayView method, const QUrl &url, const QByteArray &body = {});
    static QByteArray hostHeaderValue(const QUrl &url);

    // Parses the HTTP/1.1 text of the official test suite's request.txt: the
    // request line, header lines, a blank line, the body. An indented line
    // continues the previous header's value (obs-fold): as RFC 9112, 5.2
    // allows a recipient, the fold becomes one space ("value1 value2").
    static std::optional<SigV4Request> fromHttpText(QByteArrayView text, QString *error = nullptr);
    // The inverse, in the suite's *-signed-request.txt form. It contains the
    // Authorization header or signature of a signed request: never log it.
    QByteArray toHttpText() const;

    // Header lookups ignore the case of the name.
    bool hasHeader(QByteArrayView name) const;
    // The values of every header with that name, joined by ',' in order.
    QByteArray headerValue(QByteArrayView name) const;
    void removeHeader(QByteArrayView name);
    void appendHeader(const QByteArray &name, const QByteArray &value);
};

} // namespace mgn
