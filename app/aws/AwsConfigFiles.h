#pragma once

#include "app/aws/AwsIniFile.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace mgn {

// One profile as the AWS CLI sees it: the config file's [profile x] (or
// [default]) section with the credentials file's [x] section merged over it.
struct AwsProfileData final {
    QString name;
    QMap<QString, QString> values;
    QMap<QString, QMap<QString, QString>> nested;
    QString sourceFile; // where the profile's keys were read (for messages)
    QStringList credentialsFileKeys; // keys that came from the credentials file

    bool fromCredentialsFile(const QString &key) const { return credentialsFileKeys.contains(key); }

    std::optional<QString> value(const QString &key) const;
};

// ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE and
// AWS_SHARED_CREDENTIALS_FILE), read once. A missing file is not an error; a
// malformed one is, and its profiles are not used.
class AwsConfigFiles final
{
public:
    static AwsConfigFiles load(const QProcessEnvironment &env, const QString &homeDir);
    static AwsConfigFiles fromContent(const QByteArray &config, const QByteArray &credentials);

    QString configPath() const { return m_configPath; }
    QString credentialsPath() const { return m_credentialsPath; }
    const QList<AwsIniError> &errors() const { return m_errors; }

    QStringList profileNames() const;
    std::optional<AwsProfileData> profile(const QString &name) const;
    // The [services name] section's nested block for one service, e.g. "mgn".
    QMap<QString, QString> serviceSettings(const QString &servicesSection, const QString &service) const;

    // --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else "default".
    static QString selectedProfileName(
        const std::optional<QString> &explicitProfile, const QProcessEnvironment &env);

private:
    void addConfig(const AwsIniFile &file);
    void addCredentials(const AwsIniFile &file);

    QString m_configPath;
    QString m_credentialsPath;
    QList<AwsIniError> m_errors;
    QMap<QString, AwsProfileData> m_profiles;
    QMap<QString, AwsIniSection> m_services;
};

} // namespace mgn
