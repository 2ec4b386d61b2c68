#include "emulator/service/TagOperations.h"

#include "emulator/service/ApiShapes.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/RequestReader.h"
#include "emulator/service/ServiceErrors.h"
#include "models/codec/TagsCodec.h"

#include <QJsonObject>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype maxTags = 50;

QLatin1StringView typeOf(const QString &arn)
{
    if (arn.contains(u":source-server/"_s))
        return ServiceErrors::sourceServerType;
    if (arn.contains(u":job/"_s))
        return ServiceErrors::jobType;
    if (arn.contains(u":vcenter-client/"_s))
        return ServiceErrors::vcenterClientType;
    if (arn.contains(u":application/"_s))
        return ServiceErrors::applicationType;
    if (arn.contains(u":wave/"_s))
        return ServiceErrors::waveType;
    if (arn.contains(u":connector/"_s))
        return ServiceErrors::connectorType;
    return ServiceErrors::resourceType;
}

// AWS reserves the "aws:" prefix for its own tags.
void checkKeys(RequestReader &reader, const QStringList &keys, const QString &member)
{
    for (const QString &key : keys) {
        if (key.startsWith(u"aws:"_s, Qt::CaseInsensitive))
            reader.fail(
                member, u"Tag keys must not begin with aws:"_s, u"'*** Sensitive Data Redacted ***'"_s);
    }
}

} // namespace

EmulatorResponse TagOperations::handle(Fleet &fleet, const EmulatorRequest &request)
{
    if (request.method != "GET" && request.method != "POST" && request.method != "DELETE")
        return ServiceErrors::unknownOperation(request.method, request.path);
    constexpr QByteArrayView prefix("/tags/");
    const QString arn = QString::fromUtf8(QByteArray::fromPercentEncoding(request.path.mid(prefix.size())));
    RequestReader path(QJsonObject { { "resourceArn"_L1, arn } });
    path.string("resourceArn"_L1, ApiShapes::arn(), true);
    if (!path.ok())
        return path.error();

    EmulatorResponse error;
    std::optional<Tags> add;
    QStringList remove;
    if (request.method == "POST") {
        auto reader = RequestReader::fromBody(request.body, &error);
        if (!reader)
            return error;
        add = reader->tags("tags"_L1, true);
        if (add)
            checkKeys(*reader, add->keys(), u"tags"_s);
        if (!reader->ok())
            return reader->error();
    } else if (request.method == "DELETE") {
        RequestReader reader = RequestReader::fromQuery(request.query, {}, { u"tagKeys"_s });
        const auto keys = reader.stringList("tagKeys"_L1, 0, -1, ApiShapes::tagKey(), true);
        if (!reader.ok() || !keys)
            return reader.error();
        remove = *keys;
    }

    std::optional<Tags> *tags = fleet.tagsOf(arn);
    if (!tags)
        return ServiceErrors::notFound(u"Resource %1 not found"_s.arg(arn), arn, typeOf(arn));

    if (request.method == "GET")
        return EmulatorResponse::json(
            200, QJsonObject { { "tags"_L1, TagsCodec::encode(tags->value_or(Tags())) } });
    if (add) {
        Tags merged = tags->value_or(Tags());
        for (auto it = add->begin(); it != add->end(); ++it)
            merged.insert(it.key(), it.value());
        if (merged.size() > maxTags)
            return ServiceErrors::validation({ { u"tags"_s,
                u"A resource can have at most 50 tags; this would give it %1"_s.arg(merged.size()),
                u"'*** Sensitive Data Redacted ***'"_s } });
        *tags = merged;
    } else {
        Tags remaining = tags->value_or(Tags());
        for (const QString &key : std::as_const(remove))
            remaining.remove(key);
        *tags = remaining;
    }
    return EmulatorResponse::empty(200);
}

} // namespace mgn
