#include "app/aws/KeychainSecretStore.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace mgn {

namespace {

SecretStore::Result toResult(const QKeychain::Job &job)
{
    SecretStore::Result result;
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = SecretStore::Status::Ok;
        return result;
    case QKeychain::EntryNotFound:
        result.status = SecretStore::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = SecretStore::Status::Unavailable;
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        result.status = SecretStore::Status::AccessDenied;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        result.status = SecretStore::Status::Error;
        break;
    }
    result.message = job.errorString();
    // On Linux, a missing Secret Service or D-Bus session shows up as
    // OtherError with libsecret's or D-Bus's message rather than
    // NoBackendAvailable; it is the same situation for the user.
    static const char *const noServiceHints[] = { "org.freedesktop.secrets", "ServiceUnknown",
        "freedesktop/secrets", "not provided by any .service", "Could not connect", "address is empty",
        "autolaunch", "D-Bus", "DBus", "No keychain" };
    if (result.status == SecretStore::Status::Error) {
        for (const char *hint : noServiceHints) {
            if (result.message.contains(QLatin1String(hint), Qt::CaseInsensitive)) {
                result.status = SecretStore::Status::Unavailable;
                break;
            }
        }
    }
    if (result.status == SecretStore::Status::Unavailable) {
        result.message = QCoreApplication::translate("KeychainSecretStore",
            "No keychain service is available on this system (%1). Keys typed into the app cannot "
            "be kept; credentials from the environment and the AWS configuration files still work.")
                             .arg(result.message);
    }
    return result;
}

template<typename JobType>
void startJob(JobType *job, const QString &key, QObject *context, const SecretStore::Callback &done)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    const QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, context, [guard, done](QKeychain::Job *finished) {
        if (!guard)
            return;
        auto result = toResult(*finished);
        if (result.status == SecretStore::Status::Ok) {
            if (auto *reader = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                result.data = reader->binaryData();
        }
        done(result);
    });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{ }

void KeychainSecretStore::read(const QString &key, QObject *context, Callback done)
{
    startJob(new QKeychain::ReadPasswordJob(m_service), key, context, done);
}

void KeychainSecretStore::write(const QString &key, const QByteArray &secret, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setBinaryData(secret);
    startJob(job, key, context, done);
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Callback done)
{
    startJob(new QKeychain::DeletePasswordJob(m_service), key, context, done);
}

} // namespace mgn
