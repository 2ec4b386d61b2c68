#include "app/aws/CredentialsPlan.h"

#include <QCoreApplication>
#include <QStringList>

namespace mgn {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CredentialsPlan", text);
}

CredentialsPlan error(const QString &profile, const QString &message)
{
    CredentialsPlan plan;
    plan.kind = CredentialsPlan::Kind::Error;
    plan.profile = profile;
    plan.error = message;
    return plan;
}

std::optional<CredentialsPlan> fromEnvironment(const QString &profile, const QProcessEnvironment &env)
{
    const QString keyId = env.value(QStringLiteral("AWS_ACCESS_KEY_ID"));
    const QString secret = env.value(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
    if (keyId.isEmpty() && secret.isEmpty())
        return std::nullopt;
    if (keyId.isEmpty() || secret.isEmpty()) {
        return error(profile,
            tr("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together; only one of them is set"));
    }
    CredentialsPlan plan;
    plan.kind = CredentialsPlan::Kind::Static;
    plan.profile = profile;
    plan.description = tr("environment variables");
    AwsCredentials credentials;
    credentials.accessKeyId = keyId;
    credentials.secretAccessKey = secret;
    QString token = env.value(QStringLiteral("AWS_SESSION_TOKEN"));
    if (token.isEmpty())
        token = env.value(QStringLiteral("AWS_SECURITY_TOKEN"));
    if (!token.isEmpty())
        credentials.sessionToken = token;
    plan.staticCredentials = credentials;
    return plan;
}

// Static keys of a profile, either from the credentials file or the config
// file, as asked.
std::optional<CredentialsPlan> fromStaticKeys(
    const AwsProfileData &profile, bool credentialsFile, const AwsConfigFiles &files)
{
    const QString idKey = QStringLiteral("aws_access_key_id");
    const QString secretKey = QStringLiteral("aws_secret_access_key");
    const auto keyId = profile.value(idKey);
    const auto secret = profile.value(secretKey);
    if (!keyId && !secret)
        return std::nullopt;
    if (profile.fromCredentialsFile(idKey) != credentialsFile
        && profile.fromCredentialsFile(secretKey) != credentialsFile)
        return std::nullopt;
    const QString file = credentialsFile ? files.credentialsPath() : files.configPath();
    if (!keyId || !secret || keyId->isEmpty() || secret->isEmpty()) {
        return error(profile.name,
            tr("Profile \"%1\" in %2 has only one of aws_access_key_id and aws_secret_access_key")
                .arg(profile.name, file));
    }
    CredentialsPlan plan;
    plan.kind = CredentialsPlan::Kind::Static;
    plan.profile = profile.name;
    plan.description
        = credentialsFile ? tr("shared credentials file %1").arg(file) : tr("config file %1").arg(file);
    AwsCredentials credentials;
    credentials.accessKeyId = *keyId;
    credentials.secretAccessKey = *secret;
    if (const auto token = profile.value(QStringLiteral("aws_session_token")); token && !token->isEmpty())
        credentials.sessionToken = *token;
    plan.staticCredentials = credentials;
    return plan;
}

CredentialsPlan resolveProfile(const QString &name, bool isExplicit, const QProcessEnvironment &env,
    const AwsConfigFiles &files, QStringList visited, bool allowEnvironment)
{
    if (allowEnvironment && !isExplicit) {
        if (auto plan = fromEnvironment(name, env))
            return *plan;
    }

    const auto profile = files.profile(name);
    if (!profile) {
        // A profile that exists only in the keychain (keys typed into the app).
        CredentialsPlan plan;
        plan.kind = CredentialsPlan::Kind::Keychain;
        plan.profile = name;
        plan.description = tr("keychain");
        return plan;
    }

    if (const auto roleArn = profile->value(QStringLiteral("role_arn"))) {
        if (visited.contains(name)) {
            return error(name,
                tr("Profile \"%1\" assumes a role through a loop of source profiles: %2")
                    .arg(visited.constFirst(), (visited << name).join(QLatin1String(" -> "))));
        }
        visited << name;
        CredentialsPlan plan;
        plan.kind = CredentialsPlan::Kind::AssumeRole;
        plan.profile = name;
        plan.roleArn = *roleArn;
        plan.description = tr("role %1").arg(*roleArn);
        plan.roleSessionName = profile->value(QStringLiteral("role_session_name"))
                                   .value_or(QStringLiteral("mgn-dashboard-session"));
        plan.externalId = profile->value(QStringLiteral("external_id"));
        if (const auto duration = profile->value(QStringLiteral("duration_seconds"))) {
            bool ok = false;
            const int seconds = duration->toInt(&ok);
            if (!ok || seconds < 900 || seconds > 43200) {
                return error(name,
                    tr("Profile \"%1\": duration_seconds must be a number from 900 to 43200, not \"%2\"")
                        .arg(name, *duration));
            }
            plan.durationSeconds = seconds;
        }
        plan.stsRegion = profile->value(QStringLiteral("region")).value_or(QString());

        const auto sourceProfile = profile->value(QStringLiteral("source_profile"));
        const auto credentialSource = profile->value(QStringLiteral("credential_source"));
        if (sourceProfile && credentialSource) {
            return error(
                name, tr("Profile \"%1\" has both source_profile and credential_source; use one").arg(name));
        }
        if (sourceProfile) {
            if (*sourceProfile == name && !profile->value(QStringLiteral("aws_access_key_id"))) {
                return error(name, tr("Profile \"%1\" is its own source_profile but has no keys").arg(name));
            }
            CredentialsPlan source;
            if (*sourceProfile == name) {
                // A profile may source its own static keys (the CLI allows it).
                auto own = fromStaticKeys(*profile, true, files);
                if (!own)
                    own = fromStaticKeys(*profile, false, files);
                source = *own;
            } else {
                if (!files.profile(*sourceProfile)) {
                    return error(name,
                        tr("Profile \"%1\": source_profile \"%2\" does not exist").arg(name, *sourceProfile));
                }
                source = resolveProfile(*sourceProfile, true, env, files, visited, false);
            }
            if (source.kind == CredentialsPlan::Kind::Error)
                return error(name, source.error);
            plan.source = std::make_shared<CredentialsPlan>(source);
            return plan;
        }
        if (credentialSource) {
            if (*credentialSource != u"Environment") {
                return error(name,
                    tr("Profile \"%1\": credential_source \"%2\" is not supported here "
                       "(only Environment)")
                        .arg(name, *credentialSource));
            }
            auto source = fromEnvironment(name, env);
            if (!source) {
                return error(name,
                    tr("Profile \"%1\" takes its source credentials from the environment, "
                       "but AWS_ACCESS_KEY_ID is not set")
                        .arg(name));
            }
            if (source->kind == CredentialsPlan::Kind::Error)
                return error(name, source->error);
            plan.source = std::make_shared<CredentialsPlan>(*source);
            return plan;
        }
        return error(name,
            tr("Profile \"%1\" has role_arn but neither source_profile nor credential_source").arg(name));
    }

    if (auto plan = fromStaticKeys(*profile, true, files))
        return *plan;
    if (const auto command = profile->value(QStringLiteral("credential_process"));
        command && !command->isEmpty()) {
        CredentialsPlan plan;
        plan.kind = CredentialsPlan::Kind::Process;
        plan.profile = name;
        plan.processCommand = *command;
        plan.description = tr("credential_process of profile %1").arg(name);
        return plan;
    }
    if (auto plan = fromStaticKeys(*profile, false, files))
        return *plan;

    CredentialsPlan plan;
    plan.kind = CredentialsPlan::Kind::Keychain;
    plan.profile = name;
    plan.description = tr("keychain");
    return plan;
}

} // namespace

CredentialsPlan CredentialsPlan::resolve(const QString &profileName, bool profileIsExplicit,
    const QProcessEnvironment &env, const AwsConfigFiles &files)
{
    return resolveProfile(profileName, profileIsExplicit, env, files, {}, true);
}

} // namespace mgn
