#pragma once

#include "app/aws/AwsHttpRequest.h"
#include "app/mgn/JobFilters.h"
#include "app/mgn/MgnBulkCall.h"
#include "app/mgn/MgnCall.h"
#include "app/mgn/MgnResult.h"
#include "app/mgn/PagingProgress.h"
#include "app/mgn/SourceServerFilters.h"
#include "models/api/ApiModel.h"
#include "models/codec/Page.h"
#include "models/codec/PageCodec.h"
#include "models/domain/Job.h"
#include "models/domain/JobLog.h"
#include "models/domain/SourceServer.h"
#include "models/domain/VcenterClient.h"
#include "models/rules/Action.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace mgn {

class AwsTransport;

// The MGN operations the dashboard and mgnctl use, typed: requests built
// from domain values, responses decoded by the codecs of mgn_models. Every
// operation is asynchronous: it returns an MgnCall at once and answers
// through its callback, on the thread of the client, never from the call that
// started it. The transport signs, retries and types errors; a 2xx body that
// does not decode is a MalformedResponse error naming the member at fault.
//
// Listings follow nextToken on their own (maxResults 1000 unless set) and
// hand over each page as it arrives, decoded off the calling thread; items
// that do not decode are reported in the page, the others are kept.
class MgnClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MgnClient)

public:
    template<typename T>
    using PageCallback = std::function<void(const mgn::Page<T> &page, const PagingProgress &progress)>;

    // The service's limits (MaxResultsType, the *SourceServerIDs lists).
    static constexpr int maxResultsLimit = 1000;
    static constexpr int maxIdsPerCall = 200;

    // The transport must outlive the client.
    MgnClient(AwsTransport *transport, const QUrl &endpoint, QObject *parent = nullptr);

    QUrl endpoint() const { return m_endpoint; }
    AwsTransport *transport() const { return m_transport; }
    // Sent as accountID with every operation that takes one (the account of
    // an organization's member whose servers this account manages).
    void setAccountId(const QString &accountId) { m_accountId = accountId; }
    QString accountId() const { return m_accountId; }
    // Items per page of the listings, 1..1000.
    void setPageSize(int size);
    int pageSize() const { return m_pageSize; }

    // Source servers.
    MgnCall *describeSourceServers(const SourceServerFilters &filters, PageCallback<mgn::SourceServer> onPage,
        MgnCallback<PagingProgress> done);
    MgnCall *changeServerLifeCycleState(const QString &sourceServerID,
        mgn::ChangeServerLifeCycleStateSourceServerLifecycleState state, MgnCallback<mgn::SourceServer> done);
    MgnCall *finalizeCutover(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done);
    MgnCall *disconnectFromService(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done);
    MgnCall *markAsArchived(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done);
    MgnCall *retryDataReplication(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done);
    MgnCall *startReplication(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done);
    MgnCall *stopReplication(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done);
    MgnCall *pauseReplication(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done);
    MgnCall *resumeReplication(const QString &sourceServerID, MgnCallback<mgn::SourceServer> done);
    MgnCall *updateSourceServerReplicationType(
        const QString &sourceServerID, mgn::ReplicationType type, MgnCallback<mgn::SourceServer> done);
    MgnCall *deleteSourceServer(const QString &sourceServerID, MgnCallback<MgnNothing> done);

    // Launch and terminate jobs: 1..200 IDs; tags go on the job.
    MgnCall *startTest(const QStringList &sourceServerIDs, const mgn::Tags &tags, MgnCallback<mgn::Job> done);
    MgnCall *startCutover(
        const QStringList &sourceServerIDs, const mgn::Tags &tags, MgnCallback<mgn::Job> done);
    MgnCall *terminateTargetInstances(
        const QStringList &sourceServerIDs, const mgn::Tags &tags, MgnCallback<mgn::Job> done);

    // Jobs.
    MgnCall *describeJobs(
        const JobFilters &filters, PageCallback<mgn::Job> onPage, MgnCallback<PagingProgress> done);
    MgnCall *describeJobLogItems(
        const QString &jobID, PageCallback<mgn::JobLog> onPage, MgnCallback<PagingProgress> done);

    // vCenter clients (GET with the paging in the query).
    MgnCall *describeVcenterClients(
        PageCallback<mgn::VcenterClient> onPage, MgnCallback<PagingProgress> done);
    MgnCall *deleteVcenterClient(const QString &vcenterClientID, MgnCallback<MgnNothing> done);

    // Tags of any MGN resource, by ARN (which goes percent-encoded in the path).
    MgnCall *listTagsForResource(const QString &resourceArn, MgnCallback<mgn::Tags> done);
    MgnCall *tagResource(const QString &resourceArn, const mgn::Tags &tags, MgnCallback<MgnNothing> done);
    MgnCall *untagResource(
        const QString &resourceArn, const QStringList &tagKeys, MgnCallback<MgnNothing> done);

    MgnCall *initializeService(MgnCallback<MgnNothing> done);

    // Any operation of the API model, driven by its descriptor: `input` is
    // the JSON document of the operation's input shape, checked by
    // api::ParamValidator (a refusal is an AwsError of kind Validation, sent
    // nothing) and serialised by api::RestJsonSerializer; accountID is added
    // where the input has it and the client has one. The answer is the 2xx
    // body as it came (an empty body is "{}"). Retries follow the model's
    // idempotency as for the typed calls.
    using BodyPageCallback = std::function<void(const QByteArray &body, const PagingProgress &progress)>;
    MgnCall *invoke(const api::Operation &operation, const QJsonObject &input, MgnCallback<QByteArray> done);
    // A paginated operation, page after page (the paginator's input and
    // output tokens, pageSize() as its limit key unless `input` sets one):
    // each body as it arrives, then the progress (items: the entries of the
    // paginator's result keys). The operation, and so its model, must
    // outlive the call.
    MgnCall *invokePages(const api::Operation &operation, const QJsonObject &input, BodyPageCallback onPage,
        MgnCallback<PagingProgress> done);

    // What some actions need besides the IDs.
    struct ActionArguments final {
        std::optional<mgn::ReplicationType> replicationType; // ChangeReplicationType
        mgn::Tags jobTags; // StartTest, StartCutover, TerminateTargetInstances
    };
    // The API call behind an action for one unit: a server ID (a vCenter
    // client ID for DeleteVcenterClient), or up to 200 IDs for the calls that
    // take many. The outcome carries the updated server or the job.
    MgnCall *startAction(
        mgn::Action action, const QStringList &ids, const ActionArguments &arguments, MgnBulkCall::Done done);
    // The action over units (ActionRules::Evaluation::batches), at most
    // `concurrency` calls at once. Call start() on the result.
    MgnBulkCall *bulk(mgn::Action action, const QList<QStringList> &units, int concurrency,
        const ActionArguments &arguments = {});

    // The request of an operation as it goes to the transport (unsigned), for
    // --dry-run style output and tests: the input with accountID added as
    // invoke() adds it, serialised by api::RestJsonSerializer, not validated.
    // The one builder of every request this client sends.
    AwsHttpRequest request(const api::Operation &operation, const QJsonObject &input) const;

    // Whether the service carrying out the operation twice does no harm: the
    // reads (Describe*, List*, Get*), and what the API model marks idempotent.
    // The others are never sent again after a failure that leaves open
    // whether the service acted (see AwsHttpRequest::idempotent). An
    // operation the model does not have is not.
    static bool isIdempotent(const api::Operation &operation);
    static bool isIdempotent(QStringView operation);
    static QJsonObject encodeFilters(const SourceServerFilters &filters);
    static QJsonObject encodeFilters(const JobFilters &filters);

private:
    template<typename T, typename Decode>
    MgnCall *send(const AwsHttpRequest &request, Decode decode, MgnCallback<T> done);
    MgnCall *sourceServerCall(
        const QString &operation, const QJsonObject &body, MgnCallback<mgn::SourceServer> done);
    MgnCall *serverIdCall(
        const QString &operation, const QString &sourceServerID, MgnCallback<mgn::SourceServer> done);
    MgnCall *jobCall(
        const QString &operation, const QStringList &ids, const mgn::Tags &tags, MgnCallback<mgn::Job> done);
    MgnCall *nothingCall(const AwsHttpRequest &request, MgnCallback<MgnNothing> done);

    template<typename T>
    MgnCall *page(std::function<AwsHttpRequest(const std::optional<QString> &token)> makeRequest,
        mgn::PageCodec::Parser parser, std::function<mgn::Page<T>(const mgn::PageCodec::Envelope &)> decode,
        PageCallback<T> onPage, MgnCallback<PagingProgress> done);

    // The input with the client's accountID where the operation takes one
    // and the input does not set it.
    QJsonObject withAccount(const api::Operation &operation, QJsonObject input) const;
    // An MgnCall that fails with `error` without sending anything, answered
    // from the event loop as any other.
    template<typename T>
    MgnCall *refuse(const QString &operation, const AwsError &error, MgnCallback<T> done);

    AwsTransport *m_transport;
    QUrl m_endpoint;
    QString m_accountId;
    int m_pageSize = maxResultsLimit;
};

} // namespace mgn
