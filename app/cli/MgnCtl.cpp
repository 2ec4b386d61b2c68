#include "app/cli/MgnCtl.h"

#include "app/aws/SigV4Request.h"
#include "app/aws/SigV4Signer.h"
#include "app/aws/SigV4SigningContext.h"
#include "app/mgn/MgnClient.h"
#include "app/mgn/MgnConnection.h"
#include "models/codec/JobCodec.h"
#include "models/codec/JobLogCodec.h"
#include "models/codec/SourceServerCodec.h"
#include "models/codec/TagsCodec.h"
#include "models/codec/VcenterClientCodec.h"
#include "models/json/JsonTextWriter.h"
#include "models/rules/ActionRules.h"
#include "models/rules/ConsoleStatus.h"

#include <QFile>
#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

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
    const QString operation = m_options.operation ? m_options.operation->name : m_options.command;
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

// One page's servers as the elements of the "items" array stand in the
// document printJson would print for {"items": [...]}: two levels deep,
// separated by ",\n", without the last newline. Each page is written on the
// thread pool as it arrives, while the next one is still on its way, rather
// than the whole fleet after the last page.
QByteArray MgnCtl::itemsText(const QList<mgn::SourceServer> &servers)
{
    QByteArray text;
    for (const auto &server : servers) {
        if (!text.isEmpty())
            text.append(",\n", 2);
        text.append(8, ' ');
        mgn::JsonTextWriter writer(text, mgn::JsonTextWriter::Format::Indented, 2);
        mgn::SourceServerCodec::write(writer, server);
        text.chop(1); // the newline after a value at the top level
    }
    return text;
}

// Waits for the pages still being written: a command-line tool at its end,
// with nothing else to do.
void MgnCtl::printItems(const QList<QFuture<QByteArray>> &pages)
{
    printUtf8(QByteArrayLiteral("{\n    \"items\": [\n"));
    bool first = true;
    for (const QFuture<QByteArray> &future : pages) {
        const QByteArray page = future.result();
        if (page.isEmpty())
            continue;
        if (!first)
            printUtf8(QByteArrayLiteral(",\n"));
        printUtf8(page);
        first = false;
    }
    printUtf8(first ? QByteArrayLiteral("    ]\n}\n") : QByteArrayLiteral("\n    ]\n}\n"));
}

void MgnCtl::run()
{
    if (!m_options.operation) {
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
    if (m_options.pageSize) {
        const qint64 size = *m_options.pageSize;
        if (size < 1 || size > MgnClient::maxResultsLimit) {
            fail(UsageError, tr("--page-size must be a number from 1 to %1").arg(MgnClient::maxResultsLimit));
            return;
        }
        client->setPageSize(int(size));
    }
    const QString command = m_options.command;
    const QString id = m_options.string(u"sourceServerID"_s);

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
    if (m_options.input.contains(u"tags"_s)) {
        const DecodeResult<mgn::Tags> decoded
            = TagsCodec::decode(m_options.input.value(u"tags"_s).toObject());
        if (!decoded.ok())
            return fail(UsageError, tr("--tags: %1").arg(decoded.error.value_or(JsonError()).toString()));
        tags = *decoded.value;
    }

    if (command == u"describe-source-servers"_s) {
        SourceServerFilters filters;
        if (m_options.input.contains(u"filters"_s)) {
            const auto object = std::optional<QJsonObject>(m_options.input.value(u"filters"_s).toObject());
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
        // The table needs every server; JSON only the text of each page.
        const bool asTable = m_options.output == MgnCtlOptions::Output::Table;
        auto servers = std::make_shared<QList<mgn::SourceServer>>();
        auto pagesText = std::make_shared<QList<QFuture<QByteArray>>>();
        auto problems = std::make_shared<QStringList>();
        client->describeSourceServers(
            filters,
            [asTable, servers, pagesText, problems](
                const mgn::Page<mgn::SourceServer> &page, const PagingProgress &) {
                if (asTable)
                    servers->append(page.items);
                else
                    pagesText->append(QtConcurrent::run(&MgnCtl::itemsText, page.items));
                for (const auto &bad : page.errors)
                    problems->append(tr("server %1 skipped: %2: %3").arg(bad.id, bad.path, bad.message));
            },
            [this, asTable, servers, pagesText, problems](const MgnResult<PagingProgress> &result) {
                for (const auto &problem : *problems)
                    m_err << problem << u'\n';
                if (!result.ok())
                    return failWith(*result.error);
                if (asTable) {
                    QList<QStringList> rows;
                    for (const auto &server : *servers) {
                        const auto lag = server.lag();
                        rows.append(
                            { server.displayName(), server.id(), mgn::ConsoleStatus::lifeCycleLabel(server),
                                mgn::ConsoleStatus::replicationStatusText(server),
                                lag ? mgn::ConsoleStatus::formatLag(*lag) : QString(),
                                mgn::ConsoleStatus::nextStep(server) });
                    }
                    m_out << table({ tr("NAME"), tr("ID"), tr("LIFECYCLE"), tr("REPLICATION"), tr("LAG"),
                                       tr("NEXT STEP") },
                        rows);
                } else {
                    printItems(*pagesText);
                }
                finish(problems->isEmpty() ? Success : ServiceError);
            });
    } else if (command == u"change-server-life-cycle-state"_s) {
        const QJsonObject lifeCycle = m_options.input.value(u"lifeCycle"_s).toObject();
        const auto state
            = mgn::EnumValue<mgn::ChangeServerLifeCycleStateSourceServerLifecycleState>::fromWire(
                lifeCycle.value("state"_L1).toString());
        if (!state.isKnown())
            return fail(
                UsageError, tr("--life-cycle: state must be READY_FOR_TEST, READY_FOR_CUTOVER or CUTOVER"));
        client->changeServerLifeCycleState(id, state.value(), serverDone);
    } else if (command == u"start-test"_s) {
        client->startTest(m_options.strings(u"sourceServerIDs"_s), tags, jobDone);
    } else if (command == u"start-cutover"_s) {
        client->startCutover(m_options.strings(u"sourceServerIDs"_s), tags, jobDone);
    } else if (command == u"terminate-target-instances"_s) {
        client->terminateTargetInstances(m_options.strings(u"sourceServerIDs"_s), tags, jobDone);
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
            = mgn::EnumValue<mgn::ReplicationType>::fromWire(m_options.string(u"replicationType"_s));
        if (!type.isKnown())
            return fail(UsageError, tr("--replication-type must be AGENT_BASED or SNAPSHOT_SHIPPING"));
        client->updateSourceServerReplicationType(id, type.value(), serverDone);
    } else if (command == u"delete-source-server"_s) {
        client->deleteSourceServer(id, nothingDone);
    } else if (command == u"describe-jobs"_s) {
        JobFilters filters;
        if (m_options.input.contains(u"filters"_s)) {
            const QJsonObject object = m_options.input.value(u"filters"_s).toObject();
            if (object.contains("jobIDs"_L1))
                filters.jobIDs = wordsOf(object.value("jobIDs"_L1));
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
            m_options.string(u"jobID"_s),
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
        client->deleteVcenterClient(m_options.string(u"vcenterClientID"_s), nothingDone);
    } else if (command == u"list-tags-for-resource"_s) {
        client->listTagsForResource(
            m_options.string(u"resourceArn"_s), [this](const MgnResult<mgn::Tags> &result) {
                if (!result.ok())
                    return failWith(*result.error);
                printJson(QJsonObject { { "tags"_L1, TagsCodec::encode(*result.value) } });
                finish(Success);
            });
    } else if (command == u"tag-resource"_s) {
        client->tagResource(m_options.string(u"resourceArn"_s), tags, nothingDone);
    } else if (command == u"untag-resource"_s) {
        client->untagResource(
            m_options.string(u"resourceArn"_s), m_options.strings(u"tagKeys"_s), nothingDone);
    } else if (command == u"initialize-service"_s) {
        client->initializeService(nothingDone);
    } else {
        fail(UsageError, tr("%1 is not implemented").arg(command));
    }
}

void MgnCtl::runDryRun()
{
    std::optional<Action> chosen = m_options.action();
    const QString command = m_options.command;
    if (command == u"change-server-life-cycle-state"_s) {
        const auto state
            = mgn::EnumValue<mgn::ChangeServerLifeCycleStateSourceServerLifecycleState>::fromWire(
                m_options.input.value(u"lifeCycle"_s).toObject().value("state"_L1).toString());
        if (!state.isKnown())
            return fail(
                UsageError, tr("--life-cycle: state must be READY_FOR_TEST, READY_FOR_CUTOVER or CUTOVER"));
        chosen = mgn::ActionRules::actionForLifeCycleTarget(state.value());
        if (!chosen) {
            m_out << tr("%1: refused: the documentation allows READY_FOR_TEST and READY_FOR_CUTOVER only")
                         .arg(m_options.string(u"sourceServerID"_s))
                  << u'\n';
            return finish(Refused);
        }
    }
    if (!chosen) {
        // Tags and InitializeService: the documentation states no rule.
        m_out << tr("%1: no documented state rule restricts this call; nothing was sent")
                     .arg(m_options.operation->name)
              << u'\n';
        return finish(Success);
    }
    const Action action = *chosen;
    MgnClient *client = m_connection->client();
    if (action == Action::DeleteVcenterClient) {
        const QString id = m_options.string(u"vcenterClientID"_s);
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

    QStringList ids = m_options.strings(u"sourceServerIDs"_s);
    if (ids.isEmpty())
        ids = { m_options.string(u"sourceServerID"_s) };
    std::optional<mgn::ReplicationType> target;
    if (action == Action::ChangeReplicationType) {
        const auto type
            = mgn::EnumValue<mgn::ReplicationType>::fromWire(m_options.string(u"replicationType"_s));
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
    const QByteArray contextJson = readFile(m_options.debugSign.value(u"context"_s), &error);
    if (!error.isEmpty())
        return fail(UsageError, error);
    const QByteArray requestText = readFile(m_options.debugSign.value(u"request"_s), &error);
    if (!error.isEmpty())
        return fail(UsageError, error);
    const auto context = SigV4SigningContext::fromJson(contextJson, &error);
    if (!context)
        return fail(UsageError, tr("%1: %2").arg(m_options.debugSign.value(u"context"_s), error));
    const auto request = SigV4Request::fromHttpText(requestText, &error);
    if (!request)
        return fail(UsageError, tr("%1: %2").arg(m_options.debugSign.value(u"request"_s), error));
    const QString mode = m_options.debugSign.value(u"mode"_s, u"header"_s);
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
