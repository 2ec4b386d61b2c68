#pragma once

#include "models/api/ApiModel.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mgn::api {

struct ValidationProblem final {
    // The member path from the input root: "name", "tags.key",
    // "sourceServerIDs[2]"; a map key's own problem is at "tags (key: k)".
    QString path;
    // One line, in botocore's words where botocore checks the same thing:
    // "Invalid length for parameter name, value: 300, valid max length: 256".
    QString message;

    bool operator==(const ValidationProblem &) const = default;
};

// An input document checked against the model as the service checks it:
// required and unknown members, JSON types, lengths of strings, lists and
// maps (in code points, as Python's len), number ranges, enums, patterns
// (not anchored, as Smithy's @pattern) and unions (exactly one member).
// botocore checks a subset of these (validate.py); those messages are its
// own. Every problem is reported, members in QJsonObject's (sorted) order;
// none means the document is valid.
class ParamValidator final
{
public:
    static QList<ValidationProblem> validate(const Shape &input, const QJsonObject &document);
};

} // namespace mgn::api
