#pragma once

#include "emulator/service/EmulatorRequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace mgn {

// An incremental HTTP/1.1 request parser for one connection: bytes go in as
// they arrive, whole requests come out, in order (pipelining works: bytes
// beyond a request stay for the next). Bodies by Content-Length or chunked
// transfer coding. A header folded over several lines (obs-fold) reads as
// its lines joined by one space. Anything that is not HTTP/1.x ends in the Error state with
// the status to answer (400, 413, 417, 431, 501, 505) before closing; the
// parser never reads past its limits.
class HttpRequestParser final
{
public:
    struct Limits final {
        qsizetype maxHeadBytes = 64 * 1024; // request line and headers
        qsizetype maxBodyBytes = 32 * 1024 * 1024;
        int maxHeaders = 100;
    };

    enum class State {
        NeedMore, // nothing complete yet
        Complete, // takeRequest() is ready
        Error, // see errorStatus() and errorMessage(); the connection must close
    };

    HttpRequestParser();
    explicit HttpRequestParser(Limits limits);

    void append(QByteArrayView bytes);
    // Advances over the buffered bytes. After Complete, takeRequest() before
    // parsing on.
    State parse();
    EmulatorRequest takeRequest();

    // Of the request just completed: whether the connection stays open after
    // the answer (HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with
    // "Connection: keep-alive").
    bool keepAlive() const { return m_keepAlive; }
    // True once per request, when its head asked "Expect: 100-continue" and
    // the body has not arrived yet: the server should send "100 Continue".
    bool takeContinueRequest();

    int errorStatus() const { return m_errorStatus; }
    QString errorMessage() const { return m_errorMessage; }

    // Some bytes of a request that is not complete yet are buffered.
    bool hasPartialRequest() const { return !m_buffer.isEmpty() || m_phase != Phase::Head; }

private:
    enum class Phase { Head, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done, Failed };

    State fail(int status, const QString &message);
    State parseHead();
    State parseHeadText(const QByteArray &head);
    State parseChunkSize();
    State parseTrailers();
    // The next CRLF- (or LF-) terminated line of the buffer, without its end,
    // or false when it has not arrived.
    bool takeLine(QByteArray *line, qsizetype maxLength, bool *tooLong);

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_scanFrom = 0; // where the search for the end of the head resumes
    Phase m_phase = Phase::Head;
    EmulatorRequest m_request;
    bool m_http10 = false;
    bool m_keepAlive = true;
    bool m_expectContinue = false;
    qsizetype m_remaining = 0; // body or chunk bytes still to come
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace mgn
