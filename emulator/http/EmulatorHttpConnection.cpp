#include "emulator/http/EmulatorHttpConnection.h"

#include <QLocale>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

EmulatorHttpConnection::EmulatorHttpConnection(
    QTcpSocket *socket, const Options &options, std::shared_ptr<const Clock> clock, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_options(options)
    , m_clock(clock ? std::move(clock) : Clock::instance())
    , m_parser(options.limits)
    , m_idleTimer(new QTimer(this))
{
    m_socket->setParent(this);
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(m_options.idleTimeout);
    connect(m_idleTimer, &QTimer::timeout, this, &EmulatorHttpConnection::onIdleTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &EmulatorHttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &EmulatorHttpConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &EmulatorHttpConnection::scheduleProcessing);
    m_idleTimer->start();
    if (m_socket->bytesAvailable() > 0)
        scheduleProcessing();
}

EmulatorHttpConnection::~EmulatorHttpConnection() = default;

bool EmulatorHttpConnection::isOpen() const
{
    return !m_closing && m_socket->state() == QAbstractSocket::ConnectedState;
}

void EmulatorHttpConnection::onReadyRead()
{
    if (m_closing) {
        m_socket->readAll(); // after a refusal: nothing more is read
        return;
    }
    m_parser.append(m_socket->readAll());
    m_idleTimer->start();
    processBuffered();
}

void EmulatorHttpConnection::scheduleProcessing()
{
    // Queued, so that a chain of pipelined requests answered at once does not
    // recurse through respond() and requestReady().
    if (m_processingScheduled)
        return;
    m_processingScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_processingScheduled = false;
            if (m_socket->bytesAvailable() > 0)
                onReadyRead();
            else
                processBuffered();
        },
        Qt::QueuedConnection);
}

void EmulatorHttpConnection::processBuffered()
{
    if (m_busy || m_closing || m_socket->bytesToWrite() > m_options.maxPendingWriteBytes)
        return;
    switch (m_parser.parse()) {
    case HttpRequestParser::State::NeedMore:
        if (m_parser.takeContinueRequest())
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        return;
    case HttpRequestParser::State::Error: {
        const int status = m_parser.errorStatus();
        const QString message = m_parser.errorMessage();
        m_busy = true;
        m_keepAlive = false;
        m_headRequest = false;
        Q_EMIT rejected(status, message);
        respond(EmulatorResponse::error(
            status, status == 408 ? u"RequestTimeoutException"_s : u"BadRequestException"_s, message));
        return;
    }
    case HttpRequestParser::State::Complete: {
        m_keepAlive = m_parser.keepAlive();
        EmulatorRequest request = m_parser.takeRequest();
        m_headRequest = request.method == "HEAD";
        m_busy = true;
        m_idleTimer->stop();
        Q_EMIT requestReady(request);
        return;
    }
    }
}

void EmulatorHttpConnection::respond(const EmulatorResponse &response)
{
    if (!m_busy)
        return;
    m_busy = false;
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_socket->write(serialize(response, m_clock->currentDateTimeUtc(), m_keepAlive, m_headRequest));
    if (!m_keepAlive) {
        closeAfterWriting();
        return;
    }
    m_idleTimer->start();
    scheduleProcessing();
}

void EmulatorHttpConnection::drop()
{
    m_busy = false;
    m_closing = true;
    m_socket->abort();
    onDisconnected();
}

void EmulatorHttpConnection::closeAfterWriting()
{
    m_closing = true;
    m_idleTimer->stop();
    m_socket->disconnectFromHost(); // after the pending bytes are written
}

void EmulatorHttpConnection::onIdleTimeout()
{
    if (m_busy) {
        m_idleTimer->start();
        return;
    }
    if (m_parser.hasPartialRequest()) {
        m_busy = true;
        m_keepAlive = false;
        m_headRequest = false;
        const QString message
            = u"The request did not arrive whole within %1 ms"_s.arg(m_options.idleTimeout.count());
        Q_EMIT rejected(408, message);
        respond(EmulatorResponse::error(408, u"RequestTimeoutException"_s, message));
        return;
    }
    closeAfterWriting();
}

void EmulatorHttpConnection::onDisconnected()
{
    m_closing = true;
    m_idleTimer->stop();
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    Q_EMIT closed();
    deleteLater();
}

QByteArray EmulatorHttpConnection::serialize(
    const EmulatorResponse &response, const QDateTime &now, bool keepAlive, bool omitBody)
{
    const bool noContent = response.status == 204 || response.status == 304 || response.status < 200;
    QByteArray out
        = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    bool hasRequestId = false;
    for (const auto &[name, value] : response.headers) {
        if (sameName(name, "Content-Length") || sameName(name, "Connection") || sameName(name, "Date")
            || sameName(name, "Transfer-Encoding"))
            continue;
        hasRequestId = hasRequestId || sameName(name, "x-amzn-RequestId");
        out += name + ": " + value + "\r\n";
    }
    if (!hasRequestId)
        out += "x-amzn-RequestId: " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "\r\n";
    out += "Date: " + httpDate(now) + "\r\n";
    if (!noContent)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    if (!noContent && !omitBody)
        out += response.body;
    return out;
}

QByteArray EmulatorHttpConnection::httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s).toLatin1();
}

QByteArray EmulatorHttpConnection::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 417:
        return "Expectation Failed";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

} // namespace mgn
