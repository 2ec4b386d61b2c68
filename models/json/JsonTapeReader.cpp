#include "models/json/JsonTapeReader.h"

namespace mgn {

JsonTape::Value JsonTapeReader::member(QLatin1StringView key, JsonTape::Type type)
{
    if (m_failed)
        return {};
    const JsonTape::Value value = m_object.member(key);
    if (!value.isValid() || value.isNull())
        return {};
    if (value.type() != type) {
        fail();
        return {};
    }
    return value;
}

std::optional<QString> JsonTapeReader::string(QLatin1StringView key)
{
    const JsonTape::Value value = member(key, JsonTape::Type::String);
    if (!value.isValid())
        return std::nullopt;
    return value.toString();
}

QString JsonTapeReader::requiredString(QLatin1StringView key)
{
    if (m_failed)
        return {};
    const JsonTape::Value value = m_object.member(key);
    if (!value.isValid() || value.isNull()) {
        fail();
        return {};
    }
    return string(key).value_or(QString());
}

std::optional<bool> JsonTapeReader::boolean(QLatin1StringView key)
{
    const JsonTape::Value value = member(key, JsonTape::Type::Bool);
    if (!value.isValid())
        return std::nullopt;
    return value.toBool();
}

std::optional<qint64> JsonTapeReader::integer(QLatin1StringView key, qint64 minimum)
{
    const JsonTape::Value value = member(key, JsonTape::Type::Number);
    if (!value.isValid())
        return std::nullopt;
    // The tape keeps every whole number in qint64's range as an integer
    // (QJsonValue::toInteger's rule), so a double here is not one.
    if (!value.isInteger() || value.toInteger() < minimum)
        return fail();
    return value.toInteger();
}

std::optional<qint64> JsonTapeReader::dateTime(QLatin1StringView key)
{
    return iso8601(key, &Iso8601::parseDateTime);
}

std::optional<qint64> JsonTapeReader::duration(QLatin1StringView key)
{
    return iso8601(key, &Iso8601::parseDuration);
}

std::optional<qint64> JsonTapeReader::iso8601(QLatin1StringView key, Iso8601Result (*parse)(QStringView))
{
    const JsonTape::Value value = member(key, JsonTape::Type::String);
    if (!value.isValid())
        return std::nullopt;
    JsonTape::StringBuffer buffer;
    const Iso8601Result parsed = parse(value.toStringView(buffer));
    if (!parsed.ok())
        return fail();
    return parsed.value;
}

std::optional<QStringList> JsonTapeReader::stringList(QLatin1StringView key)
{
    const JsonTape::Value value = member(key, JsonTape::Type::Array);
    if (!value.isValid())
        return std::nullopt;
    QStringList result;
    result.reserve(value.size());
    for (JsonTape::Value element = value.firstChild(); element.isValid(); element = element.next()) {
        if (element.type() != JsonTape::Type::String)
            return fail();
        result.append(element.toString());
    }
    return result;
}

std::optional<QMap<QString, QString>> JsonTapeReader::stringMap(QLatin1StringView key)
{
    const JsonTape::Value value = member(key, JsonTape::Type::Object);
    if (!value.isValid())
        return std::nullopt;
    // In document order, so a later duplicate replaces an earlier one, as in
    // QJsonObject.
    QMap<QString, QString> result;
    for (JsonTape::Value name = value.firstChild(); name.isValid();) {
        const JsonTape::Value entry = name.next();
        if (entry.type() != JsonTape::Type::String)
            return fail();
        result.insert(name.toString(), entry.toString());
        name = entry.next();
    }
    return result;
}

} // namespace mgn
