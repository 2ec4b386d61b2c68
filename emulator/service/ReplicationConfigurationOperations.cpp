#include "emulator/service/ReplicationConfigurationOperations.h"

#include "emulator/service/ConfigurationDefaults.h"
#include "emulator/service/ConfigurationSupport.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/ModelInput.h"
#include "emulator/service/ReplicationSettingsRules.h"

#include <QJsonArray>
#include <QSet>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

// The server's disks with those the request names changed; a ValidationException
// for a disk the server does not have or one named twice.
std::optional<QJsonArray> mergeDisks(
    const QJsonArray &current, const QJsonArray &requested, EmulatorResponse *error)
{
    QJsonArray disks = current;
    QSet<QString> seen;
    for (qsizetype i = 0; i < requested.size(); ++i) {
        const QJsonObject disk = requested.at(i).toObject();
        const QString device = disk.value("deviceName"_L1).toString();
        const QString member = u"replicatedDisks[%1].deviceName"_s.arg(i);
        if (seen.contains(device)) {
            *error = ConfigurationSupport::invalid(
                member, u"Member must name each disk once"_s, u'\'' + device + u'\'');
            return std::nullopt;
        }
        seen.insert(device);
        qsizetype found = -1;
        for (qsizetype d = 0; d < disks.size(); ++d) {
            if (disks.at(d).toObject().value("deviceName"_L1).toString() == device)
                found = d;
        }
        if (found < 0) {
            *error = ConfigurationSupport::invalid(member,
                u"Member must be the device name of one of the source server's disks"_s,
                u'\'' + device + u'\'');
            return std::nullopt;
        }
        QJsonObject merged = disks.at(found).toObject();
        for (auto it = disk.begin(); it != disk.end(); ++it) {
            if (it.key() != "isBootDisk"_L1) // the server's boot disk is what it is
                merged.insert(it.key(), it.value());
        }
        if (auto refusal = ReplicationSettingsRules::checkDisk(merged, u"replicatedDisks[%1]"_s.arg(i))) {
            *error = *refusal;
            return std::nullopt;
        }
        disks.replace(found, merged);
    }
    return disks;
}

} // namespace

EmulatorResponse ReplicationConfigurationOperations::get(Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    const auto input = ModelInput::read("GetReplicationConfiguration"_L1, request, &error);
    if (!input)
        return error;
    const auto index = ConfigurationSupport::server(fleet, *input, &error);
    if (!index)
        return error;
    return EmulatorResponse::json(200, ConfigurationDefaults::currentReplicationConfiguration(fleet, *index));
}

EmulatorResponse ReplicationConfigurationOperations::update(Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    const auto input = ModelInput::read("UpdateReplicationConfiguration"_L1, request, &error);
    if (!input)
        return error;
    const auto index = ConfigurationSupport::server(fleet, *input, &error);
    if (!index)
        return error;
    const QJsonObject current = ConfigurationDefaults::currentReplicationConfiguration(fleet, *index);
    QJsonObject updated = ReplicationSettingsRules::mergeEncryption(
        ModelInput::merge(ModelInput::shape("ReplicationConfiguration"_L1), current, *input), *input);
    if (input->contains("replicatedDisks"_L1)) {
        const auto disks = mergeDisks(current.value("replicatedDisks"_L1).toArray(),
            input->value("replicatedDisks"_L1).toArray(), &error);
        if (!disks)
            return error;
        updated.insert("replicatedDisks"_L1, *disks);
    }
    if (auto refusal = ReplicationSettingsRules::check(updated, *input))
        return *refusal;
    if (auto refusal = ConfigurationSupport::refuseDisconnected(fleet, *index, u"replication settings"_s))
        return *refusal;
    fleet.replicationConfigurations.insert(updated.value("sourceServerID"_L1).toString(), updated);
    return EmulatorResponse::json(200, updated);
}

} // namespace mgn
