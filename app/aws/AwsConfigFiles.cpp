#include "app/aws/AwsConfigFiles.h"

#include <QDir>
#include <QFile>

namespace mgn {

namespace {

QString expandHome(QString path, const QString &homeDir)
{
    if (path == u"~" || path.startsWith(QLatin1String("~/")))
        path.replace(0, 1, homeDir);
    return path;
}

std::optional<AwsIniFile> readIni(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        AwsIniFile failed;
        failed.fileName = path;
        failed.error = AwsIniError { path, 0, file.errorString() };
        return failed;
    }
    return AwsIniFile::parse(file.readAll(), path);
}

} // namespace

std::optional<QString> AwsProfileData::value(const QString &key) const
{
    const auto it = values.constFind(key);
    if (it == values.constEnd())
        return std::nullopt;
    return *it;
}

AwsConfigFiles AwsConfigFiles::load(const QProcessEnvironment &env, const QString &homeDir)
{
    AwsConfigFiles files;
    const QString awsDir = homeDir + QLatin1String("/.aws/");
    files.m_configPath
        = expandHome(env.value(QStringLiteral("AWS_CONFIG_FILE"), awsDir + QLatin1String("config")), homeDir);
    files.m_credentialsPath = expandHome(
        env.value(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), awsDir + QLatin1String("credentials")),
        homeDir);

    if (const auto config = readIni(files.m_configPath))
        files.addConfig(*config);
    if (const auto credentials = readIni(files.m_credentialsPath))
        files.addCredentials(*credentials);
    return files;
}

AwsConfigFiles AwsConfigFiles::fromContent(const QByteArray &config, const QByteArray &credentials)
{
    AwsConfigFiles files;
    files.m_configPath = QStringLiteral("config");
    files.m_credentialsPath = QStringLiteral("credentials");
    files.addConfig(AwsIniFile::parse(config, files.m_configPath));
    files.addCredentials(AwsIniFile::parse(credentials, files.m_credentialsPath));
    return files;
}

void AwsConfigFiles::addConfig(const AwsIniFile &file)
{
    if (file.error) {
        m_errors.append(*file.error);
        return;
    }
    for (const auto &section : file.sections) {
        // In the config file, profiles other than "default" are [profile x];
        // [services x] hold per-service settings; other sections are ignored,
        // as the CLI ignores them.
        QString name;
        if (section.name == u"default") {
            name = section.name;
        } else if (section.name.startsWith(QLatin1String("profile "))) {
            name = section.name.mid(8).trimmed();
        } else if (section.name.startsWith(QLatin1String("services "))) {
            m_services.insert(section.name.mid(9).trimmed(), section);
            continue;
        } else {
            continue;
        }
        auto &profile = m_profiles[name];
        profile.name = name;
        profile.sourceFile = file.fileName;
        for (auto it = section.values.begin(); it != section.values.end(); ++it)
            profile.values.insert(it.key(), it.value());
        for (auto it = section.nested.begin(); it != section.nested.end(); ++it)
            profile.nested.insert(it.key(), it.value());
    }
}

void AwsConfigFiles::addCredentials(const AwsIniFile &file)
{
    if (file.error) {
        m_errors.append(*file.error);
        return;
    }
    // The credentials file's values win over the config file's, as in botocore.
    for (const auto &section : file.sections) {
        auto &profile = m_profiles[section.name];
        profile.name = section.name;
        profile.sourceFile = file.fileName;
        for (auto it = section.values.begin(); it != section.values.end(); ++it) {
            profile.values.insert(it.key(), it.value());
            profile.credentialsFileKeys.append(it.key());
        }
    }
}

QStringList AwsConfigFiles::profileNames() const
{
    return m_profiles.keys();
}

std::optional<AwsProfileData> AwsConfigFiles::profile(const QString &name) const
{
    const auto it = m_profiles.constFind(name);
    if (it == m_profiles.constEnd())
        return std::nullopt;
    return *it;
}

QMap<QString, QString> AwsConfigFiles::serviceSettings(
    const QString &servicesSection, const QString &service) const
{
    return m_services.value(servicesSection).nested.value(service);
}

QString AwsConfigFiles::selectedProfileName(
    const std::optional<QString> &explicitProfile, const QProcessEnvironment &env)
{
    if (explicitProfile && !explicitProfile->isEmpty())
        return *explicitProfile;
    for (const auto *name : { "AWS_PROFILE", "AWS_DEFAULT_PROFILE" }) {
        const QString value = env.value(QLatin1String(name));
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("default");
}

} // namespace mgn
