#include "models/json/JsonWriter.h"

#include "models/json/Iso8601.h"

namespace mgn {

void JsonWriter::string(QLatin1StringView key, const std::optional<QString> &value)
{
    if (value)
        m_object.insert(key, *value);
}

void JsonWriter::boolean(QLatin1StringView key, const std::optional<bool> &value)
{
    if (value)
        m_object.insert(key, *value);
}

void JsonWriter::integer(QLatin1StringView key, const std::optional<qint64> &value)
{
    if (value)
        m_object.insert(key, QJsonValue(*value));
}

void JsonWriter::dateTime(QLatin1StringView key, const std::optional<qint64> &value)
{
    if (value)
        m_object.insert(key, Iso8601::formatDateTime(*value));
}

void JsonWriter::duration(QLatin1StringView key, const std::optional<qint64> &value)
{
    if (value)
        m_object.insert(key, Iso8601::formatDuration(*value));
}

void JsonWriter::stringList(QLatin1StringView key, const std::optional<QStringList> &value)
{
    if (value)
        m_object.insert(key, QJsonArray::fromStringList(*value));
}

void JsonWriter::stringMap(QLatin1StringView key, const std::optional<QMap<QString, QString>> &value)
{
    if (!value)
        return;
    QJsonObject map;
    for (auto it = value->begin(); it != value->end(); ++it)
        map.insert(it.key(), it.value());
    m_object.insert(key, map);
}

} // namespace mgn
