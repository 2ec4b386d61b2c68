#include "emulator/http/BackgroundEmulator.h"

#include "emulator/http/MgnEmulator.h"

namespace mgn {

BackgroundEmulator::BackgroundEmulator()
{
    m_thread.setObjectName(QStringLiteral("MGN emulator"));
}

BackgroundEmulator::~BackgroundEmulator()
{
    if (!m_emulator)
        return;
    // Its sockets and timers belong to its thread: deleted there.
    MgnEmulator *emulator = m_emulator;
    QMetaObject::invokeMethod(
        emulator, [emulator] { delete emulator; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void BackgroundEmulator::start(const EmulatorOptions &options)
{
    if (m_emulator)
        return;
    m_thread.start();
    m_emulator = new MgnEmulator;
    m_emulator->moveToThread(&m_thread);
    MgnEmulator *emulator = m_emulator;
    QMetaObject::invokeMethod(
        emulator,
        [this, emulator, options] {
            m_ok = emulator->start(options, &m_error);
            if (m_ok) {
                m_url = emulator->url();
                m_region = emulator->region();
                m_credentials = emulator->credentials();
            }
            // Publishes the members above to the thread that waits.
            m_started.release();
        },
        Qt::QueuedConnection);
}

bool BackgroundEmulator::waitForStarted(QString *error)
{
    if (!m_emulator) {
        if (error)
            *error = QStringLiteral("The emulator was not started");
        return false;
    }
    if (!m_waited) {
        m_started.acquire();
        m_waited = true;
    }
    if (!m_ok && error)
        *error = m_error;
    return m_ok;
}

} // namespace mgn
