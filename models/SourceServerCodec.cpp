#include "SourceServerCodec.h"

#include "JsonReader.h"
#include "JsonWriter.h"
#include "PageCodec.h"

using namespace Qt::Literals::StringLiterals;

namespace mgn {

namespace {

// Decoding: one function per structure of the API model.

ReplicatedDisk readReplicatedDisk(JsonReader &r)
{
    ReplicatedDisk disk;
    disk.deviceName = r.string("deviceName"_L1);
    disk.totalStorageBytes = r.integer("totalStorageBytes"_L1, 0);
    disk.replicatedStorageBytes = r.integer("replicatedStorageBytes"_L1, 0);
    disk.rescannedStorageBytes = r.integer("rescannedStorageBytes"_L1, 0);
    disk.backloggedStorageBytes = r.integer("backloggedStorageBytes"_L1, 0);
    return disk;
}

DataReplicationInitiationStep readInitiationStep(JsonReader &r)
{
    DataReplicationInitiationStep step;
    step.name = r.enumeration<DataReplicationInitiationStepName>("name"_L1);
    step.status = r.enumeration<DataReplicationInitiationStepStatus>("status"_L1);
    return step;
}

DataReplicationInitiation readInitiation(JsonReader &r)
{
    DataReplicationInitiation initiation;
    initiation.startDateTime = r.dateTime("startDateTime"_L1);
    initiation.nextAttemptDateTime = r.dateTime("nextAttemptDateTime"_L1);
    initiation.steps = r.objectList("steps"_L1, readInitiationStep);
    return initiation;
}

DataReplicationError readReplicationError(JsonReader &r)
{
    DataReplicationError error;
    error.error = r.enumeration<DataReplicationErrorString>("error"_L1);
    error.rawError = r.string("rawError"_L1);
    return error;
}

DataReplicationInfo readReplicationInfo(JsonReader &r)
{
    DataReplicationInfo info;
    info.lagDuration = r.duration("lagDuration"_L1);
    info.etaDateTime = r.dateTime("etaDateTime"_L1);
    info.replicatedDisks = r.objectList("replicatedDisks"_L1, readReplicatedDisk);
    info.dataReplicationState = r.enumeration<DataReplicationState>("dataReplicationState"_L1);
    info.dataReplicationInitiation = r.object("dataReplicationInitiation"_L1, readInitiation);
    info.dataReplicationError = r.object("dataReplicationError"_L1, readReplicationError);
    info.lastSnapshotDateTime = r.dateTime("lastSnapshotDateTime"_L1);
    info.replicatorId = r.string("replicatorId"_L1);
    return info;
}

LifeCycleLastInitiated readLastInitiated(JsonReader &r)
{
    LifeCycleLastInitiated initiated;
    initiated.apiCallDateTime = r.dateTime("apiCallDateTime"_L1);
    initiated.jobID = r.string("jobID"_L1);
    return initiated;
}

LifeCycleApiCall readApiCall(JsonReader &r)
{
    LifeCycleApiCall call;
    call.apiCallDateTime = r.dateTime("apiCallDateTime"_L1);
    return call;
}

LifeCycleLastLaunch readLastLaunch(JsonReader &r)
{
    LifeCycleLastLaunch launch;
    launch.initiated = r.object("initiated"_L1, readLastInitiated);
    launch.reverted = r.object("reverted"_L1, readApiCall);
    launch.finalized = r.object("finalized"_L1, readApiCall);
    return launch;
}

LifeCycle readLifeCycle(JsonReader &r)
{
    LifeCycle lifeCycle;
    lifeCycle.addedToServiceDateTime = r.dateTime("addedToServiceDateTime"_L1);
    lifeCycle.firstByteDateTime = r.dateTime("firstByteDateTime"_L1);
    lifeCycle.elapsedReplicationDuration = r.duration("elapsedReplicationDuration"_L1);
    lifeCycle.lastSeenByServiceDateTime = r.dateTime("lastSeenByServiceDateTime"_L1);
    lifeCycle.lastTest = r.object("lastTest"_L1, readLastLaunch);
    lifeCycle.lastCutover = r.object("lastCutover"_L1, readLastLaunch);
    lifeCycle.state = r.enumeration<LifeCycleState>("state"_L1);
    return lifeCycle;
}

LaunchedInstance readLaunchedInstance(JsonReader &r)
{
    LaunchedInstance instance;
    instance.ec2InstanceID = r.string("ec2InstanceID"_L1);
    instance.jobID = r.string("jobID"_L1);
    instance.firstBoot = r.enumeration<FirstBoot>("firstBoot"_L1);
    return instance;
}

IdentificationHints readIdentificationHints(JsonReader &r)
{
    IdentificationHints hints;
    hints.fqdn = r.string("fqdn"_L1);
    hints.hostname = r.string("hostname"_L1);
    hints.vmWareUuid = r.string("vmWareUuid"_L1);
    hints.awsInstanceID = r.string("awsInstanceID"_L1);
    hints.vmPath = r.string("vmPath"_L1);
    return hints;
}

NetworkInterface readNetworkInterface(JsonReader &r)
{
    NetworkInterface nic;
    nic.macAddress = r.string("macAddress"_L1);
    nic.ips = r.stringList("ips"_L1);
    nic.isPrimary = r.boolean("isPrimary"_L1);
    return nic;
}

Disk readDisk(JsonReader &r)
{
    Disk disk;
    disk.deviceName = r.string("deviceName"_L1);
    disk.bytes = r.integer("bytes"_L1, 0);
    return disk;
}

Cpu readCpu(JsonReader &r)
{
    Cpu cpu;
    cpu.cores = r.integer("cores"_L1, 0);
    cpu.modelName = r.string("modelName"_L1);
    return cpu;
}

OperatingSystem readOs(JsonReader &r)
{
    OperatingSystem os;
    os.fullString = r.string("fullString"_L1);
    return os;
}

SourceProperties readSourceProperties(JsonReader &r)
{
    SourceProperties properties;
    properties.lastUpdatedDateTime = r.dateTime("lastUpdatedDateTime"_L1);
    properties.recommendedInstanceType = r.string("recommendedInstanceType"_L1);
    properties.identificationHints = r.object("identificationHints"_L1, readIdentificationHints);
    properties.networkInterfaces = r.objectList("networkInterfaces"_L1, readNetworkInterface);
    properties.disks = r.objectList("disks"_L1, readDisk);
    properties.cpus = r.objectList("cpus"_L1, readCpu);
    properties.ramBytes = r.integer("ramBytes"_L1, 0);
    properties.os = r.object("os"_L1, readOs);
    return properties;
}

SourceServerConnectorAction readConnectorAction(JsonReader &r)
{
    SourceServerConnectorAction action;
    action.credentialsSecretArn = r.string("credentialsSecretArn"_L1);
    action.connectorArn = r.string("connectorArn"_L1);
    return action;
}

SourceServer readSourceServer(JsonReader &r)
{
    SourceServer server;
    server.sourceServerID = r.string("sourceServerID"_L1);
    server.arn = r.string("arn"_L1);
    server.isArchived = r.boolean("isArchived"_L1);
    server.tags = r.stringMap("tags"_L1);
    server.launchedInstance = r.object("launchedInstance"_L1, readLaunchedInstance);
    server.dataReplicationInfo = r.object("dataReplicationInfo"_L1, readReplicationInfo);
    server.lifeCycle = r.object("lifeCycle"_L1, readLifeCycle);
    server.sourceProperties = r.object("sourceProperties"_L1, readSourceProperties);
    server.replicationType = r.enumeration<ReplicationType>("replicationType"_L1);
    server.vcenterClientID = r.string("vcenterClientID"_L1);
    server.applicationID = r.string("applicationID"_L1);
    server.userProvidedID = r.string("userProvidedID"_L1);
    server.fqdnForActionFramework = r.string("fqdnForActionFramework"_L1);
    server.connectorAction = r.object("connectorAction"_L1, readConnectorAction);
    return server;
}

// Encoding: the same structures, the other way.

QJsonObject writeReplicatedDisk(const ReplicatedDisk &disk)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("deviceName"_L1, disk.deviceName);
    w.integer("totalStorageBytes"_L1, disk.totalStorageBytes);
    w.integer("replicatedStorageBytes"_L1, disk.replicatedStorageBytes);
    w.integer("rescannedStorageBytes"_L1, disk.rescannedStorageBytes);
    w.integer("backloggedStorageBytes"_L1, disk.backloggedStorageBytes);
    return o;
}

QJsonObject writeInitiationStep(const DataReplicationInitiationStep &step)
{
    QJsonObject o;
    JsonWriter w(o);
    w.enumeration("name"_L1, step.name);
    w.enumeration("status"_L1, step.status);
    return o;
}

QJsonObject writeInitiation(const DataReplicationInitiation &initiation)
{
    QJsonObject o;
    JsonWriter w(o);
    w.dateTime("startDateTime"_L1, initiation.startDateTime);
    w.dateTime("nextAttemptDateTime"_L1, initiation.nextAttemptDateTime);
    w.objectList("steps"_L1, initiation.steps, writeInitiationStep);
    return o;
}

QJsonObject writeReplicationError(const DataReplicationError &error)
{
    QJsonObject o;
    JsonWriter w(o);
    w.enumeration("error"_L1, error.error);
    w.string("rawError"_L1, error.rawError);
    return o;
}

QJsonObject writeReplicationInfo(const DataReplicationInfo &info)
{
    QJsonObject o;
    JsonWriter w(o);
    w.duration("lagDuration"_L1, info.lagDuration);
    w.dateTime("etaDateTime"_L1, info.etaDateTime);
    w.objectList("replicatedDisks"_L1, info.replicatedDisks, writeReplicatedDisk);
    w.enumeration("dataReplicationState"_L1, info.dataReplicationState);
    w.object("dataReplicationInitiation"_L1, info.dataReplicationInitiation, writeInitiation);
    w.object("dataReplicationError"_L1, info.dataReplicationError, writeReplicationError);
    w.dateTime("lastSnapshotDateTime"_L1, info.lastSnapshotDateTime);
    w.string("replicatorId"_L1, info.replicatorId);
    return o;
}

QJsonObject writeLastInitiated(const LifeCycleLastInitiated &initiated)
{
    QJsonObject o;
    JsonWriter w(o);
    w.dateTime("apiCallDateTime"_L1, initiated.apiCallDateTime);
    w.string("jobID"_L1, initiated.jobID);
    return o;
}

QJsonObject writeApiCall(const LifeCycleApiCall &call)
{
    QJsonObject o;
    JsonWriter w(o);
    w.dateTime("apiCallDateTime"_L1, call.apiCallDateTime);
    return o;
}

QJsonObject writeLastLaunch(const LifeCycleLastLaunch &launch)
{
    QJsonObject o;
    JsonWriter w(o);
    w.object("initiated"_L1, launch.initiated, writeLastInitiated);
    w.object("reverted"_L1, launch.reverted, writeApiCall);
    w.object("finalized"_L1, launch.finalized, writeApiCall);
    return o;
}

QJsonObject writeLifeCycle(const LifeCycle &lifeCycle)
{
    QJsonObject o;
    JsonWriter w(o);
    w.dateTime("addedToServiceDateTime"_L1, lifeCycle.addedToServiceDateTime);
    w.dateTime("firstByteDateTime"_L1, lifeCycle.firstByteDateTime);
    w.duration("elapsedReplicationDuration"_L1, lifeCycle.elapsedReplicationDuration);
    w.dateTime("lastSeenByServiceDateTime"_L1, lifeCycle.lastSeenByServiceDateTime);
    w.object("lastTest"_L1, lifeCycle.lastTest, writeLastLaunch);
    w.object("lastCutover"_L1, lifeCycle.lastCutover, writeLastLaunch);
    w.enumeration("state"_L1, lifeCycle.state);
    return o;
}

QJsonObject writeLaunchedInstance(const LaunchedInstance &instance)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("ec2InstanceID"_L1, instance.ec2InstanceID);
    w.string("jobID"_L1, instance.jobID);
    w.enumeration("firstBoot"_L1, instance.firstBoot);
    return o;
}

QJsonObject writeIdentificationHints(const IdentificationHints &hints)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("fqdn"_L1, hints.fqdn);
    w.string("hostname"_L1, hints.hostname);
    w.string("vmWareUuid"_L1, hints.vmWareUuid);
    w.string("awsInstanceID"_L1, hints.awsInstanceID);
    w.string("vmPath"_L1, hints.vmPath);
    return o;
}

QJsonObject writeNetworkInterface(const NetworkInterface &nic)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("macAddress"_L1, nic.macAddress);
    w.stringList("ips"_L1, nic.ips);
    w.boolean("isPrimary"_L1, nic.isPrimary);
    return o;
}

QJsonObject writeDisk(const Disk &disk)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("deviceName"_L1, disk.deviceName);
    w.integer("bytes"_L1, disk.bytes);
    return o;
}

QJsonObject writeCpu(const Cpu &cpu)
{
    QJsonObject o;
    JsonWriter w(o);
    w.integer("cores"_L1, cpu.cores);
    w.string("modelName"_L1, cpu.modelName);
    return o;
}

QJsonObject writeOs(const OperatingSystem &os)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("fullString"_L1, os.fullString);
    return o;
}

QJsonObject writeSourceProperties(const SourceProperties &properties)
{
    QJsonObject o;
    JsonWriter w(o);
    w.dateTime("lastUpdatedDateTime"_L1, properties.lastUpdatedDateTime);
    w.string("recommendedInstanceType"_L1, properties.recommendedInstanceType);
    w.object("identificationHints"_L1, properties.identificationHints, writeIdentificationHints);
    w.objectList("networkInterfaces"_L1, properties.networkInterfaces, writeNetworkInterface);
    w.objectList("disks"_L1, properties.disks, writeDisk);
    w.objectList("cpus"_L1, properties.cpus, writeCpu);
    w.integer("ramBytes"_L1, properties.ramBytes);
    w.object("os"_L1, properties.os, writeOs);
    return o;
}

QJsonObject writeConnectorAction(const SourceServerConnectorAction &action)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("credentialsSecretArn"_L1, action.credentialsSecretArn);
    w.string("connectorArn"_L1, action.connectorArn);
    return o;
}

} // namespace

DecodeResult<SourceServer> SourceServerCodec::decode(const QJsonObject &object, const JsonPath &path)
{
    std::optional<JsonError> error;
    JsonReader reader(object, path, error);
    SourceServer server = readSourceServer(reader);
    if (error)
        return {std::nullopt, std::move(error)};
    return {std::move(server), std::nullopt};
}

QJsonObject SourceServerCodec::encode(const SourceServer &server)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("sourceServerID"_L1, server.sourceServerID);
    w.string("arn"_L1, server.arn);
    w.boolean("isArchived"_L1, server.isArchived);
    w.stringMap("tags"_L1, server.tags);
    w.object("launchedInstance"_L1, server.launchedInstance, writeLaunchedInstance);
    w.object("dataReplicationInfo"_L1, server.dataReplicationInfo, writeReplicationInfo);
    w.object("lifeCycle"_L1, server.lifeCycle, writeLifeCycle);
    w.object("sourceProperties"_L1, server.sourceProperties, writeSourceProperties);
    w.enumeration("replicationType"_L1, server.replicationType);
    w.string("vcenterClientID"_L1, server.vcenterClientID);
    w.string("applicationID"_L1, server.applicationID);
    w.string("userProvidedID"_L1, server.userProvidedID);
    w.string("fqdnForActionFramework"_L1, server.fqdnForActionFramework);
    w.object("connectorAction"_L1, server.connectorAction, writeConnectorAction);
    return o;
}

SourceServerPage SourceServerCodec::decodePage(const QByteArray &body)
{
    return PageCodec::decode<SourceServer>(body, "sourceServerID"_L1, &SourceServerCodec::decode);
}

SourceServerPage SourceServerCodec::decodePage(const QJsonObject &body)
{
    return PageCodec::decode<SourceServer>(body, "sourceServerID"_L1, &SourceServerCodec::decode);
}

QJsonObject SourceServerCodec::encodePage(const QList<SourceServer> &items, const std::optional<QString> &nextToken)
{
    return PageCodec::encode(items, nextToken, &SourceServerCodec::encode);
}

} // namespace mgn
