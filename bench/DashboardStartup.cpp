#include "bench/DashboardStartup.h"

#include "app/mgn/MgnClient.h"
#include "app/mgn/MgnConnection.h"
#include "app/services/DashboardSession.h"
#include "emulator/http/BackgroundEmulator.h"
#include "models/itemmodels/SourceServerFilterProxyModel.h"
#include "models/itemmodels/SourceServerTableModel.h"
#include "ui/MainWindow.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <ctime>
#include <sys/resource.h>

using namespace mgn;

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

// Peak resident set so far, as /usr/bin/time reports it (kB).
qint64 peakRssKb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// CPU time of this thread or of the whole process so far (ms): on a machine
// shared with other work, the main thread's is about what the wall time
// would be on an idle one, the GUI thread being the critical path.
qint64 cpuMs(clockid_t clock)
{
    timespec time {};
    clock_gettime(clock, &time);
    return qint64(time.tv_sec) * 1000 + time.tv_nsec / 1000000;
}

} // namespace

DashboardStartup::DashboardStartup(const Options &options, const QElapsedTimer &sinceStart)
    : m_options(options)
    , m_sinceStart(sinceStart)
{ }

DashboardStartup::~DashboardStartup() = default;

bool DashboardStartup::start()
{
    m_emulator = std::make_unique<BackgroundEmulator>();
    EmulatorOptions demo;
    demo.servers = m_options.servers;
    demo.seed = 7;
    demo.speed = 60;
    m_emulator->start(demo);
    if (!m_options.listingOnly)
        m_window = std::make_unique<MainWindow>();
    QString error;
    if (!m_emulator->waitForStarted(&error)) {
        std::fprintf(stderr, "mgn-bench-dashboard: the emulator could not start: %s\n", qPrintable(error));
        return false;
    }
    m_emulatorReadyMs = m_sinceStart.elapsed();
    m_connection
        = MgnConnection::openDirect(m_emulator->url(), m_emulator->region(), m_emulator->credentials(), this);
    if (m_options.listingOnly)
        startListing();
    else
        connectWindow();
    return true;
}

void DashboardStartup::connectWindow()
{
    m_window->session()->setConnection(m_connection);
    m_window->show();
    m_windowShownMs = m_sinceStart.elapsed();
    connect(m_window->session(), &DashboardSession::pageArrived, this, [this] {
        if (m_firstPageMs == 0)
            m_firstPageMs = m_sinceStart.elapsed();
    });
    connect(m_window->session(), &DashboardSession::refreshFinished, this, [this] {
        // Let the view lay out and paint what it now holds.
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        report("window", m_window->session()->servers()->rowCount(), m_sinceStart.elapsed());
    });
}

void DashboardStartup::startListing()
{
    auto rows = std::make_shared<qint64>(0);
    m_connection->client()->describeSourceServers(
        {},
        [this, rows](const mgn::Page<mgn::SourceServer> &page, const PagingProgress &) {
            if (m_firstPageMs == 0)
                m_firstPageMs = m_sinceStart.elapsed();
            *rows += page.items.size();
        },
        [this, rows](const MgnResult<PagingProgress> &result) {
            report("listing", result.ok() ? *rows : -1, m_sinceStart.elapsed());
        });
}

void DashboardStartup::report(const char *mode, qint64 rows, qint64 populatedMs)
{
    const QJsonObject line {
        { "mode"_L1, QLatin1StringView(mode) },
        { "servers"_L1, m_options.servers },
        { "rows"_L1, rows },
        { "emulator_ready_ms"_L1, m_emulatorReadyMs },
        { "window_shown_ms"_L1, m_windowShownMs },
        { "first_page_ms"_L1, m_firstPageMs },
        { "start_to_populated_ms"_L1, populatedMs },
        { "main_thread_cpu_ms"_L1, cpuMs(CLOCK_THREAD_CPUTIME_ID) },
        { "process_cpu_ms"_L1, cpuMs(CLOCK_PROCESS_CPUTIME_ID) },
        { "peak_rss_kb"_L1, peakRssKb() },
    };
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    QCoreApplication::exit(rows == m_options.servers ? 0 : 1);
}

} // namespace mgn
