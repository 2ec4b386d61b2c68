#pragma once

#include "app/aws/Clock.h"
#include "emulator/http/EmulatorHttpConnection.h"
#include "emulator/http/FaultInjector.h"
#include "emulator/service/EmulatorRequest.h"
#include "emulator/service/EmulatorResponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QTcpServer;

namespace mgn {

class SigV4Verifier;

// The emulator's HTTP/1.1 front: listens on 127.0.0.1, keeps connections
// alive, serves many at once (one event loop; answers are computed
// synchronously by the handler), and for each request:
//   1. draws a fault decision (FaultInjector, when set): a drop closes the
//      connection at once, `slow` delays the rest;
//   2. verifies its signature (SigV4Verifier, when set): a refusal is answered;
//   3. answers a throttle or error500 fault, or asks the handler (mangling the
//      body for a malformed fault).
// Every response carries x-amzn-RequestId and Date. The handler is
// MgnService::handle in the emulator, a fake in tests.
class EmulatorHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmulatorHttpServer)

public:
    using Handler = std::function<EmulatorResponse(const EmulatorRequest &request)>;
    using Options = EmulatorHttpConnection::Options;

    // One request and its outcome, for a request log (never headers or bodies).
    struct Exchange final {
        QByteArray method;
        QByteArray path; // without the query, which may hold a presigned signature
        int status = 0; // 0 when dropped
        QString errorType;
        FaultInjector::Fault fault = FaultInjector::Fault::None;
        std::chrono::milliseconds elapsed { 0 };
        // amz-sdk-invocation-id: the same for every attempt of one client
        // request (the AWS SDKs and our transport send it), empty otherwise.
        QByteArray invocationId;
    };

    explicit EmulatorHttpServer(Handler handler, QObject *parent = nullptr);
    EmulatorHttpServer(Handler handler, const Options &options, QObject *parent = nullptr);
    ~EmulatorHttpServer() override;

    // Null: no verification, no faults. The clock gives the Date header.
    void setVerifier(std::shared_ptr<const SigV4Verifier> verifier);
    void setFaultInjector(std::shared_ptr<FaultInjector> faults);
    void setClock(std::shared_ptr<const Clock> clock);
    std::shared_ptr<FaultInjector> faultInjector() const { return m_faults; }

    // On 127.0.0.1; port 0 picks a free one.
    bool listen(quint16 port = 0, QString *error = nullptr);
    // Stops listening and closes every connection.
    void close();
    bool isListening() const;
    quint16 port() const;
    // http://127.0.0.1:<port>
    QUrl url() const;

    int openConnections() const { return m_openConnections; }
    int connectionCount() const { return m_connectionCount; }
    quint64 requestCount() const { return m_requestCount; }

Q_SIGNALS:
    void exchanged(const EmulatorHttpServer::Exchange &exchange);

private:
    void onNewConnection();
    void onRequest(EmulatorHttpConnection *connection, const EmulatorRequest &request);
    void answer(EmulatorHttpConnection *connection, const EmulatorRequest &request,
        FaultInjector::Fault fault, const QElapsedTimer &timer);
    EmulatorResponse callHandler(const EmulatorRequest &request);

    Handler m_handler;
    Options m_options;
    QTcpServer *m_server;
    std::shared_ptr<const SigV4Verifier> m_verifier;
    std::shared_ptr<FaultInjector> m_faults;
    std::shared_ptr<const Clock> m_clock;
    int m_openConnections = 0;
    int m_connectionCount = 0;
    quint64 m_requestCount = 0;
};

} // namespace mgn
