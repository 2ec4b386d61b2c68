#include "bench/EmulatorBench.h"

#include "bench/BenchFleet.h"
#include "emulator/service/MgnService.h"

#include <QJsonDocument>

#include <benchmark/benchmark.h>
#include <vector>

using namespace mgn;

namespace mgn {

namespace {

void listFleet(benchmark::State &state, int servers)
{
    const auto service = BenchFleet::service(servers);
    qsizetype bytes = 0;
    for (auto _ : state) {
        const QList<QByteArray> pages = BenchFleet::listPages(*service);
        bytes = 0;
        for (const QByteArray &page : pages)
            bytes += page.size();
    }
    state.SetBytesProcessed(state.iterations() * bytes);
    state.SetItemsProcessed(state.iterations() * servers);
}

void writeDocuments(benchmark::State &state, int servers)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    std::vector<QJsonDocument> documents;
    for (const QByteArray &page : fleet.pages)
        documents.push_back(QJsonDocument::fromJson(page));
    for (auto _ : state) {
        for (const QJsonDocument &document : documents) {
            QByteArray bytes = document.toJson(QJsonDocument::Compact);
            benchmark::DoNotOptimize(bytes);
        }
    }
    state.SetBytesProcessed(state.iterations() * fleet.bytes);
    state.SetItemsProcessed(state.iterations() * servers);
}

} // namespace

void EmulatorBench::registerBenchmarks(const QList<int> &sizes)
{
    for (const int servers : sizes) {
        registerForFleet("emulator_list", servers, listFleet);
        registerForFleet("emulator_list.ref_toJson", servers, writeDocuments);
    }
}

} // namespace mgn
