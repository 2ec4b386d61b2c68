#include "app/cli/MgnCtlOptions.h"

#include "app/cli/CliNames.h"
#include "app/cli/CliSkeleton.h"
#include "app/cli/HtmlText.h"
#include "app/cli/ParamFile.h"
#include "app/cli/ShorthandParser.h"
#include "models/rules/ActionRules.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace mgn {

using namespace Qt::Literals::StringLiterals;
using api::Member;
using api::Operation;
using api::ShapeType;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MgnCtlOptions", text);
}

const QString debugSignName = u"debug-sign"_s;

// One entry of the CLI's argument table for a command.
struct Argument final {
    enum class Kind { Scalar, List, Boolean, StartingToken, PageSize, MaxItems, CliInputJson, Skeleton };
    QString name; // without "--"
    Kind kind = Kind::Scalar;
    const Member *member = nullptr; // nullptr: not an input member
    bool flagValue = true; // Boolean: --x sets true, --no-x false
    bool required = false; // the command line must give it
    bool documentedRequired = false; // the help says "required" (the model does)
    bool hidden = false; // left out of the help, as the CLI leaves them undocumented
    QString help; // HTML, for the arguments the CLI adds
};

const char *const startingTokenHelp
    = "<p>A token to specify where to start paginating. This is the <code>NextToken</code> from a previously "
      "truncated response.</p>";
const char *const maxItemsHelp
    = "<p>The total number of items to return in the command's output. If the total number of items "
      "available "
      "is more than the value specified, a <code>NextToken</code> is provided in the command's output. To "
      "resume pagination, provide the <code>NextToken</code> value in the <code>starting-token</code> "
      "argument "
      "of a subsequent command.</p>";
const char *const pageSizeHelp
    = "<p>The size of each page to get in the AWS service call. This does not affect the number of items "
      "returned in the command's output. Setting a smaller page size results in more calls to the AWS "
      "service, retrieving fewer items in each call.</p>";
const char *const cliInputJsonHelp
    = "<p>Performs service operation based on the JSON string provided. The JSON string follows the format "
      "provided by <code>--generate-cli-skeleton</code>. If other arguments are provided on the command "
      "line, "
      "the CLI values will override the JSON-provided values. A value <code>file://path</code> reads the "
      "JSON "
      "from a file.</p>";
const char *const skeletonHelp
    = "<p>Prints a JSON skeleton to standard output without sending an API request. If provided with no "
      "value "
      "or the value <code>input</code>, prints a sample input JSON that can be used as an argument for "
      "<code>--cli-input-json</code>. If provided with the value <code>output</code>, it validates the "
      "command inputs and returns a sample output JSON for that command.</p>";

// The CLI's hidden aliases for the names an older xform_name gave
// (awscli/customizations/argrename.py, HIDDEN_ALIASES, mgn.*).
const QHash<QString, QString> &hiddenAliases()
{
    static const QHash<QString, QString> aliases = {
        { u"replication-servers-security-groups-ids"_s, u"replication-servers-security-groups-i-ds"_s },
        { u"source-server-ids"_s, u"source-server-i-ds"_s },
        { u"replication-configuration-template-ids"_s, u"replication-configuration-template-i-ds"_s },
    };
    return aliases;
}

// The argument table awscli builds for an operation: one argument per input
// member (booleans twice), the paging arguments of a paginated operation,
// then --cli-input-json and --generate-cli-skeleton.
QList<Argument> argumentTable(const Operation &operation)
{
    QList<Argument> table;
    if (operation.input) {
        for (const Member &member : operation.input->members) {
            Argument argument;
            argument.name = CliNames::xform(member.name);
            argument.member = &member;
            argument.required = member.required && !member.idempotencyToken;
            argument.documentedRequired = argument.required;
            // The CLI never makes a boolean option required (validation says it
            // is missing), nor an option with a hidden alias.
            if (hiddenAliases().contains(argument.name))
                argument.required = false;
            if (member.shape->type == ShapeType::Boolean) {
                argument.kind = Argument::Kind::Boolean;
                argument.required = false;
                table.append(argument);
                argument.name = u"no-"_s + argument.name;
                argument.flagValue = false;
                argument.documentedRequired = false;
            } else if (member.shape->type == ShapeType::List) {
                argument.kind = Argument::Kind::List;
            }
            table.append(argument);
            if (hiddenAliases().contains(argument.name)) {
                argument.name = hiddenAliases().value(argument.name);
                argument.hidden = true;
                argument.documentedRequired = false;
                table.append(argument);
            }
        }
    }
    table.append({ u"cli-input-json"_s, Argument::Kind::CliInputJson, nullptr, true, false, false, false,
        QString::fromLatin1(cliInputJsonHelp) });
    if (operation.paginator) {
        const api::Paginator &paginator = *operation.paginator;
        for (Argument &argument : table) {
            if (argument.member
                && (argument.member->name == paginator.inputToken
                    || argument.member->name == paginator.limitKey))
                argument.hidden = true;
        }
        table.append({ u"starting-token"_s, Argument::Kind::StartingToken, nullptr, true, false, false, false,
            QString::fromLatin1(startingTokenHelp) });
        if (!paginator.limitKey.isEmpty()) {
            table.append({ u"page-size"_s, Argument::Kind::PageSize, nullptr, true, false, false, false,
                QString::fromLatin1(pageSizeHelp) });
        }
        table.append({ u"max-items"_s, Argument::Kind::MaxItems, nullptr, true, false, false, false,
            QString::fromLatin1(maxItemsHelp) });
    }
    table.append({ u"generate-cli-skeleton"_s, Argument::Kind::Skeleton, nullptr, true, false, false, false,
        QString::fromLatin1(skeletonHelp) });
    return table;
}

QList<Argument> debugSignTable()
{
    QList<Argument> table;
    table.append({ u"context"_s, Argument::Kind::Scalar, nullptr, true, true, true, false,
        u"<p>The test case's <code>context.json</code>.</p>"_s });
    table.append({ u"request"_s, Argument::Kind::Scalar, nullptr, true, true, true, false,
        u"<p>The test case's <code>request.txt</code>.</p>"_s });
    table.append({ u"mode"_s, Argument::Kind::Scalar, nullptr, true, false, false, false,
        u"<p><code>header</code> (the default) or <code>query</code>.</p>"_s });
    return table;
}

QString typeName(const Argument &argument)
{
    switch (argument.kind) {
    case Argument::Kind::Boolean:
        return u"boolean"_s;
    case Argument::Kind::PageSize:
    case Argument::Kind::MaxItems:
        return u"integer"_s;
    case Argument::Kind::StartingToken:
    case Argument::Kind::CliInputJson:
        return u"string"_s;
    case Argument::Kind::Skeleton:
        return u"string"_s;
    case Argument::Kind::Scalar:
    case Argument::Kind::List:
        break;
    }
    if (!argument.member)
        return u"string"_s;
    switch (argument.member->shape->type) {
    case ShapeType::Structure:
        return u"structure"_s;
    case ShapeType::List:
        return u"list"_s;
    case ShapeType::Map:
        return u"map"_s;
    case ShapeType::String:
        return u"string"_s;
    case ShapeType::Integer:
        return u"integer"_s;
    case ShapeType::Long:
        return u"long"_s;
    case ShapeType::Float:
        return u"float"_s;
    case ShapeType::Double:
        return u"double"_s;
    case ShapeType::Boolean:
        return u"boolean"_s;
    case ShapeType::Timestamp:
        return u"timestamp"_s;
    case ShapeType::Blob:
        return u"blob"_s;
    }
    return u"string"_s;
}

// argparse's reading of a word: an option, or a value.
bool looksLikeOption(const QString &word)
{
    static const QRegularExpression negativeNumber(u"^-\\d+$|^-\\d*\\.\\d+$"_s);
    if (word.size() < 2 || !word.startsWith(u'-'))
        return false;
    if (negativeNumber.match(word).hasMatch())
        return false;
    return !word.contains(u' ')
        || (word.startsWith(u"--"_s) && word.indexOf(u'=') > 0
            && !word.left(word.indexOf(u'=')).contains(u' '));
}

QString choicesText(const QStringList &choices)
{
    // CLIArgParser._check_value: two per line, each padded to 40.
    QStringList lines;
    for (qsizetype i = 0; i < choices.size(); i += 2) {
        QStringList row;
        for (qsizetype j = i; j < qMin(i + 2, choices.size()); ++j)
            row.append(choices.at(j).leftJustified(40));
        lines.append(row.join(u" | "_s));
    }
    return u"Invalid choice, valid choices are:\n\n"_s + lines.join(u'\n');
}

// What the command line gave an argument.
struct Given final {
    QStringList words;
    bool flag = false;
    qint64 integer = 0;
    double real = 0;
};

// Where the command line's value of an argument is kept: --x and --no-x share one.
QString givenKey(const Argument &argument)
{
    return argument.kind == Argument::Kind::Boolean ? u"boolean:"_s + argument.member->name : argument.name;
}

const QStringList globalValueOptions = { u"profile"_s, u"region"_s, u"endpoint-url"_s, u"output"_s };
const QStringList globalFlags = { u"debug"_s, u"dry-run"_s, u"no-paginate"_s };

} // namespace

QStringList MgnCtlOptions::strings(const QString &member) const
{
    QStringList list;
    for (const QJsonValue &item : input.value(member).toArray())
        list.append(item.toString());
    return list;
}

std::optional<Action> MgnCtlOptions::action() const
{
    if (!operation)
        return std::nullopt;
    const QList<Action> actions = ActionRules::actionsForApiCall(operation->name);
    // ChangeServerLifeCycleState has two; the runner picks one by the target state.
    return actions.size() == 1 ? std::optional<Action>(actions.first()) : std::nullopt;
}

QStringList MgnCtlOptions::commandNames()
{
    static const QStringList names = [] {
        QStringList list;
        for (const Operation &op : api::ApiModel::mgn().operations())
            list.append(CliNames::xform(op.name));
        list.append(debugSignName);
        return list;
    }();
    return names;
}

const Operation *MgnCtlOptions::operationOf(const QString &command)
{
    static const QHash<QString, const Operation *> index = [] {
        QHash<QString, const Operation *> map;
        for (const Operation &op : api::ApiModel::mgn().operations())
            map.insert(CliNames::xform(op.name), &op);
        return map;
    }();
    return index.value(command);
}

QString MgnCtlOptions::helpText()
{
    QString text
        = tr("Usage: mgnctl [global options] <command> [options]\n\n"
             "A command-line companion of MGN Dashboard for AWS Application Migration Service.\n"
             "Its commands and options are those of `aws mgn` (AWS CLI v1), read from the API model:\n"
             "values as JSON or shorthand (Key=Value,Key2=[a,b]), file:// and fileb:// values,\n"
             "--cli-input-json and --generate-cli-skeleton.\n\n"
             "Global options:\n"
             "  --profile NAME            a profile of ~/.aws/config and ~/.aws/credentials\n"
             "  --region REGION           the AWS region (else AWS_REGION, AWS_DEFAULT_REGION, the profile)\n"
             "  --endpoint-url URL        another endpoint (e.g. a local mgn-emulator)\n"
             "  --output json|text|table  the format of the answer, as the AWS CLI prints it\n"
             "  --no-paginate             one request only for the paginated commands\n"
             "  --dry-run                 for commands that change servers: fetch the servers and say,\n"
             "                            per server, whether the documented rules allow the action\n"
             "  --debug                   log each request on stderr (operation, attempt, HTTP status,\n"
             "                            time, retries); without it a command that succeeds prints\n"
             "                            nothing on stderr\n"
             "  --help, --version\n\n"
             "Commands (mgnctl <command> --help for a command's options):\n");
    for (const Operation &operation : api::ApiModel::mgn().operations()) {
        text += u"  "_s + CliNames::xform(operation.name) + u'\n';
        const QString summary = HtmlText::summary(operation.documentation);
        if (!summary.isEmpty())
            text += HtmlText::wrapped(u"<p>"_s + summary.toHtmlEscaped() + u"</p>"_s, 6) + u'\n';
    }
    text += u"  "_s + debugSignName + u'\n'
        + HtmlText::wrapped(tr("Print the canonical request, string to sign and signed request of a SigV4 "
                               "test-suite case (--context FILE --request FILE [--mode header|query])."),
            6)
        + u'\n';
    text += tr("\nExit status: 0 success; 1 --dry-run found servers the rules refuse; 2 bad command line;\n"
               "253 configuration or credentials; 254 the service answered with an error;\n"
               "255 a value that does not read, a request refused before sending, or no usable answer.\n");
    return text;
}

QString MgnCtlOptions::commandHelp(const QString &command)
{
    const Operation *operation = operationOf(command);
    const QList<Argument> table = operation ? argumentTable(*operation) : debugSignTable();
    QString text = u"NAME\n    "_s + command + u"\n\nDESCRIPTION\n"_s;
    if (operation) {
        QString description = HtmlText::wrapped(operation->documentation, 4);
        if (description.isEmpty())
            description = u"    "_s + operation->name;
        text += description + u'\n';
        if (operation->paginator) {
            text += u'\n'
                + HtmlText::wrapped(tr("%1 is a paginated operation. Multiple API calls may be issued in "
                                       "order to retrieve the entire data set of results. You can disable "
                                       "pagination by providing the --no-paginate argument.")
                                        .arg(command)
                                        .toHtmlEscaped(),
                    4)
                + u'\n';
        }
    } else {
        text += HtmlText::wrapped(
                    tr("Print the canonical request, string to sign, signature and signed request "
                       "of a case of AWS's SigV4 test suite."),
                    4)
            + u'\n';
    }
    text += u"\nSYNOPSIS\n    "_s + command + u'\n';
    for (const Argument &argument : table) {
        if (argument.hidden || (argument.kind == Argument::Kind::Boolean && !argument.flagValue))
            continue;
        QString usage = u"--"_s + argument.name;
        if (argument.kind == Argument::Kind::Boolean)
            usage += u" | --no-"_s + argument.name;
        else if (argument.kind == Argument::Kind::Skeleton)
            usage += u" <value>"_s;
        else
            usage += u" <value>"_s;
        text += u"      "_s + (argument.documentedRequired ? usage : u'[' + usage + u']') + u'\n';
    }
    text += u"\nOPTIONS\n"_s;
    for (const Argument &argument : table) {
        if (argument.hidden || (argument.kind == Argument::Kind::Boolean && !argument.flagValue))
            continue;
        QString head = u"    --"_s + argument.name;
        if (argument.kind == Argument::Kind::Boolean)
            head += u" | --no-"_s + argument.name;
        head += u" ("_s + typeName(argument) + u')';
        if (argument.documentedRequired)
            head += tr(" [required]");
        text += head + u'\n';
        const QString documentation = argument.member ? argument.member->documentation : argument.help;
        const QString body = HtmlText::wrapped(documentation, 8);
        if (!body.isEmpty())
            text += body + u'\n';
        if (argument.member && argument.member->shape->type == ShapeType::String
            && !argument.member->shape->enumValues.isEmpty()) {
            text += u"        "_s + tr("Possible values:") + u'\n';
            for (const QString &value : argument.member->shape->enumValues)
                text += u"          * "_s + value + u'\n';
        }
        if (argument.member && ShorthandParser::supportsShorthand(*argument.member->shape))
            text += u"        "_s + tr("JSON, or the shorthand Key=Value,Key2=[a,b],Key3={x=y}.") + u'\n';
        text += u'\n';
    }
    if (operation) {
        text += tr(
            "GLOBAL OPTIONS\n    --profile --region --endpoint-url --output --no-paginate --dry-run --debug\n"
            "    (see mgnctl --help)\n");
    }
    return text;
}

MgnCtlOptions MgnCtlOptions::parse(const QStringList &arguments)
{
    MgnCtlOptions options;
    // The CLI's usage errors (argparse): exit status 2.
    auto usageError = [&options](const QString &problem) {
        options.outcome = Outcome::Error;
        options.errorStatus = 2;
        options.message = u"mgnctl: error: "_s + problem + u"\n\n"_s
            + tr("Run mgnctl --help for the commands, mgnctl <command> --help for their options.");
        return options;
    };
    // A value the CLI cannot use: exit status 255, the CLI's message.
    auto valueError = [&options](const QString &problem) {
        options.outcome = Outcome::Error;
        options.errorStatus = 255;
        options.message = problem;
        return options;
    };

    // The global options, anywhere; the first other word is the command.
    const QStringList all = arguments.mid(1);
    QStringList words;
    QString commandName;
    bool help = false;
    QHash<QString, QString> globals;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString &word = all.at(i);
        if (word == u"--help"_s || word == u"-h"_s) {
            help = true;
            continue;
        }
        if (word == u"--version"_s) {
            options.outcome = Outcome::ShowVersion;
            options.message = u"mgnctl "_s + QCoreApplication::applicationVersion() + u'\n';
            return options;
        }
        if (word.startsWith(u"--"_s)) {
            const qsizetype equals = word.indexOf(u'=');
            const QString name = word.mid(2, equals < 0 ? -1 : equals - 2);
            if (globalFlags.contains(name) && equals < 0) {
                globals.insert(name, QString());
                continue;
            }
            if (globalValueOptions.contains(name)) {
                if (equals >= 0) {
                    globals.insert(name, word.mid(equals + 1));
                } else if (i + 1 < all.size() && !looksLikeOption(all.at(i + 1))) {
                    globals.insert(name, all.at(++i));
                } else {
                    return usageError(u"argument --%1: expected one argument"_s.arg(name));
                }
                continue;
            }
        }
        if (commandName.isEmpty() && !looksLikeOption(word)) {
            commandName = word;
            continue;
        }
        words.append(word);
    }

    if (globals.contains(u"output"_s)) {
        const QString output = globals.value(u"output"_s);
        static const QStringList formats = { u"json"_s, u"text"_s, u"table"_s };
        if (!formats.contains(output))
            return usageError(u"argument --output: "_s + choicesText(formats));
        options.output = output == u"text"_s ? Output::Text
            : output == u"table"_s           ? Output::Table
                                             : Output::Json;
        options.outputGiven = true;
    }
    if (globals.contains(u"profile"_s))
        options.profile = globals.value(u"profile"_s);
    if (globals.contains(u"region"_s))
        options.region = globals.value(u"region"_s);
    if (globals.contains(u"endpoint-url"_s))
        options.endpointUrl = globals.value(u"endpoint-url"_s);
    options.debug = globals.contains(u"debug"_s);
    options.dryRun = globals.contains(u"dry-run"_s);
    options.paginate = !globals.contains(u"no-paginate"_s);

    if (commandName == u"help"_s || (commandName.isEmpty() && help)) {
        options.outcome = Outcome::ShowHelp;
        options.message = helpText();
        return options;
    }
    if (commandName.isEmpty())
        return usageError(tr("No command given"));
    const Operation *operation = operationOf(commandName);
    if (!operation && commandName != debugSignName)
        return usageError(tr("Unknown command: %1").arg(commandName));
    options.command = commandName;
    options.operation = operation;
    if (help || words == QStringList { u"help"_s }) {
        options.outcome = Outcome::ShowHelp;
        options.message = commandHelp(commandName);
        return options;
    }

    // The command's options, as argparse reads them: exact names, --name=value,
    // unique prefixes; the last of repeated options wins; words nobody takes
    // and unknown options are "Unknown options".
    const QList<Argument> table = operation ? argumentTable(*operation) : debugSignTable();
    QHash<QString, Given> given; // by argument name; booleans by their positive name
    QStringList remaining;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (!looksLikeOption(word)) {
            remaining.append(word);
            continue;
        }
        const qsizetype equals = word.startsWith(u"--"_s) ? word.indexOf(u'=') : -1;
        const QString name = equals < 0 ? word.mid(2) : word.mid(2, equals - 2);
        std::optional<QString> explicitValue;
        if (equals >= 0)
            explicitValue = word.mid(equals + 1);
        const Argument *argument = nullptr;
        QStringList prefixed;
        for (const Argument &candidate : table) {
            if (!word.startsWith(u"--"_s))
                break;
            if (candidate.name == name) {
                argument = &candidate;
                break;
            }
            if (candidate.name.startsWith(name) && !name.isEmpty())
                prefixed.append(u"--"_s + candidate.name);
        }
        if (!argument && prefixed.size() > 1)
            return usageError(u"ambiguous option: --%1 could match %2"_s.arg(name, prefixed.join(u", "_s)));
        if (!argument && prefixed.size() == 1) {
            for (const Argument &candidate : table) {
                if (u"--"_s + candidate.name == prefixed.first())
                    argument = &candidate;
            }
        }
        if (!argument) {
            remaining.append(word);
            continue;
        }
        const QString cliName = u"--"_s + argument->name;
        auto oneValue = [&]() -> std::optional<QString> {
            if (explicitValue)
                return explicitValue;
            if (i + 1 < words.size() && !looksLikeOption(words.at(i + 1)))
                return words.at(++i);
            return std::nullopt;
        };
        auto integer = [&](const QString &text, qint64 *number) {
            QString ignored;
            const std::optional<qint64> value = ShorthandParser::pythonInt(text, &ignored);
            if (value)
                *number = *value;
            return value.has_value();
        };
        Given value;
        switch (argument->kind) {
        case Argument::Kind::Boolean: {
            if (explicitValue)
                return usageError(u"argument %1: ignored explicit argument %2"_s.arg(
                    cliName, ShorthandParser::pythonRepr(*explicitValue)));
            value.flag = argument->flagValue;
            given.insert(givenKey(*argument), value);
            continue;
        }
        case Argument::Kind::List:
            if (explicitValue) {
                value.words = { *explicitValue };
            } else {
                while (i + 1 < words.size() && !looksLikeOption(words.at(i + 1)))
                    value.words.append(words.at(++i));
            }
            break;
        case Argument::Kind::Skeleton: {
            const std::optional<QString> word2 = oneValue();
            value.words = { word2.value_or(u"input"_s) };
            static const QStringList choices = { u"input"_s, u"output"_s };
            if (!choices.contains(value.words.first()))
                return usageError(u"argument %1: "_s.arg(cliName) + choicesText(choices));
            break;
        }
        default: {
            const std::optional<QString> text = oneValue();
            if (!text)
                return usageError(u"argument %1: expected one argument"_s.arg(cliName));
            value.words = { *text };
            // argparse converts these types as it reads them.
            const bool isInt = argument->kind == Argument::Kind::PageSize
                || argument->kind == Argument::Kind::MaxItems
                || (argument->member && argument->member->shape->type == ShapeType::Long);
            const bool isFloat = argument->member
                && (argument->member->shape->type == ShapeType::Float
                    || argument->member->shape->type == ShapeType::Double);
            if (isInt && !integer(*text, &value.integer))
                return usageError(
                    u"argument %1: invalid int value: %2"_s.arg(cliName, ShorthandParser::pythonRepr(*text)));
            if (isFloat) {
                QString ignored;
                const std::optional<double> real = ShorthandParser::pythonFloat(*text, &ignored);
                if (!real)
                    return usageError(u"argument %1: invalid float value: %2"_s.arg(
                        cliName, ShorthandParser::pythonRepr(*text)));
                value.real = *real;
            }
            break;
        }
        }
        given.insert(argument->name, value);
    }

    // Required options, unless --cli-input-json or --generate-cli-skeleton
    // (but for `output`) is on the command line, as the CLI does.
    const qsizetype skeletonAt = words.indexOf(u"--generate-cli-skeleton"_s);
    const bool overridesRequired = words.contains(u"--cli-input-json"_s)
        || (skeletonAt >= 0 && words.value(skeletonAt + 1) != u"output"_s);
    if (!overridesRequired) {
        QStringList missing;
        for (const Argument &argument : table) {
            if (argument.required && !given.contains(argument.name))
                missing.append(u"--"_s + argument.name);
        }
        if (!missing.isEmpty())
            return usageError(u"the following arguments are required: "_s + missing.join(u", "_s));
    }
    if (!remaining.isEmpty())
        return valueError(u"Unknown options: "_s + remaining.join(u", "_s));

    if (!operation) {
        for (auto it = given.cbegin(); it != given.cend(); ++it)
            options.debugSign.insert(it.key(), it.value().words.value(0));
        if (options.dryRun)
            return usageError(
                tr("debug-sign sends nothing: --dry-run is for the commands that change servers"));
        options.outcome = Outcome::Run;
        return options;
    }

    // Paging: the operation's own token or limit turns paging off, and then
    // the CLI's paging options may not be given.
    if (operation->paginator) {
        const api::Paginator &paginator = *operation->paginator;
        for (const QString &token : { paginator.inputToken, paginator.limitKey }) {
            if (!token.isEmpty() && given.contains(CliNames::xform(token)))
                options.paginate = false;
        }
        if (!options.paginate) {
            QStringList used;
            for (const QString &name : { u"starting-token"_s, u"page-size"_s, u"max-items"_s }) {
                if (given.contains(name))
                    used.append(u"--"_s + name);
            }
            if (!used.isEmpty())
                return valueError(
                    u"Error during pagination: Cannot specify --no-paginate along with pagination "
                    u"arguments: "_s
                    + used.join(u", "_s));
        }
    }

    // The input document, argument by argument in the table's order.
    for (const Argument &argument : table) {
        const auto it = given.constFind(givenKey(argument));
        if (it == given.constEnd() || (argument.kind == Argument::Kind::Boolean && !argument.flagValue))
            continue;
        const Given &value = *it;
        switch (argument.kind) {
        case Argument::Kind::Boolean:
            options.input.insert(argument.member->name, value.flag);
            continue;
        case Argument::Kind::StartingToken:
            options.startingToken = value.words.value(0);
            continue;
        case Argument::Kind::PageSize:
            options.pageSize = value.integer;
            continue;
        case Argument::Kind::MaxItems:
            options.maxItems = value.integer;
            continue;
        case Argument::Kind::CliInputJson:
            continue;
        case Argument::Kind::Skeleton:
            options.skeleton = value.words.value(0) == u"output"_s ? Skeleton::Output : Skeleton::Input;
            continue;
        case Argument::Kind::Scalar:
        case Argument::Kind::List:
            break;
        }
        const api::Shape &shape = *argument.member->shape;
        if (shape.type == ShapeType::Long) {
            options.input.insert(argument.member->name, value.integer);
            continue;
        }
        if (shape.type == ShapeType::Float || shape.type == ShapeType::Double) {
            options.input.insert(argument.member->name, value.real);
            continue;
        }
        ShorthandParser::Error error;
        const std::optional<QJsonValue> parsed = ShorthandParser::argumentValue(
            shape, value.words, argument.kind == Argument::Kind::List, u"--"_s + argument.name, &error);
        if (!parsed)
            return valueError(error.message);
        options.input.insert(argument.member->name, *parsed);
    }

    // --cli-input-json: its members where the options gave none.
    if (const auto it = given.constFind(u"cli-input-json"_s); it != given.constEnd()) {
        const QString text = it->words.value(0);
        QString error;
        const std::optional<QString> contents = ParamFile::load(text, &error);
        if (!error.isEmpty())
            return valueError(error);
        const QString json = contents.value_or(text);
        const std::optional<QJsonValue> document = ShorthandParser::parseJson(json, &error);
        if (!document)
            return valueError(
                u"Error parsing parameter 'cli-input-json': Invalid JSON: %1\nJSON received: %2"_s.arg(
                    error, json));
        if (!document->isObject()) {
            const QString type = document->isArray()                    ? u"list"_s
                : document->isString()                                  ? u"str"_s
                : document->isBool()                                    ? u"bool"_s
                : document->isNull()                                    ? u"NoneType"_s
                : document->toDouble() == double(document->toInteger()) ? u"int"_s
                                                                        : u"float"_s;
            return valueError(u"'%1' object has no attribute 'keys'"_s.arg(type));
        }
        const QJsonObject object = document->toObject();
        for (auto member = object.begin(); member != object.end(); ++member) {
            if (!options.input.contains(member.key()))
                options.input.insert(member.key(), member.value());
        }
    }

    if (options.skeleton == Skeleton::Input) {
        options.outcome = Outcome::ShowSkeleton;
        options.message = QString::fromUtf8(CliSkeleton::inputText(*operation));
        return options;
    }

    const QString name = operation->name;
    const bool readOnly
        = name.startsWith(u"Describe"_s) || name.startsWith(u"List"_s) || name.startsWith(u"Get"_s);
    if (options.dryRun && readOnly)
        return usageError(
            tr("%1 changes nothing: --dry-run is for the commands that change servers").arg(commandName));
    options.outcome = Outcome::Run;
    return options;
}

} // namespace mgn
