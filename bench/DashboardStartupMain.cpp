// mgn-bench-dashboard [--servers N] [--listing-only]: see DashboardStartup.
// Settings, caches and the AWS configuration it reads go to a directory of
// this run, so the user's window layout is neither read nor written.
#include "bench/DashboardStartup.h"

#include <QApplication>
#include <QByteArray>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>

using namespace mgn;

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();

    DashboardStartup::Options options;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--listing-only") == 0) {
            options.listingOnly = true;
        } else if (std::strcmp(argv[i], "--servers") == 0 && i + 1 < argc) {
            options.servers = QByteArray(argv[++i]).toInt();
        } else {
            std::fprintf(stderr, "Usage: mgn-bench-dashboard [--servers N] [--listing-only]\n");
            return 2;
        }
    }
    if (options.servers < 1) {
        std::fprintf(stderr, "mgn-bench-dashboard: --servers needs a positive number\n");
        return 2;
    }

    QTemporaryDir home;
    if (!home.isValid()) {
        std::fprintf(stderr, "mgn-bench-dashboard: no temporary directory\n");
        return 1;
    }
    const QByteArray homePath = home.path().toLocal8Bit();
    qputenv("HOME", homePath);
    qputenv("XDG_CONFIG_HOME", homePath + "/config");
    qputenv("XDG_CACHE_HOME", homePath + "/cache");
    qputenv("XDG_DATA_HOME", homePath + "/data");
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MGN Dashboard"));
    QApplication::setApplicationName(QStringLiteral("mgn-bench-dashboard"));
    DashboardStartup startup(options, sinceStart);
    if (!startup.start())
        return 1;
    return QApplication::exec();
}
