#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <memory>

namespace mgn {

class BackgroundEmulator;
class MainWindow;
class MgnConnection;

// The start of `mgn-dashboard --demo` with a fleet of a given size, in the
// order app/main.cpp has it: the emulator (seed 7, speed 60, as --demo) set
// generating on its thread, the main window built meanwhile, connected once
// the emulator listens and shown (offscreen), then its first refresh until
// the table holds every server and has painted. Prints one JSON line of
// timings, counted from the start of the process, then quits.
//
// With listingOnly, the reference: the same emulator and the same listing by
// MgnClient, without a window.
class DashboardStartup final : public QObject
{
public:
    struct Options final {
        int servers = 10000;
        bool listingOnly = false;
    };

    DashboardStartup(const Options &options, const QElapsedTimer &sinceStart);
    ~DashboardStartup() override;

    // False (and a message on stderr) when the emulator cannot start.
    bool start();

private:
    void connectWindow();
    void startListing();
    void report(const char *mode, qint64 rows, qint64 populatedMs);

    Options m_options;
    QElapsedTimer m_sinceStart;
    qint64 m_emulatorReadyMs = 0;
    qint64 m_windowShownMs = 0;
    qint64 m_firstPageMs = 0;
    std::unique_ptr<BackgroundEmulator> m_emulator;
    std::unique_ptr<MainWindow> m_window;
    MgnConnection *m_connection = nullptr;
};

} // namespace mgn
