#pragma once

#include <QObject>

class QSocketNotifier;

namespace mgn {

// Turns SIGINT and SIGTERM (Ctrl+C, Ctrl+Break and console close on Windows)
// into a queued Qt signal, so that the emulator saves its state and closes
// cleanly from the event loop. On Unix the handler only writes a byte to a
// self-pipe (async-signal-safe), read by a QSocketNotifier. One instance per
// process.
class ShutdownSignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShutdownSignalWatcher)

public:
    explicit ShutdownSignalWatcher(QObject *parent = nullptr);
    ~ShutdownSignalWatcher() override;

    // False when the handlers could not be installed.
    bool isActive() const { return m_active; }

Q_SIGNALS:
    void shutdownRequested(int signalNumber);

private:
    void onNotified();

    QSocketNotifier *m_notifier = nullptr;
    bool m_active = false;
};

} // namespace mgn
