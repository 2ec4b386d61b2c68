#pragma once

#include "models/codec/DecodeResult.h"
#include "models/codec/Page.h"
#include "models/domain/JobLog.h"
#include "models/json/JsonPath.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mgn {

// DescribeJobLogItems' answer.
using JobLogPage = Page<JobLog>;

// JobLog to and from JSON; tolerant as SourceServerCodec. Log items have no ID
// of their own, so a DecodeError of this page carries only the index.
class JobLogCodec final
{
public:
    static DecodeResult<JobLog> decode(const QJsonObject &object, const JsonPath &path = JsonPath());
    static QJsonObject encode(const JobLog &log);

    static JobLogPage decodePage(const QByteArray &body);
    static JobLogPage decodePage(const QJsonObject &body);
    static QJsonObject encodePage(const QList<JobLog> &items, const std::optional<QString> &nextToken);
};

} // namespace mgn
