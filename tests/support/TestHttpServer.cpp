#include "tests/support/TestHttpServer.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
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
    case 409:
        return "Conflict";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray findHeader(const TestHttpServer::Headers &headers, QByteArrayView name, bool *found = nullptr)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0) {
            if (found)
                *found = true;
            return value;
        }
    }
    if (found)
        *found = false;
    return {};
}

} // namespace

QByteArray TestHttpServer::Request::header(QByteArrayView name) const
{
    return findHeader(headers, name);
}

bool TestHttpServer::Request::hasHeader(QByteArrayView name) const
{
    bool found = false;
    findHeader(headers, name, &found);
    return found;
}

TestHttpServer::Response TestHttpServer::Response::json(
    int status, const QByteArray &body, const Headers &headers)
{
    Response response;
    response.status = status;
    response.headers = headers;
    response.headers.prepend({ "Content-Type", "application/json" });
    response.body = body;
    return response;
}

TestHttpServer::Response TestHttpServer::Response::awsError(
    int status, const QByteArray &errorType, const QByteArray &body, const Headers &headers)
{
    Response response = json(status, body, headers);
    response.headers.append({ "x-amzn-ErrorType", errorType });
    response.headers.append({ "x-amzn-RequestId", "test-request-" + QByteArray::number(status) });
    return response;
}

TestHttpServer::Response TestHttpServer::Response::neverAnswer()
{
    Response response;
    response.behaviour = Behaviour::NeverAnswer;
    return response;
}

TestHttpServer::Response TestHttpServer::Response::closeAfter(qsizetype bytes, const Response &response)
{
    Response cut = response;
    cut.behaviour = Behaviour::CloseAfterBytes;
    cut.closeAfterBytes = bytes;
    return cut;
}

TestHttpServer::Response TestHttpServer::Response::shortBody(
    int status, const QByteArray &body, qsizetype declaredLength)
{
    Response response = json(status, body);
    response.behaviour = Behaviour::ShortBody;
    response.declaredLength = declaredLength;
    return response;
}

TestHttpServer::Response &TestHttpServer::Response::withHeader(
    const QByteArray &name, const QByteArray &value)
{
    headers.append({ name, value });
    return *this;
}

TestHttpServer::Response &TestHttpServer::Response::withDelay(std::chrono::milliseconds value)
{
    delay = value;
    return *this;
}

QByteArray TestHttpServer::Response::serialize() const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    bool hasLength = false;
    findHeader(headers, "Content-Length", &hasLength);
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    if (behaviour == Behaviour::ShortBody)
        out += "Content-Length: " + QByteArray::number(declaredLength) + "\r\n";
    else if (!hasLength)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += body;
    return out;
}

TestHttpServer::TestHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &TestHttpServer::onNewConnection);
}

TestHttpServer::~TestHttpServer() = default;

bool TestHttpServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 TestHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl TestHttpServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(path);
    return url;
}

void TestHttpServer::enqueue(const Response &response)
{
    m_queue.enqueue(response);
}

void TestHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

QByteArray TestHttpServer::httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

void TestHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        Connection connection;
        connection.number = ++m_connections;
        m_buffers.insert(socket, connection);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            m_buffers[socket].parser.append(socket->readAll());
            processBuffer(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void TestHttpServer::processBuffer(QTcpSocket *socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end() || it->busy)
        return;
    HttpRequestParser &parser = it->parser;
    switch (parser.parse()) {
    case HttpRequestParser::State::NeedMore:
        if (parser.takeContinueRequest())
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        return;
    case HttpRequestParser::State::Error: {
        // Not recorded: no client under test should send such a request.
        it->busy = true;
        Response refusal = Response::awsError(parser.errorStatus(), "BadRequestException",
            QJsonDocument(QJsonObject { { u"message"_s, parser.errorMessage() } })
                .toJson(QJsonDocument::Compact));
        refusal.closeConnection = true;
        answer(socket, refusal);
        return;
    }
    case HttpRequestParser::State::Complete:
        break;
    }
    const bool keepAlive = parser.keepAlive();
    EmulatorRequest parsed = parser.takeRequest();
    Request request;
    request.method = parsed.method;
    request.path = parsed.path;
    request.query = parsed.query;
    request.target = parsed.query.isEmpty() ? parsed.path : parsed.path + '?' + parsed.query;
    request.headers = parsed.headers;
    request.body = parsed.body;
    request.connection = it->number;

    m_requests.append(request);
    Response response;
    if (!m_queue.isEmpty())
        response = m_queue.dequeue();
    else if (m_handler)
        response = m_handler(request);
    else
        response = Response::awsError(500, "InternalServerException",
            R"({"message":"TestHttpServer: no scripted response for this request"})");
    if (!keepAlive)
        response.closeConnection = true; // the client asked for it ("Connection: close", HTTP/1.0)

    it->busy = true;
    Q_EMIT requestReceived(static_cast<int>(m_requests.size() - 1));
    if (response.delay.count() > 0)
        QTimer::singleShot(response.delay, socket, [this, socket, response] { answer(socket, response); });
    else
        answer(socket, response);
}

void TestHttpServer::answer(QTcpSocket *socket, const Response &response)
{
    const QByteArray bytes = response.serialize();
    switch (response.behaviour) {
    case Response::Behaviour::NeverAnswer:
        return; // stays busy until the client goes away
    case Response::Behaviour::CloseAfterBytes:
        socket->write(bytes.left(response.closeAfterBytes));
        socket->disconnectFromHost();
        return;
    case Response::Behaviour::ShortBody:
        socket->write(bytes);
        socket->disconnectFromHost();
        return;
    case Response::Behaviour::Respond:
        break;
    }
    socket->write(bytes);
    if (response.closeConnection) {
        socket->disconnectFromHost();
        return;
    }
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end())
        return;
    it->busy = false;
    processBuffer(socket);
}

} // namespace mgn
