#pragma once

#include "app/aws/AwsError.h"
#include "app/aws/AwsHttpRequest.h"
#include "app/aws/AwsReply.h"
#include "app/aws/AwsTransport.h"
#include "app/mgn/MalformedResponse.h"
#include "app/mgn/MgnCall.h"
#include "app/mgn/MgnResult.h"
#include "app/mgn/PagingProgress.h"
#include "models/codec/Page.h"
#include "models/codec/PageCodec.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <utility>

namespace mgn {

// One listing across its pages, for any paginated operation: `makeRequest`
// builds the request for a token (none for the first page), `parseEnvelope`
// reads a body's token and page-level fault, `decodePage` its items.
//
// Pages are pipelined: as soon as a page's envelope is parsed (token known,
// no page-level fault), the next page is requested while this one's items are
// decoded on the thread pool, so the network, the service and the decoding
// overlap, at most `lookahead` pages ahead of the next one to hand over.
// Whatever arrives, pages and failures are handed over strictly in page
// order, exactly as one page after the other would: a failure at page k comes
// after pages 1..k-1, ends the listing and is reported once. A page with a
// token goes on even when it holds no items; a token the service sent before
// stops the listing with a MalformedResponse error (it would loop forever).
template<typename T> class Pager final : public std::enable_shared_from_this<Pager<T>>
{
public:
    using PageCallback = std::function<void(const Page<T> &page, const PagingProgress &progress)>;
    struct Spec final {
        std::function<AwsHttpRequest(const std::optional<QString> &token)> makeRequest;
        std::function<PageCodec::Envelope(const QByteArray &body)> parseEnvelope;
        std::function<Page<T>(const PageCodec::Envelope &envelope)> decodePage;
        // The response member holding the token (a paginator's outputToken),
        // for the error that names it.
        QString outputToken = QStringLiteral("nextToken");
        // Pages requested ahead of the next one to hand over, at most.
        int lookahead = 2;
    };

    // Starts the listing; the MgnCall (a child of `parent`) cancels it. The
    // transport must outlive the call.
    static MgnCall *start(AwsTransport *transport, Spec spec, PageCallback onPage,
        MgnCallback<PagingProgress> done, QObject *parent)
    {
        std::shared_ptr<Pager> pager(
            new Pager(transport, std::move(spec), std::move(onPage), std::move(done)));
        auto *call = new MgnCall(pager->m_spec.makeRequest(std::nullopt).operation, parent);
        pager->m_call = call;
        pager->request(0, std::nullopt);
        return call;
    }

private:
    // A page decoded, or the failure that ends the listing at that page.
    struct Outcome final {
        std::optional<Page<T>> page;
        std::optional<AwsError> error;
        bool last = false;
    };

    Pager(AwsTransport *transport, Spec spec, PageCallback onPage, MgnCallback<PagingProgress> done)
        : m_transport(transport)
        , m_spec(std::move(spec))
        , m_onPage(std::move(onPage))
        , m_done(std::move(done))
    { }

    static Outcome cancelled() { return { std::nullopt, AwsError::transport(AwsError::Kind::Cancelled) }; }

    void request(int index, const std::optional<QString> &token)
    {
        MgnCall *call = m_call;
        if (!call || m_finished)
            return;
        if (index - m_nextToHandOver > m_spec.lookahead) {
            m_deferred = std::pair<int, std::optional<QString>>(index, token);
            return;
        }
        if (call->isAbortRequested()) {
            settle(index, cancelled());
            return;
        }
        AwsReply *reply = m_transport->send(m_spec.makeRequest(token));
        call->track(reply);
        QObject::connect(reply, &AwsReply::finished, call, [self = this->shared_from_this(), reply, index] {
            reply->deleteLater();
            self->received(reply, index);
        });
    }

    void received(AwsReply *reply, int index)
    {
        m_requestId = reply->response().requestId();
        if (!reply->isSuccess()) {
            settle(index,
                { std::nullopt, reply->error().value_or(AwsError::transport(AwsError::Kind::NetworkError)) });
            return;
        }
        const AwsHttpResponse response = reply->response();
        // Parsing and decoding a page of a thousand servers take tens of
        // milliseconds: not on the caller's (GUI) thread.
        auto *watcher = new QFutureWatcher<PageCodec::Envelope>(m_call);
        QObject::connect(watcher, &QFutureWatcherBase::finished, m_call,
            [self = this->shared_from_this(), watcher, response, index] {
                watcher->deleteLater();
                self->parsed(watcher->result(), response, index);
            });
        watcher->setFuture(QtConcurrent::run(m_spec.parseEnvelope, response.body));
    }

    void parsed(const PageCodec::Envelope &envelope, const AwsHttpResponse &response, int index)
    {
        if (m_call->isAbortRequested()) {
            settle(index, cancelled());
            return;
        }
        const QString operation = m_call->operation();
        if (envelope.pageError) {
            JsonError error = *envelope.pageError;
            error.message = QCoreApplication::translate("mgn::MgnClient", "page %1: %2")
                                .arg(index + 1)
                                .arg(error.message);
            settle(index, { std::nullopt, malformedResponse(response, operation, error) });
            return;
        }
        const std::optional<QString> next
            = envelope.nextToken && !envelope.nextToken->isEmpty() ? envelope.nextToken : std::nullopt;
        if (next && m_tokensSeen.contains(*next)) {
            const JsonError error { m_spec.outputToken,
                QCoreApplication::translate(
                    "mgn::MgnClient", "the service sent a %1 it had sent before; paging stopped")
                    .arg(m_spec.outputToken) };
            settle(index, { std::nullopt, malformedResponse(response, operation, error) });
            return;
        }
        if (next) {
            m_tokensSeen.insert(*next);
            request(index + 1, next);
        }
        auto *watcher = new QFutureWatcher<Page<T>>(m_call);
        QObject::connect(watcher, &QFutureWatcherBase::finished, m_call,
            [self = this->shared_from_this(), watcher, index, next] {
                watcher->deleteLater();
                self->settle(index, { watcher->result(), std::nullopt, !next });
            });
        watcher->setFuture(QtConcurrent::run(m_spec.decodePage, envelope));
    }

    void settle(int index, Outcome outcome)
    {
        m_outcomes.emplace(index, std::move(outcome));
        // Hand over what is next in page order, as long as it is there.
        while (!m_finished) {
            const auto it = m_outcomes.find(m_nextToHandOver);
            if (it == m_outcomes.end())
                break;
            const Outcome ready = std::move(it->second);
            m_outcomes.erase(it);
            if (m_call && m_call->isAbortRequested()) {
                finish(AwsError::transport(AwsError::Kind::Cancelled));
                break;
            }
            if (ready.error) {
                finish(ready.error);
                break;
            }
            const Page<T> &page = *ready.page;
            m_progress.pages += 1;
            m_progress.items += page.items.size();
            m_progress.itemErrors += page.errors.size();
            m_nextToHandOver += 1;
            if (m_onPage)
                m_onPage(page, m_progress);
            if (ready.last) {
                finish(std::nullopt);
                break;
            }
            if (m_deferred && m_deferred->first - m_nextToHandOver <= m_spec.lookahead) {
                const auto [deferredIndex, token] = *m_deferred;
                m_deferred.reset();
                request(deferredIndex, token);
            }
        }
    }

    void finish(const std::optional<AwsError> &error)
    {
        if (m_finished)
            return;
        m_finished = true;
        MgnResult<PagingProgress> result;
        result.requestId = m_requestId;
        if (error)
            result.error = error;
        else
            result.value = m_progress;
        if (m_done)
            m_done(result);
        if (m_call)
            m_call->finish(error);
    }

    AwsTransport *m_transport;
    Spec m_spec;
    PageCallback m_onPage;
    MgnCallback<PagingProgress> m_done;
    QPointer<MgnCall> m_call;
    PagingProgress m_progress;
    QSet<QString> m_tokensSeen;
    QString m_requestId;
    std::map<int, Outcome> m_outcomes; // by page index, until handed over
    int m_nextToHandOver = 0;
    std::optional<std::pair<int, std::optional<QString>>> m_deferred; // held back by the lookahead
    bool m_finished = false;
};

} // namespace mgn
