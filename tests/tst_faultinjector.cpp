#include "app/aws/AwsError.h"
#include "app/aws/AwsHttpResponse.h"
#include "emulator/http/FaultInjector.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace mgn;

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using Fault = FaultInjector::Fault;
using Spec = FaultInjector::Spec;

Q_DECLARE_METATYPE(FaultInjector::Spec)
Q_DECLARE_METATYPE(FaultInjector::Fault)

namespace {

Spec spec(
    double throttle, double error500, double drop, double malformed, std::chrono::milliseconds slow = 0ms)
{
    Spec result;
    result.throttle = throttle;
    result.error500 = error500;
    result.drop = drop;
    result.malformed = malformed;
    result.slow = slow;
    return result;
}

AwsHttpResponse http(const EmulatorResponse &response)
{
    return AwsHttpResponse { response.status, response.headers, response.body };
}

} // namespace

class TestFaultInjector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseGood_data();
    void parseGood();
    void parseBad_data();
    void parseBad();
    void toStringParsesBack();
    void sameSeedSameDecisions();
    void ratesAreHonoured();
    void certainAndImpossibleFaults_data();
    void certainAndImpossibleFaults();
    void slowDelaysEveryRequest();
    void throttlingResponse();
    void internalErrorResponse();
    void malformedResponse_data();
    void malformedResponse();
};

void TestFaultInjector::parseGood_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Spec>("expected");
    QTest::newRow("empty") << QString() << Spec {};
    QTest::newRow("blank") << u"  "_s << Spec {};
    QTest::newRow("the documented example")
        << u"throttle=0.05,error500=0.02,drop=0.01,slow=300ms,malformed=0.01"_s
        << spec(0.05, 0.02, 0.01, 0.01, 300ms);
    QTest::newRow("one") << u"throttle=1"_s << spec(1, 0, 0, 0);
    QTest::newRow("percent") << u"error500=5%"_s << spec(0, 0.05, 0, 0);
    QTest::newRow("spaces and case") << u" Drop = 0.5 , MALFORMED=0.25 "_s << spec(0, 0, 0.5, 0.25);
    QTest::newRow("seconds") << u"slow=2s"_s << spec(0, 0, 0, 0, 2000ms);
    QTest::newRow("fractional seconds") << u"slow=1.5s"_s << spec(0, 0, 0, 0, 1500ms);
    QTest::newRow("zero") << u"throttle=0,slow=0ms"_s << Spec {};
    QTest::newRow("rates adding up to one")
        << u"throttle=0.25,error500=0.25,drop=0.25,malformed=0.25"_s << spec(0.25, 0.25, 0.25, 0.25);
}

void TestFaultInjector::parseGood()
{
    QFETCH(QString, text);
    QFETCH(Spec, expected);
    QString error;
    const auto parsed = Spec::parse(text, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->throttle, expected.throttle);
    QCOMPARE(parsed->error500, expected.error500);
    QCOMPARE(parsed->drop, expected.drop);
    QCOMPARE(parsed->malformed, expected.malformed);
    QCOMPARE(parsed->slow.count(), expected.slow.count());
    QCOMPARE(parsed->isEmpty(), expected == Spec {});
}

void TestFaultInjector::parseBad_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown fault")
        << u"throttle=0.1,latency=2s"_s
        << u"unknown fault \"latency\" (known: throttle, error500, drop, malformed, slow)"_s;
    QTest::newRow("no value") << u"throttle"_s << u"expected name=value, got \"throttle\""_s;
    QTest::newRow("empty item") << u"throttle=0.1,,drop=0.1"_s << u"expected name=value, got \"\""_s;
    QTest::newRow("rate above one") << u"drop=1.5"_s
                                    << u"drop: expected a rate between 0 and 1 (or 0%-100%), got \"1.5\""_s;
    QTest::newRow("negative rate")
        << u"throttle=-0.1"_s << u"throttle: expected a rate between 0 and 1 (or 0%-100%), got \"-0.1\""_s;
    QTest::newRow("not a number")
        << u"error500=often"_s << u"error500: expected a rate between 0 and 1 (or 0%-100%), got \"often\""_s;
    QTest::newRow("percent above 100")
        << u"malformed=150%"_s << u"malformed: expected a rate between 0 and 1 (or 0%-100%), got \"150%\""_s;
    QTest::newRow("duration without unit") << u"slow=300"_s
                                           << u"slow: expected a duration with a unit up to 10 minutes, e.g. "
                                              "slow=300ms or slow=2s, got \"300\""_s;
    QTest::newRow("duration too long") << u"slow=11m"_s
                                       << u"slow: expected a duration with a unit up to 10 minutes, e.g. "
                                          "slow=300ms or slow=2s, got \"11m\""_s;
    QTest::newRow("twice") << u"drop=0.1,drop=0.2"_s << u"drop is given twice"_s;
    QTest::newRow("sum above one")
        << u"throttle=0.6,error500=0.5"_s
        << u"the rates of throttle, error500, drop and malformed add up to 1.1; at most 1 "
           "(one fault per request)"_s;
}

void TestFaultInjector::parseBad()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!Spec::parse(text, &error));
    QVERIFY2(error.startsWith(message), qPrintable(error));
}

void TestFaultInjector::toStringParsesBack()
{
    const Spec original = spec(0.05, 0.02, 0.01, 0.125, 300ms);
    QCOMPARE(original.toString(), u"throttle=0.05,error500=0.02,drop=0.01,malformed=0.125,slow=300ms"_s);
    const auto parsed = Spec::parse(original.toString(), nullptr);
    QVERIFY(parsed);
    QVERIFY(*parsed == original);
    QCOMPARE(Spec {}.toString(), QString());
}

void TestFaultInjector::sameSeedSameDecisions()
{
    const Spec faults = spec(0.1, 0.1, 0.1, 0.1);
    FaultInjector first(faults, 42);
    FaultInjector second(faults, 42);
    FaultInjector other(faults, 43);
    QList<Fault> firstRun;
    QList<Fault> otherRun;
    for (int i = 0; i < 1000; ++i) {
        const FaultInjector::Decision decision = first.decide();
        QCOMPARE(second.decide(), decision);
        firstRun.append(decision.fault);
        otherRun.append(other.decide().fault);
    }
    QVERIFY(firstRun != otherRun);
    // The sequence of seed 42 is the same on every platform (not only within a run).
    FaultInjector again(faults, 42);
    QList<Fault> firstTen;
    for (int i = 0; i < 10; ++i)
        firstTen.append(again.decide().fault);
    QCOMPARE(firstTen, firstRun.mid(0, 10));
}

void TestFaultInjector::ratesAreHonoured()
{
    FaultInjector injector(spec(0.05, 0.02, 0.01, 0.01), 7);
    constexpr int draws = 200000;
    for (int i = 0; i < draws; ++i)
        injector.decide();
    const struct {
        Fault fault;
        double rate;
    } expected[] = { { Fault::Throttle, 0.05 }, { Fault::InternalError, 0.02 }, { Fault::Drop, 0.01 },
        { Fault::Malformed, 0.01 }, { Fault::None, 0.91 } };
    int total = 0;
    for (const auto &[fault, rate] : expected) {
        const double mean = draws * rate;
        const double sigma = std::sqrt(draws * rate * (1 - rate));
        const int count = injector.count(fault);
        total += count;
        QVERIFY2(std::abs(count - mean) < 5 * sigma,
            qPrintable(u"%1: %2 of %3 draws, expected about %4"_s.arg(FaultInjector::faultName(fault))
                           .arg(count)
                           .arg(draws)
                           .arg(mean)));
    }
    QCOMPARE(total, draws);
}

void TestFaultInjector::certainAndImpossibleFaults_data()
{
    QTest::addColumn<Spec>("faults");
    QTest::addColumn<Fault>("fault");
    QTest::newRow("none") << Spec {} << Fault::None;
    QTest::newRow("throttle") << spec(1, 0, 0, 0) << Fault::Throttle;
    QTest::newRow("error500") << spec(0, 1, 0, 0) << Fault::InternalError;
    QTest::newRow("drop") << spec(0, 0, 1, 0) << Fault::Drop;
    QTest::newRow("malformed") << spec(0, 0, 0, 1) << Fault::Malformed;
}

void TestFaultInjector::certainAndImpossibleFaults()
{
    QFETCH(Spec, faults);
    QFETCH(Fault, fault);
    FaultInjector injector(faults, 1);
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(injector.decide().fault, fault);
    QCOMPARE(injector.count(fault), 1000);
}

void TestFaultInjector::slowDelaysEveryRequest()
{
    FaultInjector injector(spec(0.5, 0, 0, 0, 300ms), 1);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(injector.decide().delay.count(), 300);
}

void TestFaultInjector::throttlingResponse()
{
    const EmulatorResponse response = FaultInjector::throttlingResponse();
    QCOMPARE(response.status, 429);
    const AwsError error = AwsError::fromHttpResponse(http(response));
    QCOMPARE(error.kind, AwsError::Kind::Throttling);
    QCOMPARE(error.code, u"ThrottlingException"_s);
    QVERIFY(error.retryAfter);
    QCOMPARE(error.retryAfter->count(), 1000);
    QVERIFY(error.isRetryable());
}

void TestFaultInjector::internalErrorResponse()
{
    const EmulatorResponse response = FaultInjector::internalErrorResponse();
    QCOMPARE(response.status, 500);
    const AwsError error = AwsError::fromHttpResponse(http(response));
    QCOMPARE(error.kind, AwsError::Kind::InternalServer);
    QVERIFY(error.isRetryable());
}

void TestFaultInjector::malformedResponse_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("a page") << 200 << QByteArray(R"({"items":[{"sourceServerID":"s-1"}],"nextToken":"t"})");
    QTest::newRow("an error") << 409 << QByteArray(R"({"message":"Conflict","code":"x"})");
    QTest::newRow("no body") << 204 << QByteArray();
    QTest::newRow("empty object") << 200 << QByteArray("{}");
}

void TestFaultInjector::malformedResponse()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    EmulatorResponse answer = EmulatorResponse::empty(status);
    answer.body = body;
    if (status >= 400)
        answer.headers.append({ QByteArray("x-amzn-ErrorType"), QByteArray("ConflictException") });
    const EmulatorResponse mangled = FaultInjector::malformedResponse(answer);
    QCOMPARE(mangled.status, 200);
    QVERIFY(!http(mangled).hasHeader("x-amzn-ErrorType"));
    QCOMPARE(http(mangled).header("Content-Type"), QByteArray("application/json"));
    QJsonParseError error;
    QJsonDocument::fromJson(mangled.body, &error);
    QVERIFY2(error.error != QJsonParseError::NoError, mangled.body.constData());
    QVERIFY(!mangled.body.isEmpty());
}

QTEST_GUILESS_MAIN(TestFaultInjector)
#include "tst_faultinjector.moc"
