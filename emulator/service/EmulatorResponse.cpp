#include "emulator/service/EmulatorResponse.h"

#include <QJsonDocument>
#include <QUuid>

namespace mgn {

namespace {

QByteArray requestId()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

} // namespace

EmulatorResponse EmulatorResponse::json(int status, const QJsonObject &body)
{
    return json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

EmulatorResponse EmulatorResponse::json(int status, QByteArray body)
{
    EmulatorResponse response;
    response.status = status;
    response.headers = { { "Content-Type", "application/json" }, { "x-amzn-RequestId", requestId() } };
    response.body = std::move(body);
    return response;
}

EmulatorResponse EmulatorResponse::empty(int status)
{
    EmulatorResponse response;
    response.status = status;
    response.headers = { { "x-amzn-RequestId", requestId() } };
    return response;
}

EmulatorResponse EmulatorResponse::error(
    int status, const QString &type, const QString &message, const QJsonObject &members)
{
    QJsonObject body = members;
    body.insert(QStringLiteral("message"), message);
    EmulatorResponse response = json(status, body);
    response.headers.append({ "x-amzn-ErrorType", type.toUtf8() });
    return response;
}

} // namespace mgn
