#pragma once

#include "models/codec/DecodeResult.h"
#include "models/codec/Page.h"
#include "models/json/JsonBody.h"
#include "models/json/JsonPath.h"
#include "models/json/JsonTape.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <utility>

namespace mgn {

// The envelope shared by the list responses (DescribeSourceServers,
// DescribeJobs, DescribeJobLogItems, DescribeVcenterClients):
// {"items": [...], "nextToken": "..."}. The item codec is a parameter.
class PageCodec final
{
public:
    // decodeItem(const QJsonObject &, const JsonPath &) -> DecodeResult<T>.
    // idKey names the member that identifies an item in an error report
    // (empty when items have no ID).
    template<typename T, typename DecodeItem>
    static Page<T> decode(const QByteArray &body, QLatin1StringView idKey, DecodeItem decodeItem)
    {
        Page<T> page;
        const std::optional<QJsonObject> object = JsonBody::parseObject(body, page.pageError);
        if (object)
            page = decode<T>(*object, idKey, decodeItem);
        return page;
    }

    template<typename T, typename DecodeItem>
    static Page<T> decode(const QJsonObject &body, QLatin1StringView idKey, DecodeItem decodeItem)
    {
        Page<T> page;
        page.nextToken = nextToken(body, page.pageError);
        const std::optional<QJsonArray> items = itemsOf(body, page.pageError);
        if (!items)
            return page;
        const JsonPath root;
        const JsonPath itemsPath = root.member(itemsKey()); // a child must not outlive its parent
        page.items.reserve(items->size());
        for (qsizetype i = 0; i < items->size(); ++i) {
            const JsonPath itemPath = itemsPath.element(i);
            const QJsonValue item = items->at(i);
            if (!item.isObject()) {
                page.errors.append(notAnObject(i, item, itemPath));
                continue;
            }
            const QJsonObject itemObject = item.toObject();
            DecodeResult<T> result = decodeItem(itemObject, itemPath);
            if (result.value)
                page.items.append(std::move(*result.value));
            else
                page.errors.append(itemError(i, itemObject, idKey, result.error.value_or(JsonError())));
        }
        return page;
    }

    // What decode() learns before the items: the parsed body, nextToken and
    // the page-level fault if any (not JSON, nextToken or items of the wrong
    // type), with the same error decode() would report. A client can ask for
    // the next page with it while this page's items are still being decoded.
    //
    // With Parser::Fast the body is a JsonTape when JsonTape takes it and its
    // envelope is sound, and QJsonDocument's otherwise (see JsonTape). Either
    // way, decoding it gives the page decode(text) gives.
    enum class Parser { Fast, QJsonDocument };
    struct Envelope final {
        QByteArray text;
        std::shared_ptr<const JsonTape> tape;
        std::optional<QJsonObject> body;
        std::optional<QString> nextToken;
        std::optional<JsonError> pageError;
    };
    static Envelope parseEnvelope(const QByteArray &body, Parser parser = Parser::Fast);

    // A page from an envelope, for an item codec with a fast path:
    // decodeTapeItem(JsonTape::Value, bool &failed) -> std::optional<T>, read
    // with a JsonTapeReader. When an item fails there, the page is decoded
    // again from the text by decodeItem, whose errors name what is wrong.
    template<typename T, typename DecodeItem, typename DecodeTapeItem>
    static Page<T> decode(const Envelope &envelope, QLatin1StringView idKey, DecodeItem decodeItem,
        DecodeTapeItem decodeTapeItem)
    {
        if (envelope.tape) {
            if (std::optional<Page<T>> page = decodeTape<T>(envelope, decodeTapeItem))
                return std::move(*page);
            return decode<T>(envelope.text, idKey, decodeItem);
        }
        return decode<T>(envelope, idKey, decodeItem);
    }

    // A page from an envelope, for an item codec without a fast path.
    template<typename T, typename DecodeItem>
    static Page<T> decode(const Envelope &envelope, QLatin1StringView idKey, DecodeItem decodeItem)
    {
        if (envelope.body)
            return decode<T>(*envelope.body, idKey, decodeItem);
        return decode<T>(envelope.text, idKey, decodeItem);
    }

    // encodeItem(const T &) -> QJsonObject. nextToken is emitted only when set.
    template<typename T, typename EncodeItem>
    static QJsonObject encode(
        const QList<T> &items, const std::optional<QString> &nextToken, EncodeItem encodeItem)
    {
        QJsonArray array;
        for (const T &item : items)
            array.append(encodeItem(item));
        return envelope(array, nextToken);
    }

private:
    // Every item decoded from the tape, or nullopt at the first that fails.
    template<typename T, typename DecodeTapeItem>
    static std::optional<Page<T>> decodeTape(const Envelope &envelope, DecodeTapeItem &decodeTapeItem)
    {
        Page<T> page;
        page.nextToken = envelope.nextToken;
        const JsonTape::Value items = envelope.tape->root().member(itemsKey());
        if (!items.isValid() || items.isNull())
            return page;
        page.items.reserve(items.size());
        bool failed = false;
        for (JsonTape::Value item = items.firstChild(); item.isValid(); item = item.next()) {
            if (item.type() != JsonTape::Type::Object)
                return std::nullopt;
            std::optional<T> value = decodeTapeItem(item, failed);
            if (failed || !value)
                return std::nullopt;
            page.items.append(std::move(*value));
        }
        return page;
    }

    static std::optional<Envelope> parseTapeEnvelope(const QByteArray &body);
    static QLatin1StringView itemsKey();
    static std::optional<QString> nextToken(const QJsonObject &body, std::optional<JsonError> &error);
    // "items" as an array (empty when absent); nullopt with error set when it is not one.
    static std::optional<QJsonArray> itemsOf(const QJsonObject &body, std::optional<JsonError> &error);
    static DecodeError notAnObject(qsizetype index, const QJsonValue &item, const JsonPath &path);
    static DecodeError itemError(
        qsizetype index, const QJsonObject &item, QLatin1StringView idKey, const JsonError &error);
    static QJsonObject envelope(const QJsonArray &items, const std::optional<QString> &nextToken);
};

} // namespace mgn
