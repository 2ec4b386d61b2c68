#include "app/dashboard/DashboardOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QUrl>

namespace mgn {

DashboardOptions DashboardOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "DashboardOptions", "Dashboard for AWS Application Migration Service (MGN)."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
        QCoreApplication::translate(
            "DashboardOptions", "Start a local MGN emulator with a demo fleet and connect to it."));
    const QCommandLineOption endpointOption(QStringLiteral("endpoint-url"),
        QCoreApplication::translate("DashboardOptions", "Use this MGN endpoint instead of the region's."),
        QStringLiteral("url"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
        QCoreApplication::translate("DashboardOptions", "Use this profile of the AWS configuration."),
        QStringLiteral("name"));
    const QCommandLineOption regionOption(QStringLiteral("region"),
        QCoreApplication::translate("DashboardOptions", "Use this AWS region."), QStringLiteral("region"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
        QCoreApplication::translate("DashboardOptions",
            "Log each request to MGN on stderr (operation, attempt, HTTP status, time, retries)."));
    parser.addOptions({ demoOption, endpointOption, profileOption, regionOption, verboseOption });

    // The command line is parsed before QApplication exists (so --help works
    // with no display); accept the Qt GUI options QApplication consumes later.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const auto *name : { "platform", "platformtheme", "style", "stylesheet", "qwindowgeometry",
             "qwindowtitle", "qwindowicon", "session", "display", "plugin" }) {
        QCommandLineOption qtOption(QLatin1String(name), QString(), QStringLiteral("value"));
        qtOption.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(qtOption);
    }
    QCommandLineOption reverseOption(QStringLiteral("reverse"));
    reverseOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(reverseOption);

    DashboardOptions options;
    if (!parser.parse(arguments)) {
        options.outcome = Outcome::Error;
        options.message = parser.errorText();
        return options;
    }
    if (parser.isSet(helpOption)) {
        options.outcome = Outcome::ShowHelp;
        // Qt names the program "<executable_name>" before a QCoreApplication exists and by its
        // full path after; either way the usage line should show the name as it was run.
        options.message = parser.helpText();
        const QString usage = QStringLiteral("Usage: ");
        const qsizetype end = options.message.indexOf(QLatin1String(" [options]"));
        if (options.message.startsWith(usage) && end > usage.size()) {
            options.message.replace(usage.size(), end - usage.size(),
                arguments.isEmpty() ? QStringLiteral("mgn-dashboard")
                                    : QFileInfo(arguments.first()).fileName());
        }
        return options;
    }
    if (parser.isSet(versionOption)) {
        options.outcome = Outcome::ShowVersion;
        options.message
            = QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion() + u'\n';
        return options;
    }
    if (!parser.positionalArguments().isEmpty()) {
        options.outcome = Outcome::Error;
        options.message = QCoreApplication::translate("DashboardOptions", "Unexpected argument: %1")
                              .arg(parser.positionalArguments().constFirst());
        return options;
    }
    options.demo = parser.isSet(demoOption);
    options.verbose = parser.isSet(verboseOption);
    if (parser.isSet(endpointOption)) {
        const QString url = parser.value(endpointOption);
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || (parsed.scheme() != u"http" && parsed.scheme() != u"https")
            || parsed.host().isEmpty()) {
            options.outcome = Outcome::Error;
            options.message = QCoreApplication::translate(
                "DashboardOptions", "Invalid --endpoint-url \"%1\": expected http(s)://host[:port]")
                                  .arg(url);
            return options;
        }
        options.endpointUrl = url;
    }
    if (parser.isSet(profileOption))
        options.profile = parser.value(profileOption);
    if (parser.isSet(regionOption))
        options.region = parser.value(regionOption);
    if (options.demo && options.endpointUrl) {
        options.outcome = Outcome::Error;
        options.message = QCoreApplication::translate(
            "DashboardOptions", "--demo and --endpoint-url cannot be used together");
    }
    return options;
}

} // namespace mgn
