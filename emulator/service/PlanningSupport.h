#pragma once

#include "emulator/service/EmulatorResponse.h"
#include "emulator/service/OperationCall.h"
#include "emulator/service/PlanningRecord.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1String>
#include <QString>
#include <QStringList>

#include <vector>

namespace mgn {

class Fleet;

// What the application, wave and connector operations share.
namespace PlanningSupport {
// The index of the record the input's `idMember` names, or -1 (also when
// the input's accountID is another account's: it has none).
qsizetype find(const Fleet &fleet, const std::vector<PlanningRecord> &records, const OperationCall &call,
    QLatin1StringView idMember);
// 404 ResourceNotFoundException: "<What> <id> not found".
EmulatorResponse notFound(const QString &what, const QString &id, QLatin1StringView resourceType);
// The operation's documented success code with that body.
EmulatorResponse answer(const OperationCall &call, const QJsonObject &body);
// Now, as the API writes dates.
QString now(const Fleet &fleet);
// A string list member of the input.
QStringList strings(const QJsonObject &object, QLatin1StringView member);
// One page of `items` for a List operation (maxResults, nextToken bound to
// the filters).
EmulatorResponse page(const OperationCall &call, const QJsonArray &items);
// A new record's ARN-bearing shell: ID, ARN, tags from the input.
PlanningRecord make(
    Fleet &fleet, QLatin1StringView idPrefix, QLatin1StringView arnType, const QJsonObject &input);
} // namespace PlanningSupport

} // namespace mgn
