#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace mgn {

// The command line of mgn-dashboard, parsed without touching the GUI so that
// --help and --version work on a machine with no display.
struct DashboardOptions final {
    enum class Outcome { Run, ShowHelp, ShowVersion, Error };

    Outcome outcome = Outcome::Run;
    QString message; // help text, version text or error, by outcome
    bool demo = false;
    bool verbose = false; // the request log on stderr (RequestLog)
    std::optional<QString> endpointUrl;
    std::optional<QString> profile;
    std::optional<QString> region;

    static DashboardOptions parse(const QStringList &arguments);
};

} // namespace mgn
