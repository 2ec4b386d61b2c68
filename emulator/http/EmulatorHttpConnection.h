#pragma once

#include "app/aws/Clock.h"
#include "emulator/http/HttpRequestParser.h"
#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

#include <QDateTime>
#include <QObject>

#include <chrono>
#include <memory>

class QTcpSocket;
class QTimer;

namespace mgn {

// One client connection of EmulatorHttpServer: reads requests with
// HttpRequestParser and hands them out one at a time (requestReady); the
// next is read only once the previous one is answered (respond) or the
// connection dropped, so pipelined requests are answered in order. Requests
// that are not HTTP get their 4xx here and the connection closes; so does a
// connection idle (or stuck in a partial request) for longer than the idle
// timeout.
class EmulatorHttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmulatorHttpConnection)

public:
    struct Options final {
        HttpRequestParser::Limits limits;
        std::chrono::milliseconds idleTimeout { 120000 };
        // Stop reading requests while more than this waits to be written (a
        // client that sends but does not read).
        qint64 maxPendingWriteBytes = 8 * 1024 * 1024;
    };

    // Takes ownership of the connected socket.
    EmulatorHttpConnection(QTcpSocket *socket, const Options &options, std::shared_ptr<const Clock> clock,
        QObject *parent = nullptr);
    ~EmulatorHttpConnection() override;

    // Answers the request last handed out; then reads on (or closes, when the
    // client asked for that).
    void respond(const EmulatorResponse &response);
    // Closes at once without answering.
    void drop();
    bool isBusy() const { return m_busy; }
    bool isOpen() const;

    // The bytes of a response on the wire. Adds Date, Content-Length,
    // Connection and, when the response has none, x-amzn-RequestId.
    static QByteArray serialize(
        const EmulatorResponse &response, const QDateTime &now, bool keepAlive, bool omitBody = false);
    // An IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
    static QByteArray httpDate(const QDateTime &time);
    static QByteArray reasonPhrase(int status);

Q_SIGNALS:
    void requestReady(const EmulatorRequest &request);
    // A request that was not HTTP, answered here with `status`.
    void rejected(int status, const QString &message);
    // The connection is gone; the object deletes itself later.
    void closed();

private:
    void onReadyRead();
    void processBuffered();
    void scheduleProcessing();
    void onIdleTimeout();
    void closeAfterWriting();
    void onDisconnected();

    QTcpSocket *m_socket;
    Options m_options;
    std::shared_ptr<const Clock> m_clock;
    HttpRequestParser m_parser;
    QTimer *m_idleTimer;
    bool m_busy = false;
    bool m_keepAlive = true;
    bool m_headRequest = false;
    bool m_closing = false;
    bool m_closedEmitted = false;
    bool m_processingScheduled = false;
};

} // namespace mgn
