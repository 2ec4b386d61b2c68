#pragma once

#include "models/codec/DecodeError.h"
#include "models/json/JsonError.h"

#include <QList>
#include <QString>

#include <optional>

namespace mgn {

// One page of a list response ({"items": [...], "nextToken": "..."}).
// A malformed item lands in errors and the others in items. pageError is set
// when the body as a whole cannot be read (not JSON, not an object, "items"
// not an array, "nextToken" not a string): paging cannot go on then, though
// items decoded before the fault are kept.
template<typename T> struct Page final {
    QList<T> items;
    QList<DecodeError> errors;
    std::optional<QString> nextToken;
    std::optional<JsonError> pageError;

    bool operator==(const Page &) const = default;
};

} // namespace mgn
