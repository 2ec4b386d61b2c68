#include "emulator/service/PageToken.h"

#include <QCryptographicHash>
#include <QList>

namespace mgn {

namespace {

constexpr auto base64Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray checksum(const QByteArray &payload)
{
    return QCryptographicHash::hash(QByteArray("mgn-emulator-page:" + payload), QCryptographicHash::Sha256)
        .left(6)
        .toHex();
}

} // namespace

QString PageToken::encode(QLatin1StringView operation, qsizetype offset, const QByteArray &fingerprint)
{
    const QByteArray payload = QByteArray(operation.data(), operation.size()) + '|'
        + QByteArray::number(offset) + '|' + fingerprint;
    const QByteArray token = payload + '|' + checksum(payload);
    return QString::fromLatin1(token.toBase64(base64Options));
}

std::optional<qsizetype> PageToken::decode(
    const QString &token, QLatin1StringView operation, const QByteArray &fingerprint)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), base64Options | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split('|');
    if (parts.size() != 4)
        return std::nullopt;
    const QByteArray payload = parts.at(0) + '|' + parts.at(1) + '|' + parts.at(2);
    if (parts.at(3) != checksum(payload) || parts.at(0) != QByteArrayView(operation.data(), operation.size())
        || parts.at(2) != fingerprint)
        return std::nullopt;
    bool ok = false;
    const qsizetype offset = parts.at(1).toLongLong(&ok);
    if (!ok || offset < 0)
        return std::nullopt;
    return offset;
}

QByteArray PageToken::fingerprint(const QByteArray &canonicalFilters)
{
    return QCryptographicHash::hash(canonicalFilters, QCryptographicHash::Sha256).left(8).toHex();
}

} // namespace mgn
