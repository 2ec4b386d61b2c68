#pragma once

#include "emulator/service/EmulatorResponse.h"

#include <QByteArray>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QString>

#include <optional>

namespace mgn {

class Fleet;

// What the configuration operations share: the server a request names, the
// document of a resource in a list, and listing pages of documents.
namespace ConfigurationSupport {
// The index of the server named by sourceServerID (and accountID, when
// given), or nullopt with ResourceNotFoundException in *error.
std::optional<qsizetype> server(const Fleet &fleet, const QJsonObject &input, EmulatorResponse *error);
// ConflictException when the server is disconnected from the service or
// archived: its settings no longer apply to anything.
std::optional<EmulatorResponse> refuseDisconnected(
    const Fleet &fleet, qsizetype serverIndex, const QString &what);
// The index of the document whose `key` is `id`; -1 when none.
qsizetype find(const QList<QJsonObject> &documents, QLatin1StringView key, const QString &id);
// A page of `documents` (maxResults, nextToken of `input`) as {items, nextToken};
// `filters` is what selected them (the page token is bound to it).
EmulatorResponse page(QLatin1StringView operation, const QJsonObject &input,
    const QList<QJsonObject> &documents, const QByteArray &filters);
// The strings of input[name] (a list filter); empty when absent.
QStringList strings(const QJsonObject &input, QLatin1StringView name);
// A ValidationException about one member.
EmulatorResponse invalid(const QString &member, const QString &message, const QString &value);
} // namespace ConfigurationSupport

} // namespace mgn
