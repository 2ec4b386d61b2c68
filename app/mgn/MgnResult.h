#pragma once

#include "app/aws/AwsError.h"

#include <QString>

#include <functional>
#include <optional>

namespace mgn {

// The outcome of one MgnClient operation: a value or an error, never both,
// and the request ID of the last response (for a support case).
template<typename T> struct MgnResult final {
    std::optional<T> value;
    std::optional<AwsError> error;
    QString requestId;

    bool ok() const { return value.has_value(); }
};

// For operations whose success carries no body (204, or 200 with "{}").
struct MgnNothing final {
    bool operator==(const MgnNothing &) const = default;
};

template<typename T> using MgnCallback = std::function<void(const MgnResult<T> &result)>;

} // namespace mgn
