#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QString>

#include <optional>

namespace mgn {

// The opaque nextToken of the list operations: which operation, where the
// next page starts, and a fingerprint of the filters it was issued for. A
// token from another operation or another filter, or one that was tampered
// with, does not decode (the service answers ValidationException).
namespace PageToken {
QString encode(QLatin1StringView operation, qsizetype offset, const QByteArray &fingerprint);
// The offset, or nullopt when the token is not one of ours for this
// operation and these filters.
std::optional<qsizetype> decode(
    const QString &token, QLatin1StringView operation, const QByteArray &fingerprint);
// A short digest of the request members that select the items.
QByteArray fingerprint(const QByteArray &canonicalFilters);
} // namespace PageToken

} // namespace mgn
