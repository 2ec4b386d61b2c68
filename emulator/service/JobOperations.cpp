#include "emulator/service/JobOperations.h"

#include "emulator/service/ApiShapes.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/FleetActions.h"
#include "emulator/service/FleetSimulator.h"
#include "emulator/service/OperationSupport.h"
#include "emulator/service/PageToken.h"
#include "emulator/service/RequestReader.h"
#include "emulator/service/ServiceErrors.h"
#include "models/codec/JobCodec.h"
#include "models/codec/JobLogCodec.h"
#include "models/json/Iso8601.h"
#include "models/rules/ActionRules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <vector>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

EmulatorResponse JobOperations::start(Fleet &fleet, const EmulatorRequest &request, Action action)
{
    EmulatorResponse error;
    auto reader = RequestReader::fromBody(request.body, &error);
    if (!reader)
        return error;
    const auto ids = reader->stringList("sourceServerIDs"_L1, 1, 200, ApiShapes::sourceServerID(), true);
    const auto tags = reader->tags("tags"_L1);
    const auto account = reader->string("accountID"_L1, ApiShapes::accountID());
    if (!reader->ok() || !ids)
        return reader->error();

    QStringList unique;
    QSet<QString> seen;
    for (const QString &id : *ids) {
        if (!seen.contains(id)) {
            seen.insert(id);
            unique << id;
        }
    }
    for (qsizetype i = 0; i < ids->size(); ++i) {
        if (OperationSupport::findServer(fleet, ids->at(i), account) < 0)
            reader->fail(u"sourceServerIDs[%1]"_s.arg(i), u"No source server with this ID exists"_s,
                QString(u'\'' + ids->at(i) + u'\''));
    }
    if (!reader->ok())
        return reader->error();

    QList<OperationSupport::Refusal> refusals;
    for (const QString &id : std::as_const(unique)) {
        const qsizetype index = fleet.findServer(id);
        FleetSimulator::refresh(fleet, index);
        const SourceServer &server = fleet.servers[std::size_t(index)].server;
        const auto verdict = ActionRules::evaluate(action, server);
        if (!verdict.allowed)
            refusals.append({ &server, verdict });
    }
    if (!refusals.isEmpty())
        return OperationSupport::refuse(action, refusals, unique.size());

    const qsizetype job = action == Action::TerminateTargetInstances
        ? FleetActions::startTermination(fleet, unique, tags, fleet.simNow)
        : FleetActions::startLaunch(fleet, unique,
            action == Action::StartCutover ? InitiatedBy::StartCutover : InitiatedBy::StartTest, tags,
            fleet.simNow);
    return EmulatorResponse::json(
        202, QJsonObject { { "job"_L1, JobCodec::encode(fleet.jobs[std::size_t(job)].job) } });
}

EmulatorResponse JobOperations::describeJobs(Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    auto reader = RequestReader::fromBody(request.body, &error);
    if (!reader)
        return error;
    std::optional<QStringList> ids;
    std::optional<QString> from;
    std::optional<QString> to;
    if (auto filters = reader->object("filters"_L1)) {
        ids = filters->stringList("jobIDs"_L1, 0, 1000, ApiShapes::jobID());
        from = filters->string("fromDate"_L1, ApiShapes::iso8601DateTime());
        to = filters->string("toDate"_L1, ApiShapes::iso8601DateTime());
    }
    std::optional<qint64> fromMsecs;
    std::optional<qint64> toMsecs;
    if (from) {
        fromMsecs = Iso8601::parseDateTime(*from).value;
        if (!fromMsecs)
            reader->fail(u"filters.fromDate"_s, u"Member must be a valid ISO-8601 date and time"_s,
                QString(u'\'' + *from + u'\''));
    }
    if (to) {
        toMsecs = Iso8601::parseDateTime(*to).value;
        if (!toMsecs)
            reader->fail(u"filters.toDate"_s, u"Member must be a valid ISO-8601 date and time"_s,
                QString(u'\'' + *to + u'\''));
    }
    const auto account = reader->string("accountID"_L1, ApiShapes::accountID());
    std::optional<qint64> maxResults;
    std::optional<QString> nextToken;
    if (!OperationSupport::readPaging(*reader, &maxResults, &nextToken) || !reader->ok())
        return reader->error();

    const QSet<QString> idSet = ids ? QSet<QString>(ids->begin(), ids->end()) : QSet<QString>();
    std::vector<qsizetype> matches;
    if (!account || *account == fleet.accountId) {
        for (qsizetype i = 0; i < qsizetype(fleet.jobs.size()); ++i) {
            const Job &job = fleet.jobs[std::size_t(i)].job;
            const qint64 created = job.creationDateTime.value_or(0);
            if ((!idSet.isEmpty() && !idSet.contains(job.jobID)) || (fromMsecs && created < *fromMsecs)
                || (toMsecs && created > *toMsecs))
                continue;
            matches.push_back(i);
        }
    }
    // "The response is sorted by creationDataTime - latest date first."
    std::stable_sort(matches.begin(), matches.end(), [&fleet](qsizetype a, qsizetype b) {
        const auto &left = fleet.jobs[std::size_t(a)].job;
        const auto &right = fleet.jobs[std::size_t(b)].job;
        if (left.creationDateTime != right.creationDateTime)
            return left.creationDateTime.value_or(0) > right.creationDateTime.value_or(0);
        return a > b;
    });

    const QJsonObject filters = QJsonDocument::fromJson(request.body).object().value("filters"_L1).toObject();
    const QByteArray fingerprint = PageToken::fingerprint(
        QJsonDocument(filters).toJson(QJsonDocument::Compact) + '|' + account.value_or(QString()).toUtf8());
    const auto page = OperationSupport::page(
        "DescribeJobs"_L1, fingerprint, maxResults, nextToken, qsizetype(matches.size()), &error);
    if (!page)
        return error;
    QJsonArray items;
    for (qsizetype i = page->offset; i < page->offset + page->size; ++i)
        items.append(JobCodec::encode(fleet.jobs[std::size_t(matches[std::size_t(i)])].job));
    return EmulatorResponse::json(200, OperationSupport::envelope(items, page->nextToken));
}

EmulatorResponse JobOperations::describeJobLogItems(Fleet &fleet, const EmulatorRequest &request)
{
    EmulatorResponse error;
    auto reader = RequestReader::fromBody(request.body, &error);
    if (!reader)
        return error;
    const auto jobID = reader->string("jobID"_L1, ApiShapes::jobID(), true);
    const auto account = reader->string("accountID"_L1, ApiShapes::accountID());
    std::optional<qint64> maxResults;
    std::optional<QString> nextToken;
    if (!OperationSupport::readPaging(*reader, &maxResults, &nextToken) || !reader->ok() || !jobID)
        return reader->error();

    const qsizetype index = account && *account != fleet.accountId ? -1 : fleet.findJob(*jobID);
    const QList<JobLog> log = index < 0 ? QList<JobLog>() : fleet.jobs[std::size_t(index)].log;
    const QByteArray fingerprint
        = PageToken::fingerprint(jobID->toUtf8() + '|' + account.value_or(QString()).toUtf8());
    const auto page = OperationSupport::page(
        "DescribeJobLogItems"_L1, fingerprint, maxResults, nextToken, log.size(), &error);
    if (!page)
        return error;
    QJsonArray items;
    for (qsizetype i = page->offset; i < page->offset + page->size; ++i)
        items.append(JobLogCodec::encode(log.at(i)));
    return EmulatorResponse::json(200, OperationSupport::envelope(items, page->nextToken));
}

EmulatorResponse JobOperations::remove(Fleet &fleet, const OperationCall &call)
{
    const QString jobID = call.input.value("jobID"_L1).toString();
    const QJsonValue account = call.input.value("accountID"_L1);
    const qsizetype index
        = account.isString() && account.toString() != fleet.accountId ? -1 : fleet.findJob(jobID);
    if (index < 0)
        return ServiceErrors::notFound(u"Job %1 not found"_s.arg(jobID), jobID, ServiceErrors::jobType);
    FleetJob &job = fleet.jobs[std::size_t(index)];
    if (!job.job.status || job.job.status->value() != JobStatus::Completed) {
        const QString message = u"Job %1 is %2; only a finished (COMPLETED) job can be deleted"_s.arg(jobID,
            job.job.status ? QString(EnumValue<JobStatus>::wireName(job.job.status->value())) : u"PENDING"_s);
        return ServiceErrors::conflict(message, { { jobID, QString(ServiceErrors::jobType), message } });
    }
    fleet.jobs.erase(fleet.jobs.begin() + index);
    fleet.reindex();
    return EmulatorResponse::empty(204);
}

} // namespace mgn
