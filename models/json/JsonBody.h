#pragma once

#include "models/json/JsonError.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace mgn::JsonBody {

// The body of a JSON response as an object, or nullopt with error set: not
// JSON (with Qt's reason and the offset), or an array at the top level. The
// one reader of response bodies for the page envelopes and the single calls.
std::optional<QJsonObject> parseObject(const QByteArray &body, std::optional<JsonError> &error);

} // namespace mgn::JsonBody
