#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

class QDebug;

namespace mgn {

// A set of AWS credentials: long-term (access key ID and secret) or temporary
// (with a session token and usually an expiration). The secret and the token
// are secrets: nothing may log them; the QDebug operator below redacts them.
struct AwsCredentials final {
    QString accessKeyId;
    QString secretAccessKey;
    std::optional<QString> sessionToken;
    std::optional<QDateTime> expiration;

    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
    bool hasSessionToken() const { return sessionToken.has_value() && !sessionToken->isEmpty(); }
    // True when the credentials have an expiration at or before `time`.
    bool expiresBy(const QDateTime &time) const { return expiration.has_value() && *expiration <= time; }

    bool operator==(const AwsCredentials &other) const = default;
};

// Prints the access key ID masked like `aws configure list` does (all but the
// last four characters), and never the secret access key or the session token.
QDebug operator<<(QDebug debug, const AwsCredentials &credentials);

} // namespace mgn
