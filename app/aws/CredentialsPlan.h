#pragma once

#include "app/aws/AwsConfigFiles.h"
#include "app/aws/AwsCredentials.h"

#include <QProcessEnvironment>
#include <QString>

#include <memory>
#include <optional>

namespace mgn {

// Which source the AWS credentials chain takes for a profile, decided from the
// environment and the configuration files alone (no I/O, no network), in the
// AWS CLI's order:
//   1. AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY [/ AWS_SESSION_TOKEN], unless
//      a profile was given explicitly (--profile), as botocore does;
//   2. role_arn with source_profile or credential_source = Environment (STS
//      AssumeRole, signed with the source's credentials);
//   3. static keys from the credentials file;
//   4. credential_process;
//   5. static keys from the config file;
//   6. keys typed into the app, kept in the OS keychain for that profile.
// The first source that is configured decides: a configured source that then
// fails is an error, not a reason to try the next (as with the CLI).
struct CredentialsPlan final {
    enum class Kind { Static, Process, AssumeRole, Keychain, Error };

    Kind kind = Kind::Error;
    QString profile;
    QString description; // "environment", "shared credentials file ~/.aws/credentials", ...
    QString error; // Kind::Error

    std::optional<AwsCredentials> staticCredentials; // Kind::Static
    QString processCommand; // Kind::Process

    // Kind::AssumeRole
    QString roleArn;
    QString roleSessionName;
    std::optional<QString> externalId;
    std::optional<int> durationSeconds;
    QString stsRegion;
    std::shared_ptr<const CredentialsPlan> source;

    static CredentialsPlan resolve(const QString &profileName, bool profileIsExplicit,
        const QProcessEnvironment &env, const AwsConfigFiles &files);
};

} // namespace mgn
