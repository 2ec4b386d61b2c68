#include "models/codec/JobLogCodec.h"

#include "models/codec/PageCodec.h"
#include "models/json/JsonReader.h"
#include "models/json/JsonWriter.h"

using namespace Qt::Literals::StringLiterals;

namespace mgn {

namespace {

JobLogEventData readEventData(JsonReader &r)
{
    JobLogEventData data;
    data.sourceServerID = r.string("sourceServerID"_L1);
    data.conversionServerID = r.string("conversionServerID"_L1);
    data.targetInstanceID = r.string("targetInstanceID"_L1);
    data.rawError = r.string("rawError"_L1);
    data.attemptCount = r.integer("attemptCount"_L1, 1);
    data.maxAttemptsCount = r.integer("maxAttemptsCount"_L1, 1);
    return data;
}

JobLog readJobLog(JsonReader &r)
{
    JobLog log;
    log.logDateTime = r.dateTime("logDateTime"_L1);
    log.event = r.enumeration<JobLogEvent>("event"_L1);
    log.eventData = r.object("eventData"_L1, readEventData);
    return log;
}

QJsonObject writeEventData(const JobLogEventData &data)
{
    QJsonObject o;
    JsonWriter w(o);
    w.string("sourceServerID"_L1, data.sourceServerID);
    w.string("conversionServerID"_L1, data.conversionServerID);
    w.string("targetInstanceID"_L1, data.targetInstanceID);
    w.string("rawError"_L1, data.rawError);
    w.integer("attemptCount"_L1, data.attemptCount);
    w.integer("maxAttemptsCount"_L1, data.maxAttemptsCount);
    return o;
}

} // namespace

DecodeResult<JobLog> JobLogCodec::decode(const QJsonObject &object, const JsonPath &path)
{
    std::optional<JsonError> error;
    JsonReader reader(object, path, error);
    JobLog log = readJobLog(reader);
    if (error)
        return { std::nullopt, std::move(error) };
    return { std::move(log), std::nullopt };
}

QJsonObject JobLogCodec::encode(const JobLog &log)
{
    QJsonObject o;
    JsonWriter w(o);
    w.dateTime("logDateTime"_L1, log.logDateTime);
    w.enumeration("event"_L1, log.event);
    w.object("eventData"_L1, log.eventData, writeEventData);
    return o;
}

JobLogPage JobLogCodec::decodePage(const QByteArray &body)
{
    return PageCodec::decode<JobLog>(body, QLatin1StringView(), &JobLogCodec::decode);
}

JobLogPage JobLogCodec::decodePage(const QJsonObject &body)
{
    return PageCodec::decode<JobLog>(body, QLatin1StringView(), &JobLogCodec::decode);
}

QJsonObject JobLogCodec::encodePage(const QList<JobLog> &items, const std::optional<QString> &nextToken)
{
    return PageCodec::encode(items, nextToken, &JobLogCodec::encode);
}

} // namespace mgn
