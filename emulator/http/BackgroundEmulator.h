#pragma once

#include "app/aws/AwsCredentials.h"
#include "emulator/http/EmulatorOptions.h"

#include <QSemaphore>
#include <QString>
#include <QThread>
#include <QUrl>

namespace mgn {

class MgnEmulator;

// An MgnEmulator on a thread of its own: generating a large fleet and
// writing its pages then take neither the caller's (GUI) thread nor its
// time, and the caller can build its window while the fleet is generated.
// What `mgn-dashboard --demo` runs.
//
//   BackgroundEmulator emulator;
//   emulator.start(options);          // returns at once
//   ...                               // build the window meanwhile
//   if (!emulator.waitForStarted(&error)) ...
//   connect to emulator.url() with emulator.credentials()
class BackgroundEmulator final
{
public:
    BackgroundEmulator();
    // Stops the emulator on its thread, then the thread.
    ~BackgroundEmulator();
    BackgroundEmulator(const BackgroundEmulator &) = delete;
    BackgroundEmulator &operator=(const BackgroundEmulator &) = delete;

    // Once.
    void start(const EmulatorOptions &options);
    // Blocks until the emulator listens (true) or could not start (false and
    // the reason in `error`).
    bool waitForStarted(QString *error);

    // Valid after waitForStarted() returned true.
    QUrl url() const { return m_url; }
    QString region() const { return m_region; }
    AwsCredentials credentials() const { return m_credentials; }

private:
    QThread m_thread;
    MgnEmulator *m_emulator = nullptr; // lives on m_thread
    QSemaphore m_started;
    bool m_waited = false;
    bool m_ok = false;
    QString m_error;
    QUrl m_url;
    QString m_region;
    AwsCredentials m_credentials;
};

} // namespace mgn
