#pragma once

#include "models/domain/EnumValue.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <type_traits>

namespace mgn {

// Writes optional members into a JSON object the way the codecs want it: a
// member is emitted only when it is present, dates and durations in
// Iso8601's canonical form, enumerations as their wire text (an unknown
// value as the raw text it came with).
class JsonWriter final
{
public:
    explicit JsonWriter(QJsonObject &object)
        : m_object(object)
    { }

    void string(QLatin1StringView key, const std::optional<QString> &value);
    void boolean(QLatin1StringView key, const std::optional<bool> &value);
    void integer(QLatin1StringView key, const std::optional<qint64> &value);
    void dateTime(QLatin1StringView key, const std::optional<qint64> &value);
    void duration(QLatin1StringView key, const std::optional<qint64> &value);
    void stringList(QLatin1StringView key, const std::optional<QStringList> &value);
    void stringMap(QLatin1StringView key, const std::optional<QMap<QString, QString>> &value);

    template<typename E> void enumeration(QLatin1StringView key, const std::optional<EnumValue<E>> &value)
    {
        if (value)
            m_object.insert(key, value->toWire());
    }

    // For each of these, encode is either encode(const T &) -> QJsonObject or
    // encode(JsonWriter &, const T &) filling the members (the form a codec
    // shares with JsonTextWriter).
    template<typename T, typename Encode>
    void object(QLatin1StringView key, const std::optional<T> &value, Encode encode)
    {
        if (value)
            m_object.insert(key, encodeObject(*value, encode));
    }

    template<typename T, typename Encode>
    void objectList(QLatin1StringView key, const std::optional<QList<T>> &value, Encode encode)
    {
        if (value)
            m_object.insert(key, encodeList(*value, encode));
    }

    template<typename T, typename Encode>
    void objectMap(QLatin1StringView key, const std::optional<QMap<QString, T>> &value, Encode encode)
    {
        if (!value)
            return;
        QJsonObject map;
        for (auto it = value->begin(); it != value->end(); ++it)
            map.insert(it.key(), encodeObject(it.value(), encode));
        m_object.insert(key, map);
    }

    template<typename T, typename Encode>
    void objectListMap(
        QLatin1StringView key, const std::optional<QMap<QString, QList<T>>> &value, Encode encode)
    {
        if (!value)
            return;
        QJsonObject map;
        for (auto it = value->begin(); it != value->end(); ++it)
            map.insert(it.key(), encodeList(it.value(), encode));
        m_object.insert(key, map);
    }

    template<typename T, typename Encode> static QJsonArray encodeList(const QList<T> &list, Encode encode)
    {
        QJsonArray array;
        for (const T &element : list)
            array.append(encodeObject(element, encode));
        return array;
    }

    template<typename T, typename Encode> static QJsonObject encodeObject(const T &value, Encode encode)
    {
        if constexpr (std::is_invocable_v<Encode, JsonWriter &, const T &>) {
            QJsonObject object;
            JsonWriter writer(object);
            encode(writer, value);
            return object;
        } else {
            return encode(value);
        }
    }

private:
    QJsonObject &m_object;
};

} // namespace mgn
