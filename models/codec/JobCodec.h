#pragma once

#include "models/codec/DecodeResult.h"
#include "models/codec/Page.h"
#include "models/domain/Job.h"
#include "models/json/JsonPath.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mgn {

// DescribeJobs' answer.
using JobPage = Page<Job>;

// Job (with its participating servers and their post-launch action
// statuses) to and from JSON; tolerant as SourceServerCodec. jobID and each
// participating server's sourceServerID are required by the API model: their
// absence is an error.
class JobCodec final
{
public:
    static DecodeResult<Job> decode(const QJsonObject &object, const JsonPath &path = JsonPath());
    // Only present members are emitted, and the required jobID always.
    static QJsonObject encode(const Job &job);

    static JobPage decodePage(const QByteArray &body);
    static JobPage decodePage(const QJsonObject &body);
    static QJsonObject encodePage(const QList<Job> &items, const std::optional<QString> &nextToken);
};

} // namespace mgn
