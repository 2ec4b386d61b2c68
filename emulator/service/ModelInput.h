#pragma once

#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

#include <QJsonObject>
#include <QLatin1String>

#include <optional>

namespace mgn::api {
struct Shape;
}

namespace mgn {

// The JSON body of a configuration operation, checked against the
// operation's input shape in the API model (required members, types,
// lengths, patterns, ranges, enums), with the wording of RequestReader.
// Until the model-driven dispatch checks every request, the configuration
// operations check theirs here.
namespace ModelInput {
// The body, or nullopt with the ValidationException in *error.
std::optional<QJsonObject> read(
    QLatin1StringView operation, const EmulatorRequest &request, EmulatorResponse *error);
// The members of `source` that `shape` declares (a request's members that
// belong to a resource's shape).
QJsonObject project(const mgn::api::Shape &shape, const QJsonObject &source);
// `target` with the members of `update` that `shape` declares replaced.
QJsonObject merge(const mgn::api::Shape &shape, QJsonObject target, const QJsonObject &update);
// The model's shape by name; a missing one is a build defect.
const mgn::api::Shape &shape(QLatin1StringView name);
} // namespace ModelInput

} // namespace mgn
