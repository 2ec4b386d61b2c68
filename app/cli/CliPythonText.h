#pragma once

#include "app/cli/CliValue.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <utility>

namespace mgn {

// What Python makes of a parsed answer as text, for the AWS CLI's text and
// table formatters, which print every value with str(): str() and repr() of
// a dict, list, str, int, float, bool or None, and how sorted() orders keys.
class CliPythonText final
{
public:
    // str(value): a string as it is, True/False, None, an integer in
    // decimal, a float as repr() writes it, a list or dict as repr().
    static QString str(const CliValue &value);
    // repr(value): strings quoted and escaped as Python does ('a', "it's").
    static QString repr(const CliValue &value);
    // repr(float): the shortest text that reads back the same double, fixed
    // between 1e-4 and 1e16 (100.0, 0.0001), else exponential (1e-05, 1e+16).
    static QString floatRepr(double value);
    // Python's ordering of str: by code point, not UTF-16 code unit.
    static bool lessThan(QStringView left, QStringView right);
    // bool(value): false for None, False, 0, 0.0, "", [] and {}.
    static bool isTruthy(const CliValue &value);
    // An object's members as the Python dict that json.loads makes of them:
    // each name once, where it first appears, with its last value.
    static QList<std::pair<QString, const CliValue *>> dictItems(const CliValue &object);
    // dict[key]: the last member of that name, or nullptr.
    static const CliValue *dictGet(const CliValue &object, QStringView key);
    static bool isContainer(const CliValue &value)
    {
        return value.type == CliValue::Type::List || value.type == CliValue::Type::Object;
    }
};

} // namespace mgn
