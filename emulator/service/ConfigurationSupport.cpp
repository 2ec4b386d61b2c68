#include "emulator/service/ConfigurationSupport.h"

#include "emulator/service/Fleet.h"
#include "emulator/service/OperationSupport.h"
#include "emulator/service/PageToken.h"
#include "emulator/service/ServiceErrors.h"

#include <QJsonArray>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

std::optional<qsizetype> ConfigurationSupport::server(
    const Fleet &fleet, const QJsonObject &input, EmulatorResponse *error)
{
    const QString id = input.value("sourceServerID"_L1).toString();
    std::optional<QString> account;
    if (input.contains("accountID"_L1))
        account = input.value("accountID"_L1).toString();
    const qsizetype index = OperationSupport::findServer(fleet, id, account);
    if (index < 0) {
        *error = OperationSupport::serverNotFound(id);
        return std::nullopt;
    }
    return index;
}

std::optional<EmulatorResponse> ConfigurationSupport::refuseDisconnected(
    const Fleet &fleet, qsizetype serverIndex, const QString &what)
{
    const SourceServer &server = fleet.servers[std::size_t(serverIndex)].server;
    const bool archived = server.isArchived.value_or(false);
    const bool disconnected = server.lifeCycle && server.lifeCycle->state
        && *server.lifeCycle->state == LifeCycleState::Disconnected;
    if (!archived && !disconnected)
        return std::nullopt;
    const QString message = u"The %1 of source server %2 cannot change: the server is %3"_s.arg(
        what, server.id(), archived ? u"archived"_s : u"disconnected from the service"_s);
    return ServiceErrors::conflict(
        message, { { server.id(), QString(ServiceErrors::sourceServerType), message } });
}

qsizetype ConfigurationSupport::find(
    const QList<QJsonObject> &documents, QLatin1StringView key, const QString &id)
{
    for (qsizetype i = 0; i < documents.size(); ++i) {
        if (documents.at(i).value(key).toString() == id)
            return i;
    }
    return -1;
}

EmulatorResponse ConfigurationSupport::page(QLatin1StringView operation, const QJsonObject &input,
    const QList<QJsonObject> &documents, const QByteArray &filters)
{
    std::optional<qint64> maxResults;
    if (input.contains("maxResults"_L1))
        maxResults = qint64(input.value("maxResults"_L1).toDouble());
    std::optional<QString> nextToken;
    if (input.contains("nextToken"_L1))
        nextToken = input.value("nextToken"_L1).toString();
    EmulatorResponse error;
    const auto page = OperationSupport::page(
        operation, PageToken::fingerprint(filters), maxResults, nextToken, documents.size(), &error);
    if (!page)
        return error;
    QJsonArray items;
    for (qsizetype i = page->offset; i < page->offset + page->size; ++i)
        items.append(documents.at(i));
    return EmulatorResponse::json(200, OperationSupport::envelope(items, page->nextToken));
}

QStringList ConfigurationSupport::strings(const QJsonObject &input, QLatin1StringView name)
{
    QStringList values;
    const QJsonArray array = input.value(name).toArray();
    for (const QJsonValue &value : array)
        values << value.toString();
    return values;
}

EmulatorResponse ConfigurationSupport::invalid(
    const QString &member, const QString &message, const QString &value)
{
    return ServiceErrors::validation({ { member, message, value } });
}

} // namespace mgn
