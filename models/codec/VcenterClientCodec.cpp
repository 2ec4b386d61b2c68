#include "models/codec/VcenterClientCodec.h"

#include "models/codec/PageCodec.h"
#include "models/json/JsonReader.h"
#include "models/json/JsonWriter.h"

using namespace Qt::Literals::StringLiterals;

namespace mgn {

DecodeResult<VcenterClient> VcenterClientCodec::decode(const QJsonObject &object, const JsonPath &path)
{
    std::optional<JsonError> error;
    JsonReader r(object, path, error);
    VcenterClient client;
    client.vcenterClientID = r.string("vcenterClientID"_L1);
    client.arn = r.string("arn"_L1);
    client.hostname = r.string("hostname"_L1);
    client.vcenterUUID = r.string("vcenterUUID"_L1);
    client.datacenterName = r.string("datacenterName"_L1);
    client.lastSeenDatetime = r.dateTime("lastSeenDatetime"_L1);
    client.sourceServerTags = r.stringMap("sourceServerTags"_L1);
    client.tags = r.stringMap("tags"_L1);
    if (error)
        return { std::nullopt, std::move(error) };
    return { std::move(client), std::nullopt };
}

QJsonObject VcenterClientCodec::encode(const VcenterClient &client)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("vcenterClientID"_L1, client.vcenterClientID);
    w.string("arn"_L1, client.arn);
    w.string("hostname"_L1, client.hostname);
    w.string("vcenterUUID"_L1, client.vcenterUUID);
    w.string("datacenterName"_L1, client.datacenterName);
    w.dateTime("lastSeenDatetime"_L1, client.lastSeenDatetime);
    w.stringMap("sourceServerTags"_L1, client.sourceServerTags);
    w.stringMap("tags"_L1, client.tags);
    return o;
}

VcenterClientPage VcenterClientCodec::decodePage(const QByteArray &body)
{
    return PageCodec::decode<VcenterClient>(body, "vcenterClientID"_L1, &VcenterClientCodec::decode);
}

VcenterClientPage VcenterClientCodec::decodePage(const QJsonObject &body)
{
    return PageCodec::decode<VcenterClient>(body, "vcenterClientID"_L1, &VcenterClientCodec::decode);
}

QJsonObject VcenterClientCodec::encodePage(
    const QList<VcenterClient> &items, const std::optional<QString> &nextToken)
{
    return PageCodec::encode(items, nextToken, &VcenterClientCodec::encode);
}

} // namespace mgn
