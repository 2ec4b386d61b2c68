#include "bench/CodecBench.h"

#include "bench/BenchFleet.h"
#include "models/codec/SourceServerCodec.h"

#include <QJsonDocument>

#include <benchmark/benchmark.h>

using namespace mgn;

namespace mgn {

namespace {

void decodePages(benchmark::State &state, int servers)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    for (auto _ : state) {
        qsizetype decoded = 0;
        for (const QByteArray &page : fleet.pages)
            decoded += mgn::SourceServerCodec::decodePage(page).items.size();
        if (decoded != servers)
            state.SkipWithError("a server did not decode");
        benchmark::DoNotOptimize(decoded);
    }
    state.SetBytesProcessed(state.iterations() * fleet.bytes);
    state.SetItemsProcessed(state.iterations() * servers);
}

// The same pages by QJsonDocument and SourceServerCodec::decode per item:
// the path decodePage takes when JsonTape refuses a text or an item fails.
void decodePagesWithQJsonDocument(benchmark::State &state, int servers)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    for (auto _ : state) {
        qsizetype decoded = 0;
        for (const QByteArray &page : fleet.pages) {
            decoded += mgn::PageCodec::decode<mgn::SourceServer>(
                page, QLatin1StringView("sourceServerID"), &mgn::SourceServerCodec::decode)
                           .items.size();
        }
        if (decoded != servers)
            state.SkipWithError("a server did not decode");
        benchmark::DoNotOptimize(decoded);
    }
    state.SetBytesProcessed(state.iterations() * fleet.bytes);
    state.SetItemsProcessed(state.iterations() * servers);
}

void parsePages(benchmark::State &state, int servers)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    for (auto _ : state) {
        for (const QByteArray &page : fleet.pages) {
            QJsonDocument document = QJsonDocument::fromJson(page);
            benchmark::DoNotOptimize(document);
        }
    }
    state.SetBytesProcessed(state.iterations() * fleet.bytes);
    state.SetItemsProcessed(state.iterations() * servers);
}

} // namespace

void CodecBench::registerBenchmarks(const QList<int> &sizes)
{
    for (const int servers : sizes) {
        registerForFleet("decode", servers, decodePages);
        registerForFleet("decode.ref_fromJson", servers, parsePages);
        registerForFleet("decode_qjsondocument", servers, decodePagesWithQJsonDocument);
    }
}

} // namespace mgn
