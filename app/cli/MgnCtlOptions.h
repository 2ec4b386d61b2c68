#pragma once

#include "models/rules/Action.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace mgn {

// The command line of mgnctl, parsed like the AWS CLI's: global options
// (--profile, --region, --endpoint-url, --output, --dry-run, --debug) anywhere, one
// subcommand named like `aws mgn`'s, and its options with the CLI's names;
// a list option (--source-server-ids a b c) takes the words up to the next
// option.
struct MgnCtlOptions final {
    enum class Outcome { Run, ShowHelp, ShowVersion, Error };
    enum class Output { Json, Table };

    struct Command final {
        const char *name; // "finalize-cutover"
        const char *operation; // "FinalizeCutover"; empty for debug-sign
        QList<const char *> required;
        QList<const char *> optional;
        QList<const char *> lists; // options taking several words
        // The action --dry-run evaluates; nullopt for commands that change nothing.
        std::optional<mgn::Action> action;
        const char *summary;
    };

    Outcome outcome = Outcome::Error;
    QString message; // help, version or the error
    const Command *command = nullptr;
    std::optional<QString> profile;
    std::optional<QString> region;
    std::optional<QString> endpointUrl;
    Output output = Output::Json;
    bool dryRun = false;
    bool debug = false; // the request log on stderr (RequestLog)
    QHash<QString, QStringList> values; // option name without "--" -> words

    QString value(const QString &name) const { return values.value(name).value(0); }
    bool has(const QString &name) const { return values.contains(name); }

    static MgnCtlOptions parse(const QStringList &arguments);
    static const QList<Command> &commands();
    static QString helpText();
};

} // namespace mgn
