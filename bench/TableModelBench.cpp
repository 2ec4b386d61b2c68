#include "bench/TableModelBench.h"

#include "bench/BenchFleet.h"
#include "bench/SignalCounter.h"
#include "models/itemmodels/SourceServerFilterProxyModel.h"
#include "models/itemmodels/SourceServerTableModel.h"

#include <benchmark/benchmark.h>
#include <memory>
#include <vector>

using namespace mgn;

namespace mgn {

using mgn::SourceServer;
using mgn::SourceServerFilterProxyModel;
using mgn::SourceServerTableModel;

namespace {

void mergeIntoEmpty(benchmark::State &state, int servers)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    int emitted = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto model = std::make_unique<SourceServerTableModel>();
        SignalCounter counter(model.get());
        state.ResumeTiming();
        const auto stats = model->merge(fleet.servers);
        state.PauseTiming();
        if (stats.inserted != servers)
            state.SkipWithError("not every server was inserted");
        emitted = counter.count();
        model.reset();
        state.ResumeTiming();
    }
    state.counters["signals"] = emitted;
    state.SetItemsProcessed(state.iterations() * servers);
}

void copyIntoRows(benchmark::State &state, int servers)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    for (auto _ : state) {
        std::vector<std::unique_ptr<SourceServer>> rows;
        rows.reserve(std::size_t(fleet.servers.size()));
        for (const SourceServer &server : fleet.servers)
            rows.push_back(std::make_unique<SourceServer>(server));
        benchmark::DoNotOptimize(rows.data());
        state.PauseTiming();
        rows.clear();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * servers);
}

// Alternates between the two snapshots: each merge changes 1% of the rows.
void refreshMerge(benchmark::State &state, int servers, bool withProxy)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    SourceServerTableModel model;
    SourceServerFilterProxyModel proxy;
    if (withProxy) {
        proxy.setSourceModel(&model);
        proxy.sort(int(SourceServerTableModel::Column::Name));
    }
    model.merge(fleet.servers);
    SignalCounter counter(&model);
    bool toRefreshed = true;
    int updated = 0;
    for (auto _ : state) {
        const auto stats = model.merge(toRefreshed ? fleet.refreshed : fleet.servers);
        updated = stats.updated;
        toRefreshed = !toRefreshed;
    }
    state.counters["signals"] = benchmark::Counter(double(counter.count()) / double(state.iterations()));
    state.counters["updated"] = updated;
    state.SetItemsProcessed(state.iterations() * servers);
}

// As the window fills on its first refresh: each page of 1000 upserted while
// the proxy keeps the rows sorted by name, then the whole snapshot merged.
// Without the proxy: what the paging costs the table model alone.
void fillByPages(benchmark::State &state, int servers, bool withProxy)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    QList<QList<SourceServer>> pages;
    for (qsizetype i = 0; i < fleet.servers.size(); i += BenchFleet::pageSize)
        pages.append(fleet.servers.mid(i, BenchFleet::pageSize));
    for (auto _ : state) {
        state.PauseTiming();
        auto model = std::make_unique<SourceServerTableModel>();
        std::unique_ptr<SourceServerFilterProxyModel> proxy;
        if (withProxy) {
            proxy = std::make_unique<SourceServerFilterProxyModel>();
            proxy->setSourceModel(model.get());
            proxy->sort(int(SourceServerTableModel::Column::Name));
        }
        state.ResumeTiming();
        for (const auto &page : pages)
            model->upsert(page);
        model->merge(fleet.servers);
        state.PauseTiming();
        if (model->rowCount() != servers || (proxy && proxy->rowCount() == 0))
            state.SkipWithError("not every server was inserted, or the proxy shows nothing");
        proxy.reset();
        model.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * servers);
}

void compareSnapshot(benchmark::State &state, int servers)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    std::vector<std::unique_ptr<SourceServer>> rows;
    for (const SourceServer &server : fleet.servers)
        rows.push_back(std::make_unique<SourceServer>(server));
    for (auto _ : state) {
        int changed = 0;
        for (qsizetype i = 0; i < fleet.refreshed.size(); ++i)
            changed += *rows[std::size_t(i)] == fleet.refreshed.at(i) ? 0 : 1;
        benchmark::DoNotOptimize(changed);
    }
    state.SetItemsProcessed(state.iterations() * servers);
}

} // namespace

void TableModelBench::registerBenchmarks(const QList<int> &sizes)
{
    for (const int servers : sizes) {
        registerForFleet("merge_empty", servers, mergeIntoEmpty);
        registerForFleet("merge_empty.ref_copy", servers, copyIntoRows);
        registerForFleet("fill_pages", servers, fillByPages, false);
        registerForFleet("fill_pages_proxy", servers, fillByPages, true);
        registerForFleet("merge_1pct", servers, refreshMerge, false);
        registerForFleet("merge_1pct_proxy", servers, refreshMerge, true);
        registerForFleet("merge_1pct.ref_compare", servers, compareSnapshot);
    }
}

} // namespace mgn
