#include "models/codec/TagsCodec.h"

#include "models/json/JsonReader.h"

using namespace Qt::Literals::StringLiterals;

namespace mgn::TagsCodec {

QJsonObject encode(const Tags &tags)
{
    QJsonObject object;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

DecodeResult<Tags> decode(const QJsonObject &tags, const JsonPath &path)
{
    Tags result;
    for (auto it = tags.begin(); it != tags.end(); ++it) {
        const QJsonValue value = it.value();
        if (!value.isString())
            return { std::nullopt,
                JsonError { path.member(it.key()).toString(),
                    u"expected a string, got "_s + JsonReader::typeName(value) } };
        result.insert(it.key(), value.toString());
    }
    return { result, std::nullopt };
}

DecodeResult<Tags> decodeMember(const QJsonObject &object, QLatin1StringView key)
{
    std::optional<JsonError> error;
    const JsonPath root;
    JsonReader reader(object, root, error);
    std::optional<Tags> tags = reader.stringMap(key);
    if (error)
        return { std::nullopt, error };
    return { tags.value_or(Tags()), std::nullopt };
}

} // namespace mgn::TagsCodec
