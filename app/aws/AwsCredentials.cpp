#include "app/aws/AwsCredentials.h"

#include <QDebug>
#include <QDebugStateSaver>

namespace mgn {

QDebug operator<<(QDebug debug, const AwsCredentials &credentials)
{
    const QDebugStateSaver saver(debug);
    constexpr qsizetype shownKeyChars = 4;
    const QString &keyId = credentials.accessKeyId;
    const QString maskedKeyId = keyId.size() > shownKeyChars
        ? QString(keyId.size() - shownKeyChars, u'*') + keyId.right(shownKeyChars)
        : QString(keyId.size(), u'*');
    debug.nospace() << "AwsCredentials(accessKeyId=" << qUtf8Printable(maskedKeyId) << ", secretAccessKey="
                    << (credentials.secretAccessKey.isEmpty() ? "<empty>" : "<redacted>")
                    << ", sessionToken=" << (credentials.hasSessionToken() ? "<redacted>" : "<none>");
    if (credentials.expiration)
        debug << ", expiration=" << qUtf8Printable(credentials.expiration->toUTC().toString(Qt::ISODate));
    debug << ')';
    return debug;
}

} // namespace mgn
