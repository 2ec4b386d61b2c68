#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"
#include "models/api/ApiModel.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mgn {

// Every request is checked against its operation's input shape before a
// handler sees it (api::ParamValidator's checks: required members, types,
// lengths, ranges, enums, unanchored patterns), and refused the way the
// service refuses it: 400 ValidationException, reason FIELD_VALIDATION_FAILED,
// a fieldList in the service's words. Members the model does not know are
// ignored, as the service ignores them.
namespace RequestValidation {
// The input document (body, path labels, query and headers under their
// member names), or nullopt with the answer in *error.
std::optional<QJsonObject> input(const mgn::api::Operation &operation, const EmulatorRequest &request,
    const QHash<QString, QString> &labels, EmulatorResponse *error);
} // namespace RequestValidation

} // namespace mgn
