#pragma once

#include "models/json/JsonTape.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace mgn {

// A JsonTape value as the QJsonValue it stands for, built through JsonTape's
// public reading API, to compare with what QJsonDocument parses from the same
// text (tst_jsontape, fuzz_json_tape). Members are inserted in document
// order, so a later duplicate replaces an earlier one, as in QJsonDocument.
inline QJsonValue jsonTapeToJson(mgn::JsonTape::Value value)
{
    using Type = mgn::JsonTape::Type;
    switch (value.type()) {
    case Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Type::Bool:
        return QJsonValue(value.toBool());
    case Type::Number:
        return value.isInteger() ? QJsonValue(value.toInteger()) : QJsonValue(value.toDouble());
    case Type::String:
        return QJsonValue(value.toString());
    case Type::Array: {
        QJsonArray array;
        for (mgn::JsonTape::Value element = value.firstChild(); element.isValid(); element = element.next())
            array.append(jsonTapeToJson(element));
        return array;
    }
    case Type::Object: {
        QJsonObject object;
        for (mgn::JsonTape::Value name = value.firstChild(); name.isValid();) {
            const mgn::JsonTape::Value member = name.next();
            object.insert(name.toString(), jsonTapeToJson(member));
            name = member.next();
        }
        return object;
    }
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace mgn
