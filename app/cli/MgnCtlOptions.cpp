#include "app/cli/MgnCtlOptions.h"

#include <QCoreApplication>

namespace mgn {

using namespace Qt::Literals::StringLiterals;
using mgn::Action;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MgnCtlOptions", text);
}

const QStringList globalValueOptions = { u"profile"_s, u"region"_s, u"endpoint-url"_s, u"output"_s };

bool listHas(const QList<const char *> &names, const QString &name)
{
    for (const char *candidate : names) {
        if (name == QLatin1String(candidate))
            return true;
    }
    return false;
}

} // namespace

const QList<MgnCtlOptions::Command> &MgnCtlOptions::commands()
{
    static const QList<Command> table = {
        { "describe-source-servers", "DescribeSourceServers", {}, { "filters", "page-size" }, {},
            std::nullopt, "List the source servers (all pages)" },
        { "change-server-life-cycle-state", "ChangeServerLifeCycleState",
            { "source-server-id", "life-cycle" }, {}, {}, std::nullopt,
            "Mark a server ready for testing or for cutover (--life-cycle state=READY_FOR_TEST)" },
        { "start-test", "StartTest", { "source-server-ids" }, { "tags" }, { "source-server-ids" },
            Action::StartTest, "Launch test instances" },
        { "start-cutover", "StartCutover", { "source-server-ids" }, { "tags" }, { "source-server-ids" },
            Action::StartCutover, "Launch cutover instances" },
        { "terminate-target-instances", "TerminateTargetInstances", { "source-server-ids" }, { "tags" },
            { "source-server-ids" }, Action::TerminateTargetInstances,
            "Terminate launched test or cutover instances" },
        { "finalize-cutover", "FinalizeCutover", { "source-server-id" }, {}, {}, Action::FinalizeCutover,
            "Finalize the cutover" },
        { "disconnect-from-service", "DisconnectFromService", { "source-server-id" }, {}, {},
            Action::DisconnectFromService, "Disconnect a server from the service" },
        { "mark-as-archived", "MarkAsArchived", { "source-server-id" }, {}, {}, Action::MarkAsArchived,
            "Archive a server" },
        { "retry-data-replication", "RetryDataReplication", { "source-server-id" }, {}, {},
            Action::RetryDataReplication, "Retry data replication initiation" },
        { "start-replication", "StartReplication", { "source-server-id" }, {}, {}, Action::StartReplication,
            "Start data replication" },
        { "stop-replication", "StopReplication", { "source-server-id" }, {}, {}, Action::StopReplication,
            "Stop data replication" },
        { "pause-replication", "PauseReplication", { "source-server-id" }, {}, {}, Action::PauseReplication,
            "Pause data replication" },
        { "resume-replication", "ResumeReplication", { "source-server-id" }, {}, {},
            Action::ResumeReplication, "Resume data replication" },
        { "update-source-server-replication-type", "UpdateSourceServerReplicationType",
            { "source-server-id", "replication-type" }, {}, {}, Action::ChangeReplicationType,
            "Switch between agent-based and snapshot shipping replication" },
        { "delete-source-server", "DeleteSourceServer", { "source-server-id" }, {}, {},
            Action::DeleteSourceServer, "Delete a source server" },
        { "describe-jobs", "DescribeJobs", {}, { "filters", "page-size" }, {}, std::nullopt,
            "List the jobs (all pages)" },
        { "describe-job-log-items", "DescribeJobLogItems", { "job-id" }, { "page-size" }, {}, std::nullopt,
            "List a job's log (all pages)" },
        { "describe-vcenter-clients", "DescribeVcenterClients", {}, { "page-size" }, {}, std::nullopt,
            "List the vCenter clients (all pages)" },
        { "delete-vcenter-client", "DeleteVcenterClient", { "vcenter-client-id" }, {}, {},
            Action::DeleteVcenterClient, "Delete a vCenter client" },
        { "list-tags-for-resource", "ListTagsForResource", { "resource-arn" }, {}, {}, std::nullopt,
            "List a resource's tags" },
        { "tag-resource", "TagResource", { "resource-arn", "tags" }, {}, {}, std::nullopt, "Tag a resource" },
        { "untag-resource", "UntagResource", { "resource-arn", "tag-keys" }, {}, { "tag-keys" }, std::nullopt,
            "Remove tags from a resource" },
        { "initialize-service", "InitializeService", {}, {}, {}, std::nullopt,
            "Initialize MGN in this account" },
        { "debug-sign", "", { "context", "request" }, { "mode" }, {}, std::nullopt,
            "Print the canonical request, string to sign and signed request of a SigV4 test-suite case" },
    };
    return table;
}

QString MgnCtlOptions::helpText()
{
    QString text
        = tr("Usage: mgnctl [global options] <command> [options]\n\n"
             "A command-line companion of MGN Dashboard for AWS Application Migration Service.\n"
             "Commands and options are named as in `aws mgn`.\n\n"
             "Global options:\n"
             "  --profile NAME        a profile of ~/.aws/config and ~/.aws/credentials\n"
             "  --region REGION       the AWS region (else AWS_REGION, AWS_DEFAULT_REGION, the profile)\n"
             "  --endpoint-url URL    another endpoint (e.g. a local mgn-emulator)\n"
             "  --output json|table   json (the AWS CLI's document) or a table for listings\n"
             "  --dry-run             for commands that change servers: fetch the servers and say,\n"
             "                        per server, whether the documented rules allow the action\n"
             "  --debug               log each request on stderr (operation, attempt, HTTP status,\n"
             "                        time, retries); without it a command that succeeds prints\n"
             "                        nothing on stderr\n"
             "  --help, --version\n\n"
             "Commands:\n");
    for (const Command &command : commands()) {
        QStringList options;
        for (const char *name : command.required)
            options.append(u"--"_s + QString::fromLatin1(name)
                + (listHas(command.lists, QString::fromLatin1(name)) ? u" ..."_s : u" X"_s));
        for (const char *name : command.optional)
            options.append(u"[--"_s + QString::fromLatin1(name) + u" X]"_s);
        text += u"  "_s + QString::fromLatin1(command.name) + u' ' + options.join(u' ') + u"\n      "_s
            + tr(command.summary) + u'\n';
    }
    text += tr("\n--filters and --tags take JSON ('{\"isArchived\":false}') or the shorthand\n"
               "Key=Value,Key=Value (list values separated by spaces inside one word are not split).\n\n"
               "Exit status: 0 success; 1 --dry-run found servers the rules refuse; 2 bad command line;\n"
               "253 configuration or credentials; 254 the service answered with an error;\n"
               "255 no usable answer (network, timeout).\n");
    return text;
}

MgnCtlOptions MgnCtlOptions::parse(const QStringList &arguments)
{
    MgnCtlOptions options;
    auto fail = [&options](const QString &problem) {
        options.outcome = Outcome::Error;
        options.message = problem + u"\n\n"_s + tr("Run mgnctl --help for the commands and their options.");
        return options;
    };

    QStringList words = arguments.mid(1);
    QHash<QString, QStringList> raw;
    QString commandName;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (word == u"--help"_s || word == u"-h"_s || word == u"help"_s) {
            options.outcome = Outcome::ShowHelp;
            options.message = helpText();
            return options;
        }
        if (word == u"--version"_s) {
            options.outcome = Outcome::ShowVersion;
            options.message = u"mgnctl "_s + QCoreApplication::applicationVersion() + u'\n';
            return options;
        }
        if (word == u"--dry-run"_s) {
            options.dryRun = true;
            continue;
        }
        if (word == u"--debug"_s) {
            options.debug = true;
            continue;
        }
        if (!word.startsWith(u"--"_s)) {
            if (!commandName.isEmpty())
                return fail(tr("Unexpected argument: %1").arg(word));
            commandName = word;
            continue;
        }
        const QString name = word.mid(2);
        if (raw.contains(name))
            return fail(tr("--%1 given twice").arg(name));
        QStringList values;
        while (i + 1 < words.size() && !words.at(i + 1).startsWith(u"--"_s)) {
            values.append(words.at(i + 1));
            ++i;
            // One word for every option but the list options, known once the
            // command is; before it, only global options come.
            if (globalValueOptions.contains(name))
                break;
            const Command *known = nullptr;
            for (const Command &command : commands()) {
                if (commandName == QLatin1String(command.name))
                    known = &command;
            }
            if (!known || !listHas(known->lists, name))
                break;
        }
        if (values.isEmpty())
            return fail(tr("--%1 needs a value").arg(name));
        raw.insert(name, values);
    }

    if (commandName.isEmpty())
        return fail(tr("No command given"));
    for (const Command &command : commands()) {
        if (commandName == QLatin1String(command.name))
            options.command = &command;
    }
    if (!options.command)
        return fail(tr("Unknown command: %1").arg(commandName));

    for (auto it = raw.cbegin(); it != raw.cend(); ++it) {
        const QString &name = it.key();
        const QString value = it.value().first();
        if (name == u"profile"_s)
            options.profile = value;
        else if (name == u"region"_s)
            options.region = value;
        else if (name == u"endpoint-url"_s)
            options.endpointUrl = value;
        else if (name == u"output"_s) {
            if (value == u"json"_s)
                options.output = Output::Json;
            else if (value == u"table"_s)
                options.output = Output::Table;
            else
                return fail(tr("--output must be json or table, not %1").arg(value));
        } else {
            const Command &command = *options.command;
            if (!listHas(command.required, name) && !listHas(command.optional, name))
                return fail(tr("%1 takes no option --%2").arg(commandName, name));
            options.values.insert(name, it.value());
        }
    }
    for (const char *required : options.command->required) {
        if (!options.values.contains(QString::fromLatin1(required)))
            return fail(tr("%1 needs --%2").arg(commandName, QString::fromLatin1(required)));
    }
    const QString operation = QString::fromLatin1(options.command->operation);
    const bool readOnly
        = operation.isEmpty() || operation.startsWith(u"Describe"_s) || operation.startsWith(u"List"_s);
    if (options.dryRun && readOnly)
        return fail(
            tr("%1 changes nothing: --dry-run is for the commands that change servers").arg(commandName));
    options.outcome = Outcome::Run;
    return options;
}

} // namespace mgn
