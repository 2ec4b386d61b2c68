#pragma once

#include "emulator/service/EmulatorResponse.h"
#include "models/domain/SourceServer.h"
#include "models/rules/ActionRules.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QString>

#include <optional>

namespace mgn {

class Fleet;
class RequestReader;

// What the operations share: finding a server the caller names, refusing by
// the rules, and cutting a listing into pages.
namespace OperationSupport {
// The index of the server, or -1 when there is none with that ID in the
// account (an accountID other than the fleet's has no servers).
qsizetype findServer(const Fleet &fleet, const QString &sourceServerID,
    const std::optional<QString> &accountID = std::nullopt);
EmulatorResponse serverNotFound(const QString &sourceServerID);

// A server refused by the rule of `action`, with its verdict.
struct Refusal final {
    const mgn::SourceServer *server;
    mgn::ActionRules::Verdict verdict;
};
// The exception the model declares for the call (ActionRules::Rule::
// refusalException): ConflictException naming every refused server and
// its reason in `errors`, or ValidationException with a fieldList.
EmulatorResponse refuse(mgn::Action action, const QList<Refusal> &refusals, qsizetype requested);

// One page of `total` items: where it starts (from nextToken) and how
// long it is; an error when the token is not valid.
struct Page final {
    qsizetype offset = 0;
    qsizetype size = 0;
    std::optional<QString> nextToken;
};
// Reads maxResults (1..1000, default 1000) and nextToken of `reader`;
// false when the request is invalid (the reader holds the fields).
bool readPaging(RequestReader &reader, std::optional<qint64> *maxResults, std::optional<QString> *nextToken);
std::optional<Page> page(QLatin1StringView operation, const QByteArray &fingerprint,
    const std::optional<qint64> &maxResults, const std::optional<QString> &nextToken, qsizetype total,
    EmulatorResponse *error);
QJsonObject envelope(const QJsonArray &items, const std::optional<QString> &nextToken);
} // namespace OperationSupport

} // namespace mgn
