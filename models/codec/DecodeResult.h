#pragma once

#include "models/json/JsonError.h"

#include <optional>

namespace mgn {

// A decoded value, or the first error that stopped its decoding: exactly one
// of the two is set.
template<typename T> struct DecodeResult final {
    std::optional<T> value;
    std::optional<JsonError> error;

    bool ok() const { return value.has_value(); }
};

} // namespace mgn
