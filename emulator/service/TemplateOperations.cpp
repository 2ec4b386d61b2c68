#include "emulator/service/TemplateOperations.h"

#include "emulator/service/ConfigurationSupport.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/LaunchSettingsRules.h"
#include "emulator/service/ModelInput.h"
#include "emulator/service/ReplicationSettingsRules.h"
#include "emulator/service/ServiceErrors.h"

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

// What differs between the two kinds of template.
struct Kind final {
    QLatin1StringView idKey; // "replicationConfigurationTemplateID"
    QLatin1StringView prefix; // "rct-"
    QLatin1StringView arnType; // "replication-configuration-template"
    QLatin1StringView shape; // "ReplicationConfigurationTemplate"
    QLatin1StringView resourceType; // in ResourceNotFoundException and ConflictException
    QString label; // "replication configuration template"
    QList<QJsonObject> Fleet::*templates;
    std::optional<EmulatorResponse> (*check)(const QJsonObject &settings, const QJsonObject &request);
    QJsonObject (*normalise)(QJsonObject merged, const QJsonObject &request);
};

QJsonObject unchanged(QJsonObject merged, const QJsonObject &)
{
    return merged;
}

std::optional<EmulatorResponse> checkLaunch(const QJsonObject &settings, const QJsonObject &)
{
    return LaunchSettingsRules::check(settings);
}

const Kind &replication()
{
    static const Kind kind { "replicationConfigurationTemplateID"_L1, "rct-"_L1,
        "replication-configuration-template"_L1, "ReplicationConfigurationTemplate"_L1,
        "REPLICATION_CONFIGURATION_TEMPLATE"_L1, u"replication configuration template"_s,
        &Fleet::replicationConfigurationTemplates, &ReplicationSettingsRules::check,
        &ReplicationSettingsRules::mergeEncryption };
    return kind;
}

const Kind &launch()
{
    static const Kind kind { "launchConfigurationTemplateID"_L1, "lct-"_L1,
        "launch-configuration-template"_L1, "LaunchConfigurationTemplate"_L1,
        "LAUNCH_CONFIGURATION_TEMPLATE"_L1, u"launch configuration template"_s,
        &Fleet::launchConfigurationTemplates, &checkLaunch, &unchanged };
    return kind;
}

EmulatorResponse notFound(const Kind &kind, const QString &id)
{
    return ServiceErrors::notFound(u"The %1 %2 was not found"_s.arg(kind.label, id), id, kind.resourceType);
}

EmulatorResponse create(
    const Kind &kind, QLatin1StringView operation, Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    const auto input = ModelInput::read(operation, request, &error);
    if (!input)
        return error;
    QJsonObject document = ModelInput::project(ModelInput::shape(kind.shape), *input);
    if (auto refusal = kind.check(document, *input))
        return *refusal;
    const QString id = fleet.newId(kind.prefix);
    document.insert(kind.idKey, id);
    document.insert("arn"_L1, fleet.arn(kind.arnType, id));
    if (!document.contains("tags"_L1))
        document.insert("tags"_L1, QJsonObject());
    (fleet.*kind.templates).append(document);
    return EmulatorResponse::json(201, document);
}

EmulatorResponse update(
    const Kind &kind, QLatin1StringView operation, Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    const auto input = ModelInput::read(operation, request, &error);
    if (!input)
        return error;
    QList<QJsonObject> &templates = fleet.*kind.templates;
    const QString id = input->value(kind.idKey).toString();
    const qsizetype index = ConfigurationSupport::find(templates, kind.idKey, id);
    if (index < 0)
        return notFound(kind, id);
    QJsonObject changes = *input;
    changes.remove("arn"_L1); // the template's ARN is the service's, not the caller's
    const QJsonObject updated = kind.normalise(
        ModelInput::merge(ModelInput::shape(kind.shape), templates.at(index), changes), changes);
    if (auto refusal = kind.check(updated, changes))
        return *refusal;
    templates.replace(index, updated);
    return EmulatorResponse::json(200, updated);
}

EmulatorResponse remove(
    const Kind &kind, QLatin1StringView operation, Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    const auto input = ModelInput::read(operation, request, &error);
    if (!input)
        return error;
    QList<QJsonObject> &templates = fleet.*kind.templates;
    const QString id = input->value(kind.idKey).toString();
    const qsizetype index = ConfigurationSupport::find(templates, kind.idKey, id);
    if (index < 0)
        return notFound(kind, id);
    if (templates.size() == 1) {
        const QString message
            = u"The %1 %2 is the account's last one; servers added to the service take their "
              u"settings from it. Create another before deleting it."_s.arg(kind.label, id);
        return ServiceErrors::conflict(message, { { id, QString(kind.resourceType), message } });
    }
    templates.removeAt(index);
    fleet.templateActions.remove(id);
    return EmulatorResponse::empty(204);
}

EmulatorResponse describe(const Kind &kind, QLatin1StringView operation, QLatin1StringView idsKey,
    Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    const auto input = ModelInput::read(operation, request, &error);
    if (!input)
        return error;
    const QStringList ids = ConfigurationSupport::strings(*input, idsKey);
    QList<QJsonObject> selected;
    for (const QJsonObject &document : std::as_const(fleet.*kind.templates)) {
        if (ids.isEmpty() || ids.contains(document.value(kind.idKey).toString()))
            selected.append(document);
    }
    return ConfigurationSupport::page(operation, *input, selected, ids.join(u',').toUtf8());
}

} // namespace

EmulatorResponse TemplateOperations::createReplicationTemplate(Fleet &fleet, const EmulatorRequest &request)
{
    return create(replication(), "CreateReplicationConfigurationTemplate"_L1, fleet, request);
}

EmulatorResponse TemplateOperations::updateReplicationTemplate(Fleet &fleet, const EmulatorRequest &request)
{
    return update(replication(), "UpdateReplicationConfigurationTemplate"_L1, fleet, request);
}

EmulatorResponse TemplateOperations::deleteReplicationTemplate(Fleet &fleet, const EmulatorRequest &request)
{
    return remove(replication(), "DeleteReplicationConfigurationTemplate"_L1, fleet, request);
}

EmulatorResponse TemplateOperations::describeReplicationTemplates(
    Fleet &fleet, const EmulatorRequest &request)
{
    return describe(replication(), "DescribeReplicationConfigurationTemplates"_L1,
        "replicationConfigurationTemplateIDs"_L1, fleet, request);
}

EmulatorResponse TemplateOperations::createLaunchTemplate(Fleet &fleet, const EmulatorRequest &request)
{
    return create(launch(), "CreateLaunchConfigurationTemplate"_L1, fleet, request);
}

EmulatorResponse TemplateOperations::updateLaunchTemplate(Fleet &fleet, const EmulatorRequest &request)
{
    return update(launch(), "UpdateLaunchConfigurationTemplate"_L1, fleet, request);
}

EmulatorResponse TemplateOperations::deleteLaunchTemplate(Fleet &fleet, const EmulatorRequest &request)
{
    return remove(launch(), "DeleteLaunchConfigurationTemplate"_L1, fleet, request);
}

EmulatorResponse TemplateOperations::describeLaunchTemplates(Fleet &fleet, const EmulatorRequest &request)
{
    return describe(launch(), "DescribeLaunchConfigurationTemplates"_L1, "launchConfigurationTemplateIDs"_L1,
        fleet, request);
}

} // namespace mgn
