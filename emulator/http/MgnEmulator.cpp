#include "emulator/http/MgnEmulator.h"

#include "emulator/http/EmulatorHttpServer.h"
#include "emulator/http/FaultInjector.h"
#include "emulator/http/SigV4Verifier.h"
#include "emulator/service/Fleet.h"
#include "emulator/service/MgnService.h"

#include <QFileInfo>
#include <QTimer>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

MgnEmulator::MgnEmulator(QObject *parent)
    : QObject(parent)
{ }

MgnEmulator::~MgnEmulator()
{
    stop();
}

bool MgnEmulator::start(const EmulatorOptions &options, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (isRunning()) {
        *error = u"The emulator is already running"_s;
        return false;
    }
    m_options = options;
    const std::shared_ptr<const Clock> clock = m_clock ? m_clock : Clock::instance();

    MgnService::Options serviceOptions;
    serviceOptions.servers = options.servers;
    serviceOptions.seed = options.seed;
    serviceOptions.speed = options.speed;
    serviceOptions.accountId = options.accountId;
    serviceOptions.region = options.region;
    serviceOptions.initialized = !options.uninitialized;
    auto service = std::make_unique<MgnService>(serviceOptions, m_serviceClock ? m_serviceClock : clock);
    service->fleet().s3Root = options.s3Root;

    m_restoredState = false;
    if (!options.statePath.isEmpty()) {
        if (QFileInfo::exists(options.statePath)) {
            QString loadError;
            if (!service->load(options.statePath, &loadError)) {
                *error = u"Cannot load the state from %1: %2"_s.arg(options.statePath, loadError);
                return false;
            }
            m_restoredState = true;
        } else {
            QString saveError;
            if (!service->save(options.statePath, &saveError)) {
                *error = u"Cannot write the state file %1: %2"_s.arg(options.statePath, saveError);
                return false;
            }
        }
    }

    SigV4Verifier::Options verifierOptions;
    verifierOptions.credentials = options.credentials;
    verifierOptions.region = options.region;
    MgnService *handler = service.get();
    auto server = std::make_unique<EmulatorHttpServer>(
        [handler](const EmulatorRequest &request) { return handler->handle(request); });
    server->setClock(clock);
    server->setVerifier(std::make_shared<SigV4Verifier>(verifierOptions, clock));
    std::shared_ptr<FaultInjector> faults;
    if (!options.faults.isEmpty()) {
        faults = std::make_shared<FaultInjector>(options.faults, options.seed);
        server->setFaultInjector(faults);
    }
    if (!server->listen(options.port, error))
        return false;

    m_service = std::move(service);
    m_faults = std::move(faults);
    m_server = std::move(server);
    if (!options.statePath.isEmpty()) {
        m_saveTimer = new QTimer(this);
        m_saveTimer->setInterval(options.saveInterval);
        connect(m_saveTimer, &QTimer::timeout, this, [this] {
            QString saveError;
            if (!saveState(&saveError))
                Q_EMIT stateSaveFailed(saveError);
        });
        m_saveTimer->start();
    }
    return true;
}

void MgnEmulator::stop()
{
    if (!isRunning())
        return;
    delete m_saveTimer;
    m_saveTimer = nullptr;
    m_server->close();
    if (!m_options.statePath.isEmpty()) {
        QString saveError;
        if (!saveState(&saveError))
            Q_EMIT stateSaveFailed(saveError);
    }
    m_server.reset();
    m_faults.reset();
    m_service.reset();
}

void MgnEmulator::setFaults(const FaultInjector::Spec &spec)
{
    m_options.faults = spec;
    if (m_faults) {
        m_faults->setSpec(spec);
        return;
    }
    m_faults = std::make_shared<FaultInjector>(spec, m_options.seed);
    if (m_server)
        m_server->setFaultInjector(m_faults);
}

bool MgnEmulator::isRunning() const
{
    return m_server != nullptr;
}

QUrl MgnEmulator::url() const
{
    return m_server ? m_server->url() : QUrl();
}

bool MgnEmulator::saveState(QString *error)
{
    if (!m_service || m_options.statePath.isEmpty()) {
        if (error)
            *error = u"No state file"_s;
        return false;
    }
    return m_service->save(m_options.statePath, error);
}

QStringList MgnEmulator::startupLines() const
{
    const QString endpoint = url().toString();
    QStringList lines { u"MGN emulator listening on "_s + endpoint };
    QString exports = u"export AWS_ACCESS_KEY_ID="_s + m_options.credentials.accessKeyId;
    if (m_options.usesDemoCredentials())
        exports += u" AWS_SECRET_ACCESS_KEY="_s + m_options.credentials.secretAccessKey;
    // AWS_DEFAULT_REGION too: the AWS CLI v1 does not read AWS_REGION.
    exports += u" AWS_ENDPOINT_URL_MGN="_s + endpoint + u" AWS_REGION="_s + m_options.region
        + u" AWS_DEFAULT_REGION="_s + m_options.region;
    lines.append(exports);
    if (!m_options.usesDemoCredentials()) {
        lines.append(u"# AWS_SECRET_ACCESS_KEY%1: the ones given on the command line (not printed)"_s.arg(
            m_options.credentials.hasSessionToken() ? u" and AWS_SESSION_TOKEN"_s : QString()));
    }
    lines.append(
        u"# %1 source servers (seed %2), speed %3x, account %4%5%6"_s.arg(m_options.servers)
            .arg(m_options.seed)
            .arg(m_options.speed)
            .arg(m_options.accountId,
                m_options.faults.isEmpty() ? QString()
                                           : QString(u", faults "_s + m_options.faults.toString()),
                m_options.statePath.isEmpty() ? QString()
                                              : QString(u", state "_s + m_options.statePath
                                                  + (m_restoredState ? u" (restored)"_s : u" (new)"_s))));
    return lines;
}

} // namespace mgn
