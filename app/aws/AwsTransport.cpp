#include "app/aws/AwsTransport.h"

#include "app/aws/SequentialBody.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace mgn {

using namespace Qt::StringLiterals;
using std::chrono::milliseconds;

// The request log (RequestLog.h): debug and info off unless turned on, so a
// command that succeeds, retried or not, prints nothing on stderr.
Q_LOGGING_CATEGORY(lcAwsTransport, "mgn.aws.transport", QtWarningMsg)

namespace {

// AWS accepts a signing time within 5 minutes of its own: a signature error
// with a Date further off than that is the local clock's fault.
constexpr milliseconds clockSkewTolerance { 5 * 60 * 1000 };

bool hasHeader(const AwsHttpRequest::Headers &headers, QByteArrayView name)
{
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// A failure before a whole response arrived.
AwsError networkFailure(const QNetworkReply *reply, bool headersArrived)
{
    using Kind = AwsError::Kind;
    Kind kind = Kind::NetworkError;
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        kind = Kind::ConnectionRefused;
        break;
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::ProtocolFailure:
        kind = headersArrived ? Kind::TruncatedResponse : Kind::ConnectionClosed;
        break;
    case QNetworkReply::ContentReSendError:
        // Closed before the answer, and the body (SequentialBody) not sent again.
        kind = Kind::ConnectionClosed;
        break;
    case QNetworkReply::HostNotFoundError:
        kind = Kind::HostNotFound;
        break;
    case QNetworkReply::TimeoutError:
        kind = Kind::Timeout;
        break;
    case QNetworkReply::OperationCanceledError:
        kind = Kind::Cancelled;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        kind = Kind::Tls;
        break;
    default:
        break;
    }
    return AwsError::transport(kind, reply->errorString());
}

const char *verdictName(RetryStrategy::Verdict verdict)
{
    switch (verdict) {
    case RetryStrategy::Verdict::Retry:
        return "retry";
    case RetryStrategy::Verdict::NotRetryable:
        return "not retryable";
    case RetryStrategy::Verdict::MaxAttemptsReached:
        return "max attempts reached";
    case RetryStrategy::Verdict::QuotaExhausted:
        return "retry quota exhausted";
    case RetryStrategy::Verdict::RetryAfterTooLong:
        return "Retry-After beyond the longest backoff";
    case RetryStrategy::Verdict::NotIdempotent:
        return "not idempotent, and the service may have acted on it";
    }
    return "";
}

// "DescribeSourceServers #1 attempt 1: HTTP 200 in 12 ms, request ID ...":
// the start of an attempt's line in the request log.
QString attemptLine(const AwsAttemptInfo &info)
{
    QString line = info.operation + u" #"_s + QString::number(info.requestSerial) + u" attempt "_s
        + QString::number(info.attempt) + u": HTTP "_s + QString::number(info.httpStatus) + u" in "_s
        + QString::number(info.elapsed.count()) + u" ms"_s;
    if (!info.requestId.isEmpty())
        line += u", request ID "_s + info.requestId;
    return line;
}

// Qt reports network-level failures below 200 (1-99 connection, 101-199
// proxy) and ProtocolFailure; its other codes only restate the HTTP status.
bool isNetworkLevel(QNetworkReply::NetworkError error)
{
    return (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied)
        || error == QNetworkReply::ProtocolFailure;
}

} // namespace

AwsTransport::AwsTransport(QObject *parent)
    : AwsTransport(Options {}, parent)
{ }

AwsTransport::AwsTransport(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
    , m_clock(Clock::instance())
    , m_retry(m_options.retry)
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    setScheduler({});
}

AwsTransport::~AwsTransport()
{
    // The replies still alive go with this object; they must not call back
    // into it while it is half destroyed.
    const auto replies = findChildren<AwsReply *>(Qt::FindDirectChildrenOnly);
    for (AwsReply *reply : replies) {
        reply->m_transport.clear();
        reply->dropNetworkReply();
    }
}

void AwsTransport::setCredentials(const AwsCredentials &credentials)
{
    setCredentialsSource([credentials](QObject *, const CredentialsCallback &done) {
        done({ credentials, QString() });
    });
}

void AwsTransport::setCredentialsSource(CredentialsSource source)
{
    m_credentials = std::move(source);
}

void AwsTransport::setClock(std::shared_ptr<const Clock> clock)
{
    m_clock = clock ? std::move(clock) : Clock::instance();
}

void AwsTransport::setScheduler(Scheduler scheduler)
{
    if (!scheduler) {
        scheduler = [](milliseconds delay, QObject *context, std::function<void()> fire) {
            QTimer::singleShot(static_cast<int>(delay.count()), Qt::PreciseTimer, context, std::move(fire));
        };
    }
    m_scheduler = std::move(scheduler);
}

QByteArray AwsTransport::userAgent()
{
    return QByteArray("mgn-dashboard/" MGN_VERSION " Qt/") + qVersion();
}

QString AwsTransport::regionFromHost(const QString &host)
{
    const QStringList labels = host.toLower().split(u'.');
    const bool aws = host.endsWith(".amazonaws.com"_L1, Qt::CaseInsensitive)
        || host.endsWith(".amazonaws.com.cn"_L1, Qt::CaseInsensitive);
    if (!aws || labels.size() < 4)
        return {};
    return labels.at(1);
}

AwsReply *AwsTransport::send(const AwsHttpRequest &request)
{
    auto *reply = new AwsReply(this, m_nextSerial++, request);
    connect(&reply->m_timeout, &QTimer::timeout, this, [this, reply] { onTimeout(reply); });
    setInFlight(m_inFlight + 1);
    // Never finish inside send(): the caller has yet to connect.
    QMetaObject::invokeMethod(
        reply, [this, reply] { startAttempt(reply); }, Qt::QueuedConnection);
    return reply;
}

void AwsTransport::startAttempt(AwsReply *reply)
{
    if (reply->m_state == AwsReply::State::Finished)
        return;
    if (!m_credentials) {
        complete(reply,
            AwsError::transport(AwsError::Kind::CredentialsUnavailable, tr("No credentials are configured")));
        return;
    }
    reply->m_state = AwsReply::State::FetchingCredentials;
    const QPointer<AwsReply> guard(reply);
    m_credentials(reply, [this, guard](const CredentialsResult &result) {
        if (!guard || guard->m_state != AwsReply::State::FetchingCredentials)
            return;
        if (!result.credentials || !result.credentials->isValid()) {
            const QString why = result.error.isEmpty() ? tr("No credentials are configured") : result.error;
            complete(guard, AwsError::transport(AwsError::Kind::CredentialsUnavailable, why));
            return;
        }
        sendSigned(guard, *result.credentials);
    });
}

const SigV4Signer &AwsTransport::signerFor(const QUrl &url)
{
    QString region = m_options.region;
    if (region.isEmpty())
        region = regionFromHost(url.host());
    if (region.isEmpty())
        region = QStringLiteral("us-east-1");
    if (!m_signer || m_signer->options().region != region) {
        SigV4Signer::Options options;
        options.region = region;
        options.service = m_options.service;
        m_signer.emplace(options);
    }
    return *m_signer;
}

QDateTime AwsTransport::signingTime() const
{
    return m_clock->currentDateTimeUtc().addMSecs(m_clockOffset.count());
}

void AwsTransport::sendSigned(AwsReply *reply, const AwsCredentials &credentials)
{
    const AwsHttpRequest &request = reply->m_request;
    QNetworkRequest networkRequest(request.url);
    networkRequest.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    networkRequest.setRawHeader("User-Agent", userAgent());
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    if (!request.body.isEmpty() && !hasHeader(request.headers, "Content-Type"))
        networkRequest.setRawHeader("Content-Type", "application/json");
    // As the AWS SDKs do: one ID for every attempt of a request, and which attempt this is.
    networkRequest.setRawHeader("amz-sdk-invocation-id", reply->m_invocationId);
    networkRequest.setRawHeader("amz-sdk-request",
        "attempt=" + QByteArray::number(reply->m_attempts + 1)
            + "; max=" + QByteArray::number(m_retry.options().maxAttempts));
    signerFor(request.url)
        .signNetworkRequest(networkRequest, request.method, request.body, credentials, signingTime());

    ++reply->m_attempts;
    ++reply->m_retryAttempts;
    reply->m_timedOut = false;
    reply->m_state = AwsReply::State::Sending;
    reply->m_attemptClock.start();

    QNetworkReply *networkReply = nullptr;
    if (!request.idempotent) {
        // A body Qt cannot rewind, so Qt never sends it again on its own.
        networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, request.body.size());
        networkRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *body = new SequentialBody(request.body);
        networkReply = request.method == "POST"
            ? m_network->post(networkRequest, body)
            : m_network->sendCustomRequest(networkRequest, request.method, body);
        body->setParent(networkReply);
    } else if (request.method == "GET" && request.body.isEmpty()) {
        networkReply = m_network->get(networkRequest);
    } else if (request.method == "POST") {
        networkReply = m_network->post(networkRequest, request.body);
    } else {
        networkReply = m_network->sendCustomRequest(networkRequest, request.method, request.body);
    }
    reply->m_networkReply = networkReply;
    connect(networkReply, &QNetworkReply::finished, reply,
        [this, reply, networkReply] { onNetworkReplyFinished(reply, networkReply); });

    reply->m_timeout.start(request.timeout.value_or(m_options.timeout));
}

void AwsTransport::onTimeout(AwsReply *reply)
{
    if (QNetworkReply *networkReply = reply->m_networkReply.data()) {
        reply->m_timedOut = true;
        networkReply->abort(); // finishes it, with OperationCanceledError
    }
}

void AwsTransport::onNetworkReplyFinished(AwsReply *reply, QNetworkReply *networkReply)
{
    reply->m_timeout.stop();
    reply->m_networkReply.clear();
    networkReply->deleteLater();

    AwsHttpResponse response;
    const QVariant status = networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    response.httpStatus = status.isValid() ? status.toInt() : 0;
    response.headers = networkReply->rawHeaderPairs();
    // An aborted reply (timeout) is closed already: nothing to read.
    if (networkReply->isOpen())
        response.body = networkReply->readAll();

    if (reply->m_timedOut) {
        const milliseconds timeout = reply->m_request.timeout.value_or(m_options.timeout);
        onAttemptFailed(reply,
            AwsError::transport(
                AwsError::Kind::Timeout, tr("No complete response within %1 ms").arg(timeout.count())),
            response);
        return;
    }
    if (isNetworkLevel(networkReply->error()) || response.httpStatus == 0) {
        onAttemptFailed(reply, networkFailure(networkReply, response.httpStatus != 0), response);
        return;
    }
    // Qt reports a body cut short by a closed connection as an error above;
    // this catches what slips through (a declared length not met).
    const bool identityEncoded = !response.hasHeader("Content-Encoding")
        || response.header("Content-Encoding").trimmed().compare("identity", Qt::CaseInsensitive) == 0;
    const QByteArray declared = response.header("Content-Length").trimmed();
    bool lengthOk = false;
    const qint64 declaredLength = declared.toLongLong(&lengthOk);
    if (identityEncoded && lengthOk && reply->m_request.method != "HEAD"
        && response.body.size() < declaredLength) {
        onAttemptFailed(reply,
            AwsError::transport(AwsError::Kind::TruncatedResponse,
                tr("The response ended after %1 of %2 bytes").arg(response.body.size()).arg(declaredLength)),
            response);
        return;
    }

    reply->m_response = response;
    if (response.isSuccess()) {
        m_retry.onSuccess(reply->m_lastQuotaAcquired);
        const AwsAttemptInfo info = attemptInfo(reply, response);
        qCDebug(lcAwsTransport).noquote() << attemptLine(info);
        Q_EMIT attemptFinished(info);
        complete(reply, std::nullopt);
        return;
    }
    onAttemptFailed(reply, AwsError::fromHttpResponse(response), response);
}

std::optional<milliseconds> AwsTransport::clockSkewCorrection(
    const AwsError &error, const AwsHttpResponse &response) const
{
    const std::optional<QDateTime> serverTime = response.date();
    if (!serverTime)
        return std::nullopt;
    const milliseconds offset { m_clock->currentDateTimeUtc().msecsTo(*serverTime) };
    if (error.isClockSkewError())
        return offset;
    const bool signatureError = error.kind == AwsError::Kind::InvalidSignature
        || error.kind == AwsError::Kind::SignatureDoesNotMatch;
    if (signatureError && std::chrono::abs(offset - m_clockOffset) >= clockSkewTolerance)
        return offset;
    return std::nullopt;
}

void AwsTransport::onAttemptFailed(AwsReply *reply, const AwsError &error, const AwsHttpResponse &response)
{
    if (response.httpStatus != 0)
        reply->m_response = response;
    AwsAttemptInfo info = attemptInfo(reply, response);
    info.errorKind = error.kind;
    info.errorCode = error.code;

    // Clock skew: re-signed once at once with the server's time, outside the
    // retry strategy's attempts and quota.
    if (!reply->m_clockSkewCorrected) {
        if (const auto offset = clockSkewCorrection(error, response)) {
            reply->m_clockSkewCorrected = true;
            m_clockOffset = *offset;
            --reply->m_retryAttempts;
            info.next = AwsAttemptInfo::Next::ClockSkewRetry;
            qCInfo(lcAwsTransport).noquote().nospace()
                << attemptLine(info) << ", " << error.code << ", local clock corrected by " << offset->count()
                << " ms";
            Q_EMIT attemptFinished(info);
            startAttempt(reply);
            return;
        }
    }

    const RetryStrategy::Decision decision
        = m_retry.onAttemptFailed(reply->m_retryAttempts, error, reply->m_request.idempotent);
    info.verdict = decision.verdict;
    info.delay = decision.delay;
    info.next = decision.retry() ? AwsAttemptInfo::Next::Retry : AwsAttemptInfo::Next::Done;
    if (decision.retry()) {
        qCDebug(lcAwsTransport).noquote().nospace()
            << attemptLine(info) << ", " << AwsError::kindTitle(error.kind) << ' ' << error.code
            << ", retrying in " << decision.delay.count() << " ms";
    } else {
        qCDebug(lcAwsTransport).noquote().nospace()
            << attemptLine(info) << ", " << AwsError::kindTitle(error.kind) << ' ' << error.code
            << ", not retried: " << verdictName(decision.verdict);
    }
    Q_EMIT attemptFinished(info);
    if (!decision.retry()) {
        complete(reply, error);
        return;
    }
    reply->m_lastQuotaAcquired = decision.quotaAcquired;
    reply->m_state = AwsReply::State::WaitingToRetry;
    const QPointer<AwsReply> guard(reply);
    m_scheduler(decision.delay, reply, [this, guard] {
        if (guard && guard->m_state == AwsReply::State::WaitingToRetry)
            startAttempt(guard);
    });
}

void AwsTransport::cancel(AwsReply *reply)
{
    const bool attemptInFlight = reply->m_networkReply;
    reply->dropNetworkReply();
    if (attemptInFlight) {
        AwsAttemptInfo info = attemptInfo(reply, {});
        info.errorKind = AwsError::Kind::Cancelled;
        Q_EMIT attemptFinished(info);
    }
    complete(reply, AwsError::transport(AwsError::Kind::Cancelled, tr("The request was cancelled")));
}

void AwsTransport::complete(AwsReply *reply, std::optional<AwsError> error)
{
    reply->m_timeout.stop();
    setInFlight(m_inFlight - 1);
    reply->finish(std::move(error));
}

void AwsTransport::forget(AwsReply *)
{
    setInFlight(m_inFlight - 1);
}

void AwsTransport::setInFlight(int count)
{
    m_inFlight = count;
    Q_EMIT requestsInFlightChanged(count);
}

AwsAttemptInfo AwsTransport::attemptInfo(const AwsReply *reply, const AwsHttpResponse &response) const
{
    AwsAttemptInfo info;
    info.requestSerial = reply->m_serial;
    info.operation = reply->m_request.operation;
    info.attempt = reply->m_attempts;
    info.httpStatus = response.httpStatus;
    info.requestId = response.requestId();
    info.elapsed = milliseconds(reply->m_attemptClock.isValid() ? reply->m_attemptClock.elapsed() : 0);
    return info;
}

} // namespace mgn
