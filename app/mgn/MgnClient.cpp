#include "app/mgn/MgnClient.h"

#include "app/aws/AwsReply.h"
#include "app/aws/AwsTransport.h"
#include "app/mgn/MalformedResponse.h"
#include "app/mgn/Pager.h"
#include "models/api/ParamValidator.h"
#include "models/api/RestJsonSerializer.h"
#include "models/codec/JobCodec.h"
#include "models/codec/JobLogCodec.h"
#include "models/codec/PageCodec.h"
#include "models/codec/SourceServerCodec.h"
#include "models/codec/TagsCodec.h"
#include "models/codec/VcenterClientCodec.h"
#include "models/json/Iso8601.h"
#include "models/json/JsonBody.h"
#include "models/json/JsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaObject>

namespace mgn {

using namespace Qt::Literals::StringLiterals;
using mgn::DecodeResult;
using mgn::JsonError;
using mgn::JsonPath;

namespace {

// The body of a 2xx response as a JSON object. An empty body counts as {}.
std::optional<QJsonObject> bodyObject(const QByteArray &body, std::optional<JsonError> &error)
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    return JsonBody::parseObject(body, error);
}

DecodeResult<mgn::SourceServer> decodeServer(const QJsonObject &object)
{
    return mgn::SourceServerCodec::decode(object);
}

// {"job": {...}}: a job must be there.
DecodeResult<mgn::Job> decodeJob(const QJsonObject &object)
{
    const JsonPath root;
    const JsonPath jobPath = root.member(u"job");
    const QJsonValue job = object.value("job"_L1);
    if (!job.isObject())
        return { std::nullopt,
            JsonError {
                jobPath.toString(), u"expected an object, got "_s + mgn::JsonReader::typeName(job) } };
    return mgn::JobCodec::decode(job.toObject(), jobPath);
}

DecodeResult<mgn::Tags> decodeTags(const QJsonObject &object)
{
    return TagsCodec::decodeMember(object, "tags"_L1);
}

DecodeResult<MgnNothing> decodeNothing(const QJsonObject &)
{
    return { MgnNothing(), std::nullopt };
}

QJsonArray stringArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

template<typename E> QJsonArray enumArray(const QList<mgn::EnumValue<E>> &values)
{
    QJsonArray array;
    for (const auto &value : values)
        array.append(value.toWire());
    return array;
}

// RFC 3986 percent-encoding of everything but the unreserved characters, as
// botocore encodes query names and values.
QString encodeComponent(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// An operation of the embedded model, by a name this file spells.
const api::Operation &modelOperation(QStringView name)
{
    const api::Operation *op = api::ApiModel::mgn().operation(name);
    if (!op)
        qFatal("MgnClient: the API model has no operation %s", qPrintable(name.toString()));
    return *op;
}

// One page of invokePages(): the body as it came and its result items.
struct BodyPage final {
    QByteArray body;
    qsizetype items = 0;

    bool operator==(const BodyPage &) const = default;
};

// A paginated body read for its output token, as PageCodec reads the
// envelope of the typed listings.
PageCodec::Envelope bodyEnvelope(const QByteArray &body, const QString &outputToken)
{
    PageCodec::Envelope envelope;
    envelope.text = body;
    std::optional<JsonError> error;
    envelope.body = bodyObject(body, error);
    if (!envelope.body) {
        envelope.pageError = error.value_or(JsonError());
        return envelope;
    }
    if (outputToken.isEmpty())
        return envelope;
    const QJsonValue token = envelope.body->value(outputToken);
    if (token.isString())
        envelope.nextToken = token.toString();
    else if (!token.isUndefined() && !token.isNull())
        envelope.pageError
            = JsonError { outputToken, u"expected a string, got "_s + JsonReader::typeName(token) };
    return envelope;
}

} // namespace

MgnClient::MgnClient(AwsTransport *transport, const QUrl &endpoint, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_endpoint(endpoint)
{ }

void MgnClient::setPageSize(int size)
{
    m_pageSize = qBound(1, size, maxResultsLimit);
}

AwsHttpRequest MgnClient::request(const api::Operation &operation, const QJsonObject &input) const
{
    const api::SerializedRequest serialized
        = api::RestJsonSerializer::serialize(operation, withAccount(operation, input));
    AwsHttpRequest request;
    request.method = serialized.method;
    request.operation = operation.name;
    request.idempotent = isIdempotent(operation);
    QUrl url = m_endpoint;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + serialized.path, QUrl::StrictMode);
    QStringList pairs;
    for (const auto &[name, value] : serialized.query)
        pairs.append(encodeComponent(name) + u'=' + encodeComponent(value));
    url.setQuery(pairs.isEmpty() ? QString() : pairs.join(u'&'), QUrl::StrictMode);
    request.url = url;
    request.headers = serialized.headers;
    request.body = serialized.body.value_or(QByteArray());
    return request;
}

bool MgnClient::isIdempotent(const api::Operation &operation)
{
    const QString &name = operation.name;
    return operation.idempotent || name.startsWith("Describe"_L1) || name.startsWith("List"_L1)
        || name.startsWith("Get"_L1);
}

bool MgnClient::isIdempotent(QStringView operation)
{
    const api::Operation *op = api::ApiModel::mgn().operation(operation);
    return op && isIdempotent(*op);
}

QJsonObject MgnClient::withAccount(const api::Operation &operation, QJsonObject input) const
{
    static constexpr QStringView accountKey = u"accountID";
    if (!m_accountId.isEmpty() && operation.input && operation.input->findMember(accountKey)
        && !input.contains(accountKey))
        input.insert(accountKey, m_accountId);
    return input;
}

QJsonObject MgnClient::encodeFilters(const SourceServerFilters &filters)
{
    QJsonObject object;
    if (filters.sourceServerIDs)
        object.insert("sourceServerIDs"_L1, stringArray(*filters.sourceServerIDs));
    if (filters.isArchived)
        object.insert("isArchived"_L1, *filters.isArchived);
    if (filters.replicationTypes)
        object.insert("replicationTypes"_L1, enumArray(*filters.replicationTypes));
    if (filters.lifeCycleStates)
        object.insert("lifeCycleStates"_L1, enumArray(*filters.lifeCycleStates));
    if (filters.applicationIDs)
        object.insert("applicationIDs"_L1, stringArray(*filters.applicationIDs));
    return object;
}

QJsonObject MgnClient::encodeFilters(const JobFilters &filters)
{
    QJsonObject object;
    if (filters.jobIDs)
        object.insert("jobIDs"_L1, stringArray(*filters.jobIDs));
    if (filters.fromDate)
        object.insert("fromDate"_L1, mgn::Iso8601::formatDateTime(*filters.fromDate));
    if (filters.toDate)
        object.insert("toDate"_L1, mgn::Iso8601::formatDateTime(*filters.toDate));
    return object;
}

template<typename T, typename Decode>
MgnCall *MgnClient::send(const AwsHttpRequest &request, Decode decode, MgnCallback<T> done)
{
    auto *call = new MgnCall(request.operation, this);
    AwsReply *reply = m_transport->send(request);
    call->track(reply);
    connect(reply, &AwsReply::finished, call, [call, reply, decode, done] {
        reply->deleteLater();
        MgnResult<T> result;
        const AwsHttpResponse &response = reply->response();
        result.requestId = response.requestId();
        if (!reply->isSuccess()) {
            result.error = reply->error().value_or(AwsError::transport(AwsError::Kind::NetworkError));
        } else {
            std::optional<JsonError> jsonError;
            const std::optional<QJsonObject> object = bodyObject(response.body, jsonError);
            if (!object) {
                result.error
                    = malformedResponse(response, call->operation(), jsonError.value_or(JsonError()));
            } else {
                DecodeResult<T> decoded = [&] {
                    if constexpr (std::is_invocable_v<Decode, const QJsonObject &, const QByteArray &>)
                        return decode(*object, response.body);
                    else
                        return decode(*object);
                }();
                if (decoded.value)
                    result.value = std::move(decoded.value);
                else
                    result.error
                        = malformedResponse(response, call->operation(), decoded.error.value_or(JsonError()));
            }
        }
        if (done)
            done(result);
        call->finish(result.error);
    });
    return call;
}

MgnCall *MgnClient::sourceServerCall(
    const QString &operation, const QJsonObject &body, MgnCallback<mgn::SourceServer> done)
{
    return send<mgn::SourceServer>(request(modelOperation(operation), body), decodeServer, std::move(done));
}

MgnCall *MgnClient::serverIdCall(
    const QString &operation, const QString &sourceServerID, MgnCallback<mgn::SourceServer> done)
{
    return sourceServerCall(
        operation, QJsonObject { { "sourceServerID"_L1, sourceServerID } }, std::move(done));
}

MgnCall *MgnClient::jobCall(
    const QString &operation, const QStringList &ids, const mgn::Tags &tags, MgnCallback<mgn::Job> done)
{
    QJsonObject body { { "sourceServerIDs"_L1, stringArray(ids) } };
    if (!tags.isEmpty())
        body.insert("tags"_L1, TagsCodec::encode(tags));
    return send<mgn::Job>(request(modelOperation(operation), body), decodeJob, std::move(done));
}

MgnCall *MgnClient::nothingCall(const AwsHttpRequest &request, MgnCallback<MgnNothing> done)
{
    return send<MgnNothing>(request, decodeNothing, std::move(done));
}

MgnCall *MgnClient::changeServerLifeCycleState(const QString &sourceServerID,
    mgn::ChangeServerLifeCycleStateSourceServerLifecycleState state, MgnCallback<mgn::SourceServer> done)
{
    QJsonObject body { { "sourceServerID"_L1, sourceServerID },
        { "lifeCycle"_L1,
            QJsonObject { { "state"_L1,
                QString(mgn::EnumValue<mgn::ChangeServerLifeCycleStateSourceServerLifecycleState>::wireName(
                    state)) } } } };
    return sourceServerCall(u"ChangeServerLifeCycleState"_s, body, std::move(done));
}

MgnCall *MgnClient::finalizeCutover(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done)
{
    return serverIdCall(u"FinalizeCutover"_s, sourceServerID, std::move(done));
}

MgnCall *MgnClient::disconnectFromService(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done)
{
    return serverIdCall(u"DisconnectFromService"_s, sourceServerID, std::move(done));
}

MgnCall *MgnClient::markAsArchived(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done)
{
    return serverIdCall(u"MarkAsArchived"_s, sourceServerID, std::move(done));
}

MgnCall *MgnClient::retryDataReplication(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done)
{
    return serverIdCall(u"RetryDataReplication"_s, sourceServerID, std::move(done));
}

MgnCall *MgnClient::startReplication(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done)
{
    return serverIdCall(u"StartReplication"_s, sourceServerID, std::move(done));
}

MgnCall *MgnClient::stopReplication(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done)
{
    return serverIdCall(u"StopReplication"_s, sourceServerID, std::move(done));
}

MgnCall *MgnClient::pauseReplication(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done)
{
    return serverIdCall(u"PauseReplication"_s, sourceServerID, std::move(done));
}

MgnCall *MgnClient::resumeReplication(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done)
{
    return serverIdCall(u"ResumeReplication"_s, sourceServerID, std::move(done));
}

MgnCall *MgnClient::updateSourceServerReplicationType(
    const QString &sourceServerID, mgn::ReplicationType type, MgnCallback<mgn::SourceServer> done)
{
    QJsonObject body { { "sourceServerID"_L1, sourceServerID },
        { "replicationType"_L1, QString(mgn::EnumValue<mgn::ReplicationType>::wireName(type)) } };
    return sourceServerCall(u"UpdateSourceServerReplicationType"_s, body, std::move(done));
}

MgnCall *MgnClient::deleteSourceServer(const QString &sourceServerID, MgnCallback<MgnNothing> done)
{
    return nothingCall(request(modelOperation(u"DeleteSourceServer"),
                           QJsonObject { { "sourceServerID"_L1, sourceServerID } }),
        std::move(done));
}

MgnCall *MgnClient::startTest(
    const QStringList &sourceServerIDs, const mgn::Tags &tags, MgnCallback<mgn::Job> done)
{
    return jobCall(u"StartTest"_s, sourceServerIDs, tags, std::move(done));
}

MgnCall *MgnClient::startCutover(
    const QStringList &sourceServerIDs, const mgn::Tags &tags, MgnCallback<mgn::Job> done)
{
    return jobCall(u"StartCutover"_s, sourceServerIDs, tags, std::move(done));
}

MgnCall *MgnClient::terminateTargetInstances(
    const QStringList &sourceServerIDs, const mgn::Tags &tags, MgnCallback<mgn::Job> done)
{
    return jobCall(u"TerminateTargetInstances"_s, sourceServerIDs, tags, std::move(done));
}

MgnCall *MgnClient::deleteVcenterClient(const QString &vcenterClientID, MgnCallback<MgnNothing> done)
{
    return nothingCall(request(modelOperation(u"DeleteVcenterClient"),
                           QJsonObject { { "vcenterClientID"_L1, vcenterClientID } }),
        std::move(done));
}

MgnCall *MgnClient::listTagsForResource(const QString &resourceArn, MgnCallback<mgn::Tags> done)
{
    return send<mgn::Tags>(
        request(modelOperation(u"ListTagsForResource"), QJsonObject { { "resourceArn"_L1, resourceArn } }),
        decodeTags, std::move(done));
}

MgnCall *MgnClient::tagResource(
    const QString &resourceArn, const mgn::Tags &tags, MgnCallback<MgnNothing> done)
{
    return nothingCall(
        request(modelOperation(u"TagResource"),
            QJsonObject { { "resourceArn"_L1, resourceArn }, { "tags"_L1, TagsCodec::encode(tags) } }),
        std::move(done));
}

MgnCall *MgnClient::untagResource(
    const QString &resourceArn, const QStringList &tagKeys, MgnCallback<MgnNothing> done)
{
    return nothingCall(
        request(modelOperation(u"UntagResource"),
            QJsonObject { { "resourceArn"_L1, resourceArn }, { "tagKeys"_L1, stringArray(tagKeys) } }),
        std::move(done));
}

MgnCall *MgnClient::initializeService(MgnCallback<MgnNothing> done)
{
    return nothingCall(request(modelOperation(u"InitializeService"), QJsonObject()), std::move(done));
}

template<typename T>
MgnCall *MgnClient::refuse(const QString &operation, const AwsError &error, MgnCallback<T> done)
{
    auto *call = new MgnCall(operation, this);
    QMetaObject::invokeMethod(
        call,
        [call, error, done = std::move(done)] {
            MgnResult<T> result;
            result.error = error;
            if (done)
                done(result);
            call->finish(error);
        },
        Qt::QueuedConnection);
    return call;
}

namespace {

// The problems of an input that is not valid, as the service's own refusal
// would type them; nullopt when it is valid.
std::optional<AwsError> validationError(const api::Operation &operation, const QJsonObject &input)
{
    if (!operation.input)
        return std::nullopt;
    const QList<api::ValidationProblem> problems = api::ParamValidator::validate(*operation.input, input);
    if (problems.isEmpty())
        return std::nullopt;
    AwsError error = AwsError::transport(AwsError::Kind::Validation, u"Parameter validation failed"_s);
    error.code = AwsError::codeForKind(AwsError::Kind::Validation);
    error.reason = mgn::ValidationExceptionReason::FieldValidationFailed;
    for (const api::ValidationProblem &problem : problems)
        error.fieldList.append({ problem.path, problem.message });
    return error;
}

} // namespace

MgnCall *MgnClient::invoke(
    const api::Operation &operation, const QJsonObject &input, MgnCallback<QByteArray> done)
{
    const QJsonObject document = withAccount(operation, input);
    if (const std::optional<AwsError> error = validationError(operation, document))
        return refuse<QByteArray>(operation.name, *error, std::move(done));
    auto asItCame = [](const QJsonObject &, const QByteArray &body) {
        return DecodeResult<QByteArray> { body.trimmed().isEmpty() ? QByteArray("{}") : body, std::nullopt };
    };
    return send<QByteArray>(request(operation, document), asItCame, std::move(done));
}

MgnCall *MgnClient::invokePages(const api::Operation &operation, const QJsonObject &input,
    BodyPageCallback onPage, MgnCallback<PagingProgress> done)
{
    const api::Paginator paginator = operation.paginator.value_or(api::Paginator());
    QJsonObject first = withAccount(operation, input);
    const bool hasLimit
        = !paginator.limitKey.isEmpty() && operation.input && operation.input->findMember(paginator.limitKey);
    if (hasLimit && !first.contains(paginator.limitKey))
        first.insert(paginator.limitKey, m_pageSize);
    if (const std::optional<AwsError> error = validationError(operation, first))
        return refuse<PagingProgress>(operation.name, *error, std::move(done));

    typename Pager<BodyPage>::Spec spec;
    spec.makeRequest = [this, op = &operation, first, inputToken = paginator.inputToken](
                           const std::optional<QString> &token) {
        QJsonObject document = first;
        if (token)
            document.insert(inputToken, *token);
        return request(*op, document);
    };
    spec.parseEnvelope = [outputToken = paginator.outputToken](
                             const QByteArray &body) { return bodyEnvelope(body, outputToken); };
    spec.decodePage = [resultKeys = paginator.resultKeys](const PageCodec::Envelope &envelope) {
        Page<BodyPage> page;
        BodyPage bodyPage { envelope.text.trimmed().isEmpty() ? QByteArray("{}") : envelope.text, 0 };
        for (const QString &key : resultKeys) {
            const QJsonValue items = envelope.body ? envelope.body->value(key) : QJsonValue();
            bodyPage.items += items.isArray() ? items.toArray().size() : 0;
        }
        page.items.append(std::move(bodyPage));
        page.nextToken = envelope.nextToken;
        return page;
    };
    if (!paginator.outputToken.isEmpty())
        spec.outputToken = paginator.outputToken;
    // The Pager counts one item per page here: the progress counts the result items.
    auto progress = std::make_shared<PagingProgress>();
    auto pageDone
        = [onPage = std::move(onPage), progress](const Page<BodyPage> &page, const PagingProgress &) {
              const BodyPage &bodyPage = page.items.constFirst();
              progress->pages += 1;
              progress->items += bodyPage.items;
              if (onPage)
                  onPage(bodyPage.body, *progress);
          };
    auto listingDone = [done = std::move(done), progress](const MgnResult<PagingProgress> &result) {
        MgnResult<PagingProgress> counted = result;
        if (counted.value)
            counted.value = *progress;
        if (done)
            done(counted);
    };
    return Pager<BodyPage>::start(
        m_transport, std::move(spec), std::move(pageDone), std::move(listingDone), this);
}

template<typename T>
MgnCall *MgnClient::page(std::function<AwsHttpRequest(const std::optional<QString> &token)> makeRequest,
    mgn::PageCodec::Parser parser, std::function<mgn::Page<T>(const mgn::PageCodec::Envelope &)> decode,
    PageCallback<T> onPage, MgnCallback<PagingProgress> done)
{
    typename Pager<T>::Spec spec;
    spec.makeRequest = std::move(makeRequest);
    // Fast when the item codec has a JsonTape path (see PageCodec).
    spec.parseEnvelope = [parser](const QByteArray &body) { return PageCodec::parseEnvelope(body, parser); };
    spec.decodePage = std::move(decode);
    return Pager<T>::start(m_transport, std::move(spec), std::move(onPage), std::move(done), this);
}

MgnCall *MgnClient::describeSourceServers(const SourceServerFilters &filters,
    PageCallback<mgn::SourceServer> onPage, MgnCallback<PagingProgress> done)
{
    const QJsonObject filterObject = encodeFilters(filters);
    auto makeRequest = [this, filterObject](const std::optional<QString> &token) {
        QJsonObject body { { "filters"_L1, filterObject }, { "maxResults"_L1, m_pageSize } };
        if (token)
            body.insert("nextToken"_L1, *token);
        return request(modelOperation(u"DescribeSourceServers"), body);
    };
    return page<mgn::SourceServer>(
        makeRequest, mgn::PageCodec::Parser::Fast,
        [](const mgn::PageCodec::Envelope &envelope) { return mgn::SourceServerCodec::decodePage(envelope); },
        std::move(onPage), std::move(done));
}

MgnCall *MgnClient::describeJobs(
    const JobFilters &filters, PageCallback<mgn::Job> onPage, MgnCallback<PagingProgress> done)
{
    const QJsonObject filterObject = encodeFilters(filters);
    auto makeRequest = [this, filterObject](const std::optional<QString> &token) {
        QJsonObject body { { "filters"_L1, filterObject }, { "maxResults"_L1, m_pageSize } };
        if (token)
            body.insert("nextToken"_L1, *token);
        return request(modelOperation(u"DescribeJobs"), body);
    };
    return page<mgn::Job>(
        makeRequest, mgn::PageCodec::Parser::QJsonDocument,
        [](const mgn::PageCodec::Envelope &envelope) { return mgn::JobCodec::decodePage(*envelope.body); },
        std::move(onPage), std::move(done));
}

MgnCall *MgnClient::describeJobLogItems(
    const QString &jobID, PageCallback<mgn::JobLog> onPage, MgnCallback<PagingProgress> done)
{
    auto makeRequest = [this, jobID](const std::optional<QString> &token) {
        QJsonObject body { { "jobID"_L1, jobID }, { "maxResults"_L1, m_pageSize } };
        if (token)
            body.insert("nextToken"_L1, *token);
        return request(modelOperation(u"DescribeJobLogItems"), body);
    };
    return page<mgn::JobLog>(
        makeRequest, mgn::PageCodec::Parser::QJsonDocument,
        [](const mgn::PageCodec::Envelope &envelope) { return mgn::JobLogCodec::decodePage(*envelope.body); },
        std::move(onPage), std::move(done));
}

MgnCall *MgnClient::describeVcenterClients(
    PageCallback<mgn::VcenterClient> onPage, MgnCallback<PagingProgress> done)
{
    auto makeRequest = [this](const std::optional<QString> &token) {
        QJsonObject input { { "maxResults"_L1, m_pageSize } };
        if (token)
            input.insert("nextToken"_L1, *token);
        return request(modelOperation(u"DescribeVcenterClients"), input);
    };
    return page<mgn::VcenterClient>(
        makeRequest, mgn::PageCodec::Parser::QJsonDocument,
        [](const mgn::PageCodec::Envelope &envelope) {
            return mgn::VcenterClientCodec::decodePage(*envelope.body);
        },
        std::move(onPage), std::move(done));
}

namespace {

template<typename T> MgnCallback<T> toOutcome(MgnBulkCall::Done done)
{
    return [done = std::move(done)](const MgnResult<T> &result) {
        BulkOutcome outcome;
        outcome.error = result.error;
        outcome.requestId = result.requestId;
        if constexpr (std::is_same_v<T, mgn::SourceServer>)
            outcome.server = result.value;
        else if constexpr (std::is_same_v<T, mgn::Job>)
            outcome.job = result.value;
        if (done)
            done(outcome);
    };
}

} // namespace

MgnCall *MgnClient::startAction(
    mgn::Action action, const QStringList &ids, const ActionArguments &arguments, MgnBulkCall::Done done)
{
    using mgn::Action;
    using LifeCycleTarget = mgn::ChangeServerLifeCycleStateSourceServerLifecycleState;
    const QString id = ids.value(0);
    switch (action) {
    case Action::MarkReadyForTest:
        return changeServerLifeCycleState(
            id, LifeCycleTarget::ReadyForTest, toOutcome<mgn::SourceServer>(done));
    case Action::MarkReadyForCutover:
        return changeServerLifeCycleState(
            id, LifeCycleTarget::ReadyForCutover, toOutcome<mgn::SourceServer>(done));
    case Action::StartTest:
        return startTest(ids, arguments.jobTags, toOutcome<mgn::Job>(done));
    case Action::StartCutover:
        return startCutover(ids, arguments.jobTags, toOutcome<mgn::Job>(done));
    case Action::TerminateTargetInstances:
        return terminateTargetInstances(ids, arguments.jobTags, toOutcome<mgn::Job>(done));
    case Action::FinalizeCutover:
        return finalizeCutover(id, toOutcome<mgn::SourceServer>(done));
    case Action::StartReplication:
        return startReplication(id, toOutcome<mgn::SourceServer>(done));
    case Action::StopReplication:
        return stopReplication(id, toOutcome<mgn::SourceServer>(done));
    case Action::PauseReplication:
        return pauseReplication(id, toOutcome<mgn::SourceServer>(done));
    case Action::ResumeReplication:
        return resumeReplication(id, toOutcome<mgn::SourceServer>(done));
    case Action::RetryDataReplication:
        return retryDataReplication(id, toOutcome<mgn::SourceServer>(done));
    case Action::ChangeReplicationType:
        // Without a target the call cannot be made; sent as is, the service
        // would refuse it anyway, and the refusal says what is missing.
        return updateSourceServerReplicationType(id,
            arguments.replicationType.value_or(mgn::ReplicationType::Unrecognized),
            toOutcome<mgn::SourceServer>(done));
    case Action::DisconnectFromService:
        return disconnectFromService(id, toOutcome<mgn::SourceServer>(done));
    case Action::MarkAsArchived:
        return markAsArchived(id, toOutcome<mgn::SourceServer>(done));
    case Action::DeleteSourceServer:
        return deleteSourceServer(id, toOutcome<MgnNothing>(done));
    case Action::DeleteVcenterClient:
        return deleteVcenterClient(id, toOutcome<MgnNothing>(done));
    }
    Q_UNREACHABLE();
    return nullptr;
}

MgnBulkCall *MgnClient::bulk(
    mgn::Action action, const QList<QStringList> &units, int concurrency, const ActionArguments &arguments)
{
    return new MgnBulkCall(
        units,
        [this, action, arguments](const QStringList &ids, MgnBulkCall::Done done) {
            return startAction(action, ids, arguments, std::move(done));
        },
        concurrency, this);
}

} // namespace mgn
