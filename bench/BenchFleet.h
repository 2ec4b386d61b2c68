#pragma once

#include "models/domain/SourceServer.h"

#include <QByteArray>
#include <QList>

#include <benchmark/benchmark.h>
#include <memory>
#include <string>
#include <utility>

namespace mgn {

class MgnService;

// The emulator's realistic fleet (FleetGenerator, seed 7 as --demo) of a
// given size, frozen at one instant so that every run sees the same bytes:
// the DescribeSourceServers bodies the emulator sends for it, 1000 servers a
// page, and the servers as a client decodes them. Built once per size.
class BenchFleet final
{
public:
    static constexpr int pageSize = 1000;
    static constexpr quint32 seed = 7;

    static const BenchFleet &of(int servers);

    // A service on that fleet, its clock standing still.
    static std::unique_ptr<MgnService> service(int servers);
    // Every page of DescribeSourceServers from `service`, as response bodies.
    static QList<QByteArray> listPages(MgnService &service, int pageSize = BenchFleet::pageSize);

    int size = 0;
    QList<QByteArray> pages;
    qsizetype bytes = 0;
    QList<mgn::SourceServer> servers;
    // The same snapshot with one server in a hundred changed (its last-seen
    // date and lag moved on, as a refresh shows them), the others equal.
    QList<mgn::SourceServer> refreshed;
};

// Registers `name/<servers>`, reported in milliseconds: function(state,
// servers, extra...) runs on the fleet of that size.
template<typename Function, typename... Extra>
void registerForFleet(const std::string &name, int servers, Function function, Extra &&...extra)
{
    benchmark::RegisterBenchmark(
        (name + '/' + std::to_string(servers)).c_str(), function, servers, std::forward<Extra>(extra)...)
        ->Unit(benchmark::kMillisecond);
}

} // namespace mgn
