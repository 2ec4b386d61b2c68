#include "models/codec/SourceServerCodec.h"

#include "models/codec/PageCodec.h"
#include "models/json/JsonReader.h"
#include "models/json/JsonTapeReader.h"
#include "models/json/JsonTextWriter.h"
#include "models/json/JsonWriter.h"

using namespace Qt::Literals::StringLiterals;

namespace mgn {

namespace {

// Decoding: one function per structure of the API model, for either reader
// (JsonReader over a QJsonObject, JsonTapeReader over a JsonTape).

template<typename R> ReplicatedDisk readReplicatedDisk(R &r)
{
    ReplicatedDisk disk;
    disk.deviceName = r.string("deviceName"_L1);
    disk.totalStorageBytes = r.integer("totalStorageBytes"_L1, 0);
    disk.replicatedStorageBytes = r.integer("replicatedStorageBytes"_L1, 0);
    disk.rescannedStorageBytes = r.integer("rescannedStorageBytes"_L1, 0);
    disk.backloggedStorageBytes = r.integer("backloggedStorageBytes"_L1, 0);
    return disk;
}

template<typename R> DataReplicationInitiationStep readInitiationStep(R &r)
{
    DataReplicationInitiationStep step;
    step.name = r.template enumeration<DataReplicationInitiationStepName>("name"_L1);
    step.status = r.template enumeration<DataReplicationInitiationStepStatus>("status"_L1);
    return step;
}

template<typename R> DataReplicationInitiation readInitiation(R &r)
{
    DataReplicationInitiation initiation;
    initiation.startDateTime = r.dateTime("startDateTime"_L1);
    initiation.nextAttemptDateTime = r.dateTime("nextAttemptDateTime"_L1);
    initiation.steps = r.objectList("steps"_L1, readInitiationStep<R>);
    return initiation;
}

template<typename R> DataReplicationError readReplicationError(R &r)
{
    DataReplicationError error;
    error.error = r.template enumeration<DataReplicationErrorString>("error"_L1);
    error.rawError = r.string("rawError"_L1);
    return error;
}

template<typename R> DataReplicationInfo readReplicationInfo(R &r)
{
    DataReplicationInfo info;
    info.lagDuration = r.duration("lagDuration"_L1);
    info.etaDateTime = r.dateTime("etaDateTime"_L1);
    info.replicatedDisks = r.objectList("replicatedDisks"_L1, readReplicatedDisk<R>);
    info.dataReplicationState = r.template enumeration<DataReplicationState>("dataReplicationState"_L1);
    info.dataReplicationInitiation = r.object("dataReplicationInitiation"_L1, readInitiation<R>);
    info.dataReplicationError = r.object("dataReplicationError"_L1, readReplicationError<R>);
    info.lastSnapshotDateTime = r.dateTime("lastSnapshotDateTime"_L1);
    info.replicatorId = r.string("replicatorId"_L1);
    return info;
}

template<typename R> LifeCycleLastInitiated readLastInitiated(R &r)
{
    LifeCycleLastInitiated initiated;
    initiated.apiCallDateTime = r.dateTime("apiCallDateTime"_L1);
    initiated.jobID = r.string("jobID"_L1);
    return initiated;
}

template<typename R> LifeCycleApiCall readApiCall(R &r)
{
    LifeCycleApiCall call;
    call.apiCallDateTime = r.dateTime("apiCallDateTime"_L1);
    return call;
}

template<typename R> LifeCycleLastLaunch readLastLaunch(R &r)
{
    LifeCycleLastLaunch launch;
    launch.initiated = r.object("initiated"_L1, readLastInitiated<R>);
    launch.reverted = r.object("reverted"_L1, readApiCall<R>);
    launch.finalized = r.object("finalized"_L1, readApiCall<R>);
    return launch;
}

template<typename R> LifeCycle readLifeCycle(R &r)
{
    LifeCycle lifeCycle;
    lifeCycle.addedToServiceDateTime = r.dateTime("addedToServiceDateTime"_L1);
    lifeCycle.firstByteDateTime = r.dateTime("firstByteDateTime"_L1);
    lifeCycle.elapsedReplicationDuration = r.duration("elapsedReplicationDuration"_L1);
    lifeCycle.lastSeenByServiceDateTime = r.dateTime("lastSeenByServiceDateTime"_L1);
    lifeCycle.lastTest = r.object("lastTest"_L1, readLastLaunch<R>);
    lifeCycle.lastCutover = r.object("lastCutover"_L1, readLastLaunch<R>);
    lifeCycle.state = r.template enumeration<LifeCycleState>("state"_L1);
    return lifeCycle;
}

template<typename R> LaunchedInstance readLaunchedInstance(R &r)
{
    LaunchedInstance instance;
    instance.ec2InstanceID = r.string("ec2InstanceID"_L1);
    instance.jobID = r.string("jobID"_L1);
    instance.firstBoot = r.template enumeration<FirstBoot>("firstBoot"_L1);
    return instance;
}

template<typename R> IdentificationHints readIdentificationHints(R &r)
{
    IdentificationHints hints;
    hints.fqdn = r.string("fqdn"_L1);
    hints.hostname = r.string("hostname"_L1);
    hints.vmWareUuid = r.string("vmWareUuid"_L1);
    hints.awsInstanceID = r.string("awsInstanceID"_L1);
    hints.vmPath = r.string("vmPath"_L1);
    return hints;
}

template<typename R> NetworkInterface readNetworkInterface(R &r)
{
    NetworkInterface nic;
    nic.macAddress = r.string("macAddress"_L1);
    nic.ips = r.stringList("ips"_L1);
    nic.isPrimary = r.boolean("isPrimary"_L1);
    return nic;
}

template<typename R> Disk readDisk(R &r)
{
    Disk disk;
    disk.deviceName = r.string("deviceName"_L1);
    disk.bytes = r.integer("bytes"_L1, 0);
    return disk;
}

template<typename R> Cpu readCpu(R &r)
{
    Cpu cpu;
    cpu.cores = r.integer("cores"_L1, 0);
    cpu.modelName = r.string("modelName"_L1);
    return cpu;
}

template<typename R> OperatingSystem readOs(R &r)
{
    OperatingSystem os;
    os.fullString = r.string("fullString"_L1);
    return os;
}

template<typename R> SourceProperties readSourceProperties(R &r)
{
    SourceProperties properties;
    properties.lastUpdatedDateTime = r.dateTime("lastUpdatedDateTime"_L1);
    properties.recommendedInstanceType = r.string("recommendedInstanceType"_L1);
    properties.identificationHints = r.object("identificationHints"_L1, readIdentificationHints<R>);
    properties.networkInterfaces = r.objectList("networkInterfaces"_L1, readNetworkInterface<R>);
    properties.disks = r.objectList("disks"_L1, readDisk<R>);
    properties.cpus = r.objectList("cpus"_L1, readCpu<R>);
    properties.ramBytes = r.integer("ramBytes"_L1, 0);
    properties.os = r.object("os"_L1, readOs<R>);
    return properties;
}

template<typename R> SourceServerConnectorAction readConnectorAction(R &r)
{
    SourceServerConnectorAction action;
    action.credentialsSecretArn = r.string("credentialsSecretArn"_L1);
    action.connectorArn = r.string("connectorArn"_L1);
    return action;
}

template<typename R> SourceServer readSourceServer(R &r)
{
    SourceServer server;
    server.sourceServerID = r.string("sourceServerID"_L1);
    server.arn = r.string("arn"_L1);
    server.isArchived = r.boolean("isArchived"_L1);
    server.tags = r.stringMap("tags"_L1);
    server.launchedInstance = r.object("launchedInstance"_L1, readLaunchedInstance<R>);
    server.dataReplicationInfo = r.object("dataReplicationInfo"_L1, readReplicationInfo<R>);
    server.lifeCycle = r.object("lifeCycle"_L1, readLifeCycle<R>);
    server.sourceProperties = r.object("sourceProperties"_L1, readSourceProperties<R>);
    server.replicationType = r.template enumeration<ReplicationType>("replicationType"_L1);
    server.vcenterClientID = r.string("vcenterClientID"_L1);
    server.applicationID = r.string("applicationID"_L1);
    server.userProvidedID = r.string("userProvidedID"_L1);
    server.fqdnForActionFramework = r.string("fqdnForActionFramework"_L1);
    server.connectorAction = r.object("connectorAction"_L1, readConnectorAction<R>);
    return server;
}

// Encoding: the same structures, the other way, for either writer (JsonWriter
// into a QJsonObject, JsonTextWriter into text). Members in key order, as
// JsonTextWriter needs them (QJsonObject sorts them anyway).

template<typename W> void writeReplicatedDisk(W &w, const ReplicatedDisk &disk)
{
    w.integer("backloggedStorageBytes"_L1, disk.backloggedStorageBytes);
    w.string("deviceName"_L1, disk.deviceName);
    w.integer("replicatedStorageBytes"_L1, disk.replicatedStorageBytes);
    w.integer("rescannedStorageBytes"_L1, disk.rescannedStorageBytes);
    w.integer("totalStorageBytes"_L1, disk.totalStorageBytes);
}

template<typename W> void writeInitiationStep(W &w, const DataReplicationInitiationStep &step)
{
    w.enumeration("name"_L1, step.name);
    w.enumeration("status"_L1, step.status);
}

template<typename W> void writeInitiation(W &w, const DataReplicationInitiation &initiation)
{
    w.dateTime("nextAttemptDateTime"_L1, initiation.nextAttemptDateTime);
    w.dateTime("startDateTime"_L1, initiation.startDateTime);
    w.objectList("steps"_L1, initiation.steps, writeInitiationStep<W>);
}

template<typename W> void writeReplicationError(W &w, const DataReplicationError &error)
{
    w.enumeration("error"_L1, error.error);
    w.string("rawError"_L1, error.rawError);
}

template<typename W> void writeReplicationInfo(W &w, const DataReplicationInfo &info)
{
    w.object("dataReplicationError"_L1, info.dataReplicationError, writeReplicationError<W>);
    w.object("dataReplicationInitiation"_L1, info.dataReplicationInitiation, writeInitiation<W>);
    w.enumeration("dataReplicationState"_L1, info.dataReplicationState);
    w.dateTime("etaDateTime"_L1, info.etaDateTime);
    w.duration("lagDuration"_L1, info.lagDuration);
    w.dateTime("lastSnapshotDateTime"_L1, info.lastSnapshotDateTime);
    w.objectList("replicatedDisks"_L1, info.replicatedDisks, writeReplicatedDisk<W>);
    w.string("replicatorId"_L1, info.replicatorId);
}

template<typename W> void writeLastInitiated(W &w, const LifeCycleLastInitiated &initiated)
{
    w.dateTime("apiCallDateTime"_L1, initiated.apiCallDateTime);
    w.string("jobID"_L1, initiated.jobID);
}

template<typename W> void writeApiCall(W &w, const LifeCycleApiCall &call)
{
    w.dateTime("apiCallDateTime"_L1, call.apiCallDateTime);
}

template<typename W> void writeLastLaunch(W &w, const LifeCycleLastLaunch &launch)
{
    w.object("finalized"_L1, launch.finalized, writeApiCall<W>);
    w.object("initiated"_L1, launch.initiated, writeLastInitiated<W>);
    w.object("reverted"_L1, launch.reverted, writeApiCall<W>);
}

template<typename W> void writeLifeCycle(W &w, const LifeCycle &lifeCycle)
{
    w.dateTime("addedToServiceDateTime"_L1, lifeCycle.addedToServiceDateTime);
    w.duration("elapsedReplicationDuration"_L1, lifeCycle.elapsedReplicationDuration);
    w.dateTime("firstByteDateTime"_L1, lifeCycle.firstByteDateTime);
    w.object("lastCutover"_L1, lifeCycle.lastCutover, writeLastLaunch<W>);
    w.dateTime("lastSeenByServiceDateTime"_L1, lifeCycle.lastSeenByServiceDateTime);
    w.object("lastTest"_L1, lifeCycle.lastTest, writeLastLaunch<W>);
    w.enumeration("state"_L1, lifeCycle.state);
}

template<typename W> void writeLaunchedInstance(W &w, const LaunchedInstance &instance)
{
    w.string("ec2InstanceID"_L1, instance.ec2InstanceID);
    w.enumeration("firstBoot"_L1, instance.firstBoot);
    w.string("jobID"_L1, instance.jobID);
}

template<typename W> void writeIdentificationHints(W &w, const IdentificationHints &hints)
{
    w.string("awsInstanceID"_L1, hints.awsInstanceID);
    w.string("fqdn"_L1, hints.fqdn);
    w.string("hostname"_L1, hints.hostname);
    w.string("vmPath"_L1, hints.vmPath);
    w.string("vmWareUuid"_L1, hints.vmWareUuid);
}

template<typename W> void writeNetworkInterface(W &w, const NetworkInterface &nic)
{
    w.stringList("ips"_L1, nic.ips);
    w.boolean("isPrimary"_L1, nic.isPrimary);
    w.string("macAddress"_L1, nic.macAddress);
}

template<typename W> void writeDisk(W &w, const Disk &disk)
{
    w.integer("bytes"_L1, disk.bytes);
    w.string("deviceName"_L1, disk.deviceName);
}

template<typename W> void writeCpu(W &w, const Cpu &cpu)
{
    w.integer("cores"_L1, cpu.cores);
    w.string("modelName"_L1, cpu.modelName);
}

template<typename W> void writeOs(W &w, const OperatingSystem &os)
{
    w.string("fullString"_L1, os.fullString);
}

template<typename W> void writeSourceProperties(W &w, const SourceProperties &properties)
{
    w.objectList("cpus"_L1, properties.cpus, writeCpu<W>);
    w.objectList("disks"_L1, properties.disks, writeDisk<W>);
    w.object("identificationHints"_L1, properties.identificationHints, writeIdentificationHints<W>);
    w.dateTime("lastUpdatedDateTime"_L1, properties.lastUpdatedDateTime);
    w.objectList("networkInterfaces"_L1, properties.networkInterfaces, writeNetworkInterface<W>);
    w.object("os"_L1, properties.os, writeOs<W>);
    w.integer("ramBytes"_L1, properties.ramBytes);
    w.string("recommendedInstanceType"_L1, properties.recommendedInstanceType);
}

template<typename W> void writeConnectorAction(W &w, const SourceServerConnectorAction &action)
{
    w.string("connectorArn"_L1, action.connectorArn);
    w.string("credentialsSecretArn"_L1, action.credentialsSecretArn);
}

template<typename W> void writeSourceServer(W &w, const SourceServer &server)
{
    w.string("applicationID"_L1, server.applicationID);
    w.string("arn"_L1, server.arn);
    w.object("connectorAction"_L1, server.connectorAction, writeConnectorAction<W>);
    w.object("dataReplicationInfo"_L1, server.dataReplicationInfo, writeReplicationInfo<W>);
    w.string("fqdnForActionFramework"_L1, server.fqdnForActionFramework);
    w.boolean("isArchived"_L1, server.isArchived);
    w.object("launchedInstance"_L1, server.launchedInstance, writeLaunchedInstance<W>);
    w.object("lifeCycle"_L1, server.lifeCycle, writeLifeCycle<W>);
    w.enumeration("replicationType"_L1, server.replicationType);
    w.object("sourceProperties"_L1, server.sourceProperties, writeSourceProperties<W>);
    w.string("sourceServerID"_L1, server.sourceServerID);
    w.stringMap("tags"_L1, server.tags);
    w.string("userProvidedID"_L1, server.userProvidedID);
    w.string("vcenterClientID"_L1, server.vcenterClientID);
}

} // namespace

DecodeResult<SourceServer> SourceServerCodec::decode(const QJsonObject &object, const JsonPath &path)
{
    std::optional<JsonError> error;
    JsonReader reader(object, path, error);
    SourceServer server = readSourceServer(reader);
    if (error)
        return { std::nullopt, std::move(error) };
    return { std::move(server), std::nullopt };
}

std::optional<SourceServer> SourceServerCodec::decodeFromTape(JsonTape::Value object)
{
    bool failed = object.type() != JsonTape::Type::Object;
    JsonTapeReader reader(object, failed);
    SourceServer server = readSourceServer(reader);
    if (failed)
        return std::nullopt;
    return server;
}

QJsonObject SourceServerCodec::encode(const SourceServer &server)
{
    QJsonObject o;
    JsonWriter w(o);
    writeSourceServer(w, server);
    return o;
}

void SourceServerCodec::write(JsonTextWriter &writer, const SourceServer &server)
{
    writer.beginObject();
    writeSourceServer(writer, server);
    writer.endObject();
}

SourceServerPage SourceServerCodec::decodePage(const QByteArray &body)
{
    return decodePage(PageCodec::parseEnvelope(body));
}

SourceServerPage SourceServerCodec::decodePage(const PageCodec::Envelope &envelope)
{
    return PageCodec::decode<SourceServer>(
        envelope, "sourceServerID"_L1, &SourceServerCodec::decode, [](JsonTape::Value item, bool &failed) {
            std::optional<SourceServer> server = decodeFromTape(item);
            failed = !server;
            return server;
        });
}

SourceServerPage SourceServerCodec::decodePage(const QJsonObject &body)
{
    return PageCodec::decode<SourceServer>(body, "sourceServerID"_L1, &SourceServerCodec::decode);
}

QJsonObject SourceServerCodec::encodePage(
    const QList<SourceServer> &items, const std::optional<QString> &nextToken)
{
    return PageCodec::encode(items, nextToken, &SourceServerCodec::encode);
}

} // namespace mgn
