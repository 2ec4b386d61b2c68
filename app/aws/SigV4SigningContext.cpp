#include "app/aws/SigV4SigningContext.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace mgn {

std::optional<SigV4SigningContext> SigV4SigningContext::fromJson(const QByteArray &json, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<SigV4SigningContext> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!document.isObject())
        return fail(QStringLiteral("the context is not a JSON object"));
    const QJsonObject root = document.object();

    SigV4SigningContext context;
    const QJsonObject credentials = root.value(u"credentials").toObject();
    context.credentials.accessKeyId = credentials.value(u"access_key_id").toString();
    context.credentials.secretAccessKey = credentials.value(u"secret_access_key").toString();
    if (credentials.contains(u"token"))
        context.credentials.sessionToken = credentials.value(u"token").toString();
    if (!context.credentials.isValid())
        return fail(
            QStringLiteral("credentials.access_key_id and credentials.secret_access_key are required"));

    context.region = root.value(u"region").toString();
    context.service = root.value(u"service").toString();
    if (context.region.isEmpty() || context.service.isEmpty())
        return fail(QStringLiteral("region and service are required"));

    context.timestamp = QDateTime::fromString(root.value(u"timestamp").toString(), Qt::ISODate);
    if (!context.timestamp.isValid())
        return fail(QStringLiteral("timestamp is missing or not ISO 8601"));
    context.timestamp = context.timestamp.toUTC();

    context.normalize = root.value(u"normalize").toBool(true);
    context.signBody = root.value(u"sign_body").toBool(false);
    context.omitSessionToken = root.value(u"omit_session_token").toBool(false);
    context.expirationInSeconds = root.value(u"expiration_in_seconds").toInt(3600);
    context.signedBodyValue = root.value(u"signed_body_value").toString();
    return context;
}

SigV4Signer::Options SigV4SigningContext::signerOptions() const
{
    SigV4Signer::Options options;
    options.region = region;
    options.service = service;
    options.normalizePath = normalize;
    // S3 is the one service that signs the path as sent.
    options.encodePath = service != u"s3";
    options.addContentSha256Header = signBody;
    options.unsignedPayload = signedBodyValue == u"UNSIGNED-PAYLOAD";
    options.omitSessionTokenFromSignature = omitSessionToken;
    options.expiresInSeconds = expirationInSeconds;
    return options;
}

} // namespace mgn
