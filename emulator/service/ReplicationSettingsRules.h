#pragma once

#include "emulator/service/EmulatorResponse.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mgn {

// The rules a replication configuration and a replication configuration
// template share, checked on the settings as they would be after the change.
namespace ReplicationSettingsRules {
// The merged settings without a key ARN left over from CUSTOM encryption
// when the request turns encryption back to DEFAULT.
QJsonObject mergeEncryption(QJsonObject merged, const QJsonObject &request);
// ValidationException: CUSTOM encryption without ebsEncryptionKeyArn, or a
// key with DEFAULT encryption (which uses the account's EBS default key).
std::optional<EmulatorResponse> check(const QJsonObject &settings, const QJsonObject &request);
// ValidationException: iops on a staging disk type other than IO1, IO2 and
// GP3, throughput on one other than GP3.
std::optional<EmulatorResponse> checkDisk(const QJsonObject &disk, const QString &path);
} // namespace ReplicationSettingsRules

} // namespace mgn
