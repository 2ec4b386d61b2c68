#include "app/Translations.h"
#include "app/aws/RequestLog.h"
#include "app/cli/MgnCtl.h"
#include "app/cli/MgnCtlOptions.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include <cstdio>

using namespace mgn;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mgnctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MGN_VERSION));
    Translations::install(&app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const MgnCtlOptions options = MgnCtlOptions::parse(QCoreApplication::arguments());
    switch (options.outcome) {
    case MgnCtlOptions::Outcome::ShowHelp:
    case MgnCtlOptions::Outcome::ShowVersion:
    case MgnCtlOptions::Outcome::ShowSkeleton:
        out << options.message;
        return MgnCtl::Success;
    case MgnCtlOptions::Outcome::Error:
        err << options.message << Qt::endl;
        return options.errorStatus;
    case MgnCtlOptions::Outcome::Run:
        break;
    }
    if (options.debug)
        RequestLog::show();

    MgnCtl ctl(options, QProcessEnvironment::systemEnvironment(), QDir::homePath(), out, err);
    QObject::connect(&ctl, &MgnCtl::finished, &app, &QCoreApplication::exit);
    ctl.start();
    return QCoreApplication::exec();
}
