#include "DashboardOptions.h"
#include "MainWindow.h"

#include <QApplication>
#include <QTextStream>

#include <cstdio>

namespace {

int printAndExit(const QString &text, FILE *stream, int code)
{
    QTextStream out(stream);
    out << text;
    out.flush();
    return code;
}

bool wantsTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--version" || arg == "-v" || arg == "--help-all")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("MGN Dashboard"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("mgn-dashboard.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("mgn-dashboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MGN_VERSION));

    // --help and --version must work on a machine with no display.
    if (wantsTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        const auto options = DashboardOptions::parse(QCoreApplication::arguments());
        if (options.outcome == DashboardOptions::Outcome::Error)
            return printAndExit(options.message + u'\n', stderr, 2);
        return printAndExit(options.message, stdout, 0);
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("MGN Dashboard"));
    const auto options = DashboardOptions::parse(QCoreApplication::arguments());
    if (options.outcome == DashboardOptions::Outcome::Error)
        return printAndExit(options.message + u'\n', stderr, 2);
    if (options.outcome != DashboardOptions::Outcome::Run)
        return printAndExit(options.message, stdout, 0);

    MainWindow window;
    window.show();
    return QApplication::exec();
}
