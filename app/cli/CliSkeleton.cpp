#include "app/cli/CliSkeleton.h"

#include "app/cli/PythonJson.h"

namespace mgn {

using namespace Qt::Literals::StringLiterals;
using api::Shape;
using api::ShapeType;

namespace {

CliValue generate(const Shape &shape, QStringList &stack, bool useMemberNames, const QString &name)
{
    stack.append(shape.name);
    CliValue value;
    switch (shape.type) {
    case ShapeType::Structure:
        value.type = CliValue::Type::Object;
        if (stack.count(shape.name) > 1)
            break;
        for (const api::Member &member : shape.members)
            value.members.append(
                { member.name, generate(*member.shape, stack, useMemberNames, member.name) });
        break;
    case ShapeType::List:
        value.type = CliValue::Type::List;
        value.items.append(
            generate(*shape.member, stack, useMemberNames, useMemberNames ? shape.member->name : QString()));
        break;
    case ShapeType::Map:
        value.type = CliValue::Type::Object;
        value.members.append({ u"KeyName"_s, generate(*shape.value, stack, useMemberNames, QString()) });
        break;
    case ShapeType::String:
        value.type = CliValue::Type::String;
        if (useMemberNames)
            value.string = name;
        else if (!shape.enumValues.isEmpty())
            value.string = shape.enumValues.first();
        break;
    case ShapeType::Integer:
    case ShapeType::Long:
        value.type = CliValue::Type::Integer;
        break;
    case ShapeType::Float:
    case ShapeType::Double:
        value.type = CliValue::Type::Double;
        break;
    case ShapeType::Boolean:
        value.type = CliValue::Type::Bool;
        value.boolean = true;
        break;
    case ShapeType::Timestamp:
        // datetime(1970, 1, 1) through the CLI's json_encoder (isoformat()).
        value.type = CliValue::Type::String;
        value.string = u"1970-01-01T00:00:00"_s;
        break;
    case ShapeType::Blob:
        // ArgumentGenerator has no case for blobs: None.
        break;
    }
    stack.removeLast();
    return value;
}

} // namespace

CliValue CliSkeleton::of(const Shape &shape, bool useMemberNames)
{
    QStringList stack;
    return generate(shape, stack, useMemberNames, QString());
}

CliValue CliSkeleton::input(const api::Operation &operation)
{
    if (!operation.input)
        return CliValue { CliValue::Type::Object, {}, {}, {}, {}, {}, {} };
    return of(*operation.input, false);
}

CliValue CliSkeleton::output(const api::Operation &operation)
{
    if (!operation.output)
        return CliValue { CliValue::Type::Object, {}, {}, {}, {}, {}, {} };
    return of(*operation.output, true);
}

QByteArray CliSkeleton::inputText(const api::Operation &operation)
{
    return PythonJson::dumps(input(operation), true) + '\n';
}

} // namespace mgn
