#pragma once

#include "models/domain/MgnEnums.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// The SourceServer shape of the MGN API and the structures it is made of.
// Every member is optional on the wire; absent stays std::nullopt, never a
// silent zero or empty string. Dates are milliseconds since the epoch (UTC),
// durations milliseconds (see Iso8601).
namespace mgn {

using Tags = QMap<QString, QString>;

struct ReplicatedDisk final {
    std::optional<QString> deviceName;
    std::optional<qint64> totalStorageBytes;
    std::optional<qint64> replicatedStorageBytes;
    std::optional<qint64> rescannedStorageBytes;
    std::optional<qint64> backloggedStorageBytes;

    bool operator==(const ReplicatedDisk &) const = default;
};

struct DataReplicationInitiationStep final {
    std::optional<EnumValue<DataReplicationInitiationStepName>> name;
    std::optional<EnumValue<DataReplicationInitiationStepStatus>> status;

    bool operator==(const DataReplicationInitiationStep &) const = default;
};

struct DataReplicationInitiation final {
    std::optional<qint64> startDateTime;
    std::optional<qint64> nextAttemptDateTime;
    std::optional<QList<DataReplicationInitiationStep>> steps;

    bool operator==(const DataReplicationInitiation &) const = default;
};

struct DataReplicationError final {
    std::optional<EnumValue<DataReplicationErrorString>> error;
    std::optional<QString> rawError;

    bool operator==(const DataReplicationError &) const = default;
};

struct DataReplicationInfo final {
    std::optional<qint64> lagDuration; // ms; null means "not launchable yet"
    std::optional<qint64> etaDateTime;
    std::optional<QList<ReplicatedDisk>> replicatedDisks;
    std::optional<EnumValue<DataReplicationState>> dataReplicationState;
    std::optional<DataReplicationInitiation> dataReplicationInitiation;
    std::optional<DataReplicationError> dataReplicationError;
    std::optional<qint64> lastSnapshotDateTime;
    std::optional<QString> replicatorId;

    bool operator==(const DataReplicationInfo &) const = default;
};

struct LifeCycleLastInitiated final {
    std::optional<qint64> apiCallDateTime;
    std::optional<QString> jobID;

    bool operator==(const LifeCycleLastInitiated &) const = default;
};

struct LifeCycleApiCall final {
    std::optional<qint64> apiCallDateTime;

    bool operator==(const LifeCycleApiCall &) const = default;
};

// lastTest and lastCutover have the same shape on the wire.
struct LifeCycleLastLaunch final {
    std::optional<LifeCycleLastInitiated> initiated;
    std::optional<LifeCycleApiCall> reverted;
    std::optional<LifeCycleApiCall> finalized;

    bool operator==(const LifeCycleLastLaunch &) const = default;
};

struct LifeCycle final {
    std::optional<qint64> addedToServiceDateTime;
    std::optional<qint64> firstByteDateTime;
    std::optional<qint64> elapsedReplicationDuration; // ms
    std::optional<qint64> lastSeenByServiceDateTime;
    std::optional<LifeCycleLastLaunch> lastTest;
    std::optional<LifeCycleLastLaunch> lastCutover;
    std::optional<EnumValue<LifeCycleState>> state;

    bool operator==(const LifeCycle &) const = default;
};

struct LaunchedInstance final {
    std::optional<QString> ec2InstanceID;
    std::optional<QString> jobID;
    std::optional<EnumValue<FirstBoot>> firstBoot;

    bool operator==(const LaunchedInstance &) const = default;
};

struct IdentificationHints final {
    std::optional<QString> fqdn;
    std::optional<QString> hostname;
    std::optional<QString> vmWareUuid;
    std::optional<QString> awsInstanceID;
    std::optional<QString> vmPath;

    bool operator==(const IdentificationHints &) const = default;
};

struct NetworkInterface final {
    std::optional<QString> macAddress;
    std::optional<QStringList> ips;
    std::optional<bool> isPrimary;

    bool operator==(const NetworkInterface &) const = default;
};

struct Disk final {
    std::optional<QString> deviceName;
    std::optional<qint64> bytes;

    bool operator==(const Disk &) const = default;
};

struct Cpu final {
    std::optional<qint64> cores;
    std::optional<QString> modelName;

    bool operator==(const Cpu &) const = default;
};

struct OperatingSystem final {
    std::optional<QString> fullString;

    bool operator==(const OperatingSystem &) const = default;
};

struct SourceProperties final {
    std::optional<qint64> lastUpdatedDateTime;
    std::optional<QString> recommendedInstanceType;
    std::optional<IdentificationHints> identificationHints;
    std::optional<QList<NetworkInterface>> networkInterfaces;
    std::optional<QList<Disk>> disks;
    std::optional<QList<Cpu>> cpus;
    std::optional<qint64> ramBytes;
    std::optional<OperatingSystem> os;

    bool operator==(const SourceProperties &) const = default;
};

struct SourceServerConnectorAction final {
    std::optional<QString> credentialsSecretArn;
    std::optional<QString> connectorArn;

    bool operator==(const SourceServerConnectorAction &) const = default;
};

struct SourceServer final {
    std::optional<QString> sourceServerID;
    std::optional<QString> arn;
    std::optional<bool> isArchived;
    std::optional<Tags> tags;
    std::optional<LaunchedInstance> launchedInstance;
    std::optional<DataReplicationInfo> dataReplicationInfo;
    std::optional<LifeCycle> lifeCycle;
    std::optional<SourceProperties> sourceProperties;
    std::optional<EnumValue<ReplicationType>> replicationType;
    std::optional<QString> vcenterClientID;
    std::optional<QString> applicationID;
    std::optional<QString> userProvidedID;
    std::optional<QString> fqdnForActionFramework;
    std::optional<SourceServerConnectorAction> connectorAction;

    bool operator==(const SourceServer &) const = default;

    // Convenience accessors over the optional chain; they never invent a value.
    QString id() const { return sourceServerID.value_or(QString()); }
    std::optional<LifeCycleState> lifeCycleState() const;
    std::optional<DataReplicationState> replicationState() const;
    std::optional<qint64> lag() const;
    bool archived() const { return isArchived.value_or(false); }
    // hostname, falling back to FQDN, then the ID: the console's "Source server name".
    QString displayName() const;
};

} // namespace mgn
