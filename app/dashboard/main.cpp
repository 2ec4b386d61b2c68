#include "app/Translations.h"
#include "app/aws/RequestLog.h"
#include "app/dashboard/DashboardOptions.h"
#include "app/mgn/MgnConnection.h"
#include "app/services/DashboardSession.h"
#include "emulator/http/BackgroundEmulator.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QTextStream>

#include <cstdio>

using namespace mgn;

namespace {

int printAndExit(const QString &text, FILE *stream, int code)
{
    QTextStream out(stream);
    out << text;
    out.flush();
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("MGN Dashboard"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("mgn-dashboard.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("mgn-dashboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MGN_VERSION));

    // Parsed before QApplication exists: --help, --version and a bad option
    // must answer on a machine with no display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const auto options = DashboardOptions::parse(arguments);
    switch (options.outcome) {
    case DashboardOptions::Outcome::Error:
        return printAndExit(options.message + u'\n', stderr, 2);
    case DashboardOptions::Outcome::ShowHelp:
    case DashboardOptions::Outcome::ShowVersion:
        return printAndExit(options.message, stdout, 0);
    case DashboardOptions::Outcome::Run:
        break;
    }
    if (options.verbose)
        RequestLog::show();

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("MGN Dashboard"));
    Translations::install(&app);

    // A local MGN on a free loopback port with a demo fleet whose
    // replication moves a minute per second; on a thread of its own, so the
    // fleet is generated while the window is built and its pages are
    // written off the GUI thread.
    BackgroundEmulator emulator;
    if (options.demo) {
        EmulatorOptions demo;
        demo.servers = 120;
        demo.seed = 7;
        demo.speed = 60;
        emulator.start(demo);
    }
    MainWindow window;
    if (options.demo) {
        QString error;
        if (!emulator.waitForStarted(&error))
            return printAndExit(
                QStringLiteral("mgn-dashboard: the demo emulator could not start: ") + error + u'\n', stderr,
                1);
        window.session()->setConnection(
            MgnConnection::openDirect(emulator.url(), emulator.region(), emulator.credentials(), &app));
        window.setWindowTitle(QApplication::translate("main", "MGN Dashboard - demo (local emulator at %1)")
                                  .arg(emulator.url().toString()));
    } else {
        window.session()->openConnection(options.profile.value_or(QString()),
            options.region.value_or(QString()), options.endpointUrl.value_or(QString()));
    }
    window.show();
    return QApplication::exec();
}
