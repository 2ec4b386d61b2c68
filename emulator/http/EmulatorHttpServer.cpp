#include "emulator/http/EmulatorHttpServer.h"

#include "emulator/http/SigV4Verifier.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <exception>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

QString errorTypeOf(const EmulatorResponse &response)
{
    for (const auto &[name, value] : response.headers) {
        if (name.compare("x-amzn-ErrorType", Qt::CaseInsensitive) == 0)
            return QString::fromUtf8(value);
    }
    return {};
}

QByteArray invocationIdOf(const EmulatorRequest &request)
{
    for (const auto &[name, value] : request.headers) {
        if (name.compare("amz-sdk-invocation-id", Qt::CaseInsensitive) == 0)
            return value.trimmed().left(64);
    }
    return {};
}

} // namespace

EmulatorHttpServer::EmulatorHttpServer(Handler handler, QObject *parent)
    : EmulatorHttpServer(std::move(handler), Options {}, parent)
{ }

EmulatorHttpServer::EmulatorHttpServer(Handler handler, const Options &options, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_options(options)
    , m_server(new QTcpServer(this))
    , m_clock(Clock::instance())
{
    connect(m_server, &QTcpServer::newConnection, this, &EmulatorHttpServer::onNewConnection);
}

EmulatorHttpServer::~EmulatorHttpServer() = default;

void EmulatorHttpServer::setVerifier(std::shared_ptr<const SigV4Verifier> verifier)
{
    m_verifier = std::move(verifier);
}

void EmulatorHttpServer::setFaultInjector(std::shared_ptr<FaultInjector> faults)
{
    m_faults = std::move(faults);
}

void EmulatorHttpServer::setClock(std::shared_ptr<const Clock> clock)
{
    m_clock = clock ? std::move(clock) : Clock::instance();
}

bool EmulatorHttpServer::listen(quint16 port, QString *error)
{
    if (m_server->listen(QHostAddress::LocalHost, port))
        return true;
    if (error)
        *error = u"Cannot listen on 127.0.0.1:%1: %2"_s.arg(port).arg(m_server->errorString());
    return false;
}

void EmulatorHttpServer::close()
{
    m_server->close();
    const QList<EmulatorHttpConnection *> connections
        = findChildren<EmulatorHttpConnection *>(Qt::FindDirectChildrenOnly);
    for (EmulatorHttpConnection *connection : connections)
        connection->drop();
}

bool EmulatorHttpServer::isListening() const
{
    return m_server->isListening();
}

quint16 EmulatorHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl EmulatorHttpServer::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

void EmulatorHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new EmulatorHttpConnection(socket, m_options, m_clock, this);
        ++m_connectionCount;
        ++m_openConnections;
        connect(connection, &EmulatorHttpConnection::requestReady, this,
            [this, connection](const EmulatorRequest &request) { onRequest(connection, request); });
        connect(connection, &EmulatorHttpConnection::rejected, this, [this](int status, const QString &) {
            Exchange exchange;
            exchange.status = status;
            exchange.errorType = u"BadRequestException"_s;
            Q_EMIT exchanged(exchange);
        });
        connect(connection, &EmulatorHttpConnection::closed, this, [this] { --m_openConnections; });
    }
}

void EmulatorHttpServer::onRequest(EmulatorHttpConnection *connection, const EmulatorRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    ++m_requestCount;
    const FaultInjector::Decision decision = m_faults ? m_faults->decide() : FaultInjector::Decision {};
    if (decision.fault == FaultInjector::Fault::Drop) {
        connection->drop();
        Exchange exchange { request.method, request.path, 0, {}, decision.fault, std::chrono::milliseconds(0),
            invocationIdOf(request) };
        Q_EMIT exchanged(exchange);
        return;
    }
    if (decision.delay.count() > 0) {
        // The connection is the context: a client gone meanwhile cancels the answer. A precise
        // timer: Qt makes delays of 2 s and more coarse, which may fire up to 5% early.
        QTimer::singleShot(decision.delay, Qt::PreciseTimer, connection,
            [this, connection, request, fault = decision.fault, timer] {
                answer(connection, request, fault, timer);
            });
        return;
    }
    answer(connection, request, decision.fault, timer);
}

void EmulatorHttpServer::answer(EmulatorHttpConnection *connection, const EmulatorRequest &request,
    FaultInjector::Fault fault, const QElapsedTimer &timer)
{
    EmulatorResponse response;
    bool verified = true;
    if (m_verifier) {
        const SigV4Verifier::Result result = m_verifier->verify(request);
        verified = result.accepted();
        if (!verified)
            response = result.response();
    }
    if (verified) {
        switch (fault) {
        case FaultInjector::Fault::Throttle:
            response = FaultInjector::throttlingResponse();
            break;
        case FaultInjector::Fault::InternalError:
            response = FaultInjector::internalErrorResponse();
            break;
        case FaultInjector::Fault::Malformed:
            response = FaultInjector::malformedResponse(callHandler(request));
            break;
        case FaultInjector::Fault::None:
        case FaultInjector::Fault::Drop:
            response = callHandler(request);
            break;
        }
    }
    connection->respond(response);
    Exchange exchange { request.method, request.path, response.status, errorTypeOf(response),
        verified ? fault : FaultInjector::Fault::None, std::chrono::milliseconds(timer.elapsed()),
        invocationIdOf(request) };
    Q_EMIT exchanged(exchange);
}

EmulatorResponse EmulatorHttpServer::callHandler(const EmulatorRequest &request)
{
    if (!m_handler)
        return EmulatorResponse::error(500, u"InternalServerException"_s, u"The emulator has no service"_s);
    // A bug in the service answers 500 rather than ending the process.
    try {
        return m_handler(request);
    } catch (const std::exception &exception) {
        return EmulatorResponse::error(500, u"InternalServerException"_s,
            u"The emulator failed: %1"_s.arg(QString::fromLocal8Bit(exception.what())));
    } catch (...) {
        return EmulatorResponse::error(500, u"InternalServerException"_s, u"The emulator failed"_s);
    }
}

} // namespace mgn
