#include "emulator/service/PlanningSupport.h"

#include "emulator/service/Fleet.h"
#include "emulator/service/OperationSupport.h"
#include "emulator/service/PageToken.h"
#include "emulator/service/ServiceErrors.h"
#include "models/codec/TagsCodec.h"
#include "models/json/Iso8601.h"

#include <QJsonDocument>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

qsizetype PlanningSupport::find(const Fleet &fleet, const std::vector<PlanningRecord> &records,
    const OperationCall &call, QLatin1StringView idMember)
{
    const QJsonValue account = call.input.value("accountID"_L1);
    if (account.isString() && account.toString() != fleet.accountId)
        return -1;
    return Fleet::find(records, call.input.value(idMember).toString());
}

EmulatorResponse PlanningSupport::notFound(
    const QString &what, const QString &id, QLatin1StringView resourceType)
{
    return ServiceErrors::notFound(u"%1 %2 not found"_s.arg(what, id), id, resourceType);
}

EmulatorResponse PlanningSupport::answer(const OperationCall &call, const QJsonObject &body)
{
    if (call.operation.responseCode == 204)
        return EmulatorResponse::empty(204);
    return EmulatorResponse::json(call.operation.responseCode, body);
}

QString PlanningSupport::now(const Fleet &fleet)
{
    return Iso8601::formatDateTime(fleet.wallNow());
}

QStringList PlanningSupport::strings(const QJsonObject &object, QLatin1StringView member)
{
    QStringList values;
    for (const QJsonValue &value : object.value(member).toArray())
        values << value.toString();
    return values;
}

EmulatorResponse PlanningSupport::page(const OperationCall &call, const QJsonArray &items)
{
    const QJsonObject &input = call.input;
    std::optional<qint64> maxResults;
    if (input.contains("maxResults"_L1))
        maxResults = qint64(input.value("maxResults"_L1).toDouble());
    std::optional<QString> nextToken;
    if (input.contains("nextToken"_L1))
        nextToken = input.value("nextToken"_L1).toString();
    QJsonObject bound = input;
    bound.remove("maxResults"_L1);
    bound.remove("nextToken"_L1);
    const QByteArray fingerprint
        = PageToken::fingerprint(QJsonDocument(bound).toJson(QJsonDocument::Compact));
    EmulatorResponse error;
    const QByteArray operation = call.operation.name.toLatin1();
    const auto page = OperationSupport::page(
        QLatin1StringView(operation), fingerprint, maxResults, nextToken, items.size(), &error);
    if (!page)
        return error;
    QJsonArray slice;
    for (qsizetype i = page->offset; i < page->offset + page->size; ++i)
        slice.append(items.at(i));
    return EmulatorResponse::json(
        call.operation.responseCode, OperationSupport::envelope(slice, page->nextToken));
}

PlanningRecord PlanningSupport::make(
    Fleet &fleet, QLatin1StringView idPrefix, QLatin1StringView arnType, const QJsonObject &input)
{
    PlanningRecord record;
    record.id = fleet.newId(idPrefix);
    record.arn = fleet.arn(arnType, record.id);
    if (input.contains("tags"_L1))
        record.tags = TagsCodec::decode(input.value("tags"_L1).toObject()).value.value_or(Tags());
    return record;
}

} // namespace mgn
