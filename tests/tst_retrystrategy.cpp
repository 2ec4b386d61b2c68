#include "app/aws/AwsError.h"
#include "app/aws/RetryStrategy.h"

#include <QTest>

#include <chrono>

using namespace mgn;

using namespace std::chrono_literals;
using std::chrono::milliseconds;
using Kind = AwsError::Kind;
using Verdict = RetryStrategy::Verdict;

Q_DECLARE_METATYPE(AwsError)
Q_DECLARE_METATYPE(RetryStrategy::Verdict)

namespace {

AwsError serviceError(int status, const QByteArray &type)
{
    return AwsError::fromHttpResponse(status, { { "x-amzn-ErrorType", type } }, R"({"message":"m"})");
}

AwsError throttling(std::optional<milliseconds> retryAfter = std::nullopt)
{
    AwsError error = serviceError(429, "ThrottlingException");
    error.retryAfter = retryAfter;
    return error;
}

RetryStrategy::RandomSource fixed(double value)
{
    return [value] { return value; };
}

} // namespace

// The AWS "standard" retry mode: which errors are retried, the full-jitter
// capped exponential backoff, Retry-After, the retry quota and max attempts.
class TestRetryStrategy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void backoff_data();
    void backoff();
    void decisionDelayIsTheBackoff();
    void retryAfter_data();
    void retryAfter();
    void retryAfterTooLong();
    void quotaExhaustedAndRefunded();
    void timeoutCostsMore();
    void successWithoutRetryRefundsOne();
    void maxAttempts();
    void maxAttemptsFromEnvironment_data();
    void maxAttemptsFromEnvironment();
    void retryable_data();
    void retryable();
    void notRetryable_data();
    void notRetryable();
    void notIdempotent_data();
    void notIdempotent();
};

void TestRetryStrategy::defaults()
{
    const RetryStrategy strategy;
    QCOMPARE(strategy.options().maxAttempts, 3);
    QCOMPARE(strategy.options().maxBackoff, 20s);
    QCOMPARE(strategy.options().initialQuota, 500);
    QCOMPARE(strategy.options().retryCost, 5);
    QCOMPARE(strategy.options().timeoutRetryCost, 10);
    QCOMPARE(strategy.options().noRetryIncrement, 1);
    QCOMPARE(strategy.availableQuota(), 500);
}

void TestRetryStrategy::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("expectedMs");

    // random() * min(2^(attempt-1) s, 20 s)
    QTest::newRow("1, 0") << 1 << 0.0 << qint64(0);
    QTest::newRow("1, 0.5") << 1 << 0.5 << qint64(500);
    QTest::newRow("1, 1") << 1 << 1.0 << qint64(1000);
    QTest::newRow("2, 0") << 2 << 0.0 << qint64(0);
    QTest::newRow("2, 0.5") << 2 << 0.5 << qint64(1000);
    QTest::newRow("2, 1") << 2 << 1.0 << qint64(2000);
    QTest::newRow("3, 0.5") << 3 << 0.5 << qint64(2000);
    QTest::newRow("3, 1") << 3 << 1.0 << qint64(4000);
    QTest::newRow("5, 1") << 5 << 1.0 << qint64(16000);
    QTest::newRow("6, 1: capped") << 6 << 1.0 << qint64(20000);
    QTest::newRow("6, 0.5: half the cap") << 6 << 0.5 << qint64(10000);
    QTest::newRow("10, 1: capped") << 10 << 1.0 << qint64(20000);
    QTest::newRow("100, 1: no overflow") << 100 << 1.0 << qint64(20000);
    QTest::newRow("out of range random is clamped") << 1 << 7.0 << qint64(1000);
}

void TestRetryStrategy::backoff()
{
    QFETCH(int, attempt);
    QFETCH(double, random);
    QFETCH(qint64, expectedMs);
    const RetryStrategy strategy({}, fixed(random));
    QCOMPARE(strategy.backoff(attempt), milliseconds(expectedMs));
    QVERIFY(strategy.backoff(attempt) <= strategy.maxBackoffFor(attempt));
}

void TestRetryStrategy::decisionDelayIsTheBackoff()
{
    RetryStrategy::Options options;
    options.maxAttempts = 10;
    RetryStrategy strategy(options, fixed(1.0));
    const AwsError error = serviceError(503, "ServiceUnavailable");
    QList<milliseconds> delays;
    for (int attempt = 1; attempt < 10; ++attempt) {
        const auto decision = strategy.onAttemptFailed(attempt, error);
        QVERIFY(decision.retry());
        delays.append(decision.delay);
    }
    QCOMPARE(delays, (QList<milliseconds> { 1s, 2s, 4s, 8s, 16s, 20s, 20s, 20s, 20s }));

    // The default random source: full jitter, within [0, cap].
    RetryStrategy jittered(options);
    for (int i = 0; i < 100; ++i) {
        const milliseconds delay = jittered.backoff(3);
        QVERIFY(delay >= 0ms && delay <= 4s);
    }
}

void TestRetryStrategy::retryAfter_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<double>("random");
    QTest::addColumn<qint64>("retryAfterMs");
    QTest::addColumn<qint64>("expectedMs");

    QTest::newRow("longer than the backoff") << 1 << 0.5 << qint64(3000) << qint64(3000);
    QTest::newRow("shorter than the backoff") << 3 << 1.0 << qint64(3000) << qint64(4000);
    QTest::newRow("zero") << 1 << 0.5 << qint64(0) << qint64(500);
    QTest::newRow("at the cap") << 1 << 0.0 << qint64(20000) << qint64(20000);
}

void TestRetryStrategy::retryAfter()
{
    QFETCH(int, attempt);
    QFETCH(double, random);
    QFETCH(qint64, retryAfterMs);
    QFETCH(qint64, expectedMs);
    RetryStrategy::Options options;
    options.maxAttempts = 5;
    RetryStrategy strategy(options, fixed(random));
    const auto decision = strategy.onAttemptFailed(attempt, throttling(milliseconds(retryAfterMs)));
    QCOMPARE(decision.verdict, Verdict::Retry);
    QCOMPARE(decision.delay, milliseconds(expectedMs));
}

// A Retry-After beyond the cap ends the retries rather than leaving the
// request hanging; the caller gets the error with its retryAfter.
void TestRetryStrategy::retryAfterTooLong()
{
    RetryStrategy strategy({}, fixed(0.5));
    const auto decision = strategy.onAttemptFailed(1, throttling(20001ms));
    QCOMPARE(decision.verdict, Verdict::RetryAfterTooLong);
    QCOMPARE(decision.quotaAcquired, 0);
    QCOMPARE(strategy.availableQuota(), 500);

    RetryStrategy::Options options;
    options.maxBackoff = 60s;
    RetryStrategy patient(options, fixed(0.5));
    QCOMPARE(patient.onAttemptFailed(1, throttling(30s)).delay, 30s);
}

void TestRetryStrategy::quotaExhaustedAndRefunded()
{
    RetryStrategy::Options options;
    options.maxAttempts = 1000;
    RetryStrategy strategy(options, fixed(0));
    const AwsError error = serviceError(500, "InternalServerException");

    // 500 tokens at 5 a retry: 100 retries.
    for (int i = 0; i < 100; ++i) {
        const auto decision = strategy.onAttemptFailed(1, error);
        QCOMPARE(decision.verdict, Verdict::Retry);
        QCOMPARE(decision.quotaAcquired, 5);
    }
    QCOMPARE(strategy.availableQuota(), 0);
    const auto refused = strategy.onAttemptFailed(1, error);
    QCOMPARE(refused.verdict, Verdict::QuotaExhausted);
    QCOMPARE(refused.quotaAcquired, 0);
    QCOMPARE(strategy.availableQuota(), 0);

    // A success after a retry gives back what that retry took.
    strategy.onSuccess(5);
    QCOMPARE(strategy.availableQuota(), 5);
    QCOMPARE(strategy.onAttemptFailed(1, error).verdict, Verdict::Retry);
    QCOMPARE(strategy.availableQuota(), 0);

    // Errors that are not retried cost nothing, even with the quota empty.
    QCOMPARE(
        strategy.onAttemptFailed(1, serviceError(400, "ValidationException")).verdict, Verdict::NotRetryable);
    QCOMPARE(strategy.availableQuota(), 0);
}

void TestRetryStrategy::timeoutCostsMore()
{
    RetryStrategy::Options options;
    options.maxAttempts = 1000;
    RetryStrategy strategy(options, fixed(0));
    const AwsError timeout = AwsError::transport(Kind::Timeout);
    const auto decision = strategy.onAttemptFailed(1, timeout);
    QCOMPARE(decision.quotaAcquired, 10);
    QCOMPARE(strategy.availableQuota(), 490);
    strategy.onSuccess(decision.quotaAcquired);
    QCOMPARE(strategy.availableQuota(), 500);

    // 7 tokens left: enough for a 5-token retry, not for a timeout's 10.
    for (int i = 0; i < 49; ++i)
        strategy.onAttemptFailed(1, timeout);
    strategy.onSuccess(0);
    strategy.onSuccess(0);
    QCOMPARE(strategy.availableQuota(), 12);
    QCOMPARE(strategy.onAttemptFailed(1, AwsError::transport(Kind::ConnectionClosed)).quotaAcquired, 5);
    QCOMPARE(strategy.availableQuota(), 7);
    QCOMPARE(strategy.onAttemptFailed(1, timeout).verdict, Verdict::QuotaExhausted);
    QCOMPARE(
        strategy.onAttemptFailed(1, AwsError::transport(Kind::ConnectionClosed)).verdict, Verdict::Retry);
    QCOMPARE(strategy.availableQuota(), 2);
}

void TestRetryStrategy::successWithoutRetryRefundsOne()
{
    RetryStrategy strategy({}, fixed(0));
    strategy.onSuccess(0);
    QCOMPARE(strategy.availableQuota(), 500); // never above the initial quota
    strategy.onAttemptFailed(1, throttling());
    strategy.onAttemptFailed(1, throttling());
    QCOMPARE(strategy.availableQuota(), 490);
    strategy.onSuccess(0);
    QCOMPARE(strategy.availableQuota(), 491);
    strategy.onSuccess(5);
    QCOMPARE(strategy.availableQuota(), 496);
    for (int i = 0; i < 10; ++i)
        strategy.onSuccess(0);
    QCOMPARE(strategy.availableQuota(), 500);
}

void TestRetryStrategy::maxAttempts()
{
    RetryStrategy strategy({}, fixed(0));
    const AwsError error = AwsError::transport(Kind::ConnectionRefused);
    QCOMPARE(strategy.onAttemptFailed(1, error).verdict, Verdict::Retry);
    QCOMPARE(strategy.onAttemptFailed(2, error).verdict, Verdict::Retry);
    QCOMPARE(strategy.onAttemptFailed(3, error).verdict, Verdict::MaxAttemptsReached);
    QCOMPARE(strategy.availableQuota(), 490); // the refused third retry took nothing

    strategy.setMaxAttempts(5);
    QCOMPARE(strategy.onAttemptFailed(4, error).verdict, Verdict::Retry);
    QCOMPARE(strategy.onAttemptFailed(5, error).verdict, Verdict::MaxAttemptsReached);

    strategy.setMaxAttempts(1); // no retries at all
    QCOMPARE(strategy.onAttemptFailed(1, error).verdict, Verdict::MaxAttemptsReached);
    strategy.setMaxAttempts(0); // at least one attempt
    QCOMPARE(strategy.options().maxAttempts, 1);
}

void TestRetryStrategy::maxAttemptsFromEnvironment_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("expected");

    QTest::newRow("unset") << QString() << 3;
    QTest::newRow("5") << QStringLiteral("5") << 5;
    QTest::newRow("1") << QStringLiteral(" 1 ") << 1;
    QTest::newRow("0") << QStringLiteral("0") << 3;
    QTest::newRow("negative") << QStringLiteral("-2") << 3;
    QTest::newRow("text") << QStringLiteral("many") << 3;
}

void TestRetryStrategy::maxAttemptsFromEnvironment()
{
    QFETCH(QString, value);
    QFETCH(int, expected);
    QProcessEnvironment env;
    if (!value.isNull())
        env.insert(QStringLiteral("AWS_MAX_ATTEMPTS"), value);
    QCOMPARE(RetryStrategy::maxAttemptsFromEnvironment(env), expected);
}

void TestRetryStrategy::retryable_data()
{
    QTest::addColumn<AwsError>("error");
    QTest::addColumn<int>("cost");

    for (const char *code :
        { "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
            "TooManyRequestsException", "ProvisionedThroughputExceededException",
            "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
            "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
            "EC2ThrottledException", "RequestTimeout", "RequestTimeoutException" }) {
        QTest::addRow("code %s", code) << serviceError(400, code) << 5;
    }
    for (int status : { 500, 502, 503, 504 })
        QTest::addRow("status %d", status) << AwsError::fromHttpResponse(status, {}, {}) << 5;
    QTest::newRow("InternalServerException") << serviceError(500, "InternalServerException") << 5;
    QTest::newRow("bare 429") << AwsError::fromHttpResponse(429, {}, {}) << 5;
    QTest::newRow("refused") << AwsError::transport(Kind::ConnectionRefused) << 5;
    QTest::newRow("closed") << AwsError::transport(Kind::ConnectionClosed) << 5;
    QTest::newRow("host not found") << AwsError::transport(Kind::HostNotFound) << 5;
    QTest::newRow("truncated") << AwsError::transport(Kind::TruncatedResponse) << 5;
    QTest::newRow("network") << AwsError::transport(Kind::NetworkError) << 5;
    QTest::newRow("timeout") << AwsError::transport(Kind::Timeout) << 10;
}

void TestRetryStrategy::retryable()
{
    QFETCH(AwsError, error);
    QFETCH(int, cost);
    RetryStrategy strategy({}, fixed(0.5));
    QVERIFY(RetryStrategy::isRetryable(error));
    const auto decision = strategy.onAttemptFailed(1, error);
    QCOMPARE(decision.verdict, Verdict::Retry);
    QCOMPARE(decision.quotaAcquired, cost);
    QCOMPARE(decision.delay, 500ms);
    QCOMPARE(strategy.availableQuota(), 500 - cost);
}

void TestRetryStrategy::notRetryable_data()
{
    QTest::addColumn<AwsError>("error");

    QTest::newRow("ValidationException") << serviceError(400, "ValidationException");
    QTest::newRow("UninitializedAccountException") << serviceError(400, "UninitializedAccountException");
    QTest::newRow("ServiceQuotaExceededException") << serviceError(402, "ServiceQuotaExceededException");
    QTest::newRow("AccessDeniedException") << serviceError(403, "AccessDeniedException");
    QTest::newRow("ResourceNotFoundException") << serviceError(404, "ResourceNotFoundException");
    QTest::newRow("ConflictException") << serviceError(409, "ConflictException");
    QTest::newRow("UnrecognizedClientException") << serviceError(403, "UnrecognizedClientException");
    QTest::newRow("InvalidSignatureException") << serviceError(403, "InvalidSignatureException");
    QTest::newRow("ExpiredTokenException") << serviceError(403, "ExpiredTokenException");
    QTest::newRow("unknown 4xx") << serviceError(400, "ShinyNewException");
    QTest::newRow("bare 400") << AwsError::fromHttpResponse(400, {}, {});
    QTest::newRow("bare 501") << AwsError::fromHttpResponse(501, {}, {});
    QTest::newRow("cancelled") << AwsError::transport(Kind::Cancelled);
    QTest::newRow("tls") << AwsError::transport(Kind::Tls);
    QTest::newRow("malformed") << AwsError::transport(Kind::MalformedResponse);
    QTest::newRow("no credentials") << AwsError::transport(Kind::CredentialsUnavailable);
}

void TestRetryStrategy::notRetryable()
{
    QFETCH(AwsError, error);
    RetryStrategy strategy({}, fixed(0.5));
    QVERIFY(!RetryStrategy::isRetryable(error));
    const auto decision = strategy.onAttemptFailed(1, error);
    QCOMPARE(decision.verdict, Verdict::NotRetryable);
    QCOMPARE(decision.delay, 0ms);
    QCOMPARE(decision.quotaAcquired, 0);
    QCOMPARE(strategy.availableQuota(), 500);
}

void TestRetryStrategy::notIdempotent_data()
{
    QTest::addColumn<AwsError>("error");
    QTest::addColumn<bool>("notActedOn");

    // Refused before acting, or never delivered: safe to send again.
    QTest::newRow("ThrottlingException") << serviceError(429, "ThrottlingException") << true;
    QTest::newRow("bare 429") << AwsError::fromHttpResponse(429, {}, {}) << true;
    QTest::newRow("SlowDown") << serviceError(503, "SlowDown") << true;
    QTest::newRow("refused") << AwsError::transport(Kind::ConnectionRefused) << true;
    QTest::newRow("host not found") << AwsError::transport(Kind::HostNotFound) << true;
    // The service may have acted.
    QTest::newRow("InternalServerException") << serviceError(500, "InternalServerException") << false;
    QTest::newRow("502") << AwsError::fromHttpResponse(502, {}, {}) << false;
    QTest::newRow("closed") << AwsError::transport(Kind::ConnectionClosed) << false;
    QTest::newRow("timeout") << AwsError::transport(Kind::Timeout) << false;
    QTest::newRow("truncated") << AwsError::transport(Kind::TruncatedResponse) << false;
    QTest::newRow("network") << AwsError::transport(Kind::NetworkError) << false;
}

void TestRetryStrategy::notIdempotent()
{
    QFETCH(AwsError, error);
    QFETCH(bool, notActedOn);
    QCOMPARE(RetryStrategy::certainlyNotActedOn(error), notActedOn);

    RetryStrategy strategy({}, fixed(0.5));
    const auto decision = strategy.onAttemptFailed(1, error, false);
    QCOMPARE(decision.verdict, notActedOn ? Verdict::Retry : Verdict::NotIdempotent);
    // Nothing taken from the quota for a request not sent again.
    QCOMPARE(strategy.availableQuota(), notActedOn ? 500 - decision.quotaAcquired : 500);
    // The same failure of an idempotent request is retried.
    QCOMPARE(RetryStrategy({}, fixed(0.5)).onAttemptFailed(1, error, true).verdict, Verdict::Retry);
}

QTEST_GUILESS_MAIN(TestRetryStrategy)
#include "tst_retrystrategy.moc"
