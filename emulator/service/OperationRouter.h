#pragma once

#include "models/api/ApiModel.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace mgn {

// Finds the operation of the API model a request is for, by HTTP method and
// requestUri, as the service's front end does: "/tags/{resourceArn}" matches
// any one path segment and hands it over percent-decoded.
namespace OperationRouter {
struct Match final {
    const mgn::api::Operation *operation = nullptr; // nullptr: no operation has that path and method
    QHash<QString, QString> labels; // by the label's name in the requestUri
};

Match match(const mgn::api::ApiModel &model, const QByteArray &method, const QByteArray &path);
} // namespace OperationRouter

} // namespace mgn
