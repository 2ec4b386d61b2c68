#pragma once

#include "emulator/http/HttpRequestParser.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QUrl>

#include <chrono>
#include <functional>
#include <utility>

class QTcpServer;
class QTcpSocket;

namespace mgn {

// A scripted HTTP/1.1 server on 127.0.0.1 for tests: it answers requests, in
// the order they arrive, with the responses queued (or from a handler once the
// queue is empty), and records every request it received in full. Keep-alive
// connections are served as a real server would; a response can also be
// delayed, never sent, cut off after some bytes, or declare a longer body than
// it sends before the connection closes. Requests are read by the emulator's
// HttpRequestParser (the fuzzed one): a malformed request gets the status it
// chooses (400, 413, 431, ...) and the connection closes, as the emulator does.
class TestHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestHttpServer)

public:
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    struct Request final {
        QByteArray method;
        QByteArray target; // as on the request line: path and query
        QByteArray path;
        QByteArray query;
        Headers headers;
        QByteArray body;
        int connection = 0; // 1-based number of the connection it came on

        // The first header of that name, ignoring case; empty when absent.
        QByteArray header(QByteArrayView name) const;
        bool hasHeader(QByteArrayView name) const;
    };

    struct Response final {
        enum class Behaviour {
            Respond,
            NeverAnswer, // keep the connection open and silent (client timeouts)
            // Send the first closeAfterBytes bytes of the response, then close.
            // Until the headers are complete, Qt resends the request by itself
            // on a new connection (up to twice) before it reports an error:
            // cut inside the body to count attempts exactly.
            CloseAfterBytes,
            // Declare Content-Length declaredLength, send the shorter body, close.
            ShortBody,
        };

        int status = 200;
        Headers headers; // Content-Length is added unless given
        QByteArray body;
        std::chrono::milliseconds delay { 0 }; // before answering
        Behaviour behaviour = Behaviour::Respond;
        qsizetype closeAfterBytes = 0;
        qsizetype declaredLength = -1;
        bool closeConnection = false; // close after a complete response

        static Response json(int status, const QByteArray &body, const Headers &headers = {});
        // An AWS rest-json error: x-amzn-ErrorType, x-amzn-RequestId and the body.
        static Response awsError(
            int status, const QByteArray &errorType, const QByteArray &body, const Headers &headers = {});
        static Response neverAnswer();
        static Response closeAfter(qsizetype bytes, const Response &response = json(200, "{}"));
        static Response shortBody(int status, const QByteArray &body, qsizetype declaredLength);

        Response &withHeader(const QByteArray &name, const QByteArray &value);
        Response &withDelay(std::chrono::milliseconds delay);

        // The bytes on the wire: status line, headers, blank line, body.
        QByteArray serialize() const;
    };

    using Handler = std::function<Response(const Request &request)>;

    explicit TestHttpServer(QObject *parent = nullptr);
    ~TestHttpServer() override;

    // Listens on 127.0.0.1, on a free port.
    bool listen();
    quint16 port() const;
    // http://127.0.0.1:<port><path>
    QUrl url(const QString &path = QStringLiteral("/")) const;

    void enqueue(const Response &response);
    // Answers once the queue is empty. Without one, such a request gets a 500
    // InternalServerException saying that nothing was scripted.
    void setHandler(Handler handler);
    qsizetype pendingResponses() const { return m_queue.size(); }

    const QList<Request> &requests() const { return m_requests; }
    int requestCount() const { return static_cast<int>(m_requests.size()); }
    void clearRequests() { m_requests.clear(); }
    int connectionCount() const { return m_connections; }
    // Connections open now.
    int openConnections() const { return static_cast<int>(m_buffers.size()); }

    // An IMF-fixdate, as in a Date header: "Thu, 01 Jan 2026 12:00:00 GMT".
    static QByteArray httpDate(const QDateTime &time);

Q_SIGNALS:
    // requests().at(index) has just arrived; its answer has not gone out yet.
    void requestReceived(int index);

private:
    struct Connection final {
        HttpRequestParser parser;
        int number = 0;
        bool busy = false; // answering (delayed or never)
    };

    void onNewConnection();
    void processBuffer(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Response &response);

    QTcpServer *m_server;
    QQueue<Response> m_queue;
    Handler m_handler;
    QList<Request> m_requests;
    QHash<QTcpSocket *, Connection> m_buffers;
    int m_connections = 0;
};

} // namespace mgn
