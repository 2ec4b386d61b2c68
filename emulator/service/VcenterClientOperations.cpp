#include "emulator/service/VcenterClientOperations.h"

#include "emulator/service/ApiShapes.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/OperationSupport.h"
#include "emulator/service/PageToken.h"
#include "emulator/service/RequestReader.h"
#include "emulator/service/ServiceErrors.h"
#include "models/codec/VcenterClientCodec.h"
#include "models/rules/ActionRules.h"

#include <QJsonArray>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

EmulatorResponse VcenterClientOperations::describe(Fleet &fleet, const EmulatorRequest &request)
{
    RequestReader reader = RequestReader::fromQuery(request.query, { u"maxResults"_s }, {});
    std::optional<qint64> maxResults;
    std::optional<QString> nextToken;
    if (!OperationSupport::readPaging(reader, &maxResults, &nextToken))
        return reader.error();
    EmulatorResponse error;
    const auto page = OperationSupport::page("DescribeVcenterClients"_L1, PageToken::fingerprint({}),
        maxResults, nextToken, fleet.vcenterClients.size(), &error);
    if (!page)
        return error;
    QJsonArray items;
    for (qsizetype i = page->offset; i < page->offset + page->size; ++i)
        items.append(VcenterClientCodec::encode(fleet.vcenterClients.at(i)));
    return EmulatorResponse::json(200, OperationSupport::envelope(items, page->nextToken));
}

EmulatorResponse VcenterClientOperations::remove(Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    auto reader = RequestReader::fromBody(request.body, &error);
    if (!reader)
        return error;
    const auto id = reader->string("vcenterClientID"_L1, ApiShapes::vcenterClientID(), true);
    if (!reader->ok() || !id)
        return reader->error();
    const qsizetype index = fleet.findVcenterClient(*id);
    if (index < 0)
        return ServiceErrors::notFound(
            u"vCenter client %1 not found"_s.arg(*id), *id, ServiceErrors::vcenterClientType);
    const auto verdict = ActionRules::evaluateVcenterClientDeletion(fleet.vcenterClients.at(index));
    if (!verdict.allowed)
        return ServiceErrors::validationMessage(
            u"vCenter client %1 cannot be deleted: %2"_s.arg(*id, verdict.reason),
            ValidationExceptionReason::Other,
            { { u"vcenterClientID"_s, verdict.reason, QString(u'\'' + *id + u'\'') } });
    fleet.removeVcenterClient(index);
    return EmulatorResponse::empty(204);
}

} // namespace mgn
