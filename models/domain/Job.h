#pragma once

#include "models/domain/MgnEnums.h"
#include "models/domain/SourceServer.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// The Job shape of the MGN API (DescribeJobs, StartTest, StartCutover,
// TerminateTargetInstances) and the structures it is made of.
namespace mgn {

struct SsmParameterStoreParameter final {
    std::optional<QString> parameterName;
    std::optional<EnumValue<SsmParameterStoreParameterType>> parameterType;

    bool operator==(const SsmParameterStoreParameter &) const = default;
};

struct SsmExternalParameter final {
    std::optional<QString> dynamicPath;

    bool operator==(const SsmExternalParameter &) const = default;
};

struct SsmDocument final {
    std::optional<QString> actionName;
    std::optional<QString> ssmDocumentName;
    std::optional<qint64> timeoutSeconds;
    std::optional<bool> mustSucceedForCutover;
    std::optional<QMap<QString, QList<SsmParameterStoreParameter>>> parameters;
    std::optional<QMap<QString, SsmExternalParameter>> externalParameters;

    bool operator==(const SsmDocument &) const = default;
};

struct JobPostLaunchActionsLaunchStatus final {
    std::optional<SsmDocument> ssmDocument;
    std::optional<EnumValue<SsmDocumentType>> ssmDocumentType;
    std::optional<QString> executionID;
    std::optional<EnumValue<PostLaunchActionExecutionStatus>> executionStatus;
    std::optional<QString> failureReason;

    bool operator==(const JobPostLaunchActionsLaunchStatus &) const = default;
};

struct PostLaunchActionsStatus final {
    std::optional<qint64> ssmAgentDiscoveryDatetime;
    std::optional<QList<JobPostLaunchActionsLaunchStatus>> postLaunchActionsLaunchStatusList;

    bool operator==(const PostLaunchActionsStatus &) const = default;
};

struct ParticipatingServer final {
    QString sourceServerID; // required by the model
    std::optional<EnumValue<LaunchStatus>> launchStatus;
    std::optional<QString> launchedEc2InstanceID;
    std::optional<PostLaunchActionsStatus> postLaunchActionsStatus;

    bool operator==(const ParticipatingServer &) const = default;
};

struct Job final {
    QString jobID; // required by the model
    std::optional<QString> arn;
    std::optional<EnumValue<JobType>> type;
    std::optional<EnumValue<InitiatedBy>> initiatedBy;
    std::optional<qint64> creationDateTime;
    std::optional<qint64> endDateTime;
    std::optional<EnumValue<JobStatus>> status;
    std::optional<QList<ParticipatingServer>> participatingServers;
    std::optional<Tags> tags;

    bool operator==(const Job &) const = default;
};

} // namespace mgn
