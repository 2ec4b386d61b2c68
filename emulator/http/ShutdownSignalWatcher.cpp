#include "emulator/http/ShutdownSignalWatcher.h"

#include <QPointer>
#include <QSocketNotifier>

#include <csignal>

#ifdef Q_OS_WIN
#include <qt_windows.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace mgn {

namespace {

#ifdef Q_OS_WIN

QPointer<ShutdownSignalWatcher> instance;

BOOL WINAPI consoleHandler(DWORD event)
{
    // Runs on a thread of its own: hand over to the watcher's thread.
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT && event != CTRL_CLOSE_EVENT)
        return FALSE;
    if (ShutdownSignalWatcher *watcher = instance.data()) {
        const int number = event == CTRL_C_EVENT ? SIGINT : SIGTERM;
        QMetaObject::invokeMethod(
            watcher, [watcher, number] { Q_EMIT watcher->shutdownRequested(number); }, Qt::QueuedConnection);
    }
    return TRUE;
}

#else

int pipeFds[2] = { -1, -1 };

void signalHandler(int number)
{
    // Only async-signal-safe calls here.
    const int savedErrno = errno;
    const auto byte = static_cast<unsigned char>(number);
    [[maybe_unused]] const ssize_t written = ::write(pipeFds[1], &byte, 1);
    errno = savedErrno;
}

bool setHandler(int number, void (*handler)(int))
{
    struct sigaction action {
    };
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(number, &action, nullptr) == 0;
}

#endif

} // namespace

ShutdownSignalWatcher::ShutdownSignalWatcher(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_WIN
    instance = this;
    m_active = SetConsoleCtrlHandler(consoleHandler, TRUE) != 0;
#else
    if (pipeFds[0] != -1 || ::pipe(pipeFds) != 0)
        return;
    for (const int fd : pipeFds) {
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    m_notifier = new QSocketNotifier(pipeFds[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &ShutdownSignalWatcher::onNotified);
    m_active = setHandler(SIGINT, signalHandler) && setHandler(SIGTERM, signalHandler);
#endif
}

ShutdownSignalWatcher::~ShutdownSignalWatcher()
{
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(consoleHandler, FALSE);
    instance = nullptr;
#else
    if (!m_notifier)
        return;
    setHandler(SIGINT, SIG_DFL);
    setHandler(SIGTERM, SIG_DFL);
    delete m_notifier;
    ::close(pipeFds[0]);
    ::close(pipeFds[1]);
    pipeFds[0] = pipeFds[1] = -1;
#endif
}

void ShutdownSignalWatcher::onNotified()
{
#ifndef Q_OS_WIN
    unsigned char byte = 0;
    int last = 0;
    while (::read(pipeFds[0], &byte, 1) == 1)
        last = byte;
    if (last != 0)
        Q_EMIT shutdownRequested(last);
#endif
}

} // namespace mgn
