#include "app/aws/RetryStrategy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace mgn {

RetryStrategy::RetryStrategy()
    : RetryStrategy(Options {})
{ }

RetryStrategy::RetryStrategy(Options options, RandomSource random)
    : m_options(options)
    , m_available(options.initialQuota)
{
    setRandomSource(std::move(random));
}

void RetryStrategy::setMaxAttempts(int attempts)
{
    m_options.maxAttempts = std::max(1, attempts);
}

void RetryStrategy::setRandomSource(RandomSource random)
{
    if (!random)
        random = [] { return QRandomGenerator::global()->generateDouble(); };
    m_random = std::move(random);
}

int RetryStrategy::maxAttemptsFromEnvironment(const QProcessEnvironment &env, int fallback)
{
    bool ok = false;
    const int value = env.value(QStringLiteral("AWS_MAX_ATTEMPTS")).trimmed().toInt(&ok);
    return ok && value > 0 ? value : fallback;
}

std::chrono::milliseconds RetryStrategy::maxBackoffFor(int attempt) const
{
    // 2^(attempt-1) seconds; past 2^15 s the cap has long been reached.
    const int exponent = std::clamp(attempt - 1, 0, 15);
    const std::chrono::milliseconds exponential { qint64(1000) << exponent };
    return std::min(exponential, m_options.maxBackoff);
}

std::chrono::milliseconds RetryStrategy::backoff(int attempt) const
{
    const double random = std::clamp(m_random(), 0.0, 1.0);
    const auto upper = static_cast<double>(maxBackoffFor(attempt).count());
    return std::chrono::milliseconds(std::llround(random * upper));
}

bool RetryStrategy::certainlyNotActedOn(const AwsError &error)
{
    switch (error.kind) {
    case AwsError::Kind::ConnectionRefused:
    case AwsError::Kind::HostNotFound:
    case AwsError::Kind::Tls:
        return true;
    default:
        return error.isThrottling();
    }
}

RetryStrategy::Decision RetryStrategy::onAttemptFailed(int attempt, const AwsError &error, bool idempotent)
{
    Decision decision;
    if (!error.isRetryable()) {
        decision.verdict = Verdict::NotRetryable;
        return decision;
    }
    if (!idempotent && !certainlyNotActedOn(error)) {
        decision.verdict = Verdict::NotIdempotent;
        return decision;
    }
    if (attempt >= m_options.maxAttempts) {
        decision.verdict = Verdict::MaxAttemptsReached;
        return decision;
    }
    if (error.retryAfter && *error.retryAfter > m_options.maxBackoff) {
        decision.verdict = Verdict::RetryAfterTooLong;
        return decision;
    }
    const int cost = error.isTimeout() ? m_options.timeoutRetryCost : m_options.retryCost;
    if (cost > m_available) {
        decision.verdict = Verdict::QuotaExhausted;
        return decision;
    }
    m_available -= cost;
    decision.verdict = Verdict::Retry;
    decision.quotaAcquired = cost;
    decision.delay = backoff(attempt);
    if (error.retryAfter)
        decision.delay = std::max(decision.delay, *error.retryAfter);
    return decision;
}

void RetryStrategy::onSuccess(int lastQuotaAcquired)
{
    const int refund = lastQuotaAcquired > 0 ? lastQuotaAcquired : m_options.noRetryIncrement;
    m_available = std::min(m_options.initialQuota, m_available + refund);
}

} // namespace mgn
