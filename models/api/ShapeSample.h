#pragma once

#include "models/api/ApiModel.h"

#include <QJsonValue>

namespace mgn::api {

// A document that the model says is valid for a shape, for tests and
// fixtures: every optional member is present, lists and maps hold two
// entries, strings satisfy their length, pattern and enum and carry
// non-ASCII text where the pattern allows it, unions set exactly one member.
// The same shape and seed always give the same document; another seed gives
// other values (other enum members, other union branches).
class ShapeSample final
{
public:
    static QJsonValue of(const Shape &shape, int seed = 0);
    // The operation's input document ({} when it takes none).
    static QJsonObject input(const Operation &operation, int seed = 0);
    // The body the service answers with ({} when the output has no members).
    static QJsonObject output(const Operation &operation, int seed = 0);
    // A string of the shape (min/max length, pattern, enum).
    static QString string(const Shape &shape, int seed = 0);
};

} // namespace mgn::api
