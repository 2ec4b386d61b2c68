#include "app/cli/MgnCtl.h"

#include "app/aws/SigV4Request.h"
#include "app/aws/SigV4Signer.h"
#include "app/aws/SigV4SigningContext.h"
#include "app/cli/CliNames.h"
#include "app/cli/CliSkeleton.h"
#include "app/cli/PythonJson.h"
#include "app/mgn/MgnClient.h"
#include "app/mgn/MgnConnection.h"
#include "models/api/ParamValidator.h"
#include "models/json/JsonTape.h"
#include "models/rules/ActionRules.h"

#include <QFile>
#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
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

// The AWS CLI's formatting of a refused call.
QString serviceErrorText(const AwsError &error, const QString &operation)
{
    const QString code = error.code.isEmpty() ? AwsError::kindTitle(error.kind) : error.code;
    return MgnCtl::tr("An error occurred (%1) when calling the %2 operation: %3")
        .arg(code, operation, error.userMessage());
}

// The output token of a page, read ahead of CliResponse (which reads it
// again): a string member at the top level, or nothing.
std::optional<QString> outputToken(const QByteArray &body, const QString &name)
{
    const std::optional<JsonTape> tape = JsonTape::parse(body);
    if (!tape)
        return std::nullopt;
    const QByteArray key = name.toLatin1();
    const JsonTape::Value token = tape->root().member(QLatin1StringView(key));
    if (!token.isValid() || token.type() != JsonTape::Type::String)
        return std::nullopt;
    QString text = token.toString();
    return text.isEmpty() ? std::nullopt : std::optional(text);
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

    runGeneric();
}

// The option of a member path ("sourceServerIDs[2]" -> "--source-server-ids[2]",
// "filters.isArchived" -> "--filters.isArchived"); a member the input does not
// have keeps its path.
QString MgnCtl::optionPath(const QString &path) const
{
    const qsizetype end = path.indexOf(QRegularExpression(u"[.\\[ ]"_s));
    const QString member = end < 0 ? path : path.left(end);
    if (!m_options.operation->input || !m_options.operation->input->findMember(member))
        return path;
    return u"--"_s + CliNames::xform(member) + (end < 0 ? QString() : path.mid(end));
}

bool MgnCtl::validate(const api::Shape *shape, const QJsonObject &document, bool asOptions)
{
    if (!shape)
        return true;
    const QList<api::ValidationProblem> problems = api::ParamValidator::validate(*shape, document);
    if (problems.isEmpty())
        return true;
    QString text = u"Parameter validation failed:"_s;
    for (const api::ValidationProblem &problem : problems) {
        QString line = problem.message;
        if (asOptions && !problem.path.isEmpty())
            line.replace(problem.path, optionPath(problem.path));
        text += u'\n' + line;
    }
    fail(ParameterError, text);
    return false;
}

void MgnCtl::runGeneric()
{
    const api::Operation &operation = *m_options.operation;
    if (!validate(operation.input, m_options.input, true))
        return;
    const CliResponse::Format format = m_options.output == MgnCtlOptions::Output::Text
        ? CliResponse::Format::Text
        : m_options.output == MgnCtlOptions::Output::Table ? CliResponse::Format::Table
                                                           : CliResponse::Format::Json;
    auto response = std::make_shared<CliResponse>(operation,
        CliResponse::Paging {
            m_options.maxItems, m_options.startingToken, m_options.pageSize, m_options.paginate });

    if (m_options.skeleton == MgnCtlOptions::Skeleton::Output) {
        // The CLI answers from a stub with the output skeleton, which botocore
        // checks against the output shape first.
        const CliValue skeleton = CliSkeleton::output(operation);
        const QByteArray body = PythonJson::dumps(skeleton, false);
        if (!validate(operation.output, QJsonDocument::fromJson(body).object(), false))
            return;
        QString error;
        if (!response->addPage(body, &error))
            return fail(ParameterError, error);
        printUtf8(response->output(format));
        return finish(Success);
    }

    const bool paginated = operation.paginator && m_options.paginate;
    QJsonObject input = m_options.input;
    if (paginated && m_options.pageSize && !operation.paginator->limitKey.isEmpty())
        input.insert(operation.paginator->limitKey, *m_options.pageSize);
    if (paginated) {
        if (const std::optional<QString> token = response->firstToken())
            input.insert(operation.paginator->inputToken, *token);
    }
    requestPage(response, input, format);
}

// One request; for a paginated command, the next one when CliResponse asks
// for it, as botocore's PageIterator does. Without --max-items every page that
// has an output token is read, so the next page is asked for before this one
// is parsed and printed: the service prepares it meanwhile.
void MgnCtl::requestPage(std::shared_ptr<CliResponse> response, QJsonObject input, CliResponse::Format format)
{
    const api::Operation &operation = *m_options.operation;
    m_connection->client()->invoke(
        operation, input, [this, response, input, format](const MgnResult<QByteArray> &result) {
            // A page asked for ahead that the listing no longer needs.
            if (m_finished)
                return;
            if (!result.ok())
                return failWith(*result.error);
            const std::optional<api::Paginator> &paginator = m_options.operation->paginator;
            const bool paginated = paginator && m_options.paginate;
            auto withToken = [&input, &paginator](const QString &token) {
                QJsonObject next = input;
                next.insert(paginator->inputToken, token);
                return next;
            };
            std::optional<QString> ahead;
            if (paginated && !m_options.maxItems) {
                ahead = outputToken(*result.value, paginator->outputToken);
                if (ahead)
                    requestPage(response, withToken(*ahead), format);
            }
            QString error;
            if (!response->addPage(*result.value, &error))
                return fail(ParameterError, error);
            if (paginated) {
                if (const std::optional<QString> token = response->nextToken()) {
                    if (!ahead)
                        requestPage(response, withToken(*token), format);
                    return;
                }
            }
            printUtf8(response->output(format));
            finish(Success);
        });
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
