#pragma once

#include "models/api/ApiModel.h"
#include "models/rules/Action.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace mgn {

// The command line of mgnctl, read as `aws mgn` reads its own (awscli v1):
// the commands and their options come from the API model (one command per
// operation, named by botocore's xform_name, one option per input member),
// each value is read as the CLI reads it (lists of words, --flag/--no-flag,
// numbers, JSON or shorthand, file:// and fileb://), --cli-input-json and
// --generate-cli-skeleton included, and the CLI's paging options on the
// paginated commands. Global options (--profile, --region, --endpoint-url,
// --output, --debug, --dry-run, --no-paginate) go anywhere.
struct MgnCtlOptions final {
    enum class Outcome {
        Run,
        ShowHelp, // `message` to stdout, exit 0
        ShowVersion, // idem
        ShowSkeleton, // idem: --generate-cli-skeleton [input]
        Error, // `message` to stderr, exit `errorStatus`
    };
    enum class Output { Json, Text, Table };
    enum class Skeleton { None, Input, Output };

    Outcome outcome = Outcome::Error;
    QString message; // help, version, skeleton or the error
    int errorStatus = 2; // the CLI's: 2 for the command line's syntax, 255 for a value

    QString command; // "describe-source-servers", "debug-sign"
    const api::Operation *operation = nullptr; // nullptr for debug-sign
    // The operation's input document, as the options and --cli-input-json give it.
    QJsonObject input;
    Skeleton skeleton = Skeleton::None; // Output: answer with the output skeleton

    // Paging, on paginated commands (the CLI's PaginationConfig).
    bool paginate = true; // false: --no-paginate, or --next-token/--max-results given
    std::optional<qint64> maxItems;
    std::optional<qint64> pageSize;
    std::optional<QString> startingToken;

    std::optional<QString> profile;
    std::optional<QString> region;
    std::optional<QString> endpointUrl;
    Output output = Output::Json;
    bool outputGiven = false; // --output on the command line
    bool dryRun = false;
    bool debug = false; // the request log on stderr (RequestLog)
    QHash<QString, QString> debugSign; // debug-sign's --context, --request, --mode

    // The action --dry-run evaluates for this command, if one does.
    std::optional<mgn::Action> action() const;
    // A string or list-of-strings member of `input` ("sourceServerID").
    QString string(const QString &member) const { return input.value(member).toString(); }
    QStringList strings(const QString &member) const;

    static MgnCtlOptions parse(const QStringList &arguments);
    // The commands in the model's order, then debug-sign.
    static QStringList commandNames();
    // The operation of a command name; nullptr when there is none.
    static const api::Operation *operationOf(const QString &command);
    // mgnctl --help: the global options and every command with its summary.
    static QString helpText();
    // mgnctl <command> --help: its description and options.
    static QString commandHelp(const QString &command);
};

} // namespace mgn
