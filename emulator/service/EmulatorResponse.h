#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace mgn {

// What the emulator answers, as the real service would: a status, headers
// (x-amzn-RequestId, x-amzn-ErrorType for errors, Content-Type) and a body.
struct EmulatorResponse final {
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    int status = 200;
    Headers headers;
    QByteArray body;

    // A JSON body with the operation's documented success code.
    static EmulatorResponse json(int status, const QJsonObject &body);
    // The same with a body already written as JSON text.
    static EmulatorResponse json(int status, QByteArray body);
    // 204 and the like.
    static EmulatorResponse empty(int status);
    // An error as MGN sends it: the status, x-amzn-ErrorType: <type>, and a
    // JSON body with "message" and the members of that error shape.
    static EmulatorResponse error(
        int status, const QString &type, const QString &message, const QJsonObject &members = {});
};

} // namespace mgn
