#include "app/aws/ProfileKeyStore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace mgn {

ProfileKeyStore::ProfileKeyStore(SecretStore &store)
    : m_store(store)
{ }

QString ProfileKeyStore::keyFor(const QString &profile)
{
    return QLatin1String("aws-profile/") + profile;
}

void ProfileKeyStore::load(const QString &profile, QObject *context, Callback done)
{
    m_store.read(keyFor(profile), context, [done, profile](const SecretStore::Result &stored) {
        Result result { stored.status, std::nullopt, stored.message };
        if (stored.status != SecretStore::Status::Ok) {
            done(result);
            return;
        }
        const auto object = QJsonDocument::fromJson(stored.data).object();
        AwsCredentials credentials;
        credentials.accessKeyId = object.value(u"accessKeyId").toString();
        credentials.secretAccessKey = object.value(u"secretAccessKey").toString();
        if (const auto token = object.value(u"sessionToken").toString(); !token.isEmpty())
            credentials.sessionToken = token;
        if (!credentials.isValid()) {
            result.status = SecretStore::Status::Error;
            result.message = QCoreApplication::translate(
                "ProfileKeyStore", "The keychain entry of profile \"%1\" is damaged; enter the keys again")
                                 .arg(profile);
            done(result);
            return;
        }
        result.credentials = credentials;
        done(result);
    });
}

void ProfileKeyStore::save(
    const QString &profile, const AwsCredentials &credentials, QObject *context, Callback done)
{
    QJsonObject object {
        { QStringLiteral("accessKeyId"), credentials.accessKeyId },
        { QStringLiteral("secretAccessKey"), credentials.secretAccessKey },
    };
    if (credentials.hasSessionToken())
        object.insert(QStringLiteral("sessionToken"), *credentials.sessionToken);
    m_store.write(keyFor(profile), QJsonDocument(object).toJson(QJsonDocument::Compact), context,
        [done](const SecretStore::Result &stored) {
            done({ stored.status, std::nullopt, stored.message });
        });
}

void ProfileKeyStore::forget(const QString &profile, QObject *context, Callback done)
{
    m_store.remove(keyFor(profile), context, [done](const SecretStore::Result &stored) {
        done({ stored.status, std::nullopt, stored.message });
    });
}

} // namespace mgn
