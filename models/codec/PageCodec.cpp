#include "models/codec/PageCodec.h"

#include "models/json/JsonBody.h"
#include "models/json/JsonReader.h"

using namespace Qt::Literals::StringLiterals;

namespace mgn {

QLatin1StringView PageCodec::itemsKey()
{
    return "items"_L1;
}

PageCodec::Envelope PageCodec::parseEnvelope(const QByteArray &bytes, Parser parser)
{
    if (parser == Parser::Fast) {
        if (std::optional<Envelope> envelope = parseTapeEnvelope(bytes))
            return std::move(*envelope);
    }
    Envelope envelope;
    envelope.text = bytes;
    envelope.body = JsonBody::parseObject(bytes, envelope.pageError);
    if (envelope.body) {
        envelope.nextToken = nextToken(*envelope.body, envelope.pageError);
        itemsOf(*envelope.body, envelope.pageError);
    }
    return envelope;
}

std::optional<PageCodec::Envelope> PageCodec::parseTapeEnvelope(const QByteArray &bytes)
{
    std::optional<JsonTape> tape = JsonTape::parse(bytes);
    if (!tape)
        return std::nullopt;
    Envelope envelope;
    const JsonTape::Value token = tape->root().member("nextToken"_L1);
    if (token.isValid() && !token.isNull()) {
        if (token.type() != JsonTape::Type::String)
            return std::nullopt; // QJsonDocument's path reports it
        envelope.nextToken = token.toString();
    }
    const JsonTape::Value items = tape->root().member(itemsKey());
    if (items.isValid() && !items.isNull() && items.type() != JsonTape::Type::Array)
        return std::nullopt;
    envelope.text = bytes;
    envelope.tape = std::make_shared<const JsonTape>(std::move(*tape));
    return envelope;
}

std::optional<QString> PageCodec::nextToken(const QJsonObject &body, std::optional<JsonError> &error)
{
    const QJsonValue token = body.value("nextToken"_L1);
    if (token.isString())
        return token.toString();
    if (!token.isUndefined() && !token.isNull())
        error = JsonError { u"nextToken"_s, u"expected a string, got "_s + JsonReader::typeName(token) };
    return std::nullopt;
}

std::optional<QJsonArray> PageCodec::itemsOf(const QJsonObject &body, std::optional<JsonError> &error)
{
    const QJsonValue items = body.value(itemsKey());
    if (items.isArray())
        return items.toArray();
    if (items.isUndefined() || items.isNull())
        return QJsonArray();
    error = JsonError { QString(itemsKey()), u"expected an array, got "_s + JsonReader::typeName(items) };
    return std::nullopt;
}

DecodeError PageCodec::notAnObject(qsizetype index, const QJsonValue &item, const JsonPath &path)
{
    return DecodeError { index, QString(), path.toString(),
        u"expected an object, got "_s + JsonReader::typeName(item) };
}

DecodeError PageCodec::itemError(
    qsizetype index, const QJsonObject &item, QLatin1StringView idKey, const JsonError &error)
{
    QString id;
    if (!idKey.isEmpty()) {
        const QJsonValue idValue = item.value(idKey);
        if (idValue.isString())
            id = idValue.toString();
    }
    return DecodeError { index, id, error.path, error.message };
}

QJsonObject PageCodec::envelope(const QJsonArray &items, const std::optional<QString> &nextToken)
{
    QJsonObject body;
    body.insert(itemsKey(), items);
    if (nextToken)
        body.insert("nextToken"_L1, *nextToken);
    return body;
}

} // namespace mgn
