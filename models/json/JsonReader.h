#pragma once

#include "models/domain/EnumValue.h"
#include "models/json/JsonError.h"
#include "models/json/JsonPath.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1String>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <type_traits>
#include <utility>

namespace mgn {

// Reads the members of one JSON object into optional values, the way the
// codecs want it:
// - an absent member, or a JSON null, is std::nullopt (absent stays absent);
// - a member of the wrong type records an error naming its full path and
//   yields std::nullopt; only the first error of an item is kept, and once
//   there is one every further read yields std::nullopt at once;
// - unknown members are never looked at.
// Nested objects get a reader of their own sharing the same error slot.
class JsonReader final
{
public:
    JsonReader(const QJsonObject &object, const JsonPath &path, std::optional<JsonError> &error)
        : m_object(object)
        , m_path(path)
        , m_error(error)
    { }

    const JsonPath &path() const { return m_path; }
    bool failed() const { return m_error.has_value(); }
    // Records an error unless one is recorded already.
    void fail(const JsonPath &path, const QString &message);

    std::optional<QString> string(QLatin1StringView key);
    // A member the API model marks as required: absence is an error too.
    QString requiredString(QLatin1StringView key);
    std::optional<bool> boolean(QLatin1StringView key);
    // A whole number (QJsonValue::toInteger semantics) of at least `minimum`:
    // 0 for the model's PositiveInteger, 1 for StrictlyPositiveInteger.
    std::optional<qint64> integer(QLatin1StringView key, qint64 minimum);
    // An ISO-8601 string, as milliseconds (see Iso8601).
    std::optional<qint64> dateTime(QLatin1StringView key);
    std::optional<qint64> duration(QLatin1StringView key);
    std::optional<QStringList> stringList(QLatin1StringView key);
    std::optional<QMap<QString, QString>> stringMap(QLatin1StringView key);

    // A value of the service this build does not know is kept, not an error.
    template<typename E> std::optional<EnumValue<E>> enumeration(QLatin1StringView key)
    {
        const QJsonValue value = member(key, QJsonValue::String, u"a string");
        if (value.isUndefined())
            return std::nullopt;
        return EnumValue<E>::fromWire(value.toString());
    }

    // A nested object, decoded by decode(JsonReader &) -> T.
    template<typename Decode>
    auto object(QLatin1StringView key, Decode decode)
        -> std::optional<std::invoke_result_t<Decode, JsonReader &>>
    {
        const QJsonValue value = member(key, QJsonValue::Object, u"an object");
        if (value.isUndefined())
            return std::nullopt;
        return decodeObject(value.toObject(), m_path.member(key), decode);
    }

    // An array of objects, each decoded by decode(JsonReader &) -> T.
    template<typename Decode>
    auto objectList(QLatin1StringView key, Decode decode)
        -> std::optional<QList<std::invoke_result_t<Decode, JsonReader &>>>
    {
        const QJsonValue value = member(key, QJsonValue::Array, u"an array");
        if (value.isUndefined())
            return std::nullopt;
        return decodeObjectList(value.toArray(), m_path.member(key), decode);
    }

    // An object whose members are objects, each decoded by decode.
    template<typename Decode>
    auto objectMap(QLatin1StringView key, Decode decode)
        -> std::optional<QMap<QString, std::invoke_result_t<Decode, JsonReader &>>>
    {
        using T = std::invoke_result_t<Decode, JsonReader &>;
        const QJsonValue value = member(key, QJsonValue::Object, u"an object");
        if (value.isUndefined())
            return std::nullopt;
        const JsonPath mapPath = m_path.member(key);
        const QJsonObject map = value.toObject();
        QMap<QString, T> result;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString name = it.key();
            const JsonPath entryPath = mapPath.member(name);
            if (!expect(it.value(), QJsonValue::Object, entryPath, u"an object"))
                return std::nullopt;
            auto entry = decodeObject(it.value().toObject(), entryPath, decode);
            if (!entry)
                return std::nullopt;
            result.insert(name, std::move(*entry));
        }
        return result;
    }

    // An object whose members are arrays of objects (SsmDocument.parameters).
    template<typename Decode>
    auto objectListMap(QLatin1StringView key, Decode decode)
        -> std::optional<QMap<QString, QList<std::invoke_result_t<Decode, JsonReader &>>>>
    {
        using T = std::invoke_result_t<Decode, JsonReader &>;
        const QJsonValue value = member(key, QJsonValue::Object, u"an object");
        if (value.isUndefined())
            return std::nullopt;
        const JsonPath mapPath = m_path.member(key);
        const QJsonObject map = value.toObject();
        QMap<QString, QList<T>> result;
        for (auto it = map.begin(); it != map.end(); ++it) {
            const QString name = it.key();
            const JsonPath entryPath = mapPath.member(name);
            if (!expect(it.value(), QJsonValue::Array, entryPath, u"an array"))
                return std::nullopt;
            auto entry = decodeObjectList(it.value().toArray(), entryPath, decode);
            if (!entry)
                return std::nullopt;
            result.insert(name, std::move(*entry));
        }
        return result;
    }

    // "a string", "a number", "an object", ...: what a value is, for messages.
    static QString typeName(const QJsonValue &value);

private:
    // The member if it is present, not null and of `type`; an undefined
    // value otherwise (after recording an error if the type is wrong).
    QJsonValue member(QLatin1StringView key, QJsonValue::Type type, QStringView expected);
    bool expect(const QJsonValue &value, QJsonValue::Type type, const JsonPath &path, QStringView expected);

    template<typename Decode>
    auto decodeObject(const QJsonObject &object, const JsonPath &path, Decode &decode)
        -> std::optional<std::invoke_result_t<Decode, JsonReader &>>
    {
        JsonReader reader(object, path, m_error);
        auto result = decode(reader);
        if (failed())
            return std::nullopt;
        return result;
    }

    template<typename Decode>
    auto decodeObjectList(const QJsonArray &array, const JsonPath &path, Decode &decode)
        -> std::optional<QList<std::invoke_result_t<Decode, JsonReader &>>>
    {
        QList<std::invoke_result_t<Decode, JsonReader &>> result;
        result.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            const JsonPath elementPath = path.element(i);
            const QJsonValue element = array.at(i);
            if (!expect(element, QJsonValue::Object, elementPath, u"an object"))
                return std::nullopt;
            auto decoded = decodeObject(element.toObject(), elementPath, decode);
            if (!decoded)
                return std::nullopt;
            result.append(std::move(*decoded));
        }
        return result;
    }

    const QJsonObject &m_object;
    const JsonPath &m_path;
    std::optional<JsonError> &m_error;
};

} // namespace mgn
