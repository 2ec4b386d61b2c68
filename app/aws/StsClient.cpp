#include "app/aws/StsClient.h"

#include "app/aws/SigV4Signer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QXmlStreamReader>

namespace mgn {

namespace {

QByteArray formValue(const QString &value)
{
    return SigV4Signer::uriEncode(value.toUtf8());
}

// The text of the first element with each of the given names, anywhere.
QMap<QString, QString> readElements(const QByteArray &xml, const QStringList &names, QString *parseError)
{
    QMap<QString, QString> found;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement) {
            const QString name = reader.name().toString();
            if (names.contains(name) && !found.contains(name))
                found.insert(name, reader.readElementText(QXmlStreamReader::SkipChildElements));
        }
    }
    if (reader.hasError() && parseError)
        *parseError = reader.errorString();
    return found;
}

} // namespace

StsClient::StsClient(QNetworkAccessManager *network, QUrl endpoint, QString region, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoint(std::move(endpoint))
    , m_region(std::move(region))
{ }

QByteArray StsClient::formBody(const AssumeRoleRequest &request)
{
    QByteArray body = "Action=AssumeRole&Version=2011-06-15&RoleArn=" + formValue(request.roleArn)
        + "&RoleSessionName=" + formValue(request.roleSessionName);
    if (request.durationSeconds)
        body += "&DurationSeconds=" + QByteArray::number(*request.durationSeconds);
    if (request.externalId)
        body += "&ExternalId=" + formValue(*request.externalId);
    return body;
}

StsClient::Result StsClient::parseResponse(int httpStatus, const QByteArray &body)
{
    QString parseError;
    if (httpStatus < 200 || httpStatus >= 300) {
        const auto error
            = readElements(body, { QStringLiteral("Code"), QStringLiteral("Message") }, &parseError);
        const QString code = error.value(QStringLiteral("Code"), QStringLiteral("HTTP %1").arg(httpStatus));
        return { std::nullopt,
            tr("AssumeRole failed: %1: %2").arg(code, error.value(QStringLiteral("Message"))) };
    }
    const auto values = readElements(body,
        { QStringLiteral("AccessKeyId"), QStringLiteral("SecretAccessKey"), QStringLiteral("SessionToken"),
            QStringLiteral("Expiration") },
        &parseError);
    if (!parseError.isEmpty())
        return { std::nullopt, tr("AssumeRole answered malformed XML: %1").arg(parseError) };
    AwsCredentials credentials;
    credentials.accessKeyId = values.value(QStringLiteral("AccessKeyId"));
    credentials.secretAccessKey = values.value(QStringLiteral("SecretAccessKey"));
    const QString token = values.value(QStringLiteral("SessionToken"));
    if (!credentials.isValid() || token.isEmpty())
        return { std::nullopt, tr("AssumeRole answered without complete credentials") };
    credentials.sessionToken = token;
    const auto expiration
        = QDateTime::fromString(values.value(QStringLiteral("Expiration")), Qt::ISODateWithMs);
    if (!expiration.isValid())
        return { std::nullopt, tr("AssumeRole answered an unreadable Expiration") };
    credentials.expiration = expiration.toUTC();
    return { credentials, QString() };
}

void StsClient::assumeRole(const AssumeRoleRequest &request, const AwsCredentials &source, Callback done)
{
    QUrl url = m_endpoint;
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    QNetworkRequest networkRequest(url);
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader,
        QByteArrayLiteral("application/x-www-form-urlencoded; charset=utf-8"));
    networkRequest.setTransferTimeout(m_timeoutMs);
    const QByteArray body = formBody(request);

    SigV4Signer::Options options;
    options.region = m_region.isEmpty() ? QStringLiteral("us-east-1") : m_region;
    options.service = QStringLiteral("sts");
    const SigV4Signer signer(options, m_clock);
    signer.signNetworkRequest(networkRequest, "POST", body, source);

    QNetworkReply *reply = m_network->post(networkRequest, body);
    connect(reply, &QNetworkReply::finished, this, [reply, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            done({ std::nullopt, tr("AssumeRole failed: %1").arg(reply->errorString()) });
            return;
        }
        done(parseResponse(status, reply->readAll()));
    });
}

} // namespace mgn
