#include "emulator/service/PostLaunchActionOperations.h"

#include "emulator/service/ConfigurationSupport.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/ModelInput.h"
#include "emulator/service/ServiceErrors.h"

#include <algorithm>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype maxActions = 100; // SourceServerActionDocuments, TemplateActionDocuments
constexpr QLatin1StringView actionType("POST_LAUNCH_ACTION");

// The owner of the actions a request names: a server or a launch template.
struct Owner final {
    QString id;
    QString label; // "source server s-..."
    QLatin1StringView resourceType;
};

// The owner, or nullopt with ResourceNotFoundException.
std::optional<Owner> owner(const Fleet &fleet, const QJsonObject &input, bool server, EmulatorResponse *error)
{
    if (server) {
        if (!ConfigurationSupport::server(fleet, input, error))
            return std::nullopt;
        const QString id = input.value("sourceServerID"_L1).toString();
        return Owner { id, u"source server "_s + id, ServiceErrors::sourceServerType };
    }
    const QString id = input.value("launchConfigurationTemplateID"_L1).toString();
    if (ConfigurationSupport::find(fleet.launchConfigurationTemplates, "launchConfigurationTemplateID"_L1, id)
        < 0) {
        *error = ServiceErrors::notFound(u"The launch configuration template %1 was not found"_s.arg(id), id,
            "LAUNCH_CONFIGURATION_TEMPLATE"_L1);
        return std::nullopt;
    }
    return Owner { id, u"launch configuration template "_s + id, "LAUNCH_CONFIGURATION_TEMPLATE"_L1 };
}

QHash<QString, QList<QJsonObject>> &actionsOf(Fleet &fleet, bool server)
{
    return server ? fleet.sourceServerActions : fleet.templateActions;
}

EmulatorResponse put(QLatin1StringView operation, QLatin1StringView documentShape, bool server, Fleet &fleet,
    const EmulatorRequest &request)
{
    EmulatorResponse error;
    const auto input = ModelInput::read(operation, request, &error);
    if (!input)
        return error;
    const auto target = owner(fleet, *input, server, &error);
    if (!target)
        return error;
    const QJsonObject document = ModelInput::project(ModelInput::shape(documentShape), *input);
    const QString actionID = document.value("actionID"_L1).toString();
    const int order = document.value("order"_L1).toInt();
    QList<QJsonObject> actions = actionsOf(fleet, server).value(target->id);
    for (const QJsonObject &action : std::as_const(actions)) {
        if (action.value("order"_L1).toInt() == order && action.value("actionID"_L1).toString() != actionID) {
            const QString message
                = u"The %1 already has the action %2 at order %3; each action of a server or "
                  u"template runs at an order of its own"_s.arg(
                      target->label, action.value("actionID"_L1).toString(), QString::number(order));
            return ServiceErrors::conflict(message, { { actionID, QString(actionType), message } });
        }
    }
    const qsizetype existing = ConfigurationSupport::find(actions, "actionID"_L1, actionID);
    if (existing >= 0) {
        actions.replace(existing, document);
    } else {
        if (actions.size() >= maxActions)
            return ConfigurationSupport::invalid(u"actionID"_s,
                u"The %1 has %2 actions, the most it can have"_s.arg(
                    target->label, QString::number(maxActions)),
                u'\'' + actionID + u'\'');
        actions.append(document);
    }
    std::stable_sort(actions.begin(), actions.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value("order"_L1).toInt() < b.value("order"_L1).toInt();
    });
    actionsOf(fleet, server).insert(target->id, actions);
    return EmulatorResponse::json(200, document);
}

EmulatorResponse remove(
    QLatin1StringView operation, bool server, Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    const auto input = ModelInput::read(operation, request, &error);
    if (!input)
        return error;
    const auto target = owner(fleet, *input, server, &error);
    if (!target)
        return error;
    const QString actionID = input->value("actionID"_L1).toString();
    auto &all = actionsOf(fleet, server);
    QList<QJsonObject> actions = all.value(target->id);
    const qsizetype index = ConfigurationSupport::find(actions, "actionID"_L1, actionID);
    if (index < 0)
        return ServiceErrors::notFound(
            u"The %1 has no post-launch action %2"_s.arg(target->label, actionID), actionID, actionType);
    actions.removeAt(index);
    if (actions.isEmpty())
        all.remove(target->id);
    else
        all.insert(target->id, actions);
    return EmulatorResponse::empty(204);
}

EmulatorResponse list(QLatin1StringView operation, bool server, Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    const auto input = ModelInput::read(operation, request, &error);
    if (!input)
        return error;
    const auto target = owner(fleet, *input, server, &error);
    if (!target)
        return error;
    const QStringList ids
        = ConfigurationSupport::strings(input->value("filters"_L1).toObject(), "actionIDs"_L1);
    QList<QJsonObject> selected;
    for (const QJsonObject &action : actionsOf(fleet, server).value(target->id)) {
        if (ids.isEmpty() || ids.contains(action.value("actionID"_L1).toString()))
            selected.append(action);
    }
    return ConfigurationSupport::page(
        operation, *input, selected, (target->id + u'|' + ids.join(u',')).toUtf8());
}

} // namespace

EmulatorResponse PostLaunchActionOperations::putSourceServerAction(
    Fleet &fleet, const EmulatorRequest &request)
{
    return put("PutSourceServerAction"_L1, "SourceServerActionDocument"_L1, true, fleet, request);
}

EmulatorResponse PostLaunchActionOperations::removeSourceServerAction(
    Fleet &fleet, const EmulatorRequest &request)
{
    return remove("RemoveSourceServerAction"_L1, true, fleet, request);
}

EmulatorResponse PostLaunchActionOperations::listSourceServerActions(
    Fleet &fleet, const EmulatorRequest &request)
{
    return list("ListSourceServerActions"_L1, true, fleet, request);
}

EmulatorResponse PostLaunchActionOperations::putTemplateAction(Fleet &fleet, const EmulatorRequest &request)
{
    return put("PutTemplateAction"_L1, "TemplateActionDocument"_L1, false, fleet, request);
}

EmulatorResponse PostLaunchActionOperations::removeTemplateAction(
    Fleet &fleet, const EmulatorRequest &request)
{
    return remove("RemoveTemplateAction"_L1, false, fleet, request);
}

EmulatorResponse PostLaunchActionOperations::listTemplateActions(Fleet &fleet, const EmulatorRequest &request)
{
    return list("ListTemplateActions"_L1, false, fleet, request);
}

} // namespace mgn
