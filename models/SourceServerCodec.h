#pragma once

#include "DecodeResult.h"
#include "JsonPath.h"
#include "Page.h"
#include "SourceServer.h"

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
class SourceServerCodec
{
public:
    static DecodeResult<SourceServer> decode(const QJsonObject &object, const JsonPath &path = JsonPath());
    // Only present members are emitted.
    static QJsonObject encode(const SourceServer &server);
    // The same object as text, without a QJsonObject: the bytes
    // QJsonDocument(encode(server)).toJson() would give, much faster.
    static void write(JsonTextWriter &writer, const SourceServer &server);

    // A DescribeSourceServers body: one bad server does not stop the others.
    static SourceServerPage decodePage(const QByteArray &body);
    static SourceServerPage decodePage(const QJsonObject &body);
    static QJsonObject encodePage(const QList<SourceServer> &items, const std::optional<QString> &nextToken);
};

} // namespace mgn
