#include "emulator/service/ConfigurationDefaults.h"

#include "emulator/service/Fleet.h"
#include "emulator/service/ModelInput.h"

#include <QJsonArray>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

bool isWindows(const SourceServer &server)
{
    const auto &properties = server.sourceProperties;
    return properties && properties->os && properties->os->fullString
        && properties->os->fullString->contains(u"Windows"_s, Qt::CaseInsensitive);
}

// An ID that depends on the seed and a name only: the defaults do not draw
// from the fleet's ID stream, so adding them leaves every other ID as it was.
QString seededId(const Fleet &fleet, QLatin1StringView prefix, quint64 index)
{
    EmulatorRandom random(EmulatorRandom::mix(fleet.seed, index));
    return prefix + random.hex(17);
}

QJsonObject replicationTemplate(const Fleet &fleet)
{
    const QString id = seededId(fleet, "rct-"_L1, 0x7263);
    return QJsonObject {
        { "replicationConfigurationTemplateID"_L1, id },
        { "arn"_L1, fleet.arn("replication-configuration-template"_L1, id) },
        { "stagingAreaSubnetId"_L1, u"subnet-0a1b2c3d4e5f60718"_s },
        { "associateDefaultSecurityGroup"_L1, true },
        { "replicationServersSecurityGroupsIDs"_L1, QJsonArray() },
        { "replicationServerInstanceType"_L1, u"t3.small"_s },
        { "useDedicatedReplicationServer"_L1, false },
        { "defaultLargeStagingDiskType"_L1, u"GP3"_s },
        { "ebsEncryption"_L1, u"DEFAULT"_s },
        { "bandwidthThrottling"_L1, 0 },
        { "dataPlaneRouting"_L1, u"PRIVATE_IP"_s },
        { "createPublicIP"_L1, false },
        { "stagingAreaTags"_L1, QJsonObject { { "Purpose"_L1, u"MGN staging area"_s } } },
        { "useFipsEndpoint"_L1, false },
        { "tags"_L1, QJsonObject { { "Owner"_L1, u"cloud-migration-team"_s } } },
        { "internetProtocol"_L1, u"IPV4"_s },
        { "storeSnapshotOnLocalZone"_L1, false },
    };
}

QJsonObject launchTemplate(const Fleet &fleet)
{
    const QString id = seededId(fleet, "lct-"_L1, 0x6c63);
    return QJsonObject {
        { "launchConfigurationTemplateID"_L1, id },
        { "arn"_L1, fleet.arn("launch-configuration-template"_L1, id) },
        { "postLaunchActions"_L1,
            QJsonObject { { "deployment"_L1, u"TEST_AND_CUTOVER"_s }, { "ssmDocuments"_L1, QJsonArray() } } },
        { "enableMapAutoTagging"_L1, false },
        { "launchDisposition"_L1, u"STARTED"_s },
        { "targetInstanceTypeRightSizingMethod"_L1, u"BASIC"_s },
        { "copyPrivateIp"_L1, false },
        { "associatePublicIpAddress"_L1, false },
        { "copyTags"_L1, true },
        { "licensing"_L1, QJsonObject { { "osByol"_L1, false } } },
        { "bootMode"_L1, u"USE_SOURCE"_s },
        { "smallVolumeMaxSize"_L1, 0 },
        { "enableParametersEncryption"_L1, false },
        { "tags"_L1, QJsonObject() },
    };
}

// The AWS-managed SSM documents of the console's post-launch actions.
QList<QJsonObject> templateActions()
{
    struct Managed final {
        QString id, name, document, os, description, category;
        bool mustSucceed;
    };
    const QList<Managed> managed {
        { u"validate-disk-space"_s, u"Validate disk space"_s, u"AWSMigration-ValidateDiskSpace"_s, {},
            u"Checks that the launched instance has free disk space"_s, u"VALIDATION"_s, false },
        { u"linux-time-sync"_s, u"Linux time sync"_s, u"AWSMigration-LinuxTimeSyncSetting"_s, u"linux"_s,
            u"Sets the Amazon Time Sync Service as the time source"_s, u"CONFIGURATION"_s, false },
        { u"windows-time-sync"_s, u"Windows time sync"_s, u"AWSMigration-WindowsTimeSyncSetting"_s,
            u"windows"_s, u"Sets the Amazon Time Sync Service as the time source"_s, u"CONFIGURATION"_s,
            false },
        { u"verify-http"_s, u"Verify HTTP(S) response"_s, u"AWSMigration-VerifyHttpConnection"_s, {},
            u"Checks that the launched instance answers HTTP(S) requests"_s, u"VALIDATION"_s, true },
    };
    QList<QJsonObject> actions;
    int order = 1001;
    for (const Managed &action : managed) {
        QJsonObject document { { "actionID"_L1, action.id }, { "actionName"_L1, action.name },
            { "documentIdentifier"_L1, action.document }, { "order"_L1, order++ },
            { "documentVersion"_L1, u"$DEFAULT"_s }, { "active"_L1, true }, { "timeoutSeconds"_L1, 600 },
            { "mustSucceedForCutover"_L1, action.mustSucceed }, { "parameters"_L1, QJsonObject() },
            { "externalParameters"_L1, QJsonObject() }, { "description"_L1, action.description },
            { "category"_L1, action.category } };
        if (!action.os.isEmpty())
            document.insert("operatingSystem"_L1, action.os);
        actions.append(document);
    }
    return actions;
}

} // namespace

void ConfigurationDefaults::addAccountDefaults(Fleet &fleet)
{
    if (fleet.replicationConfigurationTemplates.isEmpty())
        fleet.replicationConfigurationTemplates.append(replicationTemplate(fleet));
    if (fleet.launchConfigurationTemplates.isEmpty()) {
        const QJsonObject lct = launchTemplate(fleet);
        fleet.launchConfigurationTemplates.append(lct);
        fleet.templateActions.insert(
            lct.value("launchConfigurationTemplateID"_L1).toString(), templateActions());
    }
}

QJsonObject ConfigurationDefaults::launchConfiguration(const Fleet &fleet, const FleetServer &entry)
{
    const SourceServer &server = entry.server;
    QJsonObject configuration;
    if (!fleet.launchConfigurationTemplates.isEmpty())
        configuration = ModelInput::project(
            ModelInput::shape("LaunchConfiguration"_L1), fleet.launchConfigurationTemplates.constFirst());
    const QString id = server.id();
    configuration.insert("sourceServerID"_L1, id);
    configuration.insert("name"_L1, server.displayName());
    // One EC2 launch template per server; its 17 characters are the server's.
    configuration.insert("ec2LaunchTemplateID"_L1, QString(u"lt-"_s + id.mid(2)));
    // License included for Windows, bring your own for the others.
    configuration.insert("licensing"_L1, QJsonObject { { "osByol"_L1, !isWindows(server) } });
    return configuration;
}

QJsonObject ConfigurationDefaults::replicationConfiguration(const Fleet &fleet, const FleetServer &entry)
{
    const SourceServer &server = entry.server;
    QJsonObject configuration;
    if (!fleet.replicationConfigurationTemplates.isEmpty())
        configuration = ModelInput::project(ModelInput::shape("ReplicationConfiguration"_L1),
            fleet.replicationConfigurationTemplates.constFirst());
    configuration.insert("sourceServerID"_L1, server.id());
    configuration.insert("name"_L1, server.displayName());
    QJsonArray disks;
    const auto &properties = server.sourceProperties;
    if (properties && properties->disks) {
        for (qsizetype i = 0; i < properties->disks->size(); ++i) {
            disks.append(
                QJsonObject { { "deviceName"_L1, properties->disks->at(i).deviceName.value_or(QString()) },
                    { "isBootDisk"_L1, i == 0 }, { "stagingDiskType"_L1, u"AUTO"_s }, { "iops"_L1, 0 },
                    { "throughput"_L1, 0 } });
        }
    }
    configuration.insert("replicatedDisks"_L1, disks);
    return configuration;
}

QJsonObject ConfigurationDefaults::currentLaunchConfiguration(const Fleet &fleet, qsizetype serverIndex)
{
    const FleetServer &entry = fleet.servers[std::size_t(serverIndex)];
    const auto stored = fleet.launchConfigurations.constFind(entry.server.id());
    return stored != fleet.launchConfigurations.constEnd() ? *stored : launchConfiguration(fleet, entry);
}

QJsonObject ConfigurationDefaults::currentReplicationConfiguration(const Fleet &fleet, qsizetype serverIndex)
{
    const FleetServer &entry = fleet.servers[std::size_t(serverIndex)];
    const auto stored = fleet.replicationConfigurations.constFind(entry.server.id());
    return stored != fleet.replicationConfigurations.constEnd() ? *stored
                                                                : replicationConfiguration(fleet, entry);
}

void ConfigurationDefaults::applyTemplates(Fleet &fleet, qsizetype serverIndex)
{
    const QString id = fleet.servers[std::size_t(serverIndex)].server.id();
    if (!fleet.launchConfigurations.contains(id))
        fleet.launchConfigurations.insert(id, currentLaunchConfiguration(fleet, serverIndex));
    if (!fleet.replicationConfigurations.contains(id))
        fleet.replicationConfigurations.insert(id, currentReplicationConfiguration(fleet, serverIndex));
}

} // namespace mgn
