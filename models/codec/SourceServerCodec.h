#pragma once

#include "models/codec/DecodeResult.h"
#include "models/codec/Page.h"
#include "models/codec/PageCodec.h"
#include "models/domain/SourceServer.h"
#include "models/json/JsonPath.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mgn {

class JsonTextWriter;

// DescribeSourceServers' answer.
using SourceServerPage = Page<SourceServer>;

// SourceServer to and from JSON, with the API model's member names. Decoding
// is tolerant (see JsonReader): unknown members are ignored, absent ones stay
// absent, a value of the wrong type makes the server an error naming the
// value's path (prefixed with `path`, e.g. "items[3]").
class SourceServerCodec final
{
public:
    static DecodeResult<SourceServer> decode(const QJsonObject &object, const JsonPath &path = JsonPath());
    // The fast path (JsonTapeReader): the server decode(QJsonObject) gives,
    // or nullopt where it gives an error, without saying what it is.
    static std::optional<SourceServer> decodeFromTape(JsonTape::Value object);
    // Only present members are emitted.
    static QJsonObject encode(const SourceServer &server);
    // The same object as text, without a QJsonObject: the bytes
    // QJsonDocument(encode(server)).toJson() would give, much faster.
    static void write(JsonTextWriter &writer, const SourceServer &server);

    // A DescribeSourceServers body: one bad server does not stop the others.
    // From text or an envelope, through JsonTape when it takes the text
    // (PageCodec::Parser::Fast); the page is the same either way.
    static SourceServerPage decodePage(const QByteArray &body);
    static SourceServerPage decodePage(const PageCodec::Envelope &envelope);
    static SourceServerPage decodePage(const QJsonObject &body);
    static QJsonObject encodePage(const QList<SourceServer> &items, const std::optional<QString> &nextToken);
};

} // namespace mgn
