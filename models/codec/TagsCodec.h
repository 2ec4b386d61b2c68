#pragma once

#include "models/codec/DecodeResult.h"
#include "models/domain/SourceServer.h"
#include "models/json/JsonPath.h"

#include <QJsonObject>
#include <QLatin1String>

namespace mgn::TagsCodec {

// The API's TagsMap, {"key": "value", ...}: what TagResource and the launch
// calls send, ListTagsForResource answers and mgnctl's --tags takes.
QJsonObject encode(const Tags &tags);
// Every value must be a string; the error names the first that is not.
DecodeResult<Tags> decode(const QJsonObject &tags, const JsonPath &path = JsonPath());
// The map in the member `key` of `object`; absent or null is no tags.
DecodeResult<Tags> decodeMember(const QJsonObject &object, QLatin1StringView key);

} // namespace mgn::TagsCodec
