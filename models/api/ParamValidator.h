#pragma once

#include "models/api/ApiModel.h"

#include <QJsonObject>
#include <QJsonValue>
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
    // What was checked, for a caller that words it its own way (the emulator
    // answers in the service's words).
    enum class Constraint : quint8 {
        Required,
        Unknown,
        Type,
        MinLength,
        MaxLength,
        MinValue,
        MaxValue,
        Enum,
        Pattern,
        Union
    };
    Constraint constraint = Constraint::Type;
    const Shape *shape = nullptr; // the shape checked (its enum, its pattern)
    double limit = 0; // the bound of a length or value constraint
    QJsonValue value; // the offending value; undefined for a missing member
    bool sensitive = false; // in or under a sensitive shape

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
