#include "bench/SigV4Bench.h"

#include "app/aws/SigV4Signer.h"
#include "emulator/http/EmulatorOptions.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <benchmark/benchmark.h>

using namespace mgn;

namespace mgn {

using namespace Qt::Literals::StringLiterals;

namespace {

const QDateTime signedAt = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

SigV4Request describeRequest()
{
    SigV4Request request = SigV4Request::fromUrl("POST",
        QUrl(u"http://127.0.0.1:8443/DescribeSourceServers"_s),
        R"({"filters":{},"maxResults":1000,"nextToken":"REVTQ1JJQkVfU09VUkNFX1NFUlZFUlN8MTAwMHw1YTJmOWQ"})");
    request.appendHeader("Content-Type", "application/json");
    return request;
}

SigV4Signer signer()
{
    SigV4Signer::Options options;
    options.region = u"us-east-1"_s;
    options.service = u"mgn"_s;
    return SigV4Signer(options);
}

void sign(benchmark::State &state)
{
    const SigV4Signer signing = signer();
    const SigV4Request request = describeRequest();
    const AwsCredentials credentials = EmulatorOptions::demoCredentials();
    for (auto _ : state) {
        SigV4Signer::Result result = signing.signHeaders(request, credentials, signedAt);
        benchmark::DoNotOptimize(result.signature);
    }
    state.counters["signatures_per_s"]
        = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

void hashes(benchmark::State &state)
{
    const SigV4Signer signing = signer();
    const SigV4Request request = describeRequest();
    const AwsCredentials credentials = EmulatorOptions::demoCredentials();
    const SigV4Signer::Result signed_ = signing.signHeaders(request, credentials, signedAt);
    const QByteArray key
        = SigV4Signer::deriveSigningKey(credentials.secretAccessKey, "20261123", u"us-east-1"_s, u"mgn"_s);
    for (auto _ : state) {
        QByteArray body = QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex();
        QByteArray canonical
            = QCryptographicHash::hash(signed_.canonicalRequest, QCryptographicHash::Sha256).toHex();
        QByteArray mac
            = QMessageAuthenticationCode::hash(signed_.stringToSign, key, QCryptographicHash::Sha256).toHex();
        benchmark::DoNotOptimize(body);
        benchmark::DoNotOptimize(canonical);
        benchmark::DoNotOptimize(mac);
    }
    state.counters["signatures_per_s"]
        = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

} // namespace

void SigV4Bench::registerBenchmarks()
{
    benchmark::RegisterBenchmark("sigv4_sign", sign)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("sigv4_sign.ref_crypto", hashes)->Unit(benchmark::kMicrosecond);
}

} // namespace mgn
