#include "emulator/http/EmulatorHttpServer.h"
#include "emulator/http/EmulatorOptions.h"
#include "emulator/http/FaultInjector.h"
#include "emulator/http/MgnEmulator.h"
#include "emulator/http/ShutdownSignalWatcher.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;

// mgn-emulator: prints where it listens and the environment for the AWS CLI
// (stdout, line-buffered, so that a script can read it from a pipe), serves
// until SIGINT/SIGTERM, then saves its state (with --state) and exits 0.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"mgn-emulator"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MGN_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const EmulatorOptions options = EmulatorOptions::parse(QCoreApplication::arguments());
    switch (options.outcome) {
    case EmulatorOptions::Outcome::ShowHelp:
    case EmulatorOptions::Outcome::ShowVersion:
        out << options.message;
        return 0;
    case EmulatorOptions::Outcome::Error:
        err << "mgn-emulator: " << options.message << "\nTry 'mgn-emulator --help'.\n";
        return 2;
    case EmulatorOptions::Outcome::Run:
        break;
    }

    ShutdownSignalWatcher signals;
    MgnEmulator emulator;
    QObject::connect(&emulator, &MgnEmulator::stateSaveFailed, &app, [&err](const QString &error) {
        err << "mgn-emulator: cannot save the state: " << error << Qt::endl;
    });
    QString error;
    if (!emulator.start(options, &error)) {
        err << "mgn-emulator: " << error << Qt::endl;
        return 1;
    }
    if (options.verbose) {
        QObject::connect(emulator.server(), &EmulatorHttpServer::exchanged, &app,
            [&err](const EmulatorHttpServer::Exchange &exchange) {
                err << exchange.method << ' ' << exchange.path << " -> "
                    << (exchange.status ? QString::number(exchange.status) : u"dropped"_s);
                if (!exchange.errorType.isEmpty())
                    err << ' ' << exchange.errorType;
                if (exchange.fault != FaultInjector::Fault::None)
                    err << " [fault " << FaultInjector::faultName(exchange.fault) << ']';
                err << ' ' << exchange.elapsed.count() << " ms" << Qt::endl;
            });
    }
    QObject::connect(&signals, &ShutdownSignalWatcher::shutdownRequested, &app, [&](int) {
        err << "mgn-emulator: shutting down" << Qt::endl;
        emulator.stop();
        QCoreApplication::quit();
    });

    const QStringList lines = emulator.startupLines();
    for (const QString &line : lines)
        out << line << '\n';
    out.flush();
    std::fflush(stdout);
    return QCoreApplication::exec();
}
