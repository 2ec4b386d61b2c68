#pragma once

#include "models/codec/DecodeResult.h"
#include "models/codec/Page.h"
#include "models/domain/VcenterClient.h"
#include "models/json/JsonPath.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mgn {

// DescribeVcenterClients' answer.
using VcenterClientPage = Page<VcenterClient>;

// VcenterClient to and from JSON; tolerant as SourceServerCodec.
class VcenterClientCodec final
{
public:
    static DecodeResult<VcenterClient> decode(const QJsonObject &object, const JsonPath &path = JsonPath());
    static QJsonObject encode(const VcenterClient &client);

    static VcenterClientPage decodePage(const QByteArray &body);
    static VcenterClientPage decodePage(const QJsonObject &body);
    static QJsonObject encodePage(const QList<VcenterClient> &items, const std::optional<QString> &nextToken);
};

} // namespace mgn
