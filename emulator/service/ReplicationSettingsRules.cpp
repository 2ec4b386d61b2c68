#include "emulator/service/ReplicationSettingsRules.h"

#include "emulator/service/ConfigurationSupport.h"

namespace mgn {

using namespace Qt::Literals::StringLiterals;

QJsonObject ReplicationSettingsRules::mergeEncryption(QJsonObject merged, const QJsonObject &request)
{
    if (request.value("ebsEncryption"_L1).toString() == "DEFAULT"_L1
        && !request.contains("ebsEncryptionKeyArn"_L1))
        merged.remove("ebsEncryptionKeyArn"_L1);
    return merged;
}

std::optional<EmulatorResponse> ReplicationSettingsRules::check(
    const QJsonObject &settings, const QJsonObject &request)
{
    const QString encryption = settings.value("ebsEncryption"_L1).toString();
    const bool hasKey = !settings.value("ebsEncryptionKeyArn"_L1).toString().isEmpty();
    if (encryption == "CUSTOM"_L1 && !hasKey)
        return ConfigurationSupport::invalid(u"ebsEncryptionKeyArn"_s,
            u"Member must be set when ebsEncryption is CUSTOM (the KMS key of the staging disks)"_s,
            u"null"_s);
    if (encryption == "DEFAULT"_L1 && hasKey)
        return ConfigurationSupport::invalid(u"ebsEncryptionKeyArn"_s,
            u"Member must not be set when ebsEncryption is DEFAULT (the account's default EBS key is used)"_s,
            u'\'' + request.value("ebsEncryptionKeyArn"_L1).toString() + u'\'');
    return std::nullopt;
}

std::optional<EmulatorResponse> ReplicationSettingsRules::checkDisk(
    const QJsonObject &disk, const QString &path)
{
    const QString type = disk.value("stagingDiskType"_L1).toString();
    const bool provisioned = type == "IO1"_L1 || type == "IO2"_L1 || type == "GP3"_L1;
    if (disk.value("iops"_L1).toDouble() > 0 && !provisioned)
        return ConfigurationSupport::invalid(path + u".iops"_s,
            u"Member must be 0 unless stagingDiskType is IO1, IO2 or GP3"_s,
            u'\'' + QString::number(disk.value("iops"_L1).toDouble()) + u'\'');
    if (disk.value("throughput"_L1).toDouble() > 0 && type != "GP3"_L1)
        return ConfigurationSupport::invalid(path + u".throughput"_s,
            u"Member must be 0 unless stagingDiskType is GP3"_s,
            u'\'' + QString::number(disk.value("throughput"_L1).toDouble()) + u'\'');
    return std::nullopt;
}

} // namespace mgn
