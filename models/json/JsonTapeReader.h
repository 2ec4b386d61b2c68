#pragma once

#include "models/domain/EnumValue.h"
#include "models/json/Iso8601.h"
#include "models/json/JsonTape.h"

#include <QLatin1String>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <type_traits>
#include <utility>

namespace mgn {

// JsonReader's twin over a JsonTape, for the codecs' fast path: the same
// members, answering the same values for the same text. It does not say what
// is wrong: the first member of the wrong type (or out of range) only marks
// the read failed, and the caller decodes the text again with JsonReader,
// whose error names the path. Valid pages, the common case, are read once.
class JsonTapeReader final
{
public:
    JsonTapeReader(JsonTape::Value object, bool &failed)
        : m_object(object)
        , m_failed(failed)
    { }

    bool failed() const { return m_failed; }

    std::optional<QString> string(QLatin1StringView key);
    QString requiredString(QLatin1StringView key);
    std::optional<bool> boolean(QLatin1StringView key);
    std::optional<qint64> integer(QLatin1StringView key, qint64 minimum);
    std::optional<qint64> dateTime(QLatin1StringView key);
    std::optional<qint64> duration(QLatin1StringView key);
    std::optional<QStringList> stringList(QLatin1StringView key);
    std::optional<QMap<QString, QString>> stringMap(QLatin1StringView key);

    template<typename E> std::optional<EnumValue<E>> enumeration(QLatin1StringView key)
    {
        const JsonTape::Value value = member(key, JsonTape::Type::String);
        if (!value.isValid())
            return std::nullopt;
        JsonTape::StringBuffer buffer;
        return EnumValue<E>::fromWire(value.toStringView(buffer));
    }

    template<typename Decode>
    auto object(QLatin1StringView key, Decode decode)
        -> std::optional<std::invoke_result_t<Decode, JsonTapeReader &>>
    {
        const JsonTape::Value value = member(key, JsonTape::Type::Object);
        if (!value.isValid())
            return std::nullopt;
        return decodeObject(value, decode);
    }

    template<typename Decode>
    auto objectList(QLatin1StringView key, Decode decode)
        -> std::optional<QList<std::invoke_result_t<Decode, JsonTapeReader &>>>
    {
        const JsonTape::Value value = member(key, JsonTape::Type::Array);
        if (!value.isValid())
            return std::nullopt;
        QList<std::invoke_result_t<Decode, JsonTapeReader &>> result;
        result.reserve(value.size());
        for (JsonTape::Value element = value.firstChild(); element.isValid(); element = element.next()) {
            if (element.type() != JsonTape::Type::Object)
                return fail();
            auto decoded = decodeObject(element, decode);
            if (!decoded)
                return std::nullopt;
            result.append(std::move(*decoded));
        }
        return result;
    }

private:
    // Marks the read failed; converts to any empty optional.
    std::nullopt_t fail()
    {
        m_failed = true;
        return std::nullopt;
    }

    // The member if present, not null and of `type`; invalid otherwise
    // (failed if the type is wrong).
    JsonTape::Value member(QLatin1StringView key, JsonTape::Type type);
    // A string member parsed by Iso8601::parseDateTime or parseDuration.
    std::optional<qint64> iso8601(QLatin1StringView key, Iso8601Result (*parse)(QStringView));

    template<typename Decode>
    auto decodeObject(JsonTape::Value object, Decode &decode)
        -> std::optional<std::invoke_result_t<Decode, JsonTapeReader &>>
    {
        JsonTapeReader reader(object, m_failed);
        auto result = decode(reader);
        if (failed())
            return std::nullopt;
        return result;
    }

    JsonTape::Value m_object;
    bool &m_failed;
};

} // namespace mgn
