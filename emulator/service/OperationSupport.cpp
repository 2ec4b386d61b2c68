#include "emulator/service/OperationSupport.h"

#include "emulator/service/ApiShapes.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/PageToken.h"
#include "emulator/service/RequestReader.h"
#include "emulator/service/ServiceErrors.h"

#include <QJsonArray>
#include <QStringList>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype defaultPageSize = 1000;

QString named(const SourceServer &server)
{
    const QString name = server.displayName();
    return name == server.id() ? server.id() : QString(name + u" ("_s + server.id() + u')');
}

} // namespace

qsizetype OperationSupport::findServer(
    const Fleet &fleet, const QString &sourceServerID, const std::optional<QString> &accountID)
{
    if (accountID && *accountID != fleet.accountId)
        return -1;
    return fleet.findServer(sourceServerID);
}

EmulatorResponse OperationSupport::serverNotFound(const QString &sourceServerID)
{
    return ServiceErrors::notFound(
        u"Source server %1 not found"_s.arg(sourceServerID), sourceServerID, ServiceErrors::sourceServerType);
}

EmulatorResponse OperationSupport::refuse(Action action, const QList<Refusal> &refusals, qsizetype requested)
{
    const auto &rule = ActionRules::rule(action);
    QList<ServiceErrors::Conflict> conflicts;
    QList<ServiceErrors::Field> fields;
    QStringList reasons;
    for (const Refusal &refusal : refusals) {
        const QString id = refusal.server->id();
        const QString message = u"Source server %1: %2"_s.arg(named(*refusal.server), refusal.verdict.reason);
        conflicts.append({ id, QString(ServiceErrors::sourceServerType), message });
        fields.append({ u"sourceServerID"_s, message, u'\'' + id + u'\'' });
        reasons << named(*refusal.server) + u": "_s + refusal.verdict.reason;
    }
    QString message;
    if (requested == 1 && refusals.size() == 1) {
        message = u"%1 is not possible for source server %2: %3"_s.arg(
            rule.label(), named(*refusals.constFirst().server), refusals.constFirst().verdict.reason);
    } else {
        message = u"%1 is not possible: %2 of the %3 source servers are not eligible (%4)"_s.arg(rule.label(),
            QString::number(refusals.size()), QString::number(requested), reasons.join(u"; "_s));
    }
    if (rule.refusalException == "ValidationException"_L1)
        return ServiceErrors::validationMessage(message, ValidationExceptionReason::Other, fields);
    return ServiceErrors::conflict(message, conflicts);
}

bool OperationSupport::readPaging(
    RequestReader &reader, std::optional<qint64> *maxResults, std::optional<QString> *nextToken)
{
    *maxResults = reader.integer("maxResults"_L1, ApiShapes::maxResultsMinimum, ApiShapes::maxResultsMaximum);
    *nextToken = reader.string("nextToken"_L1, ApiShapes::paginationToken());
    return reader.ok();
}

std::optional<OperationSupport::Page> OperationSupport::page(QLatin1StringView operation,
    const QByteArray &fingerprint, const std::optional<qint64> &maxResults,
    const std::optional<QString> &nextToken, qsizetype total, EmulatorResponse *error)
{
    Page page;
    if (nextToken && !nextToken->isEmpty()) {
        const auto offset = PageToken::decode(*nextToken, operation, fingerprint);
        if (!offset) {
            *error = ServiceErrors::validation({ { u"nextToken"_s,
                u"Member must be a nextToken this operation returned for the same filters"_s,
                QString(u'\'' + *nextToken + u'\'') } });
            return std::nullopt;
        }
        page.offset = std::min(*offset, total);
    }
    page.size = std::min<qsizetype>(maxResults.value_or(defaultPageSize), total - page.offset);
    if (page.offset + page.size < total)
        page.nextToken = PageToken::encode(operation, page.offset + page.size, fingerprint);
    return page;
}

QJsonObject OperationSupport::envelope(const QJsonArray &items, const std::optional<QString> &nextToken)
{
    QJsonObject body { { "items"_L1, items } };
    if (nextToken)
        body.insert("nextToken"_L1, *nextToken);
    return body;
}

} // namespace mgn
