#include "models/codec/JobCodec.h"

#include "models/codec/PageCodec.h"
#include "models/json/JsonReader.h"
#include "models/json/JsonWriter.h"

using namespace Qt::Literals::StringLiterals;

namespace mgn {

namespace {

SsmParameterStoreParameter readParameter(JsonReader &r)
{
    SsmParameterStoreParameter parameter;
    parameter.parameterName = r.string("parameterName"_L1);
    parameter.parameterType = r.enumeration<SsmParameterStoreParameterType>("parameterType"_L1);
    return parameter;
}

SsmExternalParameter readExternalParameter(JsonReader &r)
{
    SsmExternalParameter parameter;
    parameter.dynamicPath = r.string("dynamicPath"_L1);
    return parameter;
}

SsmDocument readSsmDocument(JsonReader &r)
{
    SsmDocument document;
    document.actionName = r.string("actionName"_L1);
    document.ssmDocumentName = r.string("ssmDocumentName"_L1);
    document.timeoutSeconds = r.integer("timeoutSeconds"_L1, 1);
    document.mustSucceedForCutover = r.boolean("mustSucceedForCutover"_L1);
    document.parameters = r.objectListMap("parameters"_L1, readParameter);
    document.externalParameters = r.objectMap("externalParameters"_L1, readExternalParameter);
    return document;
}

JobPostLaunchActionsLaunchStatus readLaunchStatus(JsonReader &r)
{
    JobPostLaunchActionsLaunchStatus status;
    status.ssmDocument = r.object("ssmDocument"_L1, readSsmDocument);
    status.ssmDocumentType = r.enumeration<SsmDocumentType>("ssmDocumentType"_L1);
    status.executionID = r.string("executionID"_L1);
    status.executionStatus = r.enumeration<PostLaunchActionExecutionStatus>("executionStatus"_L1);
    status.failureReason = r.string("failureReason"_L1);
    return status;
}

PostLaunchActionsStatus readPostLaunchActionsStatus(JsonReader &r)
{
    PostLaunchActionsStatus status;
    status.ssmAgentDiscoveryDatetime = r.dateTime("ssmAgentDiscoveryDatetime"_L1);
    status.postLaunchActionsLaunchStatusList
        = r.objectList("postLaunchActionsLaunchStatusList"_L1, readLaunchStatus);
    return status;
}

ParticipatingServer readParticipatingServer(JsonReader &r)
{
    ParticipatingServer server;
    server.sourceServerID = r.requiredString("sourceServerID"_L1);
    server.launchStatus = r.enumeration<LaunchStatus>("launchStatus"_L1);
    server.launchedEc2InstanceID = r.string("launchedEc2InstanceID"_L1);
    server.postLaunchActionsStatus = r.object("postLaunchActionsStatus"_L1, readPostLaunchActionsStatus);
    return server;
}

Job readJob(JsonReader &r)
{
    Job job;
    job.jobID = r.requiredString("jobID"_L1);
    job.arn = r.string("arn"_L1);
    job.type = r.enumeration<JobType>("type"_L1);
    job.initiatedBy = r.enumeration<InitiatedBy>("initiatedBy"_L1);
    job.creationDateTime = r.dateTime("creationDateTime"_L1);
    job.endDateTime = r.dateTime("endDateTime"_L1);
    job.status = r.enumeration<JobStatus>("status"_L1);
    job.participatingServers = r.objectList("participatingServers"_L1, readParticipatingServer);
    job.tags = r.stringMap("tags"_L1);
    return job;
}

QJsonObject writeParameter(const SsmParameterStoreParameter &parameter)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("parameterName"_L1, parameter.parameterName);
    w.enumeration("parameterType"_L1, parameter.parameterType);
    return o;
}

QJsonObject writeExternalParameter(const SsmExternalParameter &parameter)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("dynamicPath"_L1, parameter.dynamicPath);
    return o;
}

QJsonObject writeSsmDocument(const SsmDocument &document)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("actionName"_L1, document.actionName);
    w.string("ssmDocumentName"_L1, document.ssmDocumentName);
    w.integer("timeoutSeconds"_L1, document.timeoutSeconds);
    w.boolean("mustSucceedForCutover"_L1, document.mustSucceedForCutover);
    w.objectListMap("parameters"_L1, document.parameters, writeParameter);
    w.objectMap("externalParameters"_L1, document.externalParameters, writeExternalParameter);
    return o;
}

QJsonObject writeLaunchStatus(const JobPostLaunchActionsLaunchStatus &status)
{
    QJsonObject o;
    JsonWriter w(o);
    w.object("ssmDocument"_L1, status.ssmDocument, writeSsmDocument);
    w.enumeration("ssmDocumentType"_L1, status.ssmDocumentType);
    w.string("executionID"_L1, status.executionID);
    w.enumeration("executionStatus"_L1, status.executionStatus);
    w.string("failureReason"_L1, status.failureReason);
    return o;
}

QJsonObject writePostLaunchActionsStatus(const PostLaunchActionsStatus &status)
{
    QJsonObject o;
    JsonWriter w(o);
    w.dateTime("ssmAgentDiscoveryDatetime"_L1, status.ssmAgentDiscoveryDatetime);
    w.objectList(
        "postLaunchActionsLaunchStatusList"_L1, status.postLaunchActionsLaunchStatusList, writeLaunchStatus);
    return o;
}

QJsonObject writeParticipatingServer(const ParticipatingServer &server)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("sourceServerID"_L1, server.sourceServerID);
    w.enumeration("launchStatus"_L1, server.launchStatus);
    w.string("launchedEc2InstanceID"_L1, server.launchedEc2InstanceID);
    w.object("postLaunchActionsStatus"_L1, server.postLaunchActionsStatus, writePostLaunchActionsStatus);
    return o;
}

} // namespace

DecodeResult<Job> JobCodec::decode(const QJsonObject &object, const JsonPath &path)
{
    std::optional<JsonError> error;
    JsonReader reader(object, path, error);
    Job job = readJob(reader);
    if (error)
        return { std::nullopt, std::move(error) };
    return { std::move(job), std::nullopt };
}

QJsonObject JobCodec::encode(const Job &job)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("jobID"_L1, job.jobID);
    w.string("arn"_L1, job.arn);
    w.enumeration("type"_L1, job.type);
    w.enumeration("initiatedBy"_L1, job.initiatedBy);
    w.dateTime("creationDateTime"_L1, job.creationDateTime);
    w.dateTime("endDateTime"_L1, job.endDateTime);
    w.enumeration("status"_L1, job.status);
    w.objectList("participatingServers"_L1, job.participatingServers, writeParticipatingServer);
    w.stringMap("tags"_L1, job.tags);
    return o;
}

JobPage JobCodec::decodePage(const QByteArray &body)
{
    return PageCodec::decode<Job>(body, "jobID"_L1, &JobCodec::decode);
}

JobPage JobCodec::decodePage(const QJsonObject &body)
{
    return PageCodec::decode<Job>(body, "jobID"_L1, &JobCodec::decode);
}

QJsonObject JobCodec::encodePage(const QList<Job> &items, const std::optional<QString> &nextToken)
{
    return PageCodec::encode(items, nextToken, &JobCodec::encode);
}

} // namespace mgn
