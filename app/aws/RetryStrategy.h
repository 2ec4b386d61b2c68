#pragma once

#include "app/aws/AwsError.h"

#include <QProcessEnvironment>

#include <chrono>
#include <functional>

namespace mgn {

// The AWS SDKs' "standard" retry mode, as botocore implements it
// (botocore/retries/standard.py and quota.py):
// - at most maxAttempts attempts (3; AWS_MAX_ATTEMPTS);
// - only retryable errors (AwsError::isRetryable): throttling, transient
//   codes, HTTP 500/502/503/504, transport failures; never a caller-fault 4xx;
// - full-jitter exponential backoff: random() * min(2^(attempt-1) s, 20 s),
//   `attempt` being the 1-based attempt that failed (so the first retry waits
//   random() * 1 s);
// - a retry quota shared by the requests of one client: a token bucket of
//   500, a retry costs 5 (10 after a timeout), a success gives back what its
//   last retry took (1 when it needed none); no retry when it runs dry.
//
// Retry-After, which botocore's standard mode ignores, is honoured: the delay
// is at least what the service asked, as long as that is within maxBackoff.
// A longer Retry-After ends the retries: the error reaches the caller with
// its retryAfter, rather than a request hanging on for minutes.
class RetryStrategy final
{
public:
    struct Options final {
        int maxAttempts = 3;
        std::chrono::milliseconds maxBackoff { 20000 };
        int initialQuota = 500;
        int retryCost = 5;
        int timeoutRetryCost = 10;
        int noRetryIncrement = 1;
    };

    // A uniform random number in [0, 1).
    using RandomSource = std::function<double()>;

    enum class Verdict {
        Retry,
        NotRetryable,
        MaxAttemptsReached,
        QuotaExhausted,
        RetryAfterTooLong,
        // Not idempotent, and the service may have acted on it.
        NotIdempotent,
    };

    struct Decision final {
        Verdict verdict = Verdict::NotRetryable;
        std::chrono::milliseconds delay { 0 };
        int quotaAcquired = 0; // hand back to onSuccess when the request succeeds
        bool retry() const { return verdict == Verdict::Retry; }
    };

    // Two constructors rather than `Options options = {}`: a default argument
    // cannot use the default member initializers of a class nested in the
    // one being defined.
    RetryStrategy();
    explicit RetryStrategy(Options options, RandomSource random = {});

    const Options &options() const { return m_options; }
    void setMaxAttempts(int attempts);
    void setRandomSource(RandomSource random);

    // AWS_MAX_ATTEMPTS when it is a positive integer, otherwise `fallback`.
    static int maxAttemptsFromEnvironment(
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(), int fallback = 3);

    // Whether the error is worth another attempt, attempts and quota aside.
    static bool isRetryable(const AwsError &error) { return error.isRetryable(); }
    // Whether the error proves the service did not act on the request: it
    // was throttled, or it never reached the service (connection refused,
    // unknown host, TLS failure). A 5xx, a dropped connection, a timeout or a
    // malformed answer prove nothing: the request may have been carried out.
    static bool certainlyNotActedOn(const AwsError &error);

    // The jittered delay before the attempt after `attempt` (1-based, the one
    // that failed), Retry-After not considered.
    std::chrono::milliseconds backoff(int attempt) const;
    // The largest backoff() can be for that attempt.
    std::chrono::milliseconds maxBackoffFor(int attempt) const;

    // Called when attempt `attempt` (1-based) failed with `error`: decides,
    // and takes the retry's cost from the quota when it retries. A request
    // that is not idempotent is retried only when certainlyNotActedOn().
    Decision onAttemptFailed(int attempt, const AwsError &error, bool idempotent = true);
    // Called when a request succeeded; `lastQuotaAcquired` is the
    // quotaAcquired of its last retry decision, 0 when it never retried.
    void onSuccess(int lastQuotaAcquired);

    int availableQuota() const { return m_available; }

private:
    Options m_options;
    RandomSource m_random;
    int m_available;
};

} // namespace mgn
