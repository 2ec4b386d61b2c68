#pragma once

#include "models/codec/DecodeResult.h"
#include "models/domain/EnumValue.h"
#include "models/json/JsonError.h"
#include "models/json/JsonPath.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QList>
#include <QMap>
#include <QString>

#include <initializer_list>
#include <optional>
#include <utility>

namespace mgn::api {

// How the generated types of models/api/generated/ read and write JSON: one
// overload set, readJson/writeJson, for every kind of value of the model.
// Each generated structure adds its own pair as hidden friends, which the
// templates below find by argument-dependent lookup.
//
// Reading stops at the first error and records it with the full path of the
// value at fault ("items[3].dataReplicationInfo.lagDuration: expected a
// string, got a number"). Members a structure does not declare are never
// looked at: the service adds members over time. An absent member and a JSON
// null are the same: std::nullopt for an optional member, an error for a
// required one. Numbers are not checked against the model's min and max,
// strings not against its patterns: that is the service's and the
// validator's job, and a decoder that refused a value the service now allows
// would lose a whole answer for it.

// Records `message` at `path` unless an error is recorded already; false.
bool failJson(const JsonPath &path, const QString &message, std::optional<JsonError> &error);

bool readJson(const QJsonValue &json, const JsonPath &path, QString &out, std::optional<JsonError> &error);
bool readJson(const QJsonValue &json, const JsonPath &path, bool &out, std::optional<JsonError> &error);
bool readJson(const QJsonValue &json, const JsonPath &path, int &out, std::optional<JsonError> &error);
bool readJson(const QJsonValue &json, const JsonPath &path, qint64 &out, std::optional<JsonError> &error);
bool readJson(const QJsonValue &json, const JsonPath &path, double &out, std::optional<JsonError> &error);
template<typename E>
bool readJson(
    const QJsonValue &json, const JsonPath &path, EnumValue<E> &out, std::optional<JsonError> &error);
template<typename T>
bool readJson(const QJsonValue &json, const JsonPath &path, QList<T> &out, std::optional<JsonError> &error);
template<typename T>
bool readJson(
    const QJsonValue &json, const JsonPath &path, QMap<QString, T> &out, std::optional<JsonError> &error);

inline QJsonValue writeJson(const QString &value)
{
    return value;
}
inline QJsonValue writeJson(bool value)
{
    return value;
}
inline QJsonValue writeJson(int value)
{
    return value;
}
inline QJsonValue writeJson(qint64 value)
{
    return value;
}
inline QJsonValue writeJson(double value)
{
    return value;
}
template<typename E> QJsonValue writeJson(const EnumValue<E> &value);
template<typename T> QJsonArray writeJson(const QList<T> &values);
template<typename T> QJsonObject writeJson(const QMap<QString, T> &values);

// The object a structure is read from; an error if `json` is not an object.
bool readObject(
    const QJsonValue &json, const JsonPath &path, QJsonObject &object, std::optional<JsonError> &error);
// A union has exactly one member set; `set` says which of its members are.
// An object with none of the members this build knows but others is a member
// the service added since: it reads as no member set, not as an error.
bool readUnion(const QJsonObject &object, const JsonPath &path, std::initializer_list<bool> set,
    std::optional<JsonError> &error);

// A required member: absent (or null) is an error.
template<typename T>
bool readMember(const QJsonObject &object, QLatin1StringView key, const JsonPath &path, T &out,
    std::optional<JsonError> &error)
{
    const QJsonValue json = object.value(key);
    if (json.isUndefined() || json.isNull())
        return failJson(path.member(key), QStringLiteral("required member is missing"), error);
    return readJson(json, path.member(key), out, error);
}

// An optional member: absent (or null) stays absent.
template<typename T>
bool readMember(const QJsonObject &object, QLatin1StringView key, const JsonPath &path, std::optional<T> &out,
    std::optional<JsonError> &error)
{
    const QJsonValue json = object.value(key);
    if (json.isUndefined() || json.isNull())
        return true;
    T value {};
    if (!readJson(json, path.member(key), value, error))
        return false;
    out = std::move(value);
    return true;
}

// Only the members that are set are written.
template<typename T> void writeMember(QJsonObject &object, QLatin1StringView key, const T &value)
{
    object.insert(key, writeJson(value));
}

template<typename T>
void writeMember(QJsonObject &object, QLatin1StringView key, const std::optional<T> &value)
{
    if (value)
        object.insert(key, writeJson(*value));
}

// The whole document of a structure, from its root.
template<typename T> DecodeResult<T> decodeShape(const QJsonValue &json)
{
    DecodeResult<T> result;
    T value {};
    if (readJson(json, JsonPath(), value, result.error))
        result.value = std::move(value);
    return result;
}

// "expected a string, got a number"
QString expectedText(QStringView expected, const QJsonValue &got);

template<typename E>
bool readJson(
    const QJsonValue &json, const JsonPath &path, EnumValue<E> &out, std::optional<JsonError> &error)
{
    if (!json.isString())
        return failJson(path, expectedText(u"a string", json), error);
    // A value this build does not know is kept, not an error.
    out = EnumValue<E>::fromWire(json.toString());
    return true;
}

template<typename T>
bool readJson(const QJsonValue &json, const JsonPath &path, QList<T> &out, std::optional<JsonError> &error)
{
    if (!json.isArray())
        return failJson(path, expectedText(u"an array", json), error);
    const QJsonArray array = json.toArray();
    out.clear();
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        T value {};
        if (!readJson(array.at(i), path.element(i), value, error))
            return false;
        out.append(std::move(value));
    }
    return true;
}

template<typename T>
bool readJson(
    const QJsonValue &json, const JsonPath &path, QMap<QString, T> &out, std::optional<JsonError> &error)
{
    if (!json.isObject())
        return failJson(path, expectedText(u"an object", json), error);
    const QJsonObject object = json.toObject();
    out.clear();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        T value {};
        if (!readJson(it.value(), path.member(key), value, error))
            return false;
        out.insert(key, std::move(value));
    }
    return true;
}

template<typename E> QJsonValue writeJson(const EnumValue<E> &value)
{
    return value.toWire();
}

template<typename T> QJsonArray writeJson(const QList<T> &values)
{
    QJsonArray array;
    for (const T &value : values)
        array.append(writeJson(value));
    return array;
}

template<typename T> QJsonObject writeJson(const QMap<QString, T> &values)
{
    QJsonObject object;
    for (auto it = values.begin(); it != values.end(); ++it)
        object.insert(it.key(), writeJson(it.value()));
    return object;
}

} // namespace mgn::api
