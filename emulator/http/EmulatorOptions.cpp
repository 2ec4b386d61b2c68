#include "emulator/http/EmulatorOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <cmath>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("EmulatorOptions", text);
}

EmulatorOptions failed(EmulatorOptions options, const QString &message)
{
    options.outcome = EmulatorOptions::Outcome::Error;
    options.message = message;
    return options;
}

} // namespace

AwsCredentials EmulatorOptions::demoCredentials()
{
    AwsCredentials credentials;
    credentials.accessKeyId = QString::fromLatin1(demoAccessKeyId);
    credentials.secretAccessKey = QString::fromLatin1(demoSecretAccessKey);
    return credentials;
}

EmulatorOptions EmulatorOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("A local emulator of AWS Application Migration Service (MGN): a fleet of source servers whose "
           "replication moves on in accelerated time, the documented state rules, SigV4 verification and "
           "fault injection, for the dashboard, the AWS CLI and SDKs.\n\n"
           "Default credentials (demo values, not secret): access key ID %1, secret access key %2.")
            .arg(QString::fromLatin1(demoAccessKeyId), QString::fromLatin1(demoSecretAccessKey)));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption portOption(
        u"port"_s, tr("Listen on 127.0.0.1:<port>; 0 picks a free port (default)."), u"port"_s, u"0"_s);
    const QCommandLineOption serversOption(
        u"servers"_s, tr("Source servers in the generated fleet (default 50)."), u"count"_s, u"50"_s);
    const QCommandLineOption seedOption(u"seed"_s,
        tr("Seed of the fleet and of the faults: same seed, same fleet (default 1)."), u"seed"_s, u"1"_s);
    const QCommandLineOption speedOption(u"speed"_s,
        tr("Simulated seconds per real second for replication and jobs (default 60)."), u"factor"_s, u"60"_s);
    const QCommandLineOption faultsOption(u"faults"_s,
        tr("Inject faults, rates per request: "
           "throttle=0.05,error500=0.02,drop=0.01,malformed=0.01,slow=300ms."),
        u"spec"_s);
    const QCommandLineOption stateOption(u"state"_s,
        tr("Load the fleet from <file> when it exists; save it there periodically and on exit."), u"file"_s);
    const QCommandLineOption s3RootOption(u"s3-root"_s,
        tr("Serve StartExport and StartImport's S3 from <dir>: s3://bucket/key is <dir>/bucket/key."),
        u"dir"_s);
    const QCommandLineOption saveIntervalOption(
        u"save-interval"_s, tr("Seconds between saves of --state (default 30)."), u"seconds"_s, u"30"_s);
    const QCommandLineOption keyIdOption(
        u"access-key-id"_s, tr("The access key ID requests must be signed with."), u"id"_s);
    const QCommandLineOption secretOption(
        u"secret-access-key"_s, tr("The secret access key requests must be signed with."), u"secret"_s);
    const QCommandLineOption tokenOption(
        u"session-token"_s, tr("Require this session token (X-Amz-Security-Token)."), u"token"_s);
    const QCommandLineOption regionOption(u"region"_s,
        tr("The region served and signed for (default us-east-1)."), u"region"_s, u"us-east-1"_s);
    const QCommandLineOption accountOption(u"account-id"_s,
        tr("The AWS account ID in ARNs (default 111122223333)."), u"id"_s, u"111122223333"_s);
    const QCommandLineOption verboseOption(
        u"verbose"_s, tr("Log each request (method, path, status, time) to stderr."));
    const QCommandLineOption uninitializedOption(u"uninitialized"_s,
        tr("Start as an account where the service was never initialized: requests fail with "
           "UninitializedAccountException until InitializeService is called."));
    parser.addOptions({ portOption, serversOption, seedOption, speedOption, faultsOption, stateOption,
        saveIntervalOption, keyIdOption, secretOption, tokenOption, regionOption, accountOption,
        verboseOption, uninitializedOption, s3RootOption });

    EmulatorOptions options;
    if (!parser.parse(arguments))
        return failed(options, parser.errorText());
    if (parser.isSet(helpOption)) {
        options.outcome = Outcome::ShowHelp;
        options.message = parser.helpText();
        return options;
    }
    if (parser.isSet(versionOption)) {
        options.outcome = Outcome::ShowVersion;
        options.message = u"mgn-emulator "_s + QStringLiteral(MGN_VERSION) + u'\n';
        return options;
    }
    if (!parser.positionalArguments().isEmpty())
        return failed(options, tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return failed(options, tr("--port: expected 0 to 65535, got \"%1\"").arg(parser.value(portOption)));
    options.port = quint16(port);

    options.servers = parser.value(serversOption).toInt(&ok);
    if (!ok || options.servers < 0 || options.servers > 100000)
        return failed(
            options, tr("--servers: expected 0 to 100000, got \"%1\"").arg(parser.value(serversOption)));

    options.seed = parser.value(seedOption).toUInt(&ok);
    if (!ok)
        return failed(
            options, tr("--seed: expected 0 to 4294967295, got \"%1\"").arg(parser.value(seedOption)));

    options.speed = parser.value(speedOption).toDouble(&ok);
    if (!ok || !std::isfinite(options.speed) || options.speed <= 0 || options.speed > 1e6)
        return failed(options,
            tr("--speed: expected a factor above 0 and up to 1000000, got \"%1\"")
                .arg(parser.value(speedOption)));

    if (parser.isSet(faultsOption)) {
        QString error;
        const auto spec = FaultInjector::Spec::parse(parser.value(faultsOption), &error);
        if (!spec)
            return failed(options, tr("--faults: %1").arg(error));
        options.faults = *spec;
    }

    options.statePath = parser.value(stateOption);
    if (parser.isSet(stateOption) && options.statePath.isEmpty())
        return failed(options, tr("--state: expected a file name"));
    options.s3Root = parser.value(s3RootOption);
    if (parser.isSet(s3RootOption) && !QFileInfo(options.s3Root).isDir())
        return failed(options, tr("--s3-root: \"%1\" is not a directory").arg(options.s3Root));
    const int interval = parser.value(saveIntervalOption).toInt(&ok);
    if (!ok || interval < 1 || interval > 86400)
        return failed(options,
            tr("--save-interval: expected 1 to 86400 seconds, got \"%1\"")
                .arg(parser.value(saveIntervalOption)));
    options.saveInterval = std::chrono::seconds(interval);

    const bool keyId = parser.isSet(keyIdOption);
    const bool secret = parser.isSet(secretOption);
    if (keyId != secret)
        return failed(options, tr("--access-key-id and --secret-access-key go together"));
    if (parser.isSet(tokenOption) && !keyId)
        return failed(options, tr("--session-token needs --access-key-id and --secret-access-key"));
    if (keyId) {
        options.credentials.accessKeyId = parser.value(keyIdOption);
        options.credentials.secretAccessKey = parser.value(secretOption);
        if (options.credentials.accessKeyId.isEmpty() || options.credentials.secretAccessKey.isEmpty())
            return failed(options, tr("--access-key-id and --secret-access-key cannot be empty"));
        if (options.credentials.accessKeyId.contains(u'/'))
            return failed(options, tr("--access-key-id cannot contain '/'"));
        if (parser.isSet(tokenOption)) {
            options.credentials.sessionToken = parser.value(tokenOption);
            if (options.credentials.sessionToken->isEmpty())
                return failed(options, tr("--session-token cannot be empty"));
        }
    }

    options.region = parser.value(regionOption);
    static const QRegularExpression regionPattern(u"^[a-z]{2}(-[a-z]+)+-\\d+$"_s);
    if (!regionPattern.match(options.region).hasMatch())
        return failed(options,
            tr("--region: expected a region name such as us-east-1, got \"%1\"").arg(options.region));
    options.accountId = parser.value(accountOption);
    static const QRegularExpression accountPattern(u"^\\d{12}$"_s);
    if (!accountPattern.match(options.accountId).hasMatch())
        return failed(options, tr("--account-id: expected 12 digits, got \"%1\"").arg(options.accountId));
    options.verbose = parser.isSet(verboseOption);
    options.uninitialized = parser.isSet(uninitializedOption);
    return options;
}

} // namespace mgn
