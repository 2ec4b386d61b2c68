#include "bench/ProxyBench.h"

#include "bench/BenchFleet.h"
#include "models/itemmodels/SourceServerFilterProxyModel.h"
#include "models/itemmodels/SourceServerTableModel.h"

#include <QMetaEnum>
#include <QVariant>

#include <algorithm>
#include <benchmark/benchmark.h>
#include <numeric>
#include <vector>

using namespace mgn;

namespace mgn {

using namespace Qt::Literals::StringLiterals;
using mgn::SourceServerFilterProxyModel;
using mgn::SourceServerTableModel;
using Column = SourceServerTableModel::Column;

namespace {

// Matches about a third of the realistic fleet's servers (its "-prod-" ones
// and their tags).
const QString filterText = u"prod"_s;

struct Table final {
    explicit Table(int servers)
    {
        model.merge(BenchFleet::of(servers).servers);
        proxy.setSourceModel(&model);
    }
    SourceServerTableModel model;
    SourceServerFilterProxyModel proxy;
};

void sortBy(benchmark::State &state, int servers, int column)
{
    Table table(servers);
    for (auto _ : state) {
        state.PauseTiming();
        table.proxy.sort(-1);
        state.ResumeTiming();
        table.proxy.sort(column, Qt::AscendingOrder);
    }
    state.SetItemsProcessed(state.iterations() * servers);
}

// The proxy's order (absent after present, ties by ID) on keys read once.
void sortKeys(benchmark::State &state, int servers, int column)
{
    Table table(servers);
    const auto count = std::size_t(servers);
    std::vector<QVariant> keys(count);
    std::vector<QString> ids(count);
    for (int row = 0; row < servers; ++row) {
        keys[std::size_t(row)]
            = table.model.data(table.model.index(row, column), SourceServerTableModel::SortRole);
        ids[std::size_t(row)] = table.model.serverAt(row)->id();
    }
    std::vector<int> order(count);
    for (auto _ : state) {
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            const QVariant &l = keys[std::size_t(a)];
            const QVariant &r = keys[std::size_t(b)];
            if (l.isValid() != r.isValid())
                return l.isValid();
            if (l.isValid()) {
                const auto comparison = QVariant::compare(l, r);
                if (comparison == QPartialOrdering::Less)
                    return true;
                if (comparison == QPartialOrdering::Greater)
                    return false;
            }
            return ids[std::size_t(a)] < ids[std::size_t(b)];
        });
        benchmark::DoNotOptimize(order.data());
    }
    state.SetItemsProcessed(state.iterations() * servers);
}

// As the window has it: sorted by name, then a text typed in the filter box.
void filterByText(benchmark::State &state, int servers)
{
    Table table(servers);
    table.proxy.sort(int(Column::Name));
    table.proxy.setArchivedView(SourceServerFilterProxyModel::ArchivedView::All);
    int shown = 0;
    for (auto _ : state) {
        state.PauseTiming();
        table.proxy.setFilterText(QString());
        state.ResumeTiming();
        table.proxy.setFilterText(filterText);
        shown = table.proxy.rowCount();
    }
    state.counters["shown"] = shown;
    state.SetItemsProcessed(state.iterations() * servers);
}

void matchText(benchmark::State &state, int servers)
{
    const BenchFleet &fleet = BenchFleet::of(servers);
    int shown = 0;
    for (auto _ : state) {
        shown = 0;
        for (const mgn::SourceServer &server : fleet.servers)
            shown += SourceServerFilterProxyModel::matchesText(server, filterText) ? 1 : 0;
        benchmark::DoNotOptimize(shown);
    }
    state.counters["shown"] = shown;
    state.SetItemsProcessed(state.iterations() * servers);
}

} // namespace

void ProxyBench::registerBenchmarks(const QList<int> &sizes)
{
    const QMetaEnum columns = QMetaEnum::fromType<Column>();
    for (const int servers : sizes) {
        for (int column = 0; column < SourceServerTableModel::ColumnCount; ++column) {
            const std::string name = columns.valueToKey(column);
            registerForFleet("sort." + name, servers, sortBy, column);
            registerForFleet("sort." + name + ".ref_stable_sort", servers, sortKeys, column);
        }
        registerForFleet("filter_text", servers, filterByText);
        registerForFleet("filter_text.ref_predicate", servers, matchText);
    }
}

} // namespace mgn
