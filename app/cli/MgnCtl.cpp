#include "app/cli/MgnCtl.h"

#include "app/aws/AwsReply.h"
#include "app/aws/AwsTransport.h"
#include "app/aws/SigV4Request.h"
#include "app/aws/SigV4Signer.h"
#include "app/aws/SigV4SigningContext.h"
#include "app/cli/CliResponse.h"
#include "app/mgn/MgnClient.h"
#include "app/mgn/MgnConnection.h"
#include "models/api/ApiModel.h"
#include "models/codec/JobCodec.h"
#include "models/codec/JobLogCodec.h"
#include "models/codec/SourceServerCodec.h"
#include "models/codec/TagsCodec.h"
#include "models/codec/VcenterClientCodec.h"
#include "models/json/JsonTextWriter.h"
#include "models/rules/ActionRules.h"
#include "models/rules/ConsoleStatus.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <memory>

namespace mgn {

using namespace Qt::Literals::StringLiterals;
using mgn::Action;

namespace {

QByteArray readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = MgnCtl::tr("%1: %2").arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

// The wire names of a list-of-enums filter member, split on spaces too.
QStringList wordsOf(const QJsonValue &value)
{
    QStringList words;
    if (value.isArray()) {
        for (const auto &item : value.toArray())
            words.append(item.toString());
    } else if (value.isString()) {
        words = value.toString().split(u' ', Qt::SkipEmptyParts);
    }
    return words;
}

std::optional<bool> boolOf(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool();
    if (value.toString() == u"true"_s)
        return true;
    if (value.toString() == u"false"_s)
        return false;
    return std::nullopt;
}

// The AWS CLI's formatting of a refused call.
QString serviceErrorText(const AwsError &error, const QString &operation)
{
    const QString code = error.code.isEmpty() ? AwsError::kindTitle(error.kind) : error.code;
    return MgnCtl::tr("An error occurred (%1) when calling the %2 operation: %3")
        .arg(code, operation, error.userMessage());
}

QString table(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const auto &header : headers)
        widths.append(header.size());
    for (const auto &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row.at(i).size());
    }
    auto line = [&widths](const QStringList &cells) -> QString {
        QString text;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            if (i > 0)
                text += u"  "_s;
            text += cells.value(i).leftJustified(widths.at(i));
        }
        return text.trimmed() + u'\n';
    };
    QString text = line(headers);
    for (const auto &row : rows)
        text += line(row);
    return text;
}

} // namespace

MgnCtl::MgnCtl(MgnCtlOptions options, QProcessEnvironment env, QString homeDir, QTextStream &out,
    QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_env(std::move(env))
    , m_homeDir(std::move(homeDir))
    , m_out(out)
    , m_err(err)
{ }

void MgnCtl::start()
{
    QTimer::singleShot(0, this, &MgnCtl::run);
}

void MgnCtl::finish(int status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_out.flush();
    m_err.flush();
    Q_EMIT finished(status);
}

void MgnCtl::fail(int status, const QString &message)
{
    m_err << message << u'\n';
    finish(status);
}

void MgnCtl::failWith(const AwsError &error)
{
    const QString operation = QString::fromLatin1(m_options.command->operation);
    if (error.isServiceError())
        fail(ServiceError, serviceErrorText(error, operation));
    else if (error.kind == AwsError::Kind::CredentialsUnavailable)
        fail(ConfigurationError, error.userMessage());
    else
        fail(TransportError, tr("%1 failed: %2").arg(operation, error.userMessage()));
}

void MgnCtl::printJson(const QJsonObject &object)
{
    printUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

void MgnCtl::printUtf8(const QByteArray &text)
{
    // JSON is UTF-8 already: to the device as it is, not through UTF-16 and
    // back (tens of megabytes for a large fleet).
    if (QIODevice *device = m_out.device()) {
        m_out.flush();
        device->write(text);
    } else {
        m_out << QString::fromUtf8(text);
    }
}

// DescribeSourceServers page after page, each body read into the document the
// AWS CLI prints (CliResponse) as it arrives; printed once the listing has
// succeeded, so that a listing failing halfway prints its error only.
void MgnCtl::listAsAwsCli(const QJsonObject &filters)
{
    MgnClient *client = m_connection->client();
    const api::Operation *operation = api::ApiModel::mgn().operation(u"DescribeSourceServers");
    auto response = std::make_shared<CliResponse>(*operation, CliResponse::Paging {});
    auto request = std::make_shared<std::function<void(const std::optional<QString> &)>>();
    *request = [this, client, response, filters, weak = std::weak_ptr(request)](
                   const std::optional<QString> &token) {
        QJsonObject body { { "filters"_L1, filters }, { "maxResults"_L1, client->pageSize() } };
        if (!client->accountId().isEmpty())
            body.insert("accountID"_L1, client->accountId());
        if (token)
            body.insert("nextToken"_L1, *token);
        AwsReply *reply = client->transport()->send(client->postRequest(u"DescribeSourceServers"_s, body));
        // The reply's connection keeps the loop alive until the next request.
        connect(reply, &AwsReply::finished, this, [this, reply, response, self = weak.lock()] {
            reply->deleteLater();
            if (!reply->isSuccess())
                return failWith(reply->error().value_or(AwsError::transport(AwsError::Kind::NetworkError)));
            QString error;
            if (!response->addPage(reply->response().body, &error))
                return fail(ServiceError, tr("DescribeSourceServers: %1").arg(error));
            if (const std::optional<QString> next = response->nextToken())
                return (*self)(next);
            printUtf8(response->output(CliResponse::Format::Json));
            finish(Success);
        });
    };
    (*request)(response->firstToken());
}

std::optional<QJsonObject> MgnCtl::parseStructure(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u'{')) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(trimmed.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            *error = tr("not a JSON object: %1 at offset %2")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
            return std::nullopt;
        }
        return document.object();
    }
    QJsonObject object;
    for (const QString &pair : trimmed.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0) {
            *error = tr("expected Key=Value, got \"%1\"").arg(pair);
            return std::nullopt;
        }
        object.insert(pair.left(equals).trimmed(), pair.mid(equals + 1).trimmed());
    }
    return object;
}

void MgnCtl::run()
{
    if (QLatin1String(m_options.command->name) == "debug-sign"_L1) {
        runDebugSign();
        return;
    }
    QString error;
    m_connection = MgnConnection::open(
        { m_options.profile, m_options.region, m_options.endpointUrl }, m_env, m_homeDir, &error, this);
    if (!m_connection) {
        fail(ConfigurationError, error);
        return;
    }
    if (m_options.dryRun) {
        runDryRun();
        return;
    }

    MgnClient *client = m_connection->client();
    if (m_options.has(u"page-size"_s)) {
        bool ok = false;
        const int size = m_options.value(u"page-size"_s).toInt(&ok);
        if (!ok || size < 1 || size > MgnClient::maxResultsLimit) {
            fail(UsageError, tr("--page-size must be a number from 1 to %1").arg(MgnClient::maxResultsLimit));
            return;
        }
        client->setPageSize(size);
    }
    const QString command = QString::fromLatin1(m_options.command->name);
    const QString id = m_options.value(u"source-server-id"_s);

    auto serverDone = [this](const MgnResult<mgn::SourceServer> &result) {
        if (!result.ok())
            return failWith(*result.error);
        printJson(mgn::SourceServerCodec::encode(*result.value));
        finish(Success);
    };
    auto jobDone = [this](const MgnResult<mgn::Job> &result) {
        if (!result.ok())
            return failWith(*result.error);
        printJson(QJsonObject { { "job"_L1, mgn::JobCodec::encode(*result.value) } });
        finish(Success);
    };
    auto nothingDone = [this](const MgnResult<MgnNothing> &result) {
        if (!result.ok())
            return failWith(*result.error);
        finish(Success);
    };
    mgn::Tags tags;
    if (m_options.has(u"tags"_s)) {
        const auto object = parseStructure(m_options.value(u"tags"_s), &error);
        if (!object)
            return fail(UsageError, tr("--tags: %1").arg(error));
        const DecodeResult<mgn::Tags> decoded = TagsCodec::decode(*object);
        if (!decoded.ok())
            return fail(UsageError, tr("--tags: %1").arg(decoded.error.value_or(JsonError()).toString()));
        tags = *decoded.value;
    }

    if (command == u"describe-source-servers"_s) {
        SourceServerFilters filters;
        if (m_options.has(u"filters"_s)) {
            const auto object = parseStructure(m_options.value(u"filters"_s), &error);
            if (!object)
                return fail(UsageError, tr("--filters: %1").arg(error));
            if (object->contains("sourceServerIDs"_L1))
                filters.sourceServerIDs = wordsOf(object->value("sourceServerIDs"_L1));
            if (object->contains("isArchived"_L1))
                filters.isArchived = boolOf(object->value("isArchived"_L1));
            if (object->contains("applicationIDs"_L1))
                filters.applicationIDs = wordsOf(object->value("applicationIDs"_L1));
            if (object->contains("lifeCycleStates"_L1)) {
                filters.lifeCycleStates.emplace();
                for (const auto &word : wordsOf(object->value("lifeCycleStates"_L1)))
                    filters.lifeCycleStates->append(mgn::EnumValue<mgn::LifeCycleState>::fromWire(word));
            }
            if (object->contains("replicationTypes"_L1)) {
                filters.replicationTypes.emplace();
                for (const auto &word : wordsOf(object->value("replicationTypes"_L1)))
                    filters.replicationTypes->append(mgn::EnumValue<mgn::ReplicationType>::fromWire(word));
            }
        }
        // JSON: the AWS CLI's document, from the bodies; the table needs every server.
        if (m_options.output != MgnCtlOptions::Output::Table) {
            listAsAwsCli(MgnClient::encodeFilters(filters));
            return;
        }
        auto servers = std::make_shared<QList<mgn::SourceServer>>();
        auto problems = std::make_shared<QStringList>();
        client->describeSourceServers(
            filters,
            [servers, problems](const mgn::Page<mgn::SourceServer> &page, const PagingProgress &) {
                servers->append(page.items);
                for (const auto &bad : page.errors)
                    problems->append(tr("server %1 skipped: %2: %3").arg(bad.id, bad.path, bad.message));
            },
            [this, servers, problems](const MgnResult<PagingProgress> &result) {
                for (const auto &problem : *problems)
                    m_err << problem << u'\n';
                if (!result.ok())
                    return failWith(*result.error);
                QList<QStringList> rows;
                for (const auto &server : *servers) {
                    const auto lag = server.lag();
                    rows.append(
                        { server.displayName(), server.id(), mgn::ConsoleStatus::lifeCycleLabel(server),
                            mgn::ConsoleStatus::replicationStatusText(server),
                            lag ? mgn::ConsoleStatus::formatLag(*lag) : QString(),
                            mgn::ConsoleStatus::nextStep(server) });
                }
                m_out << table(
                    { tr("NAME"), tr("ID"), tr("LIFECYCLE"), tr("REPLICATION"), tr("LAG"), tr("NEXT STEP") },
                    rows);
                finish(problems->isEmpty() ? Success : ServiceError);
            });
    } else if (command == u"change-server-life-cycle-state"_s) {
        const auto object = parseStructure(m_options.value(u"life-cycle"_s), &error);
        if (!object)
            return fail(UsageError, tr("--life-cycle: %1").arg(error));
        const auto state
            = mgn::EnumValue<mgn::ChangeServerLifeCycleStateSourceServerLifecycleState>::fromWire(
                object->value("state"_L1).toString());
        if (!state.isKnown())
            return fail(
                UsageError, tr("--life-cycle: state must be READY_FOR_TEST, READY_FOR_CUTOVER or CUTOVER"));
        client->changeServerLifeCycleState(id, state.value(), serverDone);
    } else if (command == u"start-test"_s) {
        client->startTest(m_options.values.value(u"source-server-ids"_s), tags, jobDone);
    } else if (command == u"start-cutover"_s) {
        client->startCutover(m_options.values.value(u"source-server-ids"_s), tags, jobDone);
    } else if (command == u"terminate-target-instances"_s) {
        client->terminateTargetInstances(m_options.values.value(u"source-server-ids"_s), tags, jobDone);
    } else if (command == u"finalize-cutover"_s) {
        client->finalizeCutover(id, serverDone);
    } else if (command == u"disconnect-from-service"_s) {
        client->disconnectFromService(id, serverDone);
    } else if (command == u"mark-as-archived"_s) {
        client->markAsArchived(id, serverDone);
    } else if (command == u"retry-data-replication"_s) {
        client->retryDataReplication(id, serverDone);
    } else if (command == u"start-replication"_s) {
        client->startReplication(id, serverDone);
    } else if (command == u"stop-replication"_s) {
        client->stopReplication(id, serverDone);
    } else if (command == u"pause-replication"_s) {
        client->pauseReplication(id, serverDone);
    } else if (command == u"resume-replication"_s) {
        client->resumeReplication(id, serverDone);
    } else if (command == u"update-source-server-replication-type"_s) {
        const auto type
            = mgn::EnumValue<mgn::ReplicationType>::fromWire(m_options.value(u"replication-type"_s));
        if (!type.isKnown())
            return fail(UsageError, tr("--replication-type must be AGENT_BASED or SNAPSHOT_SHIPPING"));
        client->updateSourceServerReplicationType(id, type.value(), serverDone);
    } else if (command == u"delete-source-server"_s) {
        client->deleteSourceServer(id, nothingDone);
    } else if (command == u"describe-jobs"_s) {
        JobFilters filters;
        if (m_options.has(u"filters"_s)) {
            const auto object = parseStructure(m_options.value(u"filters"_s), &error);
            if (!object)
                return fail(UsageError, tr("--filters: %1").arg(error));
            if (object->contains("jobIDs"_L1))
                filters.jobIDs = wordsOf(object->value("jobIDs"_L1));
        }
        auto items = std::make_shared<QJsonArray>();
        client->describeJobs(
            filters,
            [items](const mgn::Page<mgn::Job> &page, const PagingProgress &) {
                for (const auto &job : page.items)
                    items->append(mgn::JobCodec::encode(job));
            },
            [this, items](const MgnResult<PagingProgress> &result) {
                if (!result.ok())
                    return failWith(*result.error);
                printJson(QJsonObject { { "items"_L1, *items } });
                finish(Success);
            });
    } else if (command == u"describe-job-log-items"_s) {
        auto items = std::make_shared<QJsonArray>();
        client->describeJobLogItems(
            m_options.value(u"job-id"_s),
            [items](const mgn::Page<mgn::JobLog> &page, const PagingProgress &) {
                for (const auto &log : page.items)
                    items->append(mgn::JobLogCodec::encode(log));
            },
            [this, items](const MgnResult<PagingProgress> &result) {
                if (!result.ok())
                    return failWith(*result.error);
                printJson(QJsonObject { { "items"_L1, *items } });
                finish(Success);
            });
    } else if (command == u"describe-vcenter-clients"_s) {
        auto items = std::make_shared<QJsonArray>();
        client->describeVcenterClients(
            [items](const mgn::Page<mgn::VcenterClient> &page, const PagingProgress &) {
                for (const auto &vcenter : page.items)
                    items->append(mgn::VcenterClientCodec::encode(vcenter));
            },
            [this, items](const MgnResult<PagingProgress> &result) {
                if (!result.ok())
                    return failWith(*result.error);
                printJson(QJsonObject { { "items"_L1, *items } });
                finish(Success);
            });
    } else if (command == u"delete-vcenter-client"_s) {
        client->deleteVcenterClient(m_options.value(u"vcenter-client-id"_s), nothingDone);
    } else if (command == u"list-tags-for-resource"_s) {
        client->listTagsForResource(
            m_options.value(u"resource-arn"_s), [this](const MgnResult<mgn::Tags> &result) {
                if (!result.ok())
                    return failWith(*result.error);
                printJson(QJsonObject { { "tags"_L1, TagsCodec::encode(*result.value) } });
                finish(Success);
            });
    } else if (command == u"tag-resource"_s) {
        client->tagResource(m_options.value(u"resource-arn"_s), tags, nothingDone);
    } else if (command == u"untag-resource"_s) {
        client->untagResource(
            m_options.value(u"resource-arn"_s), m_options.values.value(u"tag-keys"_s), nothingDone);
    } else if (command == u"initialize-service"_s) {
        client->initializeService(nothingDone);
    } else {
        fail(UsageError, tr("%1 is not implemented").arg(command));
    }
}

void MgnCtl::runDryRun()
{
    std::optional<Action> chosen = m_options.command->action;
    const QString command = QString::fromLatin1(m_options.command->name);
    if (command == u"change-server-life-cycle-state"_s) {
        QString error;
        const auto object = parseStructure(m_options.value(u"life-cycle"_s), &error);
        if (!object)
            return fail(UsageError, tr("--life-cycle: %1").arg(error));
        const auto state
            = mgn::EnumValue<mgn::ChangeServerLifeCycleStateSourceServerLifecycleState>::fromWire(
                object->value("state"_L1).toString());
        if (!state.isKnown())
            return fail(
                UsageError, tr("--life-cycle: state must be READY_FOR_TEST, READY_FOR_CUTOVER or CUTOVER"));
        chosen = mgn::ActionRules::actionForLifeCycleTarget(state.value());
        if (!chosen) {
            m_out << tr("%1: refused: the documentation allows READY_FOR_TEST and READY_FOR_CUTOVER only")
                         .arg(m_options.value(u"source-server-id"_s))
                  << u'\n';
            return finish(Refused);
        }
    }
    if (!chosen) {
        // Tags and InitializeService: the documentation states no rule.
        m_out << tr("%1: no documented state rule restricts this call; nothing was sent")
                     .arg(QString::fromLatin1(m_options.command->operation))
              << u'\n';
        return finish(Success);
    }
    const Action action = *chosen;
    MgnClient *client = m_connection->client();
    if (action == Action::DeleteVcenterClient) {
        const QString id = m_options.value(u"vcenter-client-id"_s);
        auto found = std::make_shared<std::optional<mgn::VcenterClient>>();
        client->describeVcenterClients(
            [found, id](const mgn::Page<mgn::VcenterClient> &page, const PagingProgress &) {
                for (const auto &vcenter : page.items) {
                    if (vcenter.vcenterClientID == id)
                        *found = vcenter;
                }
            },
            [this, found, id](const MgnResult<PagingProgress> &result) {
                if (!result.ok())
                    return failWith(*result.error);
                if (!*found) {
                    m_out << tr("%1: refused: no such vCenter client").arg(id) << u'\n';
                    return finish(Refused);
                }
                const auto verdict = mgn::ActionRules::evaluateVcenterClientDeletion(**found);
                m_out << id << u": "_s
                      << (verdict.allowed ? tr("allowed") : tr("refused: %1").arg(verdict.reason)) << u'\n';
                finish(verdict.allowed ? Success : Refused);
            });
        return;
    }

    QStringList ids = m_options.values.value(u"source-server-ids"_s);
    if (ids.isEmpty())
        ids = { m_options.value(u"source-server-id"_s) };
    std::optional<mgn::ReplicationType> target;
    if (action == Action::ChangeReplicationType) {
        const auto type
            = mgn::EnumValue<mgn::ReplicationType>::fromWire(m_options.value(u"replication-type"_s));
        if (!type.isKnown())
            return fail(UsageError, tr("--replication-type must be AGENT_BASED or SNAPSHOT_SHIPPING"));
        target = type.value();
    }
    SourceServerFilters filters;
    filters.sourceServerIDs = ids;
    auto servers = std::make_shared<QHash<QString, mgn::SourceServer>>();
    client->describeSourceServers(
        filters,
        [servers](const mgn::Page<mgn::SourceServer> &page, const PagingProgress &) {
            for (const auto &server : page.items)
                servers->insert(server.id(), server);
        },
        [this, servers, ids, action, target](const MgnResult<PagingProgress> &result) {
            if (!result.ok())
                return failWith(*result.error);
            bool anyRefused = false;
            for (const QString &id : ids) {
                const auto it = servers->constFind(id);
                if (it == servers->constEnd()) {
                    m_out << tr("%1: refused: no such source server").arg(id) << u'\n';
                    anyRefused = true;
                    continue;
                }
                const auto verdict = target ? mgn::ActionRules::evaluateReplicationTypeChange(*it, *target)
                                            : mgn::ActionRules::evaluate(action, *it);
                anyRefused = anyRefused || !verdict.allowed;
                m_out << id << u" ("_s << it->displayName() << u"): "_s
                      << (verdict.allowed ? tr("allowed") : tr("refused: %1").arg(verdict.reason)) << u'\n';
            }
            finish(anyRefused ? Refused : Success);
        });
}

void MgnCtl::runDebugSign()
{
    QString error;
    const QByteArray contextJson = readFile(m_options.value(u"context"_s), &error);
    if (!error.isEmpty())
        return fail(UsageError, error);
    const QByteArray requestText = readFile(m_options.value(u"request"_s), &error);
    if (!error.isEmpty())
        return fail(UsageError, error);
    const auto context = SigV4SigningContext::fromJson(contextJson, &error);
    if (!context)
        return fail(UsageError, tr("%1: %2").arg(m_options.value(u"context"_s), error));
    const auto request = SigV4Request::fromHttpText(requestText, &error);
    if (!request)
        return fail(UsageError, tr("%1: %2").arg(m_options.value(u"request"_s), error));
    const QString mode = m_options.has(u"mode"_s) ? m_options.value(u"mode"_s) : u"header"_s;
    if (mode != u"header"_s && mode != u"query"_s)
        return fail(UsageError, tr("--mode must be header or query"));

    const SigV4Signer signer(context->signerOptions());
    const SigV4Signer::Result result = mode == u"header"_s
        ? signer.signHeaders(*request, context->credentials, context->timestamp)
        : signer.signQuery(*request, context->credentials, context->timestamp);
    m_out << u"--- canonical request\n"_s << QString::fromUtf8(result.canonicalRequest)
          << u"\n--- string to sign\n"_s << QString::fromUtf8(result.stringToSign) << u"\n--- signature\n"_s
          << QString::fromLatin1(result.signature) << u"\n--- signed request\n"_s
          << QString::fromUtf8(result.request.toHttpText()) << u'\n';
    finish(Success);
}

} // namespace mgn
